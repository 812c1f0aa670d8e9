package xlsx

import (
	"slices"
	"sort"

	"railair.app/railair/core/locale"
	"railair.app/railair/core/timetable"
)

// finish merges what was read into base, creates the stations that are
// named only by their city, validates the result and maps its problems back
// to cells.
func (rd *reader) finish(base *timetable.Timetable) (*Result, error) {
	res := rd.result
	if rd.opt.Replace || base == nil {
		base = &timetable.Timetable{}
	}
	res.Merged, res.Stats = timetable.Merge(base, res.Read)
	rd.createCityStations(res.Merged)
	if !rd.structural {
		// With a sheet unreadable, every reference to it would fail too:
		// report the cause alone.
		for _, p := range timetable.Validate(res.Merged) {
			rd.problem(p)
		}
	}
	if len(rd.issues) > 0 {
		sort.SliceStable(rd.issues, func(i, j int) bool {
			a, b := rd.issueOrder(rd.issues[i]), rd.issueOrder(rd.issues[j])
			return slices.Compare(a[:], b[:]) < 0
		})
		return nil, &Error{Issues: rd.issues}
	}
	res.Merged.Sort()
	return res, nil
}

// issueOrder sorts issues by sheet (in the order of the workbook's sheets
// that RailAir reads), then row and column.
func (rd *reader) issueOrder(i Issue) [3]int {
	sheet := 0
	for n, name := range rd.f.GetSheetList() {
		if name == i.Sheet {
			sheet = n + 1
		}
	}
	return [3]int{sheet, i.Row, i.Col}
}

// createCityStations adds, for each stop at an unknown station whose name is
// a city's, a station of that name in that city, and reports it.
func (rd *reader) createCityStations(t *timetable.Timetable) {
	known := map[string]bool{}
	for _, s := range t.Stations {
		known[s.Name] = true
	}
	cities := map[string]bool{}
	for _, c := range t.Cities {
		cities[c.Name] = true
	}
	for _, sv := range t.Services {
		for i, st := range sv.Stops {
			if known[st.Station] || !cities[st.Station] {
				continue
			}
			kind := timetable.Rail
			if sv.Mode == timetable.Flight {
				kind = timetable.Airport
			}
			known[st.Station] = true
			s := timetable.Station{Name: st.Station, City: st.Station, Kind: kind, TransferMin: timetable.DefaultTransferMin(kind)}
			t.Stations = append(t.Stations, s)
			res := rd.result
			res.Read.Stations = append(res.Read.Stations, s)
			res.Stats.StationsAdded++
			sheet, row, col := rd.stopCell(sv.Code, i, timetable.FieldStation)
			rd.warn(sheet, row, col, locale.Textf("车站 %s 不在车站表中，已作为城市 %s 的车站创建", "station %s is not listed; created as a station of the city %s", s.Name, s.City))
		}
	}
}

// stopCell returns the cell of a service's stop field, if the service came
// from the workbook.
func (rd *reader) stopCell(code string, stop int, f timetable.Field) (sheet string, row, col int) {
	p, ok := rd.services[code]
	if !ok {
		return "", 0, 0
	}
	row = p.rows[0]
	if stop >= 0 && stop < len(p.rows) {
		row = p.rows[stop]
	}
	key := ""
	switch f {
	case timetable.FieldStation:
		key = kStation
		if p.flight {
			key = kFrom
			if stop == 1 {
				key = kTo
			}
		}
	case timetable.FieldArrive:
		key = kArrive
	case timetable.FieldDepart:
		key = kDepart
	case timetable.FieldKm:
		key = kKm
	case timetable.FieldDays:
		key = kDays
	case timetable.FieldFirst:
		key = kFirst
	case timetable.FieldLast:
		key = kLast
	case timetable.FieldName:
		key = kService
	}
	return p.sheet, row, p.cols[key]
}

var fieldKeys = map[timetable.Field]string{
	timetable.FieldName: "", timetable.FieldCity: kCity, timetable.FieldKind: kKind,
	timetable.FieldLat: kLat, timetable.FieldLon: kLon,
}

// problem records a validation problem at its cell. Problems with records
// that did not come from the workbook (base data broken by it) name the
// record instead.
func (rd *reader) problem(p timetable.Problem) {
	var sheet string
	var row, col int
	var cols map[string]int
	switch p.Entity {
	case timetable.CityEntity:
		sheet, row, cols = rd.citySheet, rd.cityRow[p.Key], rd.cityCols
		if row == 0 {
			sheet = ""
		}
		key := fieldKeys[p.Field]
		switch p.Field {
		case timetable.FieldName:
			key = kCity
		case timetable.FieldTransfer:
			key = kCityXfer
		}
		col = cols[key]
	case timetable.StationEntity:
		sheet, row, cols = rd.stationSheet, rd.stationRow[p.Key], rd.stationCols
		if row == 0 {
			sheet = ""
		}
		key := fieldKeys[p.Field]
		switch p.Field {
		case timetable.FieldName:
			key = kStation
		case timetable.FieldTransfer:
			key = kXfer
		}
		col = cols[key]
	default:
		sheet, row, col = rd.stopCell(p.Key, p.Stop, p.Field)
		if p.Field == timetable.FieldFare {
			if sp, ok := rd.services[p.Key]; ok {
				col = sp.classCol[p.Class]
			}
		}
	}
	if sheet == "" {
		// Not from the workbook: say which record the workbook broke.
		rd.issues = append(rd.issues, Issue{Text: locale.Text{
			Zh: "数据库中的 " + p.Where(locale.Chinese) + "：" + p.Zh,
			En: "in the database, " + p.Where(locale.English) + ": " + p.En,
		}})
		return
	}
	if rd.bad[[3]any{sheet, row, col}] {
		return // the cell already has a clearer problem
	}
	rd.addIssue(sheet, row, col, locale.Text{}, p.Text)
}
