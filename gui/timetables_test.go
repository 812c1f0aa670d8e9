package gui

import (
	"context"
	"path/filepath"
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"

	"railair.app/railair/core/locale"
	"railair.app/railair/core/planner"
	"railair.app/railair/core/timetable"
	"railair.app/railair/persist/sqlite"
)

// newSession starts a test app and opens a new database holding the
// national dataset, as the app does on its first start; it returns a
// session over it whose edits the test can wait for, and a window.
func newSession(t *testing.T) (*Session, chan error, fyne.Window) {
	t.Helper()
	Setup(test.NewTempApp(t))
	d, err := load(context.Background(), filepath.Join(t.TempDir(), "railair.db"))
	if err != nil {
		t.Fatal(err)
	}
	s := NewSession(d)
	done := make(chan error, 1)
	s.finished = func(err error) { done <- err }
	return s, done, test.NewTempWindow(t, nil)
}

// newTimetableScreen shows the editor for mode over a new database.
func newTimetableScreen(t *testing.T, mode timetable.Mode) (*TimetableScreen, chan error) {
	t.Helper()
	s, done, w := newSession(t)
	ts := NewTimetableScreen(s, mode, w)
	w.SetContent(ts.Content)
	return ts, done
}

// storedService reads a service back from the session's database.
func storedService(t *testing.T, s *Session, code string) *timetable.Service {
	t.Helper()
	st, err := sqlite.Open(context.Background(), s.Data.Path)
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	tt, err := st.Load(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	for i := range tt.Services {
		if tt.Services[i].Code == code {
			return &tt.Services[i]
		}
	}
	return nil
}

// pick selects the service with the given code in the screen's list.
func pick(t *testing.T, ts *TimetableScreen, code string) {
	t.Helper()
	ts.Search.SetText("")
	test.Type(ts.Search, code)
	for i, k := range ts.shown {
		if ts.session.Data.Timetable.Services[k].Code == code {
			ts.List.Select(i)
			if ts.form == nil || ts.form.original != code {
				t.Fatalf("selecting %s shows %+v", code, ts.form)
			}
			return
		}
	}
	t.Fatalf("%s is not listed when searched for", code)
}

func firstJourney(t *testing.T, s *Session, from, to string) *planner.Journey {
	t.Helper()
	res, err := s.Data.Network.Plan(context.Background(), planner.Query{From: from, To: to,
		Date: timetable.NewDate(2026, 12, 1), After: 8 * 60, By: planner.Arrival, Modes: planner.TrainOnly, MaxTransfers: -1})
	if err != nil || len(res.Journeys) == 0 {
		t.Fatalf("%s → %s: %v", from, to, err)
	}
	return &res.Journeys[0]
}

// TestEditTrainSavedAndPlanned edits G1's arrival, saves, and expects the
// database and the planner to have it; then undoes the change.
func TestEditTrainSavedAndPlanned(t *testing.T) {
	ts, done := newTimetableScreen(t, timetable.Train)
	s := ts.session

	pick(t, ts, "G1")
	last := len(ts.form.Rows) - 1
	arrive := ts.cells[cellKey{last, timetable.FieldArrive, ""}]
	if arrive.Text != "13:28" || !ts.Save.Disabled() {
		t.Fatalf("G1 arrives %q; save enabled before any edit: %v", arrive.Text, !ts.Save.Disabled())
	}
	arrive.SetText("")
	test.Type(arrive, "12:58")
	if ts.Save.Disabled() || len(ts.errs) > 0 {
		t.Fatalf("after a valid edit: save disabled %v, errors %v", ts.Save.Disabled(), ts.errs)
	}
	test.Tap(ts.Save)
	if err := <-done; err != nil {
		t.Fatal(err)
	}
	if sv := storedService(t, s, "G1"); sv.Stops[len(sv.Stops)-1].Arrive != 12*60+58 {
		t.Errorf("stored G1 arrives at %v", sv.Stops[len(sv.Stops)-1].Arrive)
	}
	if j := firstJourney(t, s, "北京", "上海"); j.Legs[0].Service != "G1" || j.Arrive != 12*60+58 {
		t.Errorf("the planner's first journey after the edit: %s arriving %v", j.Legs[0].Service, j.Arrive)
	}
	if !strings.Contains(ts.Status.Text, "G1") || !ts.Save.Disabled() || ts.Undo.Disabled() {
		t.Errorf("after saving: status %q, save enabled %v, undo enabled %v", ts.Status.Text, !ts.Save.Disabled(), !ts.Undo.Disabled())
	}

	test.Tap(ts.Undo)
	if err := <-done; err != nil {
		t.Fatal(err)
	}
	if sv := storedService(t, s, "G1"); sv.Stops[len(sv.Stops)-1].Arrive != 13*60+28 {
		t.Errorf("after undo G1 arrives at %v", sv.Stops[len(sv.Stops)-1].Arrive)
	}
	if got := ts.cells[cellKey{last, timetable.FieldArrive, ""}].Text; got != "13:28" {
		t.Errorf("after undo the editor shows %q", got)
	}
}

// TestBadCellSavesNothing types a bad time and expects the error at that
// cell, Save disabled, and the database unchanged even if Save is forced.
func TestBadCellSavesNothing(t *testing.T) {
	ts, done := newTimetableScreen(t, timetable.Train)
	s := ts.session
	pick(t, ts, "G1")
	before := storedService(t, s, "G1")

	depart := ts.cells[cellKey{1, timetable.FieldDepart, ""}]
	depart.SetText("")
	test.Type(depart, "25:61")
	at := cellKey{1, timetable.FieldDepart, ""}
	if len(ts.errs) != 1 || ts.errs[0].cellKey != at {
		t.Fatalf("errors %+v; want one at %+v", ts.errs, at)
	}
	if !ts.Save.Disabled() || !strings.Contains(ts.Problems.Text, "25:61") || ts.Problems.Hidden {
		t.Errorf("save enabled %v; problems %q", !ts.Save.Disabled(), ts.Problems.Text)
	}
	ts.SaveForm() // as if forced: nothing must be stored
	select {
	case err := <-done:
		t.Fatalf("a save ran: %v", err)
	default:
	}
	if after := storedService(t, s, "G1"); after.Stops[1].Depart != before.Stops[1].Depart {
		t.Errorf("G1 stop 2 departure changed from %v to %v", before.Stops[1].Depart, after.Stops[1].Depart)
	}
	// Removing a stop, then putting the time right, makes it valid again.
	test.Tap(ts.Revert)
	if ts.dirty() || len(ts.errs) > 0 {
		t.Errorf("after discarding: dirty %v, errors %v", ts.dirty(), ts.errs)
	}
}

// TestNewFlight adds a flight, first at a rail station (an error at the
// station cell), then at airports; saved, it can be found and deleted.
func TestNewFlight(t *testing.T) {
	ts, done := newTimetableScreen(t, timetable.Flight)
	s := ts.session
	test.Tap(ts.New)
	test.Type(ts.Code, "ZZ9001")
	set := func(row int, f timetable.Field, class, v string) {
		e := ts.cells[cellKey{row, f, class}]
		e.SetText("")
		test.Type(e, v)
	}
	set(0, timetable.FieldStation, "", "北京南")
	set(0, timetable.FieldDepart, "", "07:00")
	set(1, timetable.FieldStation, "", "上海虹桥国际机场")
	set(1, timetable.FieldArrive, "", "09:10")
	set(1, timetable.FieldFare, "经济舱", "600")
	if len(ts.errs) != 1 || ts.errs[0].cellKey != (cellKey{0, timetable.FieldStation, ""}) || !ts.Save.Disabled() {
		t.Fatalf("errors %+v", ts.errs)
	}
	set(0, timetable.FieldStation, "", "北京首都国际机场")
	if len(ts.errs) != 0 || ts.Save.Disabled() {
		t.Fatalf("errors %+v; save disabled %v", ts.errs, ts.Save.Disabled())
	}
	test.Tap(ts.Save)
	if err := <-done; err != nil {
		t.Fatal(err)
	}
	sv := storedService(t, s, "ZZ9001")
	if sv == nil || sv.Mode != timetable.Flight || sv.Category != "ZZ" || sv.Stops[1].Fares["经济舱"] != 60000 {
		t.Fatalf("stored %+v", sv)
	}
	pick(t, ts, "ZZ9001")
	ts.DeleteService(*ts.find("ZZ9001"))
	if err := <-done; err != nil {
		t.Fatal(err)
	}
	if storedService(t, s, "ZZ9001") != nil || ts.form != nil {
		t.Error("the flight is still there after deleting it")
	}
	test.Tap(ts.Undo)
	if err := <-done; err != nil {
		t.Fatal(err)
	}
	if storedService(t, s, "ZZ9001") == nil {
		t.Error("undoing the delete did not bring the flight back")
	}
}

// TestEditWhileSaving refuses a second change while one is being stored,
// and stores nothing for it.
func TestEditWhileSaving(t *testing.T) {
	s, done, _ := newSession(t)
	s.working = true // as while another change is stored
	var got error
	s.Edit(locale.Textf("删除 G1", "delete G1"),
		func(ctx context.Context, st *sqlite.Store) error { return st.DeleteService(ctx, "G1") }, nil,
		func(err error) { got = err })
	s.working = false
	if got == nil || !strings.Contains(locale.Message(got, locale.English), "still being saved") {
		t.Errorf("error %v", got)
	}
	select {
	case err := <-done:
		t.Fatalf("an edit ran: %v", err)
	default:
	}
	if storedService(t, s, "G1") == nil {
		t.Error("G1 was deleted")
	}
}

func TestStationCellOffersStations(t *testing.T) {
	for _, tt := range []struct {
		mode  timetable.Mode
		typed string
		want  string
	}{
		{timetable.Train, "北京", "北京南"},
		{timetable.Train, "虹桥", "上海虹桥"},
		{timetable.Flight, "北京", "北京首都国际机场"},
	} {
		ts, _ := newTimetableScreen(t, tt.mode)
		got := ts.stationsLike(tt.typed)
		found := false
		for _, name := range got {
			found = found || name == tt.want
			var kind timetable.StationKind
			for _, st := range ts.session.Data.Timetable.Stations {
				if st.Name == name {
					kind = st.Kind
				}
			}
			if (kind == timetable.Airport) != (tt.mode == timetable.Flight) {
				t.Errorf("%v offers %s, of the other kind", tt.mode, name)
			}
		}
		if !found || len(got) > 12 {
			t.Errorf("%v, typed %q: offered %v; want %s among at most 12", tt.mode, tt.typed, got, tt.want)
		}
	}
}
