package gui

import (
	"context"
	"fmt"
	"log"
	"os"
	"sort"
	"strings"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/widget"

	"railair.app/railair/core/locale"
	"railair.app/railair/core/planner"
	"railair.app/railair/core/timetable"
	"railair.app/railair/persist/files"
	"railair.app/railair/persist/itinerary"
	"railair.app/railair/resources"
)

// QueryScreen is the 查询 screen: where from and to, when, by what
// criterion and mode; the journeys found, and the chosen one step by step.
type QueryScreen struct {
	Content  fyne.CanvasObject
	From, To *widget.SelectEntry
	Date     *widget.Entry
	After    *widget.Entry
	By       *widget.Select
	Modes    *widget.RadioGroup
	Class    *widget.Select // a seat class for every leg, or the first option: each leg's cheapest
	Most     *widget.Select // at most this many transfers, or the first option: no limit
	Search   *widget.Button
	Cancel   *widget.Button
	Busy     *widget.ProgressBarInfinite
	Status   *widget.Label
	Results  *widget.List
	Sort     *widget.Select
	Types    *widget.CheckGroup // train types shown; journeys using others are hidden
	Copy     *widget.Button
	Print    *widget.Button
	// DataDate is printed on itineraries.
	DataDate string
	Steps    *widget.Label
	Map      *MapView

	net      *planner.Network
	found    []planner.Journey     // all journeys of the last answer, before filtering
	lastDate timetable.Date        // the date of the journeys shown
	coords   map[string][2]float64 // station → lon/lat (its city's where it has none)
	prefs    fyne.Preferences      // where the last query is kept; nil for none
	journeys []planner.Journey
	cancel   context.CancelFunc
	// offered holds the suggestions each place entry shows now.
	offered map[*widget.SelectEntry][]string
	// finished, if set, is called on the UI goroutine when a query's answer
	// is shown (tests wait on it).
	finished func()
	selected widget.ListItemID // the journey shown in detail, or -1
	copied   string            // what Copy put on the clipboard last
}

// trainTypes are the train categories the filter names; flights always show.
var trainTypes = []string{"G", "D", "C", "Z", "T", "K"}

// filterJourneys shows the journeys whose trains are all of a checked type.
func (qs *QueryScreen) filterJourneys() {
	if qs.Types == nil {
		return
	}
	on := map[string]bool{}
	for _, t := range qs.Types.Selected {
		on[t] = true
	}
	other := on[lang.L("Other trains")]
	qs.journeys = qs.journeys[:0:0]
	for _, j := range qs.found {
		ok := true
		for _, l := range j.Legs {
			if l.Mode == timetable.Train && !on[l.Category] && !(other && !isNamedType(l.Category)) {
				ok = false
			}
		}
		if ok {
			qs.journeys = append(qs.journeys, j)
		}
	}
	qs.selected = -1
	qs.Copy.Disable()
	qs.printable()
	qs.sortJourneys()
}

func isNamedType(c string) bool {
	for _, t := range trainTypes {
		if t == c {
			return true
		}
	}
	return false
}

var sortKeys = []string{"Sort by departure", "Sort by arrival", "Sort by duration", "Sort by fare"}

// sortJourneys orders the journeys shown as the sort box says.
func (qs *QueryScreen) sortJourneys() {
	if qs.Sort == nil {
		return
	}
	key := func(j *planner.Journey) [2]int64 {
		switch qs.Sort.SelectedIndex() {
		case 1:
			return [2]int64{int64(j.Arrive), int64(j.Depart)}
		case 2:
			return [2]int64{int64(j.Duration()), int64(j.Depart)}
		case 3:
			return [2]int64{int64(j.Fare), int64(j.Depart)}
		}
		return [2]int64{int64(j.Depart), int64(j.Arrive)}
	}
	sort.SliceStable(qs.journeys, func(a, b int) bool {
		ka, kb := key(&qs.journeys[a]), key(&qs.journeys[b])
		return ka[0] < kb[0] || ka[0] == kb[0] && ka[1] < kb[1]
	})
	qs.Results.UnselectAll()
	qs.Results.Refresh()
	if len(qs.journeys) > 0 {
		qs.Results.Select(0)
	}
}

// printable names and enables the print button: the chosen journey, or
// every journey shown when none is chosen.
func (qs *QueryScreen) printable() {
	if qs.selected >= 0 {
		qs.Print.SetText(lang.L("Save itinerary…"))
	} else {
		qs.Print.SetText(lang.L("Save all shown…"))
	}
	setEnabled(qs.Print, len(qs.journeys) > 0)
}

// WritePDF prints the journey shown in detail, or every journey shown when
// none is chosen, as a PDF itinerary at path.
func (qs *QueryScreen) WritePDF(path string) error {
	res := &planner.Result{Query: planner.Query{Date: qs.lastDate}, Journeys: qs.journeys}
	if qs.selected >= 0 && qs.selected < len(qs.journeys) {
		res.Journeys = []planner.Journey{qs.journeys[qs.selected]}
	}
	if len(res.Journeys) == 0 {
		return nil
	}
	return files.Write(path, func(f *os.File) error {
		return itinerary.Write(f, res, itinerary.OptionsFor(qs.net, uiLang(), qs.DataDate))
	})
}

// Text is a journey as plain text for pasting into a chat: the route and
// date, the summary, then each step.
func (qs *QueryScreen) Text(j *planner.Journey) string {
	lines := []string{fmt.Sprintf("%s → %s  %s", j.Legs[0].FromCity, j.Legs[len(j.Legs)-1].ToCity, qs.lastDate), planner.Summary(j, uiLang())}
	lines = append(lines, planner.Steps(j, uiLang())...)
	return strings.Join(lines, "\n")
}

var criteria = []struct {
	key string
	by  planner.Criterion
}{
	{"Fastest arrival", planner.Arrival}, {"Shortest time", planner.Duration}, {"Cheapest", planner.Fare},
	{"Fewest transfers", planner.Transfers}, {"All options", planner.All},
}

var modeKeys = []struct {
	key  string
	mode planner.Modes
}{{"Any mode", planner.AnyMode}, {"Train", planner.TrainOnly}, {"Plane", planner.FlightOnly}}

// NewQueryScreen builds the query screen over a compiled network; now
// gives the default date and time.
func NewQueryScreen(net *planner.Network, now time.Time) *QueryScreen {
	qs := &QueryScreen{net: net, offered: map[*widget.SelectEntry][]string{}, selected: -1}
	place := func() *widget.SelectEntry {
		e := widget.NewSelectEntry(nil)
		e.SetPlaceHolder(lang.L("Type a city or station"))
		e.OnChanged = func(s string) {
			qs.offered[e] = qs.net.Suggest(s, 10)
			e.SetOptions(qs.offered[e])
		}
		e.OnSubmitted = func(string) { qs.run() }
		return e
	}
	qs.From, qs.To = place(), place()
	qs.Date = widget.NewEntry()
	qs.Date.SetText(timetable.DateOf(now).String())
	qs.After = widget.NewEntry()
	qs.After.SetText(timetable.Minutes(now.Hour()*60 + now.Minute()).Clock())
	qs.After.OnSubmitted = func(string) { qs.run() }
	var names []string
	for _, c := range criteria {
		names = append(names, lang.L(c.key))
	}
	qs.By = widget.NewSelect(names, nil)
	qs.By.SetSelectedIndex(0)
	var modes []string
	for _, m := range modeKeys {
		modes = append(modes, lang.L(m.key))
	}
	qs.Modes = widget.NewRadioGroup(modes, nil)
	qs.Modes.Horizontal = true
	qs.Modes.SetSelected(modes[0])
	qs.Class = widget.NewSelect(nil, nil)
	qs.setClasses(net.Timetable())
	qs.Most = widget.NewSelect([]string{lang.L("Any number of transfers"), lang.L("Direct only"), "≤ 1", "≤ 2", "≤ 3", "≤ 4"}, nil)
	qs.Most.SetSelectedIndex(0)
	qs.Search = widget.NewButton(lang.L("Search"), qs.run)
	qs.Search.Importance = widget.HighImportance
	qs.Cancel = widget.NewButton(lang.L("Cancel"), func() {
		if qs.cancel != nil {
			qs.cancel()
		}
	})
	qs.Cancel.Disable()
	qs.Busy = widget.NewProgressBarInfinite()
	qs.Busy.Stop()
	qs.Busy.Hide()
	qs.Status = widget.NewLabel("")
	qs.Steps = widget.NewLabel(lang.L("Pick a journey"))
	qs.Steps.Wrapping = fyne.TextWrapWord
	qs.Results = widget.NewList(func() int { return len(qs.journeys) },
		func() fyne.CanvasObject { return widget.NewLabel("08:00 → 13:28") },
		func(i widget.ListItemID, o fyne.CanvasObject) {
			j := &qs.journeys[i]
			var codes []string
			for _, l := range j.Legs {
				codes = append(codes, l.Service)
			}
			o.(*widget.Label).SetText(planner.Summary(j, uiLang()) + "  " + strings.Join(codes, " → "))
		})
	qs.Results.OnSelected = func(i widget.ListItemID) {
		qs.selected = i
		qs.Steps.SetText(strings.Join(planner.Steps(&qs.journeys[i], uiLang()), "\n"))
		qs.drawJourney(&qs.journeys[i])
		qs.Copy.Enable()
		qs.printable()
	}
	qs.Results.OnUnselected = func(widget.ListItemID) {
		qs.selected = -1
		qs.Copy.Disable()
		qs.printable()
	}
	var sorts []string
	for _, k := range sortKeys {
		sorts = append(sorts, lang.L(k))
	}
	qs.Sort = widget.NewSelect(sorts, func(string) { qs.sortJourneys() })
	types := append(append([]string(nil), trainTypes...), lang.L("Other trains"))
	qs.Types = widget.NewCheckGroup(types, nil)
	qs.Types.Horizontal = true
	qs.Types.SetSelected(types)
	qs.Types.OnChanged = func([]string) { qs.filterJourneys() }
	qs.Sort.SetSelectedIndex(0)
	qs.Copy = widget.NewButton(lang.L("Copy as text"), func() {
		if qs.selected >= 0 && qs.selected < len(qs.journeys) {
			qs.copied = qs.Text(&qs.journeys[qs.selected])
			fyne.CurrentApp().Clipboard().SetContent(qs.copied)
			qs.Status.SetText(lang.L("Copied"))
		}
	})
	qs.Copy.Disable()
	qs.Print = widget.NewButton(lang.L("Save itinerary…"), func() {
		w := fyne.CurrentApp().Driver().AllWindows()
		if len(w) == 0 || len(qs.journeys) == 0 {
			return
		}
		d := dialog.NewFileSave(func(wc fyne.URIWriteCloser, err error) {
			if err == nil && wc != nil {
				wc.Close()
				if err := qs.WritePDF(wc.URI().Path()); err != nil {
					qs.Status.SetText(locale.Message(err, uiLang()))
				} else {
					qs.Status.SetText(lang.L("Saved itinerary"))
				}
			}
		}, w[0])
		d.SetFileName("行程单.pdf")
		d.Show()
	})
	qs.Print.Disable()
	qs.Map = NewMapView(resources.MapOutlines(), net.Timetable())
	qs.coords = net.Timetable().StationCoords()
	swap := widget.NewButton(lang.L("Swap"), func() {
		f, t := qs.From.Text, qs.To.Text
		qs.From.SetText(t)
		qs.To.SetText(f)
	})
	form := container.NewVBox(
		container.NewBorder(nil, nil, widget.NewLabel(lang.L("From")), swap, qs.From),
		container.NewBorder(nil, nil, widget.NewLabel(lang.L("To")), nil, qs.To),
		container.NewGridWithColumns(4, widget.NewLabel(lang.L("Date")), qs.Date, widget.NewLabel(lang.L("After")), qs.After),
		container.NewBorder(nil, nil, nil, qs.Modes, qs.By),
		container.NewGridWithColumns(4, widget.NewLabel(lang.L("Seat class")), qs.Class, widget.NewLabel(lang.L("Transfers")), qs.Most),
		container.NewBorder(nil, nil, nil, container.NewHBox(qs.Cancel, qs.Search), qs.Busy),
		qs.Status,
	)
	right := container.NewVSplit(container.NewVScroll(qs.Steps), qs.Map)
	right.Offset = 0.35
	controls := container.NewVBox(container.NewBorder(nil, nil, nil, container.NewHBox(qs.Copy, qs.Print), qs.Sort), qs.Types)
	split := container.NewHSplit(container.NewBorder(controls, nil, nil, nil, qs.Results), right)
	split.Offset = 0.55
	qs.Content = container.NewBorder(form, nil, nil, nil, split)
	return qs
}

// setClasses offers the seat classes of t, after "cheapest on each leg",
// keeping the one chosen if t still sells it.
func (qs *QueryScreen) setClasses(t *timetable.Timetable) {
	chosen := qs.Class.Selected
	qs.Class.Options = append([]string{lang.L("Cheapest class")}, t.Classes()...)
	qs.Class.SetSelectedIndex(0)
	for i, c := range qs.Class.Options {
		if c == chosen && i > 0 {
			qs.Class.SetSelectedIndex(i)
		}
	}
}

// SetNetwork makes the screen plan on a recompiled network, after the data
// changed; the journeys shown, found on the old data, are cleared.
func (qs *QueryScreen) SetNetwork(net *planner.Network, dataDate string) {
	qs.net, qs.DataDate = net, dataDate
	qs.coords = net.Timetable().StationCoords()
	qs.Map.SetCities(net.Timetable())
	qs.setClasses(net.Timetable())
	qs.found, qs.journeys, qs.selected = nil, nil, -1
	qs.Results.UnselectAll()
	qs.Results.Refresh()
	qs.Steps.SetText(lang.L("Pick a journey"))
	qs.Map.SetRoute(nil, nil)
	qs.Copy.Disable()
	qs.printable()
}

// drawJourney puts a journey on the map: every stop it passes, and where it
// changes service.
func (qs *QueryScreen) drawJourney(j *planner.Journey) {
	var route, changes [][2]float64
	for k := range j.Legs {
		for _, st := range qs.net.LegStations(&j.Legs[k]) {
			route = append(route, qs.coords[st])
		}
		if k > 0 {
			changes = append(changes, qs.coords[j.Legs[k].From])
		}
	}
	qs.Map.SetRoute(route, changes)
}

// Remember restores the last query's places, criterion and mode from
// prefs, and keeps them there whenever a query runs.
func (qs *QueryScreen) Remember(prefs fyne.Preferences) {
	qs.prefs = prefs
	qs.From.SetText(prefs.String(prefFrom))
	qs.To.SetText(prefs.String(prefTo))
	if i := prefs.IntWithFallback(prefBy, 0); i >= 0 && i < len(criteria) {
		qs.By.SetSelectedIndex(i)
	}
	if i := prefs.IntWithFallback(prefMode, 0); i >= 0 && i < len(modeKeys) {
		qs.Modes.SetSelected(qs.Modes.Options[i])
	}
}

// query reads the form; it reports a message for a field that is wrong.
func (qs *QueryScreen) query() (planner.Query, string) {
	q := planner.Query{From: strings.TrimSpace(qs.From.Text), To: strings.TrimSpace(qs.To.Text), MaxTransfers: -1}
	d, err := timetable.ParseDate(strings.TrimSpace(qs.Date.Text))
	if err != nil {
		return q, lang.L("Bad date")
	}
	q.Date = d
	m, err := timetable.ParseClock(qs.After.Text)
	if err != nil || m >= timetable.MinutesPerDay {
		return q, lang.L("Bad time")
	}
	q.After = m
	q.By = criteria[max(qs.By.SelectedIndex(), 0)].by
	if i := qs.Class.SelectedIndex(); i > 0 {
		q.Class = qs.Class.Options[i]
	}
	if i := qs.Most.SelectedIndex(); i > 0 {
		q.MaxTransfers = i - 1
	}
	for i, mk := range modeKeys {
		if qs.Modes.Selected == lang.L(mk.key) {
			q.Modes = modeKeys[i].mode
		}
	}
	return q, ""
}

// run plans off the UI goroutine, showing a busy bar and allowing cancel;
// what the user typed stays.
func (qs *QueryScreen) run() {
	q, bad := qs.query()
	if bad != "" {
		qs.Status.SetText(bad)
		return
	}
	if qs.prefs != nil {
		qs.prefs.SetString(prefFrom, q.From)
		qs.prefs.SetString(prefTo, q.To)
		qs.prefs.SetInt(prefBy, max(qs.By.SelectedIndex(), 0))
		for i, o := range qs.Modes.Options {
			if o == qs.Modes.Selected {
				qs.prefs.SetInt(prefMode, i)
			}
		}
	}
	if qs.cancel != nil {
		qs.cancel()
	}
	ctx, cancel := context.WithCancel(context.Background())
	qs.cancel = cancel
	qs.Search.Disable()
	qs.Cancel.Enable()
	qs.Busy.Show()
	qs.Busy.Start()
	qs.Status.SetText(lang.L("Searching"))
	net := qs.net // an import may replace it meanwhile
	start := time.Now()
	go func() {
		res, err := net.Plan(ctx, q)
		fyne.Do(func() {
			if ctx.Err() == nil || err == nil {
				qs.show(res, err)
			} else {
				qs.show(nil, ctx.Err())
			}
			log.Printf("railair: %s %s → %s answered and shown in %d ms", q.By, q.From, q.To, time.Since(start).Milliseconds())
			cancel()
			if qs.finished != nil {
				qs.finished()
			}
		})
	}()
}

// show puts a result, or an error, on the screen.
func (qs *QueryScreen) show(res *planner.Result, err error) {
	qs.Busy.Stop()
	qs.Busy.Hide()
	qs.Search.Enable()
	qs.Cancel.Disable()
	qs.found = nil
	qs.Steps.SetText(lang.L("Pick a journey"))
	switch {
	case err != nil:
		qs.Status.SetText(locale.Message(err, uiLang()))
	case len(res.Journeys) == 0:
		qs.Status.SetText(lang.L("No journey"))
	default:
		qs.found = res.Journeys
		qs.lastDate = res.Query.Date
		qs.Status.SetText(lang.L("Journeys found", map[string]int{"N": len(res.Journeys)}))
	}
	qs.filterJourneys()
}
