package planner

import (
	"cmp"
	"slices"
	"strings"
	"unicode/utf8"

	"railair.app/railair/core/pinyin"
	"railair.app/railair/core/timetable"
)

// better orders journeys for a criterion: it reports whether a beats b.
func better(by Criterion, a, b *Journey) bool {
	type key [4]int64
	k := func(j *Journey) key {
		switch by {
		case Duration:
			return key{int64(j.Duration()), int64(j.Arrive), int64(j.Transfers), int64(j.Fare)}
		case Fare:
			return key{int64(j.Fare), int64(j.Arrive), int64(j.Transfers), 0}
		case Transfers:
			return key{int64(j.Transfers), int64(j.Arrive), int64(j.Fare), 0}
		default:
			return key{int64(j.Arrive), int64(j.Transfers), int64(j.Fare), -int64(j.Depart)}
		}
	}
	ka, kb := k(a), k(b)
	for i := range ka {
		if ka[i] != kb[i] {
			return ka[i] < kb[i]
		}
	}
	return false
}

// result turns the labels at the destination into the answer.
func (n *Network) result(s *scratch, q Query) *Result {
	res := &Result{Query: q}
	var all []Journey
	for _, t := range s.target {
		all = append(all, n.journey(s, t.li))
	}
	if q.By == All {
		dayEnd := q.After + timetable.MinutesPerDay
		var in []Journey
		for _, j := range all {
			if j.Depart < dayEnd {
				in = append(in, j)
			}
		}
		res.Journeys = pareto(in)
		return res
	}
	var best *Journey
	for i := range all {
		j := &all[i]
		if q.By == Duration && j.Depart >= q.After+timetable.MinutesPerDay {
			continue
		}
		if best == nil || better(q.By, j, best) {
			best = j
		}
	}
	if best != nil {
		res.Journeys = []Journey{*best}
	}
	return res
}

// pareto keeps the journeys no other beats on departure (later), arrival,
// fare and transfers, one of any that tie on all four, sorted by departure
// (then arrival, fare, transfers).
func pareto(js []Journey) []Journey {
	le := func(a, b *Journey) bool {
		return a.Depart >= b.Depart && a.Arrive <= b.Arrive && a.Fare <= b.Fare && a.Transfers <= b.Transfers
	}
	var out []Journey
	for i := range js {
		keep := true
		for j := range js {
			if i == j {
				continue
			}
			if le(&js[j], &js[i]) && (!le(&js[i], &js[j]) || j < i) {
				keep = false
				break
			}
		}
		if keep {
			out = append(out, js[i])
		}
	}
	// By departure, then arrival, fare and transfers: no two kept are equal
	// on all four, so the order does not depend on how they were found.
	slices.SortFunc(out, func(a, b Journey) int {
		return cmp.Or(cmp.Compare(a.Depart, b.Depart), cmp.Compare(a.Arrive, b.Arrive),
			cmp.Compare(a.Fare, b.Fare), cmp.Compare(a.Transfers, b.Transfers))
	})
	return out
}

// journey rebuilds the journey that ends in label li.
func (n *Network) journey(s *scratch, li int32) Journey {
	var legs []Leg
	for li >= 0 {
		l := &s.labels[li]
		sv := &n.services[l.svc]
		shift := timetable.Minutes(int(l.day) * timetable.MinutesPerDay)
		leg := Leg{
			Service: sv.code, Mode: sv.mode, Category: sv.category, Class: n.classes[l.class],
			From: n.stations[sv.stops[l.boardSeq]].name, To: n.stations[sv.stops[l.alightSeq]].name,
			Depart: timetable.Minutes(sv.times[l.boardSeq][1]) + shift, Arrive: timetable.Minutes(sv.times[l.alightSeq][0]) + shift,
			FromStop: int(l.boardSeq), ToStop: int(l.alightSeq),
			Fare: timetable.Fare(l.fare),
		}
		leg.FromCity = n.cities[n.stations[sv.stops[l.boardSeq]].city].name
		leg.ToCity = n.cities[n.stations[sv.stops[l.alightSeq]].city].name
		if l.parent >= 0 {
			leg.Fare -= timetable.Fare(s.labels[l.parent].fare)
		}
		legs = append(legs, leg)
		li = l.parent
	}
	for i, j := 0, len(legs)-1; i < j; i, j = i+1, j-1 {
		legs[i], legs[j] = legs[j], legs[i]
	}
	j := Journey{Legs: legs, Depart: legs[0].Depart, Arrive: legs[len(legs)-1].Arrive, Transfers: len(legs) - 1}
	for i := range legs {
		j.Fare += legs[i].Fare
		if i > 0 {
			legs[i].Wait = int(legs[i].Depart - legs[i-1].Arrive)
			legs[i].Change = CrossStation
			if legs[i].From == legs[i-1].To {
				legs[i].Change = SameStation
			}
		}
	}
	return j
}

// Suggest returns up to max city and station names close to what was
// typed: those it starts, those containing it (Chinese), and those whose
// English name, pinyin or pinyin initials it starts ("bj" → 北京, 宝鸡,
// 北京南; "wlmq" → 乌鲁木齐).
func (n *Network) Suggest(typed string, max int) []string {
	q := strings.ToLower(strings.TrimSpace(typed))
	if q == "" {
		return nil
	}
	var out []string
	seen := map[string]bool{}
	add := func(name string) {
		if !seen[name] && len(out) < max {
			seen[name] = true
			out = append(out, name)
		}
	}
	for _, c := range n.tt.Cities {
		en := strings.ToLower(c.NameEn)
		if strings.HasPrefix(c.Name, q) || strings.HasPrefix(en, q) || initials(en) == q || pinyin.Starts(c.Name, q) {
			add(c.Name)
		}
	}
	// Stations: first those of the cities suggested (bj: 北京南 before 八角台).
	cities := len(out)
	for pass := range 2 {
		for _, s := range n.stations {
			if slices.Contains(out[:cities], n.cities[s.city].name) == (pass == 0) &&
				(strings.HasPrefix(s.name, q) || pinyin.Starts(s.name, q)) {
				add(s.name)
			}
		}
	}
	if utf8.RuneCountInString(q) >= 1 && q[0] >= 0x80 {
		for _, c := range n.tt.Cities {
			if strings.Contains(c.Name, q) {
				add(c.Name)
			}
		}
	}
	return out
}

// initials returns the first letters of the pinyin syllables of a name
// written as one word ("beijing" → "bj"), by splitting before each
// syllable-initial consonant that follows a vowel or n/g ending.
func initials(py string) string {
	var b strings.Builder
	vowel := func(r byte) bool { return strings.IndexByte("aeiouv", r) >= 0 }
	for i := 0; i < len(py); i++ {
		c := py[i]
		if c < 'a' || c > 'z' {
			continue
		}
		if i == 0 {
			b.WriteByte(c)
			continue
		}
		p := py[i-1]
		// A consonant after a vowel starts a new syllable, except n or ng
		// closing the previous one (handled when the next letter is a
		// consonant or the end).
		if !vowel(c) && vowel(p) && !(c == 'n' && (i+1 == len(py) || !vowel(py[i+1]))) &&
			!(c == 'n' && i+1 < len(py) && py[i+1] == 'g' && (i+2 == len(py) || !vowel(py[i+2]))) {
			b.WriteByte(c)
		} else if !vowel(c) && p == 'g' && i >= 2 && py[i-2] == 'n' {
			b.WriteByte(c)
		} else if !vowel(c) && p == 'n' && i >= 1 && c != 'g' && !vowel(c) {
			b.WriteByte(c)
		}
	}
	return b.String()
}
