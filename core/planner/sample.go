package planner

import (
	"math/rand/v2"

	"railair.app/railair/core/timetable"
)

// SampleQueries returns n reproducible queries for criterion by between
// random cities that services reach, at random times of the first week of
// December 2026, with no transfer limit: the workload of the benchmarks.
func SampleQueries(t *timetable.Timetable, n int, seed uint64, by Criterion) []Query {
	cityOf := map[string]string{}
	for _, s := range t.Stations {
		cityOf[s.Name] = s.City
	}
	served := map[string]bool{}
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
	if len(cities) < 2 {
		return nil
	}
	rng := rand.New(rand.NewPCG(seed, uint64(by)))
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
