package timetable

import (
	"fmt"
	"math"
	"strconv"
	"strings"

	"railair.app/railair/core/locale"
)

// Fare is an amount of money in fen (0.01 yuan).
type Fare int64

// Yuan returns f in yuan.
func Yuan(yuan float64) Fare { return Fare(math.Round(yuan * 100)) }

// ParseFare reads a non-negative amount in yuan with at most two decimals
// ("553", "553.5", "12.05").
func ParseFare(s string) (Fare, error) {
	t := strings.TrimSpace(s)
	v, err := strconv.ParseFloat(t, 64)
	if err != nil || math.IsNaN(v) || math.IsInf(v, 0) || strings.ContainsAny(t, "eExXpP_") {
		return 0, locale.Errorf("%q 不是金额（元）", "%q is not an amount of yuan", s)
	}
	if v < 0 {
		return 0, locale.Errorf("%q 为负数", "%q is negative", s)
	}
	if v > 1e7 {
		return 0, locale.Errorf("%q 超出票价范围", "%q is too large for a fare", s)
	}
	f := Fare(math.Round(v * 100))
	if math.Abs(float64(f)-v*100) > 1e-6*math.Max(1, v*100) {
		return 0, locale.Errorf("%q 多于两位小数", "%q has more than two decimals", s)
	}
	return f, nil
}

// YuanValue returns f as a number of yuan.
func (f Fare) YuanValue() float64 { return float64(f) / 100 }

// String formats f in yuan without needless decimals: "553", "553.5", "12.05".
func (f Fare) String() string {
	if f%100 == 0 {
		return strconv.FormatInt(int64(f/100), 10)
	}
	if f%10 == 0 {
		return fmt.Sprintf("%d.%d", f/100, (f%100)/10)
	}
	return fmt.Sprintf("%d.%02d", f/100, f%100)
}

// SeatClasses lists the usual seat classes in the order RailAir shows them.
// A timetable may use others; they sort after these, by name.
var SeatClasses = []string{
	"二等座", "一等座", "商务座", "特等座", "动卧", "硬座", "软座", "硬卧", "软卧", "高级软卧", "无座",
	"经济舱", "公务舱", "头等舱",
}

// ClassRank orders seat classes: the index in SeatClasses, or len(SeatClasses)
// for any other class.
func ClassRank(class string) int {
	for i, c := range SeatClasses {
		if c == class {
			return i
		}
	}
	return len(SeatClasses)
}

// ClassLess reports whether class a sorts before b.
func ClassLess(a, b string) bool {
	ra, rb := ClassRank(a), ClassRank(b)
	if ra != rb {
		return ra < rb
	}
	return a < b
}
