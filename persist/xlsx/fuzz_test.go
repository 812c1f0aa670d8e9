package xlsx

import (
	"bytes"
	"context"
	"errors"
	"reflect"
	"testing"

	"github.com/xuri/excelize/v2"

	"railair.app/railair/core/timetable"
)

// FuzzTrainRow imports a workbook whose second stop row holds fuzzed cells.
// Whatever the cells, Import must not panic; a failure must name the place of
// every problem; a success must survive export and import unchanged.
// Seeds are in testdata/fuzz/FuzzTrainRow.
func FuzzTrainRow(f *testing.F) {
	f.Add("天津南", "23:56", "24:08", "0", "122", "54.5", "1234567")
	f.Add("上海虹桥", "04:28", "", "1", "1318", "498.5", "")
	f.Add("天津西", "25:61", "x", "-1", "abc", "免费", "8")
	f.Fuzz(func(t *testing.T, station, arrive, depart, day, km, fare, days string) {
		fw := excelize.NewFile()
		defer fw.Close()
		fw.SetSheetName("Sheet1", "车站")
		fw.SetSheetRow("车站", "A1", &[]any{"车站", "城市", "类型"})
		fw.SetSheetRow("车站", "A2", &[]any{"北京南", "北京", "火车站"})
		fw.SetSheetRow("车站", "A3", &[]any{"天津南", "天津", "火车站"})
		fw.SetSheetRow("车站", "A4", &[]any{"上海虹桥", "上海", "火车站"})
		fw.NewSheet("城市")
		fw.SetSheetCol("城市", "A1", &[]any{"城市", "北京", "天津", "上海"})
		fw.NewSheet("列车")
		fw.SetSheetRow("列车", "A1", &[]any{"车次", "车站", "到达", "出发", "天", "里程", "二等座", "班期"})
		fw.SetSheetRow("列车", "A2", &[]any{"G1", "北京南", "", "23:10", "0", "0", "", days})
		fw.SetSheetRow("列车", "A3", &[]any{"G1", station, arrive, depart, day, km, fare})
		var buf bytes.Buffer
		if _, err := fw.WriteTo(&buf); err != nil {
			t.Skip()
		}
		res, err := Import(context.Background(), bytes.NewReader(buf.Bytes()), nil, Options{})
		if err != nil {
			var xe *Error
			if !errors.As(err, &xe) || len(xe.Issues) == 0 {
				t.Fatalf("error %v is not an *Error with issues", err)
			}
			for _, i := range xe.Issues {
				if i.Sheet == "" || i.Row == 0 || i.Zh == "" || i.En == "" {
					t.Fatalf("issue without a place or text: %+v", i)
				}
			}
			return
		}
		if ps := timetable.Validate(res.Merged); len(ps) > 0 {
			t.Fatalf("imported an invalid timetable: %v", timetable.ProblemsError(ps))
		}
		var out bytes.Buffer
		if err := Export(&out, res.Merged); err != nil {
			t.Fatal(err)
		}
		again, err := Import(context.Background(), &out, nil, Options{})
		if err != nil {
			t.Fatalf("re-import failed: %v", err)
		}
		if !reflect.DeepEqual(again.Merged, res.Merged) {
			t.Fatalf("export and import changed the timetable:\n%+v\n%+v", res.Merged.Services, again.Merged.Services)
		}
	})
}
