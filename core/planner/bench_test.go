package planner

import (
	"context"
	"math/rand/v2"
	"testing"

	"railair.app/railair/core/timetable"
	"railair.app/railair/resources"
)

func nationalNetwork(tb testing.TB) (*timetable.Timetable, *Network) {
	tb.Helper()
	d, err := resources.National()
	if err != nil {
		tb.Fatal(err)
	}
	return &d.Timetable, Compile(&d.Timetable)
}

// benchQueries returns a fixed set of random queries between cities that
// services reach, at random times.
func benchQueries(t *timetable.Timetable, n int, by Criterion) []Query {
	served := map[string]bool{}
	cityOf := map[string]string{}
	for _, s := range t.Stations {
		cityOf[s.Name] = s.City
	}
	for _, sv := range t.Services {
		for _, st := range sv.Stops {
			served[cityOf[st.Station]] = true
		}
	}
	var cities []string
	for _, c := range t.Cities {
		if served[c.Name] {
			cities = append(cities, c.Name)
		}
	}
	rng := rand.New(rand.NewPCG(2026, 12))
	qs := make([]Query, n)
	for i := range qs {
		from, to := cities[rng.IntN(len(cities))], cities[rng.IntN(len(cities))]
		for to == from {
			to = cities[rng.IntN(len(cities))]
		}
		qs[i] = Query{From: from, To: to, Date: timetable.NewDate(2026, 12, 1+rng.IntN(7)),
			After: timetable.Minutes(rng.IntN(timetable.MinutesPerDay)), By: by, MaxTransfers: -1}
	}
	return qs
}

func BenchmarkCompileNational(b *testing.B) {
	d, err := resources.National()
	if err != nil {
		b.Fatal(err)
	}
	b.ReportAllocs()
	for b.Loop() {
		Compile(&d.Timetable)
	}
}

func benchCriterion(b *testing.B, by Criterion) {
	t, n := nationalNetwork(b)
	qs := benchQueries(t, 1000, by)
	ctx := context.Background()
	b.ReportAllocs()
	i := 0
	for b.Loop() {
		if _, err := n.Plan(ctx, qs[i%len(qs)]); err != nil {
			b.Fatal(err)
		}
		i++
	}
}

func BenchmarkArrival(b *testing.B)   { benchCriterion(b, Arrival) }
func BenchmarkTransfers(b *testing.B) { benchCriterion(b, Transfers) }
func BenchmarkFare(b *testing.B)      { benchCriterion(b, Fare) }
func BenchmarkDuration(b *testing.B)  { benchCriterion(b, Duration) }
func BenchmarkAll(b *testing.B)       { benchCriterion(b, All) }
