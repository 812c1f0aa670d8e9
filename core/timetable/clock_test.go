package timetable

import (
	"testing"
)

func TestParseClock(t *testing.T) {
	tests := []struct {
		in   string
		want Minutes
		ok   bool
	}{
		{"08:00", 480, true},
		{"8:05", 485, true},
		{"00:00", 0, true},
		{"23:59", 1439, true},
		{"24:08", 1448, true},
		{"25:10", 1510, true},
		{"43:35", 2615, true},
		{"08：30", 510, true},
		{" 09:15 ", 555, true},
		{"09:15:00", 555, true},
		{"25:61", NoTime, false},
		{"09:15:30", NoTime, false},
		{"9:5", NoTime, false},
		{"", NoTime, false},
		{"-1:00", NoTime, false},
		{"+1:00", NoTime, false},
		{"1:+1", NoTime, false},
		{"abc", NoTime, false},
		{"200:00", NoTime, false},
		{"12", NoTime, false},
	}
	for _, tt := range tests {
		t.Run(tt.in, func(t *testing.T) {
			got, err := ParseClock(tt.in)
			if (err == nil) != tt.ok || got != tt.want {
				t.Errorf("ParseClock(%q) = %v, %v; want %v, ok=%v", tt.in, got, err, tt.want, tt.ok)
			}
		})
	}
}

func TestMinutesFormat(t *testing.T) {
	tests := []struct {
		m                Minutes
		clock, tod, text string
	}{
		{485, "08:05", "08:05", "08:05"},
		{1448, "24:08", "00:08", "00:08+1"},
		{2615, "43:35", "19:35", "19:35+1"},
		{NoTime, "", "", "—"},
	}
	for _, tt := range tests {
		if got := tt.m.Clock(); got != tt.clock {
			t.Errorf("%d.Clock() = %q, want %q", tt.m, got, tt.clock)
		}
		if got := tt.m.TimeOfDay(); got != tt.tod {
			t.Errorf("%d.TimeOfDay() = %q, want %q", tt.m, got, tt.tod)
		}
		if got := tt.m.String(); got != tt.text {
			t.Errorf("%d.String() = %q, want %q", tt.m, got, tt.text)
		}
	}
}

// FuzzParseClock checks that whatever ParseClock accepts formats back to a
// text it reads as the same time.
func FuzzParseClock(f *testing.F) {
	for _, s := range []string{"08:00", "24:08", "25:61", "9:5", "08：30", "09:15:00", ""} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		m, err := ParseClock(s)
		if err != nil {
			if m != NoTime {
				t.Fatalf("ParseClock(%q) failed but returned %d", s, m)
			}
			return
		}
		if m < 0 {
			t.Fatalf("ParseClock(%q) = %d, negative", s, m)
		}
		back, err := ParseClock(m.Clock())
		if err != nil || back != m {
			t.Fatalf("ParseClock(%q) = %d, but its Clock %q reads as %d, %v", s, m, m.Clock(), back, err)
		}
	})
}

func TestParseWeekdays(t *testing.T) {
	tests := []struct {
		in   string
		want string
		ok   bool
	}{
		{"1234567", "1234567", true},
		{"135", "135", true},
		{"7531", "1357", true},
		{"每日", "1234567", true},
		{"daily", "1234567", true},
		{"", "", false},
		{"0", "", false},
		{"8", "", false},
		{"113", "", false},
		{"1,3", "", false},
	}
	for _, tt := range tests {
		w, err := ParseWeekdays(tt.in)
		if (err == nil) != tt.ok || (tt.ok && w.String() != tt.want) {
			t.Errorf("ParseWeekdays(%q) = %v, %v; want %q, ok=%v", tt.in, w, err, tt.want, tt.ok)
		}
	}
}

func FuzzParseWeekdays(f *testing.F) {
	for _, s := range []string{"1234567", "135", "每日", "113", "8"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		w, err := ParseWeekdays(s)
		if err != nil {
			return
		}
		if w == 0 || w&^EveryDay != 0 {
			t.Fatalf("ParseWeekdays(%q) = %b", s, w)
		}
		back, err := ParseWeekdays(w.String())
		if err != nil || back != w {
			t.Fatalf("round trip of %q: %v → %q → %v, %v", s, w, w.String(), back, err)
		}
	})
}

func TestDates(t *testing.T) {
	d, err := ParseDate("2026-12-01")
	if err != nil {
		t.Fatal(err)
	}
	if d.String() != "2026-12-01" || d.Weekday() != 2 {
		t.Errorf("2026-12-01 = %s, weekday %d; want a Tuesday (2)", d, d.Weekday())
	}
	for _, s := range []string{"2026/12/01", "2026.12.1"} {
		if e, err := ParseDate(s); err != nil || e != d {
			t.Errorf("ParseDate(%q) = %v, %v; want %v", s, e, err, d)
		}
	}
	for _, s := range []string{"", "2026-13-01", "01-12-2026", "1800-01-01"} {
		if _, err := ParseDate(s); err == nil {
			t.Errorf("ParseDate(%q) succeeded", s)
		}
	}
	sv := Service{Days: 0b0000001, First: d, Last: d + 14} // Mondays
	for _, tt := range []struct {
		day  Date
		runs bool
	}{{d - 1, false}, {d + 6, true}, {d + 13, true}, {d + 20, false}, {d, false}} {
		if got := sv.RunsOn(tt.day); got != tt.runs {
			t.Errorf("RunsOn(%s) = %v, want %v", tt.day, got, tt.runs)
		}
	}
}

func TestParseFare(t *testing.T) {
	tests := []struct {
		in   string
		want Fare
		ok   bool
	}{
		{"553", 55300, true},
		{"553.5", 55350, true},
		{"12.05", 1205, true},
		{"0", 0, true},
		{"-1", 0, false},
		{"1e3", 0, false},
		{"abc", 0, false},
		{"1.005", 0, false},
		{"NaN", 0, false},
		{"", 0, false},
	}
	for _, tt := range tests {
		got, err := ParseFare(tt.in)
		if (err == nil) != tt.ok || (tt.ok && got != tt.want) {
			t.Errorf("ParseFare(%q) = %v, %v; want %v, ok=%v", tt.in, got, err, tt.want, tt.ok)
		}
	}
	for _, f := range []Fare{55300, 55350, 1205, 0, 7} {
		back, err := ParseFare(f.String())
		if err != nil || back != f {
			t.Errorf("ParseFare(%v.String()=%q) = %v, %v", int64(f), f.String(), back, err)
		}
	}
}

func FuzzParseFare(f *testing.F) {
	for _, s := range []string{"553", "553.5", "12.05", "-1", "1e3"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		v, err := ParseFare(s)
		if err != nil {
			return
		}
		if v < 0 {
			t.Fatalf("ParseFare(%q) = %d, negative", s, v)
		}
		back, err := ParseFare(v.String())
		if err != nil || back != v {
			t.Fatalf("ParseFare(%q) = %d; String %q reads as %d, %v", s, v, v.String(), back, err)
		}
	})
}

func TestOnDay(t *testing.T) {
	tests := []struct {
		clock     Minutes
		day       int
		prev, out Minutes
	}{
		{480, -1, NoTime, 480},              // first time of a service
		{480, 0, NoTime, 480},               // 天 0
		{480, 1, NoTime, 1920},              // 天 1
		{1448, 0, 1436, 1448},               // 24:08 on 天 0 stays 24:08
		{8, -1, 1436, 1448},                 // 00:08 after 23:56: the next day
		{600, -1, 600, 600},                 // the same time: no day added
		{599, -1, 600, 599 + MinutesPerDay}, // one minute earlier: a day later
		{60, -1, 3000, 60 + 3*MinutesPerDay},
	}
	for _, tt := range tests {
		if got := OnDay(tt.clock, tt.day, tt.prev); got != tt.out {
			t.Errorf("OnDay(%d, %d, %d) = %d, want %d", tt.clock, tt.day, tt.prev, got, tt.out)
		}
	}
}

func TestRowDayAndClockOn(t *testing.T) {
	tests := []struct {
		stop           Stop
		day            int
		arrive, depart string
	}{
		{Stop{Arrive: NoTime, Depart: 540}, 0, "", "09:00"},         // first stop
		{Stop{Arrive: 1436, Depart: 1448}, 0, "23:56", "24:08"},     // left after midnight
		{Stop{Arrive: 1441 + 1440, Depart: NoTime}, 2, "00:01", ""}, // last stop, two days on
		{Stop{Arrive: NoTime, Depart: NoTime}, 0, "", ""},           // no times at all
	}
	for _, tt := range tests {
		day := tt.stop.RowDay()
		if day != tt.day || tt.stop.Arrive.ClockOn(day) != tt.arrive || tt.stop.Depart.ClockOn(day) != tt.depart {
			t.Errorf("%+v: day %d, %q, %q; want %d, %q, %q", tt.stop, day, tt.stop.Arrive.ClockOn(day), tt.stop.Depart.ClockOn(day), tt.day, tt.arrive, tt.depart)
		}
	}
}
