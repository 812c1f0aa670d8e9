package xlsx

import (
	"bytes"
	"context"
	"errors"
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"

	"railair.app/railair/core/locale"
	"railair.app/railair/core/timetable"
	"railair.app/railair/resources"
)

var update = flag.Bool("update", false, "rewrite the broken-workbook corpus and golden messages under testdata")

// small is the timetable behind most tests: three cities, G1 over three
// stops (one of them overnight), G2, and a flight landing after midnight.
func small() *timetable.Timetable {
	f := func(kv ...any) map[string]timetable.Fare {
		m := map[string]timetable.Fare{}
		for i := 0; i < len(kv); i += 2 {
			m[kv[i].(string)] = timetable.Yuan(kv[i+1].(float64))
		}
		return m
	}
	return &timetable.Timetable{
		Cities: []timetable.City{
			{Name: "北京", NameEn: "Beijing", Province: "北京", Lat: 39.904989, Lon: 116.405285, TransferMin: 90},
			{Name: "天津", NameEn: "Tianjin", TransferMin: 60},
			{Name: "上海", NameEn: "Shanghai", Lat: 31.23, Lon: 121.47, TransferMin: 90},
		},
		Stations: []timetable.Station{
			{Name: "北京南", City: "北京", Kind: timetable.Rail, Code: "VNP", TransferMin: 30},
			{Name: "天津南", City: "天津", Kind: timetable.Rail, TransferMin: 20},
			{Name: "上海虹桥", City: "上海", Kind: timetable.Rail, TransferMin: 30},
			{Name: "首都机场", City: "北京", Kind: timetable.Airport, Code: "PEK", Lat: 40.08, Lon: 116.58, TransferMin: 90},
			{Name: "虹桥机场", City: "上海", Kind: timetable.Airport, Code: "SHA", TransferMin: 90},
		},
		Services: []timetable.Service{
			{Code: "G1", Mode: timetable.Train, Category: "G", Days: timetable.EveryDay, Stops: []timetable.Stop{
				{Station: "北京南", Arrive: timetable.NoTime, Depart: 23*60 + 10},
				{Station: "天津南", Arrive: 23*60 + 56, Depart: 24*60 + 8, Km: 122, Fares: f("二等座", 54.5, "一等座", 88.0)},
				{Station: "上海虹桥", Arrive: 28*60 + 28, Depart: timetable.NoTime, Km: 1318, Fares: f("二等座", 498.5)},
			}},
			{Code: "G2", Mode: timetable.Train, Category: "G", Days: 0b0011111, First: timetable.NewDate(2026, 12, 1), Last: timetable.NewDate(2027, 1, 31),
				Stops: []timetable.Stop{
					{Station: "上海虹桥", Arrive: timetable.NoTime, Depart: 9 * 60},
					{Station: "北京南", Arrive: 13*60 + 28, Depart: timetable.NoTime, Km: 1318, Fares: f("二等座", 553.0, "一等座", 933.0)},
				}},
			{Code: "CA1501", Mode: timetable.Flight, Category: "CA", Days: timetable.EveryDay, Stops: []timetable.Stop{
				{Station: "首都机场", Arrive: timetable.NoTime, Depart: 22*60 + 30},
				{Station: "虹桥机场", Arrive: 24*60 + 45, Depart: timetable.NoTime, Fares: f("经济舱", 1240.0, "公务舱", 3720.0)},
			}},
		},
	}
}

func exportBytes(tb testing.TB, t *timetable.Timetable) []byte {
	tb.Helper()
	var buf bytes.Buffer
	if err := Export(&buf, t); err != nil {
		tb.Fatal(err)
	}
	return buf.Bytes()
}

// cells returns every non-empty cell of every sheet, as sheet!A1 → value.
func cells(tb testing.TB, b []byte) map[string]string {
	tb.Helper()
	f, err := excelize.OpenReader(bytes.NewReader(b))
	if err != nil {
		tb.Fatal(err)
	}
	defer f.Close()
	out := map[string]string{}
	for _, sh := range f.GetSheetList() {
		rows, err := f.GetRows(sh, excelize.Options{RawCellValue: true})
		if err != nil {
			tb.Fatal(err)
		}
		for r, row := range rows {
			for c, v := range row {
				if v != "" {
					name, _ := excelize.CoordinatesToCellName(c+1, r+1)
					out[sh+"!"+name] = v
				}
			}
		}
	}
	return out
}

func TestRoundTrip(t *testing.T) {
	d, err := resources.National()
	if err != nil {
		t.Fatal(err)
	}
	for name, tab := range map[string]*timetable.Timetable{"small": small(), "national": &d.Timetable} {
		t.Run(name, func(t *testing.T) {
			first := exportBytes(t, tab)
			res, err := Import(context.Background(), bytes.NewReader(first), nil, Options{Replace: true})
			if err != nil {
				t.Fatal(locale.Message(err, locale.English))
			}
			if !reflect.DeepEqual(res.Merged, tab) {
				t.Fatal("import(export(t)) differs from t")
			}
			second := exportBytes(t, res.Merged)
			a, b := cells(t, first), cells(t, second)
			if !reflect.DeepEqual(a, b) {
				t.Fatalf("exporting again changed cells (%d vs %d cells)", len(a), len(b))
			}
		})
	}
}

func TestExportLayout(t *testing.T) {
	c := cells(t, exportBytes(t, small()))
	want := map[string]string{
		"城市!A1": "城市", "城市!F1": "同城换乘分钟", "城市!A2": "上海",
		"车站!C2": "火车站", "车站!C5": "机场",
		"列车!A1": "车次", "列车!H1": "二等座", "列车!I1": "一等座", "列车!J1": "班期",
		// G1: 天津南 is reached at 23:56 and left at 00:08: 天 0, 23:56, 24:08.
		"列车!C3": "天津南", "列车!D3": "23:56", "列车!E3": "24:08", "列车!F3": "0",
		"列车!C4": "上海虹桥", "列车!D4": "04:28", "列车!F4": "1",
		"列车!J5": "12345", "列车!K5": "2026-12-01", "列车!L5": "2027-01-31",
		"航班!D2": "22:30", "航班!E2": "00:45", "航班!F2": "1", "航班!G1": "经济舱",
	}
	for k, v := range want {
		if c[k] != v {
			t.Errorf("%s = %q, want %q", k, c[k], v)
		}
	}
	if _, ok := c["列车!J3"]; ok {
		t.Error("班期 is repeated on a later row of a service")
	}
}

func TestTemplateImports(t *testing.T) {
	var buf bytes.Buffer
	if err := Template(&buf); err != nil {
		t.Fatal(err)
	}
	res, err := Import(context.Background(), &buf, nil, Options{})
	if err != nil {
		t.Fatal(locale.Message(err, locale.English))
	}
	want := Example()
	want.Sort()
	if !reflect.DeepEqual(res.Merged, want) {
		t.Errorf("the template does not import as its example")
	}
}

func TestMergeByKey(t *testing.T) {
	base := small()
	wb := &timetable.Timetable{
		Cities: []timetable.City{{Name: "南京", TransferMin: 90}},
		Services: []timetable.Service{{Code: "G2", Mode: timetable.Train, Days: timetable.EveryDay, Stops: []timetable.Stop{
			{Station: "上海虹桥", Arrive: timetable.NoTime, Depart: 600},
			{Station: "南京", Arrive: 700, Depart: timetable.NoTime},
		}}},
	}
	res, err := Import(context.Background(), bytes.NewReader(exportBytes(t, wb)), base, Options{})
	if err != nil {
		t.Fatal(locale.Message(err, locale.English))
	}
	want := timetable.MergeStats{CitiesAdded: 1, StationsAdded: 1, ServicesChanged: 1}
	if res.Stats != want {
		t.Errorf("stats = %+v, want %+v", res.Stats, want)
	}
	if len(res.Warnings) != 1 || !strings.Contains(res.Warnings[0].En, "created as a station of the city 南京") || res.Warnings[0].Place() != "列车!C3" {
		t.Errorf("warnings = %v", res.Warnings)
	}
	if len(res.Merged.Services) != 3 || len(res.Merged.Cities) != 4 {
		t.Errorf("merged: %d services, %d cities", len(res.Merged.Services), len(res.Merged.Cities))
	}
}

// TestBrokenCorpus imports every workbook under testdata/broken: each must
// fail with the message in its golden file. With -update the corpus is
// written anew from brokenCases, and the golden files from the messages.
func TestBrokenCorpus(t *testing.T) {
	dir := filepath.Join("testdata", "broken")
	if *update {
		os.RemoveAll(dir)
		if err := os.MkdirAll(dir, 0o755); err != nil {
			t.Fatal(err)
		}
		for _, c := range brokenCases(t) {
			if err := os.WriteFile(filepath.Join(dir, c.name+".xlsx"), c.data, 0o644); err != nil {
				t.Fatal(err)
			}
		}
	}
	files, _ := filepath.Glob(filepath.Join(dir, "*.xlsx"))
	if len(files) < 30 {
		t.Fatalf("the corpus has %d workbooks; want at least 30", len(files))
	}
	for _, file := range files {
		name := strings.TrimSuffix(filepath.Base(file), ".xlsx")
		t.Run(name, func(t *testing.T) {
			f, err := os.Open(file)
			if err != nil {
				t.Fatal(err)
			}
			defer f.Close()
			_, err = Import(context.Background(), f, nil, Options{})
			if err == nil {
				t.Fatal("imported without error")
			}
			var xe *Error
			if !errors.As(err, &xe) {
				t.Fatalf("error %v is not an *Error", err)
			}
			got := xe.In(locale.Chinese) + "\n---\n" + xe.In(locale.English) + "\n"
			golden := filepath.Join(dir, name+".golden")
			if *update {
				if err := os.WriteFile(golden, []byte(got), 0o644); err != nil {
					t.Fatal(err)
				}
			}
			want, err := os.ReadFile(golden)
			if err != nil {
				t.Fatal(err)
			}
			if got != string(want) {
				t.Errorf("message:\n%s\nwant:\n%s", got, want)
			}
		})
	}
}

func BenchmarkExportNational(b *testing.B) {
	d, err := resources.National()
	if err != nil {
		b.Fatal(err)
	}
	b.ReportAllocs()
	for b.Loop() {
		var buf bytes.Buffer
		if err := Export(&buf, &d.Timetable); err != nil {
			b.Fatal(err)
		}
	}
}

func BenchmarkImportNational(b *testing.B) {
	d, err := resources.National()
	if err != nil {
		b.Fatal(err)
	}
	var buf bytes.Buffer
	if err := Export(&buf, &d.Timetable); err != nil {
		b.Fatal(err)
	}
	b.ReportMetric(float64(countStops(&d.Timetable)), "stops")
	b.ReportAllocs()
	for b.Loop() {
		if _, err := Import(context.Background(), bytes.NewReader(buf.Bytes()), nil, Options{Replace: true}); err != nil {
			b.Fatal(err)
		}
	}
}

func countStops(t *timetable.Timetable) int {
	n := 0
	for _, s := range t.Services {
		n += len(s.Stops)
	}
	return n
}

// workbook50k is the national timetable's trains, repeated under new codes
// until the 列车 sheet holds at least 50,000 stop rows.
func workbook50k(tb testing.TB) ([]byte, int) {
	d, err := resources.National()
	if err != nil {
		tb.Fatal(err)
	}
	t := &timetable.Timetable{Cities: d.Cities, Stations: d.Stations}
	rows := 0
	for copyN := 0; rows < 50000; copyN++ {
		for _, sv := range d.Services {
			if sv.Mode != timetable.Train || rows >= 50000 {
				continue
			}
			if copyN > 0 {
				sv.Code = fmt.Sprintf("%s-%d", sv.Code, copyN)
			}
			t.Services = append(t.Services, sv)
			rows += len(sv.Stops)
		}
	}
	return exportBytes(tb, t), rows
}

func BenchmarkImport50kStopRows(b *testing.B) {
	data, rows := workbook50k(b)
	b.ReportMetric(float64(rows), "rows")
	b.ReportAllocs()
	for b.Loop() {
		if _, err := Import(context.Background(), bytes.NewReader(data), nil, Options{Replace: true}); err != nil {
			b.Fatal(err)
		}
	}
}

func BenchmarkExport50kStopRows(b *testing.B) {
	data, rows := workbook50k(b)
	res, err := Import(context.Background(), bytes.NewReader(data), nil, Options{Replace: true})
	if err != nil {
		b.Fatal(err)
	}
	b.ReportMetric(float64(rows), "rows")
	b.ReportAllocs()
	for b.Loop() {
		var buf bytes.Buffer
		if err := Export(&buf, res.Merged); err != nil {
			b.Fatal(err)
		}
	}
}
