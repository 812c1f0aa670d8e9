package gui

import (
	"strings"
	"testing"

	"fyne.io/fyne/v2/test"

	"railair.app/railair/resources"
)

func nationalData(t *testing.T) *Data {
	t.Helper()
	d, err := resources.National()
	if err != nil {
		t.Fatal(err)
	}
	return &Data{Timetable: &d.Timetable, DataDate: d.DataDate, Path: "test.db"}
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
