package gui

import (
	"context"
	"errors"
	"fmt"
	"sort"
	"strconv"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"railair.app/railair/core/locale"
	"railair.app/railair/core/pinyin"
	"railair.app/railair/core/timetable"
	"railair.app/railair/persist/sqlite"
	"railair.app/railair/resources"
)

// CityScreen is the 地图 screen: a searchable list of the cities, the map
// with the cities at their coordinates and the lines of the chosen city's
// services, and that city's stations and services. A city picked in the list
// or clicked on the map can be used as the origin or destination of a
// query. Cities and stations are added, changed and deleted here; a delete
// says what uses the record first, and every change can be undone.
type CityScreen struct {
	Content  fyne.CanvasObject
	Search   *widget.Entry
	Cities   *widget.List
	Summary  *widget.Label
	Map      *MapView
	Detail   *widget.Label
	Stations *widget.List
	Services *widget.List
	UseFrom  *widget.Button
	UseTo    *widget.Button
	// City and station editing.
	AddCity, EditCity, RemoveCity          *widget.Button
	AddStation, EditStation, RemoveStation *widget.Button
	Undo                                   *widget.Button
	Status                                 *widget.Label
	// Use, if set, puts a city into the query screen: as the origin when
	// from is true, else as the destination.
	Use func(city string, from bool)

	session  *Session
	win      fyne.Window
	shown    []int  // indexes of the cities matching the search
	city     string // the city chosen, or ""
	stations []timetable.Station
	station  int                   // the station chosen in stations, or -1
	follow   string                // the city to choose after the next reload, if not ""
	services []int                 // the services calling at the chosen city
	byCity   map[string][]int      // the services calling at each city
	coords   map[string][2]float64 // each station's lon/lat
	// stationText holds, per city, its stations' names and codes, for the
	// search.
	stationText map[string]string
}

// NewCityScreen builds the screen over the session's data.
func NewCityScreen(s *Session, w fyne.Window) *CityScreen {
	cs := &CityScreen{session: s, win: w, station: -1}
	t := s.Data.Timetable
	cs.Search = widget.NewEntry()
	cs.Search.SetPlaceHolder(lang.L("Search cities"))
	cs.Search.OnChanged = func(string) { cs.filter() }
	cs.Cities = widget.NewList(func() int { return len(cs.shown) },
		func() fyne.CanvasObject { return widget.NewLabel("乌鲁木齐  Urumqi") },
		func(i widget.ListItemID, o fyne.CanvasObject) {
			c := cs.session.Data.Timetable.Cities[cs.shown[i]]
			o.(*widget.Label).SetText(c.Name + "  " + c.NameEn)
		})
	cs.Cities.OnSelected = func(i widget.ListItemID) { cs.choose(cs.session.Data.Timetable.Cities[cs.shown[i]].Name) }
	cs.Summary = widget.NewLabel("")
	cs.Map = NewMapView(resources.MapOutlines(), t)
	cs.Map.OnTapped = cs.Select
	cs.Detail = widget.NewLabel(lang.L("Pick a city"))
	cs.Detail.Wrapping = fyne.TextWrapWord
	cs.Stations = widget.NewList(func() int { return len(cs.stations) },
		func() fyne.CanvasObject { return widget.NewLabel("北京首都国际机场  机场 PEK") },
		func(i widget.ListItemID, o fyne.CanvasObject) {
			st := cs.stations[i]
			o.(*widget.Label).SetText(fmt.Sprintf("%s  %s %s", st.Name, kindName(st.Kind), st.Code))
		})
	cs.Stations.OnSelected = func(i widget.ListItemID) { cs.station = i; cs.enable() }
	cs.Stations.OnUnselected = func(widget.ListItemID) { cs.station = -1; cs.enable() }
	cs.Services = widget.NewList(func() int { return len(cs.services) },
		func() fyne.CanvasObject { return widget.NewLabel("G1234  09:00 北京南 → 上海虹桥 13:28") },
		func(i widget.ListItemID, o fyne.CanvasObject) {
			o.(*widget.Label).SetText(serviceLine(&cs.session.Data.Timetable.Services[cs.services[i]]))
		})
	use := func(from bool) func() {
		return func() {
			if cs.city != "" && cs.Use != nil {
				cs.Use(cs.city, from)
			}
		}
	}
	cs.UseFrom = widget.NewButton(lang.L("Use as origin"), use(true))
	cs.UseTo = widget.NewButton(lang.L("Use as destination"), use(false))
	cs.AddCity = widget.NewButtonWithIcon(lang.L("Add city"), theme.ContentAddIcon(), func() { cs.cityDialog(nil) })
	cs.EditCity = widget.NewButtonWithIcon(lang.L("Edit"), theme.DocumentCreateIcon(), func() {
		if c := cs.findCity(cs.city); c != nil {
			cs.cityDialog(c)
		}
	})
	cs.RemoveCity = widget.NewButtonWithIcon(lang.L("Delete"), theme.DeleteIcon(), func() { cs.confirmRemoveCity(cs.city) })
	cs.AddStation = widget.NewButtonWithIcon(lang.L("Add station"), theme.ContentAddIcon(), func() { cs.stationDialog(nil) })
	cs.EditStation = widget.NewButtonWithIcon(lang.L("Edit"), theme.DocumentCreateIcon(), func() {
		if cs.station >= 0 {
			st := cs.stations[cs.station]
			cs.stationDialog(&st)
		}
	})
	cs.RemoveStation = widget.NewButtonWithIcon(lang.L("Delete"), theme.DeleteIcon(), func() {
		if cs.station >= 0 {
			cs.confirmRemoveStation(cs.stations[cs.station].Name)
		}
	})
	cs.Undo = widget.NewButtonWithIcon(lang.L("Undo"), theme.ContentUndoIcon(), func() {
		what, ok := s.UndoName()
		if ok && !s.Working() {
			s.Undo(cs.reported(lang.L("Undone", map[string]string{"What": what.In(uiLang())})))
		}
	})
	cs.Status = widget.NewLabel("")

	left := container.NewBorder(container.NewBorder(nil, nil, nil, cs.AddCity, cs.Search),
		container.NewVBox(cs.Summary, container.NewBorder(nil, nil, nil, cs.Undo, cs.Status)), nil, nil, cs.Cities)
	head := container.NewVBox(cs.Detail,
		container.NewGridWithColumns(2, cs.UseFrom, cs.UseTo),
		container.NewGridWithColumns(2, cs.EditCity, cs.RemoveCity))
	stations := container.NewBorder(
		container.NewVBox(bold(lang.L("Stations")), container.NewGridWithColumns(3, cs.AddStation, cs.EditStation, cs.RemoveStation)),
		nil, nil, nil, cs.Stations)
	lists := container.NewVSplit(stations, container.NewBorder(bold(lang.L("Services")), nil, nil, nil, cs.Services))
	detail := container.NewBorder(head, nil, nil, nil, lists)
	right := container.NewHSplit(cs.Map, detail)
	right.Offset = 0.62
	split := container.NewHSplit(left, right)
	split.Offset = 0.2
	cs.Content = split
	s.OnChange(cs.dataChanged)
	s.OnBusy(cs.enable)
	cs.dataChanged()
	return cs
}

func kindName(k timetable.StationKind) string {
	if k == timetable.Airport {
		return lang.L("Airport")
	}
	return lang.L("Rail station")
}

// CityMatches reports whether a city matches what was typed: part of its
// Chinese name, or the start of its English name, pinyin or pinyin
// initials.
func CityMatches(c *timetable.City, q string) bool {
	q = strings.TrimSpace(strings.ToLower(q))
	if q == "" {
		return true
	}
	return strings.Contains(c.Name, q) || strings.HasPrefix(strings.ToLower(c.NameEn), q) || pinyin.Starts(c.Name, q)
}

// dataChanged follows a reload: indexes, the list, the map, and the city
// chosen if it still exists.
func (cs *CityScreen) dataChanged() {
	t := cs.session.Data.Timetable
	cityOf := map[string]string{}
	cs.stationText = map[string]string{}
	for _, s := range t.Stations {
		cityOf[s.Name] = s.City
		cs.stationText[s.City] += s.Name + "\x00" + strings.ToLower(s.Code) + "\x00"
	}
	cs.byCity = map[string][]int{}
	for i, sv := range t.Services {
		seen := map[string]bool{}
		for _, st := range sv.Stops {
			if c := cityOf[st.Station]; !seen[c] {
				seen[c] = true
				cs.byCity[c] = append(cs.byCity[c], i)
			}
		}
	}
	cs.Summary.SetText(lang.L("Count summary", map[string]int{
		"Cities": len(t.Cities), "Stations": len(t.Stations), "Services": len(t.Services)}))
	cs.coords = t.StationCoords()
	cs.Map.SetCities(t)
	city := cs.city
	if cs.follow != "" {
		city, cs.follow = cs.follow, ""
	}
	cs.city = ""
	cs.filter()
	if cs.findCity(city) != nil {
		cs.Select(city)
	} else {
		cs.choose("")
	}
}

// filter lists the cities matching the search (by name, pinyin, or one of
// their stations' names or codes), by pinyin as Chinese lists are.
func (cs *CityScreen) filter() {
	cities := cs.session.Data.Timetable.Cities
	cs.shown = cs.shown[:0]
	q := strings.ToLower(strings.TrimSpace(cs.Search.Text))
	for i := range cities {
		if CityMatches(&cities[i], q) || len(q) > 1 && strings.Contains(cs.stationText[cities[i].Name], q) {
			cs.shown = append(cs.shown, i)
		}
	}
	sort.SliceStable(cs.shown, func(i, j int) bool {
		return strings.ToLower(cities[cs.shown[i]].NameEn) < strings.ToLower(cities[cs.shown[j]].NameEn)
	})
	cs.Cities.UnselectAll()
	cs.Cities.Refresh()
	if len(cs.shown) == 1 {
		cs.Cities.Select(0)
	}
}

// Select chooses a city by name, as a click on the map does: it is shown
// selected in the list (the search is cleared if it hides the city).
func (cs *CityScreen) Select(name string) {
	pos := func() int {
		for i, k := range cs.shown {
			if cs.session.Data.Timetable.Cities[k].Name == name {
				return i
			}
		}
		return -1
	}
	i := pos()
	if i < 0 && cs.Search.Text != "" {
		cs.Search.SetText("")
		i = pos()
	}
	if i < 0 {
		return
	}
	cs.Cities.Select(i)
	cs.Cities.ScrollTo(i)
}

func (cs *CityScreen) findCity(name string) *timetable.City {
	for i, c := range cs.session.Data.Timetable.Cities {
		if c.Name == name && name != "" {
			return &cs.session.Data.Timetable.Cities[i]
		}
	}
	return nil
}

// choose shows a city's details, stations, services and their lines on the
// map ("" for none).
func (cs *CityScreen) choose(name string) {
	t := cs.session.Data.Timetable
	cs.city, cs.station = name, -1
	cs.stations, cs.services = cs.stations[:0], cs.services[:0]
	cs.Stations.UnselectAll()
	c := cs.findCity(name)
	if c == nil {
		cs.city = ""
		cs.Detail.SetText(lang.L("Pick a city"))
		cs.Map.SetLines(nil, nil)
	} else {
		cs.Detail.SetText(fmt.Sprintf("%s  %s  %s\n%.4f, %.4f · %s %d",
			c.Name, c.NameEn, c.Province, c.Lat, c.Lon, lang.L("City transfer minutes"), c.TransferMin))
		for _, s := range t.Stations {
			if s.City == c.Name {
				cs.stations = append(cs.stations, s)
			}
		}
		cs.services = append(cs.services, cs.byCity[c.Name]...)
		served := map[string]bool{}
		for _, i := range cs.services {
			for _, st := range t.Services[i].Stops {
				served[st.Station] = true
			}
		}
		// Stations with services first, rail stations before airports.
		sort.SliceStable(cs.stations, func(i, j int) bool {
			si, sj := cs.stations[i], cs.stations[j]
			if served[si.Name] != served[sj.Name] {
				return served[si.Name]
			}
			return si.Kind < sj.Kind
		})
		lines := make([][][2]float64, 0, len(cs.services))
		for _, i := range cs.services {
			sv := &t.Services[i]
			line := make([][2]float64, 0, len(sv.Stops))
			for _, st := range sv.Stops {
				if p, ok := cs.coords[st.Station]; ok {
					line = append(line, p)
				}
			}
			lines = append(lines, line)
		}
		var at *[2]float64
		if c.Located() {
			at = &[2]float64{c.Lon, c.Lat}
		}
		cs.Map.SetLines(lines, at)
	}
	cs.Stations.Refresh()
	cs.Services.Refresh()
	cs.enable()
}

// enable enables the buttons that apply to what is chosen.
func (cs *CityScreen) enable() {
	working := cs.session.Working()
	for _, b := range []*widget.Button{cs.UseFrom, cs.UseTo} {
		setEnabled(b, cs.city != "")
	}
	for _, b := range []*widget.Button{cs.EditCity, cs.RemoveCity, cs.AddStation} {
		setEnabled(b, cs.city != "" && !working)
	}
	for _, b := range []*widget.Button{cs.EditStation, cs.RemoveStation} {
		setEnabled(b, cs.station >= 0 && !working)
	}
	setEnabled(cs.AddCity, !working)
	_, undo := cs.session.UndoName()
	setEnabled(cs.Undo, undo && !working)
}

// reported returns a callback for an edit that shows its error in a dialog,
// or ok in the status line.
func (cs *CityScreen) reported(ok string) func(error) {
	return func(err error) {
		cs.enable()
		if err != nil {
			cs.follow = ""
			cs.Status.SetText("")
			showError(err, cs.win)
			return
		}
		cs.Status.SetText(ok)
	}
}

// SaveCity stores a city: a new one when old is nil, else in place of old
// (renaming it, its stations following, if the name changed).
func (cs *CityScreen) SaveCity(old *timetable.City, c timetable.City) {
	var do, undo edit
	switch {
	case old == nil && cs.findCity(c.Name) != nil:
		cs.reported("")(locale.Errorf("城市 %q 已存在", "city %q already exists", c.Name))
		return
	case old == nil:
		do = func(ctx context.Context, st *sqlite.Store) error { return st.PutCity(ctx, c) }
		undo = func(ctx context.Context, st *sqlite.Store) error { return st.DeleteCity(ctx, c.Name, false) }
	default:
		prev := *old
		do = renamed((*sqlite.Store).RenameCity, prev.Name, c.Name,
			func(ctx context.Context, st *sqlite.Store) error { return st.PutCity(ctx, c) })
		undo = renamed((*sqlite.Store).RenameCity, c.Name, prev.Name,
			func(ctx context.Context, st *sqlite.Store) error { return st.PutCity(ctx, prev) })
	}
	cs.follow = c.Name
	cs.session.Edit(locale.Textf("保存城市 %s", "save city %s", c.Name), do, undo,
		cs.reported(lang.L("Saved city", map[string]string{"Name": c.Name})))
}

// renamed is an edit that renames a record from one name to another, if
// they differ, and then writes it with put.
func renamed(rename func(*sqlite.Store, context.Context, string, string) error, from, to string, put edit) edit {
	return func(ctx context.Context, st *sqlite.Store) error {
		if from != to {
			if err := rename(st, ctx, from, to); err != nil {
				return err
			}
		}
		return put(ctx, st)
	}
}

// SaveStation stores a station: a new one when old is nil, else in place
// of old.
func (cs *CityScreen) SaveStation(old *timetable.Station, s timetable.Station) {
	var do, undo edit
	exists := false
	for _, st := range cs.session.Data.Timetable.Stations {
		exists = exists || st.Name == s.Name
	}
	switch {
	case old == nil && exists:
		cs.reported("")(locale.Errorf("车站 %q 已存在", "station %q already exists", s.Name))
		return
	case old == nil:
		do = func(ctx context.Context, st *sqlite.Store) error { return st.PutStation(ctx, s) }
		undo = func(ctx context.Context, st *sqlite.Store) error { return st.DeleteStation(ctx, s.Name, false) }
	default:
		prev := *old
		do = renamed((*sqlite.Store).RenameStation, prev.Name, s.Name,
			func(ctx context.Context, st *sqlite.Store) error { return st.PutStation(ctx, s) })
		undo = renamed((*sqlite.Store).RenameStation, s.Name, prev.Name,
			func(ctx context.Context, st *sqlite.Store) error { return st.PutStation(ctx, prev) })
	}
	cs.follow = s.City
	cs.session.Edit(locale.Textf("保存车站 %s", "save station %s", s.Name), do, undo,
		cs.reported(lang.L("Saved station", map[string]string{"Name": s.Name})))
}

// users lists, from the loaded timetable, the stations of a city (or the
// one station) and the services calling at them.
func (cs *CityScreen) users(city, station string) ([]timetable.Station, []timetable.Service) {
	t := cs.session.Data.Timetable
	var stations []timetable.Station
	names := map[string]bool{}
	for _, s := range t.Stations {
		if (station == "" && s.City == city) || s.Name == station {
			stations = append(stations, s)
			names[s.Name] = true
		}
	}
	var services []timetable.Service
	for _, sv := range t.Services {
		for _, st := range sv.Stops {
			if names[st.Station] {
				services = append(services, sv)
				break
			}
		}
	}
	return stations, services
}

// inUse says what a delete would take with it, as the store would.
func inUse(what string, stations []timetable.Station, services []timetable.Service) *sqlite.InUseError {
	e := &sqlite.InUseError{What: what}
	for _, s := range stations {
		e.Stations = append(e.Stations, s.Name)
	}
	for _, sv := range services {
		e.Services = append(e.Services, sv.Code)
	}
	return e
}

// confirmRemoveCity asks before deleting a city, saying what goes with it.
func (cs *CityScreen) confirmRemoveCity(name string) {
	stations, services := cs.users(name, "")
	msg := lang.L("Delete city?", map[string]string{"Name": name})
	if len(stations) > 0 {
		msg = inUse(name, stations, services).In(uiLang()) + "\n" + lang.L("Delete them too?")
	}
	dialog.ShowConfirm(lang.L("Delete"), msg, func(ok bool) {
		if ok {
			cs.DeleteCity(name)
		}
	}, cs.win)
}

// DeleteCity deletes a city with its stations and the services calling
// there (after the user agreed); undo puts them all back.
func (cs *CityScreen) DeleteCity(name string) {
	c := cs.findCity(name)
	if c == nil {
		return
	}
	city := *c
	stations, services := cs.users(name, "")
	cs.session.Edit(locale.Textf("删除城市 %s", "delete city %s", name),
		func(ctx context.Context, st *sqlite.Store) error { return st.DeleteCity(ctx, name, true) },
		func(ctx context.Context, st *sqlite.Store) error {
			return st.Restore(ctx, []timetable.City{city}, stations, services)
		},
		cs.reported(lang.L("Deleted", map[string]string{"Name": name})))
}

// confirmRemoveStation asks before deleting a station.
func (cs *CityScreen) confirmRemoveStation(name string) {
	_, services := cs.users("", name)
	msg := lang.L("Delete station?", map[string]string{"Name": name})
	if len(services) > 0 {
		msg = inUse(name, nil, services).In(uiLang()) + "\n" + lang.L("Delete them too?")
	}
	dialog.ShowConfirm(lang.L("Delete"), msg, func(ok bool) {
		if ok {
			cs.DeleteStation(name)
		}
	}, cs.win)
}

// DeleteStation deletes a station and the services calling there (after
// the user agreed); undo puts them back.
func (cs *CityScreen) DeleteStation(name string) {
	stations, services := cs.users("", name)
	if len(stations) == 0 {
		return
	}
	cs.session.Edit(locale.Textf("删除车站 %s", "delete station %s", name),
		func(ctx context.Context, st *sqlite.Store) error { return st.DeleteStation(ctx, name, true) },
		func(ctx context.Context, st *sqlite.Store) error { return st.Restore(ctx, nil, stations, services) },
		cs.reported(lang.L("Deleted", map[string]string{"Name": name})))
}

// numberField is an entry for a number, empty allowed, checked as typed.
func numberField(v float64, placeholder string) *widget.Entry {
	e := widget.NewEntry()
	if v != 0 {
		e.SetText(strconv.FormatFloat(v, 'f', -1, 64))
	}
	e.SetPlaceHolder(placeholder)
	e.Validator = func(s string) error {
		if strings.TrimSpace(s) == "" {
			return nil
		}
		if _, err := strconv.ParseFloat(strings.TrimSpace(s), 64); err != nil {
			return errors.New(lang.L("Not a number"))
		}
		return nil
	}
	return e
}

func number(e *widget.Entry) float64 {
	v, _ := strconv.ParseFloat(strings.TrimSpace(e.Text), 64)
	return v
}

func required(e *widget.Entry) *widget.Entry {
	e.Validator = func(s string) error {
		if strings.TrimSpace(s) == "" {
			return errors.New(lang.L("Required"))
		}
		return nil
	}
	return e
}

// cityDialog asks for a city's fields: a new city when c is nil. What the
// fields hold is checked as the whole city before it is stored.
func (cs *CityScreen) cityDialog(c *timetable.City) {
	v := timetable.City{TransferMin: timetable.DefaultCityTransferMin}
	title := lang.L("Add city")
	if c != nil {
		v, title = *c, lang.L("Edit city")
	}
	name := required(widget.NewEntry())
	name.SetText(v.Name)
	en := widget.NewEntry()
	en.SetText(v.NameEn)
	province := widget.NewEntry()
	province.SetText(v.Province)
	lat, lon := numberField(v.Lat, "39.9042"), numberField(v.Lon, "116.4074")
	transfer := numberField(float64(v.TransferMin), "90")
	items := []*widget.FormItem{
		widget.NewFormItem(lang.L("Name"), name), widget.NewFormItem(lang.L("English name"), en),
		widget.NewFormItem(lang.L("Province"), province), widget.NewFormItem(lang.L("Latitude"), lat),
		widget.NewFormItem(lang.L("Longitude"), lon), widget.NewFormItem(lang.L("City transfer minutes"), transfer),
	}
	d := dialog.NewForm(title, lang.L("Save"), lang.L("Cancel"), items, func(ok bool) {
		if !ok {
			return
		}
		n := timetable.City{Name: strings.TrimSpace(name.Text), NameEn: strings.TrimSpace(en.Text),
			Province: strings.TrimSpace(province.Text), Lat: number(lat), Lon: number(lon), TransferMin: int(number(transfer))}
		if ps := timetable.Validate(&timetable.Timetable{Cities: []timetable.City{n}}); len(ps) > 0 {
			cs.reported("")(timetable.ProblemsError(ps))
			return
		}
		cs.SaveCity(c, n)
	}, cs.win)
	d.Resize(fyne.NewSize(460, 0))
	d.Show()
}

// stationDialog asks for a station's fields: a new station of the chosen
// city when s is nil.
func (cs *CityScreen) stationDialog(s *timetable.Station) {
	v := timetable.Station{City: cs.city, Kind: timetable.Rail, TransferMin: timetable.DefaultRailTransferMin}
	title := lang.L("Add station")
	if s != nil {
		v, title = *s, lang.L("Edit station")
	}
	name := required(widget.NewEntry())
	name.SetText(v.Name)
	city := required(widget.NewEntry())
	city.SetText(v.City)
	kinds := []string{lang.L("Rail station"), lang.L("Airport")}
	kind := widget.NewSelect(kinds, nil)
	kind.SetSelectedIndex(int(v.Kind))
	code := widget.NewEntry()
	code.SetText(v.Code)
	lat, lon := numberField(v.Lat, lang.L("The city's")), numberField(v.Lon, lang.L("The city's"))
	transfer := numberField(float64(v.TransferMin), "30")
	kind.OnChanged = func(string) {
		// Follow the kind's default transfer time unless one was typed.
		k, other := timetable.Rail, timetable.Airport
		if kind.SelectedIndex() == int(timetable.Airport) {
			k, other = timetable.Airport, timetable.Rail
		}
		if t := strings.TrimSpace(transfer.Text); t == "" || t == strconv.Itoa(timetable.DefaultTransferMin(other)) {
			transfer.SetText(strconv.Itoa(timetable.DefaultTransferMin(k)))
		}
	}
	items := []*widget.FormItem{
		widget.NewFormItem(lang.L("Name"), name), widget.NewFormItem(lang.L("City"), city),
		widget.NewFormItem(lang.L("Kind"), kind), widget.NewFormItem(lang.L("Station code"), code),
		widget.NewFormItem(lang.L("Latitude"), lat), widget.NewFormItem(lang.L("Longitude"), lon),
		widget.NewFormItem(lang.L("Transfer minutes"), transfer),
	}
	d := dialog.NewForm(title, lang.L("Save"), lang.L("Cancel"), items, func(ok bool) {
		if !ok {
			return
		}
		n := timetable.Station{Name: strings.TrimSpace(name.Text), City: strings.TrimSpace(city.Text),
			Kind: timetable.StationKind(kind.SelectedIndex()), Code: strings.TrimSpace(code.Text),
			Lat: number(lat), Lon: number(lon), TransferMin: int(number(transfer))}
		c := cs.findCity(n.City)
		if c == nil {
			cs.reported("")(locale.Errorf("城市 %q 不存在，请先新增城市", "city %q does not exist; add it first", n.City))
			return
		}
		tt := &timetable.Timetable{Cities: []timetable.City{*c}, Stations: []timetable.Station{n}}
		if ps := timetable.Validate(tt); len(ps) > 0 {
			cs.reported("")(timetable.ProblemsError(ps))
			return
		}
		cs.SaveStation(s, n)
	}, cs.win)
	d.Resize(fyne.NewSize(460, 0))
	d.Show()
}
