// Package synth makes synthetic timetables of a realistic shape for
// measuring the planner at scale: cities scattered over China's extent,
// hub cities with several stations and airports, regional lines between
// neighbouring cities, long-distance lines across the country, and flights
// between airports, most of them touching a hub. The same seed gives the
// same timetable.
package synth

import (
	"fmt"
	"math"
	"math/rand/v2"
	"sort"

	"railair.app/railair/core/timetable"
)

// Generate returns a valid timetable with about the given numbers of
// stations (rail stations and airports) and services.
func Generate(stations, services int, seed uint64) *timetable.Timetable {
	rng := rand.New(rand.NewPCG(seed, 0x5eed))
	t := &timetable.Timetable{}
	type place struct {
		city     int
		rail     []string
		airports []string
		lat, lon float64
		hub      bool
	}
	nCities := max(2, stations/4)
	cities := make([]place, nCities)
	for i := range cities {
		c := &cities[i]
		c.city = i
		c.lat, c.lon = 20+rng.Float64()*25, 85+rng.Float64()*40
		c.hub = i < max(1, nCities/12)
		t.Cities = append(t.Cities, timetable.City{Name: fmt.Sprintf("城%d", i), NameEn: fmt.Sprintf("City%d", i),
			Lat: timetable.RoundCoord(c.lat), Lon: timetable.RoundCoord(c.lon), TransferMin: 60 + rng.IntN(4)*15})
	}
	// Stations: every city has one; hubs several and airports; the rest are
	// spread at random.
	addStation := func(c *place, airport bool) {
		kind, list := timetable.Rail, &c.rail
		name := fmt.Sprintf("城%d站%d", c.city, len(c.rail))
		if airport {
			kind, list = timetable.Airport, &c.airports
			name = fmt.Sprintf("城%d机场%d", c.city, len(c.airports))
		}
		*list = append(*list, name)
		t.Stations = append(t.Stations, timetable.Station{Name: name, City: t.Cities[c.city].Name, Kind: kind,
			TransferMin: timetable.DefaultTransferMin(kind)})
	}
	for i := range cities {
		addStation(&cities[i], false)
		if cities[i].hub {
			addStation(&cities[i], true)
		}
	}
	for len(t.Stations) < stations {
		c := &cities[rng.IntN(nCities)]
		if c.hub {
			c = &cities[rng.IntN(max(1, nCities/12))]
		}
		addStation(c, rng.IntN(6) == 0)
	}
	dist := func(a, b *place) float64 {
		dlat, dlon := (a.lat-b.lat)*111, (a.lon-b.lon)*111*math.Cos((a.lat+b.lat)/2*math.Pi/180)
		return math.Hypot(dlat, dlon)
	}
	// Neighbours for regional lines: each city's nearest ones.
	order := make([][]int, nCities)
	d := make([]float64, nCities)
	for i := range cities {
		idx := make([]int, nCities)
		for j := range idx {
			idx[j] = j
			d[j] = dist(&cities[i], &cities[j])
		}
		sort.Slice(idx, func(a, b int) bool { return d[idx[a]] < d[idx[b]] })
		order[i] = idx[1:min(len(idx), 9)]
	}
	var airportCities []int
	for i := range cities {
		if len(cities[i].airports) > 0 {
			airportCities = append(airportCities, i)
		}
	}
	for n := 0; len(t.Services) < services && n < 5*services; n++ {
		code := fmt.Sprintf("S%d", n)
		sv := timetable.Service{Code: code, Days: timetable.EveryDay}
		if rng.IntN(6) == 0 {
			sv.Days = timetable.Weekdays(1 + rng.IntN(127))
		}
		var route []int // cities in order
		speed, dwell := 120.0, 3
		switch r := rng.IntN(10); {
		case r < 2 && len(airportCities) >= 2: // a flight
			a := airportCities[rng.IntN(len(airportCities))]
			b := airportCities[rng.IntN(len(airportCities))]
			if a == b {
				continue
			}
			sv.Code = fmt.Sprintf("F%d", n)
			sv.Mode, sv.Category = timetable.Flight, "F"
			route, speed = []int{a, b}, 750
		case r < 6: // regional: a walk over neighbours
			sv.Category = []string{"D", "C", "K"}[rng.IntN(3)]
			cur := rng.IntN(nCities)
			route = []int{cur}
			for k := 0; k < 2+rng.IntN(6); k++ {
				cur = order[cur][rng.IntN(len(order[cur]))]
				route = append(route, cur)
			}
			if sv.Category == "K" {
				speed = 70
			}
		default: // long distance: towards a far city, calling on the way
			sv.Category = []string{"G", "Z", "T", "K"}[rng.IntN(4)]
			from, to := rng.IntN(nCities), rng.IntN(nCities)
			route = []int{from}
			cur := from
			for k := 0; k < 20 && cur != to; k++ {
				best := order[cur][0]
				for _, nb := range order[cur] {
					if dist(&cities[nb], &cities[to]) < dist(&cities[best], &cities[to]) {
						best = nb
					}
				}
				if dist(&cities[best], &cities[to]) >= dist(&cities[cur], &cities[to]) {
					break
				}
				cur = best
				route = append(route, cur)
			}
			if sv.Category != "G" {
				speed = 90
			}
			dwell = 6
		}
		if len(route) < 2 {
			continue
		}
		clock := timetable.Minutes(5*60 + rng.IntN(18*60))
		km := 0.0
		prevStation := ""
		for k, ci := range route {
			c := &cities[ci]
			pool := c.rail
			if sv.Mode == timetable.Flight {
				pool = c.airports
			}
			st := pool[rng.IntN(len(pool))]
			if st == prevStation {
				continue
			}
			stop := timetable.Stop{Station: st, Arrive: timetable.NoTime, Depart: timetable.NoTime}
			if k > 0 {
				d := math.Max(5, dist(&cities[route[k-1]], c)*1.2)
				km += math.Round(d)
				clock += timetable.Minutes(math.Ceil(d / speed * 60))
				stop.Arrive, stop.Km = clock, km
				stop.Fares = fares(sv.Category, d)
			}
			if k < len(route)-1 {
				if k > 0 {
					clock += timetable.Minutes(dwell)
				}
				stop.Depart = clock
			}
			sv.Stops = append(sv.Stops, stop)
			prevStation = st
		}
		if len(sv.Stops) < 2 || sv.Stops[len(sv.Stops)-1].Depart != timetable.NoTime {
			continue
		}
		if sv.Mode == timetable.Flight {
			sv.Category = timetable.AirlineOf(sv.Code)
		}
		t.Services = append(t.Services, sv)
	}
	return t
}

// fares gives a section of d km its fares by category, roughly as the
// national dataset does.
func fares(category string, d float64) map[string]timetable.Fare {
	half := func(f float64) timetable.Fare { return timetable.Yuan(math.Round(f*2) / 2) }
	switch category {
	case "G":
		return map[string]timetable.Fare{"二等座": half(0.46 * d), "一等座": half(0.77 * d), "商务座": half(1.45 * d)}
	case "D", "C":
		return map[string]timetable.Fare{"二等座": half(0.31 * d), "一等座": half(0.37 * d)}
	case "F":
		return map[string]timetable.Fare{"经济舱": timetable.Yuan(math.Round(d * 0.9)), "公务舱": timetable.Yuan(math.Round(d * 2.4))}
	default:
		return map[string]timetable.Fare{"硬座": half(0.12 * d), "硬卧": half(0.22 * d), "软卧": half(0.34 * d)}
	}
}
