package gui

import (
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"

	"railair.app/railair/core/planner"
	"railair.app/railair/core/timetable"
	"railair.app/railair/resources"
)

func TestCitySearchSelectAndMap(t *testing.T) {
	a := test.NewTempApp(t)
	Setup(a)
	w := test.NewTempWindow(t, nil)
	cs := NewCityScreen(NewSession(nationalData(t)), w)
	w.SetContent(cs.Content)
	w.Resize(fyne.NewSize(1100, 720))
	if len(cs.shown) < 360 {
		t.Fatalf("%d cities shown before searching", len(cs.shown))
	}
	tests := []struct {
		typed string
		first string
	}{
		{"beij", "北京"},
		{"Shang", "上海"},
		{"乌鲁", "乌鲁木齐"},
		{"虹桥", "上海"},  // a station's name
		{"pek", "北京"}, // an airport's code
	}
	for _, tt := range tests {
		cs.Search.SetText("")
		test.Type(cs.Search, tt.typed)
		if len(cs.shown) == 0 || cs.session.Data.Timetable.Cities[cs.shown[0]].Name != tt.first {
			t.Errorf("typing %q shows %d cities, first %v; want %s first", tt.typed, len(cs.shown), cs.shown, tt.first)
		}
	}
	cs.Search.SetText("")
	test.Type(cs.Search, "beij")
	cs.Cities.Select(0)
	if cs.city != "北京" || !strings.Contains(cs.Detail.Text, "北京") {
		t.Errorf("chosen %q, detail %q", cs.city, cs.Detail.Text)
	}
	found := false
	for _, s := range cs.stations {
		found = found || s.Name == "北京南"
	}
	if !found || len(cs.services) < 100 || len(cs.Map.lines) != len(cs.services) || cs.Map.marked == nil {
		t.Errorf("北京: %d stations (北京南 found: %v), %d services, %d lines on the map", len(cs.stations), found, len(cs.services), len(cs.Map.lines))
	}

	// A click on the map at 上海 chooses it, and it can be used as the
	// destination of a query.
	var shanghai [2]float64
	for _, c := range cs.session.Data.Timetable.Cities {
		if c.Name == "上海" {
			shanghai = [2]float64{c.Lon, c.Lat}
		}
	}
	size := cs.Map.Size()
	x, y := cs.Map.projectF(shanghai, float64(size.Width), float64(size.Height), cs.Map.scale)
	at := fyne.CurrentApp().Driver().AbsolutePositionForObject(cs.Map)
	test.TapCanvas(w.Canvas(), fyne.NewPos(float32(x)+at.X, float32(y)+at.Y))
	if cs.city != "上海" {
		t.Fatalf("clicking 上海 on the map chose %q", cs.city)
	}
	var used string
	var from bool
	cs.Use = func(c string, f bool) { used, from = c, f }
	test.Tap(cs.UseTo)
	if used != "上海" || from {
		t.Errorf("use as destination gave %q (origin %v)", used, from)
	}
}

// TestCityAndStationEdits adds a city and a station, renames the station,
// deletes the city with it, and undoes the delete.
func TestCityAndStationEdits(t *testing.T) {
	s, done, w := newSession(t)
	cs := NewCityScreen(s, w)
	w.SetContent(cs.Content)
	wait := func() {
		t.Helper()
		if err := <-done; err != nil {
			t.Fatal(err)
		}
	}
	cs.SaveCity(nil, timetable.City{Name: "雄安", NameEn: "Xiong'an", Province: "河北", Lat: 39.03, Lon: 115.95, TransferMin: 60})
	wait()
	if cs.city != "雄安" || cs.findCity("雄安") == nil {
		t.Fatalf("after adding 雄安 the screen shows %q", cs.city)
	}
	cs.SaveStation(nil, timetable.Station{Name: "雄安站", City: "雄安", Kind: timetable.Rail, TransferMin: 30})
	wait()
	if len(cs.stations) != 1 || cs.stations[0].Name != "雄安站" {
		t.Fatalf("stations of 雄安: %+v", cs.stations)
	}
	old := cs.stations[0]
	renamed := old
	renamed.Name = "雄安东"
	cs.SaveStation(&old, renamed)
	wait()
	if len(cs.stations) != 1 || cs.stations[0].Name != "雄安东" {
		t.Fatalf("after renaming: %+v", cs.stations)
	}
	// Adding a city that exists is refused without touching the database.
	cs.SaveCity(nil, timetable.City{Name: "北京", TransferMin: 90})
	select {
	case err := <-done:
		t.Fatalf("a duplicate city was stored: %v", err)
	default:
	}

	stations, _ := cs.users("雄安", "")
	if len(stations) != 1 {
		t.Fatalf("雄安 has %d stations", len(stations))
	}
	cs.DeleteCity("雄安")
	wait()
	if cs.findCity("雄安") != nil || cs.city != "" {
		t.Fatalf("雄安 still there after deleting it (chosen %q)", cs.city)
	}
	test.Tap(cs.Undo)
	wait()
	if cs.findCity("雄安") == nil {
		t.Fatal("undo did not bring 雄安 back")
	}
	if st, _ := cs.users("雄安", ""); len(st) != 1 || st[0].Name != "雄安东" {
		t.Errorf("after undo 雄安 has %+v", st)
	}
}

// TestDeleteStationInUse deletes a station that services call at: they go
// with it, and undo brings them back to the planner.
func TestDeleteStationInUse(t *testing.T) {
	s, done, w := newSession(t)
	cs := NewCityScreen(s, w)
	w.SetContent(cs.Content)
	_, services := cs.users("", "上海虹桥")
	if len(services) < 50 {
		t.Fatalf("%d services at 上海虹桥", len(services))
	}
	if msg := inUse("上海虹桥", nil, services).In(0); !strings.Contains(msg, "上海虹桥") {
		t.Errorf("confirmation says %q", msg)
	}
	before := len(s.Data.Timetable.Services)
	cs.DeleteStation("上海虹桥")
	if err := <-done; err != nil {
		t.Fatal(err)
	}
	if got := len(s.Data.Timetable.Services); got != before-len(services) {
		t.Errorf("%d services after the delete, want %d", got, before-len(services))
	}
	test.Tap(cs.Undo)
	if err := <-done; err != nil {
		t.Fatal(err)
	}
	if got := len(s.Data.Timetable.Services); got != before {
		t.Errorf("%d services after undo, want %d", got, before)
	}
	if j := firstJourney(t, s, "北京", "上海"); j.Legs[len(j.Legs)-1].To != "上海虹桥" {
		t.Errorf("after undo the fastest train arrives at %s", j.Legs[len(j.Legs)-1].To)
	}
}

// BenchmarkCitySearch measures one keystroke in the city search: filtering
// the 367 cities and their 3,616 stations and refreshing the list.
func BenchmarkCitySearch(b *testing.B) {
	a := test.NewTempApp(b)
	Setup(a)
	d, err := resources.National()
	if err != nil {
		b.Fatal(err)
	}
	cs := NewCityScreen(NewSession(&Data{Timetable: &d.Timetable, Network: planner.Compile(&d.Timetable)}), test.NewTempWindow(b, nil))
	typed := []string{"s", "sh", "sha", "shan", "上", "上海", "虹", "虹桥"}
	i := 0
	for b.Loop() {
		cs.Search.SetText(typed[i%len(typed)])
		i++
	}
}
