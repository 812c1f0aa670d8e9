// Package planner answers journey queries on a timetable: the fastest
// arrival, the shortest travel time, the cheapest fare, the fewest
// transfers, or every sensible option, by train, by plane or both.
//
// # Algorithm
//
// A timetable is compiled once into a [Network]: every section of every
// service becomes a connection (one stop to the next), sorted by departure.
// A query unrolls these over the days it can touch (overnight and multi-day
// services, operating days, first and last dates) and scans them in time
// order: the Connection Scan Algorithm (Dibbelt, Pajor, Strasser, Wagner,
// "Connection Scan Algorithm", 2018), in its multi-criteria form. It was
// chosen over RAPTOR and Trip-Based routing because it needs no
// preprocessing beyond one sort (edits recompile in milliseconds), its inner
// loop is a linear pass over a flat array, and it carries arbitrary
// criteria: each station keeps a Pareto set of labels (departure, arrival,
// legs, fare), each run a set of labels per seat class for the passengers
// aboard, so a leg's fare is exactly its cheapest class offered on every
// section, and labels that the best answers found so far dominate are
// dropped (target pruning). Boarding offers no label in a class that another
// class of the section outdoes for the rest of the service (sold as far,
// never dearer), so services that sell their classes at fixed ratios give
// one label per boarding, not one per class.
//
// Each criterion first narrows what the multi-criteria scan must visit:
//
//   - arrival: an earliest-arrival scan (plain CSA, following every rule
//     below) finds the answer's arrival; with a transfer limit, the same
//     scan keeps a level per number of legs, the rounds of RAPTOR in one
//     pass. A scan backwards from the destination, over only the
//     connections of the runs that forward scan had anyone aboard (it lists
//     them), then keeps those that still reach the destination by that
//     arrival, and the station deadlines for it; the multi-criteria scan,
//     with the departure among its criteria for the last tie-break, visits
//     only those.
//   - transfers: the per-legs scan, asked for the least legs the bounds
//     allow and then one more at a time, gives the fewest legs and their
//     earliest arrival; the same backward corridor leaves the fare to the
//     multi-criteria scan.
//   - fare: scans within a budget, first the least fare the bounds allow,
//     then a little more, drop riders as soon as they would pay more; the
//     first scan that finds a journey has found the cheapest.
//   - duration: the backward corridor with the horizon as deadline.
//   - all: the same corridor, and on it a backward profile scan (the
//     profile Connection Scan with transfer times and classes relaxed)
//     gives, for a rider aboard each connection and a traveller in each
//     city from each time on, a lower bound on the arrival that counts the
//     waits. The multi-criteria scan then runs by ranges of an hour of
//     departures from the origin, latest first, as rRAPTOR does: the
//     stations' labels and the journeys found stay from range to range,
//     and since everything they hold leaves later, they drop, with those
//     bounds, most labels of the earlier ranges as soon as they appear.
//
// The bounds are lower bounds on the riding time, legs and fare still to
// come, searched backwards from the destination on the cities (Dijkstra on
// the cheapest and fastest section between each two cities, and a breadth
// first search on "one service goes from here to there"), so they cost
// tens of microseconds per destination.
//
// The rules are those of the product design: staying aboard is not a
// transfer; changing service at a station takes its minimum transfer time,
// between two stations of one city the city's; no transfer time at the
// origin or the destination; a journey never leaves a run and boards the
// same run again on its next leg (station labels remember their run, and a
// label is dropped only when another of the same run, or two of different
// runs, dominate it).
package planner

import (
	"math"
	"sort"
	"sync"

	"railair.app/railair/core/timetable"
)

// Network is a compiled, read-only timetable, shared by concurrent queries.
// Compile a new one after an edit.
type Network struct {
	tt       *timetable.Timetable
	stations []station
	cities   []city
	services []service
	conns    []conn // sorted by departure, then arrival, service and section
	fares    []fareEntry
	classes  []string
	// classSets holds each distinct set of classes some connection sells,
	// a bit per class; classBits is false when they do not fit (more than
	// 64 classes or 65,536 sets) and the earliest-arrival scans are not used.
	classSets []uint64
	classBits bool

	stationIndex map[string]int32
	serviceIndex map[string]int32
	cityIndex    map[string]int32
	maxSpanDays  int // the most days a service runs past its first day

	// changes lists, per station, where a traveller arriving there may
	// board next, and how long after arriving: changes[changeAt[st]:changeAt[st+1]].
	changes  []change
	changeAt []int32

	linksTo [][]cityLink // per city, the sections arriving there from other cities, at their least
	ridesTo [][]cityRide // per city, the cities from which one service reaches it

	scratch   sync.Pool                        // query buffers (*scratch), reused across queries
	running   *cache[timetable.Date, []uint64] // per date, a bit per service that leaves its first stop that day
	bounds    *cache[string, *bounds]          // per destination, see boundsFor
	timelines *cache[timetable.Date, []event]  // per query date, the events of the runs around it
}

type station struct {
	name     string
	city     int32
	transfer int32
}

type city struct {
	name      string
	transfer  int32
	stations  []int32
	departing []int32 // the stations some connection leaves from
}

type service struct {
	code        string
	mode        timetable.Mode
	category    string
	days        timetable.Weekdays
	first, last timetable.Date
	stops       []int32 // station of each stop
	times       [][2]int32
}

// conn is a section of a service, from one stop to the next, in minutes
// after midnight of the service's first day.
type conn struct {
	dep, arr int32
	from, to int32 // stations
	svc      int32
	seq      int16 // index of the section's first stop
	mode     timetable.Mode
	fareN    uint8
	fareOff  int32  // fares[fareOff:fareOff+fareN]
	classSet uint16 // the classes sold: classSets[classSet]
}

type fareEntry struct {
	class int16
	// outdone says that another class of the section is sold on every
	// later section of the service where this one is, never dearer: a
	// traveller boarding here never needs this class (see outdo).
	outdone bool
	fen     int64
}

// Compile builds the network of t, which must be valid (see
// timetable.Validate). t must not change afterwards.
func Compile(t *timetable.Timetable) *Network {
	n := &Network{tt: t, classBits: true, stationIndex: map[string]int32{}, serviceIndex: map[string]int32{}, cityIndex: map[string]int32{},
		running: newCache[timetable.Date, []uint64](64), bounds: newCache[string, *bounds](256),
		timelines: newCache[timetable.Date, []event](16)}
	for _, c := range t.Cities {
		n.cityIndex[c.Name] = int32(len(n.cities))
		n.cities = append(n.cities, city{name: c.Name, transfer: int32(c.TransferMin)})
	}
	for _, s := range t.Stations {
		id := int32(len(n.stations))
		ci := n.cityIndex[s.City]
		n.stationIndex[s.Name] = id
		n.stations = append(n.stations, station{name: s.Name, city: ci, transfer: int32(s.TransferMin)})
		n.cities[ci].stations = append(n.cities[ci].stations, id)
	}
	setIndex := map[uint64]uint16{}
	classIndex := map[string]int16{}
	for _, c := range t.Classes() {
		classIndex[c] = int16(len(n.classes))
		n.classes = append(n.classes, c)
	}
	for si := range t.Services {
		sv := &t.Services[si]
		s := service{code: sv.Code, mode: sv.Mode, category: sv.Category, days: sv.Days, first: sv.First, last: sv.Last}
		for _, st := range sv.Stops {
			s.stops = append(s.stops, n.stationIndex[st.Station])
			s.times = append(s.times, [2]int32{int32(st.Arrive), int32(st.Depart)})
		}
		if span := int(sv.Stops[len(sv.Stops)-1].Arrive) / timetable.MinutesPerDay; span > n.maxSpanDays {
			n.maxSpanDays = span
		}
		first := len(n.conns)
		for i := 0; i+1 < len(sv.Stops); i++ {
			c := conn{dep: int32(sv.Stops[i].Depart), arr: int32(sv.Stops[i+1].Arrive),
				from: s.stops[i], to: s.stops[i+1], svc: int32(si), seq: int16(i), mode: sv.Mode, fareOff: int32(len(n.fares))}
			var set uint64
			for _, class := range sortedKeys(sv.Stops[i+1].Fares) {
				n.fares = append(n.fares, fareEntry{class: classIndex[class], fen: int64(sv.Stops[i+1].Fares[class])})
				c.fareN++
				if ci := classIndex[class]; ci < 64 {
					set |= 1 << ci
				}
			}
			c.classSet = n.classSetOf(set, setIndex)
			n.conns = append(n.conns, c)
		}
		n.outdo(n.conns[first:])
		n.serviceIndex[sv.Code] = int32(len(n.services))
		n.services = append(n.services, s)
	}
	sort.Slice(n.conns, func(i, j int) bool {
		a, b := &n.conns[i], &n.conns[j]
		if a.dep != b.dep {
			return a.dep < b.dep
		}
		if a.arr != b.arr {
			return a.arr < b.arr
		}
		if a.svc != b.svc {
			return a.svc < b.svc
		}
		return a.seq < b.seq
	})
	departs := make([]bool, len(n.stations))
	for _, c := range n.conns {
		departs[c.from] = true
	}
	for i := range n.cities {
		for _, st := range n.cities[i].stations {
			if departs[st] {
				n.cities[i].departing = append(n.cities[i].departing, st)
			}
		}
	}
	n.linkCities()
	n.linkChanges()
	if len(n.classes) > 64 {
		n.classBits = false
	}
	return n
}

// outdo marks the fares of one service's sections, given in order, that
// another class outdoes: boarding at that section, the other class is sold
// as far as this one is, and on each of those sections costs no more, so
// every leg in this class costs at least as much in the other. Of two
// classes that outdo each other (the same fares), the first is kept.
// Boarding then offers one class where a service sells several at fixed
// ratios, instead of one label per class.
func (n *Network) outdo(cs []conn) {
	local := map[int16]int{} // the service's classes, numbered from 0
	for _, c := range cs {
		for _, f := range n.fares[c.fareOff : c.fareOff+int32(c.fareN)] {
			if _, ok := local[f.class]; !ok {
				local[f.class] = len(local)
			}
		}
	}
	k := len(local)
	if k < 2 {
		return
	}
	// beats[g*k+f]: from this section on, class g is sold wherever f is
	// until f is not, never dearer.
	beats := make([]bool, k*k)
	for i := range beats {
		beats[i] = true
	}
	fen := make([]int64, k)
	for i := len(cs) - 1; i >= 0; i-- {
		fares := n.fares[cs[i].fareOff : cs[i].fareOff+int32(cs[i].fareN)]
		for j := range fen {
			fen[j] = -1
		}
		for _, f := range fares {
			fen[local[f.class]] = f.fen
		}
		for f := range k {
			for g := range k {
				if fen[f] < 0 {
					beats[g*k+f] = true // riders in f got off before here
				} else {
					beats[g*k+f] = beats[g*k+f] && fen[g] >= 0 && fen[g] <= fen[f]
				}
			}
		}
		for j := range fares {
			f := local[fares[j].class]
			for g := range k {
				if g != f && beats[g*k+f] && (!beats[f*k+g] || g < f) {
					fares[j].outdone = true
					break
				}
			}
		}
	}
}

// change is a station where a traveller may board after arriving at
// another (or the same), and the transfer time it takes.
type change struct {
	st    int32
	after int32
}

// linkChanges fills n.changes: from each station, itself after its
// transfer time and the city's other stations with departures after the
// city's.
func (n *Network) linkChanges() {
	n.changeAt = make([]int32, 0, len(n.stations)+1)
	for st := range n.stations {
		n.changeAt = append(n.changeAt, int32(len(n.changes)))
		ct := &n.cities[n.stations[st].city]
		n.changes = append(n.changes, change{int32(st), n.stations[st].transfer})
		for _, x := range ct.departing {
			if x != int32(st) {
				n.changes = append(n.changes, change{x, ct.transfer})
			}
		}
	}
	n.changeAt = append(n.changeAt, int32(len(n.changes)))
}

// changesFrom returns where a traveller arriving at st may board next.
func (n *Network) changesFrom(st int32) []change {
	return n.changes[n.changeAt[st]:n.changeAt[st+1]]
}

// classSetOf returns the index in n.classSets of set, adding it if new.
func (n *Network) classSetOf(set uint64, index map[uint64]uint16) uint16 {
	if i, ok := index[set]; ok {
		return i
	}
	if len(n.classSets) > math.MaxUint16 {
		n.classBits = false
		return 0
	}
	index[set] = uint16(len(n.classSets))
	n.classSets = append(n.classSets, set)
	return index[set]
}

func sortedKeys(m map[string]timetable.Fare) []string {
	out := make([]string, 0, len(m))
	for k := range m {
		out = append(out, k)
	}
	sort.Strings(out)
	return out
}

// LegStations returns the stations a leg calls at, from where it boards to
// where it alights, or just those two if its service is not in n.
func (n *Network) LegStations(l *Leg) []string {
	si, ok := n.serviceIndex[l.Service]
	if !ok || l.ToStop >= len(n.services[si].stops) || l.FromStop > l.ToStop {
		return []string{l.From, l.To}
	}
	var out []string
	for _, st := range n.services[si].stops[l.FromStop : l.ToStop+1] {
		out = append(out, n.stations[st].name)
	}
	return out
}

// Timetable returns the timetable the network was compiled from.
func (n *Network) Timetable() *timetable.Timetable { return n.tt }

// ConnectionsPerDay returns the number of sections of all services: the
// connections of a day on which every service runs.
func (n *Network) ConnectionsPerDay() int { return len(n.conns) }

// runningOn returns a bitset of the services that leave their first stop on
// d, computed once per date.
func (n *Network) runningOn(d timetable.Date) []uint64 {
	return n.running.get(d, func() []uint64 {
		b := make([]uint64, (len(n.services)+63)/64)
		wd := d.Weekday()
		for i := range n.services {
			s := &n.services[i]
			if s.days.Has(wd) && (s.first == 0 || d >= s.first) && (s.last == 0 || d <= s.last) {
				b[i/64] |= 1 << (i % 64)
			}
		}
		return b
	})
}
