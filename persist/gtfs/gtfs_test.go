package gtfs

import (
	"context"
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"testing"

	"railair.app/railair/core/locale"
	"railair.app/railair/core/timetable"
)

var update = flag.Bool("update", false, "rewrite the golden summaries under testdata")

func read(t *testing.T, name string) *Feed {
	t.Helper()
	feed, err := Read(context.Background(), filepath.Join("testdata", name))
	if err != nil {
		t.Fatal(locale.Message(err, locale.English))
	}
	if ps := timetable.Validate(&feed.Timetable); len(ps) > 0 {
		t.Fatalf("the feed gives an invalid timetable: %v", timetable.ProblemsError(ps))
	}
	return feed
}

// summary prints a feed compactly: warnings, cities, stations, services.
func summary(f *Feed) string {
	var b strings.Builder
	for _, w := range f.Warnings {
		fmt.Fprintf(&b, "warning: %s\n", w.En)
	}
	for _, c := range f.Cities {
		fmt.Fprintf(&b, "city %s transfer=%d\n", c.Name, c.TransferMin)
	}
	for _, s := range f.Stations {
		fmt.Fprintf(&b, "station %s city=%s kind=%s transfer=%d\n", s.Name, s.City, s.Kind, s.TransferMin)
	}
	svs := append([]timetable.Service(nil), f.Services...)
	sort.Slice(svs, func(i, j int) bool { return svs[i].Code < svs[j].Code })
	for _, sv := range svs {
		fmt.Fprintf(&b, "%s %s %q days=%s %s..%s:", sv.Code, sv.Mode, sv.Category, sv.Days, sv.First, sv.Last)
		for _, st := range sv.Stops {
			fmt.Fprintf(&b, " %s %s/%s", st.Station, st.Arrive, st.Depart)
			if len(st.Fares) > 0 {
				fmt.Fprintf(&b, " ¥%s", st.Fares[FareClass])
			}
			b.WriteString(";")
		}
		b.WriteString("\n")
	}
	return b.String()
}

func TestGolden(t *testing.T) {
	for _, name := range []string{"sample_feed", "caltrain_20160406"} {
		t.Run(name, func(t *testing.T) {
			got := summary(read(t, name+".zip"))
			golden := filepath.Join("testdata", name+".golden")
			if *update {
				os.WriteFile(golden, []byte(got), 0o644)
			}
			want, err := os.ReadFile(golden)
			if err != nil {
				t.Fatal(err)
			}
			if got != string(want) {
				t.Errorf("summary differs from %s (run with -update to see)", golden)
			}
		})
	}
}

func find(t *testing.T, f *Feed, code string) timetable.Service {
	t.Helper()
	for _, sv := range f.Services {
		if sv.Code == code {
			return sv
		}
	}
	t.Fatalf("no service %s", code)
	return timetable.Service{}
}

func TestSampleFeed(t *testing.T) {
	f := read(t, "sample_feed.zip")
	// frequencies.txt: STBA every 30 minutes from 06:00 up to 22:00.
	n := 0
	for _, sv := range f.Services {
		if strings.HasPrefix(sv.Code, "STBA@") {
			n++
		}
	}
	if n != 32 {
		t.Errorf("STBA expanded into %d trips, want 32", n)
	}
	last := find(t, f, "STBA@2130")
	if last.Stops[0].Depart != 21*60+30 || last.Stops[1].Arrive != 21*60+50 {
		t.Errorf("STBA@2130 = %+v", last.Stops)
	}
	// calendar.txt: AB1 runs every day of 2007–2025.
	ab := find(t, f, "AB1")
	if ab.Days != timetable.EveryDay || ab.First.String() != "2007-01-01" || ab.Last.String() != "2025-12-31" {
		t.Errorf("AB1 days=%s %s..%s", ab.Days, ab.First, ab.Last)
	}
	// fare_rules.txt: route AB costs 1.25 from its first stop.
	if got := ab.Stops[1].Fares[FareClass]; got != timetable.Yuan(1.25) {
		t.Errorf("AB1 fare = %s, want 1.25", got)
	}
	// parent_station makes the parent a city, with a short transfer time
	// between its platforms.
	for _, c := range f.Cities {
		if c.Name == "Nye County Airport (Demo)" && c.TransferMin != 10 {
			t.Errorf("city %s transfer = %d, want 10", c.Name, c.TransferMin)
		}
	}
}

func TestCaltrainZoneFares(t *testing.T) {
	f := read(t, "caltrain_20160406.zip")
	if len(f.Services) != 218 {
		t.Errorf("%d services, want one per trip: 218", len(f.Services))
	}
	// A ride from a trip's first stop costs the zone fare: the sections'
	// fares add up to OW_n for the zones crossed.
	for _, sv := range f.Services {
		var sum timetable.Fare
		for _, st := range sv.Stops[1:] {
			sum += st.Fares[FareClass]
		}
		if sum < timetable.Yuan(3.75) || sum > timetable.Yuan(13.75) {
			t.Errorf("%s: a ride end to end costs %s, outside Caltrain's 3.75–13.75", sv.Code, sum)
		}
	}
}

func TestShiftToFirstDay(t *testing.T) {
	sv := timetable.Service{Days: 0b0000001, First: 100, Last: 200, Stops: []timetable.Stop{
		{Arrive: timetable.NoTime, Depart: 25 * 60},
		{Arrive: 26 * 60, Depart: timetable.NoTime},
	}}
	shiftToFirstDay(&sv)
	if sv.Stops[0].Depart != 60 || sv.Stops[1].Arrive != 120 || sv.Days != 0b0000010 || sv.First != 101 || sv.Last != 201 {
		t.Errorf("shifted = %+v", sv)
	}
}

func TestBrokenFeeds(t *testing.T) {
	tests := []struct {
		name string
		path string
		want string
	}{
		{"not a zip", "gtfs_test.go", "not a GTFS feed"},
		{"a workbook is not a feed", "missing.zip", "not a GTFS feed"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := Read(context.Background(), tt.path)
			if err == nil || !strings.Contains(locale.Message(err, locale.English), tt.want) {
				t.Errorf("Read(%s) = %v, want %q", tt.path, err, tt.want)
			}
		})
	}
}

// FuzzParseTime checks that every time parseTime accepts is a whole number
// of minutes that formats back to the same minute.
func FuzzParseTime(f *testing.F) {
	for _, s := range []string{"6:00:00", "25:10:30", "7:59:59", "24:00:00", "1:2:3", ""} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		m, err := parseTime(s)
		if err != nil {
			return
		}
		if m < 0 {
			t.Fatalf("parseTime(%q) = %d", s, m)
		}
		back, err := parseTime(fmt.Sprintf("%d:%02d:00", m/60, m%60))
		if err != nil || back != m {
			t.Fatalf("parseTime(%q) = %d, formatted back reads %d, %v", s, m, back, err)
		}
	})
}
