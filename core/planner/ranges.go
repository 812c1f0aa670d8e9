package planner

import "context"

// rangeWidth is how many minutes of departures from the origin one range
// of allOptions holds.
const rangeWidth = 60

// allOptions answers All by ranges of departure from the origin, latest
// first, as rRAPTOR does for its profiles (Delling, Pajor, Werneck,
// "Round-Based Public Transit Routing", 2012). Each range scans from its
// first departure on, with the run and ready sets emptied, and stops once
// nothing it found can go further. The stations' labels and the journeys
// found stay from range to range: every one of them leaves later than any
// label of the ranges after, so a new label that one of them matches on
// arrival, legs and fare is dominated, and so is one whose least possible
// journey a journey found matches. That self-pruning is what makes the
// ranges cheaper than one scan over the whole day, where a label leaving
// early often arrives before the later ones that would have dropped it.
func (sc *scan) allOptions(ctx context.Context) error {
	s := sc.s
	deps := sc.originDepartures()
	s.ranged = true
	for i := 0; i < len(deps); {
		hi := deps[i]
		for i < len(deps) && deps[i] > hi-rangeWidth {
			i++
		}
		lo := deps[i-1]
		s.nextRange()
		sc.t0, sc.originEnd, s.until = lo, hi, hi
		if err := sc.run(ctx, lo); err != nil {
			return err
		}
	}
	return nil
}

// originDepartures returns the times, latest first and each once, at which
// a connection of the corridor leaves an origin station within the
// departures the query allows.
func (sc *scan) originDepartures() []int32 {
	s := sc.s
	var deps []int32
	for _, i := range s.path {
		e := &sc.tl[i]
		if s.isOrig[e.from] != s.gen || e.dep < sc.t0 || e.dep > sc.originEnd {
			continue
		}
		if len(deps) == 0 || deps[len(deps)-1] != e.dep {
			deps = append(deps, e.dep)
		}
	}
	return deps
}

// profEntry is a step of a city's arrival profile: leaving one of its
// stations at dep, one can reach the destination at arr at the earliest.
type profEntry struct{ dep, arr int32 }

// arrivalProfiles computes, scanning the corridor's connections backwards,
// a lower bound on the arrival at the destination for a rider aboard each
// of them (s.pathBound, by position in s.path) and for a traveller in each
// city from each time on (s.prof, read by profileAt): the profile
// Connection Scan with every rule that only delays relaxed (no transfer
// times, any class, any station of a city at once). Unlike the static
// riding-time bound, it counts the waits, overnight ones included, so that
// the journeys already found drop far more labels.
func (sc *scan) arrivalProfiles() {
	n, s := sc.n, sc.s
	if len(s.prof) < len(n.cities) {
		s.prof = make([][]profEntry, len(n.cities))
		s.profGen = make([]uint32, len(n.cities))
	}
	if len(s.tripBound) < sc.runs {
		s.tripBound = make([]int32, sc.runs)
	}
	s.tripSeen = s.tripSeen.emptied(sc.runs)
	s.pathBound = s.pathBound[:0]
	for range s.path {
		s.pathBound = append(s.pathBound, unreachable)
	}
	path := s.path
	for g := 0; g < len(path); {
		// Connections leaving at one time are done together. Only a
		// zero-length one can arrive in time for another of them; the
		// timeline's chain order (see chainOrder) already puts it after
		// those, going backwards, except in a cycle of them, so with one
		// the group is done again until nothing changes.
		x := sc.tl[path[g]].dep
		h, zero := g, false
		for h < len(path) && sc.tl[path[h]].dep == x {
			zero = zero || sc.tl[path[h]].arr == x
			h++
		}
		for again := true; again; {
			changed := false
			for i := g; i < h; i++ {
				e := &sc.tl[path[i]]
				t := int32(unreachable)
				if s.isDest[e.to] == s.gen {
					t = e.arr
				} else {
					t = s.profileAt(n.stations[e.to].city, e.arr)
				}
				if s.tripSeen.has(e.run) {
					t = min(t, s.tripBound[e.run])
				}
				if t >= s.pathBound[i] {
					continue
				}
				changed = true
				s.pathBound[i] = t
				s.tripSeen.add(e.run)
				s.tripBound[e.run] = t
				s.addProfile(n.stations[e.from].city, e.dep, t)
			}
			again = changed && zero
		}
		g = h
	}
}

// addProfile notes that from city c at time dep one can arrive at arr.
// Entries come latest first, and one is kept only if it arrives earlier
// than every later one.
func (s *scratch) addProfile(c, dep, arr int32) {
	if s.profGen[c] != s.gen {
		s.profGen[c] = s.gen
		s.prof[c] = s.prof[c][:0]
	}
	p := s.prof[c]
	if k := len(p); k > 0 {
		if p[k-1].arr <= arr {
			return
		}
		if p[k-1].dep == dep {
			p[k-1].arr = arr
			return
		}
	}
	s.prof[c] = append(p, profEntry{dep, arr})
}

// profileAt returns the earliest arrival at the destination, at least, of
// a traveller in city c from time t on (see arrivalProfiles).
func (s *scratch) profileAt(c, t int32) int32 {
	if s.profGen[c] != s.gen {
		return unreachable
	}
	// The entries leaving from t on come first: find the last of them.
	p := s.prof[c]
	lo, hi := 0, len(p)
	for lo < hi {
		m := int(uint(lo+hi) >> 1)
		if p[m].dep >= t {
			lo = m + 1
		} else {
			hi = m
		}
	}
	if lo == 0 {
		return unreachable
	}
	return p[lo-1].arr
}
