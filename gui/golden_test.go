package gui

import (
	"context"
	"testing"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"

	"railair.app/railair/core/timetable"
)

// TestGoldenRenders compares the main screens, each in a 1100×720 window
// in the state a clerk would see after a typical action, with the markup
// kept in testdata/*.xml. After an intended change of the screens, `make
// golden` writes the new markup; read the diff before committing it.
func TestGoldenRenders(t *testing.T) {
	a := test.NewTempApp(t)
	Setup(a)
	d := nationalData(t)
	s := NewSession(d)
	size := fyne.NewSize(1100, 720)
	screens := []struct {
		file string
		make func(w fyne.Window) fyne.CanvasObject
	}{
		{"query.xml", func(w fyne.Window) fyne.CanvasObject {
			qs := NewQueryScreen(d.Network, time.Date(2026, 12, 1, 8, 0, 0, 0, time.UTC))
			qs.From.SetText("北京")
			qs.To.SetText("上海")
			q, _ := qs.query()
			res, err := d.Network.Plan(context.Background(), q)
			qs.show(res, err)
			return qs.Content
		}},
		{"map.xml", func(w fyne.Window) fyne.CanvasObject {
			cs := NewCityScreen(s, w)
			cs.Select("北京")
			return cs.Content
		}},
		{"trains.xml", func(w fyne.Window) fyne.CanvasObject {
			ts := NewTimetableScreen(s, timetable.Train, w)
			for i, k := range ts.shown {
				if d.Timetable.Services[k].Code == "Z1" {
					ts.List.Select(i)
				}
			}
			// A bad time, to show how a cell in error looks.
			ts.cells[cellKey{2, timetable.FieldDepart, ""}].SetText("25:61")
			return ts.Content
		}},
		{"flights.xml", func(w fyne.Window) fyne.CanvasObject {
			ts := NewTimetableScreen(s, timetable.Flight, w)
			ts.List.Select(0)
			return ts.Content
		}},
		{"data.xml", func(w fyne.Window) fyne.CanvasObject {
			return NewDataScreen(d.Path, w, nil).Content
		}},
	}
	for _, sc := range screens {
		t.Run(sc.file, func(t *testing.T) {
			w := test.NewTempWindow(t, nil)
			w.SetContent(sc.make(w))
			w.Resize(size)
			test.AssertRendersToMarkup(t, sc.file, w.Canvas())
		})
	}
}
