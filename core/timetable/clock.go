package timetable

import (
	"fmt"
	"strconv"
	"strings"

	"railair.app/railair/core/locale"
)

// Minutes is a time of a service as minutes after midnight of the day it
// leaves its first stop; it may exceed 24 h. NoTime marks an absent time
// (the first stop's arrival, the last stop's departure).
type Minutes int32

// NoTime is the absent time.
const NoTime Minutes = -1

// MinutesPerDay is the length of a day in minutes.
const MinutesPerDay = 24 * 60

// maxClockHours bounds the hour field of a clock text; a stop time past this
// many hours after the first departure is rejected as a typing error.
const maxClockHours = 24 * 8

// ParseClock reads "HH:MM" (or "H:MM", "HH:MM:SS" with zero seconds, or the
// full-width colon "："). The hour may pass 24 ("25:10" is 01:10 the next
// day). It returns an error for anything else, including empty text.
func ParseClock(s string) (Minutes, error) {
	t := strings.TrimSpace(strings.ReplaceAll(s, "：", ":"))
	parts := strings.Split(t, ":")
	if len(parts) == 3 && parts[2] == "00" {
		parts = parts[:2]
	}
	if len(parts) != 2 || len(parts[1]) != 2 || parts[0] == "" || len(parts[0]) > 3 {
		return NoTime, locale.Errorf("%q 不是时间 HH:MM", "%q is not a time HH:MM", s)
	}
	h, err1 := strconv.Atoi(parts[0])
	m, err2 := strconv.Atoi(parts[1])
	if err1 != nil || err2 != nil || h < 0 || m < 0 || m > 59 || h >= maxClockHours ||
		strings.ContainsAny(parts[0], "+-") || strings.ContainsAny(parts[1], "+-") {
		return NoTime, locale.Errorf("%q 不是时间 HH:MM", "%q is not a time HH:MM", s)
	}
	return Minutes(h*60 + m), nil
}

// Clock formats m as "HH:MM" with the hour unreduced (so 1450 is "24:10"),
// or "" for NoTime.
func (m Minutes) Clock() string {
	if m == NoTime {
		return ""
	}
	return fmt.Sprintf("%02d:%02d", m/60, m%60)
}

// Day returns the day offset of m (0 for the first day).
func (m Minutes) Day() int { return int(m) / MinutesPerDay }

// TimeOfDay returns m reduced to one day, formatted "HH:MM".
func (m Minutes) TimeOfDay() string {
	if m == NoTime {
		return ""
	}
	return (m % MinutesPerDay).Clock()
}

// String formats m as its time of day with a "+N" day mark where it falls on
// a later day ("08:05", "01:10+1").
func (m Minutes) String() string {
	if m == NoTime {
		return "—"
	}
	if d := m.Day(); d > 0 {
		return fmt.Sprintf("%s+%d", m.TimeOfDay(), d)
	}
	return m.TimeOfDay()
}

// OnDay places a clock time read from a timetable row (a workbook's or the
// stop editor's) on its day. With day ≥ 0 it is day × 24 h plus clock; with
// day < 0 (not given) it is the first time of that clock at or after prev,
// the time before it in the service, so each time is within 24 h after the
// one before. prev is NoTime at a service's first time.
func OnDay(clock Minutes, day int, prev Minutes) Minutes {
	if day >= 0 {
		return clock + Minutes(day*MinutesPerDay)
	}
	if prev != NoTime && clock < prev {
		return clock + Minutes((int(prev-clock)+MinutesPerDay-1)/MinutesPerDay*MinutesPerDay)
	}
	return clock
}

// ClockOn formats m as a clock time of the given day, so 00:08 on the day
// after reads "24:08"; NoTime is "".
func (m Minutes) ClockOn(day int) string {
	if m == NoTime {
		return ""
	}
	return (m - Minutes(day*MinutesPerDay)).Clock()
}
