package gui

import (
	"context"
	"errors"
	"fmt"
	"reflect"
	"strconv"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/layout"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"railair.app/railair/core/locale"
	"railair.app/railair/core/timetable"
	"railair.app/railair/persist/sqlite"
)

// TimetableScreen is the 列车 (or 航班) screen: a searchable list of the
// trains (or flights) and an editor for the one chosen. The editor holds
// the service as text, one row a stop, checks every cell as it is typed and
// marks the cells in error; Save stores the service only when all of it is
// valid, and every save or delete can be undone.
type TimetableScreen struct {
	Content  fyne.CanvasObject
	Search   *widget.Entry
	List     *widget.List
	Count    *widget.Label
	New      *widget.Button
	Code     *widget.Entry
	Category *widget.Entry
	Days     *widget.Entry
	First    *widget.Entry
	Last     *widget.Entry
	AddStop  *widget.Button
	NewClass *widget.Entry
	AddClass *widget.Button
	Problems *widget.Label
	Status   *widget.Label
	Delete   *widget.Button
	Revert   *widget.Button
	Undo     *widget.Button
	Save     *widget.Button

	mode    timetable.Mode
	session *Session
	win     fyne.Window
	shown   []int // indexes into the timetable's services
	lookup  func(string) (*timetable.Station, bool)
	form    *serviceForm // what is being edited; nil for nothing
	loaded  *serviceForm // the form as loaded or last saved, to tell edits
	cells   map[cellKey]*widget.Entry
	table   *fyne.Container // the stop rows
	errs    []cellError
}

// NewTimetableScreen builds the screen for the services of one mode.
func NewTimetableScreen(s *Session, mode timetable.Mode, w fyne.Window) *TimetableScreen {
	ts := &TimetableScreen{mode: mode, session: s, win: w, cells: map[cellKey]*widget.Entry{}}
	ts.Search = widget.NewEntry()
	ts.Search.SetPlaceHolder(lang.L("Search services"))
	ts.Search.OnChanged = func(string) { ts.filter() }
	ts.List = widget.NewList(func() int { return len(ts.shown) },
		func() fyne.CanvasObject { return widget.NewLabel("G1234  北京南 → 上海虹桥  09:00–13:28") },
		func(i widget.ListItemID, o fyne.CanvasObject) {
			o.(*widget.Label).SetText(serviceLine(&ts.session.Data.Timetable.Services[ts.shown[i]]))
		})
	ts.List.OnSelected = func(i widget.ListItemID) {
		sv := &ts.session.Data.Timetable.Services[ts.shown[i]]
		if ts.form != nil && sv.Code == ts.form.original {
			return
		}
		ts.leave(func() { ts.edit(formOf(sv)) }, func() { ts.List.UnselectAll() })
	}
	ts.Count = widget.NewLabel("")
	newKey := "New train"
	if mode == timetable.Flight {
		newKey = "New flight"
	}
	ts.New = widget.NewButtonWithIcon(lang.L(newKey), theme.ContentAddIcon(), func() {
		ts.leave(func() {
			ts.List.UnselectAll()
			ts.edit(newForm(mode))
			ts.win.Canvas().Focus(ts.Code)
		}, nil)
	})
	entry := func(k cellKey, set func(string)) *widget.Entry {
		e := widget.NewEntry()
		e.AlwaysShowValidationError = true
		e.OnChanged = func(v string) {
			if ts.form != nil {
				set(v)
				ts.check()
			}
		}
		ts.cells[k] = e
		return e
	}
	ts.Code = entry(cellKey{-1, timetable.FieldName, ""}, func(v string) { ts.form.Code = v })
	ts.Category = entry(cellKey{-1, timetable.FieldKind, ""}, func(v string) { ts.form.Category = v })
	ts.Days = entry(cellKey{-1, timetable.FieldDays, ""}, func(v string) { ts.form.Days = v })
	ts.Days.SetPlaceHolder("1234567")
	ts.First = entry(cellKey{-1, timetable.FieldFirst, ""}, func(v string) { ts.form.First = v })
	ts.First.SetPlaceHolder(lang.L("No limit"))
	ts.Last = entry(cellKey{-1, timetable.FieldLast, ""}, func(v string) { ts.form.Last = v })
	ts.Last.SetPlaceHolder(lang.L("No limit"))
	ts.table = container.NewVBox()
	ts.AddStop = widget.NewButtonWithIcon(lang.L("Add stop"), theme.ContentAddIcon(), func() {
		ts.change(func(f *serviceForm) { f.insertRow(len(f.Rows)) })
	})
	ts.NewClass = widget.NewEntry()
	ts.NewClass.SetPlaceHolder(lang.L("Seat class, e.g. 硬卧"))
	ts.AddClass = widget.NewButton(lang.L("Add seat class"), func() {
		name := ts.NewClass.Text
		ok := false
		ts.change(func(f *serviceForm) { ok = f.addClass(name) })
		if ok {
			ts.NewClass.SetText("")
		}
	})
	ts.Problems = widget.NewLabel("")
	ts.Problems.Wrapping = fyne.TextWrapWord
	ts.Problems.Importance = widget.DangerImportance
	ts.Status = widget.NewLabel("")
	ts.Delete = widget.NewButtonWithIcon(lang.L("Delete"), theme.DeleteIcon(), ts.confirmDelete)
	ts.Revert = widget.NewButton(lang.L("Discard changes"), func() {
		if ts.loaded != nil {
			ts.edit(ts.loaded.clone())
		}
	})
	ts.Undo = widget.NewButtonWithIcon(lang.L("Undo"), theme.ContentUndoIcon(), ts.UndoLast)
	ts.Save = widget.NewButtonWithIcon(lang.L("Save"), theme.DocumentSaveIcon(), ts.SaveForm)
	ts.Save.Importance = widget.HighImportance

	codeKey, fromTo := "Train number", ""
	if mode == timetable.Flight {
		codeKey, fromTo = "Flight number", lang.L("Flight stops hint")
	}
	head := container.New(&formRow{},
		widget.NewLabel(lang.L(codeKey)), ts.Code,
		widget.NewLabel(lang.L("Category")), ts.Category,
		widget.NewLabel(lang.L("Days")), ts.Days,
		widget.NewLabel(lang.L("First date")), ts.First,
		widget.NewLabel(lang.L("Last date")), ts.Last)
	classes := container.NewBorder(nil, nil, nil, container.NewHBox(ts.AddClass, ts.AddStop), ts.NewClass)
	top := container.NewVBox(head, classes)
	if fromTo != "" {
		top.Add(widget.NewLabel(fromTo))
	}
	bottom := container.NewVBox(ts.Problems,
		container.NewBorder(nil, nil, ts.Status, container.NewHBox(ts.Delete, ts.Revert, ts.Undo, ts.Save)))
	editor := container.NewBorder(top, bottom, nil, nil, container.NewScroll(ts.table))
	left := container.NewBorder(container.NewBorder(nil, nil, nil, ts.New, ts.Search), ts.Count, nil, nil, ts.List)
	split := container.NewHSplit(left, editor)
	split.Offset = 0.28
	ts.Content = split
	s.OnChange(ts.dataChanged)
	s.OnBusy(ts.check)
	ts.dataChanged()
	ts.edit(nil)
	return ts
}

// serviceLine is a service's line in the list: code, ends and times.
func serviceLine(sv *timetable.Service) string {
	if len(sv.Stops) == 0 {
		return sv.Code
	}
	a, b := sv.Stops[0], sv.Stops[len(sv.Stops)-1]
	return fmt.Sprintf("%s  %s → %s  %s–%s", sv.Code, a.Station, b.Station, a.Depart, b.Arrive)
}

// dataChanged follows a reload: the list, the station lookup, and the
// service being edited if it has no unsaved edits.
func (ts *TimetableScreen) dataChanged() {
	t := ts.session.Data.Timetable
	ts.lookup = stationLookup(t)
	ts.filter()
	if ts.form == nil || ts.dirty() {
		ts.check()
		return
	}
	if sv := ts.find(ts.form.original); sv != nil {
		ts.edit(formOf(sv))
		ts.selectListed(sv.Code)
	} else if ts.form.original != "" {
		ts.edit(nil)
	}
}

// selectListed shows the service with the given code selected in the list,
// if it is listed.
func (ts *TimetableScreen) selectListed(code string) {
	for i, k := range ts.shown {
		if ts.session.Data.Timetable.Services[k].Code == code {
			ts.List.Select(i)
			return
		}
	}
}

// stationsLike lists, for a station cell's drop-down, the stations of the
// screen's mode whose names contain text, those starting with it first;
// at most a dozen.
func (ts *TimetableScreen) stationsLike(text string) []string {
	const most = 12
	text = strings.TrimSpace(text)
	var starts, contains []string
	for _, st := range ts.session.Data.Timetable.Stations {
		if (st.Kind == timetable.Airport) != (ts.mode == timetable.Flight) {
			continue
		}
		switch {
		case strings.HasPrefix(st.Name, text):
			starts = append(starts, st.Name)
		case strings.Contains(st.Name, text):
			contains = append(contains, st.Name)
		}
		if len(starts) >= most {
			break
		}
	}
	out := append(starts, contains...)
	return out[:min(len(out), most)]
}

// find returns the service with the given code, or nil.
func (ts *TimetableScreen) find(code string) *timetable.Service {
	if code == "" {
		return nil
	}
	for i := range ts.session.Data.Timetable.Services {
		if sv := &ts.session.Data.Timetable.Services[i]; sv.Code == code {
			return sv
		}
	}
	return nil
}

// filter lists the services of the screen's mode matching the search: the
// start of the code, or part of a station's name.
func (ts *TimetableScreen) filter() {
	q := strings.ToUpper(strings.TrimSpace(ts.Search.Text))
	ts.shown = ts.shown[:0]
	total := 0
	for i, sv := range ts.session.Data.Timetable.Services {
		if sv.Mode != ts.mode {
			continue
		}
		total++
		if q == "" || strings.HasPrefix(strings.ToUpper(sv.Code), q) || passes(&sv, q) {
			ts.shown = append(ts.shown, i)
		}
	}
	ts.List.UnselectAll()
	ts.List.Refresh()
	ts.Count.SetText(lang.L("Shown of total", map[string]int{"Shown": len(ts.shown), "Total": total}))
}

func passes(sv *timetable.Service, q string) bool {
	for _, st := range sv.Stops {
		if strings.Contains(st.Station, q) {
			return true
		}
	}
	return false
}

// dirty reports whether the form has edits not saved.
func (ts *TimetableScreen) dirty() bool {
	return ts.form != nil && (ts.loaded == nil || !reflect.DeepEqual(ts.form, ts.loaded))
}

// leave runs next, first asking whether to drop unsaved edits; cancel runs
// if the user keeps them.
func (ts *TimetableScreen) leave(next, cancel func()) {
	if !ts.dirty() {
		next()
		return
	}
	dialog.ShowConfirm(lang.L("Unsaved changes"), lang.L("Discard the changes?"), func(ok bool) {
		if ok {
			next()
		} else if cancel != nil {
			cancel()
		}
	}, ts.win)
}

// edit shows f in the editor (nil for none).
func (ts *TimetableScreen) edit(f *serviceForm) {
	ts.form = nil // no cell callbacks while the entries are filled
	if f != nil && f.original != "" {
		ts.loaded = f.clone()
	} else {
		ts.loaded = nil
	}
	var shown serviceForm // empty fields for no service
	if f != nil {
		shown = *f
	}
	ts.Code.SetText(shown.Code)
	ts.Category.SetText(shown.Category)
	ts.Days.SetText(shown.Days)
	ts.First.SetText(shown.First)
	ts.Last.SetText(shown.Last)
	ts.form = f
	ts.rebuild()
	ts.Status.SetText("")
}

// change applies a change to the rows or columns and redraws the table.
func (ts *TimetableScreen) change(fn func(f *serviceForm)) {
	if ts.form == nil {
		return
	}
	fn(ts.form)
	ts.rebuild()
}

// Column widths of the stop table.
const (
	colNo      = 30
	colStation = 176
	colTime    = 84
	colDay     = 56
	colKm      = 80
	colFare    = 84
	colButton  = 30
)

// rebuild makes the stop table from the form.
func (ts *TimetableScreen) rebuild() {
	for k := range ts.cells {
		if k.Row >= 0 {
			delete(ts.cells, k)
		}
	}
	ts.table.RemoveAll()
	f := ts.form
	for _, e := range []fyne.Disableable{ts.Code, ts.Category, ts.Days, ts.First, ts.Last, ts.AddStop, ts.AddClass, ts.NewClass} {
		if f == nil {
			e.Disable()
		} else {
			e.Enable()
		}
	}
	if f == nil {
		ts.table.Add(widget.NewLabel(lang.L("Pick or add a service")))
		ts.check()
		return
	}
	widths := []float32{colNo, 4 * colButton, colStation, colTime, colTime, colDay, colKm}
	head := []fyne.CanvasObject{widget.NewLabel("#"), layout.NewSpacer(), bold(lang.L("Station")), bold(lang.L("Arrive")), bold(lang.L("Depart")), bold(lang.L("Day")), bold(lang.L("Km"))}
	for k, c := range f.Classes {
		widths = append(widths, colFare)
		k := k
		b := widget.NewButton(c+" ✕", func() {
			dialog.ShowConfirm(lang.L("Remove seat class"), lang.L("Remove the fares of class", map[string]string{"Class": c}), func(ok bool) {
				if ok {
					ts.change(func(f *serviceForm) { f.removeClass(k) })
				}
			}, ts.win)
		})
		b.Importance = widget.LowImportance
		head = append(head, b)
	}
	ts.table.Add(container.New(columns(widths), head...))
	rowWidths := append([]float32{colNo, colButton, colButton, colButton, colButton}, widths[2:]...)
	for i := range f.Rows {
		r := &f.Rows[i]
		i := i
		cell := func(field timetable.Field, class string, text string, set func(string)) fyne.CanvasObject {
			var e *widget.Entry
			var obj fyne.CanvasObject
			var offer func(string)
			if field == timetable.FieldStation {
				// The station cell offers the stations of the mode that
				// match what is typed, in its drop-down.
				se := widget.NewSelectEntry(ts.stationsLike(text))
				e, obj, offer = &se.Entry, se, func(v string) { se.SetOptions(ts.stationsLike(v)) }
			} else {
				e = widget.NewEntry()
				obj = e
			}
			e.AlwaysShowValidationError = true
			e.SetText(text)
			e.OnChanged = func(v string) {
				set(v)
				if offer != nil {
					offer(v)
				}
				ts.check()
			}
			ts.cells[cellKey{i, field, class}] = e
			return obj
		}
		button := func(icon fyne.Resource, fn func(f *serviceForm)) *widget.Button {
			b := widget.NewButtonWithIcon("", icon, func() { ts.change(fn) })
			b.Importance = widget.LowImportance
			return b
		}
		up := button(theme.MoveUpIcon(), func(f *serviceForm) { f.moveRow(i, -1) })
		down := button(theme.MoveDownIcon(), func(f *serviceForm) { f.moveRow(i, 1) })
		if i == 0 {
			up.Disable()
		}
		if i == len(f.Rows)-1 {
			down.Disable()
		}
		objs := []fyne.CanvasObject{widget.NewLabel(strconv.Itoa(i + 1)), up, down,
			button(theme.ContentAddIcon(), func(f *serviceForm) { f.insertRow(i + 1) }),
			button(theme.DeleteIcon(), func(f *serviceForm) { f.removeRow(i) }),
			cell(timetable.FieldStation, "", r.Station, func(v string) { r.Station = v }),
			cell(timetable.FieldArrive, "", r.Arrive, func(v string) { r.Arrive = v }),
			cell(timetable.FieldDepart, "", r.Depart, func(v string) { r.Depart = v }),
			cell(fieldDay, "", r.Day, func(v string) { r.Day = v }),
			cell(timetable.FieldKm, "", r.Km, func(v string) { r.Km = v }),
		}
		for k, c := range f.Classes {
			k := k
			objs = append(objs, cell(timetable.FieldFare, c, r.Fares[k], func(v string) { r.Fares[k] = v }))
		}
		ts.table.Add(container.New(columns(rowWidths), objs...))
	}
	ts.table.Refresh()
	ts.check()
}

func bold(s string) *widget.Label {
	return widget.NewLabelWithStyle(s, fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
}

// check reads the form, marks each cell in error and lists the problems;
// Save is enabled only for a valid form with changes.
func (ts *TimetableScreen) check() {
	ts.errs = nil
	if ts.form != nil {
		_, ts.errs = ts.form.service(ts.lookup)
	}
	at := map[cellKey]error{}
	lines := make([]string, 0, len(ts.errs))
	l := uiLang()
	for _, e := range ts.errs {
		k := e.cellKey
		if _, ok := at[k]; !ok {
			at[k] = errors.New(e.In(l))
		}
		sep := ": "
		if l == locale.Chinese {
			sep = "："
		}
		lines = append(lines, ts.where(e.cellKey)+sep+e.In(l))
	}
	for k, e := range ts.cells {
		e.SetValidationError(at[k])
	}
	const most = 8
	if len(lines) > most {
		lines = append(lines[:most], lang.L("And more problems", map[string]int{"N": len(lines) - most}))
	}
	ts.Problems.SetText(strings.Join(lines, "\n"))
	if len(lines) == 0 {
		ts.Problems.Hide()
	} else {
		ts.Problems.Show()
	}
	canSave := ts.form != nil && len(ts.errs) == 0 && ts.dirty() && !ts.session.Working()
	setEnabled(ts.Save, canSave)
	setEnabled(ts.Revert, ts.form != nil && ts.loaded != nil && ts.dirty())
	setEnabled(ts.Delete, ts.form != nil && ts.form.original != "" && !ts.session.Working())
	_, canUndo := ts.session.UndoName()
	setEnabled(ts.Undo, canUndo && !ts.session.Working())
}

func setEnabled(b *widget.Button, on bool) {
	if on {
		b.Enable()
	} else {
		b.Disable()
	}
}

// where names a cell for the problem list: "第 2 站 出发".
func (ts *TimetableScreen) where(k cellKey) string {
	name := map[timetable.Field]string{
		timetable.FieldName: "Code", timetable.FieldKind: "Category", timetable.FieldDays: "Days",
		timetable.FieldFirst: "First date", timetable.FieldLast: "Last date", timetable.FieldStops: "Stops",
		timetable.FieldStation: "Station", timetable.FieldArrive: "Arrive", timetable.FieldDepart: "Depart",
		fieldDay: "Day", timetable.FieldKm: "Km",
	}[k.Field]
	field := k.Class
	if name != "" {
		field = lang.L(name)
	}
	if k.Row < 0 {
		return field
	}
	return lang.L("Stop N", map[string]int{"N": k.Row + 1}) + " " + field
}

// SaveForm stores the service being edited, if it is valid, in place of the
// one it was loaded as.
func (ts *TimetableScreen) SaveForm() {
	if ts.form == nil || ts.session.Working() {
		return
	}
	sv, errs := ts.form.service(ts.lookup)
	if len(errs) > 0 {
		ts.check()
		return
	}
	old := ts.form.original
	var undo edit
	if prev := ts.find(old); prev != nil {
		prev := *prev
		undo = func(ctx context.Context, st *sqlite.Store) error { return st.SaveService(ctx, sv.Code, prev) }
	} else {
		undo = func(ctx context.Context, st *sqlite.Store) error { return st.DeleteService(ctx, sv.Code) }
	}
	ts.Status.SetText(lang.L("Saving"))
	ts.session.Edit(locale.Textf("保存 %s", "save %s", sv.Code),
		func(ctx context.Context, st *sqlite.Store) error { return st.SaveService(ctx, old, sv) }, undo,
		func(err error) {
			if err != nil {
				ts.Status.SetText("")
				ts.check()
				showError(err, ts.win)
				return
			}
			if saved := ts.find(sv.Code); saved != nil {
				ts.edit(formOf(saved))
				ts.selectListed(saved.Code)
			}
			ts.Status.SetText(lang.L("Saved service", map[string]string{"Code": sv.Code}))
		})
}

// confirmDelete asks, then deletes the service being edited.
func (ts *TimetableScreen) confirmDelete() {
	if ts.form == nil || ts.find(ts.form.original) == nil {
		return
	}
	prev := *ts.find(ts.form.original)
	dialog.ShowConfirm(lang.L("Delete"), lang.L("Delete service?", map[string]string{"Code": prev.Code}), func(ok bool) {
		if ok {
			ts.DeleteService(prev)
		}
	}, ts.win)
}

// DeleteService deletes a service (after the user agreed); it can be undone.
func (ts *TimetableScreen) DeleteService(prev timetable.Service) {
	ts.session.Edit(locale.Textf("删除 %s", "delete %s", prev.Code),
		func(ctx context.Context, st *sqlite.Store) error { return st.DeleteService(ctx, prev.Code) },
		func(ctx context.Context, st *sqlite.Store) error { return st.SaveService(ctx, "", prev) },
		func(err error) {
			if err != nil {
				showError(err, ts.win)
				return
			}
			ts.edit(nil)
			ts.Status.SetText(lang.L("Deleted service", map[string]string{"Code": prev.Code}))
		})
}

// UndoLast undoes the last change stored through the session.
func (ts *TimetableScreen) UndoLast() {
	what, ok := ts.session.UndoName()
	if !ok || ts.session.Working() {
		return
	}
	ts.leave(func() {
		if ts.loaded != nil {
			ts.edit(ts.loaded.clone()) // drop the edits so the reload shows the undone service
		}
		ts.session.Undo(func(err error) {
			if err != nil {
				showError(err, ts.win)
				return
			}
			ts.Status.SetText(lang.L("Undone", map[string]string{"What": what.In(uiLang())}))
		})
	}, nil)
}

// columns lays objects out left to right at fixed widths, each as tall as
// the tallest.
type columns []float32

// Layout places the objects.
func (c columns) Layout(objs []fyne.CanvasObject, size fyne.Size) {
	x := float32(0)
	for i, o := range objs {
		w := float32(60)
		if i < len(c) {
			w = c[i]
		}
		o.Move(fyne.NewPos(x, 0))
		o.Resize(fyne.NewSize(w-2, size.Height))
		x += w
	}
}

// MinSize is the sum of the widths by the tallest object.
func (c columns) MinSize(objs []fyne.CanvasObject) fyne.Size {
	var w, h float32
	for i, o := range objs {
		if i < len(c) {
			w += c[i]
		} else {
			w += 60
		}
		h = max(h, o.MinSize().Height)
	}
	return fyne.NewSize(w, h)
}

// formRow lays label–field pairs in one row: labels at their own width,
// fields sharing what is left.
type formRow struct{}

// Layout places the pairs.
func (formRow) Layout(objs []fyne.CanvasObject, size fyne.Size) {
	var labels float32
	for i := 0; i < len(objs); i += 2 {
		labels += objs[i].MinSize().Width
	}
	field := (size.Width - labels) / float32(max(len(objs)/2, 1))
	x := float32(0)
	for i, o := range objs {
		w := field
		if i%2 == 0 {
			w = o.MinSize().Width
		}
		o.Move(fyne.NewPos(x, 0))
		o.Resize(fyne.NewSize(w, size.Height))
		x += w
	}
}

// MinSize is the labels' width plus a small width for each field.
func (formRow) MinSize(objs []fyne.CanvasObject) fyne.Size {
	var w, h float32
	for i, o := range objs {
		m := o.MinSize()
		if i%2 == 0 {
			w += m.Width
		} else {
			w += 80
		}
		h = max(h, m.Height)
	}
	return fyne.NewSize(w, h)
}
