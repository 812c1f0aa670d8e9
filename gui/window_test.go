package gui

import (
	"bytes"
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/test"

	"railair.app/railair/core/planner"
	"railair.app/railair/core/timetable"
	"railair.app/railair/persist/sqlite"

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

// newQueryScreen makes a query screen on the national dataset, in a test
// window, as of 2026-12-01 08:00.
func newQueryScreen(t *testing.T) (fyne.App, *Data, *QueryScreen) {
	t.Helper()
	a := test.NewTempApp(t)
	Setup(a)
	d := nationalData(t)
	qs := NewQueryScreen(d.Network, time.Date(2026, 12, 1, 8, 0, 0, 0, time.UTC))
	test.NewTempWindow(t, qs.Content)
	return a, d, qs
}

// TestQueryScreen types a query as a clerk would and checks the first
// journey shown and its steps.
func TestQueryScreen(t *testing.T) {
	_, d, qs := newQueryScreen(t)
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
	// Copy as text: the route, the summary and the steps.
	test.Tap(qs.Copy)
	if !strings.Contains(qs.copied, "北京 → 上海  2026-12-01") || !strings.Contains(qs.copied, planner.Steps(&qs.journeys[0], uiLang())[0]) {
		t.Errorf("copied %q", qs.copied)
	}
	// The itinerary as a PDF.
	pdf := filepath.Join(t.TempDir(), "it.pdf")
	if err := qs.WritePDF(pdf); err != nil {
		t.Fatal(err)
	}
	if b, err := os.ReadFile(pdf); err != nil || !bytes.HasPrefix(b, []byte("%PDF-")) {
		t.Errorf("itinerary: %v", err)
	}
	// The map shows the route: every stop of both legs.
	if n := len(qs.Map.route); n != qs.journeys[0].Legs[0].ToStop-qs.journeys[0].Legs[0].FromStop+1+qs.journeys[0].Legs[1].ToStop-qs.journeys[0].Legs[1].FromStop+1 || len(qs.Map.stops) != 1 {
		t.Errorf("map route of %d points, %d changes", n, len(qs.Map.stops))
	}
	if img := qs.Map.draw(200, 150); img.Bounds().Dx() != 200 {
		t.Error("the map did not draw")
	}
	// With no journey chosen, every journey shown prints, one a page.
	qs.Modes.SetSelected(qs.Modes.Options[0])
	qs.By.SetSelectedIndex(len(criteria) - 1) // all options
	q, _ = qs.query()
	res, err = d.Network.Plan(context.Background(), q)
	qs.show(res, err)
	qs.Results.UnselectAll()
	all := filepath.Join(t.TempDir(), "all.pdf")
	if err := qs.WritePDF(all); err != nil {
		t.Fatal(err)
	}
	b, err := os.ReadFile(all)
	if pages := bytes.Count(b, []byte("/Type /Page\n")); err != nil || len(qs.journeys) < 2 || pages != len(qs.journeys) || qs.Print.Text != lang.L("Save all shown…") {
		t.Errorf("all %d journeys printed on %d pages (%v); button %q", len(qs.journeys), pages, err, qs.Print.Text)
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
	a, d, qs := newQueryScreen(t)
	qs.Remember(a.Preferences())
	test.Type(qs.From, "西安")
	test.Type(qs.To, "成都")
	qs.By.SetSelectedIndex(2)
	qs.Modes.SetSelected(qs.Modes.Options[1])
	done := make(chan struct{}, 1)
	qs.finished = func() { done <- struct{}{} }
	qs.run()
	<-done
	again := NewQueryScreen(d.Network, time.Now())
	again.Remember(a.Preferences())
	if again.From.Text != "西安" || again.To.Text != "成都" || again.By.SelectedIndex() != 2 || again.Modes.Selected != again.Modes.Options[1] {
		t.Errorf("restored %q %q %d %q", again.From.Text, again.To.Text, again.By.SelectedIndex(), again.Modes.Selected)
	}
}

// TestDataScreenImport imports a broken workbook (the report names the
// cell; nothing changes) and then a good one (the data changes).
func TestDataScreenImport(t *testing.T) {
	a := test.NewTempApp(t)
	Setup(a)
	dir := t.TempDir()
	db := filepath.Join(dir, "railair.db")
	store, err := sqlite.Open(context.Background(), db)
	if err != nil {
		t.Fatal(err)
	}
	store.Close()
	changed := make(chan bool, 1)
	w := test.NewTempWindow(t, nil)
	ds := NewDataScreen(db, w, func() { changed <- true })
	done := make(chan struct{}, 1)
	ds.finished = func() { done <- struct{}{} }
	w.SetContent(ds.Content)
	wait := func() {
		t.Helper()
		select {
		case <-done:
		case <-time.After(10 * time.Second):
			t.Fatal("the work did not finish")
		}
	}
	ds.ImportFile("../persist/xlsx/testdata/broken/bad-time.xlsx")
	wait()
	if !strings.Contains(ds.Report.Text, "列车!E3") {
		t.Errorf("report %q does not name the cell", ds.Report.Text)
	}
	tpl := filepath.Join(dir, "t.xlsx")
	ds.TemplateFile(tpl)
	wait()
	ds.ImportFile(tpl)
	select {
	case <-changed:
	case <-time.After(10 * time.Second):
		t.Fatal("no change reported")
	}
	wait()
	store, _ = sqlite.Open(context.Background(), db)
	defer store.Close()
	if cities, _, services, _ := store.Counts(context.Background()); cities != 2 || services != 3 {
		t.Errorf("after importing the template: %d cities, %d services", cities, services)
	}
}

// TestSortJourneys sorts the journeys of an "all" query by fare.
func TestSortJourneys(t *testing.T) {
	_, d, qs := newQueryScreen(t)
	res, err := d.Network.Plan(context.Background(), planner.Query{From: "北京", To: "天津", Date: timetable.NewDate(2026, 12, 1), After: 480, By: planner.All, MaxTransfers: -1})
	if err != nil {
		t.Fatal(err)
	}
	qs.show(res, nil)
	if len(qs.journeys) < 3 {
		t.Fatalf("only %d journeys", len(qs.journeys))
	}
	qs.Sort.SetSelectedIndex(3)
	for i := 1; i < len(qs.journeys); i++ {
		if qs.journeys[i].Fare < qs.journeys[i-1].Fare {
			t.Fatalf("not sorted by fare at %d: %s after %s", i, qs.journeys[i].Fare, qs.journeys[i-1].Fare)
		}
	}
	// Only C trains: every journey shown rides C trains (or flies).
	all := len(qs.journeys)
	qs.Types.SetSelected([]string{"C"})
	if len(qs.journeys) == 0 || len(qs.journeys) >= all {
		t.Fatalf("%d of %d journeys kept with only C trains", len(qs.journeys), all)
	}
	for _, j := range qs.journeys {
		for _, l := range j.Legs {
			if l.Mode == timetable.Train && l.Category != "C" {
				t.Errorf("a %s train shown with only C checked", l.Category)
			}
		}
	}
}

// TestQueryClassAndTransfers asks for business class, direct trains only.
func TestQueryClassAndTransfers(t *testing.T) {
	_, d, qs := newQueryScreen(t)
	test.Type(qs.From, "北京")
	test.Type(qs.To, "上海")
	qs.Class.SetSelected("商务座")
	qs.Most.SetSelectedIndex(1) // direct only
	q, bad := qs.query()
	if bad != "" || q.Class != "商务座" || q.MaxTransfers != 0 {
		t.Fatalf("query %+v %q", q, bad)
	}
	res, err := d.Network.Plan(context.Background(), q)
	qs.show(res, err)
	if len(qs.journeys) == 0 {
		t.Fatalf("no journey; status %q", qs.Status.Text)
	}
	if l := qs.journeys[0].Legs; len(l) != 1 || l[0].Class != "商务座" {
		t.Errorf("first journey %+v", l)
	}
}
