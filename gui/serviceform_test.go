package gui

import (
	"reflect"
	"strings"
	"testing"

	"railair.app/railair/core/timetable"
)

func TestServiceFormRoundTrip(t *testing.T) {
	d := nationalData(t)
	lookup := stationLookup(d.Timetable)
	n := 0
	for i := range d.Timetable.Services {
		sv := &d.Timetable.Services[i]
		got, errs := formOf(sv).service(lookup)
		if len(errs) > 0 {
			t.Fatalf("%s: %v", sv.Code, errs)
		}
		want := *sv
		for k := range want.Stops {
			if len(want.Stops[k].Fares) == 0 {
				want.Stops[k].Fares = nil
			}
		}
		if !reflect.DeepEqual(got, want) {
			t.Fatalf("%s read back as\n%+v\nwant\n%+v", sv.Code, got, want)
		}
		n++
	}
	t.Logf("%d services read back unchanged", n)
}

func TestServiceFormErrorsAtTheirCells(t *testing.T) {
	tt := &timetable.Timetable{
		Cities: []timetable.City{{Name: "北京"}, {Name: "上海"}},
		Stations: []timetable.Station{
			{Name: "北京南", City: "北京"}, {Name: "上海虹桥", City: "上海"}, {Name: "南京南", City: "上海"},
			{Name: "首都机场", City: "北京", Kind: timetable.Airport},
		},
	}
	lookup := stationLookup(tt)
	good := func() *serviceForm {
		return &serviceForm{Mode: timetable.Train, Code: "G1", Days: "1234567", Classes: []string{"二等座"}, Rows: []stopRow{
			{Station: "北京南", Depart: "09:00", Fares: []string{""}},
			{Station: "南京南", Arrive: "23:50", Depart: "00:05", Km: "1023", Fares: []string{"443.5"}},
			{Station: "上海虹桥", Arrive: "01:10", Day: "1", Km: "1318", Fares: []string{"553"}},
		}}
	}
	sv, errs := good().service(lookup)
	if len(errs) != 0 {
		t.Fatalf("good form: %v", errs)
	}
	if sv.Category != "G" || sv.Stops[1].Depart != 1445 || sv.Stops[2].Arrive != 1510 || sv.Stops[2].Fares["二等座"] != 55300 {
		t.Errorf("good form read as %+v", sv)
	}
	tests := []struct {
		name string
		edit func(f *serviceForm)
		at   cellKey
		says string
	}{
		{"bad time", func(f *serviceForm) { f.Rows[1].Depart = "25:61" }, cellKey{1, timetable.FieldDepart, ""}, "not a time"},
		{"time going backwards", func(f *serviceForm) { f.Rows[2].Day = "0" }, cellKey{2, timetable.FieldArrive, ""}, "before the time before it"},
		{"bad day", func(f *serviceForm) { f.Rows[2].Day = "x" }, cellKey{2, fieldDay, ""}, "day offset"},
		{"bad distance", func(f *serviceForm) { f.Rows[1].Km = "far" }, cellKey{1, timetable.FieldKm, ""}, "distance"},
		{"distance going back", func(f *serviceForm) { f.Rows[2].Km = "900" }, cellKey{2, timetable.FieldKm, ""}, "less than the stop before"},
		{"bad fare", func(f *serviceForm) { f.Rows[2].Fares[0] = "-5" }, cellKey{2, timetable.FieldFare, "二等座"}, "negative"},
		{"fare at the first stop", func(f *serviceForm) { f.Rows[0].Fares[0] = "5" }, cellKey{0, timetable.FieldFare, "二等座"}, "no fare"},
		{"unknown station", func(f *serviceForm) { f.Rows[1].Station = "天津" }, cellKey{1, timetable.FieldStation, ""}, "does not exist"},
		{"train at an airport", func(f *serviceForm) { f.Rows[1].Station = "首都机场" }, cellKey{1, timetable.FieldStation, ""}, "airport"},
		{"missing departure", func(f *serviceForm) { f.Rows[1].Depart = "" }, cellKey{1, timetable.FieldDepart, ""}, "departure time missing"},
		{"empty code", func(f *serviceForm) { f.Code = " " }, cellKey{-1, timetable.FieldName, ""}, "code is empty"},
		{"bad days", func(f *serviceForm) { f.Days = "89" }, cellKey{-1, timetable.FieldDays, ""}, ""},
		{"bad first date", func(f *serviceForm) { f.First = "2026-13-01" }, cellKey{-1, timetable.FieldFirst, ""}, ""},
		{"last before first", func(f *serviceForm) { f.First, f.Last = "2026-12-01", "2026-11-01" }, cellKey{-1, timetable.FieldLast, ""}, "before first date"},
		{"one stop left", func(f *serviceForm) { f.removeRow(1); f.removeRow(1) }, cellKey{-1, timetable.FieldStops, ""}, "at least two stops"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			f := good()
			tc.edit(f)
			_, errs := f.service(lookup)
			for _, e := range errs {
				if e.cellKey == tc.at && strings.Contains(e.En, tc.says) {
					return
				}
			}
			t.Errorf("errors %+v; want one at %+v saying %q", errs, tc.at, tc.says)
		})
	}
}

func TestServiceFormRows(t *testing.T) {
	f := newForm(timetable.Train)
	f.Rows[0].Station, f.Rows[1].Station = "A", "B"
	f.insertRow(1)
	f.Rows[1].Station = "M"
	f.moveRow(1, -1)
	f.moveRow(0, -1) // no row before the first: nothing happens
	if got := []string{f.Rows[0].Station, f.Rows[1].Station, f.Rows[2].Station}; !reflect.DeepEqual(got, []string{"M", "A", "B"}) {
		t.Errorf("rows = %v", got)
	}
	c := f.clone()
	if !f.addClass("硬卧") || f.addClass("硬卧") || f.addClass(" ") {
		t.Error("addClass accepted a duplicate or empty class, or refused a new one")
	}
	f.Rows[2].Fares[2] = "300"
	f.removeClass(0)
	if !reflect.DeepEqual(f.Classes, []string{"一等座", "硬卧"}) || f.Rows[2].Fares[1] != "300" {
		t.Errorf("classes %v, row 3 fares %v", f.Classes, f.Rows[2].Fares)
	}
	if len(c.Classes) != 2 || len(c.Rows[0].Fares) != 2 {
		t.Error("the clone changed with the form")
	}
	f.removeRow(0)
	if len(f.Rows) != 2 || f.Rows[0].Station != "A" {
		t.Errorf("after removing the first row: %+v", f.Rows)
	}
}
