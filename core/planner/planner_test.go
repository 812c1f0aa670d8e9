package planner

import (
	"context"
	"flag"
	"fmt"
	"math/rand/v2"
	"reflect"
	"sort"
	"sync"
	"testing"

	"railair.app/railair/core/timetable"
)

// refMaxLegs bounds the reference's search for queries with no transfer
// limit; random timetables this small need no more.
const refMaxLegs = 5

var (
	propertyCases = flag.Int("cases", 2000, "random timetables in TestAgainstReference (four queries each)")
	update        = flag.Bool("update", false, "rewrite testdata/national.golden")
)

// randomTimetable makes a small timetable with the awkward cases: several
// stations and an airport per city, overnight services, operating days and
// date ranges, missing seat classes, zero dwell times and zero transfer
// times, services that share times.
func randomTimetable(rng *rand.Rand) *timetable.Timetable {
	t := &timetable.Timetable{}
	nCities := 2 + rng.IntN(4)
	var rail, air []string
	for c := 0; c < nCities; c++ {
		name := fmt.Sprintf("C%d", c)
		t.Cities = append(t.Cities, timetable.City{Name: name, TransferMin: rng.IntN(4) * 30})
		for s := 0; s < 1+rng.IntN(3); s++ {
			st := timetable.Station{Name: fmt.Sprintf("%s-%d", name, s), City: name, Kind: timetable.Rail, TransferMin: rng.IntN(3) * 15}
			if s == 2 || rng.IntN(5) == 0 && s > 0 {
				st.Kind = timetable.Airport
				air = append(air, st.Name)
			} else {
				rail = append(rail, st.Name)
			}
			t.Stations = append(t.Stations, st)
		}
	}
	classes := []string{"A", "B", "C"}
	fares := func(first bool) map[string]timetable.Fare {
		if first {
			return nil
		}
		m := map[string]timetable.Fare{}
		for _, c := range classes {
			if rng.IntN(5) > 0 {
				m[c] = timetable.Fare(100 * (1 + rng.IntN(20)))
			}
		}
		return m
	}
	times := []timetable.Minutes{0, 60, 120, 360, 480, 600, 720, 900, 1200, 1380, 1430}
	nServices := 3 + rng.IntN(10)
	for i := 0; i < nServices; i++ {
		sv := timetable.Service{Code: fmt.Sprintf("S%d", i), Days: timetable.EveryDay}
		if rng.IntN(3) == 0 {
			sv.Days = timetable.Weekdays(1 + rng.IntN(127))
		}
		if rng.IntN(5) == 0 {
			sv.First = timetable.NewDate(2026, 12, 1+rng.IntN(4))
			sv.Last = sv.First + timetable.Date(rng.IntN(6))
		}
		pool := rail
		if len(air) >= 2 && rng.IntN(3) == 0 {
			pool, sv.Mode = air, timetable.Flight
		}
		if len(pool) < 2 {
			continue
		}
		n := 2
		if sv.Mode == timetable.Train {
			n = 2 + rng.IntN(4)
		}
		t0 := times[rng.IntN(len(times))]
		prev := ""
		for k := 0; k < n; k++ {
			st := pool[rng.IntN(len(pool))]
			for st == prev {
				st = pool[rng.IntN(len(pool))]
			}
			prev = st
			stop := timetable.Stop{Station: st, Arrive: timetable.NoTime, Depart: timetable.NoTime, Fares: fares(k == 0)}
			if k > 0 {
				if rng.IntN(8) > 0 { // zero-length sections now and then
					t0 += timetable.Minutes(1 + rng.IntN(4)*rng.IntN(300)) // some sections overnight
				}
				stop.Arrive = t0
			}
			if k < n-1 {
				if k > 0 {
					t0 += timetable.Minutes(rng.IntN(3) * 5) // zero dwell now and then
				}
				stop.Depart = t0
			}
			sv.Stops = append(sv.Stops, stop)
		}
		t.Services = append(t.Services, sv)
	}
	return t
}

func randomQuery(rng *rand.Rand, t *timetable.Timetable) Query {
	place := func() string {
		if rng.IntN(4) == 0 {
			return t.Stations[rng.IntN(len(t.Stations))].Name
		}
		return t.Cities[rng.IntN(len(t.Cities))].Name
	}
	q := Query{From: place(), To: place(), Date: timetable.NewDate(2026, 12, 1+rng.IntN(7)),
		After: timetable.Minutes(rng.IntN(24) * 60), By: Criterion(rng.IntN(5)),
		Modes: Modes(rng.IntN(3)), MaxTransfers: rng.IntN(4)}
	if rng.IntN(4) == 0 {
		q.Class = []string{"A", "B", "C"}[rng.IntN(3)]
	}
	if rng.IntN(4) == 0 {
		q.MaxTransfers = -1 // no limit: the reference enumerates up to refMaxLegs
	}
	if rng.IntN(3) == 0 {
		q.Horizon = 24*60 + rng.IntN(48*60)
	}
	return q
}

// fastAnswer is the fast planner's answer in the reference's terms.
func fastAnswer(q Query, res *Result) [][]int64 {
	var out [][]int64
	for _, j := range res.Journeys {
		r := refJourney{int(j.Depart), int(j.Arrive), int64(j.Fare), j.Transfers}
		if q.By == All {
			out = append(out, []int64{int64(r.dep), int64(r.arr), r.fare, int64(r.transfers)})
		} else {
			out = append(out, refKey(q.By, r))
		}
	}
	sort.Slice(out, func(i, j int) bool { return keyLess(out[i], out[j]) })
	return out
}

// TestAgainstReference compares the fast planner with the reference on
// random timetables and queries: every criterion's key values, and every
// journey checked leg by leg against the timetable.
func TestAgainstReference(t *testing.T) {
	rng := rand.New(rand.NewPCG(7, 11))
	checked, answered := 0, 0
	for i := 0; i < *propertyCases; i++ {
		tt := randomTimetable(rng)
		if len(timetable.Validate(tt)) > 0 {
			t.Fatalf("case %d: the generator made an invalid timetable: %v", i, timetable.ProblemsError(timetable.Validate(tt)))
		}
		n := Compile(tt)
		if i%5 == 4 {
			// As with more seat classes than the bit sets hold: the
			// multi-criteria scan without the earliest-arrival scans.
			n.classBits = false
		}
		for k := 0; k < 4; k++ {
			q := randomQuery(rng, tt)
			res, err := n.Plan(context.Background(), q)
			if err != nil {
				continue // the same city, or such
			}
			checked++
			legs := q.MaxTransfers + 1
			if q.MaxTransfers < 0 {
				legs = refMaxLegs
			}
			want := refAnswer(q, refAll(tt, q, legs))
			got := fastAnswer(q, res)
			if len(want) > 0 {
				answered++
			}
			if !reflect.DeepEqual(got, want) {
				t.Fatalf("case %d query %+v:\nfast      %v\nreference %v\ntimetable %+v", i, q, got, want, tt)
			}
			for _, j := range res.Journeys {
				if err := checkJourney(tt, q, j); err != nil {
					t.Fatalf("case %d query %+v: journey %+v: %v", i, q, j, err)
				}
			}
		}
	}
	t.Logf("%d queries compared, %d with journeys", checked, answered)
}

// checkJourney verifies a journey against the timetable's rules.
func checkJourney(tt *timetable.Timetable, q Query, j Journey) error {
	svc := map[string]*timetable.Service{}
	for i := range tt.Services {
		svc[tt.Services[i].Code] = &tt.Services[i]
	}
	st := map[string]timetable.Station{}
	for _, s := range tt.Stations {
		st[s.Name] = s
	}
	ct := map[string]timetable.City{}
	for _, c := range tt.Cities {
		ct[c.Name] = c
	}
	var fare timetable.Fare
	for i, l := range j.Legs {
		sv := svc[l.Service]
		if sv == nil || sv.Stops[l.FromStop].Station != l.From || sv.Stops[l.ToStop].Station != l.To || l.ToStop <= l.FromStop {
			return fmt.Errorf("leg %d does not follow its service", i)
		}
		if l.Depart < q.After && i == 0 {
			return fmt.Errorf("leaves before %s", q.After)
		}
		if (l.Depart-sv.Stops[l.FromStop].Depart)%timetable.MinutesPerDay != 0 || l.Arrive-l.Depart != sv.Stops[l.ToStop].Arrive-sv.Stops[l.FromStop].Depart {
			return fmt.Errorf("leg %d times %s–%s do not match the service", i, l.Depart, l.Arrive)
		}
		f, ok := refLegFare(sv, l.FromStop, l.ToStop, q.Class)
		if !ok || timetable.Fare(f) != l.Fare || (q.Class != "" && l.Class != q.Class) {
			return fmt.Errorf("leg %d fare %s in %s, want %d", i, l.Fare, l.Class, f)
		}
		fare += l.Fare
		if i > 0 {
			p := j.Legs[i-1]
			need := st[l.From].TransferMin
			if l.From != p.To {
				if st[l.From].City != st[p.To].City {
					return fmt.Errorf("leg %d starts in another city than leg %d ends", i, i-1)
				}
				need = ct[st[l.From].City].TransferMin
			}
			if int(l.Depart-p.Arrive) < need || l.Wait != int(l.Depart-p.Arrive) {
				return fmt.Errorf("leg %d leaves %d min after arriving, needs %d", i, l.Depart-p.Arrive, need)
			}
			if l.Service == p.Service && l.Depart-sv.Stops[l.FromStop].Depart == p.Depart-sv.Stops[p.FromStop].Depart {
				return fmt.Errorf("leg %d boards the run leg %d left", i, i-1)
			}
		}
	}
	if fare != j.Fare || j.Transfers != len(j.Legs)-1 {
		return fmt.Errorf("totals %s/%d do not add up", j.Fare, j.Transfers)
	}
	return nil
}

func TestPlacesByEnglishName(t *testing.T) {
	tt := randomTimetable(rand.New(rand.NewPCG(1, 2)))
	tt.Cities[0].NameEn = "Beijing"
	n := Compile(tt)
	a, ca, err := n.places("beijing")
	b, cb, _ := n.places(tt.Cities[0].Name)
	if err != nil || ca != cb || !reflect.DeepEqual(a, b) {
		t.Errorf("places(beijing) = %v %v %v; want the stations of %s", a, ca, err, tt.Cities[0].Name)
	}
	if _, _, err := n.places("nowhere"); err == nil {
		t.Error("an unknown name resolved")
	}
}

// TestConcurrentQueries plans from several goroutines on one network and
// expects the answers of planning one at a time.
func TestConcurrentQueries(t *testing.T) {
	rng := rand.New(rand.NewPCG(3, 4))
	tt := randomTimetable(rng)
	for len(tt.Services) < 8 {
		tt = randomTimetable(rng)
	}
	n := Compile(tt)
	var qs []Query
	var want [][][]int64
	for len(qs) < 40 {
		q := randomQuery(rng, tt)
		res, err := n.Plan(context.Background(), q)
		if err != nil {
			continue
		}
		qs = append(qs, q)
		want = append(want, fastAnswer(q, res))
	}
	errs := make(chan error, 4*len(qs))
	var wg sync.WaitGroup
	for g := 0; g < 4; g++ {
		wg.Add(1)
		go func(g int) {
			defer wg.Done()
			for i := range qs {
				k := (i + g*7) % len(qs)
				res, err := n.Plan(context.Background(), qs[k])
				if err != nil {
					errs <- err
					continue
				}
				if got := fastAnswer(qs[k], res); !reflect.DeepEqual(got, want[k]) {
					errs <- fmt.Errorf("query %d: %v, alone %v", k, got, want[k])
				}
			}
		}(g)
	}
	wg.Wait()
	close(errs)
	for err := range errs {
		t.Error(err)
	}
}

func TestCancel(t *testing.T) {
	_, n := nationalNetwork(t)
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	_, err := n.Plan(ctx, Query{From: "北京", To: "广州", Date: timetable.NewDate(2026, 12, 1), After: 480, By: All, MaxTransfers: -1})
	if err != context.Canceled {
		t.Errorf("Plan with a cancelled context = %v", err)
	}
}

func TestLegStations(t *testing.T) {
	_, n := nationalNetwork(t)
	res, err := n.Plan(context.Background(), Query{From: "北京", To: "上海", Date: timetable.NewDate(2026, 12, 1), After: 480, Modes: TrainOnly, MaxTransfers: -1})
	if err != nil || len(res.Journeys) == 0 {
		t.Fatal(err)
	}
	l := res.Journeys[0].Legs[0] // G19 北京南 → 南京南, passing 济南西
	got := n.LegStations(&l)
	if len(got) != l.ToStop-l.FromStop+1 || got[0] != l.From || got[len(got)-1] != l.To {
		t.Errorf("LegStations(%s %s→%s) = %v", l.Service, l.From, l.To, got)
	}
	unknown := Leg{Service: "X0", From: "甲", To: "乙"}
	if got := n.LegStations(&unknown); len(got) != 2 || got[0] != "甲" {
		t.Errorf("LegStations of an unknown service = %v", got)
	}
}

// TestZeroMinuteChain rides a chain of sections that take no time, in one
// minute, between services with no transfer time: A→B, then B→C, then C→D.
// The timeline must put them in the chain's order, which is not the order
// of their services.
func TestZeroMinuteChain(t *testing.T) {
	tt := &timetable.Timetable{}
	for _, c := range []string{"A", "B", "C", "D"} {
		tt.Cities = append(tt.Cities, timetable.City{Name: c})
		tt.Stations = append(tt.Stations, timetable.Station{Name: c + "站", City: c, Kind: timetable.Rail})
	}
	section := func(code, from, to string, dep, arr timetable.Minutes, fare timetable.Fare) timetable.Service {
		return timetable.Service{Code: code, Days: timetable.EveryDay, Stops: []timetable.Stop{
			{Station: from + "站", Arrive: timetable.NoTime, Depart: dep},
			{Station: to + "站", Arrive: arr, Depart: timetable.NoTime, Fares: map[string]timetable.Fare{"A": fare}},
		}}
	}
	tt.Services = []timetable.Service{
		section("S0", "B", "C", 600, 600, 1000),
		section("S1", "A", "B", 600, 600, 1000),
		section("S2", "C", "D", 600, 660, 1000),
		section("S3", "A", "D", 690, 840, 500),
	}
	if p := timetable.Validate(tt); len(p) > 0 {
		t.Fatal(timetable.ProblemsError(p))
	}
	n := Compile(tt)
	for _, tc := range []struct {
		by   Criterion
		want [][]int64
	}{
		{Arrival, [][]int64{{660, 2, 3000, -600}}},
		{All, [][]int64{{600, 660, 3000, 2}, {690, 840, 500, 0}}},
	} {
		q := Query{From: "A", To: "D", Date: timetable.NewDate(2026, 12, 1), After: 480, By: tc.by, MaxTransfers: -1}
		res, err := n.Plan(context.Background(), q)
		if err != nil {
			t.Fatal(err)
		}
		got := fastAnswer(q, res)
		if ref := refAnswer(q, refAll(tt, q, refMaxLegs)); !reflect.DeepEqual(got, ref) || !reflect.DeepEqual(got, tc.want) {
			t.Errorf("%s: fast %v, reference %v, want %v", tc.by, got, ref, tc.want)
		}
	}
}

// TestClassGapAboard rides a service whose class A is not sold on its middle
// section: no leg in A may pass it, even where the scans have someone able
// to board it again after the gap.
func TestClassGapAboard(t *testing.T) {
	tt := &timetable.Timetable{}
	for _, c := range []string{"A", "B", "C", "D"} {
		tt.Cities = append(tt.Cities, timetable.City{Name: c})
		tt.Stations = append(tt.Stations, timetable.Station{Name: c + "站", City: c, Kind: timetable.Rail})
	}
	stop := func(st string, arr, dep timetable.Minutes, fares map[string]timetable.Fare) timetable.Stop {
		return timetable.Stop{Station: st + "站", Arrive: arr, Depart: dep, Fares: fares}
	}
	no := timetable.NoTime
	tt.Services = []timetable.Service{
		{Code: "S2", Days: timetable.EveryDay, Stops: []timetable.Stop{
			stop("A", no, 480, nil), stop("B", 540, 540, map[string]timetable.Fare{"A": 10}),
			stop("C", 600, 600, map[string]timetable.Fare{"C": 10}), stop("D", 720, no, map[string]timetable.Fare{"A": 10})}},
		{Code: "S3", Days: timetable.EveryDay, Stops: []timetable.Stop{
			stop("A", no, 480, nil), stop("D", 720, no, map[string]timetable.Fare{"A": 500})}},
		{Code: "S4", Days: timetable.EveryDay, Stops: []timetable.Stop{
			stop("A", no, 480, nil), stop("C", 570, no, map[string]timetable.Fare{"A": 100})}},
	}
	if p := timetable.Validate(tt); len(p) > 0 {
		t.Fatal(timetable.ProblemsError(p))
	}
	n := Compile(tt)
	for _, tc := range []struct {
		by    Criterion
		class string
		want  [][]int64
	}{
		{Arrival, "", [][]int64{{720, 0, 500, -480}}},
		{Arrival, "A", [][]int64{{720, 0, 500, -480}}},
		{Fare, "", [][]int64{{30, 3600, 2}}},
		{All, "", [][]int64{{480, 720, 110, 1}, {480, 720, 500, 0}, {480, 3600, 30, 2}}},
	} {
		q := Query{From: "A", To: "D", Date: timetable.NewDate(2026, 12, 1), After: 420, By: tc.by, Class: tc.class, MaxTransfers: -1}
		res, err := n.Plan(context.Background(), q)
		if err != nil {
			t.Fatal(err)
		}
		got := fastAnswer(q, res)
		if ref := refAnswer(q, refAll(tt, q, refMaxLegs)); !reflect.DeepEqual(got, ref) || !reflect.DeepEqual(got, tc.want) {
			t.Errorf("%s in %q: fast %v, reference %v, want %v", tc.by, tc.class, got, ref, tc.want)
		}
	}
}
