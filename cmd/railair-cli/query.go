package main

import (
	"encoding/json"
	"fmt"
	"io"
	"os"
	"time"

	"railair.app/railair/core/locale"
	"railair.app/railair/core/planner"
	"railair.app/railair/core/timetable"
	"railair.app/railair/persist/files"
	"railair.app/railair/persist/itinerary"
	"railair.app/railair/persist/sqlite"
)

// now is the clock; tests replace it.
var now = time.Now

func (c *cli) queryCmd(args []string) error {
	fs := c.flags("query")
	from := fs.String("from", "", "origin city or station")
	to := fs.String("to", "", "destination city or station")
	date := fs.String("date", "", "travel date YYYY-MM-DD (default today)")
	after := fs.String("after", "", "leave at or after HH:MM (default now when no --date, else 00:00)")
	by := fs.String("by", "arrival", "arrival, duration, fare, transfers or all")
	mode := fs.String("mode", "any", "train, flight or any")
	class := fs.String("class", "", "seat class on every leg (default: each leg's cheapest)")
	maxTransfers := fs.Int("max-transfers", -1, "at most this many transfers (default no limit)")
	horizon := fs.Int("horizon", planner.DefaultHorizon/60, "hours after --after by which to arrive")
	format := fs.String("format", "text", "text or json")
	pdfFile := fs.String("pdf", "", "also print the journeys as a PDF itinerary to this file")
	pos, err := c.parse(fs, args)
	if err != nil {
		return err
	}
	if len(pos) > 0 {
		return usagef("query 不接受参数 %q；请用 --from 和 --to", "query takes no argument %q; use --from and --to", pos[0])
	}
	q, err := buildQuery(*from, *to, *date, *after, *by, *mode, *class, *maxTransfers, *horizon)
	if err != nil {
		return err
	}
	if *format != "text" && *format != "json" {
		return usagef("--format 应为 text 或 json", "--format must be text or json")
	}
	store, err := c.open()
	if err != nil {
		return err
	}
	t, err := store.Load(c.ctx)
	if err != nil {
		store.Close()
		return err
	}
	dataDate, _ := store.Meta(c.ctx, sqlite.MetaDataDate)
	store.Close()
	net := planner.Compile(t)
	res, err := net.Plan(c.ctx, q)
	if err != nil {
		return err
	}
	if *pdfFile != "" {
		err := files.Write(*pdfFile, func(f *os.File) error {
			return itinerary.Write(f, res, itinerary.OptionsFor(net, c.lang, dataDate))
		})
		if err != nil {
			return err
		}
	}
	if *format == "json" {
		err = writeJSON(c.stdout, res)
	} else {
		writeText(c.stdout, res, c.lang)
	}
	if err != nil {
		return err
	}
	if len(res.Journeys) == 0 {
		return errNoJourney
	}
	return nil
}

// buildQuery checks the query flags and turns them into a planner.Query.
func buildQuery(from, to, date, after, by, mode, class string, maxTransfers, horizonHours int) (planner.Query, error) {
	var q planner.Query
	if from == "" || to == "" {
		return q, usagef("query 需要 --from 和 --to", "query needs --from and --to")
	}
	q.From, q.To, q.Class, q.MaxTransfers = from, to, class, maxTransfers
	t := now()
	q.Date = timetable.DateOf(t)
	if date != "" {
		d, err := timetable.ParseDate(date)
		if err != nil {
			return q, usagef("--date：%s", "--date: %s", locale.Message(err, locale.Chinese))
		}
		q.Date = d
	}
	switch {
	case after != "":
		m, err := timetable.ParseClock(after)
		if err != nil || m >= timetable.MinutesPerDay {
			return q, usagef("--after %q 应为 00:00 到 23:59 的时间", "--after %q must be a time from 00:00 to 23:59", after)
		}
		q.After = m
	case date == "":
		q.After = timetable.Minutes(t.Hour()*60 + t.Minute())
	}
	var err error
	if q.By, err = planner.ParseCriterion(by); err != nil {
		return q, usageError{err.(*locale.Error).Text}
	}
	if q.Modes, err = planner.ParseModes(mode); err != nil {
		return q, usageError{err.(*locale.Error).Text}
	}
	if horizonHours <= 0 || horizonHours > 14*24 {
		return q, usagef("--horizon 应为 1 到 336 小时", "--horizon must be 1 to 336 hours")
	}
	q.Horizon = horizonHours * 60
	return q, nil
}

// stamp formats minutes after midnight of d as "2026-12-01T09:00".
func stamp(d timetable.Date, m timetable.Minutes) string {
	return (d + timetable.Date(m.Day())).String() + "T" + m.TimeOfDay()
}

type jsonLeg struct {
	Service     string  `json:"service"`
	Mode        string  `json:"mode"`
	Class       string  `json:"class"`
	FromStation string  `json:"from_station"`
	FromCity    string  `json:"from_city"`
	ToStation   string  `json:"to_station"`
	ToCity      string  `json:"to_city"`
	Depart      string  `json:"depart"`
	Arrive      string  `json:"arrive"`
	Fare        float64 `json:"fare"`
}

type jsonJourney struct {
	Depart      string    `json:"depart"`
	Arrive      string    `json:"arrive"`
	DurationMin int       `json:"duration_min"`
	Fare        float64   `json:"fare"`
	Transfers   int       `json:"transfers"`
	Legs        []jsonLeg `json:"legs"`
}

type jsonResult struct {
	From     string        `json:"from"`
	To       string        `json:"to"`
	By       string        `json:"by"`
	Mode     string        `json:"mode"`
	After    string        `json:"after"`
	Journeys []jsonJourney `json:"journeys"`
}

// writeJSON prints the result as the one object of the product design.
func writeJSON(w io.Writer, res *planner.Result) error {
	q := res.Query
	out := jsonResult{From: q.From, To: q.To, By: q.By.String(), Mode: q.Modes.String(), After: stamp(q.Date, q.After), Journeys: []jsonJourney{}}
	for _, j := range res.Journeys {
		jj := jsonJourney{Depart: stamp(q.Date, j.Depart), Arrive: stamp(q.Date, j.Arrive), DurationMin: j.Duration(),
			Fare: j.Fare.YuanValue(), Transfers: j.Transfers, Legs: []jsonLeg{}}
		for _, l := range j.Legs {
			jj.Legs = append(jj.Legs, jsonLeg{Service: l.Service, Mode: l.Mode.String(), Class: l.Class,
				FromStation: l.From, FromCity: l.FromCity, ToStation: l.To, ToCity: l.ToCity,
				Depart: stamp(q.Date, l.Depart), Arrive: stamp(q.Date, l.Arrive), Fare: l.Fare.YuanValue()})
		}
		out.Journeys = append(out.Journeys, jj)
	}
	enc := json.NewEncoder(w)
	enc.SetEscapeHTML(false)
	return enc.Encode(out)
}

// writeText prints each journey step by step.
func writeText(w io.Writer, res *planner.Result, lang locale.Lang) {
	q := res.Query
	if len(res.Journeys) == 0 {
		fmt.Fprintln(w, locale.Textf("%s 之后 %d 小时内没有从 %s 到 %s 的行程", "no journey from %[3]s to %[4]s within %[2]d hours after %[1]s",
			stamp(q.Date, q.After), q.Horizon/60, q.From, q.To).In(lang))
		return
	}
	for i := range res.Journeys {
		j := &res.Journeys[i]
		fmt.Fprintln(w, locale.Textf("方案 %d：", "Option %d: ", i+1).In(lang)+planner.Summary(j, lang))
		for _, line := range planner.Steps(j, lang) {
			fmt.Fprintln(w, "  "+line)
		}
	}
}
