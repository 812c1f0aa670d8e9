package planner

import (
	"context"
	"iter"
	"slices"
	"sort"
	"strings"

	"railair.app/railair/core/locale"
	"railair.app/railair/core/timetable"
)

// slabel is a way of being at a station: how it started, when it arrived,
// with how many legs and what fare, and how (for rebuilding the journey).
type slabel struct {
	dep, arr  int32
	fare      int64
	legs      int16
	class     int16
	run       int32 // the run it arrived on; -1 at the origin
	parent    int32 // the label it boarded from; -1 for the first leg
	boardSeq  int16
	alightSeq int16
	svc       int32
	day       int16 // the run's first day, relative to the query's date
	st        int32 // the station it is at
}

// tlabel is a way of being aboard a run in one seat class.
type tlabel struct {
	dep      int32
	fare     int64 // fare so far, this leg's sections included
	legs     int16
	class    int16
	parent   int32
	boardSeq int16
}

// scratch holds the buffers of one query, reused across queries.
type scratch struct {
	gen uint32
	// rgen stamps the run and ready sets: a scan by ranges of departure
	// (see allOptions) empties them for each range, keeping the rest.
	rgen  uint32
	stGen []uint32
	stBag [][]bagEntry
	// Boarding at a station looks only at its ready set: labels that can
	// board there by now (after the station's or the city's transfer time),
	// reduced on departure, legs and fare. Labels wait in pend, a heap by
	// the time they become ready, until the scan reaches that time.
	rsGen  []uint32
	queues []stationQueue
	runGen []uint32
	runBag [][]tlabel
	labels []slabel
	// target holds the journeys found, by the labels they end in, by
	// arrival: a dominance check stops at the first that arrives later
	// than the label. targetHint is the position of the journey that last
	// dominated a label.
	target     []bagEntry
	targetHint int
	cands      []slabel
	// best is the key of the best journey found so far for a single
	// criterion (see lexKey); labels whose key is already no better are
	// dropped: every value a key holds only grows along a journey.
	best    [4]int64
	hasBest bool
	by      Criterion
	bnd     *bounds // lower bounds towards the destination

	// The earliest-arrival scan's state (see earliestArrival).
	ea         []eaStation
	eaAlive    []uint64
	eaOn       runSet   // the runs with alive set
	eaBoardMin []int32  // see earliestArrival
	riddenBuf  []int32  // holds forward.ridden
	latest     []int32  // see latestArrivals
	departs    []uint32 // == gen where latestArrivals met a useful departure
	reachRun   runSet   // the runs that reach the destination in time (see latestArrivals)
	// corridor, when set, is latest: a label arriving at a station later
	// than its entry cannot arrive by the earliest arrival.
	corridor []int32
	// path, with corridor, lists the events worth scanning, latest first.
	path    []int32
	eaFirst []int16 // see forward
	kbFirst []int16
	fwd     forward

	// The earliest-arrival scan with a limit on legs (see earliestWithin):
	// per station and level, what earliestArrival keeps per station; per
	// run and level, the classes alive.
	kbStamp    uint32
	kbGen      []uint32
	kbArr      [][2]int32
	kbArrRun   []int32
	kbBoard    [][2]int32
	kbBoardRun []int32
	kbOn       runSet
	kbAlive    []uint64

	// A scan by ranges of departure (see allOptions) stops a range once
	// the scan passes until: nothing this range found can go further.
	ranged   bool
	until    int32
	runLast  []int32 // per run in reachRun, the arrival of its last useful connection
	cityLast []int32 // per city, the last useful departure from its stations

	// With profiles (see arrivalProfiles), lower bounds on the arrival
	// that count the waits: per path position, per run while computing
	// them, and per city from a time on.
	profiles  bool
	pathBound []int32
	here      int32 // pathBound of the connection being scanned
	tripBound []int32
	tripSeen  runSet
	prof      [][]profEntry
	profGen   []uint32

	isOrig []uint32 // == gen where the station is an origin
	isDest []uint32
}

func (n *Network) getScratch(runs int) *scratch {
	s, _ := n.scratch.Get().(*scratch)
	if s == nil {
		s = &scratch{}
	}
	if len(s.stGen) < len(n.stations) {
		s.stGen = make([]uint32, len(n.stations))
		s.stBag = make([][]bagEntry, len(n.stations))
		s.isOrig = make([]uint32, len(n.stations))
		s.isDest = make([]uint32, len(n.stations))
		s.rsGen = make([]uint32, len(n.stations))
		s.queues = make([]stationQueue, len(n.stations))
	}
	if len(s.runGen) < runs {
		// Fresh slices hold stamp 0, older than any generation in use.
		s.runGen = make([]uint32, runs)
		s.runBag = make([][]tlabel, runs)
	}
	return s
}

// begin readies s for a scan from the stations from to the stations to,
// forgetting the labels of any scan before.
func (s *scratch) begin(from, to []int32) {
	s.gen++
	if s.gen == 0 { // wrapped: start afresh, forgetting every stamp
		for _, stamps := range [][]uint32{s.stGen, s.isOrig, s.isDest, s.departs} {
			clear(stamps)
		}
		clear(s.ea)
		s.gen = 1
	}
	s.nextRange()
	s.ranged = false
	s.profiles = false
	s.labels = s.labels[:0]
	s.target = s.target[:0]
	s.hasBest = false
	s.corridor = nil
	s.path = s.path[:0]
	s.fwd = forward{}
	for _, st := range from {
		s.isOrig[st] = s.gen
	}
	for _, st := range to {
		s.isDest[st] = s.gen
	}
}

// nextRange empties the run and ready sets, keeping the stations' labels
// and the journeys found.
func (s *scratch) nextRange() {
	s.rgen++
	if s.rgen == 0 { // wrapped
		clear(s.runGen)
		clear(s.rsGen)
		s.rgen = 1
	}
}

// dominance says which criteria compare labels.
type dominance struct {
	dep bool // a later departure is better (all but Fare and Transfers)
}

func (d dominance) tripLE(a, b *tlabel) bool {
	return a.class == b.class && a.legs <= b.legs && a.fare <= b.fare && (!d.dep || a.dep >= b.dep)
}

// Plan answers q.
func (n *Network) Plan(ctx context.Context, q Query) (*Result, error) {
	if err := q.check(); err != nil {
		return nil, err
	}
	from, fromCity, err := n.places(q.From)
	if err != nil {
		return nil, err
	}
	to, toCity, err := n.places(q.To)
	if err != nil {
		return nil, err
	}
	if fromCity == toCity {
		return nil, locale.Errorf("出发地和目的地在同一城市（%s）", "the origin and the destination are in one city (%s)", n.cities[fromCity].name)
	}
	classFilter := int16(-1)
	if q.Class != "" {
		classFilter = -2
		for i, c := range n.classes {
			if c == q.Class {
				classFilter = int16(i)
			}
		}
		if classFilter == -2 {
			return nil, locale.Errorf("没有席别 %q（可用：%s）", "no seat class %q (there are: %s)", q.Class, strings.Join(n.classes, "、"))
		}
	}
	horizon := int32(q.Horizon)
	if horizon == 0 {
		horizon = DefaultHorizon
	}
	t0 := int32(q.After)
	end := t0 + horizon
	originEnd := end // the last departure allowed from the origin
	if q.By == Duration || q.By == All {
		originEnd = min(end, t0+timetable.MinutesPerDay-1)
	}
	maxLegs := int16(32000)
	if q.MaxTransfers >= 0 {
		maxLegs = int16(min(q.MaxTransfers+1, 32000))
	}
	dom := dominance{dep: q.By != Fare && q.By != Transfers}

	// The runs that can matter leave their first stop from maxSpanDays
	// before the query's date to the day of its end.
	runs := int(n.run(0, int(end)/timetable.MinutesPerDay+1))
	s := n.getScratch(runs)
	defer n.scratch.Put(s)
	s.by = q.By
	s.bnd = n.boundsFor(q.To, to, q.Modes, classFilter, q.By)
	s.begin(from, to)

	sc := &scan{n: n, s: s, q: q, dom: dom, runs: runs, end: end, t0: t0, originEnd: originEnd,
		maxLegs: maxLegs, classFilter: classFilter, bestArr: unreachable, tl: n.timeline(q.Date, end)}
	// Without the class bit sets (see Network.classBits), arrival and
	// transfers have no earliest-arrival scan: the multi-criteria scan alone.
	switch {
	case q.By == Arrival && n.classBits:
		// The earliest arrival bounds every label: none may arrive later.
		a, err := sc.earliest(ctx, from, int(maxLegs))
		if err != nil {
			return nil, err
		}
		if a == unreachable {
			return &Result{Query: q}, nil
		}
		s.best, s.hasBest, sc.bestArr = [4]int64{int64(a), 1 << 62, 1 << 62, 1 << 62}, true, a
		s.corridor = sc.latestArrivals(a)
	case q.By == Transfers && n.classBits:
		// The fewest legs, and the earliest arrival with them, bound every
		// label: the scan is left with the fare to compare.
		legs, a, err := sc.fewestLegs(ctx, from, int(maxLegs))
		if err != nil {
			return nil, err
		}
		if a == unreachable {
			return &Result{Query: q}, nil
		}
		if legs > 0 {
			s.best, s.hasBest, sc.bestArr = [4]int64{int64(legs), int64(a), 1 << 62, 0}, true, a
			sc.maxLegs = int16(legs)
			s.corridor = sc.latestArrivals(a)
		}
	case q.By == All || q.By == Duration:
		// Nothing may arrive after the horizon: scan only what can.
		s.corridor = sc.latestArrivals(end)
		if q.By == All {
			sc.arrivalProfiles()
			s.profiles = true
			if err := sc.allOptions(ctx); err != nil {
				return nil, err
			}
			return n.result(s, q), nil
		}
	case q.By == Fare:
		// Scan first for journeys no dearer than the least fare the bounds
		// allow, then 5 %, 20 %, 50 % and 100 % more: such scans keep few
		// labels. The first that finds a journey has found the cheapest; if
		// none does, a scan without a budget.
		sc.fareFloor = 1 << 62
		for _, st := range from {
			sc.fareFloor = min(sc.fareFloor, s.bnd.fare[st])
		}
		for _, budget := range []int64{sc.fareFloor, sc.fareFloor * 21 / 20, sc.fareFloor * 6 / 5, sc.fareFloor * 3 / 2, sc.fareFloor * 2} {
			s.best, s.hasBest = [4]int64{budget, 1 << 62, 1 << 62, 0}, true
			if err := sc.run(ctx, t0); err != nil {
				return nil, err
			}
			if len(s.target) > 0 {
				return n.result(s, q), nil
			}
			s.begin(from, to)
		}
	}
	if err := sc.run(ctx, t0); err != nil {
		return nil, err
	}
	return n.result(s, q), nil
}

// board adds, to the run's trip labels, every way to be at the connection's
// first stop in time: from the origin, from a label at that station after
// its transfer time, or from another station of the city after the city's.
func (n *Network) board(s *scratch, q Query, dom dominance, c *conn, dep int32, run int32, maxLegs, classFilter int16, originEnd, t0 int32) {
	if s.bnd.time[c.from] == unreachable {
		return // nothing boarded here reaches the destination
	}
	s.cands = s.cands[:0]
	if s.isOrig[c.from] == s.gen && dep >= t0 && dep <= originEnd {
		s.cands = append(s.cands, slabel{dep: dep, arr: dep, run: -1, parent: -1})
	}
	for _, r := range s.readySet(c.from, dep, dom) {
		li := r.li
		l := &s.labels[li]
		if l.run != run && l.legs < maxLegs {
			cand := *l
			cand.parent = li
			s.cands = append(s.cands, cand)
		}
	}
	if len(s.cands) == 0 {
		return
	}
	if s.runGen[run] != s.rgen {
		s.runGen[run] = s.rgen
		s.runBag[run] = s.runBag[run][:0]
	}
	fares := n.fares[c.fareOff : c.fareOff+int32(c.fareN)]
	for i := range s.cands {
		cand := &s.cands[i]
		// Aboard, the candidate arrives no sooner than dep plus the riding
		// still needed, with at least one leg more and the least fare still
		// to pay: if that already loses, skip it.
		lb := *cand
		lb.arr = dep + s.bnd.time[c.from]
		if s.profiles {
			lb.arr = max(lb.arr, s.here)
		}
		lb.legs = cand.legs + max(1, s.bnd.legs[c.from])
		lb.fare = cand.fare + s.bnd.fare[c.from]
		if s.hasBest && !lexLess(lexKey(s.by, &lb), s.best) || s.dominatedByTarget(&lb, dom) {
			continue
		}
		parent := cand.parent
		if cand.run == -1 {
			parent = -1
		}
		for _, f := range fares {
			if classFilter >= 0 && f.class != classFilter || classFilter < 0 && f.outdone {
				continue
			}
			if s.fareCap(cand.fare+f.fen, c.to) {
				continue
			}
			t := tlabel{dep: cand.dep, fare: cand.fare, legs: cand.legs + 1, class: f.class, parent: parent, boardSeq: c.seq}
			s.runBag[run] = insertTrip(s.runBag[run], t, dom)
		}
	}
	if s.ranged && len(s.runBag[run]) > 0 {
		s.until = max(s.until, s.runLast[run])
	}
}

// insertTrip adds t to a run's labels unless one there is as good, dropping
// those t beats.
func insertTrip(bag []tlabel, t tlabel, dom dominance) []tlabel {
	drop := -1 // the first label t beats
	for i := range bag {
		if dom.tripLE(&bag[i], &t) {
			return bag
		}
		if drop < 0 && dom.tripLE(&t, &bag[i]) {
			drop = i
		}
	}
	if drop >= 0 {
		out := bag[:drop]
		for _, b := range bag[drop+1:] {
			if !dom.tripLE(&t, &b) {
				out = append(out, b)
			}
		}
		bag = out
	}
	return append(bag, t)
}

// ride adds the connection's fare to everyone aboard; those whose class is
// not sold on this section cannot stay in it.
func (n *Network) ride(s *scratch, dom dominance, c *conn, run int32, classFilter int16) {
	if s.runGen[run] != s.rgen {
		return
	}
	fares := n.fares[c.fareOff : c.fareOff+int32(c.fareN)]
	bag := s.runBag[run]
	out := bag[:0]
	for _, t := range bag {
		for _, f := range fares {
			if f.class == t.class {
				t.fare += f.fen
				if !s.fareCap(t.fare, c.to) {
					out = append(out, t)
				}
				break
			}
		}
	}
	s.runBag[run] = out
}

// fareCap reports whether, for Fare, a rider who has paid fare on arriving
// at station st must pay more than the best journey known.
func (s *scratch) fareCap(fare int64, st int32) bool {
	return s.by == Fare && s.hasBest && fare+s.bnd.fare[st] > s.best[0]
}

// alight offers everyone aboard a label at the connection's last stop, and
// at the destination a journey.
func (n *Network) alight(s *scratch, dom dominance, c *conn, arr int32, run int32, day int16) {
	if s.runGen[run] != s.rgen {
		return
	}
	for _, t := range s.runBag[run] {
		l := slabel{dep: t.dep, arr: arr, fare: t.fare, legs: t.legs, class: t.class, run: run, parent: t.parent,
			boardSeq: t.boardSeq, alightSeq: c.seq + 1, svc: c.svc, day: day, st: c.to}
		if s.bnd.time[c.to] == unreachable {
			continue
		}
		lb := s.lower(&l)
		if s.profiles && s.isDest[c.to] != s.gen {
			lb.arr = max(lb.arr, s.profileAt(n.stations[c.to].city, arr))
		}
		if s.hasBest && !lexLess(lexKey(s.by, &lb), s.best) || s.dominatedByTarget(&lb, dom) {
			continue
		}
		if s.isDest[c.to] != s.gen && s.corridor != nil && arr > s.corridor[c.to] {
			continue
		}
		if s.isDest[c.to] == s.gen {
			s.labels = append(s.labels, l)
			s.insertTarget(int32(len(s.labels)-1), dom)
			if s.by != All {
				if k := lexKey(s.by, &l); !s.hasBest || lexLess(k, s.best) {
					s.best, s.hasBest = k, true
				}
			}
			continue // journeys end at the destination
		}
		if li := s.insertStation(c.to, l, dom); li >= 0 {
			if s.ranged {
				s.until = max(s.until, s.cityLast[n.stations[c.to].city])
			}
			// It may board here after the station's transfer time, and at the
			// city's other stations after the city's.
			for _, ch := range n.changesFrom(c.to) {
				s.enqueue(ch.st, arr+ch.after, li)
			}
		}
	}
}

// lower returns l with what is still to come to the destination added at
// its least: any journey through l ends at least this late, with at least
// these legs and this fare.
func (s *scratch) lower(l *slabel) slabel {
	lb := *l
	lb.arr += s.bnd.time[l.st]
	lb.legs += s.bnd.legs[l.st]
	lb.fare += s.bnd.fare[l.st]
	return lb
}

// dominatedByTarget reports whether a journey found dominates every
// journey whose values are at least those of l.
func (s *scratch) dominatedByTarget(l *slabel, dom dominance) bool {
	e := bagEntry{arr: l.arr, dep: l.dep, fare: l.fare, legs: l.legs}
	// The journey that dropped the last label often drops the next.
	if h := s.targetHint; h < len(s.target) && dom.le(&s.target[h], &e, false) {
		return true
	}
	for i := range s.target {
		t := &s.target[i]
		if t.arr > e.arr {
			break
		}
		if dom.le(t, &e, false) {
			s.targetHint = i
			return true
		}
	}
	return false
}

// insertTarget adds the journey that ends in label li to those found,
// dropping those it dominates.
func (s *scratch) insertTarget(li int32, dom dominance) {
	l := &s.labels[li]
	e := bagEntry{arr: l.arr, dep: l.dep, fare: l.fare, legs: l.legs, li: li}
	out := s.target[:0]
	for _, t := range s.target {
		if !dom.le(&e, &t, false) {
			out = append(out, t)
		}
	}
	i := sort.Search(len(out), func(i int) bool { return out[i].arr > e.arr })
	s.target = slices.Insert(out, i, e)
}

// insertStation adds l to a station's labels unless it is dominated there
// (see insertEntry), and returns its index, or -1.
func (s *scratch) insertStation(st int32, l slabel, dom dominance) int32 {
	if s.stGen[st] != s.gen {
		s.stGen[st] = s.gen
		s.stBag[st] = s.stBag[st][:0]
	}
	li := int32(len(s.labels))
	e := bagEntry{arr: l.arr, dep: l.dep, fare: l.fare, legs: l.legs, run: l.run, li: li}
	bag, ok := insertEntry(s.stBag[st], e, dom, false)
	if !ok {
		return -1
	}
	s.stBag[st] = bag
	s.labels = append(s.labels, l)
	return li
}

// bagEntry is what dominance compares of a label, kept in a station's set
// of labels so that a check reads one array.
type bagEntry struct {
	arr, dep int32
	fare     int64
	legs     int16
	gone     bool // dropped while insertEntry works
	run      int32
	li       int32 // the label
}

// le reports whether a is at least as good as b; ready sets compare no
// arrivals (see readySet).
func (d dominance) le(a, b *bagEntry, ready bool) bool {
	return (ready || a.arr <= b.arr) && a.legs <= b.legs && a.fare <= b.fare && (!d.dep || a.dep >= b.dep)
}

// insertEntry adds e to bag unless it is dominated there: by an entry of
// its own run, or by entries of two different runs (so that whatever run
// comes next, one of them may board it). It then drops, one at a time, the
// entries that e dominates and the same rule drops among those left.
func insertEntry(bag []bagEntry, e bagEntry, dom dominance, ready bool) ([]bagEntry, bool) {
	if dominated(bag, -1, &e, dom, ready) {
		return bag, false
	}
	bag = append(bag, e)
	last := len(bag) - 1
	dropped := false
	for i := range last {
		if dom.le(&bag[last], &bag[i], ready) && dominated(bag, i, &bag[i], dom, ready) {
			bag[i].gone, dropped = true, true
		}
	}
	if !dropped {
		return bag, true
	}
	out := bag[:0]
	for _, b := range bag {
		if !b.gone {
			out = append(out, b)
		}
	}
	return out, true
}

// dominated reports whether e is dominated within bag, apart from the
// entry at skip and those gone, by an entry of its own run or by entries
// of two different runs.
func dominated(bag []bagEntry, skip int, e *bagEntry, dom dominance, ready bool) bool {
	other := int32(-2) // the run of a dominating entry of another run
	for i := len(bag) - 1; i >= 0; i-- {
		b := &bag[i]
		if i == skip || b.gone || !dom.le(b, e, ready) {
			continue
		}
		if b.run == e.run {
			return true
		}
		if other != -2 && other != b.run {
			return true
		}
		other = b.run
	}
	return false
}

// lexKey is what a single criterion compares, in order (see better).
func lexKey(by Criterion, l *slabel) [4]int64 {
	switch by {
	case Duration:
		return [4]int64{int64(l.arr - l.dep), int64(l.arr), int64(l.legs), l.fare}
	case Fare:
		return [4]int64{l.fare, int64(l.arr), int64(l.legs), 0}
	case Transfers:
		return [4]int64{int64(l.legs), int64(l.arr), l.fare, 0}
	default:
		return [4]int64{int64(l.arr), int64(l.legs), l.fare, -int64(l.dep)}
	}
}

func lexLess(a, b [4]int64) bool {
	for i := range a {
		if a[i] != b[i] {
			return a[i] < b[i]
		}
	}
	return false
}

// scan is one query's pass over the connections.
type scan struct {
	n                    *Network
	s                    *scratch
	q                    Query
	dom                  dominance
	runs                 int // how many runs the query may touch (see Network.run)
	end, t0, originEnd   int32
	maxLegs, classFilter int16
	bestArr              int32   // no journey wanted arrives later (Arrival lowers it as it finds them)
	fareFloor            int64   // no journey costs less (Fare)
	tl                   []event // the runs' connections in time order
}

// events yields the events to scan from time t on, in time order, with
// their positions in the scan: those of the corridor when there is one,
// else all.
func (sc *scan) events(t int32) iter.Seq2[int, *event] {
	return func(yield func(int, *event) bool) {
		if path := sc.s.path; sc.s.corridor != nil {
			// The path runs latest first: begin at its last event from t on.
			start := sort.Search(len(path), func(i int) bool { return sc.tl[path[i]].dep < t })
			for i := start - 1; i >= 0; i-- {
				if !yield(i, &sc.tl[sc.s.path[i]]) {
					return
				}
			}
			return
		}
		for i := from(sc.tl, t); i < len(sc.tl); i++ {
			if !yield(i, &sc.tl[i]) {
				return
			}
		}
	}
}

// run scans the connections leaving from time t on.
func (sc *scan) run(ctx context.Context, t int32) error {
	n, s, q := sc.n, sc.s, sc.q
	for i, e := range sc.events(t) {
		if e.dep > sc.end || e.dep > sc.bestArr || s.ranged && e.dep > s.until {
			return nil
		}
		if i&0xfff == 0 && ctx.Err() != nil {
			return ctx.Err()
		}
		if e.arr > sc.end || !q.Modes.allows(e.mode) {
			continue
		}
		run := e.run
		if s.runGen[run] != s.rgen && s.rsGen[e.from] != s.rgen && s.isOrig[e.from] != s.gen {
			continue // no one aboard and no one to board: the connection is not looked up
		}
		c := &n.conns[e.conn]
		if s.profiles {
			s.here = s.pathBound[i]
		}
		n.board(s, q, sc.dom, c, e.dep, run, sc.maxLegs, sc.classFilter, sc.originEnd, sc.t0)
		n.ride(s, sc.dom, c, run, sc.classFilter)
		n.alight(s, sc.dom, c, e.arr, run, n.runDay(run))
		switch {
		case q.By == Arrival:
			for _, t := range s.target {
				sc.bestArr = min(sc.bestArr, t.arr)
			}
		case q.By == Fare && s.hasBest && s.best[0] <= sc.fareFloor && s.best[1] < 1<<62:
			// A journey at the least fare possible: only an earlier arrival
			// can beat it.
			sc.bestArr = int32(s.best[1])
		}
	}
	return nil
}

// stationQueue holds a station's labels waiting to be ready to board
// (pend, by the time they are, the first at next) and its ready set.
type stationQueue struct {
	next  int32
	pend  minHeap
	ready []bagEntry
}

// noneReady is stationQueue.next when nothing waits.
const noneReady = 1<<31 - 1

// resetReady empties station st's queue and ready set on first use in a
// query.
func (s *scratch) resetReady(st int32) {
	if s.rsGen[st] != s.rgen {
		s.rsGen[st] = s.rgen
		q := &s.queues[st]
		q.pend, q.ready, q.next = q.pend[:0], q.ready[:0], noneReady
	}
}

// enqueue makes label li ready to board at station st from time ready on.
func (s *scratch) enqueue(st, ready, li int32) {
	s.resetReady(st)
	q := &s.queues[st]
	q.pend.push(ready, li)
	q.next = q.pend[0].key
}

// readySet moves the labels ready by time t into station st's ready set
// and returns it. In the set, a label is dropped when one of its own run,
// or two of different runs, leave no later, with no more legs and no
// higher fare: its arrival no longer matters once it can board.
func (s *scratch) readySet(st, t int32, dom dominance) []bagEntry {
	s.resetReady(st)
	q := &s.queues[st]
	if q.next > t {
		return q.ready
	}
	for len(q.pend) > 0 && q.pend[0].key <= t {
		li := q.pend.pop().val
		l := &s.labels[li]
		q.ready, _ = insertEntry(q.ready, bagEntry{dep: l.dep, fare: l.fare, legs: l.legs, run: l.run, li: li}, dom, true)
	}
	q.next = noneReady
	if len(q.pend) > 0 {
		q.next = q.pend[0].key
	}
	return q.ready
}
