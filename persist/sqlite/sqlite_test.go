package sqlite

import (
	"context"
	"errors"
	"path/filepath"
	"reflect"
	"strings"
	"sync"
	"testing"

	"railair.app/railair/core/locale"
	"railair.app/railair/core/timetable"
	"railair.app/railair/resources"
)

// mustOpen opens a store in a fresh temporary folder, closed at the end of
// the test.
func mustOpen(tb testing.TB) *Store {
	tb.Helper()
	s, err := Open(context.Background(), filepath.Join(tb.TempDir(), "railair.db"))
	if err != nil {
		tb.Fatal(err)
	}
	tb.Cleanup(func() { s.Close() })
	return s
}

func national(tb testing.TB) *timetable.Timetable {
	tb.Helper()
	d, err := resources.National()
	if err != nil {
		tb.Fatal(err)
	}
	return &d.Timetable
}

// small is a tiny valid timetable: two cities, a train and a flight.
func small() *timetable.Timetable {
	return &timetable.Timetable{
		Cities: []timetable.City{{Name: "上海", TransferMin: 90}, {Name: "北京", NameEn: "Beijing", Lat: 39.9, Lon: 116.4, TransferMin: 90}},
		Stations: []timetable.Station{
			{Name: "上海虹桥", City: "上海", Kind: timetable.Rail, TransferMin: 30},
			{Name: "北京南", City: "北京", Kind: timetable.Rail, Code: "VNP", TransferMin: 30},
			{Name: "虹桥机场", City: "上海", Kind: timetable.Airport, TransferMin: 90},
			{Name: "首都机场", City: "北京", Kind: timetable.Airport, TransferMin: 90},
		},
		Services: []timetable.Service{
			{Code: "CA1501", Mode: timetable.Flight, Days: 0b1010101, Stops: []timetable.Stop{
				{Station: "首都机场", Arrive: timetable.NoTime, Depart: 480},
				{Station: "虹桥机场", Arrive: 615, Depart: timetable.NoTime, Fares: map[string]timetable.Fare{"经济舱": 124000, "公务舱": 372000}},
			}},
			{Code: "G1", Mode: timetable.Train, Category: "G", Days: timetable.EveryDay, First: timetable.NewDate(2026, 1, 1), Stops: []timetable.Stop{
				{Station: "北京南", Arrive: timetable.NoTime, Depart: 540},
				{Station: "上海虹桥", Arrive: 808, Depart: timetable.NoTime, Km: 1318, Fares: map[string]timetable.Fare{"二等座": 55300}},
			}},
		},
	}
}

func TestReplaceLoadRoundTrip(t *testing.T) {
	for name, tab := range map[string]*timetable.Timetable{"small": small(), "national": national(t)} {
		t.Run(name, func(t *testing.T) {
			s := mustOpen(t)
			ctx := context.Background()
			tab.Sort()
			if err := s.Replace(ctx, tab); err != nil {
				t.Fatal(err)
			}
			got, err := s.Load(ctx)
			if err != nil {
				t.Fatal(err)
			}
			if !reflect.DeepEqual(got, tab) {
				t.Fatalf("loaded timetable differs from the one stored")
			}
		})
	}
}

func TestReplaceRefusesInvalidAndKeepsData(t *testing.T) {
	s := mustOpen(t)
	ctx := context.Background()
	if err := s.Replace(ctx, small()); err != nil {
		t.Fatal(err)
	}
	bad := small()
	bad.Services[1].Stops[1].Arrive = 100 // before the departure
	err := s.Replace(ctx, bad)
	var ps timetable.ProblemsError
	if !errors.As(err, &ps) || ps[0].Key != "G1" {
		t.Fatalf("Replace(bad) = %v, want the problem with G1", err)
	}
	got, _ := s.Load(ctx)
	want := small()
	want.Sort()
	if !reflect.DeepEqual(got, want) {
		t.Error("a refused Replace changed the data")
	}
}

func TestNewerSchemaRefused(t *testing.T) {
	path := filepath.Join(t.TempDir(), "new.db")
	s, err := Open(context.Background(), path)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := s.db.Exec("PRAGMA user_version = 99"); err != nil {
		t.Fatal(err)
	}
	s.Close()
	_, err = Open(context.Background(), path)
	if !errors.Is(err, ErrNewerSchema) {
		t.Fatalf("Open(newer) = %v, want ErrNewerSchema", err)
	}
	if msg := locale.Message(err, locale.English); !strings.Contains(msg, "newer RailAir") {
		t.Errorf("message %q does not say what to do", msg)
	}
}

func TestEdits(t *testing.T) {
	ctx := context.Background()
	tests := []struct {
		name    string
		edit    func(s *Store) error
		wantErr string // a piece of the English message; "" for success
		check   func(t *testing.T, got *timetable.Timetable)
	}{
		{"add city", func(s *Store) error {
			return s.PutCity(ctx, timetable.City{Name: "天津", NameEn: "Tianjin", TransferMin: 60})
		}, "", func(t *testing.T, got *timetable.Timetable) {
			if len(got.Cities) != 3 || got.Cities[0].Name != "上海" {
				t.Errorf("cities = %+v", got.Cities)
			}
		}},
		{"change city", func(s *Store) error {
			return s.PutCity(ctx, timetable.City{Name: "北京", NameEn: "Peking", TransferMin: 120})
		}, "", func(t *testing.T, got *timetable.Timetable) {
			if c := got.Cities[1]; c.NameEn != "Peking" || c.TransferMin != 120 {
				t.Errorf("北京 = %+v", c)
			}
		}},
		{"rename city, stations follow", func(s *Store) error { return s.RenameCity(ctx, "北京", "北京市") }, "", func(t *testing.T, got *timetable.Timetable) {
			if got.Stations[1].City != "北京市" {
				t.Errorf("北京南 is in %q", got.Stations[1].City)
			}
		}},
		{"rename city onto another", func(s *Store) error { return s.RenameCity(ctx, "北京", "上海") }, "already exists", nil},
		{"rename missing city", func(s *Store) error { return s.RenameCity(ctx, "广州", "广州市") }, "does not exist", nil},
		{"delete city in use", func(s *Store) error { return s.DeleteCity(ctx, "北京", false) }, "still in use: 2 stations (北京南、首都机场), 2 services (CA1501、G1)", nil},
		{"delete city with cascade", func(s *Store) error { return s.DeleteCity(ctx, "北京", true) }, "", func(t *testing.T, got *timetable.Timetable) {
			if len(got.Cities) != 1 || len(got.Stations) != 2 || len(got.Services) != 0 {
				t.Errorf("after cascade: %d cities, %d stations, %d services", len(got.Cities), len(got.Stations), len(got.Services))
			}
		}},
		{"delete station in use", func(s *Store) error { return s.DeleteStation(ctx, "北京南", false) }, "used by 1 services (G1)", nil},
		{"change kind of a station in use", func(s *Store) error {
			return s.PutStation(ctx, timetable.Station{Name: "北京南", City: "北京", Kind: timetable.Airport, TransferMin: 30})
		}, "cannot change kind", nil},
		{"station in unknown city", func(s *Store) error {
			return s.PutStation(ctx, timetable.Station{Name: "天津站", City: "天津", TransferMin: 30})
		}, `city "天津" does not exist`, nil},
		{"add a service", func(s *Store) error {
			return s.PutService(ctx, timetable.Service{Code: "G2", Mode: timetable.Train, Days: timetable.EveryDay, Stops: []timetable.Stop{
				{Station: "上海虹桥", Arrive: timetable.NoTime, Depart: 600},
				{Station: "北京南", Arrive: 870, Depart: timetable.NoTime, Fares: map[string]timetable.Fare{"二等座": 55300}},
			}})
		}, "", func(t *testing.T, got *timetable.Timetable) {
			if len(got.Services) != 3 || got.Services[2].Code != "G2" || got.Services[2].Stops[1].Fares["二等座"] != 55300 {
				t.Errorf("services = %+v", got.Services)
			}
		}},
		{"a service with a bad time is not saved", func(s *Store) error {
			return s.PutService(ctx, timetable.Service{Code: "G1", Mode: timetable.Train, Days: timetable.EveryDay, Stops: []timetable.Stop{
				{Station: "北京南", Arrive: timetable.NoTime, Depart: 600},
				{Station: "上海虹桥", Arrive: 500, Depart: timetable.NoTime},
			}})
		}, "before the time before it", nil},
		{"a service at an unknown station is not saved", func(s *Store) error {
			return s.PutService(ctx, timetable.Service{Code: "G9", Mode: timetable.Train, Days: timetable.EveryDay, Stops: []timetable.Stop{
				{Station: "北京南", Arrive: timetable.NoTime, Depart: 600},
				{Station: "天津站", Arrive: 700, Depart: timetable.NoTime},
			}})
		}, `"天津站" does not exist`, nil},
		{"save an edited service under a new code", func(s *Store) error {
			return s.SaveService(ctx, "G1", timetable.Service{Code: "G3", Mode: timetable.Train, Days: timetable.EveryDay, Stops: []timetable.Stop{
				{Station: "北京南", Arrive: timetable.NoTime, Depart: 600},
				{Station: "上海虹桥", Arrive: 900, Depart: timetable.NoTime},
			}})
		}, "", func(t *testing.T, got *timetable.Timetable) {
			if len(got.Services) != 2 || got.Services[1].Code != "G3" || got.Services[1].Stops[1].Arrive != 900 {
				t.Errorf("services = %+v", got.Services)
			}
		}},
		{"saving onto another service's code is refused", func(s *Store) error {
			return s.SaveService(ctx, "", timetable.Service{Code: "G1", Mode: timetable.Train, Days: timetable.EveryDay, Stops: []timetable.Stop{
				{Station: "北京南", Arrive: timetable.NoTime, Depart: 600},
				{Station: "上海虹桥", Arrive: 900, Depart: timetable.NoTime},
			}})
		}, `service "G1" already exists`, nil},
		{"saving a service that was deleted meanwhile", func(s *Store) error {
			return s.SaveService(ctx, "G7", timetable.Service{Code: "G7", Mode: timetable.Train, Days: timetable.EveryDay, Stops: []timetable.Stop{
				{Station: "北京南", Arrive: timetable.NoTime, Depart: 600},
				{Station: "上海虹桥", Arrive: 900, Depart: timetable.NoTime},
			}})
		}, `service "G7" does not exist`, nil},
		{"restore what a cascading delete removed", func(s *Store) error {
			before, err := s.Load(ctx)
			if err != nil {
				return err
			}
			if err := s.DeleteCity(ctx, "北京", true); err != nil {
				return err
			}
			var cities []timetable.City
			for _, c := range before.Cities {
				if c.Name == "北京" {
					cities = append(cities, c)
				}
			}
			var stations []timetable.Station
			for _, st := range before.Stations {
				if st.City == "北京" {
					stations = append(stations, st)
				}
			}
			return s.Restore(ctx, cities, stations, before.Services)
		}, "", func(t *testing.T, got *timetable.Timetable) {
			if !reflect.DeepEqual(got, small()) {
				t.Errorf("restored:\n%+v\nwant\n%+v", got, small())
			}
		}},
		{"restore a station of a missing city", func(s *Store) error {
			return s.Restore(ctx, nil, []timetable.Station{{Name: "天津站", City: "天津", TransferMin: 30}}, nil)
		}, "天津", nil},
		{"delete a service", func(s *Store) error { return s.DeleteService(ctx, "G1") }, "", func(t *testing.T, got *timetable.Timetable) {
			if len(got.Services) != 1 {
				t.Errorf("services = %+v", got.Services)
			}
		}},
		{"rename a service", func(s *Store) error { return s.RenameService(ctx, "G1", "G101") }, "", func(t *testing.T, got *timetable.Timetable) {
			if got.Services[1].Code != "G101" || len(got.Services[1].Stops) != 2 {
				t.Errorf("services = %+v", got.Services)
			}
		}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			s := mustOpen(t)
			if err := s.Replace(ctx, small()); err != nil {
				t.Fatal(err)
			}
			before, _ := s.Load(ctx)
			err := tt.edit(s)
			got, lerr := s.Load(ctx)
			if lerr != nil {
				t.Fatal(lerr)
			}
			if tt.wantErr != "" {
				msg := locale.Message(err, locale.English)
				if err == nil || !strings.Contains(msg, tt.wantErr) {
					t.Fatalf("err = %v (%q), want %q", err, msg, tt.wantErr)
				}
				if !reflect.DeepEqual(got, before) {
					t.Error("a refused edit changed the data")
				}
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			tt.check(t, got)
		})
	}
}

// TestTwoStoresOnOneFile opens the database twice, as the GUI and the
// command line do, and writes through both at once.
func TestTwoStoresOnOneFile(t *testing.T) {
	ctx := context.Background()
	path := filepath.Join(t.TempDir(), "shared.db")
	a, err := Open(ctx, path)
	if err != nil {
		t.Fatal(err)
	}
	defer a.Close()
	b, err := Open(ctx, path)
	if err != nil {
		t.Fatal(err)
	}
	defer b.Close()
	if err := a.Replace(ctx, small()); err != nil {
		t.Fatal(err)
	}
	var wg sync.WaitGroup
	errs := make(chan error, 100)
	for i := 0; i < 20; i++ {
		wg.Add(2)
		go func() {
			defer wg.Done()
			errs <- a.Replace(ctx, small())
		}()
		go func(i int) {
			defer wg.Done()
			if _, err := b.Load(ctx); err != nil {
				errs <- err
			}
			errs <- b.PutCity(ctx, timetable.City{Name: "北京", TransferMin: 60 + i})
		}(i)
	}
	wg.Wait()
	close(errs)
	for err := range errs {
		if err != nil {
			t.Error(err)
		}
	}
	var check string
	if err := a.DB().QueryRow("PRAGMA integrity_check").Scan(&check); err != nil || check != "ok" {
		t.Fatalf("integrity_check = %q, %v", check, err)
	}
	got, err := b.Load(ctx)
	if err != nil || len(got.Services) != 2 {
		t.Fatalf("after concurrent writes: %v services, %v", len(got.Services), err)
	}
}

func BenchmarkLoadNational(b *testing.B) {
	s := mustOpen(b)
	ctx := context.Background()
	if err := s.Replace(ctx, national(b)); err != nil {
		b.Fatal(err)
	}
	b.ReportAllocs()
	for b.Loop() {
		if _, err := s.Load(ctx); err != nil {
			b.Fatal(err)
		}
	}
}

func BenchmarkReplaceNational(b *testing.B) {
	s := mustOpen(b)
	ctx := context.Background()
	tab := national(b)
	b.ReportAllocs()
	for b.Loop() {
		if err := s.Replace(ctx, tab); err != nil {
			b.Fatal(err)
		}
	}
}
