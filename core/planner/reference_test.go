package planner

import (
	"sort"

	"railair.app/railair/core/timetable"
)

// This file is the reference planner: slow and obviously correct. It
// enumerates every journey a query allows by depth-first search over runs
// and their stops, written from the rules of the product design without
// any of the fast planner's code.

// refJourney is a journey's key values.
type refJourney struct {
	dep, arr  int
	fare      int64
	transfers int
}

// refAll returns every journey of q in t with at most maxLegs legs.
func refAll(t *timetable.Timetable, q Query, maxLegs int) []refJourney {
	cityOf := map[string]string{}
	transfer := map[string]int{}
	for _, s := range t.Stations {
		cityOf[s.Name] = s.City
		transfer[s.Name] = s.TransferMin
	}
	cityTransfer := map[string]int{}
	isCity := map[string]bool{}
	for _, c := range t.Cities {
		cityTransfer[c.Name] = c.TransferMin
		isCity[c.Name] = true
	}
	in := func(name string) func(station string) bool {
		if isCity[name] {
			return func(st string) bool { return cityOf[st] == name }
		}
		return func(st string) bool { return st == name }
	}
	isOrigin, isDest := in(q.From), in(q.To)
	horizon := q.Horizon
	if horizon == 0 {
		horizon = DefaultHorizon
	}
	after := int(q.After)
	end := after + horizon
	lastBoard := end
	if q.By == Duration || q.By == All {
		lastBoard = after + timetable.MinutesPerDay - 1
	}
	// Runs: every service on every day it leaves its first stop, from
	// enough days back to catch multi-day trains.
	type run struct {
		sv    *timetable.Service
		shift int
		id    int
	}
	var runs []run
	for k := -8; k <= end/timetable.MinutesPerDay; k++ {
		for i := range t.Services {
			sv := &t.Services[i]
			if sv.RunsOn(q.Date+timetable.Date(k)) && q.Modes.allows(sv.Mode) {
				runs = append(runs, run{sv, k * timetable.MinutesPerDay, len(runs)})
			}
		}
	}
	var out []refJourney
	var search func(at string, ready int, lastRun, legs, dep int, fare int64)
	search = func(at string, arrived int, lastRun, legs, dep int, fare int64) {
		for _, r := range runs {
			if r.id == lastRun {
				continue
			}
			for i := 0; i+1 < len(r.sv.Stops); i++ {
				st := r.sv.Stops[i]
				d := int(st.Depart) + r.shift
				if legs == 0 {
					if !isOrigin(st.Station) || d < after || d > lastBoard {
						continue
					}
				} else {
					switch {
					case st.Station == at:
						if d < arrived+transfer[at] {
							continue
						}
					case cityOf[st.Station] == cityOf[at]:
						if d < arrived+cityTransfer[cityOf[at]] {
							continue
						}
					default:
						continue
					}
				}
				for j := i + 1; j < len(r.sv.Stops); j++ {
					a := int(r.sv.Stops[j].Arrive) + r.shift
					if a > end {
						break
					}
					legFare, ok := refLegFare(r.sv, i, j, q.Class)
					if !ok {
						continue
					}
					first := dep
					if legs == 0 {
						first = d
					}
					to := r.sv.Stops[j].Station
					if isDest(to) {
						out = append(out, refJourney{first, a, fare + legFare, legs})
						continue
					}
					if legs+1 < maxLegs {
						search(to, a, r.id, legs+1, first, fare+legFare)
					}
				}
			}
		}
	}
	search("", 0, -1, 0, 0, 0)
	return out
}

// refLegFare is the fare of riding sv from stop i to stop j: in class if
// given, else the cheapest class sold on every section between them.
func refLegFare(sv *timetable.Service, i, j int, class string) (int64, bool) {
	best, found := int64(0), false
	for c := range sv.Stops[i+1].Fares {
		if class != "" && c != class {
			continue
		}
		var sum int64
		ok := true
		for k := i + 1; k <= j; k++ {
			f, sold := sv.Stops[k].Fares[c]
			if !sold {
				ok = false
				break
			}
			sum += int64(f)
		}
		if ok && (!found || sum < best) {
			best, found = sum, true
		}
	}
	return best, found
}

// refKey is what a criterion compares, in order.
func refKey(by Criterion, j refJourney) []int64 {
	switch by {
	case Duration:
		return []int64{int64(j.arr - j.dep), int64(j.arr), int64(j.transfers), j.fare}
	case Fare:
		return []int64{j.fare, int64(j.arr), int64(j.transfers)}
	case Transfers:
		return []int64{int64(j.transfers), int64(j.arr), j.fare}
	default:
		return []int64{int64(j.arr), int64(j.transfers), j.fare, -int64(j.dep)}
	}
}

func keyLess(a, b []int64) bool {
	for i := range a {
		if a[i] != b[i] {
			return a[i] < b[i]
		}
	}
	return false
}

// refAnswer is the reference's answer: the best journey's key for a single
// criterion, or the sorted Pareto set for All.
func refAnswer(q Query, js []refJourney) [][]int64 {
	dayEnd := int(q.After) + timetable.MinutesPerDay
	if q.By == All {
		// Each distinct journey once: routes through sections of no time
		// can give very many equal ones.
		var in []refJourney
		seen := map[refJourney]bool{}
		for _, j := range js {
			if j.dep < dayEnd && !seen[j] {
				seen[j] = true
				in = append(in, j)
			}
		}
		set := map[refJourney]bool{}
		for _, a := range in {
			dominated := false
			for _, b := range in {
				if b != a && b.dep >= a.dep && b.arr <= a.arr && b.fare <= a.fare && b.transfers <= a.transfers {
					dominated = true
					break
				}
			}
			if !dominated {
				set[a] = true
			}
		}
		var out [][]int64
		for j := range set {
			out = append(out, []int64{int64(j.dep), int64(j.arr), j.fare, int64(j.transfers)})
		}
		sort.Slice(out, func(i, j int) bool { return keyLess(out[i], out[j]) })
		return out
	}
	var best []int64
	for _, j := range js {
		if q.By == Duration && j.dep >= dayEnd {
			continue
		}
		if k := refKey(q.By, j); best == nil || keyLess(k, best) {
			best = k
		}
	}
	if best == nil {
		return nil
	}
	return [][]int64{best}
}
