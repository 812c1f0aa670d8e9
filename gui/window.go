package gui

import (
	"context"
	"fmt"
	"log"
	"sort"
	"strings"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/driver/desktop"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/widget"

	"railair.app/railair/core/locale"
	"railair.app/railair/core/planner"
	"railair.app/railair/core/timetable"
	"railair.app/railair/persist/seed"
	"railair.app/railair/persist/sqlite"
	"railair.app/railair/resources"
)

// Data is what the windows show: the timetable and where it came from.
type Data struct {
	Timetable *timetable.Timetable
	Network   *planner.Network // compiled from Timetable
	DataDate  string
	Path      string // the database file
}

// NewMainWindow makes RailAir's main window. It opens the database at
// dbPath ("" for the shared one) off the UI goroutine, showing progress,
// and then the screens.
func NewMainWindow(a fyne.App, dbPath string) fyne.Window {
	w := a.NewWindow(lang.L("RailAir"))
	w.SetIcon(fyne.NewStaticResource("railair.png", resources.Icon()))
	prefs := a.Preferences()
	w.Resize(fyne.NewSize(float32(prefs.FloatWithFallback(prefWidth, 1100)), float32(prefs.FloatWithFallback(prefHeight, 720))))
	w.SetCloseIntercept(func() {
		size := w.Canvas().Size()
		prefs.SetFloat(prefWidth, float64(size.Width))
		prefs.SetFloat(prefHeight, float64(size.Height))
		w.Close()
	})
	start := time.Now()
	bar := widget.NewProgressBarInfinite()
	w.SetContent(container.NewCenter(container.NewVBox(widget.NewLabel(lang.L("Loading")), bar)))
	go func() {
		d, err := load(context.Background(), dbPath)
		fyne.Do(func() {
			bar.Stop()
			if err != nil {
				dialog.ShowError(fmt.Errorf("%s: %s", lang.L("Cannot open the database"), locale.Message(err, uiLang())), w)
				return
			}
			s := NewSession(d)
			b := NewBrowser(d)
			qs := NewQueryScreen(d.Network, time.Now())
			qs.DataDate = d.DataDate
			qs.Remember(prefs)
			trains := NewTimetableScreen(s, timetable.Train, w)
			flights := NewTimetableScreen(s, timetable.Flight, w)
			tabs := container.NewAppTabs(
				container.NewTabItem(lang.L("Query"), qs.Content),
				container.NewTabItem(lang.L("Cities"), b.Content),
				container.NewTabItem(lang.L("Trains"), trains.Content),
				container.NewTabItem(lang.L("Flights"), flights.Content),
				container.NewTabItem(lang.L("Data"), container.NewStack()))
			s.OnChange(func() {
				// The planner and the city screen follow every change.
				qs.SetNetwork(d.Network, d.DataDate)
				tabs.Items[1].Content = NewBrowser(d).Content
				tabs.Refresh()
			})
			data := NewDataScreen(d.Path, w, func() {
				s.Reload(func(err error) {
					if err != nil {
						dialog.ShowError(err, w)
					}
				})
			})
			tabs.Items[4].Content = data.Content
			w.SetContent(tabs)
			editor := func() *TimetableScreen {
				switch tabs.SelectedIndex() {
				case 2:
					return trains
				case 3:
					return flights
				}
				return nil
			}
			w.Canvas().AddShortcut(&desktop.CustomShortcut{KeyName: fyne.KeyS, Modifier: fyne.KeyModifierShortcutDefault}, func(fyne.Shortcut) {
				if e := editor(); e != nil {
					e.SaveForm()
				}
			})
			w.Canvas().AddShortcut(&desktop.CustomShortcut{KeyName: fyne.KeyZ, Modifier: fyne.KeyModifierShortcutDefault}, func(fyne.Shortcut) {
				if e := editor(); e != nil {
					e.UndoLast()
				}
			})
			log.Printf("railair: ready in %d ms (%d cities, %d services)", time.Since(start).Milliseconds(), len(d.Timetable.Cities), len(d.Timetable.Services))
			w.SetMainMenu(fyne.NewMainMenu(
				fyne.NewMenu(lang.L("Settings"), fyne.NewMenuItem(lang.L("Language"), func() { ShowLanguage(a, w) })),
				fyne.NewMenu(lang.L("Help"), fyne.NewMenuItem(lang.L("About"), func() { ShowAbout(d, w) }))))
			w.Canvas().Focus(qs.From)
		})
	}()
	return w
}

// uiLang is the language the translations chose.
func uiLang() locale.Lang {
	if lang.L("Cities") == "Cities" {
		return locale.English
	}
	return locale.Chinese
}

func load(ctx context.Context, path string) (*Data, error) {
	store, _, err := seed.Open(ctx, path)
	if err != nil {
		return nil, err
	}
	defer store.Close()
	t, err := store.Load(ctx)
	if err != nil {
		return nil, err
	}
	date, err := store.Meta(ctx, sqlite.MetaDataDate)
	if err != nil {
		return nil, err
	}
	return &Data{Timetable: t, Network: planner.Compile(t), DataDate: date, Path: store.Path()}, nil
}

// Browser is the city screen: a searchable list of cities, and for the one
// chosen its stations and the services calling there.
type Browser struct {
	Content  fyne.CanvasObject
	Search   *widget.Entry
	Cities   *widget.List
	Detail   *widget.Label
	Stations *widget.List
	Services *widget.List
	Summary  *widget.Label

	data     *Data
	shown    []int // indexes of the cities that match the search
	stations []timetable.Station
	services []string // one line per service calling at the chosen city
	byCity   map[string][]int
}

// NewBrowser builds the city screen over d.
func NewBrowser(d *Data) *Browser {
	b := &Browser{data: d, byCity: map[string][]int{}}
	t := d.Timetable
	cityOf := map[string]string{}
	for _, s := range t.Stations {
		cityOf[s.Name] = s.City
	}
	for i, sv := range t.Services {
		seen := map[string]bool{}
		for _, st := range sv.Stops {
			if c := cityOf[st.Station]; !seen[c] {
				seen[c] = true
				b.byCity[c] = append(b.byCity[c], i)
			}
		}
	}
	b.Search = widget.NewEntry()
	b.Search.SetPlaceHolder(lang.L("Search cities"))
	b.Search.OnChanged = b.onSearchChanged
	b.Cities = widget.NewList(func() int { return len(b.shown) },
		func() fyne.CanvasObject { return widget.NewLabel("城市 City") },
		func(i widget.ListItemID, o fyne.CanvasObject) {
			c := t.Cities[b.shown[i]]
			o.(*widget.Label).SetText(c.Name + "  " + c.NameEn)
		})
	b.Cities.OnSelected = b.onCitySelected
	b.Detail = widget.NewLabel(lang.L("Pick a city"))
	b.Stations = widget.NewList(func() int { return len(b.stations) },
		func() fyne.CanvasObject { return widget.NewLabel("车站") },
		func(i widget.ListItemID, o fyne.CanvasObject) {
			s := b.stations[i]
			kind := lang.L("Rail station")
			if s.Kind == timetable.Airport {
				kind = lang.L("Airport")
			}
			o.(*widget.Label).SetText(fmt.Sprintf("%s  %s %s", s.Name, kind, s.Code))
		})
	b.Services = widget.NewList(func() int { return len(b.services) },
		func() fyne.CanvasObject { return widget.NewLabel("G1") },
		func(i widget.ListItemID, o fyne.CanvasObject) { o.(*widget.Label).SetText(b.services[i]) })
	b.Summary = widget.NewLabel(lang.L("Count summary", map[string]int{
		"Cities": len(t.Cities), "Stations": len(t.Stations), "Services": len(t.Services)}))
	left := container.NewBorder(b.Search, b.Summary, nil, nil, b.Cities)
	right := container.NewBorder(b.Detail, nil, nil, nil,
		container.NewVSplit(
			container.NewBorder(widget.NewLabelWithStyle(lang.L("Stations"), 0, fyne.TextStyle{Bold: true}), nil, nil, nil, b.Stations),
			container.NewBorder(widget.NewLabelWithStyle(lang.L("Services"), 0, fyne.TextStyle{Bold: true}), nil, nil, nil, b.Services)))
	split := container.NewHSplit(left, right)
	split.Offset = 0.3
	b.Content = split
	b.onSearchChanged("")
	return b
}

// CityMatches reports whether a city matches what was typed: part of its
// Chinese name, or the start of its English name or pinyin.
func CityMatches(c *timetable.City, q string) bool {
	q = strings.TrimSpace(strings.ToLower(q))
	if q == "" {
		return true
	}
	return strings.Contains(c.Name, q) || strings.HasPrefix(strings.ToLower(c.NameEn), q)
}

func (b *Browser) onSearchChanged(q string) {
	cities := b.data.Timetable.Cities
	b.shown = b.shown[:0]
	for i := range cities {
		if CityMatches(&cities[i], q) {
			b.shown = append(b.shown, i)
		}
	}
	// Alphabetically by pinyin, as Chinese lists are.
	sort.SliceStable(b.shown, func(i, j int) bool {
		return strings.ToLower(cities[b.shown[i]].NameEn) < strings.ToLower(cities[b.shown[j]].NameEn)
	})
	b.Cities.UnselectAll()
	b.Cities.Refresh()
	if len(b.shown) == 1 {
		b.Cities.Select(0)
	}
}

func (b *Browser) onCitySelected(id widget.ListItemID) {
	t := b.data.Timetable
	c := t.Cities[b.shown[id]]
	b.Detail.SetText(fmt.Sprintf("%s  %s  %s  (%.4f, %.4f)", c.Name, c.NameEn, c.Province, c.Lat, c.Lon))
	b.stations = b.stations[:0]
	for _, s := range t.Stations {
		if s.City == c.Name {
			b.stations = append(b.stations, s)
		}
	}
	served := map[string]bool{}
	for _, i := range b.byCity[c.Name] {
		for _, st := range t.Services[i].Stops {
			served[st.Station] = true
		}
	}
	// Stations with services first, then airports after rail stations.
	sort.SliceStable(b.stations, func(i, j int) bool {
		si, sj := b.stations[i], b.stations[j]
		if served[si.Name] != served[sj.Name] {
			return served[si.Name]
		}
		return si.Kind < sj.Kind
	})
	b.services = b.services[:0]
	for _, i := range b.byCity[c.Name] {
		sv := t.Services[i]
		first, last := sv.Stops[0], sv.Stops[len(sv.Stops)-1]
		b.services = append(b.services, fmt.Sprintf("%-8s %s %s → %s %s", sv.Code, first.Depart, first.Station, last.Station, last.Arrive))
	}
	b.Stations.Refresh()
	b.Services.Refresh()
}

// ShowAbout shows the version, the data date and the credits of every
// dataset, font and map RailAir ships.
func ShowAbout(d *Data, w fyne.Window) {
	text := widget.NewLabel(resources.Notice())
	text.Wrapping = fyne.TextWrapWord
	icon := canvas.NewImageFromResource(fyne.NewStaticResource("railair.png", resources.Icon()))
	icon.FillMode = canvas.ImageFillContain
	icon.SetMinSize(fyne.NewSize(72, 72))
	head := container.NewBorder(nil, nil, icon, nil, widget.NewLabel(fmt.Sprintf("%s (RailAir) %s %s\n%s: %s\n%s: %s",
		lang.L("RailAir"), lang.L("Version"), resources.Version, lang.L("Data date"), d.DataDate, lang.L("Database"), d.Path)))
	scroll := container.NewVScroll(text)
	scroll.SetMinSize(fyne.NewSize(640, 420))
	dialog.ShowCustom(lang.L("About"), "OK", container.NewBorder(head, nil, nil, nil, scroll), w)
}

// ShowLanguage lets the user choose the language, kept in the preferences
// and applied when the app starts again.
func ShowLanguage(a fyne.App, w fyne.Window) {
	options := []string{lang.L("System language"), "中文", "English"}
	codes := []string{"", "zh", "en"}
	choice := widget.NewRadioGroup(options, nil)
	current := a.Preferences().String(prefLanguage)
	for i, c := range codes {
		if c == current {
			choice.SetSelected(options[i])
		}
	}
	choice.OnChanged = func(s string) {
		for i, o := range options {
			if o == s {
				a.Preferences().SetString(prefLanguage, codes[i])
			}
		}
	}
	dialog.ShowCustom(lang.L("Language"), "OK", container.NewVBox(choice, widget.NewLabel(lang.L("Restart to apply"))), w)
}
