package pinyin

import (
	"encoding/csv"
	"os"
	"testing"
)

func TestOf(t *testing.T) {
	for _, tc := range []struct {
		name, full, initials string
		ok                   bool
	}{
		{"乌鲁木齐", "wulumuqi", "wlmq", true},
		{"北京南", "beijingnan", "bjn", true},
		{"呼和浩特", "huhehaote", "hhht", true},
		{"北京首都国际机场", "", "", false},
	} {
		full, initials, ok := Of(tc.name)
		if full != tc.full || initials != tc.initials || ok != tc.ok {
			t.Errorf("Of(%s) = %q %q %v; want %q %q %v", tc.name, full, initials, ok, tc.full, tc.initials, tc.ok)
		}
	}
}

// TestTableMatchesSource checks that table.go was generated from the
// station list as it stands (go generate ./core/pinyin).
func TestTableMatchesSource(t *testing.T) {
	f, err := os.Open("../../resources/source/rail/stations_12306.csv")
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	rows, err := csv.NewReader(f).ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	col := map[string]int{}
	for i, h := range rows[0] {
		col[h] = i
	}
	for _, r := range rows[1:] {
		if e, ok := table[r[col["name"]]]; !ok || e.full != r[col["pinyin"]] || e.initials != r[col["short"]] {
			t.Fatalf("%s: table has %v, the list %s %s: run go generate ./core/pinyin", r[col["name"]], e, r[col["pinyin"]], r[col["short"]])
		}
	}
	if len(table) != len(rows)-1 {
		t.Errorf("table has %d names, the list %d", len(table), len(rows)-1)
	}
}

func TestStarts(t *testing.T) {
	for _, tc := range []struct {
		name, typed string
		want        bool
	}{
		{"乌鲁木齐", "wlmq", true},
		{"乌鲁木齐", "wulu", true},
		{"乌鲁木齐", "wulumuqinan", false},
		{"乌鲁木齐", "", false},
		{"乌鲁木齐", "乌", false},
		{"北京首都国际机场", "b", false},
	} {
		if got := Starts(tc.name, tc.typed); got != tc.want {
			t.Errorf("Starts(%s, %q) = %v; want %v", tc.name, tc.typed, got, tc.want)
		}
	}
}
