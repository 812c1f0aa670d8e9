package planner

import (
	"context"
	"slices"
	"testing"
	"time"

	"railair.app/railair/core/synth"
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

// warmTimelines builds the cached timelines of the queries' dates, as a
// running app has them: the benchmarks measure queries, not the first
// query of a day.
func warmTimelines(n *Network, qs []Query) {
	for _, q := range qs {
		n.timeline(q.Date, 0)
	}
}

func benchCriterion(b *testing.B, by Criterion) {
	t, n := nationalNetwork(b)
	qs := SampleQueries(t, 1000, 2026, by)
	warmTimelines(n, qs)
	planEach(b, n, qs)
}

// planEach plans the queries in turn, and reports besides the mean the
// median time of a query, which the planner's targets are stated in.
func planEach(b *testing.B, n *Network, qs []Query) {
	ctx := context.Background()
	b.ReportAllocs()
	var times []float64
	i := 0
	for b.Loop() {
		start := time.Now()
		if _, err := n.Plan(ctx, qs[i%len(qs)]); err != nil {
			b.Fatal(err)
		}
		times = append(times, float64(time.Since(start).Nanoseconds()))
		i++
	}
	slices.Sort(times)
	b.ReportMetric(times[len(times)/2]/1e6, "median-ms")
}

func BenchmarkArrival(b *testing.B)   { benchCriterion(b, Arrival) }
func BenchmarkTransfers(b *testing.B) { benchCriterion(b, Transfers) }
func BenchmarkFare(b *testing.B)      { benchCriterion(b, Fare) }
func BenchmarkDuration(b *testing.B)  { benchCriterion(b, Duration) }
func BenchmarkAll(b *testing.B)       { benchCriterion(b, All) }

// BenchmarkArrival10x and BenchmarkAll10x plan on a synthetic network ten
// times the national one: 36,000 stations and 40,000 services, which run
// 333,000 connections a day (the national network 33,209).
func BenchmarkArrival10x(b *testing.B) { benchSynthetic(b, Arrival, 40000) }

func BenchmarkAll10x(b *testing.B) { benchSynthetic(b, All, 40000) }

// BenchmarkArrival32x plans on a synthetic network with ten times the
// national services but thirty-two times its connections (1,080,000 a day):
// its services stop more often than the national ones.
func BenchmarkArrival32x(b *testing.B) { benchSynthetic(b, Arrival, 130000) }

func benchSynthetic(b *testing.B, by Criterion, services int) {
	t := synth.Generate(36000, services, 1)
	n := Compile(t)
	qs := SampleQueries(t, 200, 2026, by)
	warmTimelines(n, qs)
	b.ReportMetric(float64(n.ConnectionsPerDay()), "conns/day")
	planEach(b, n, qs)
}
