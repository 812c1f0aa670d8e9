// Package itinerary prints journeys as a PDF itinerary: a title, a field
// for the passenger's name, each leg with its service, stations, dates,
// times, seat class and fare, the waits between legs, the totals, a small
// route map and the date of the timetable data. Chinese is drawn with the
// embedded WenQuanYi Micro Hei, so it renders on any machine.
package itinerary

import (
	"fmt"
	"io"
	"math"

	"codeberg.org/go-pdf/fpdf"

	"railair.app/railair/core/locale"
	"railair.app/railair/core/planner"
	"railair.app/railair/core/timetable"
	"railair.app/railair/resources"
)

// Options describes the itinerary around the journeys.
type Options struct {
	Lang     locale.Lang
	DataDate string                // when the timetable data was valid
	Coords   map[string][2]float64 // station → lon/lat, for the map; nil for none
	Stops    func(l *planner.Leg) []string
}

// Write prints the journeys of res, one a page, to w.
func Write(w io.Writer, res *planner.Result, opt Options) error {
	pdf := fpdf.New("P", "mm", "A4", "")
	pdf.SetAutoPageBreak(true, 12) // room for the footer at 20 mm from the bottom
	pdf.AddUTF8FontFromBytes("wqy", "", resources.Font())
	if err := pdf.Error(); err != nil {
		return err
	}
	t := func(zh, en string, args ...any) string { return locale.Textf(zh, en, args...).In(opt.Lang) }
	stamp := func(m timetable.Minutes) string {
		return (res.Query.Date + timetable.Date(m.Day())).String() + " " + m.TimeOfDay()
	}
	for i := range res.Journeys {
		j := &res.Journeys[i]
		pdf.AddPage()
		pdf.SetFont("wqy", "", 20)
		pdf.CellFormat(0, 12, t("全国交通咨询 · 行程单", "RailAir · Itinerary"), "", 1, "L", false, 0, "")
		pdf.SetFont("wqy", "", 11)
		pdf.CellFormat(0, 8, fmt.Sprintf("%s → %s", j.Legs[0].FromCity, j.Legs[len(j.Legs)-1].ToCity), "", 1, "L", false, 0, "")
		pdf.CellFormat(0, 8, t("旅客姓名：", "Passenger: ")+"______________________________", "", 1, "L", false, 0, "")
		pdf.Ln(2)
		pdf.MultiCell(0, 6, planner.Summary(j, opt.Lang), "", "L", false)
		pdf.Ln(3)
		// The legs as a table.
		widths := []float64{22, 48, 32, 48, 32}
		head := []string{t("车次/航班", "Service"), t("出发站", "From"), t("出发", "Departs"), t("到达站", "To"), t("到达", "Arrives")}
		pdf.SetFillColor(221, 235, 247)
		for k, h := range head {
			pdf.CellFormat(widths[k], 8, h, "1", 0, "C", true, 0, "")
		}
		pdf.Ln(-1)
		for k := range j.Legs {
			l := &j.Legs[k]
			if k > 0 {
				kind := t("同站换乘", "same-station transfer")
				if l.Change == planner.CrossStation {
					kind = t("同城换站", "change of station")
				}
				pdf.CellFormat(182, 7, t("在%s等候 %s（%s）", "wait %[2]s at %[1]s (%[3]s)", l.From, planner.DurationText(l.Wait, opt.Lang), kind), "1", 1, "L", false, 0, "")
			}
			cells := []string{l.Service, l.From, stamp(l.Depart), l.To, stamp(l.Arrive)}
			for c, v := range cells {
				pdf.CellFormat(widths[c], 8, v, "1", 0, "L", false, 0, "")
			}
			pdf.Ln(-1)
			pdf.CellFormat(182, 7, t("席别 %s，票价 %s 元", "class %s, fare %s yuan", l.Class, l.Fare), "1", 1, "R", false, 0, "")
		}
		pdf.Ln(2)
		pdf.SetFont("wqy", "", 12)
		pdf.CellFormat(0, 8, t("合计：票价 %s 元，历时 %s，中转 %d 次", "Total: fare %s yuan, %s, %d transfers",
			j.Fare, planner.DurationText(j.Duration(), opt.Lang), j.Transfers), "", 1, "R", false, 0, "")
		if opt.Coords != nil {
			drawMap(pdf, j, opt)
		}
		pdf.SetFont("wqy", "", 8)
		pdf.SetY(-20)
		pdf.CellFormat(0, 5, t("时刻与票价数据日期：%s。出行前请向 12306 或航空公司核实。", "Timetable data of %s. Check with 12306 or the airline before travelling.", opt.DataDate), "", 1, "L", false, 0, "")
	}
	if len(res.Journeys) == 0 {
		pdf.AddPage()
		pdf.SetFont("wqy", "", 14)
		pdf.CellFormat(0, 10, t("没有找到行程", "No journey found"), "", 1, "L", false, 0, "")
	}
	return pdf.Output(w)
}

// drawMap draws the journey's stops and lines in a box, scaled to fit.
func drawMap(pdf *fpdf.Fpdf, j *planner.Journey, opt Options) {
	var pts [][2]float64
	for k := range j.Legs {
		names := []string{j.Legs[k].From, j.Legs[k].To}
		if opt.Stops != nil {
			names = opt.Stops(&j.Legs[k])
		}
		for _, n := range names {
			if p, ok := opt.Coords[n]; ok && (p[0] != 0 || p[1] != 0) {
				pts = append(pts, p)
			}
		}
	}
	if len(pts) < 2 {
		return
	}
	minX, maxX, minY, maxY := pts[0][0], pts[0][0], pts[0][1], pts[0][1]
	for _, p := range pts {
		minX, maxX = math.Min(minX, p[0]), math.Max(maxX, p[0])
		minY, maxY = math.Min(minY, p[1]), math.Max(maxY, p[1])
	}
	x0, y0, w, h := 14.0, pdf.GetY()+4, 182.0, 80.0
	pdf.SetDrawColor(160, 160, 160)
	pdf.Rect(x0, y0, w, h, "D")
	span := math.Max(math.Max(maxX-minX, maxY-minY), 0.5) * 1.15
	cx, cy := (minX+maxX)/2, (minY+maxY)/2
	scale := math.Min(w, h) / span
	proj := func(p [2]float64) (float64, float64) {
		return x0 + w/2 + (p[0]-cx)*scale*math.Cos(cy*math.Pi/180), y0 + h/2 - (p[1]-cy)*scale
	}
	pdf.SetDrawColor(230, 150, 0)
	pdf.SetLineWidth(0.8)
	for i := 1; i < len(pts); i++ {
		ax, ay := proj(pts[i-1])
		bx, by := proj(pts[i])
		pdf.Line(ax, ay, bx, by)
	}
	pdf.SetFillColor(200, 60, 60)
	for _, p := range pts {
		x, y := proj(p)
		pdf.Circle(x, y, 0.9, "F")
	}
	pdf.SetLineWidth(0.2)
	pdf.SetY(y0 + h + 2)
}

// OptionsFor returns options whose map uses the stations of n's timetable
// (a station without coordinates takes its city's) and the stops each leg
// passes.
func OptionsFor(n *planner.Network, lang locale.Lang, dataDate string) Options {
	return Options{Lang: lang, DataDate: dataDate, Coords: n.Timetable().StationCoords(), Stops: n.LegStations}
}
