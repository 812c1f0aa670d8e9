package planner

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"railair.app/railair/core/timetable"
)

// TestNationalGolden answers fixed queries on the national dataset and
// compares them with testdata/national.golden (rewrite with -update after
// checking a change by hand). Every journey is also checked leg by leg.
func TestNationalGolden(t *testing.T) {
	tt, n := nationalNetwork(t)
	day := timetable.NewDate(2026, 12, 1)
	queries := []Query{
		{From: "北京", To: "上海", Date: day, After: 8 * 60, By: Arrival, MaxTransfers: -1},
		{From: "北京", To: "上海", Date: day, After: 8 * 60, By: Arrival, Modes: TrainOnly, MaxTransfers: -1},
		{From: "北京南", To: "上海虹桥", Date: day, After: 8 * 60, By: Transfers, MaxTransfers: -1},
		{From: "乌鲁木齐", To: "广州", Date: day, After: 8 * 60, By: Fare, MaxTransfers: -1},
		{From: "拉萨", To: "哈尔滨", Date: day, After: 8 * 60, By: Transfers, MaxTransfers: -1},
		{From: "广州", To: "成都", Date: day, After: 22 * 60, By: Arrival, Modes: TrainOnly, MaxTransfers: 1},
		{From: "西安", To: "杭州", Date: day, After: 6 * 60, By: Fare, Class: "二等座", MaxTransfers: 2},
		{From: "昆明", To: "北京", Date: day, After: 12 * 60, By: Arrival, Modes: FlightOnly, MaxTransfers: -1},
	}
	var b strings.Builder
	for _, q := range queries {
		res, err := n.Plan(context.Background(), q)
		if err != nil {
			t.Fatal(err)
		}
		fmt.Fprintf(&b, "%s → %s %s after %s by %s mode %s class %q max %d:\n", q.From, q.To, q.Date, q.After, q.By, q.Modes, q.Class, q.MaxTransfers)
		for _, j := range res.Journeys {
			if err := checkJourney(tt, q, j); err != nil {
				t.Errorf("%s → %s: %v", q.From, q.To, err)
			}
			fmt.Fprintf(&b, "  %s–%s ¥%s %d transfers\n", j.Depart, j.Arrive, j.Fare, j.Transfers)
			for _, l := range j.Legs {
				fmt.Fprintf(&b, "    %s %s %s %s → %s %s %s ¥%s\n", l.Service, l.Class, l.From, l.Depart, l.To, l.Arrive, l.Change.String(), l.Fare)
			}
		}
	}
	golden := filepath.Join("testdata", "national.golden")
	if *update {
		os.MkdirAll("testdata", 0o755)
		os.WriteFile(golden, []byte(b.String()), 0o644)
	}
	want, err := os.ReadFile(golden)
	if err != nil {
		t.Fatal(err)
	}
	if b.String() != string(want) {
		t.Errorf("answers differ from %s:\n%s", golden, b.String())
	}
}

// TestNationalNames finds places on the national dataset as travellers
// type them: Chinese, English, pinyin, pinyin initials.
func TestNationalNames(t *testing.T) {
	_, n := nationalNetwork(t)
	for _, tc := range []struct{ typed, city string }{
		{"乌鲁木齐", "乌鲁木齐"},
		{"Urumqi", "乌鲁木齐"},
		{"wulumuqi", "乌鲁木齐"},
		{"beijing", "北京"},
		{"huhehaote", "呼和浩特"},
		{"北京南", "北京"},
	} {
		_, ci, err := n.places(tc.typed)
		if err != nil || n.cities[ci].name != tc.city {
			t.Errorf("places(%s) = city %d, %v; want %s", tc.typed, ci, err, tc.city)
		}
	}
	for _, tc := range []struct {
		typed string
		want  []string // among the suggestions
	}{
		{"bj", []string{"北京", "北京南"}},
		{"wlmq", []string{"乌鲁木齐", "乌鲁木齐南"}},
		{"wulu", []string{"乌鲁木齐"}},
		{"hhht", []string{"呼和浩特"}},
		{"北京", []string{"北京", "北京南", "北京西"}},
	} {
		got := n.Suggest(tc.typed, 12)
		for _, w := range tc.want {
			if !slices.Contains(got, w) {
				t.Errorf("Suggest(%s) = %v; want %s among them", tc.typed, got, w)
			}
		}
	}
	if got := n.Suggest("xyzzy", 8); len(got) != 0 {
		t.Errorf("Suggest(xyzzy) = %v; want none", got)
	}
}
