package resources_test

import (
	"bytes"
	"os"
	"regexp"
	"strings"
	"testing"
	"time"

	"railair.app/railair/core/timetable"
	"railair.app/railair/resources"
	"railair.app/railair/resources/internal/mkdataset"
)

// TestDatasetUpToDate rebuilds the dataset from source/ and compares it
// with the embedded file: `make dataset` must have been run after any change
// to the sources or the generator.
func TestDatasetUpToDate(t *testing.T) {
	d, _, err := mkdataset.Build("source")
	if err != nil {
		t.Fatal(err)
	}
	b, err := resources.Encode(d)
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(b, resources.NationalGz()) {
		t.Fatal("national.json.gz is not what the generator makes from source/: run `make dataset`")
	}
}

func TestNational(t *testing.T) {
	start := time.Now()
	d, err := resources.National()
	if err != nil {
		t.Fatal(err)
	}
	t.Logf("decoded in %v", time.Since(start))
	if ps := timetable.Validate(&d.Timetable); len(ps) > 0 {
		t.Fatalf("the national dataset is invalid: %v", timetable.ProblemsError(ps))
	}
	var trains, flights int
	categories := map[string]int{}
	for _, sv := range d.Services {
		if sv.Mode == timetable.Flight {
			flights++
		} else {
			trains++
			categories[sv.Category]++
		}
	}
	if len(d.Cities) < 360 || trains < 6500 || flights < 3000 {
		t.Errorf("%d cities, %d trains, %d flights: fewer than the sources hold", len(d.Cities), trains, flights)
	}
	for _, c := range []string{"G", "D", "C", "Z", "T", "K"} {
		if categories[c] < 100 {
			t.Errorf("only %d %s trains", categories[c], c)
		}
	}
	if d.DataDate == "" {
		t.Error("no data date")
	}
}

// TestRealFares checks the fare model against real fares quoted in
// source/fares/FARE_RULES.md, within 5 %.
func TestRealFares(t *testing.T) {
	d, err := resources.National()
	if err != nil {
		t.Fatal(err)
	}
	fare := func(code, from, to, class string) timetable.Fare {
		for _, sv := range d.Services {
			if sv.Code != code {
				continue
			}
			var sum timetable.Fare
			on := false
			for _, st := range sv.Stops {
				if on {
					sum += st.Fares[class]
				}
				if st.Station == from {
					on = true
				}
				if st.Station == to {
					return sum
				}
			}
		}
		t.Fatalf("%s does not run %s → %s", code, from, to)
		return 0
	}
	tests := []struct {
		code, from, to, class string
		real                  float64
	}{
		{"G1", "北京南", "上海虹桥", "二等座", 553},
		{"G1", "北京南", "上海虹桥", "一等座", 933},
		{"G1", "北京南", "南京南", "二等座", 445},
	}
	for _, tt := range tests {
		got := fare(tt.code, tt.from, tt.to, tt.class).YuanValue()
		if got < tt.real*0.95 || got > tt.real*1.05 {
			t.Errorf("%s %s→%s %s = %.1f, real %.0f", tt.code, tt.from, tt.to, tt.class, got, tt.real)
		}
	}
}

func TestNoticeCreditsEverySource(t *testing.T) {
	n := resources.Notice()
	for _, want := range []string{"RailwayVIS", "Apache", "RouteMaster", "MIT", "12306", "BSD", "OpenFlights", "ODbL", "Natural Earth"} {
		if !strings.Contains(n, want) {
			t.Errorf("NOTICE does not mention %s", want)
		}
	}
}

func TestVersionMatchesManifest(t *testing.T) {
	b, err := os.ReadFile("../FyneApp.toml")
	if err != nil {
		t.Skip("no FyneApp.toml yet")
	}
	m := regexp.MustCompile(`(?m)^\s*Version\s*=\s*"([^"]+)"`).FindSubmatch(b)
	if m == nil || string(m[1]) != resources.Version {
		t.Errorf("FyneApp.toml version %q, resources.Version %q", m, resources.Version)
	}
}
