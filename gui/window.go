package gui

import (
	"context"
	"fmt"
	"log"
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
			cities := NewCityScreen(s, w)
			qs := NewQueryScreen(d.Network, time.Now())
			qs.DataDate = d.DataDate
			qs.Remember(prefs)
			trains := NewTimetableScreen(s, timetable.Train, w)
			flights := NewTimetableScreen(s, timetable.Flight, w)
			tabs := container.NewAppTabs(
				container.NewTabItem(lang.L("Query"), qs.Content),
				container.NewTabItem(lang.L("Map"), cities.Content),
				container.NewTabItem(lang.L("Trains"), trains.Content),
				container.NewTabItem(lang.L("Flights"), flights.Content),
				container.NewTabItem(lang.L("Data"), container.NewStack()))
			// The planner follows every change.
			s.OnChange(func() { qs.SetNetwork(d.Network, d.DataDate) })
			cities.Use = func(city string, from bool) {
				if from {
					qs.From.SetText(city)
				} else {
					qs.To.SetText(city)
				}
				tabs.SelectIndex(0)
			}
			data := NewDataScreen(d.Path, w, func() {
				s.Reload(func(err error) {
					if err != nil {
						showError(err, w)
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
			log.Printf("railair: ready in %d ms (%d cities, %d services)", time.Since(start).Milliseconds(), len(d.Timetable.Cities), len(d.Timetable.Services))
			// 编辑: save in the editors (Ctrl+S; the menu sees it before a
			// focused cell does), and undo the last stored change. Ctrl+Z
			// stays with the cells, where it undoes typing.
			save := fyne.NewMenuItem(lang.L("Save"), func() {
				if e := editor(); e != nil {
					e.SaveForm()
				}
			})
			save.Shortcut = &desktop.CustomShortcut{KeyName: fyne.KeyS, Modifier: fyne.KeyModifierShortcutDefault}
			undo := fyne.NewMenuItem(lang.L("Undo last change"), func() {
				if e := editor(); e != nil {
					e.UndoLast()
				} else {
					tabs.SelectIndex(1)
					cities.Undo.OnTapped()
				}
			})
			w.SetMainMenu(fyne.NewMainMenu(
				fyne.NewMenu(lang.L("Edit"), save, undo),
				fyne.NewMenu(lang.L("Settings"),
					fyne.NewMenuItem(lang.L("Language"), func() { ShowLanguage(a, w) }),
					fyne.NewMenuItem(lang.L("Appearance"), func() { ShowAppearance(a, w) })),
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
	choice := preferenceChoice(a, prefLanguage, []string{"", "zh", "en"},
		[]string{lang.L("System language"), "中文", "English"}, nil)
	dialog.ShowCustom(lang.L("Language"), "OK", container.NewVBox(choice, widget.NewLabel(lang.L("Restart to apply"))), w)
}

// ShowAppearance lets the user choose a light or dark theme, or follow the
// system; it applies at once and is kept in the preferences.
func ShowAppearance(a fyne.App, w fyne.Window) {
	choice := preferenceChoice(a, prefTheme, []string{"", "light", "dark"},
		[]string{lang.L("Follow the system"), lang.L("Light"), lang.L("Dark")},
		func(code string) { a.Settings().SetTheme(ThemeFor(code)) })
	dialog.ShowCustom(lang.L("Appearance"), "OK", choice, w)
}

// preferenceChoice is a radio group of options for the preference key,
// each standing for one of codes; a choice is kept at once and passed to
// apply, if not nil.
func preferenceChoice(a fyne.App, key string, codes, options []string, apply func(code string)) *widget.RadioGroup {
	choice := widget.NewRadioGroup(options, nil)
	current := a.Preferences().String(key)
	for i, c := range codes {
		if c == current {
			choice.SetSelected(options[i])
		}
	}
	choice.OnChanged = func(s string) {
		for i, o := range options {
			if o == s {
				a.Preferences().SetString(key, codes[i])
				if apply != nil {
					apply(codes[i])
				}
			}
		}
	}
	return choice
}
