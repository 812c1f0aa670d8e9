package planner

import (
	"fmt"
	"math"

	"railair.app/railair/core/timetable"
)

// bounds are lower bounds, per station, on what is still to come from a
// label there to the destination: minutes of riding, legs and fare. They
// come from searches backwards over the cities, ignoring operating days,
// waiting and seat-class rules, so they never overestimate; a station that
// cannot reach the destination at all has time unreachable.
//
// The searches run on cities, not stations: a label may change to any
// station of its city, so every station of a city has the same bounds
// (within the destination's city, 0 even for a query to one station,
// which is weaker but still a lower bound).
type bounds struct {
	time []int32
	legs []int16
	fare []int64
}

const unreachable = math.MaxInt32

// cityLink is every section of one mode from one city to another, at its
// shortest running time and cheapest fare.
type cityLink struct {
	from int32 // city
	mode timetable.Mode
	time int32
	fare int32 // the cheapest class's, or -1 when no section offers one
}

// cityRide says that a service of the modes in mask, boarded in city
// from, later calls in the city the list belongs to.
type cityRide struct {
	from int32
	mask uint8 // 1 << mode
}

// linkCities fills n.linksTo and n.ridesTo from the connections and
// services.
func (n *Network) linkCities() {
	nc := len(n.cities)
	type key struct {
		from, to int32
		mode     timetable.Mode
	}
	at := map[key]int{} // index in linksTo[to]
	n.linksTo = make([][]cityLink, nc)
	for i := range n.conns {
		c := &n.conns[i]
		a, b := n.stations[c.from].city, n.stations[c.to].city
		if a == b {
			continue // stations of one city are joined anyway
		}
		fare := cheapest(n.fares[c.fareOff:c.fareOff+int32(c.fareN)], -1)
		k := key{a, b, c.mode}
		j, ok := at[k]
		if !ok {
			at[k] = len(n.linksTo[b])
			n.linksTo[b] = append(n.linksTo[b], cityLink{from: a, mode: c.mode, time: c.arr - c.dep, fare: fare})
			continue
		}
		l := &n.linksTo[b][j]
		l.time = min(l.time, c.arr-c.dep)
		if fare >= 0 && (l.fare < 0 || fare < l.fare) {
			l.fare = fare
		}
	}
	rides := make([]uint8, nc*nc) // [to*nc+from]
	for i := range n.services {
		s := &n.services[i]
		bit := uint8(1) << s.mode
		for j := 1; j < len(s.stops); j++ {
			to := n.stations[s.stops[j]].city
			for k := range j {
				if from := n.stations[s.stops[k]].city; from != to {
					rides[int(to)*nc+int(from)] |= bit
				}
			}
		}
	}
	n.ridesTo = make([][]cityRide, nc)
	for to := range nc {
		for from, m := range rides[to*nc : (to+1)*nc] {
			if m != 0 {
				n.ridesTo[to] = append(n.ridesTo[to], cityRide{from: int32(from), mask: m})
			}
		}
	}
}

// cheapest returns the least fare in class (any class if negative), or -1
// if it is not offered.
func cheapest(fares []fareEntry, class int16) int32 {
	w := int32(-1)
	for _, f := range fares {
		if (class < 0 || f.class == class) && (w < 0 || int32(f.fen) < w) {
			w = int32(min(f.fen, math.MaxInt32/4))
		}
	}
	return w
}

// boundsFor returns the bounds towards the stations dest, cached per
// destination, modes and class. Only the bounds a criterion prunes with
// are computed; the others are zero, which never overestimates.
func (n *Network) boundsFor(key string, dest []int32, modes Modes, class int16, by Criterion) *bounds {
	needLegs := by == Transfers || by == All
	needFare := by == Fare || by == All
	key = fmt.Sprintf("%s|%d|%d|%v|%v", key, modes, class, needLegs, needFare)
	return n.bounds.get(key, func() *bounds {
		destCity := n.stations[dest[0]].city
		b := &bounds{time: make([]int32, len(n.stations)), legs: make([]int16, len(n.stations)), fare: make([]int64, len(n.stations))}
		time := n.backward(destCity, n.linksTo, modes, false)
		for i := range b.time {
			b.time[i] = time[n.stations[i].city]
		}
		if needLegs {
			legs := n.legBounds(destCity, modes)
			for i := range b.legs {
				b.legs[i] = legs[n.stations[i].city]
			}
		}
		if needFare {
			links := n.linksTo
			if class >= 0 {
				links = n.classLinks(class)
			}
			fare := n.backward(destCity, links, modes, true)
			for i := range b.fare {
				b.fare[i] = int64(fare[n.stations[i].city])
			}
		}
		return b
	})
}

// classLinks is n.linksTo with the fares of one class: the sections that
// do not offer it have fare -1.
func (n *Network) classLinks(class int16) [][]cityLink {
	type key struct {
		from, to int32
		mode     timetable.Mode
	}
	best := map[key]int32{}
	for i := range n.conns {
		c := &n.conns[i]
		f := cheapest(n.fares[c.fareOff:c.fareOff+int32(c.fareN)], class)
		if f < 0 {
			continue
		}
		k := key{n.stations[c.from].city, n.stations[c.to].city, c.mode}
		if old, ok := best[k]; !ok || f < old {
			best[k] = f
		}
	}
	out := make([][]cityLink, len(n.linksTo))
	for to, ls := range n.linksTo {
		for _, l := range ls {
			f, ok := best[key{l.from, int32(to), l.mode}]
			if !ok {
				f = -1
			}
			l.fare = f
			out[to] = append(out[to], l)
		}
	}
	return out
}

// backward runs Dijkstra from the city dest over the links reversed,
// weighing a link by its running time or by its fare (links without one
// cannot be used), and returns each city's distance, or unreachable.
func (n *Network) backward(dest int32, links [][]cityLink, modes Modes, byFare bool) []int32 {
	dist := make([]int32, len(n.cities))
	for i := range dist {
		dist[i] = unreachable
	}
	dist[dest] = 0
	h := minHeap{{key: 0, val: dest}}
	for len(h) > 0 {
		it := h.pop()
		if it.key > dist[it.val] {
			continue // already settled nearer
		}
		for _, l := range links[it.val] {
			if !modes.allows(l.mode) {
				continue
			}
			w := l.time
			if byFare {
				if w = l.fare; w < 0 {
					continue
				}
			}
			if d := it.key + w; d < dist[l.from] {
				dist[l.from] = d
				h.push(d, l.from)
			}
		}
	}
	return dist
}

// legBounds returns, per city, the fewest legs that reach the city dest
// from a label there: 0 in dest; otherwise one more than the best city a
// service boarded there calls at later (a search backwards, breadth first).
func (n *Network) legBounds(dest int32, modes Modes) []int16 {
	const inf = math.MaxInt16
	var mask uint8
	for _, m := range []timetable.Mode{timetable.Train, timetable.Flight} {
		if modes.allows(m) {
			mask |= 1 << m
		}
	}
	lvl := make([]int16, len(n.cities))
	for i := range lvl {
		lvl[i] = inf
	}
	lvl[dest] = 0
	queue := []int32{dest}
	for len(queue) > 0 {
		c := queue[0]
		queue = queue[1:]
		for _, r := range n.ridesTo[c] {
			if r.mask&mask != 0 && lvl[r.from] == inf {
				lvl[r.from] = lvl[c] + 1
				queue = append(queue, r.from)
			}
		}
	}
	return lvl
}
