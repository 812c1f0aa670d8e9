package planner

import (
	"sort"

	"railair.app/railair/core/timetable"
)

// event is a connection of one run: a section of the service that leaves
// its first stop some days before or after the query's date, in minutes
// after that date's midnight. It repeats the connection's fields that
// every scan reads, so that the scans run through memory in order and
// look up the connection itself only for what they ride.
type event struct {
	dep, arr int32
	conn     int32 // index in Network.conns
	from, to int32 // stations
	run      int32 // see Network.run
	seq      int16
	classSet uint16
	mode     timetable.Mode
}

// run numbers the run of service svc that leaves its first stop k days
// after a query's date: runs of the days a query can touch (from
// maxSpanDays before) are numbered from 0.
func (n *Network) run(svc int32, k int) int32 {
	return int32((k+n.maxSpanDays)*len(n.services)) + svc
}

// runDay returns the day of a run, relative to the query's date.
func (n *Network) runDay(run int32) int16 {
	return int16(int(run)/len(n.services) - n.maxSpanDays)
}

// timelineDays is how many days after the query's date a cached timeline
// covers: the default horizon of a query made at 23:59.
const timelineDays = 1 + (DefaultHorizon+timetable.MinutesPerDay-1)/timetable.MinutesPerDay

// timeline returns every event of the runs operating around date d, from
// runs that left maxSpanDays before d up to those leaving timelineDays
// after, sorted by departure (then arrival, service, section; see
// chainOrder for those that take no time), ending before until. Timelines
// for the default horizon are cached per date.
func (n *Network) timeline(d timetable.Date, until int32) []event {
	if until <= timelineDays*timetable.MinutesPerDay {
		return n.timelines.get(d, func() []event { return n.events(d, timelineDays*timetable.MinutesPerDay) })
	}
	return n.events(d, until)
}

// events makes a timeline (see timeline) without the cache.
func (n *Network) events(d timetable.Date, until int32) []event {
	var tl []event
	for k := -n.maxSpanDays; k*timetable.MinutesPerDay <= int(until); k++ {
		running := n.runningOn(d + timetable.Date(k))
		shift := int32(k * timetable.MinutesPerDay)
		for i := range n.conns {
			c := &n.conns[i]
			if running[c.svc/64]&(1<<(c.svc%64)) == 0 || c.dep+shift > until {
				continue
			}
			tl = append(tl, event{dep: c.dep + shift, arr: c.arr + shift, conn: int32(i), from: c.from, to: c.to,
				run: n.run(c.svc, k), seq: c.seq, classSet: c.classSet, mode: c.mode})
		}
	}
	sort.Slice(tl, func(i, j int) bool {
		a, b := &tl[i], &tl[j]
		if a.dep != b.dep {
			return a.dep < b.dep
		}
		if a.arr != b.arr {
			return a.arr < b.arr
		}
		return a.conn < b.conn // the conns' own order: service, then section
	})
	for i := 0; i < len(tl); {
		j := i + 1
		for j < len(tl) && tl[j].dep == tl[i].dep {
			j++
		}
		n.chainOrder(tl[i:j])
		i = j
	}
	return tl
}

// chainOrder orders the events of g, which all leave at one minute, so that
// one that takes no time comes before every other leaving its arrival city:
// a traveller can change onto those in the same minute where the transfer
// time is zero, so a scan forwards must meet it first, and a scan backwards
// (which goes the other way) after them. Events without such a link keep
// their order. Only a cycle of such events (A to B and B to A in the same
// minute) has no order that serves every journey; it is broken at its
// earliest event.
func (n *Network) chainOrder(g []event) {
	zero := false
	for i := range g {
		zero = zero || g[i].arr == g[i].dep
	}
	if !zero {
		return
	}
	city := func(st int32) int32 { return n.stations[st].city }
	leaving := map[int32][]int{} // city → the events leaving it
	for i := range g {
		c := city(g[i].from)
		leaving[c] = append(leaving[c], i)
	}
	// waits[i] counts the events of no time, not yet placed, that arrive in
	// the city event i leaves.
	waits := make([]int, len(g))
	for i := range g {
		if g[i].arr == g[i].dep {
			for _, k := range leaving[city(g[i].to)] {
				if k != i {
					waits[k]++
				}
			}
		}
	}
	order := make([]event, 0, len(g))
	placed := make([]bool, len(g))
	place := func(i int) {
		placed[i] = true
		order = append(order, g[i])
		if g[i].arr == g[i].dep {
			for _, k := range leaving[city(g[i].to)] {
				if k != i {
					waits[k]--
				}
			}
		}
	}
	for len(order) < len(g) {
		progress := false
		for i := range g {
			if !placed[i] && waits[i] <= 0 {
				place(i)
				progress = true
			}
		}
		if !progress { // a cycle: break it at its earliest event
			for i := range g {
				if !placed[i] {
					place(i)
					break
				}
			}
		}
	}
	copy(g, order)
}

// from returns the index of the first event leaving at or after t.
func from(tl []event, t int32) int {
	return sort.Search(len(tl), func(i int) bool { return tl[i].dep >= t })
}
