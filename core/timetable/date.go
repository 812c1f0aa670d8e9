package timetable

import (
	"time"

	"railair.app/railair/core/locale"
)

// Date is a calendar date counted in days, with the zero Date meaning "no
// date" (an open first or last date). Use [NewDate] or [ParseDate].
type Date int32

// epoch is day 1; any real date is positive.
var epoch = time.Date(1899, 12, 31, 0, 0, 0, 0, time.UTC)

// NewDate returns the Date of the given calendar day.
func NewDate(year int, month time.Month, day int) Date {
	t := time.Date(year, month, day, 0, 0, 0, 0, time.UTC)
	return Date(t.Sub(epoch).Hours() / 24)
}

// DateOf returns the calendar day of t in t's location.
func DateOf(t time.Time) Date {
	y, m, d := t.Date()
	return NewDate(y, m, d)
}

// ParseDate reads "2006-01-02" (also "2006/01/02" and "2006.01.02").
func ParseDate(s string) (Date, error) {
	for _, layout := range []string{"2006-01-02", "2006/01/02", "2006.01.02", "2006-1-2", "2006/1/2", "2006.1.2"} {
		if t, err := time.Parse(layout, s); err == nil {
			if t.Year() < 1900 || t.Year() > 2999 {
				break
			}
			return DateOf(t), nil
		}
	}
	return 0, locale.Errorf("%q 不是日期 YYYY-MM-DD", "%q is not a date YYYY-MM-DD", s)
}

// Time returns midnight UTC of d.
func (d Date) Time() time.Time { return epoch.AddDate(0, 0, int(d)) }

// String formats d as "2006-01-02", or "" for the zero Date.
func (d Date) String() string {
	if d == 0 {
		return ""
	}
	return d.Time().Format("2006-01-02")
}

// Weekday returns d's day of the week, 1 = Monday … 7 = Sunday.
func (d Date) Weekday() int {
	w := int(d.Time().Weekday())
	if w == 0 {
		return 7
	}
	return w
}

// Weekdays is a set of days of the week a service leaves its first stop;
// bit 0 is Monday. The zero value is never valid; [EveryDay] is the default.
type Weekdays uint8

// EveryDay is the set of all seven days.
const EveryDay Weekdays = 0x7f

// ParseWeekdays reads a 班期 such as "1234567" or "135": the digits 1 (Monday)
// to 7 (Sunday), each at most once. "每日", "每天" and "daily" mean every day.
func ParseWeekdays(s string) (Weekdays, error) {
	switch s {
	case "每日", "每天", "daily", "Daily", "DAILY":
		return EveryDay, nil
	}
	var w Weekdays
	for _, r := range s {
		if r < '1' || r > '7' {
			return 0, locale.Errorf("%q 不是班期：应为数字 1（周一）到 7（周日）", "%q is not a 班期: digits 1 (Monday) to 7 (Sunday)", s)
		}
		bit := Weekdays(1) << (r - '1')
		if w&bit != 0 {
			return 0, locale.Errorf("%q 重复了 %c", "%q repeats day %c", s, r)
		}
		w |= bit
	}
	if w == 0 {
		return 0, locale.Errorf("%q 不是班期：应为数字 1（周一）到 7（周日）", "%q is not a 班期: digits 1 (Monday) to 7 (Sunday)", s)
	}
	return w, nil
}

// Has reports whether weekday (1 = Monday … 7 = Sunday) is in w.
func (w Weekdays) Has(weekday int) bool { return w&(1<<(weekday-1)) != 0 }

// String formats w as its digits in order, e.g. "1234567".
func (w Weekdays) String() string {
	var b []byte
	for d := 1; d <= 7; d++ {
		if w.Has(d) {
			b = append(b, byte('0'+d))
		}
	}
	return string(b)
}
