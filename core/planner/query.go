package planner

import (
	"fmt"
	"strings"

	"railair.app/railair/core/locale"
	"railair.app/railair/core/pinyin"
	"railair.app/railair/core/timetable"
)

// Criterion is what makes one journey better than another.
type Criterion uint8

const (
	// Arrival is 最快到达: earliest arrival; then fewer transfers, lower
	// fare, later departure.
	Arrival Criterion = iota
	// Duration is 最短耗时: least time from first departure to arrival among
	// journeys leaving within 24 h; then earlier arrival, fewer transfers,
	// lower fare.
	Duration
	// Fare is 最省钱: lowest fare; then earlier arrival, fewer transfers.
	Fare
	// Transfers is 最少中转: fewest transfers; then earlier arrival, lower fare.
	Transfers
	// All is 全部方案: every journey leaving within 24 h that no other beats
	// on departure, arrival, fare and transfers at once, by departure.
	All
)

var criterionNames = []string{"arrival", "duration", "fare", "transfers", "all"}

// String returns the criterion's command-line name.
func (c Criterion) String() string { return criterionNames[c] }

// ParseCriterion reads a command-line name: arrival, duration, fare,
// transfers or all.
func ParseCriterion(s string) (Criterion, error) {
	for i, n := range criterionNames {
		if n == s {
			return Criterion(i), nil
		}
	}
	return 0, locale.Errorf("未知的查询方式 %q（可用 arrival、duration、fare、transfers、all）",
		"unknown criterion %q (use arrival, duration, fare, transfers or all)", s)
}

// Modes says which services a journey may use.
type Modes uint8

const (
	// AnyMode allows trains and flights.
	AnyMode Modes = iota
	// TrainOnly allows trains.
	TrainOnly
	// FlightOnly allows flights.
	FlightOnly
)

// String returns the command-line name: any, train or flight.
func (m Modes) String() string { return [...]string{"any", "train", "flight"}[m] }

// ParseModes reads any, train or flight.
func ParseModes(s string) (Modes, error) {
	switch s {
	case "any", "":
		return AnyMode, nil
	case "train":
		return TrainOnly, nil
	case "flight":
		return FlightOnly, nil
	}
	return 0, locale.Errorf("未知的交通方式 %q（可用 train、flight、any）", "unknown mode %q (use train, flight or any)", s)
}

func (m Modes) allows(mode timetable.Mode) bool {
	switch m {
	case TrainOnly:
		return mode == timetable.Train
	case FlightOnly:
		return mode == timetable.Flight
	}
	return true
}

// DefaultHorizon is how long after the time asked a journey may arrive.
const DefaultHorizon = 72 * 60

// Query is a traveller's question.
type Query struct {
	From, To     string            // a city, or a station (that station only)
	Date         timetable.Date    // the day of After
	After        timetable.Minutes // leave at or after this time of Date
	By           Criterion
	Modes        Modes
	Class        string // a seat class to use on every leg; "" for each leg's cheapest
	MaxTransfers int    // at most this many transfers; negative for no limit
	Horizon      int    // minutes after After by which to arrive; 0 for DefaultHorizon
}

// Leg is one ride on one service.
type Leg struct {
	Service  string
	Mode     timetable.Mode
	Category string
	Class    string
	From, To string // stations
	FromCity string
	ToCity   string
	// Depart and Arrive are minutes after midnight of the query's date.
	Depart, Arrive timetable.Minutes
	Fare           timetable.Fare
	// FromStop and ToStop index the service's stops, for drawing the
	// stations passed.
	FromStop, ToStop int
	// Wait is the time between arriving from the previous leg and leaving
	// on this one (0 on the first leg); Change says how the traveller changed.
	Wait   int
	Change Change
}

// Change is how a traveller gets from one leg to the next.
type Change uint8

const (
	// NoChange is the first leg.
	NoChange Change = iota
	// SameStation is a change of service within one station (同站换乘).
	SameStation
	// CrossStation is a change between two stations of one city (同城换站).
	CrossStation
)

// String names the change: "", "same station" or "change of station".
func (c Change) String() string {
	return [...]string{"", "same station", "change of station"}[c]
}

// Journey is one way from the origin to the destination.
type Journey struct {
	Legs           []Leg
	Depart, Arrive timetable.Minutes // after midnight of the query's date
	Fare           timetable.Fare
	Transfers      int
}

// Duration returns the minutes from the first departure to the arrival.
func (j *Journey) Duration() int { return int(j.Arrive - j.Depart) }

// Result is the answer to a query.
type Result struct {
	Query    Query
	Journeys []Journey // one for a single criterion; the Pareto set for All
}

// UnknownPlaceError is returned for a name that is neither a city nor a
// station; Suggestions lists close names.
type UnknownPlaceError struct {
	Name        string
	Suggestions []string
}

func (e *UnknownPlaceError) Error() string { return e.In(locale.Chinese) }

// In describes the error in lang.
func (e *UnknownPlaceError) In(lang locale.Lang) string {
	if len(e.Suggestions) == 0 {
		return locale.Textf("找不到城市或车站 %q", "no city or station is called %q", e.Name).In(lang)
	}
	return locale.Textf("找不到城市或车站 %q；您是不是要找：%s", "no city or station is called %q; did you mean: %s",
		e.Name, strings.Join(e.Suggestions, "、")).In(lang)
}

// places resolves a name to stations: a city's (the city wins when a
// station has the same name), one station, or a city by its English name
// or pinyin.
func (n *Network) places(name string) ([]int32, int32, error) {
	if ci, ok := n.cityIndex[name]; ok {
		return n.cities[ci].stations, ci, nil
	}
	if si, ok := n.stationIndex[name]; ok {
		return []int32{si}, n.stations[si].city, nil
	}
	for _, c := range n.tt.Cities { // an English name or pinyin: beijing → 北京
		if c.NameEn != "" && strings.EqualFold(c.NameEn, strings.TrimSpace(name)) {
			ci := n.cityIndex[c.Name]
			return n.cities[ci].stations, ci, nil
		}
	}
	// The pinyin of a city whose English name is not its pinyin (wulumuqi →
	// 乌鲁木齐, Urumqi), if one city alone has it.
	typed, found := strings.ToLower(strings.TrimSpace(name)), int32(-1)
	for _, c := range n.tt.Cities {
		if full, _, ok := pinyin.Of(c.Name); ok && full == typed {
			if found >= 0 {
				found = -1
				break
			}
			found = n.cityIndex[c.Name]
		}
	}
	if found >= 0 {
		return n.cities[found].stations, found, nil
	}
	return nil, -1, &UnknownPlaceError{Name: name, Suggestions: n.Suggest(name, 8)}
}

// check validates the query's own fields.
func (q *Query) check() error {
	if q.Date == 0 {
		return locale.Errorf("缺少日期", "no date given")
	}
	if q.After < 0 || q.After >= timetable.MinutesPerDay {
		return locale.Errorf("出发时间 %d 不在 00:00 到 23:59 之间", "departure time %d is not between 00:00 and 23:59", q.After)
	}
	if q.Horizon < 0 || q.Horizon > 14*24*60 {
		return locale.Errorf("时限 %d 分钟无效（最多 14 天）", "horizon of %d minutes is not valid (at most 14 days)", q.Horizon)
	}
	if q.By > All {
		return fmt.Errorf("criterion %d", q.By)
	}
	return nil
}
