package planner

import (
	"context"
)

// earliestArrival returns the earliest arrival at the destination, with
// no limit on legs, by a plain connection scan that follows every rule
// (transfer times, seat classes sold on a whole leg, no re-boarding of the
// run just left), or unreachable. The multi-criteria scan of Arrival uses
// it as an exact bound.
//
// Each station keeps the earliest time a run may be boarded there and the
// earliest for another run (arrivals are pushed to every station of their
// city with its transfer time, so a connection checks one station);
// each run keeps the set of classes that some boarding so far could still
// ride in (a leg needs one class sold on all its sections). Most
// connections have no one aboard and no one to board: a compact array of
// each station's earliest boarding time turns them away with one look-up.
func (sc *scan) earliestArrival(ctx context.Context, origin []int32) (int32, error) {
	n, s, q := sc.n, sc.s, sc.q
	if len(s.ea) < len(n.stations) {
		s.ea = make([]eaStation, len(n.stations))
	}
	runs := sc.runs
	if len(s.eaAlive) < runs {
		s.eaAlive = make([]uint64, runs)
		s.eaFirst = make([]int16, runs)
	}
	s.eaOn = s.eaOn.emptied(runs)
	// boardMin is the earliest time any run may be boarded at a station:
	// the compact first check of a connection that no one rides yet.
	if len(s.eaBoardMin) < len(n.stations) {
		s.eaBoardMin = make([]int32, len(n.stations))
	}
	boardMin := s.eaBoardMin[:len(n.stations)]
	for i := range boardMin {
		boardMin[i] = unreachable
	}
	ridden := s.riddenBuf[:0]
	// boardAt is the earliest time a run may be boarded at st: after an
	// arrival in st's city by another run and the transfer time to st.
	boardAt := func(st, run int32) int32 {
		x := &s.ea[st]
		if x.gen != s.gen {
			return unreachable
		}
		if x.boardRun == run {
			return x.board[1]
		}
		return x.board[0]
	}
	// fresh readies station st's records on first use in this query.
	fresh := func(st int32) {
		if s.ea[st].gen != s.gen {
			s.ea[st] = eaStation{gen: s.gen, arr: [2]int32{unreachable, unreachable}, arrRun: -1,
				board: [2]int32{unreachable, unreachable}, boardRun: -1}
		}
	}
	// Any run may be boarded at the origin from the time asked on (the
	// scan serves Arrival and Transfers, whose first departure may be as
	// late as any).
	for _, st := range origin {
		fresh(st)
		s.ea[st].board = [2]int32{sc.t0, sc.t0}
		boardMin[st] = sc.t0
	}
	best := int32(unreachable)
	defer func() {
		s.riddenBuf = ridden
		s.fwd = forward{on: s.eaOn, first: s.eaFirst, ridden: ridden, rideKnown: true}
	}()
	for i := from(sc.tl, sc.t0); i < len(sc.tl); i++ {
		e := &sc.tl[i]
		dep, arr := e.dep, e.arr
		if dep > sc.end || dep > best {
			return best, nil
		}
		if i&0xfff == 0 && ctx.Err() != nil {
			return 0, ctx.Err()
		}
		if arr > sc.end || !q.Modes.allows(e.mode) {
			continue
		}
		run := e.run
		on := s.eaOn.has(run)
		if !on && boardMin[e.from] > dep {
			continue // no one aboard and no one boarding
		}
		alive := uint64(0)
		if on {
			alive = s.eaAlive[run]
		}
		b := boardAt(e.from, run)
		boardable := b != unreachable && b <= dep
		if !boardable && alive == 0 {
			if on {
				ridden = append(ridden, int32(i))
			}
			continue // no one aboard and no one boarding: the run stays empty
		}
		offered := n.classSets[e.classSet]
		if sc.classFilter >= 0 {
			offered &= 1 << sc.classFilter
		}
		if boardable {
			alive |= offered
		}
		alive &= offered
		if !on {
			s.eaOn.add(run)
			s.eaFirst[run] = e.seq
		}
		s.eaAlive[run] = alive
		ridden = append(ridden, int32(i))
		if alive == 0 {
			continue
		}
		if s.isDest[e.to] == s.gen {
			best = min(best, arr)
			continue
		}
		// Record the arrival. Only one that improves the station's two-best
		// changes where runs may be boarded: at each station of the city,
		// after its transfer time. Improvements are far rarer than
		// connections, so the work is done here rather than at boarding.
		st := e.to
		fresh(st)
		if !improve(&s.ea[st].arr, &s.ea[st].arrRun, arr, run) {
			continue
		}
		for _, ch := range n.changesFrom(st) {
			fresh(ch.st)
			improve(&s.ea[ch.st].board, &s.ea[ch.st].boardRun, arr+ch.after, run)
			boardMin[ch.st] = min(boardMin[ch.st], arr+ch.after)
		}
	}
	return best, nil
}

// latestArrivals scans backwards from the destination: for each station,
// the latest arrival there from which a departure, there or at another
// station of its city after the transfer time, can still reach the
// destination by deadline, ignoring seat classes and the re-boarding rule
// (so it never says too early); noArrival where there is none. It lists in
// path the connections of the runs that reach the destination in time from
// some stop, up to the last connection of each worth riding (reachRun
// marks the runs met so far). After an earliest-arrival scan, it goes
// through only the connections of the runs that scan had anyone aboard,
// from the first aboard on (forward.ridden): every journey that arrives by
// the deadline rides only such connections, and on a large network they
// are a small part of the day's.
// Arrival and Transfers scan only the path, and drop the labels that arrive
// after their station's deadline.
//
// The scan goes by falling departure time, so a station's latest useful
// departure is found once, when first met; it is then pushed to the
// arrival deadline of every station of the city, and a connection checks
// one station.
func (sc *scan) latestArrivals(deadline int32) []int32 {
	n, s, q := sc.n, sc.s, sc.q
	if len(s.latest) < len(n.stations) {
		s.latest = make([]int32, len(n.stations))
		s.departs = make([]uint32, len(n.stations))
	}
	by := s.latest[:len(n.stations)]
	for i := range by {
		by[i] = noArrival
	}
	s.reachRun = s.reachRun.emptied(sc.runs)
	if len(s.runLast) < sc.runs {
		s.runLast = make([]int32, sc.runs)
	}
	if len(s.cityLast) < len(n.cities) {
		s.cityLast = make([]int32, len(n.cities))
	}
	for i := range s.cityLast {
		s.cityLast[i] = noArrival
	}
	s.path = s.path[:0]
	// After a forward scan that listed the connections it had anyone
	// riding, only those; otherwise every connection.
	ridden, top := s.fwd.ridden, from(sc.tl, deadline+1)-1
	if s.fwd.rideKnown {
		top = len(ridden) - 1
	}
	for k := top; k >= 0; k-- {
		i := k
		if s.fwd.rideKnown {
			i = int(ridden[k])
		}
		e := &sc.tl[i]
		if e.dep < sc.t0 {
			break
		}
		if e.arr > deadline || !q.Modes.allows(e.mode) {
			continue
		}
		run := e.run
		if !s.fwd.aboard(run, e.seq) {
			continue // the forward scan never had anyone aboard here
		}
		if !s.reachRun.has(run) {
			if s.isDest[e.to] != s.gen && e.arr > by[e.to] {
				continue
			}
			// The run's last useful stop: it is met first, going backwards.
			s.reachRun.add(run)
			s.runLast[run] = e.arr
		}
		s.path = append(s.path, int32(i))
		if s.departs[e.from] == s.gen {
			continue // a later departure from here was met first
		}
		s.departs[e.from] = s.gen
		st := &n.stations[e.from]
		ct := &n.cities[st.city]
		s.cityLast[st.city] = max(s.cityLast[st.city], e.dep)
		for _, x := range ct.stations {
			t := e.dep - ct.transfer
			if x == e.from {
				t = e.dep - st.transfer
			}
			by[x] = max(by[x], t)
		}
	}
	return by
}

// noArrival is the arrival deadline of a station from which the
// destination cannot be reached in time.
const noArrival = -1 << 30

// earliestWithin returns the earliest arrival at the destination with at
// most legs legs, or unreachable: the scan of earliestArrival, with a
// level per number of legs (the rounds of RAPTOR, kept in one pass).
//
// A station's records at level j hold what arrived there with at most j
// legs, and a run's classes at level j those of riders on at most their
// j-th leg, so the levels only improve upwards and a connection whose run
// is empty and whose station has nothing yet costs what it does in
// earliestArrival. Fewest-transfer queries ask for their least possible
// legs first, then one more, until the destination is reached.
func (sc *scan) earliestWithin(ctx context.Context, legs int) (int32, error) {
	n, s, q := sc.n, sc.s, sc.q
	if legs < 1 {
		return unreachable, nil
	}
	w := legs - 1 // station levels 1..legs-1: arriving with legs legs ends the journey or nothing
	runs := sc.runs
	if len(s.kbGen) < len(n.stations) {
		s.kbGen = make([]uint32, len(n.stations))
	}
	s.kbOn = s.kbOn.emptied(runs)
	// A stamp of its own: a query may run this scan several times, with
	// different numbers of levels.
	s.kbStamp++
	if s.kbStamp == 0 {
		clear(s.kbGen)
		s.kbStamp = 1
	}
	gen := s.kbStamp
	if need := len(n.stations) * w; len(s.kbArr) < need {
		s.kbArr = make([][2]int32, need)
		s.kbArrRun = make([]int32, need)
		s.kbBoard = make([][2]int32, need)
		s.kbBoardRun = make([]int32, need)
	}
	if len(s.kbFirst) < runs {
		s.kbFirst = make([]int16, runs)
	}
	ridden := s.riddenBuf[:0]
	defer func() {
		s.riddenBuf = ridden
		s.fwd = forward{on: s.kbOn, first: s.kbFirst, ridden: ridden, rideKnown: true}
	}()
	if need := runs * legs; len(s.kbAlive) < need {
		s.kbAlive = make([]uint64, need)
	}
	fresh := func(st int32) {
		if s.kbGen[st] != gen {
			s.kbGen[st] = gen
			for j := st * int32(w); j < (st+1)*int32(w); j++ {
				s.kbArr[j], s.kbArrRun[j] = [2]int32{unreachable, unreachable}, -1
				s.kbBoard[j], s.kbBoardRun[j] = [2]int32{unreachable, unreachable}, -1
			}
		}
	}
	best := int32(unreachable)
	for i := from(sc.tl, sc.t0); i < len(sc.tl); i++ {
		e := &sc.tl[i]
		dep, arr := e.dep, e.arr
		if dep > sc.end || dep > best {
			return best, nil
		}
		if i&0xfff == 0 && ctx.Err() != nil {
			return 0, ctx.Err()
		}
		if arr > sc.end || !q.Modes.allows(e.mode) {
			continue
		}
		run := e.run
		live := s.kbOn.has(run)
		origin := s.isOrig[e.from] == s.gen && dep >= sc.t0 && dep <= sc.originEnd
		// The most any level may board here: the top level's earliest.
		stLive := w > 0 && s.kbGen[e.from] == gen && s.kbBoard[int(e.from)*w+w-1][0] <= dep
		if !live && !origin && !stLive {
			continue
		}
		alive := s.kbAlive[int(run)*legs : int(run+1)*legs]
		if !live {
			s.kbOn.add(run)
			s.kbFirst[run] = e.seq
			clear(alive)
		}
		offered := n.classSets[e.classSet]
		if sc.classFilter >= 0 {
			offered &= 1 << sc.classFilter
		}
		ridden = append(ridden, int32(i))
		dest := s.isDest[e.to] == s.gen
		for j := 1; j <= legs; j++ { // riders on at most their j-th leg
			a := alive[j-1]
			if origin {
				a |= offered
			} else if stLive && j >= 2 {
				x := int(e.from)*w + j - 2 // level j-1
				b := s.kbBoard[x][0]
				if s.kbBoardRun[x] == run {
					b = s.kbBoard[x][1]
				}
				if b <= dep {
					a |= offered
				}
			}
			a &= offered
			alive[j-1] = a
			if a == 0 {
				continue
			}
			if dest {
				best = min(best, arr)
				break
			}
			if j > w {
				break // arriving with every leg used: nothing more to board
			}
			st := e.to
			fresh(st)
			x := int(st)*w + j - 1
			if !improve(&s.kbArr[x], &s.kbArrRun[x], arr, run) {
				continue
			}
			for _, ch := range n.changesFrom(st) {
				fresh(ch.st)
				z := int(ch.st)*w + j - 1
				improve(&s.kbBoard[z], &s.kbBoardRun[z], arr+ch.after, run)
			}
		}
	}
	return best, nil
}

// improve records time t by run in a two-best (the earliest, and the
// earliest by another run than its own) and reports whether it changed.
func improve(a *[2]int32, by *int32, t, run int32) bool {
	switch {
	case *by == run:
		if t >= a[0] {
			return false
		}
		a[0] = t
	case t < a[0]:
		a[1], a[0], *by = a[0], t, run
	case t < a[1]:
		a[1] = t
	default:
		return false
	}
	return true
}

// earliest returns the earliest arrival with at most legs legs.
func (sc *scan) earliest(ctx context.Context, origin []int32, legs int) (int32, error) {
	if legs >= maxLevels {
		return sc.earliestArrival(ctx, origin)
	}
	return sc.earliestWithin(ctx, legs)
}

// maxLevels is the most legs earliestWithin is asked to count; with more,
// earliestArrival counts none.
const maxLevels = 16

// fewestLegs returns the fewest legs, at most most, that reach the
// destination, and the earliest arrival with them; unreachable if none do,
// and legs 0 if it would take more than maxLevels to know.
// It asks earliestWithin for the least legs the bounds allow from the
// origin, then one more each time; the first time it fails, a scan without
// a limit says whether more legs can help at all.
func (sc *scan) fewestLegs(ctx context.Context, origin []int32, most int) (int, int32, error) {
	legs := int16(maxLevels)
	for _, st := range origin {
		legs = min(legs, sc.s.bnd.legs[st])
	}
	for k := max(1, int(legs)); k <= most && k < maxLevels; k++ {
		a, err := sc.earliestWithin(ctx, k)
		if err != nil || a != unreachable {
			return k, a, err
		}
		if k == int(legs) {
			if a, err := sc.earliestArrival(ctx, origin); err != nil || a == unreachable {
				return 0, unreachable, err
			}
		}
	}
	if most < maxLevels {
		return 0, unreachable, nil
	}
	return 0, 0, nil
}

// forward is what the last earliest-arrival scan saw of the runs: those it
// had anyone aboard (on), from the connection first on. It scanned every
// connection leaving by the arrival it found, so no journey arriving by
// then rides a connection it did not see so.
type forward struct {
	on    runSet
	first []int16
	// ridden lists, when rideKnown, the timeline positions of the
	// connections it saw of those runs (those that aboard reports): the
	// scan after needs them all, to drop riders where their class is not
	// sold.
	ridden    []int32
	rideKnown bool
}

// aboard reports whether anyone could be aboard run at its connection seq;
// true when no scan has run.
func (f *forward) aboard(run int32, seq int16) bool {
	return f.on == nil || f.on.has(run) && seq >= f.first[run]
}

// eaStation is what earliestArrival keeps of a station, together so that
// a connection's check reads one place: the earliest time a run may be
// boarded there and the earliest for another run than boardRun, and the
// same for arrivals.
type eaStation struct {
	gen      uint32 // == scratch.gen when the rest is this query's
	boardRun int32
	board    [2]int32
	arrRun   int32
	arr      [2]int32
}
