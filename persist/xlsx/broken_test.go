package xlsx

import (
	"archive/zip"
	"bytes"
	"testing"

	"github.com/xuri/excelize/v2"
)

// brokenCase is a workbook that must not import, made from the export of
// small() by a change.
type brokenCase struct {
	name string
	data []byte
}

// The layout of small()'s export, which the changes below rely on:
//
//	城市  rows 2–4: 上海 北京 天津; A 城市 … F 同城换乘分钟
//	车站  rows 2–6: 上海虹桥 北京南 天津南 虹桥机场 首都机场; A 车站 B 城市 C 类型 … G 换乘分钟
//	列车  G1 rows 2–4 (北京南 天津南 上海虹桥), G2 rows 5–6; A 车次 B 类型 C 车站 D 到达 E 出发
//	      F 天 G 里程 H 二等座 I 一等座 J 班期 K 开始日期 L 结束日期
//	航班  CA1501 row 2; A 航班号 B 出发机场 C 到达机场 D 起飞 E 到达 F 天 G 经济舱 H 公务舱 I 班期
func brokenCases(tb testing.TB) []brokenCase {
	tb.Helper()
	base := exportBytes(tb, small())
	edit := func(change func(f *excelize.File) error) []byte {
		f, err := excelize.OpenReader(bytes.NewReader(base))
		if err != nil {
			tb.Fatal(err)
		}
		defer f.Close()
		if err := change(f); err != nil {
			tb.Fatal(err)
		}
		var buf bytes.Buffer
		if _, err := f.WriteTo(&buf); err != nil {
			tb.Fatal(err)
		}
		return buf.Bytes()
	}
	set := func(pairs ...string) []byte {
		return edit(func(f *excelize.File) error {
			for i := 0; i < len(pairs); i += 3 {
				if err := f.SetCellStr(pairs[i], pairs[i+1], pairs[i+2]); err != nil {
					return err
				}
			}
			return nil
		})
	}
	cases := []brokenCase{
		{"not-a-workbook", []byte("车次,车站\nG1,北京南\n")},
		{"zip-without-workbook", zipWith(tb, "readme.txt", "hello")},
		{"password-protected", func() []byte {
			f, err := excelize.OpenReader(bytes.NewReader(base))
			if err != nil {
				tb.Fatal(err)
			}
			var buf bytes.Buffer
			if _, err := f.WriteTo(&buf, excelize.Options{Password: "secret"}); err != nil {
				tb.Fatal(err)
			}
			return buf.Bytes()
		}()},
		{"no-known-sheet", edit(func(f *excelize.File) error {
			for _, s := range []string{"车站", "列车", "航班"} {
				if err := f.DeleteSheet(s); err != nil {
					return err
				}
			}
			return f.SetSheetName("城市", "Sheet1")
		})},
		{"missing-sheet-stations", edit(func(f *excelize.File) error { return f.DeleteSheet("车站") })},
		{"missing-column-station", edit(func(f *excelize.File) error { return f.RemoveCol("列车", "C") })},
		{"missing-column-city", set("城市", "A1", "名称")},
		{"missing-column-kind", edit(func(f *excelize.File) error { return f.RemoveCol("车站", "C") })},
		{"duplicate-column", set("列车", "G1", "出发")},
		{"bad-time", set("列车", "E3", "25:61")},
		{"bad-time-words", set("列车", "D3", "八点")},
		{"bad-km", set("列车", "G3", "一百")},
		{"bad-fare", set("列车", "H3", "免费")},
		{"negative-fare", edit(func(f *excelize.File) error { return f.SetCellFloat("列车", "H4", -5, 1, 64) })},
		{"bad-latitude", edit(func(f *excelize.File) error { return f.SetCellFloat("城市", "D2", 123.4, 1, 64) })},
		{"bad-transfer-minutes", set("车站", "G3", "-10")},
		{"bad-kind", set("车站", "C3", "码头")},
		{"bad-days", set("列车", "J2", "8")},
		{"bad-first-date", set("列车", "K5", "2026-13-01")},
		{"last-date-before-first", set("列车", "L5", "2026-11-01")},
		{"empty-row-inside-service", edit(func(f *excelize.File) error { return f.InsertRows("列车", 3, 1) })},
		{"unknown-station", set("列车", "C3", "天津西北")},
		{"station-in-unknown-city", set("车站", "B4", "燕郊")},
		{"duplicate-service", edit(func(f *excelize.File) error {
			if err := f.SetSheetRow("列车", "A7", &[]any{"G1", nil, "北京南", nil, "10:00"}); err != nil {
				return err
			}
			return f.SetSheetRow("列车", "A8", &[]any{"G1", nil, "上海虹桥", "14:00"})
		})},
		{"duplicate-flight", edit(func(f *excelize.File) error {
			return f.SetSheetRow("航班", "A3", &[]any{"CA1501", "首都机场", "虹桥机场", "08:00", "10:15"})
		})},
		{"duplicate-city", set("城市", "A4", "北京")},
		{"duplicate-station", set("车站", "A4", "北京南")},
		{"times-go-backwards", set("列车", "D6", "08:30")},
		{"day-contradicts-times", set("列车", "F4", "0")},
		{"first-stop-with-arrival", set("列车", "D2", "23:00")},
		{"middle-stop-without-departure", set("列车", "E3", "")},
		{"last-stop-with-departure", set("列车", "E4", "04:40")},
		{"one-stop-service", edit(func(f *excelize.File) error { return f.RemoveRow("列车", 6) })},
		{"fare-at-first-stop", edit(func(f *excelize.File) error { return f.SetCellFloat("列车", "H2", 10, 1, 64) })},
		{"flight-at-rail-station", set("航班", "C2", "上海虹桥")},
		{"flight-departs-after-midnight", set("航班", "D2", "24:30")},
		{"category-differs-within-service", set("列车", "B3", "D")},
		{"empty-service-code", set("列车", "A3", "")},
		{"million-empty-formatted-rows", millionRows(tb, base)},
	}
	return cases
}

// zipWith returns a zip file holding one file.
func zipWith(tb testing.TB, name, body string) []byte {
	var buf bytes.Buffer
	zw := zip.NewWriter(&buf)
	w, err := zw.Create(name)
	if err != nil {
		tb.Fatal(err)
	}
	w.Write([]byte(body))
	if err := zw.Close(); err != nil {
		tb.Fatal(err)
	}
	return buf.Bytes()
}

// millionRows adds a sheet 列车 of a valid train, a million empty rows with
// a style, and then a row with a bad time, which must be found at its row.
func millionRows(tb testing.TB, base []byte) []byte {
	f, err := excelize.OpenReader(bytes.NewReader(base))
	if err != nil {
		tb.Fatal(err)
	}
	defer f.Close()
	if err := f.DeleteSheet("列车"); err != nil {
		tb.Fatal(err)
	}
	if _, err := f.NewSheet("列车"); err != nil {
		tb.Fatal(err)
	}
	style, err := f.NewStyle(&excelize.Style{Fill: excelize.Fill{Type: "pattern", Pattern: 1, Color: []string{"FFF2CC"}}})
	if err != nil {
		tb.Fatal(err)
	}
	sw, err := f.NewStreamWriter("列车")
	if err != nil {
		tb.Fatal(err)
	}
	rows := [][]any{
		{"车次", "车站", "到达", "出发", "二等座"},
		{"G9", "北京南", nil, "08:00", nil},
		{"G9", "上海虹桥", "12:00", nil, 553},
	}
	for i, r := range rows {
		cell, _ := excelize.CoordinatesToCellName(1, i+1)
		if err := sw.SetRow(cell, r); err != nil {
			tb.Fatal(err)
		}
	}
	const empty = 1_000_000
	for r := 4; r < 4+empty; r++ {
		cell, _ := excelize.CoordinatesToCellName(1, r)
		if err := sw.SetRow(cell, nil, excelize.RowOpts{StyleID: style}); err != nil {
			tb.Fatal(err)
		}
	}
	cell, _ := excelize.CoordinatesToCellName(1, 4+empty)
	if err := sw.SetRow(cell, []any{"G10", "北京南", nil, "8点", nil}); err != nil {
		tb.Fatal(err)
	}
	if err := sw.Flush(); err != nil {
		tb.Fatal(err)
	}
	var buf bytes.Buffer
	if _, err := f.WriteTo(&buf); err != nil {
		tb.Fatal(err)
	}
	return buf.Bytes()
}
