package timetable

import (
	"math"
	"sort"
)

// Mode is how a service travels.
type Mode uint8

const (
	// Train is a rail service.
	Train Mode = iota
	// Flight is an air service.
	Flight
)

// String returns "train" or "flight", the words of the command line and JSON.
func (m Mode) String() string {
	if m == Flight {
		return "flight"
	}
	return "train"
}

// StationKind is what sort of place a station is.
type StationKind uint8

const (
	// Rail is a railway station.
	Rail StationKind = iota
	// Airport is an airport.
	Airport
)

// String returns "rail" or "airport".
func (k StationKind) String() string {
	if k == Airport {
		return "airport"
	}
	return "rail"
}

// Default transfer times, in minutes.
const (
	DefaultCityTransferMin    = 90 // between two stations of one city
	DefaultRailTransferMin    = 30 // changing trains within a rail station
	DefaultAirportTransferMin = 90 // changing flights within an airport
)

// DefaultTransferMin returns the default minimum transfer time at a station
// of kind k.
func DefaultTransferMin(k StationKind) int {
	if k == Airport {
		return DefaultAirportTransferMin
	}
	return DefaultRailTransferMin
}

// City is a place travellers ask for; it groups stations and airports.
type City struct {
	Name     string // Chinese name, the key: 北京
	NameEn   string // English name or pinyin: Beijing
	Province string
	Lat, Lon float64 // WGS-84-ish degrees; both zero when unknown
	// TransferMin is the time needed to change between two different
	// stations of this city (北京南 → 北京西, a rail station → the airport).
	TransferMin int
}

// Located reports whether the city has coordinates.
func (c *City) Located() bool { return c.Lat != 0 || c.Lon != 0 }

// Station is a rail station or an airport.
type Station struct {
	Name     string // the key: 北京南, 北京首都国际机场
	City     string // the City's Name
	Kind     StationKind
	Code     string // telecode (VNP) or IATA code (PEK); may be empty
	Lat, Lon float64
	// TransferMin is the minimum time to change services here.
	TransferMin int
}

// Located reports whether the station has coordinates.
func (s *Station) Located() bool { return s.Lat != 0 || s.Lon != 0 }

// Stop is one call of a service at a station.
type Stop struct {
	Station string  // the Station's Name
	Arrive  Minutes // NoTime at the first stop
	Depart  Minutes // NoTime at the last stop
	Km      float64 // distance from the first stop, 0 when unknown
	// Fares holds, per seat class, the fare of the section from the previous
	// stop to this one. Nil at the first stop.
	Fares map[string]Fare
}

// RowDay is the day of a stop's first time (its arrival, or its departure
// at the first stop): the 天 of its row in a workbook or the stop editor,
// whose times are that day's clock.
func (st *Stop) RowDay() int {
	first := st.Arrive
	if first == NoTime {
		first = st.Depart
	}
	if first == NoTime {
		return 0
	}
	return first.Day()
}

// Service is a train or a flight: a code, an ordered list of stops, and the
// days it runs.
type Service struct {
	Code     string // 车次 or 航班号: G1, CA1501; the key
	Mode     Mode
	Category string // G D C Z T K … for trains; AirlineOf(Code) for flights
	Stops    []Stop
	Days     Weekdays // weekdays it leaves its first stop; EveryDay by default
	First    Date     // first date it runs (inclusive); zero for no limit
	Last     Date     // last date it runs (inclusive); zero for no limit
}

// RunsOn reports whether the service leaves its first stop on day d.
func (s *Service) RunsOn(d Date) bool {
	if s.First != 0 && d < s.First || s.Last != 0 && d > s.Last {
		return false
	}
	return s.Days.Has(d.Weekday())
}

// Classes returns the seat classes sold on any section of s, in display order.
func (s *Service) Classes() []string {
	seen := map[string]bool{}
	var out []string
	for _, st := range s.Stops {
		for c := range st.Fares {
			if !seen[c] {
				seen[c] = true
				out = append(out, c)
			}
		}
	}
	sort.Slice(out, func(i, j int) bool { return ClassLess(out[i], out[j]) })
	return out
}

// StationCoords returns each station's longitude and latitude; a station
// without coordinates takes its city's.
func (t *Timetable) StationCoords() map[string][2]float64 {
	city := make(map[string][2]float64, len(t.Cities))
	for _, c := range t.Cities {
		city[c.Name] = [2]float64{c.Lon, c.Lat}
	}
	out := make(map[string][2]float64, len(t.Stations))
	for _, s := range t.Stations {
		if s.Located() {
			out[s.Name] = [2]float64{s.Lon, s.Lat}
		} else {
			out[s.Name] = city[s.City]
		}
	}
	return out
}

// AirlineOf returns the airline designator of a flight number: its first
// two characters when they are letters or digits followed by a digit
// ("CA1501" → "CA", "3U8881" → "3U"), or "" otherwise. It is a flight's
// Category.
func AirlineOf(code string) string {
	if len(code) < 3 {
		return ""
	}
	for i := 0; i < 3; i++ {
		c := code[i]
		alnum := c >= 'A' && c <= 'Z' || c >= '0' && c <= '9'
		if !alnum || i == 2 && (c < '0' || c > '9') {
			return ""
		}
	}
	return code[:2]
}

// RoundCoord rounds a latitude or longitude to six decimals (about 0.1 m),
// the precision RailAir keeps, so that every file format holds it exactly.
func RoundCoord(v float64) float64 { return math.Round(v*1e6) / 1e6 }

// Timetable is a whole dataset: the cities, their stations and the services
// between them.
type Timetable struct {
	Cities   []City
	Stations []Station
	Services []Service
}

// Classes returns every seat class used in t, in display order.
func (t *Timetable) Classes() []string {
	seen := map[string]bool{}
	var out []string
	for i := range t.Services {
		for _, c := range t.Services[i].Classes() {
			if !seen[c] {
				seen[c] = true
				out = append(out, c)
			}
		}
	}
	sort.Slice(out, func(i, j int) bool { return ClassLess(out[i], out[j]) })
	return out
}

// Sort puts cities, stations and services in a canonical order (by name or
// code), so that two equal timetables compare and export the same.
func (t *Timetable) Sort() {
	sort.Slice(t.Cities, func(i, j int) bool { return t.Cities[i].Name < t.Cities[j].Name })
	sort.Slice(t.Stations, func(i, j int) bool { return t.Stations[i].Name < t.Stations[j].Name })
	sort.Slice(t.Services, func(i, j int) bool { return t.Services[i].Code < t.Services[j].Code })
}
