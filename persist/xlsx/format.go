// Package xlsx reads and writes RailAir's Excel workbook, the format clerks
// keep timetables in: sheets 城市, 车站, 列车 and 航班 as fixed in the
// product design. Import and export use one format, so a workbook exported
// and imported again gives the same timetable, and exporting that again the
// same cells.
//
// Reading streams rows (excelize row iterators), so large files use bounded
// memory, and reports every problem with its sheet, row and column.
package xlsx

import (
	"strings"

	"railair.app/railair/core/locale"
)

// Sheet names, Chinese first; the English ones are accepted on import.
var (
	sheetCities   = sheetName{"城市", "cities"}
	sheetStations = sheetName{"车站", "stations"}
	sheetTrains   = sheetName{"列车", "trains"}
	sheetFlights  = sheetName{"航班", "flights"}
)

type sheetName struct{ zh, en string }

func (s sheetName) matches(name string) bool {
	n := strings.TrimSpace(name)
	return n == s.zh || strings.EqualFold(n, s.en)
}

// column is a named column of a sheet.
type column struct {
	key      string // the English name, also accepted as a header
	zh       string // the Chinese header written on export
	required bool
	width    float64 // the export column width
	hint     string  // an example or explanation for the template
}

func (c column) text() locale.Text { return locale.Text{Zh: c.zh, En: c.key} }

// Column keys.
const (
	kCity        = "city"
	kNameEn      = "name_en"
	kProvince    = "province"
	kLat         = "lat"
	kLon         = "lon"
	kCityXfer    = "city_transfer_min"
	kStation     = "station"
	kKind        = "kind"
	kCode        = "code"
	kXfer        = "transfer_min"
	kService     = "service"
	kCategory    = "category"
	kArrive      = "arrive"
	kDepart      = "depart"
	kDay         = "day"
	kKm          = "km"
	kDays        = "days"
	kFirst       = "first_date"
	kLast        = "last_date"
	kFrom        = "from"
	kTo          = "to"
	classColumns = "" // marks where the seat-class columns go
)

var cityColumns = []column{
	{kCity, "城市", true, 12, "北京"},
	{kNameEn, "英文名", false, 16, "Beijing"},
	{kProvince, "省份", false, 10, "北京"},
	{kLat, "纬度", false, 11, "39.904989"},
	{kLon, "经度", false, 11, "116.405285"},
	{kCityXfer, "同城换乘分钟", false, 14, "90"},
}

var stationColumns = []column{
	{kStation, "车站", true, 18, "北京南"},
	{kCity, "城市", true, 12, "北京"},
	{kKind, "类型", true, 10, "火车站"},
	{kCode, "代码", false, 8, "VNP"},
	{kLat, "纬度", false, 11, ""},
	{kLon, "经度", false, 11, ""},
	{kXfer, "换乘分钟", false, 10, "30"},
}

var trainColumns = []column{
	{kService, "车次", true, 9, "G1"},
	{kCategory, "类型", false, 6, "G"},
	{kStation, "车站", true, 14, "北京南"},
	{kArrive, "到达", false, 7, ""},
	{kDepart, "出发", false, 7, "09:00"},
	{kDay, "天", false, 4, "0"},
	{kKm, "里程", false, 7, "0"},
	{classColumns, "", false, 0, ""},
	{kDays, "班期", false, 10, "1234567"},
	{kFirst, "开始日期", false, 11, ""},
	{kLast, "结束日期", false, 11, ""},
}

var flightColumns = []column{
	{kService, "航班号", true, 9, "CA1501"},
	{kFrom, "出发机场", true, 18, "北京首都国际机场"},
	{kTo, "到达机场", true, 18, "上海虹桥国际机场"},
	{kDepart, "起飞", true, 7, "08:00"},
	{kArrive, "到达", true, 7, "10:15"},
	{kDay, "天", false, 4, "0"},
	{classColumns, "", false, 0, ""},
	{kDays, "班期", false, 10, "1234567"},
	{kFirst, "开始日期", false, 11, ""},
	{kLast, "结束日期", false, 11, ""},
}

// Station kind words in the 类型 column.
const (
	kindRail    = "火车站"
	kindAirport = "机场"
)

// normalizeHeader reduces a header cell to the name it gives: spaces, a
// trailing "*" (required mark) and a bracketed English name are dropped.
func normalizeHeader(h string) string {
	h = strings.TrimSpace(h)
	for _, open := range []string{"（", "(", "["} {
		if i := strings.Index(h, open); i > 0 {
			h = h[:i]
		}
	}
	return strings.TrimSpace(strings.TrimSuffix(strings.TrimSpace(h), "*"))
}

// findColumn returns the column a header names, or false.
func findColumn(cols []column, header string) (column, bool) {
	h := normalizeHeader(header)
	for _, c := range cols {
		if c.key == classColumns {
			continue
		}
		if h == c.zh || strings.EqualFold(h, c.key) {
			return c, true
		}
	}
	return column{}, false
}
