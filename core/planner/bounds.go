package planner

import (
	"container/heap"
	"fmt"
	"math"
)

// bounds are lower bounds, per station, on what is still to come from a
// label there to the destination: minutes of riding, legs and fare. They
// come from searches backwards over the stations, ignoring operating days,
// waiting and seat-class rules, so they never overestimate; a station that
// cannot reach the destination at all has time unreachable.
type bounds struct {
	time []int32
	legs []int16
	fare []int64
}

const unreachable = math.MaxInt32

// boundsFor returns the bounds towards the stations dest, cached per
// destination, modes and class. Only the bounds a criterion prunes with
// are computed; the others are zero, which never overestimates.
func (n *Network) boundsFor(key string, dest []int32, modes Modes, class int16, by Criterion) *bounds {
	needLegs := by == Transfers || by == All
	needFare := by == Fare || by == All
	key = fmt.Sprintf("%s|%d|%d|%v|%v", key, modes, class, needLegs, needFare)
	return n.bounds.get(key, func() *bounds {
		b := &bounds{time: n.backward(dest, modes, class, false), legs: make([]int16, len(n.stations)), fare: make([]int64, len(n.stations))}
		if needLegs {
			b.legs = n.legBounds(dest, modes)
		}
		if needFare {
			for i, f := range n.backward(dest, modes, class, true) {
				b.fare[i] = int64(f)
			}
		}
		return b
	})
}

// backward runs Dijkstra from dest over the connections reversed, weighing
// a section by its running time, or by its cheapest fare (in class, if one
// is asked for; sections without it cannot be used). Stations of one city
// are joined at no cost.
func (n *Network) backward(dest []int32, modes Modes, class int16, byFare bool) []int32 {
	dist := make([]int32, len(n.stations))
	for i := range dist {
		dist[i] = unreachable
	}
	h := &distHeap{}
	for _, d := range dest {
		dist[d] = 0
		heap.Push(h, distItem{d, 0})
	}
	done := make([]bool, len(n.stations))
	for h.Len() > 0 {
		it := heap.Pop(h).(distItem)
		if done[it.st] {
			continue
		}
		done[it.st] = true
		relax := func(st int32, d int32) {
			if d < dist[st] {
				dist[st] = d
				heap.Push(h, distItem{st, d})
			}
		}
		for _, sib := range n.cities[n.stations[it.st].city].stations {
			relax(sib, it.d)
		}
		for _, ci := range n.arriving[it.st] {
			c := &n.conns[ci]
			if !modes.allows(c.mode) {
				continue
			}
			w := c.arr - c.dep
			if byFare {
				w = -1
				for _, f := range n.fares[c.fareOff : c.fareOff+int32(c.fareN)] {
					if (class < 0 || f.class == class) && (w < 0 || int32(f.fen) < w) {
						w = int32(min(f.fen, math.MaxInt32/4))
					}
				}
				if w < 0 {
					continue
				}
			}
			relax(c.from, it.d+w)
		}
	}
	return dist
}

// legBounds returns, per station, the fewest legs that reach dest from a
// label there: 0 at dest; otherwise one more than the best stop after it on
// any service boarded in its city.
func (n *Network) legBounds(dest []int32, modes Modes) []int16 {
	const inf = math.MaxInt16
	lvl := make([]int16, len(n.stations))
	for i := range lvl {
		lvl[i] = inf
	}
	for _, d := range dest {
		lvl[d] = 0
	}
	board := make([]int16, len(n.stations)) // legs needed when boarding here
	for changed := true; changed; {
		changed = false
		for i := range board {
			board[i] = inf
		}
		for si := range n.services {
			s := &n.services[si]
			if !modes.allows(s.mode) {
				continue
			}
			best := int16(inf)
			for k := len(s.stops) - 1; k >= 0; k-- {
				st := s.stops[k]
				if best < inf && best+1 < board[st] {
					board[st] = best + 1
				}
				best = min(best, lvl[st])
			}
		}
		for ci := range n.cities {
			c := &n.cities[ci]
			m := int16(inf)
			for _, st := range c.stations {
				m = min(m, board[st])
			}
			for _, st := range c.stations {
				if m < lvl[st] {
					lvl[st] = m
					changed = true
				}
			}
		}
	}
	return lvl
}

type distItem struct {
	st int32
	d  int32
}

type distHeap []distItem

func (h distHeap) Len() int           { return len(h) }
func (h distHeap) Less(i, j int) bool { return h[i].d < h[j].d }
func (h distHeap) Swap(i, j int)      { h[i], h[j] = h[j], h[i] }
func (h *distHeap) Push(x any)        { *h = append(*h, x.(distItem)) }
func (h *distHeap) Pop() any {
	old := *h
	it := old[len(old)-1]
	*h = old[:len(old)-1]
	return it
}
