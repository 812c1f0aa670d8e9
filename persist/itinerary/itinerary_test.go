package itinerary

import (
	"bytes"
	"context"
	"testing"

	"railair.app/railair/core/locale"
	"railair.app/railair/core/planner"
	"railair.app/railair/core/timetable"
	"railair.app/railair/resources"
)

func TestWrite(t *testing.T) {
	d, err := resources.National()
	if err != nil {
		t.Fatal(err)
	}
	net := planner.Compile(&d.Timetable)
	res, err := net.Plan(context.Background(), planner.Query{From: "北京", To: "上海",
		Date: timetable.NewDate(2026, 12, 1), After: 480, Modes: planner.TrainOnly, MaxTransfers: -1})
	if err != nil || len(res.Journeys) == 0 {
		t.Fatalf("no journey: %v", err)
	}
	for _, lang := range []locale.Lang{locale.Chinese, locale.English} {
		var buf bytes.Buffer
		if err := Write(&buf, res, OptionsFor(net, lang, d.DataDate)); err != nil {
			t.Fatal(err)
		}
		b := buf.Bytes()
		if pages := bytes.Count(b, []byte("/Type /Page\n")) + bytes.Count(b, []byte("/Type /Page ")); pages != len(res.Journeys) {
			t.Errorf("lang %d: %d pages for %d journeys", lang, pages, len(res.Journeys))
		}
		if !bytes.HasPrefix(b, []byte("%PDF-")) || !bytes.Contains(b, []byte("/FontFile2")) || len(b) < 10000 {
			t.Errorf("lang %d: not a PDF with an embedded TrueType font (%d bytes)", lang, len(b))
		}
	}
}
