package timetable

import (
	"math"
	"sort"
	"strings"

	"railair.app/railair/core/locale"
)

// Entity names what kind of record a Problem is about.
type Entity uint8

const (
	// CityEntity is a City.
	CityEntity Entity = iota
	// StationEntity is a Station.
	StationEntity
	// ServiceEntity is a Service (or one of its stops).
	ServiceEntity
)

// Field names the part of a record a Problem is about.
type Field string

// The fields a Problem may name. A fare is named FieldFare with the class in
// Problem.Class.
const (
	FieldName     Field = "name"
	FieldCity     Field = "city"
	FieldKind     Field = "kind"
	FieldLat      Field = "lat"
	FieldLon      Field = "lon"
	FieldTransfer Field = "transfer_min"
	FieldStation  Field = "station"
	FieldArrive   Field = "arrive"
	FieldDepart   Field = "depart"
	FieldKm       Field = "km"
	FieldFare     Field = "fare"
	FieldDays     Field = "days"
	FieldFirst    Field = "first_date"
	FieldLast     Field = "last_date"
	FieldStops    Field = "stops"
)

// Problem is one reason a timetable is not valid, located precisely enough
// for an importer to point at the cell.
type Problem struct {
	Entity Entity
	Key    string // the city or station name, or the service code
	Stop   int    // the stop's index within the service, or -1
	Field  Field
	Class  string // the seat class, for FieldFare
	locale.Text
}

// Error formats the problem with its record, in Chinese.
func (p Problem) Error() string { return p.Where(locale.Chinese) + ": " + p.Zh }

// Where names the record and stop in lang ("G1 第 3 站", "G1 stop 3").
func (p Problem) Where(lang locale.Lang) string {
	var t locale.Text
	switch {
	case p.Entity == CityEntity:
		t = locale.Textf("城市 %s", "city %s", p.Key)
	case p.Entity == StationEntity:
		t = locale.Textf("车站 %s", "station %s", p.Key)
	case p.Stop >= 0:
		t = locale.Textf("%s 第 %d 站", "%s stop %d", p.Key, p.Stop+1)
	default:
		t = locale.Textf("%s", "%s", p.Key)
	}
	return t.In(lang)
}

// Validate checks t and returns every problem found, in a stable order; none
// means t is valid. It checks the records themselves and that every
// reference (a station's city, a stop's station) resolves within t.
func Validate(t *Timetable) []Problem {
	var ps []Problem
	add := func(e Entity, key string, stop int, f Field, text locale.Text) {
		ps = append(ps, Problem{Entity: e, Key: key, Stop: stop, Field: f, Text: text})
	}
	cities := make(map[string]bool, len(t.Cities))
	for i := range t.Cities {
		c := &t.Cities[i]
		switch {
		case c.Name == "":
			add(CityEntity, c.Name, -1, FieldName, locale.Textf("城市名为空", "the city has no name"))
		case cities[c.Name]:
			add(CityEntity, c.Name, -1, FieldName, locale.Textf("城市 %s 重复", "city %s appears twice", c.Name))
		}
		cities[c.Name] = true
		ps = append(ps, checkPlace(CityEntity, c.Name, c.Lat, c.Lon, c.TransferMin)...)
	}
	stations := make(map[string]*Station, len(t.Stations))
	for i := range t.Stations {
		s := &t.Stations[i]
		switch {
		case s.Name == "":
			add(StationEntity, s.Name, -1, FieldName, locale.Textf("车站名为空", "the station has no name"))
		case stations[s.Name] != nil:
			add(StationEntity, s.Name, -1, FieldName, locale.Textf("车站 %s 重复", "station %s appears twice", s.Name))
		}
		stations[s.Name] = s
		if !cities[s.City] {
			add(StationEntity, s.Name, -1, FieldCity, locale.Textf("城市 %q 不存在", "city %q does not exist", s.City))
		}
		if s.Kind != Rail && s.Kind != Airport {
			add(StationEntity, s.Name, -1, FieldKind, locale.Textf("类型无效", "invalid kind"))
		}
		ps = append(ps, checkPlace(StationEntity, s.Name, s.Lat, s.Lon, s.TransferMin)...)
	}
	codes := make(map[string]bool, len(t.Services))
	for i := range t.Services {
		sv := &t.Services[i]
		switch {
		case sv.Code == "":
			add(ServiceEntity, sv.Code, -1, FieldName, locale.Textf("车次/航班号为空", "the service has no code"))
		case codes[sv.Code]:
			add(ServiceEntity, sv.Code, -1, FieldName, locale.Textf("车次/航班号 %s 重复", "service %s appears twice", sv.Code))
		}
		codes[sv.Code] = true
		ps = append(ps, ValidateService(sv, func(name string) (*Station, bool) {
			s, ok := stations[name]
			return s, ok
		})...)
	}
	return ps
}

func checkPlace(e Entity, key string, lat, lon float64, transfer int) []Problem {
	var ps []Problem
	if math.IsNaN(lat) || lat < -90 || lat > 90 {
		ps = append(ps, Problem{Entity: e, Key: key, Stop: -1, Field: FieldLat,
			Text: locale.Textf("纬度 %v 不在 -90 到 90 之间", "latitude %v is not between -90 and 90", lat)})
	}
	if math.IsNaN(lon) || lon < -180 || lon > 180 {
		ps = append(ps, Problem{Entity: e, Key: key, Stop: -1, Field: FieldLon,
			Text: locale.Textf("经度 %v 不在 -180 到 180 之间", "longitude %v is not between -180 and 180", lon)})
	}
	if transfer < 0 || transfer > 24*60 {
		ps = append(ps, Problem{Entity: e, Key: key, Stop: -1, Field: FieldTransfer,
			Text: locale.Textf("换乘时间 %d 分钟不在 0 到 1440 之间", "transfer time %d min is not between 0 and 1440", transfer)})
	}
	return ps
}

// ValidateService checks one service on its own, resolving station names
// with station (which reports false for an unknown name). It does not check
// that the code is unique.
func ValidateService(sv *Service, station func(name string) (*Station, bool)) []Problem {
	var ps []Problem
	add := func(stop int, f Field, class string, text locale.Text) {
		ps = append(ps, Problem{Entity: ServiceEntity, Key: sv.Code, Stop: stop, Field: f, Class: class, Text: text})
	}
	if sv.Mode != Train && sv.Mode != Flight {
		add(-1, FieldKind, "", locale.Textf("类型无效", "invalid mode"))
	}
	if len(sv.Stops) < 2 {
		add(-1, FieldStops, "", locale.Textf("至少需要两个站，只有 %d 个", "needs at least two stops, has %d", len(sv.Stops)))
	}
	if sv.Mode == Flight && len(sv.Stops) > 2 {
		add(-1, FieldStops, "", locale.Textf("航班只能有起降两站，经停航班请写成两个航班", "a flight has exactly two stops; write a flight with a stopover as two flights"))
	}
	if len(sv.Stops) > 0 && sv.Stops[0].Depart >= MinutesPerDay {
		add(0, FieldDepart, "", locale.Textf("始发时间 %s 应早于 24:00", "the first departure %s must be before 24:00", sv.Stops[0].Depart.Clock()))
	}
	if sv.Days&EveryDay == 0 || sv.Days&^EveryDay != 0 {
		add(-1, FieldDays, "", locale.Textf("班期为空", "runs on no day of the week"))
	}
	if sv.First != 0 && sv.Last != 0 && sv.Last < sv.First {
		add(-1, FieldLast, "", locale.Textf("结束日期 %s 早于开始日期 %s", "last date %s is before first date %s", sv.Last, sv.First))
	}
	last := len(sv.Stops) - 1
	prev := NoTime // the last time seen, to check that times never go backwards
	for i, st := range sv.Stops {
		s, ok := station(st.Station)
		switch {
		case st.Station == "":
			add(i, FieldStation, "", locale.Textf("车站为空", "no station"))
		case !ok:
			add(i, FieldStation, "", locale.Textf("车站 %q 不存在", "station %q does not exist", st.Station))
		case sv.Mode == Flight && s.Kind != Airport:
			add(i, FieldStation, "", locale.Textf("%s 不是机场，航班只能停靠机场", "%s is not an airport; flights use airports only", st.Station))
		case sv.Mode == Train && s.Kind != Rail:
			add(i, FieldStation, "", locale.Textf("%s 是机场，列车不能停靠", "%s is an airport; trains cannot call there", st.Station))
		}
		if i > 0 && st.Station != "" && st.Station == sv.Stops[i-1].Station {
			add(i, FieldStation, "", locale.Textf("与上一站相同", "same station as the stop before"))
		}
		switch {
		case i == 0 && st.Arrive != NoTime:
			add(i, FieldArrive, "", locale.Textf("始发站不应有到达时间", "the first stop has no arrival time"))
		case i > 0 && st.Arrive == NoTime:
			add(i, FieldArrive, "", locale.Textf("缺少到达时间", "arrival time missing"))
		}
		switch {
		case i == last && i > 0 && st.Depart != NoTime:
			add(i, FieldDepart, "", locale.Textf("终点站不应有出发时间", "the last stop has no departure time"))
		case i < last && st.Depart == NoTime:
			add(i, FieldDepart, "", locale.Textf("缺少出发时间", "departure time missing"))
		}
		for _, pair := range [2]struct {
			t Minutes
			f Field
		}{{st.Arrive, FieldArrive}, {st.Depart, FieldDepart}} {
			if pair.t == NoTime {
				continue
			}
			if pair.t < 0 {
				add(i, pair.f, "", locale.Textf("时间 %d 为负", "time %d is negative", pair.t))
				continue
			}
			if prev != NoTime && pair.t < prev {
				add(i, pair.f, "", locale.Textf("时间 %s 早于前一个时间 %s", "time %s is before the time before it, %s", pair.t.Clock(), prev.Clock()))
			}
			prev = pair.t
		}
		if math.IsNaN(st.Km) || st.Km < 0 {
			add(i, FieldKm, "", locale.Textf("里程 %v 为负", "distance %v is negative", st.Km))
		} else if i > 0 && st.Km != 0 && st.Km < sv.Stops[i-1].Km {
			add(i, FieldKm, "", locale.Textf("里程 %v 小于上一站的 %v", "distance %v is less than the stop before (%v)", st.Km, sv.Stops[i-1].Km))
		}
		if i == 0 && len(st.Fares) > 0 {
			add(i, FieldFare, sortedClasses(st.Fares)[0], locale.Textf("始发站没有区段，不应有票价", "the first stop starts no section and has no fare"))
		}
		for _, c := range sortedClasses(st.Fares) {
			f := st.Fares[c]
			if c == "" {
				add(i, FieldFare, c, locale.Textf("席别名为空", "a seat class has no name"))
			}
			if f < 0 {
				add(i, FieldFare, c, locale.Textf("%s 票价 %s 为负", "%s fare %s is negative", c, f))
			}
		}
	}
	return ps
}

// ProblemsError is the error for a timetable with problems.
type ProblemsError []Problem

func (e ProblemsError) Error() string { return e.In(locale.Chinese) }

// In formats the problems in lang, one a line.
func (e ProblemsError) In(lang locale.Lang) string {
	lines := make([]string, len(e))
	for i, p := range e {
		lines[i] = p.Where(lang) + ": " + p.Text.In(lang)
	}
	return strings.Join(lines, "\n")
}

func sortedClasses(fares map[string]Fare) []string {
	out := make([]string, 0, len(fares))
	for c := range fares {
		out = append(out, c)
	}
	sort.Slice(out, func(i, j int) bool { return ClassLess(out[i], out[j]) })
	return out
}
