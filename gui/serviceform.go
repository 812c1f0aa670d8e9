package gui

import (
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"

	"railair.app/railair/core/locale"
	"railair.app/railair/core/timetable"
)

// serviceForm is a service as the timetable editor holds it: the text of
// every cell as typed, one row a stop, in the workbook's shape (a row's two
// times are its 天 × 24 h plus their clock, which may pass 24:00). It turns
// into a Service only when every cell reads and the whole validates.
type serviceForm struct {
	Mode              timetable.Mode
	Code, Category    string
	Days, First, Last string
	Classes           []string // the seat-class columns, in order
	Rows              []stopRow
	original          string // the code the service had when loaded; "" for a new one
}

// stopRow is one stop's cells. Fares holds one cell per form class.
type stopRow struct {
	Station, Arrive, Depart, Day, Km string
	Fares                            []string
}

// fieldDay names a row's 天 cell; the other cells use timetable's fields.
const fieldDay timetable.Field = "day"

// cellKey names one cell of the form: a row and field (and class, for a
// fare), or Row -1 for the service's own fields.
type cellKey struct {
	Row   int
	Field timetable.Field
	Class string
}

// cellError is what is wrong in one cell.
type cellError struct {
	cellKey
	locale.Text
}

// formOf fills a form from a service.
func formOf(sv *timetable.Service) *serviceForm {
	f := &serviceForm{Mode: sv.Mode, Code: sv.Code, Category: sv.Category, Days: sv.Days.String(),
		Classes: sv.Classes(), original: sv.Code}
	if sv.First != 0 {
		f.First = sv.First.String()
	}
	if sv.Last != 0 {
		f.Last = sv.Last.String()
	}
	for _, st := range sv.Stops {
		day := st.RowDay()
		r := stopRow{Station: st.Station, Arrive: st.Arrive.ClockOn(day), Depart: st.Depart.ClockOn(day),
			Day: strconv.Itoa(day), Fares: make([]string, len(f.Classes))}
		if st.Km != 0 {
			r.Km = strconv.FormatFloat(st.Km, 'f', -1, 64)
		}
		for i, c := range f.Classes {
			if v, ok := st.Fares[c]; ok {
				r.Fares[i] = v.String()
			}
		}
		f.Rows = append(f.Rows, r)
	}
	return f
}

// newForm is the form for a new train or flight: two empty stops and the
// mode's usual classes.
func newForm(mode timetable.Mode) *serviceForm {
	f := &serviceForm{Mode: mode, Days: timetable.EveryDay.String(), Classes: []string{"二等座", "一等座"}}
	if mode == timetable.Flight {
		f.Classes = []string{"经济舱"}
	}
	for range 2 {
		f.Rows = append(f.Rows, stopRow{Fares: make([]string, len(f.Classes))})
	}
	return f
}

// clone copies the form deeply, for undo.
func (f *serviceForm) clone() *serviceForm {
	c := *f
	c.Classes = append([]string(nil), f.Classes...)
	c.Rows = make([]stopRow, len(f.Rows))
	for i, r := range f.Rows {
		r.Fares = append([]string(nil), r.Fares...)
		c.Rows[i] = r
	}
	return &c
}

// insertRow adds an empty stop before row i (i == len(Rows) appends).
func (f *serviceForm) insertRow(i int) {
	f.Rows = append(f.Rows, stopRow{})
	copy(f.Rows[i+1:], f.Rows[i:])
	f.Rows[i] = stopRow{Fares: make([]string, len(f.Classes))}
}

// removeRow deletes stop i.
func (f *serviceForm) removeRow(i int) { f.Rows = append(f.Rows[:i], f.Rows[i+1:]...) }

// moveRow swaps stop i with stop i+d (d is -1 or +1) where both exist.
func (f *serviceForm) moveRow(i, d int) {
	if j := i + d; i >= 0 && j >= 0 && i < len(f.Rows) && j < len(f.Rows) {
		f.Rows[i], f.Rows[j] = f.Rows[j], f.Rows[i]
	}
}

// addClass adds a seat-class column; it reports false if the name is empty
// or already a column.
func (f *serviceForm) addClass(name string) bool {
	name = strings.TrimSpace(name)
	if name == "" {
		return false
	}
	for _, c := range f.Classes {
		if c == name {
			return false
		}
	}
	f.Classes = append(f.Classes, name)
	for i := range f.Rows {
		f.Rows[i].Fares = append(f.Rows[i].Fares, "")
	}
	return true
}

// removeClass deletes seat-class column k.
func (f *serviceForm) removeClass(k int) {
	f.Classes = append(f.Classes[:k], f.Classes[k+1:]...)
	for i := range f.Rows {
		f.Rows[i].Fares = append(f.Rows[i].Fares[:k], f.Rows[i].Fares[k+1:]...)
	}
}

// service reads the form. It returns the service and every problem, each at
// its cell: cells that do not read (a time that is not HH:MM) and then what
// timetable.ValidateService finds in the rest, with stations looked up
// through station. The service is fit to save only when no problem is
// returned.
func (f *serviceForm) service(station func(string) (*timetable.Station, bool)) (timetable.Service, []cellError) {
	var errs []cellError
	bad := map[cellKey]bool{}
	add := func(k cellKey, t locale.Text) {
		if !bad[k] {
			bad[k] = true
			errs = append(errs, cellError{k, t})
		}
	}
	sv := timetable.Service{Mode: f.Mode, Code: strings.TrimSpace(f.Code), Category: strings.TrimSpace(f.Category), Days: timetable.EveryDay}
	if sv.Code == "" {
		add(cellKey{-1, timetable.FieldName, ""}, locale.Textf("车次/航班号为空", "the service code is empty"))
	}
	if sv.Category == "" {
		sv.Category = defaultCategory(f.Mode, sv.Code)
	}
	read := func(k cellKey, text string, parse func(string) error) {
		if strings.TrimSpace(text) == "" {
			return
		}
		if err := parse(text); err != nil {
			add(k, locale.Text{Zh: locale.Message(err, locale.Chinese), En: locale.Message(err, locale.English)})
		}
	}
	read(cellKey{-1, timetable.FieldDays, ""}, f.Days, func(s string) (err error) { sv.Days, err = timetable.ParseWeekdays(s); return })
	read(cellKey{-1, timetable.FieldFirst, ""}, f.First, func(s string) (err error) { sv.First, err = timetable.ParseDate(strings.TrimSpace(s)); return })
	read(cellKey{-1, timetable.FieldLast, ""}, f.Last, func(s string) (err error) { sv.Last, err = timetable.ParseDate(strings.TrimSpace(s)); return })
	prev := timetable.NoTime
	for i, r := range f.Rows {
		st := timetable.Stop{Station: strings.TrimSpace(r.Station), Arrive: timetable.NoTime, Depart: timetable.NoTime}
		day := -1
		read(cellKey{i, fieldDay, ""}, r.Day, func(s string) error {
			d, err := strconv.Atoi(strings.TrimSpace(s))
			if err != nil || d < 0 || d > 7 {
				return locale.Errorf("%q 应为 0 到 7 的天数", "%q is not a day offset from 0 to 7", s)
			}
			day = d
			return nil
		})
		for _, c := range []struct {
			text  string
			field timetable.Field
			out   *timetable.Minutes
		}{{r.Arrive, timetable.FieldArrive, &st.Arrive}, {r.Depart, timetable.FieldDepart, &st.Depart}} {
			read(cellKey{i, c.field, ""}, c.text, func(s string) error {
				m, err := timetable.ParseClock(s)
				if err != nil {
					return err
				}
				*c.out = timetable.OnDay(m, day, prev)
				prev = *c.out
				return nil
			})
		}
		read(cellKey{i, timetable.FieldKm, ""}, r.Km, func(s string) error {
			v, err := strconv.ParseFloat(strings.TrimSpace(s), 64)
			if err != nil {
				return locale.Errorf("%q 不是里程（公里）", "%q is not a distance in km", s)
			}
			st.Km = v
			return nil
		})
		for k, c := range f.Classes {
			if k >= len(r.Fares) {
				break
			}
			read(cellKey{i, timetable.FieldFare, c}, r.Fares[k], func(s string) error {
				v, err := timetable.ParseFare(s)
				if err != nil {
					return err
				}
				if st.Fares == nil {
					st.Fares = map[string]timetable.Fare{}
				}
				st.Fares[c] = v
				return nil
			})
		}
		sv.Stops = append(sv.Stops, st)
	}
	for _, p := range timetable.ValidateService(&sv, station) {
		add(cellKey{p.Stop, p.Field, p.Class}, p.Text)
	}
	return sv, errs
}

// defaultCategory is the category of a service whose form leaves it empty:
// a train's leading letter (G1 → G; none for a number-only code) or a
// flight's airline.
func defaultCategory(m timetable.Mode, code string) string {
	if m == timetable.Flight {
		return timetable.AirlineOf(code)
	}
	r, _ := utf8.DecodeRuneInString(code)
	if unicode.IsLetter(r) {
		return strings.ToUpper(string(r))
	}
	return ""
}

// stationLookup finds the stations of t by name.
func stationLookup(t *timetable.Timetable) func(string) (*timetable.Station, bool) {
	byName := map[string]*timetable.Station{}
	for i := range t.Stations {
		byName[t.Stations[i].Name] = &t.Stations[i]
	}
	return func(name string) (*timetable.Station, bool) {
		s, ok := byName[name]
		return s, ok
	}
}
