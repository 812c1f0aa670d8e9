package gui

import (
	"context"
	"strings"
	"testing"
	"time"

	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/test"

	"railair.app/railair/core/planner"

	"railair.app/railair/resources"
)

func nationalData(t *testing.T) *Data {
	t.Helper()
	d, err := resources.National()
	if err != nil {
		t.Fatal(err)
	}
	return &Data{Timetable: &d.Timetable, Network: planner.Compile(&d.Timetable), DataDate: d.DataDate, Path: "test.db"}
}

func TestBrowserSearchAndSelect(t *testing.T) {
	a := test.NewTempApp(t)
	Setup(a)
	b := NewBrowser(nationalData(t))
	w := test.NewTempWindow(t, b.Content)
	_ = w
	if len(b.shown) < 360 {
		t.Fatalf("%d cities shown before searching", len(b.shown))
	}
	tests := []struct {
		typed string
		first string
	}{
		{"beij", "北京"},
		{"Shang", "上海"},
		{"乌鲁", "乌鲁木齐"},
	}
	for _, tt := range tests {
		b.Search.SetText("")
		test.Type(b.Search, tt.typed)
		if len(b.shown) == 0 || b.data.Timetable.Cities[b.shown[0]].Name != tt.first {
			t.Errorf("typing %q shows %d cities, first %v; want %s first", tt.typed, len(b.shown), b.shown, tt.first)
		}
	}
	b.Search.SetText("")
	test.Type(b.Search, "beij")
	b.Cities.Select(0)
	if !strings.Contains(b.Detail.Text, "北京") {
		t.Errorf("detail = %q", b.Detail.Text)
	}
	found := false
	for _, s := range b.stations {
		found = found || s.Name == "北京南"
	}
	if !found || len(b.services) < 100 {
		t.Errorf("北京: %d stations (北京南 found: %v), %d services", len(b.stations), found, len(b.services))
	}
}

// TestQueryScreen types a query as a clerk would and checks the first
// journey shown and its steps.
func TestQueryScreen(t *testing.T) {
	a := test.NewTempApp(t)
	Setup(a)
	d := nationalData(t)
	qs := NewQueryScreen(d.Network, time.Date(2026, 12, 1, 8, 0, 0, 0, time.UTC))
	test.NewTempWindow(t, qs.Content)
	test.Type(qs.From, "北京")
	test.Type(qs.To, "上海")
	qs.Modes.SetSelected(qs.Modes.Options[1]) // trains only
	if qs.Date.Text != "2026-12-01" || qs.After.Text != "08:00" {
		t.Fatalf("defaults %q %q", qs.Date.Text, qs.After.Text)
	}
	q, bad := qs.query()
	if bad != "" || q.By != planner.Arrival || q.Modes != planner.TrainOnly {
		t.Fatalf("query %+v %q", q, bad)
	}
	res, err := d.Network.Plan(context.Background(), q)
	qs.show(res, err)
	if len(qs.journeys) == 0 {
		t.Fatalf("no journey shown; status %q", qs.Status.Text)
	}
	if j := qs.journeys[0]; j.Legs[0].Service != "G19" || !strings.Contains(qs.Steps.Text, planner.Steps(&j, uiLang())[0]) {
		t.Errorf("first journey %+v; steps %q", j, qs.Steps.Text)
	}
	// A bad time is reported and what was typed stays.
	qs.After.SetText("25:99")
	qs.run()
	if qs.Status.Text != lang.L("Bad time") || qs.From.Text != "北京" {
		t.Errorf("status %q, from %q", qs.Status.Text, qs.From.Text)
	}
	// Suggestions while typing.
	qs.To.SetText("")
	test.Type(qs.To, "bj")
	if got := qs.offered[qs.To]; len(got) == 0 || got[0] != "北京" {
		t.Errorf("suggestions for bj: %v", got)
	}
}

// TestQueryRemembered runs a query and expects a new screen to come back
// with the same places, criterion and mode.
func TestQueryRemembered(t *testing.T) {
	a := test.NewTempApp(t)
	Setup(a)
	d := nationalData(t)
	qs := NewQueryScreen(d.Network, time.Date(2026, 12, 1, 8, 0, 0, 0, time.UTC))
	qs.Remember(a.Preferences())
	test.Type(qs.From, "西安")
	test.Type(qs.To, "成都")
	qs.By.SetSelectedIndex(2)
	qs.Modes.SetSelected(qs.Modes.Options[1])
	qs.run()
	if qs.cancel != nil {
		qs.cancel() // the answer does not matter here
	}
	again := NewQueryScreen(d.Network, time.Now())
	again.Remember(a.Preferences())
	if again.From.Text != "西安" || again.To.Text != "成都" || again.By.SelectedIndex() != 2 || again.Modes.Selected != again.Modes.Options[1] {
		t.Errorf("restored %q %q %d %q", again.From.Text, again.To.Text, again.By.SelectedIndex(), again.Modes.Selected)
	}
}
