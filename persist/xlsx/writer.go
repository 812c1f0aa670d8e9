package xlsx

import (
	"fmt"
	"io"

	"github.com/xuri/excelize/v2"

	"railair.app/railair/core/timetable"
)

// Export writes t as a workbook in the import format: one sheet each for
// cities, stations, trains and flights, header row frozen, in the canonical
// order of timetable.Sort (t is sorted in place).
func Export(w io.Writer, t *timetable.Timetable) error {
	f, err := build(t)
	if err != nil {
		return err
	}
	defer f.Close()
	_, err = f.WriteTo(w)
	return err
}

// build makes the workbook of t.
func build(t *timetable.Timetable) (*excelize.File, error) {
	t.Sort()
	f := excelize.NewFile()
	headStyle, err := f.NewStyle(&excelize.Style{
		Font:      &excelize.Font{Bold: true},
		Fill:      excelize.Fill{Type: "pattern", Pattern: 1, Color: []string{"DDEBF7"}},
		Alignment: &excelize.Alignment{Horizontal: "center"},
	})
	if err != nil {
		return nil, err
	}
	if err := f.SetSheetName("Sheet1", sheetCities.zh); err != nil {
		return nil, err
	}
	for _, s := range []string{sheetStations.zh, sheetTrains.zh, sheetFlights.zh} {
		if _, err := f.NewSheet(s); err != nil {
			return nil, err
		}
	}
	var trains, flights []*timetable.Service
	for i := range t.Services {
		if t.Services[i].Mode == timetable.Flight {
			flights = append(flights, &t.Services[i])
		} else {
			trains = append(trains, &t.Services[i])
		}
	}
	sheets := []struct {
		name string
		cols []column
		svcs []*timetable.Service
		rows func(emit func([]any) error) error
	}{
		{sheetCities.zh, cityColumns, nil, func(emit func([]any) error) error {
			for _, c := range t.Cities {
				if err := emit([]any{c.Name, c.NameEn, c.Province, coord(c.Located(), c.Lat), coord(c.Located(), c.Lon), c.TransferMin}); err != nil {
					return err
				}
			}
			return nil
		}},
		{sheetStations.zh, stationColumns, nil, func(emit func([]any) error) error {
			for _, s := range t.Stations {
				kind := kindRail
				if s.Kind == timetable.Airport {
					kind = kindAirport
				}
				if err := emit([]any{s.Name, s.City, kind, s.Code, coord(s.Located(), s.Lat), coord(s.Located(), s.Lon), s.TransferMin}); err != nil {
					return err
				}
			}
			return nil
		}},
		{sheetTrains.zh, trainColumns, trains, nil},
		{sheetFlights.zh, flightColumns, flights, nil},
	}
	for _, sh := range sheets {
		classes := serviceClasses(sh.svcs)
		cols := expandClasses(sh.cols, classes)
		sw, err := f.NewStreamWriter(sh.name)
		if err != nil {
			return nil, err
		}
		for i, c := range cols {
			if err := sw.SetColWidth(i+1, i+1, c.width); err != nil {
				return nil, err
			}
		}
		if err := sw.SetPanes(&excelize.Panes{Freeze: true, YSplit: 1, TopLeftCell: "A2", ActivePane: "bottomLeft"}); err != nil {
			return nil, err
		}
		head := make([]any, len(cols))
		for i, c := range cols {
			head[i] = excelize.Cell{StyleID: headStyle, Value: c.zh}
		}
		if err := sw.SetRow("A1", head); err != nil {
			return nil, err
		}
		row := 1
		emit := func(cells []any) error {
			row++
			cell, _ := excelize.CoordinatesToCellName(1, row)
			return sw.SetRow(cell, cells)
		}
		rows := sh.rows
		if rows == nil {
			svcs := sh.svcs
			if sh.name == sheetFlights.zh {
				rows = func(emit func([]any) error) error { return flightRows(svcs, classes, emit) }
			} else {
				rows = func(emit func([]any) error) error { return trainRows(svcs, classes, emit) }
			}
		}
		if err := rows(emit); err != nil {
			return nil, err
		}
		if err := sw.Flush(); err != nil {
			return nil, err
		}
	}
	return f, nil
}

// coord writes a coordinate, or an empty cell where the place has none.
func coord(located bool, v float64) any {
	if !located {
		return nil
	}
	return v
}

func serviceClasses(svcs []*timetable.Service) []string {
	t := &timetable.Timetable{}
	for _, s := range svcs {
		t.Services = append(t.Services, *s)
	}
	return t.Classes()
}

// expandClasses puts one column per seat class where the columns say.
func expandClasses(cols []column, classes []string) []column {
	var out []column
	for _, c := range cols {
		if c.key != classColumns {
			out = append(out, c)
			continue
		}
		for _, cl := range classes {
			out = append(out, column{key: cl, zh: cl, width: 8})
		}
	}
	return out
}

func clock(m timetable.Minutes, day int) any {
	if m == timetable.NoTime {
		return nil
	}
	return m.ClockOn(day)
}

func fareCells(fares map[string]timetable.Fare, classes []string) []any {
	out := make([]any, len(classes))
	for i, c := range classes {
		if f, ok := fares[c]; ok {
			out[i] = f.YuanValue()
		}
	}
	return out
}

func dateCell(d timetable.Date) any {
	if d == 0 {
		return nil
	}
	return d.String()
}

// trainRows writes one row per stop. The service's own fields (类型, 班期,
// dates) go on its first row; 天 is the day of the row's first time.
func trainRows(svcs []*timetable.Service, classes []string, emit func([]any) error) error {
	for _, sv := range svcs {
		for i, st := range sv.Stops {
			day := st.RowDay()
			cells := []any{sv.Code, nil, st.Station, clock(st.Arrive, day), clock(st.Depart, day), day, st.Km}
			if i == 0 {
				cells[1] = sv.Category
			}
			cells = append(cells, fareCells(st.Fares, classes)...)
			if i == 0 {
				cells = append(cells, sv.Days.String(), dateCell(sv.First), dateCell(sv.Last))
			}
			if err := emit(cells); err != nil {
				return err
			}
		}
	}
	return nil
}

// flightRows writes one row per flight; a flight of more than two stops
// cannot be written and is an error.
func flightRows(svcs []*timetable.Service, classes []string, emit func([]any) error) error {
	for _, sv := range svcs {
		if len(sv.Stops) != 2 {
			return fmt.Errorf("flight %s has %d stops; the 航班 sheet holds two", sv.Code, len(sv.Stops))
		}
		from, to := sv.Stops[0], sv.Stops[1]
		day := to.Arrive.Day()
		cells := []any{sv.Code, from.Station, to.Station, from.Depart.Clock(), clock(to.Arrive, day), day}
		cells = append(cells, fareCells(to.Fares, classes)...)
		cells = append(cells, sv.Days.String(), dateCell(sv.First), dateCell(sv.Last))
		if err := emit(cells); err != nil {
			return err
		}
	}
	return nil
}
