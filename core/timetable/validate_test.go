package timetable

import (
	"strings"
	"testing"
)

// sample returns a small valid timetable: 北京 and 上海 with a station and an
// airport each, the train G1 over three stops and a flight.
func sample() *Timetable {
	return &Timetable{
		Cities: []City{{Name: "北京", TransferMin: 90}, {Name: "天津", TransferMin: 90}, {Name: "上海", TransferMin: 90}},
		Stations: []Station{
			{Name: "北京南", City: "北京", Kind: Rail, TransferMin: 30},
			{Name: "天津南", City: "天津", Kind: Rail, TransferMin: 30},
			{Name: "上海虹桥", City: "上海", Kind: Rail, TransferMin: 30},
			{Name: "首都机场", City: "北京", Kind: Airport, TransferMin: 90},
			{Name: "虹桥机场", City: "上海", Kind: Airport, TransferMin: 90},
		},
		Services: []Service{
			{Code: "G1", Mode: Train, Days: EveryDay, Stops: []Stop{
				{Station: "北京南", Arrive: NoTime, Depart: 540},
				{Station: "天津南", Arrive: 575, Depart: 577, Km: 120, Fares: map[string]Fare{"二等座": 5450}},
				{Station: "上海虹桥", Arrive: 808, Depart: NoTime, Km: 1318, Fares: map[string]Fare{"二等座": 49850}},
			}},
			{Code: "CA1501", Mode: Flight, Days: EveryDay, Stops: []Stop{
				{Station: "首都机场", Arrive: NoTime, Depart: 1380},
				{Station: "虹桥机场", Arrive: 1515, Depart: NoTime, Fares: map[string]Fare{"经济舱": 124000}},
			}},
		},
	}
}

func TestValidateSampleIsValid(t *testing.T) {
	if ps := Validate(sample()); len(ps) != 0 {
		t.Fatalf("sample has problems: %v", ProblemsError(ps))
	}
}

func TestValidate(t *testing.T) {
	tests := []struct {
		name   string
		change func(*Timetable)
		// want is the problem expected: its record, stop, field and a piece
		// of its English text.
		key   string
		stop  int
		field Field
		text  string
	}{
		{"times go backwards", func(t *Timetable) { t.Services[0].Stops[1].Arrive = 500 }, "G1", 1, FieldArrive, "before the time before it"},
		{"departure before arrival", func(t *Timetable) { t.Services[0].Stops[1].Depart = 570 }, "G1", 1, FieldDepart, "before the time before it"},
		{"middle stop without departure", func(t *Timetable) { t.Services[0].Stops[1].Depart = NoTime }, "G1", 1, FieldDepart, "departure time missing"},
		{"first stop with arrival", func(t *Timetable) { t.Services[0].Stops[0].Arrive = 530 }, "G1", 0, FieldArrive, "first stop has no arrival"},
		{"last stop with departure", func(t *Timetable) { t.Services[0].Stops[2].Depart = 900 }, "G1", 2, FieldDepart, "last stop has no departure"},
		{"first departure past midnight", func(t *Timetable) {
			for i := range t.Services[0].Stops {
				s := &t.Services[0].Stops[i]
				if s.Arrive != NoTime {
					s.Arrive += MinutesPerDay
				}
				if s.Depart != NoTime {
					s.Depart += MinutesPerDay
				}
			}
		}, "G1", 0, FieldDepart, "must be before 24:00"},
		{"duplicate code", func(t *Timetable) { t.Services[1].Code = "G1" }, "G1", -1, FieldName, "appears twice"},
		{"unknown station", func(t *Timetable) { t.Services[0].Stops[1].Station = "天津西" }, "G1", 1, FieldStation, `"天津西" does not exist`},
		{"negative fare", func(t *Timetable) { t.Services[0].Stops[2].Fares["二等座"] = -1 }, "G1", 2, FieldFare, "negative"},
		{"fare at the first stop", func(t *Timetable) { t.Services[0].Stops[0].Fares = map[string]Fare{"二等座": 1} }, "G1", 0, FieldFare, "first stop"},
		{"one stop", func(t *Timetable) { t.Services[0].Stops = t.Services[0].Stops[:1] }, "G1", -1, FieldStops, "at least two stops"},
		{"flight at a rail station", func(t *Timetable) { t.Services[1].Stops[1].Station = "上海虹桥" }, "CA1501", 1, FieldStation, "not an airport"},
		{"train at an airport", func(t *Timetable) { t.Services[0].Stops[2].Station = "虹桥机场" }, "G1", 2, FieldStation, "is an airport"},
		{"flight with three stops", func(t *Timetable) {
			s := &t.Services[1]
			s.Stops = []Stop{s.Stops[0], {Station: "虹桥机场", Arrive: 1450, Depart: 1460}, {Station: "首都机场", Arrive: 1600, Depart: NoTime}}
		}, "CA1501", -1, FieldStops, "exactly two stops"},
		{"same station twice in a row", func(t *Timetable) { t.Services[0].Stops[1].Station = "北京南" }, "G1", 1, FieldStation, "same station"},
		{"distance goes down", func(t *Timetable) { t.Services[0].Stops[2].Km = 100 }, "G1", 2, FieldKm, "less than the stop before"},
		{"no operating day", func(t *Timetable) { t.Services[0].Days = 0 }, "G1", -1, FieldDays, "no day"},
		{"last date before first", func(t *Timetable) { t.Services[0].First, t.Services[0].Last = 10, 5 }, "G1", -1, FieldLast, "before first date"},
		{"station in unknown city", func(t *Timetable) { t.Stations[1].City = "廊坊" }, "天津南", -1, FieldCity, `"廊坊" does not exist`},
		{"duplicate city", func(t *Timetable) { t.Cities[1].Name = "北京" }, "北京", -1, FieldName, "appears twice"},
		{"latitude out of range", func(t *Timetable) { t.Cities[0].Lat = 91 }, "北京", -1, FieldLat, "latitude"},
		{"negative transfer time", func(t *Timetable) { t.Stations[0].TransferMin = -5 }, "北京南", -1, FieldTransfer, "transfer time"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			tab := sample()
			tt.change(tab)
			ps := Validate(tab)
			for _, p := range ps {
				if p.Key == tt.key && p.Stop == tt.stop && p.Field == tt.field && strings.Contains(p.En, tt.text) {
					if p.Zh == "" {
						t.Errorf("problem has no Chinese text: %+v", p)
					}
					return
				}
			}
			t.Errorf("want a problem %s stop %d field %s %q; got %v", tt.key, tt.stop, tt.field, tt.text, ps)
		})
	}
}

func TestMerge(t *testing.T) {
	base := sample()
	add := &Timetable{
		Cities:   []City{{Name: "天津", NameEn: "Tianjin", TransferMin: 60}, {Name: "南京", TransferMin: 90}},
		Services: []Service{{Code: "G1", Mode: Train, Days: 1, Stops: base.Services[0].Stops[:2]}},
	}
	got, stats := Merge(base, add)
	want := MergeStats{CitiesAdded: 1, CitiesChanged: 1, ServicesChanged: 1}
	if stats != want {
		t.Errorf("stats = %+v, want %+v", stats, want)
	}
	if len(got.Cities) != 4 || got.Cities[1].NameEn != "Tianjin" || len(got.Services[0].Stops) != 2 {
		t.Errorf("merged = %+v", got)
	}
	if len(base.Cities) != 3 || base.Cities[1].NameEn != "" || len(base.Services[0].Stops) != 3 {
		t.Errorf("Merge changed its base: %+v", base)
	}
}

func TestStationCoords(t *testing.T) {
	tab := sample()
	tab.Cities[0].Lat, tab.Cities[0].Lon = 39.9, 116.4
	tab.Stations[3].Lat, tab.Stations[3].Lon = 40.08, 116.58
	c := tab.StationCoords()
	if c["北京南"] != [2]float64{116.4, 39.9} || c["首都机场"] != [2]float64{116.58, 40.08} || len(c) != len(tab.Stations) {
		t.Errorf("coords = %v", c)
	}
}
