package xlsx

import (
	"archive/zip"
	"bytes"
	"context"
	"errors"
	"fmt"
	"io"
	"math"
	"strconv"
	"strings"

	"github.com/xuri/excelize/v2"

	"railair.app/railair/core/locale"
	"railair.app/railair/core/timetable"
)

// Options tunes Import.
type Options struct {
	// Replace makes the workbook the whole timetable instead of merging it
	// into the base by key.
	Replace bool
	// Progress, if set, is called now and then with the rows read so far and
	// the rows the workbook's sheets declare in all.
	Progress func(done, total int)
}

// Result is what an import found.
type Result struct {
	Read     *timetable.Timetable // the records of the workbook
	Merged   *timetable.Timetable // the timetable to store
	Stats    timetable.MergeStats
	Stops    int     // stop rows read (a flight counts two)
	Warnings []Issue // sheets and columns ignored, stations created
}

// progressEvery is how many rows pass between two Progress calls.
const progressEvery = 2000

// Import reads a workbook and merges it into base (which is not modified),
// or with opt.Replace puts it in base's place. It returns an *Error listing
// every problem of the file, or the timetable to store. It reads no more
// than it must and stops early if ctx is cancelled.
func Import(ctx context.Context, r io.Reader, base *timetable.Timetable, opt Options) (*Result, error) {
	data, err := io.ReadAll(r)
	if err != nil {
		return nil, err
	}
	if text, ok := notAWorkbook(data); ok {
		return nil, &Error{Issues: []Issue{{Text: text}}}
	}
	f, err := excelize.OpenReader(bytes.NewReader(data))
	if err != nil {
		return nil, &Error{Issues: []Issue{{Text: openError(err)}}}
	}
	defer f.Close()
	rd := &reader{
		ctx: ctx, f: f, opt: opt,
		cityRow: map[string]int{}, stationRow: map[string]int{}, services: map[string]*servicePlace{},
		result: &Result{Read: &timetable.Timetable{}},
	}
	if err := rd.readAll(); err != nil {
		return nil, err
	}
	return rd.finish(base)
}

// oleMagic starts an OLE compound file: an encrypted workbook, or an old .xls.
var oleMagic = []byte{0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1}

// encryptionInfo is the name of the stream that encrypted workbooks carry,
// in UTF-16LE as OLE directories store it.
var encryptionInfo = []byte("E\x00n\x00c\x00r\x00y\x00p\x00t\x00i\x00o\x00n\x00I\x00n\x00f\x00o\x00")

// notAWorkbook recognizes files that are not .xlsx workbooks, to say what
// they are instead.
func notAWorkbook(data []byte) (locale.Text, bool) {
	if bytes.HasPrefix(data, oleMagic) {
		if bytes.Contains(data, encryptionInfo) {
			return locale.Textf("工作簿有密码保护，请在 Excel 中取消密码后再导入", "the workbook is password-protected; remove the password in Excel and import again"), true
		}
		return locale.Textf("这是旧版 .xls 文件，请在 Excel 中另存为 .xlsx 后再导入", "this is an old .xls file; save it as .xlsx in Excel and import again"), true
	}
	zr, err := zip.NewReader(bytes.NewReader(data), int64(len(data)))
	if err != nil {
		return locale.Textf("文件不是 Excel 工作簿（.xlsx）", "the file is not an Excel workbook (.xlsx)"), true
	}
	for _, f := range zr.File {
		if f.Name == "xl/workbook.xml" {
			return locale.Text{}, false
		}
		if f.Name == "stops.txt" {
			return locale.Textf("这是 GTFS 数据包，不是 Excel 工作簿", "this is a GTFS feed, not an Excel workbook"), true
		}
	}
	return locale.Textf("文件是 zip 压缩包，但不是 Excel 工作簿（.xlsx）", "the file is a zip archive but not an Excel workbook (.xlsx)"), true
}

// openError explains why a file could not be opened as a workbook.
func openError(err error) locale.Text {
	switch {
	case errors.Is(err, excelize.ErrWorkbookPassword):
		return locale.Textf("工作簿有密码保护，请在 Excel 中取消密码后再导入", "the workbook is password-protected; remove the password in Excel and import again")
	case strings.Contains(err.Error(), "zip: not a valid zip file"), errors.Is(err, excelize.ErrWorkbookFileFormat):
		return locale.Textf("文件不是 Excel 工作簿（.xlsx）", "the file is not an Excel workbook (.xlsx)")
	default:
		return locale.Textf("无法读取工作簿：%v", "cannot read the workbook: %v", err)
	}
}

// servicePlace remembers where a service's rows are, to point at cells.
type servicePlace struct {
	sheet    string
	rows     []int // the row of each stop (a flight's two stops share one)
	cols     map[string]int
	classCol map[string]int
	flight   bool
}

type reader struct {
	ctx    context.Context
	f      *excelize.File
	opt    Options
	issues []Issue
	result *Result

	cityRow, stationRow map[string]int
	citySheet           string
	stationSheet        string
	cityCols            map[string]int // column key → column of the 城市 sheet
	stationCols         map[string]int
	services            map[string]*servicePlace
	bad                 map[[3]any]bool // cells that already have an issue: sheet, row, col
	structural          bool            // a sheet could not be read as a table at all

	done, total int
}

func (rd *reader) addIssue(sheet string, row, col int, column locale.Text, text locale.Text) {
	rd.issues = append(rd.issues, Issue{Sheet: sheet, Row: row, Col: col, Column: column, Text: text})
	if rd.bad == nil {
		rd.bad = map[[3]any]bool{}
	}
	rd.bad[[3]any{sheet, row, col}] = true
}

func (rd *reader) warn(sheet string, row, col int, text locale.Text) {
	rd.result.Warnings = append(rd.result.Warnings, Issue{Sheet: sheet, Row: row, Col: col, Text: text})
}

func (rd *reader) readAll() error {
	sheets := rd.f.GetSheetList()
	known := map[*sheetName]string{}
	for _, name := range sheets {
		matched := false
		for _, sn := range []*sheetName{&sheetCities, &sheetStations, &sheetTrains, &sheetFlights} {
			if sn.matches(name) {
				if prev, dup := known[sn]; dup {
					rd.addIssue(name, 0, 0, locale.Text{}, locale.Textf("与工作表 %s 重复", "duplicates sheet %s", prev))
				}
				known[sn] = name
				matched = true
			}
		}
		if !matched {
			rd.warn(name, 0, 0, locale.Textf("不是 城市、车站、列车 或 航班，已忽略", "not 城市, 车站, 列车 or 航班 (cities, stations, trains, flights); ignored"))
		}
	}
	if len(known) == 0 {
		rd.addIssue("", 0, 0, locale.Text{}, locale.Textf("工作簿中没有 城市、车站、列车 或 航班 工作表（现有：%s）",
			"the workbook has no sheet 城市, 车站, 列车 or 航班 (cities, stations, trains, flights); it has: %s", strings.Join(sheets, ", ")))
		return &Error{Issues: rd.issues}
	}
	for _, name := range known {
		if dim, err := rd.f.GetSheetDimension(name); err == nil {
			if _, rows, err := excelize.CellNameToCoordinates(lastCell(dim)); err == nil {
				rd.total += rows
			}
		}
	}
	steps := []struct {
		sn   *sheetName
		read func(string) error
	}{
		{&sheetCities, rd.readCities}, {&sheetStations, rd.readStations},
		{&sheetTrains, rd.readTrains}, {&sheetFlights, rd.readFlights},
	}
	for _, s := range steps {
		if name, ok := known[s.sn]; ok {
			if err := s.read(name); err != nil {
				return err
			}
		}
	}
	return nil
}

func lastCell(dim string) string {
	if i := strings.LastIndex(dim, ":"); i >= 0 {
		return dim[i+1:]
	}
	return dim
}

// sheetRows iterates the rows of a sheet: fn gets the 1-based row number and
// the raw cell values, empty rows included.
func (rd *reader) sheetRows(sheet string, fn func(row int, cells []string) error) error {
	rows, err := rd.f.Rows(sheet)
	if err != nil {
		rd.addIssue(sheet, 0, 0, locale.Text{}, locale.Textf("无法读取：%v", "cannot read: %v", err))
		return nil
	}
	defer rows.Close()
	row := 0
	for rows.Next() {
		row++
		rd.done++
		if rd.done%progressEvery == 0 {
			if err := rd.ctx.Err(); err != nil {
				return err
			}
			if rd.opt.Progress != nil {
				rd.opt.Progress(rd.done, max(rd.total, rd.done))
			}
		}
		cells, err := rows.Columns(excelize.Options{RawCellValue: true})
		if err != nil {
			rd.addIssue(sheet, row, 0, locale.Text{}, locale.Textf("无法读取：%v", "cannot read: %v", err))
			continue
		}
		if err := fn(row, cells); err != nil {
			return err
		}
	}
	return rows.Error()
}

// header maps the columns of a sheet's header row.
type header struct {
	sheet    string
	col      map[string]int // column key → 1-based column
	names    map[string]column
	classCol map[string]int // seat class → column (trains and flights)
	classes  []string       // seat classes in column order
}

func (h *header) cell(cells []string, key string) string {
	c, ok := h.col[key]
	if !ok || c > len(cells) {
		return ""
	}
	return strings.TrimSpace(cells[c-1])
}

// readHeader reads row 1: known columns, seat classes where allowed,
// warnings for the rest, and problems for missing required columns.
func (rd *reader) readHeader(sheet string, cells []string, cols []column, classesAllowed bool) *header {
	h := &header{sheet: sheet, col: map[string]int{}, names: map[string]column{}, classCol: map[string]int{}}
	for i, raw := range cells {
		name := normalizeHeader(raw)
		if name == "" {
			continue
		}
		c, ok := findColumn(cols, name)
		switch {
		case ok:
			if prev, dup := h.col[c.key]; dup {
				rd.addIssue(sheet, 1, i+1, c.text(), locale.Textf("列 %s 与第 %s 列重复", "column %s repeats column %s", c.zh, colName(prev)))
				continue
			}
			h.col[c.key] = i + 1
			h.names[c.key] = c
		case classesAllowed:
			if _, dup := h.classCol[name]; dup {
				rd.addIssue(sheet, 1, i+1, locale.Text{}, locale.Textf("席别列 %s 重复", "seat class column %s repeats", name))
				continue
			}
			h.classCol[name] = i + 1
			h.classes = append(h.classes, name)
		default:
			rd.warn(sheet, 1, i+1, locale.Textf("未知的列 %q，已忽略", "unknown column %q; ignored", name))
		}
	}
	var missing []string
	for _, c := range cols {
		if c.required {
			if _, ok := h.col[c.key]; !ok {
				missing = append(missing, fmt.Sprintf("%s (%s)", c.zh, c.key))
			}
		}
	}
	if len(missing) > 0 {
		rd.addIssue(sheet, 1, 0, locale.Text{}, locale.Textf("缺少必填列：%s", "required columns missing: %s", strings.Join(missing, ", ")))
		rd.structural = true
		return nil
	}
	return h
}

func colName(c int) string {
	n, _ := excelize.ColumnNumberToName(c)
	return n
}

func blank(cells []string) bool {
	for _, c := range cells {
		if strings.TrimSpace(c) != "" {
			return false
		}
	}
	return true
}

// field reads one cell with parse, recording a problem if it fails; it
// reports whether the cell was non-empty and valid.
func field[T any](rd *reader, h *header, row int, cells []string, key string, parse func(string) (T, error), out *T) bool {
	v := h.cell(cells, key)
	if v == "" {
		return false
	}
	x, err := parse(v)
	if err != nil {
		c := h.names[key]
		rd.addIssue(h.sheet, row, h.col[key], c.text(), problemText(c.zh, v, err))
		return false
	}
	*out = x
	return true
}

// problemText says that a cell's value is not valid, and why, in both
// languages.
func problemText(column, value string, err error) locale.Text {
	return locale.Text{
		Zh: fmt.Sprintf("%s %q 无效：%s", column, value, locale.Message(err, locale.Chinese)),
		En: fmt.Sprintf("%s %q is not valid: %s", column, value, locale.Message(err, locale.English)),
	}
}

// parseCoord reads a latitude or longitude, kept to six decimals.
func parseCoord(s string) (float64, error) {
	v, err := parseFloat(s)
	return timetable.RoundCoord(v), err
}

func parseFloat(s string) (float64, error) {
	v, err := strconv.ParseFloat(s, 64)
	if err != nil || math.IsNaN(v) || math.IsInf(v, 0) {
		return 0, locale.Errorf("不是数字", "not a number")
	}
	return v, nil
}

func parseMinutes(s string) (int, error) {
	v, err := parseFloat(s)
	if err != nil || v != math.Trunc(v) || v < 0 || v > 24*60 {
		return 0, locale.Errorf("应为 0 到 1440 的整数分钟", "not a whole number of minutes from 0 to 1440")
	}
	return int(v), nil
}

func parseDay(s string) (int, error) {
	v, err := parseFloat(s)
	if err != nil || v != math.Trunc(v) || v < 0 || v > 7 {
		return 0, locale.Errorf("应为 0 到 7 的天数", "not a day offset from 0 to 7")
	}
	return int(v), nil
}

func parseKm(s string) (float64, error) {
	v, err := parseFloat(s)
	if err != nil || v < 0 || v > 20000 {
		return 0, locale.Errorf("应为 0 到 20000 的公里数", "not a distance from 0 to 20000 km")
	}
	return v, nil
}

// parseTime reads a time cell: text "HH:MM", or a number as Excel stores
// times (a fraction of a day; [h]:mm cells may pass 1).
func parseTime(s string) (timetable.Minutes, error) {
	if m, err := timetable.ParseClock(s); err == nil {
		return m, nil
	}
	if v, err := strconv.ParseFloat(s, 64); err == nil && v >= 0 && v < 8 {
		return timetable.Minutes(math.Round(v * timetable.MinutesPerDay)), nil
	}
	return timetable.NoTime, locale.Errorf("不是时间 HH:MM", "not a time HH:MM")
}

// parseDate reads a date cell: text "2026-12-01", or an Excel date serial.
func parseDate(s string) (timetable.Date, error) {
	if d, err := timetable.ParseDate(s); err == nil {
		return d, nil
	}
	if v, err := strconv.ParseFloat(s, 64); err == nil && v > 1 && v < 400000 && v == math.Trunc(v) {
		t, err := excelize.ExcelDateToTime(v, false)
		if err == nil {
			return timetable.DateOf(t), nil
		}
	}
	return 0, locale.Errorf("不是日期 YYYY-MM-DD", "not a date YYYY-MM-DD")
}

func parseKind(s string) (timetable.StationKind, error) {
	switch strings.ToLower(s) {
	case kindRail, "车站", "火车", "rail", "railway", "train":
		return timetable.Rail, nil
	case kindAirport, "airport", "飞机场":
		return timetable.Airport, nil
	}
	return 0, locale.Errorf("应为 火车站 或 机场", "not 火车站 (rail) or 机场 (airport)")
}

func (rd *reader) readCities(sheet string) error {
	rd.citySheet = sheet
	var h *header
	return rd.sheetRows(sheet, func(row int, cells []string) error {
		if row == 1 {
			h = rd.readHeader(sheet, cells, cityColumns, false)
			if h != nil {
				rd.cityCols = h.col
			}
			return nil
		}
		if h == nil || blank(cells) {
			return nil
		}
		c := timetable.City{TransferMin: timetable.DefaultCityTransferMin}
		c.Name = h.cell(cells, kCity)
		if c.Name == "" {
			rd.addIssue(sheet, row, h.col[kCity], h.names[kCity].text(), locale.Textf("城市名为空", "the city name is empty"))
			return nil
		}
		if prev, dup := rd.cityRow[c.Name]; dup {
			rd.addIssue(sheet, row, h.col[kCity], h.names[kCity].text(), locale.Textf("城市 %s 已在第 %d 行出现", "city %s already appears in row %d", c.Name, prev))
			return nil
		}
		rd.cityRow[c.Name] = row
		c.NameEn = h.cell(cells, kNameEn)
		c.Province = h.cell(cells, kProvince)
		field(rd, h, row, cells, kLat, parseCoord, &c.Lat)
		field(rd, h, row, cells, kLon, parseCoord, &c.Lon)
		field(rd, h, row, cells, kCityXfer, parseMinutes, &c.TransferMin)
		rd.result.Read.Cities = append(rd.result.Read.Cities, c)
		return nil
	})
}

func (rd *reader) readStations(sheet string) error {
	rd.stationSheet = sheet
	var h *header
	return rd.sheetRows(sheet, func(row int, cells []string) error {
		if row == 1 {
			h = rd.readHeader(sheet, cells, stationColumns, false)
			if h != nil {
				rd.stationCols = h.col
			}
			return nil
		}
		if h == nil || blank(cells) {
			return nil
		}
		s := timetable.Station{Name: h.cell(cells, kStation), City: h.cell(cells, kCity)}
		if s.Name == "" {
			rd.addIssue(sheet, row, h.col[kStation], h.names[kStation].text(), locale.Textf("车站名为空", "the station name is empty"))
			return nil
		}
		if prev, dup := rd.stationRow[s.Name]; dup {
			rd.addIssue(sheet, row, h.col[kStation], h.names[kStation].text(), locale.Textf("车站 %s 已在第 %d 行出现", "station %s already appears in row %d", s.Name, prev))
			return nil
		}
		rd.stationRow[s.Name] = row
		if s.City == "" {
			rd.addIssue(sheet, row, h.col[kCity], h.names[kCity].text(), locale.Textf("城市为空", "the city is empty"))
		}
		if h.cell(cells, kKind) == "" {
			rd.addIssue(sheet, row, h.col[kKind], h.names[kKind].text(), locale.Textf("类型为空，应为 火车站 或 机场", "the kind is empty; use 火车站 (rail) or 机场 (airport)"))
		} else {
			field(rd, h, row, cells, kKind, parseKind, &s.Kind)
		}
		s.Code = h.cell(cells, kCode)
		field(rd, h, row, cells, kLat, parseCoord, &s.Lat)
		field(rd, h, row, cells, kLon, parseCoord, &s.Lon)
		s.TransferMin = timetable.DefaultTransferMin(s.Kind)
		field(rd, h, row, cells, kXfer, parseMinutes, &s.TransferMin)
		rd.result.Read.Stations = append(rd.result.Read.Stations, s)
		return nil
	})
}

// serviceFields reads the columns that belong to a whole service (班期 and
// dates, and 类型 for trains) from one of its rows; a value that differs from
// one given on an earlier row is a problem.
func (rd *reader) serviceFields(h *header, row int, cells []string, sv *timetable.Service, seen map[string]string) {
	check := func(key string) bool {
		v := h.cell(cells, key)
		if v == "" {
			return false
		}
		if prev, ok := seen[key]; ok {
			if prev != v {
				c := h.names[key]
				rd.addIssue(h.sheet, row, h.col[key], c.text(), locale.Textf("%s %q 与本车次前面的 %q 不同", "%s %q differs from %q given earlier for this service", c.zh, v, prev))
			}
			return false
		}
		seen[key] = v
		return true
	}
	if check(kCategory) {
		sv.Category = h.cell(cells, kCategory)
	}
	if check(kDays) {
		field(rd, h, row, cells, kDays, timetable.ParseWeekdays, &sv.Days)
	}
	if check(kFirst) {
		field(rd, h, row, cells, kFirst, parseDate, &sv.First)
	}
	if check(kLast) {
		field(rd, h, row, cells, kLast, parseDate, &sv.Last)
	}
}

// fares reads the seat-class cells of a row.
func (rd *reader) fares(h *header, row int, cells []string) map[string]timetable.Fare {
	var fares map[string]timetable.Fare
	for _, class := range h.classes {
		col := h.classCol[class]
		if col > len(cells) {
			continue
		}
		v := strings.TrimSpace(cells[col-1])
		if v == "" {
			continue
		}
		f, err := timetable.ParseFare(v)
		if err != nil {
			rd.addIssue(h.sheet, row, col, locale.Text{Zh: class, En: class}, problemText(class, v, err))
			continue
		}
		if fares == nil {
			fares = make(map[string]timetable.Fare, len(h.classes))
		}
		fares[class] = f
	}
	return fares
}

func (rd *reader) place(sheet string, h *header, flight bool) *servicePlace {
	return &servicePlace{sheet: sheet, cols: h.col, classCol: h.classCol, flight: flight}
}

func (rd *reader) readTrains(sheet string) error {
	var (
		h        *header
		cur      *timetable.Service
		curPlace *servicePlace
		seen     map[string]string
		prev     timetable.Minutes // the last time of the current service
		blankAt  int               // a blank row met since the current service's last row
		skip     string            // the code of a duplicate run being skipped
	)
	finish := func() {
		if cur != nil {
			rd.result.Read.Services = append(rd.result.Read.Services, *cur)
			rd.result.Stops += len(cur.Stops)
			cur = nil
		}
	}
	err := rd.sheetRows(sheet, func(row int, cells []string) error {
		if row == 1 {
			h = rd.readHeader(sheet, cells, trainColumns, true)
			return nil
		}
		if h == nil {
			return nil
		}
		if blank(cells) {
			if cur != nil && blankAt == 0 {
				blankAt = row
			}
			return nil
		}
		code := h.cell(cells, kService)
		if code == "" {
			rd.addIssue(sheet, row, h.col[kService], h.names[kService].text(), locale.Textf("车次为空", "the service code is empty"))
			return nil
		}
		if code == skip {
			return nil
		}
		skip = ""
		if cur == nil || code != cur.Code {
			finish()
			if p, dup := rd.services[code]; dup {
				skip = code
				rd.addIssue(sheet, row, h.col[kService], h.names[kService].text(), locale.Textf("车次 %s 已在 %s 第 %d 行出现；同一车次的各行须连续",
					"service %s already appears in %s row %d; the rows of one service must be consecutive", code, p.sheet, p.rows[0]))
				return nil
			}
			cur = &timetable.Service{Code: code, Mode: timetable.Train, Days: timetable.EveryDay}
			curPlace = rd.place(sheet, h, false)
			rd.services[code] = curPlace
			seen = map[string]string{}
			prev = timetable.NoTime
		} else if blankAt > 0 {
			rd.addIssue(sheet, blankAt, 0, locale.Text{}, locale.Textf("车次 %s 的各站之间有空行", "a blank row splits the stops of service %s", code))
		}
		blankAt = 0
		rd.serviceFields(h, row, cells, cur, seen)
		st := timetable.Stop{Station: h.cell(cells, kStation), Arrive: timetable.NoTime, Depart: timetable.NoTime}
		if st.Station == "" {
			rd.addIssue(sheet, row, h.col[kStation], h.names[kStation].text(), locale.Textf("车站为空", "the station is empty"))
		}
		day := -1
		field(rd, h, row, cells, kDay, parseDay, &day)
		for _, key := range []string{kArrive, kDepart} {
			var clock timetable.Minutes
			if !field(rd, h, row, cells, key, parseTime, &clock) {
				continue
			}
			t := timetable.OnDay(clock, day, prev)
			if key == kArrive {
				st.Arrive = t
			} else {
				st.Depart = t
			}
			prev = t
		}
		field(rd, h, row, cells, kKm, parseKm, &st.Km)
		st.Fares = rd.fares(h, row, cells)
		cur.Stops = append(cur.Stops, st)
		curPlace.rows = append(curPlace.rows, row)
		return nil
	})
	finish()
	return err
}

func (rd *reader) readFlights(sheet string) error {
	var h *header
	err := rd.sheetRows(sheet, func(row int, cells []string) error {
		if row == 1 {
			h = rd.readHeader(sheet, cells, flightColumns, true)
			return nil
		}
		if h == nil || blank(cells) {
			return nil
		}
		code := h.cell(cells, kService)
		if code == "" {
			rd.addIssue(sheet, row, h.col[kService], h.names[kService].text(), locale.Textf("航班号为空", "the flight number is empty"))
			return nil
		}
		if p, dup := rd.services[code]; dup {
			rd.addIssue(sheet, row, h.col[kService], h.names[kService].text(), locale.Textf("航班号 %s 已在 %s 第 %d 行出现",
				"flight %s already appears in %s row %d", code, p.sheet, p.rows[0]))
			return nil
		}
		p := rd.place(sheet, h, true)
		p.rows = []int{row, row}
		rd.services[code] = p
		sv := timetable.Service{Code: code, Mode: timetable.Flight, Category: timetable.AirlineOf(code), Days: timetable.EveryDay}
		rd.serviceFields(h, row, cells, &sv, map[string]string{})
		from := timetable.Stop{Station: h.cell(cells, kFrom), Arrive: timetable.NoTime, Depart: timetable.NoTime}
		to := timetable.Stop{Station: h.cell(cells, kTo), Arrive: timetable.NoTime, Depart: timetable.NoTime}
		for _, k := range []string{kFrom, kTo} {
			if h.cell(cells, k) == "" {
				rd.addIssue(sheet, row, h.col[k], h.names[k].text(), locale.Textf("%s为空", "%s is empty", h.names[k].zh))
			}
		}
		day := -1
		field(rd, h, row, cells, kDay, parseDay, &day)
		if field(rd, h, row, cells, kDepart, parseTime, &from.Depart) && from.Depart >= timetable.MinutesPerDay {
			rd.addIssue(sheet, row, h.col[kDepart], h.names[kDepart].text(), locale.Textf("起飞时间 %s 应早于 24:00", "departure %s must be before 24:00", from.Depart.Clock()))
		}
		if field(rd, h, row, cells, kArrive, parseTime, &to.Arrive) {
			switch {
			case day >= 0:
				to.Arrive += timetable.Minutes(day * timetable.MinutesPerDay)
			case from.Depart != timetable.NoTime && to.Arrive < from.Depart:
				to.Arrive += timetable.MinutesPerDay
			}
		}
		to.Fares = rd.fares(h, row, cells)
		sv.Stops = []timetable.Stop{from, to}
		rd.result.Read.Services = append(rd.result.Read.Services, sv)
		rd.result.Stops += 2
		return nil
	})
	return err
}
