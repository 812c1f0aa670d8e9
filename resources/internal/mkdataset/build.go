// Package mkdataset builds RailAir's embedded national dataset from the
// public sources in resources/source (see its README for where each file
// comes from and under which licence):
//
//   - cities: the prefecture-level cities with their coordinates;
//   - rail stations: the 12306 station list, each in its city;
//   - trains: the nationwide RailwayVIS timetable (city-level stops), with
//     the real stations of the first and last stop, the station-level
//     RouteMaster timetables where a train has one, and for other stops the
//     station of the city that trains of the same kind use most;
//   - fares from distance by train category and seat class following
//     source/fares/FARE_RULES.md, rounded as the railway does;
//   - airports with their cities, and a designed flight schedule over the
//     real domestic routes (block time from great-circle distance, several
//     departures a day on trunk routes, economy and business fares).
//
// It is deterministic: the same sources give the same bytes. The command
// internal/mkdataset/cmd runs it: `make dataset`.
package mkdataset

import (
	"encoding/csv"
	"encoding/json"
	"fmt"
	"hash/fnv"
	"math"
	"os"
	"path/filepath"
	"sort"
	"strconv"
	"strings"

	"railair.app/railair/core/timetable"
	"railair.app/railair/resources"
)

// DataDate is when the train data was collected.
const DataDate = "2021-04"

// Build reads the sources in dir and returns the dataset and a report of
// what was built and dropped.
func Build(dir string) (*resources.Dataset, string, error) {
	b := &builder{dir: dir, stationByName: map[string]*timetable.Station{}, cityByName: map[string]*timetable.City{}}
	steps := []func() error{b.readCities, b.readStations, b.readTrains, b.readAirports, b.makeFlights}
	for _, s := range steps {
		if err := s(); err != nil {
			return nil, "", err
		}
	}
	t := &timetable.Timetable{}
	for _, c := range b.cities {
		t.Cities = append(t.Cities, *c)
	}
	used := map[string]bool{}
	for _, sv := range b.services {
		for _, st := range sv.Stops {
			used[st.Station] = true
		}
	}
	for _, s := range b.stations {
		t.Stations = append(t.Stations, *s)
	}
	t.Services = b.services
	t.Sort()
	if ps := timetable.Validate(t); len(ps) > 0 {
		return nil, "", fmt.Errorf("the built dataset does not validate: %v", timetable.ProblemsError(ps))
	}
	trains, flights, stops := 0, 0, 0
	for _, sv := range t.Services {
		stops += len(sv.Stops)
		if sv.Mode == timetable.Flight {
			flights++
		} else {
			trains++
		}
	}
	fmt.Fprintf(&b.report, "built: %d cities, %d stations (%d with services), %d trains, %d flights, %d stops\n",
		len(t.Cities), len(t.Stations), len(used), trains, flights, stops)
	return &resources.Dataset{DataDate: DataDate, Timetable: *t}, b.report.String(), nil
}

type builder struct {
	dir           string
	report        strings.Builder
	cities        []*timetable.City
	cityByName    map[string]*timetable.City
	cityByEn      map[string]*timetable.City
	stations      []*timetable.Station
	stationByName map[string]*timetable.Station
	cityStations  map[string][]string // city → its rail stations, in 12306 order
	services      []timetable.Service
	airports      []*airport
}

func (b *builder) readCSV(name string) ([]map[string]string, error) {
	f, err := os.Open(filepath.Join(b.dir, name))
	if err != nil {
		return nil, err
	}
	defer f.Close()
	recs, err := csv.NewReader(f).ReadAll()
	if err != nil {
		return nil, fmt.Errorf("%s: %w", name, err)
	}
	var out []map[string]string
	for _, r := range recs[1:] {
		m := map[string]string{}
		for i, h := range recs[0] {
			if i < len(r) {
				m[h] = r[i]
			}
		}
		out = append(out, m)
	}
	return out, nil
}

// ethnic words end the short name of an autonomous prefecture or county.
var ethnic = []string{"朝鲜族", "土家族", "苗族", "彝族", "布依族", "哈尼族", "壮族", "傣族", "白族", "景颇族", "傈僳族",
	"藏族", "羌族", "侗族", "回族", "蒙古", "哈萨克", "柯尔克孜", "黎族"}

// shortName turns an official name into the one travellers use:
// 北京市 → 北京, 延边朝鲜族自治州 → 延边, 锡林郭勒盟 → 锡林郭勒.
func shortName(n string) string {
	switch n {
	case "香港特別行政區":
		return "香港"
	case "澳門特別行政區":
		return "澳门"
	case "海南藏族自治州":
		return "海南州" // 海南 is the province
	}
	cut := -1
	for _, e := range ethnic {
		if i := strings.Index(n, e); i > 0 && (cut < 0 || i < cut) {
			cut = i
		}
	}
	if cut > 0 {
		return n[:cut]
	}
	for _, suf := range []string{"特别行政区", "地区", "林区", "盟", "市", "县"} {
		if s := strings.TrimSuffix(n, suf); s != n && len([]rune(s)) >= 2 {
			return s
		}
	}
	return n
}

func (b *builder) readCities() error {
	rows, err := b.readCSV("cities/prefecture_cities.csv")
	if err != nil {
		return err
	}
	b.cityByEn = map[string]*timetable.City{}
	for _, r := range rows {
		if strings.Contains(r["name_zh"], "群岛") || r["name_zh"] == "台湾省" {
			continue // no towns to travel to, or no data
		}
		c := &timetable.City{Name: shortName(r["name_zh"]), NameEn: r["name_en"], Province: shortName(r["province_zh"]),
			TransferMin: timetable.DefaultCityTransferMin}
		c.Province = strings.TrimSuffix(strings.TrimSuffix(c.Province, "省"), "自治区")
		for _, e := range []string{"壮族", "回族", "维吾尔"} {
			if i := strings.Index(c.Province, e); i > 0 {
				c.Province = c.Province[:i]
			}
		}
		c.Lat, _ = strconv.ParseFloat(r["lat"], 64)
		c.Lon, _ = strconv.ParseFloat(r["lon"], 64)
		c.Lat, c.Lon = timetable.RoundCoord(c.Lat), timetable.RoundCoord(c.Lon)
		if b.cityByName[c.Name] != nil {
			return fmt.Errorf("two cities are called %s", c.Name)
		}
		b.cities = append(b.cities, c)
		b.cityByName[c.Name] = c
		if c.NameEn != "" {
			b.cityByEn[strings.ToLower(c.NameEn)] = c
		}
	}
	return nil
}

// countyCity maps 12306 city names that are county-level towns (or old
// names) to the prefecture-level city they belong to.
var countyCity = map[string]string{
	"万州": "重庆", "黔江": "重庆", "涪陵": "重庆", "长寿": "重庆", "垫江": "重庆", "丰都": "重庆", "合川": "重庆",
	"江津": "重庆", "梁平": "重庆", "彭水": "重庆", "綦江": "重庆", "荣昌": "重庆", "石柱": "重庆", "石柱县": "重庆",
	"潼南": "重庆", "武隆": "重庆", "秀山": "重庆", "永川": "重庆", "璧山": "重庆", "大足": "重庆", "奉节": "重庆",
	"巫山": "重庆", "云阳": "重庆", "酉阳": "重庆", "南川": "重庆",
	"兴安": "兴安", "阿克苏": "阿克苏", "阿图什": "克孜勒苏", "博乐": "博尔塔拉", "阿勒泰": "阿勒泰", "喀什": "喀什",
	"延边": "延边", "凯里": "黔东南", "崇仁": "抚州", "长汀": "龙岩", "楚雄": "楚雄", "德令哈": "海西", "大理": "大理",
	"都匀": "黔南", "阿拉善": "阿拉善", "二连浩特": "锡林郭勒", "文山": "文山", "格尔木": "海西", "加格达奇": "大兴安岭",
	"伊宁": "伊犁", "蒙自": "红河", "库尔勒": "巴音郭楞", "哈密": "哈密", "桦南": "佳木斯", "华阴": "渭南", "塔城": "塔城",
	"和田": "和田", "建宁": "三明", "吉首": "湘西", "临川": "抚州", "澄迈": "澄迈", "林口": "牡丹江", "陵水": "陵水",
	"勐腊": "西双版纳", "西昌": "凉山", "昌吉": "昌吉", "茫崖": "海西", "海北州": "海北", "那曲": "那曲", "蕲春": "黄冈",
	"兴义": "黔西南", "武穴": "黄冈", "锡林郭勒": "锡林郭勒", "景洪": "西双版纳", "于都": "赣州", "富平": "渭南",
	"安溪": "泉州", "蒲城": "渭南", "青铜峡": "吴忠", "邵东": "邵阳", "玉门": "酒泉", "当阳": "宜昌", "峨山": "玉溪",
	"凤阳": "滁州", "岗嘎": "日喀则", "贡嘎": "山南", "个旧": "红河", "汉川": "孝感", "乐东": "乐东", "加查": "山南",
	"建德": "杭州", "京山": "荆门", "上杭": "龙岩", "临高": "临高", "灵武": "银川", "朗县": "林芝", "芦溪": "萍乡",
	"来舟": "南平", "墨江": "普洱", "米林": "林芝", "马桥河": "牡丹江", "麦园": "牡丹江", "纳堆": "林芝", "宁洱": "普洱",
	"昌江": "昌江", "山南": "山南", "神农架": "神农架", "桑日": "山南", "沙县": "三明", "海西州": "海西", "浠水": "黄冈",
	"南涧": "大理", "宜城": "襄阳", "元江": "玉溪", "仪征": "扬州", "扎囊": "山南", "资溪": "抚州", "钟祥": "荆门",
	"香格里拉": "迪庆", "漾濞": "大理", "永平": "大理", "恩施": "恩施", "香港": "香港",
	"巴音郭楞蒙古自治州": "巴音郭楞", "阿坝藏族羌族自治州": "阿坝",
}

// cityOf12306 returns the dataset city of a 12306 city name.
func (b *builder) cityOf12306(name string) *timetable.City {
	if c := b.cityByName[name]; c != nil {
		return c
	}
	if n, ok := countyCity[name]; ok {
		return b.cityByName[n]
	}
	return nil
}

func (b *builder) addStation(s *timetable.Station) {
	b.stations = append(b.stations, s)
	b.stationByName[s.Name] = s
	if s.Kind == timetable.Rail {
		b.cityStations[s.City] = append(b.cityStations[s.City], s.Name)
	}
}

func (b *builder) readStations() error {
	rows, err := b.readCSV("rail/stations_12306.csv")
	if err != nil {
		return err
	}
	b.cityStations = map[string][]string{}
	skipped := map[string]int{}
	for _, r := range rows {
		c := b.cityOf12306(r["city"])
		if c == nil {
			skipped[r["city"]]++
			continue
		}
		if b.stationByName[r["name"]] != nil {
			continue
		}
		b.addStation(&timetable.Station{Name: r["name"], City: c.Name, Kind: timetable.Rail, Code: r["telecode"],
			TransferMin: timetable.DefaultRailTransferMin})
	}
	var names []string
	for n := range skipped {
		names = append(names, n)
	}
	sort.Strings(names)
	fmt.Fprintf(&b.report, "12306 stations skipped, city outside the dataset: %d (%s)\n", len(names), strings.Join(names, " "))
	return nil
}

// rvTrain is a train of the RailwayVIS timetable.
type rvTrain struct {
	Service string `json:"service"`
	Start   string `json:"start"`
	End     string `json:"end"`
	Route   []struct {
		Arrival   string `json:"arrival"`
		Departure string `json:"departure"`
		City      string `json:"city"`
	} `json:"route"`
}

// category of a train from its code and RailwayVIS service type.
func category(code, kind string) string {
	if c := code[0]; c >= 'A' && c <= 'Z' {
		return string(c)
	}
	if kind == "普客" {
		return "普客"
	}
	return "普快"
}

func highSpeed(cat string) bool { return cat == "G" || cat == "D" || cat == "C" }

func (b *builder) readTrains() error {
	raw, err := os.ReadFile(filepath.Join(b.dir, "rail/railwayvis_2021_citylevel_trains.json"))
	if err != nil {
		return err
	}
	var trains map[string]rvTrain
	if err := json.Unmarshal(raw, &trains); err != nil {
		return fmt.Errorf("railwayvis trains: %w", err)
	}
	rm, err := b.readRouteMaster()
	if err != nil {
		return err
	}
	// Which station of a city do trains of each kind use most? Count the
	// real first and last stations, and every RouteMaster stop.
	use := map[bool]map[string]int{true: {}, false: {}}
	for code, tr := range trains {
		hs := highSpeed(category(code, tr.Service))
		use[hs][tr.Start]++
		use[hs][tr.End]++
	}
	for code, stops := range rm {
		for _, s := range stops {
			use[highSpeed(category(code, ""))][s.Station] += 2
		}
	}
	main := func(city string, hs bool) string {
		best, bestN := "", -1
		for _, s := range b.cityStations[city] {
			n := use[hs][s]*4 + use[!hs][s]
			if s == city {
				n++ // the station named as its city wins a tie
			}
			if n > bestN {
				best, bestN = s, n
			}
		}
		return best
	}
	codes := make([]string, 0, len(trains))
	for c := range trains {
		codes = append(codes, c)
	}
	sort.Strings(codes)
	dropped := map[string]int{}
	fromRM := 0
	for _, code := range codes {
		tr := trains[code]
		cat := category(code, tr.Service)
		hs := highSpeed(cat)
		sv := timetable.Service{Code: code, Mode: timetable.Train, Category: cat, Days: timetable.EveryDay}
		if stops, ok := rm[code]; ok {
			sv.Stops = stops
			fromRM++
		} else {
			var prev timetable.Minutes = timetable.NoTime
			ok := true
			for i, r := range tr.Route {
				st := timetable.Stop{Arrive: timetable.NoTime, Depart: timetable.NoTime}
				for _, p := range []struct {
					s   string
					dst *timetable.Minutes
				}{{r.Arrival, &st.Arrive}, {r.Departure, &st.Depart}} {
					if p.s == "-" || p.s == "" {
						continue
					}
					m, err := timetable.ParseClock(p.s)
					if err != nil {
						ok = false
						continue
					}
					for prev != timetable.NoTime && m < prev {
						m += timetable.MinutesPerDay
					}
					*p.dst, prev = m, m
				}
				var name string
				switch {
				case i == 0 && b.inCity(tr.Start, r.City):
					name = tr.Start
				case i == len(tr.Route)-1 && b.inCity(tr.End, r.City):
					name = tr.End
				case b.cityByName[r.City] != nil:
					name = main(r.City, hs)
				case b.stationByName[r.City] != nil:
					name = r.City
				}
				if name == "" {
					ok = false
					dropped["unknown place "+r.City]++
					break
				}
				st.Station = name
				sv.Stops = append(sv.Stops, st)
			}
			if !ok {
				dropped["unreadable"]++
				continue
			}
			sv.Stops = mergeRepeats(sv.Stops)
			if len(sv.Stops) > 0 {
				sv.Stops[0].Arrive = timetable.NoTime
				sv.Stops[len(sv.Stops)-1].Depart = timetable.NoTime
			}
		}
		if len(sv.Stops) < 2 || sv.Stops[0].Depart >= timetable.MinutesPerDay {
			dropped["too short or odd"]++
			continue
		}
		b.distances(&sv)
		addTrainFares(&sv)
		if ps := timetable.ValidateService(&sv, func(n string) (*timetable.Station, bool) {
			s := b.stationByName[n]
			return s, s != nil
		}); len(ps) > 0 {
			dropped["invalid: "+ps[0].En]++
			continue
		}
		b.services = append(b.services, sv)
	}
	// RouteMaster trains that RailwayVIS lacks.
	var extra []string
	for code := range rm {
		if _, ok := trains[code]; !ok {
			extra = append(extra, code)
		}
	}
	sort.Strings(extra)
	for _, code := range extra {
		sv := timetable.Service{Code: code, Mode: timetable.Train, Category: category(code, ""), Days: timetable.EveryDay, Stops: rm[code]}
		b.distances(&sv)
		addTrainFares(&sv)
		b.services = append(b.services, sv)
	}
	fmt.Fprintf(&b.report, "trains: %d from RailwayVIS (%d of them with RouteMaster's station-level stops), %d more from RouteMaster; dropped %v\n",
		len(codes)-sumValues(dropped), fromRM, len(extra), dropped)
	return nil
}

func sumValues(m map[string]int) int {
	n := 0
	for k, v := range m {
		if !strings.HasPrefix(k, "unknown place") {
			n += v
		}
	}
	return n
}

// inCity reports whether a station is in the city a RailwayVIS stop names.
func (b *builder) inCity(station, city string) bool {
	s := b.stationByName[station]
	if s == nil {
		return false
	}
	if s.City == city {
		return true
	}
	if st := b.stationByName[city]; st != nil && st.City == s.City {
		return true
	}
	return false
}

// mergeRepeats joins consecutive stops at one station (two towns mapped to
// the same station) into one.
func mergeRepeats(stops []timetable.Stop) []timetable.Stop {
	out := stops[:0]
	for _, s := range stops {
		if n := len(out); n > 0 && out[n-1].Station == s.Station {
			out[n-1].Depart = s.Depart
			continue
		}
		out = append(out, s)
	}
	return out
}

// readRouteMaster reads the station-level timetables, keeping trains whose
// every station is known.
func (b *builder) readRouteMaster() (map[string][]timetable.Stop, error) {
	rows, err := b.readCSV("rail/routemaster_2021_stop_times.csv")
	if err != nil {
		return nil, err
	}
	out := map[string][]timetable.Stop{}
	bad := map[string]bool{}
	for _, r := range rows {
		code := r["train"]
		if b.stationByName[r["station"]] == nil {
			bad[code] = true
			continue
		}
		st := timetable.Stop{Station: r["station"], Arrive: timetable.NoTime, Depart: timetable.NoTime}
		for _, p := range []struct {
			t, d string
			dst  *timetable.Minutes
		}{{r["arr_time"], r["arr_day_offset"], &st.Arrive}, {r["dep_time"], r["dep_day_offset"], &st.Depart}} {
			if p.t == "" {
				continue
			}
			m, err := timetable.ParseClock(p.t)
			if err != nil {
				bad[code] = true
				continue
			}
			d, _ := strconv.Atoi(p.d)
			*p.dst = m + timetable.Minutes(d*timetable.MinutesPerDay)
		}
		out[code] = append(out[code], st)
	}
	for code, stops := range out {
		if bad[code] || len(stops) < 2 {
			delete(out, code)
			continue
		}
		stops[0].Arrive = timetable.NoTime
		stops[len(stops)-1].Depart = timetable.NoTime
		out[code] = mergeRepeats(stops)
	}
	return out, nil
}

func (b *builder) coordOf(station string) (lat, lon float64) {
	s := b.stationByName[station]
	if s.Located() {
		return s.Lat, s.Lon
	}
	c := b.cityByName[s.City]
	return c.Lat, c.Lon
}

// greatCircleKm returns the distance between two points on the Earth.
func greatCircleKm(lat1, lon1, lat2, lon2 float64) float64 {
	const r = 6371.0
	rad := math.Pi / 180
	dLat, dLon := (lat2-lat1)*rad, (lon2-lon1)*rad
	a := math.Sin(dLat/2)*math.Sin(dLat/2) + math.Cos(lat1*rad)*math.Cos(lat2*rad)*math.Sin(dLon/2)*math.Sin(dLon/2)
	return 2 * r * math.Asin(math.Sqrt(a))
}

// Railways are longer than the straight line between their stops by these
// factors; high-speed lines run straighter (北京南→上海虹桥 via 济南西 and
// 南京南 is 1318 km by rail).
const (
	detourHighSpeed    = 1.12
	detourConventional = 1.15
)

// distances fills each stop's distance from the first: great-circle between
// cities times a detour factor, or, between stations of one city, the
// distance the train covers at a modest speed in its running time.
func (b *builder) distances(sv *timetable.Service) {
	km := 0.0
	for i := 1; i < len(sv.Stops); i++ {
		a, c := sv.Stops[i-1], sv.Stops[i]
		lat1, lon1 := b.coordOf(a.Station)
		lat2, lon2 := b.coordOf(c.Station)
		detour := detourConventional
		if highSpeed(sv.Category) {
			detour = detourHighSpeed
		}
		d := greatCircleKm(lat1, lon1, lat2, lon2) * detour
		run := float64(c.Arrive - a.Depart)
		speed := 60.0 // km/h, for conventional trains
		if highSpeed(sv.Category) {
			speed = 150
		}
		if byTime := run / 60 * speed * 0.5; d < byTime {
			d = math.Max(d, byTime*0.6) // same city, or coordinates too coarse
		}
		km += math.Max(1, math.Round(d))
		sv.Stops[i].Km = km
	}
}

// conventional hard-seat base rates, yuan per km, by distance band (递远递减).
var seatBands = []struct{ upto, rate float64 }{
	{200, 0.05861}, {500, 0.05275}, {1000, 0.04689}, {1500, 0.04102}, {2000, 0.03517}, {math.Inf(1), 0.02931},
}

// tapered applies per-km rates by distance band to d km.
func tapered(d float64, bands []struct{ upto, rate float64 }) float64 {
	fare, from := 0.0, 0.0
	for _, b := range bands {
		if d <= from {
			break
		}
		fare += (math.Min(d, b.upto) - from) * b.rate
		from = b.upto
	}
	return fare
}

// emuBands are G second-class rates by distance band: long lines were priced
// lower per km (北京南→上海虹桥, 1318 km, 553 yuan).
var emuBands = []struct{ upto, rate float64 }{{500, 0.46}, {1000, 0.42}, {math.Inf(1), 0.38}}

// fareFunc returns, per seat class, the fare from the first stop to a stop d
// km away, already rounded as the railway rounds.
func fareFunc(cat string) map[string]func(d float64) float64 {
	half := func(f float64) float64 { return math.Round(f*2) / 2 }
	whole := math.Round
	emu := func(second func(float64) float64) map[string]func(float64) float64 {
		return map[string]func(float64) float64{
			"二等座": func(d float64) float64 { return half(second(d)) },
			"一等座": func(d float64) float64 { return half(second(d) * 1.68) },
			"商务座": func(d float64) float64 { return half(second(d) * 3.16) },
		}
	}
	switch cat {
	case "G":
		return emu(func(d float64) float64 { return tapered(d, emuBands) })
	case "C":
		return emu(func(d float64) float64 { return 0.458 * d })
	case "D":
		return emu(func(d float64) float64 { return 0.2805 * 1.1 * d })
	}
	// Conventional: hard-seat base, express and air-conditioning supplements,
	// the new-type air-conditioned train float and insurance; berths on top.
	factor := (1 + 0.40 + 0.25) * 1.5 * 1.02
	switch cat {
	case "普快":
		factor = (1 + 0.20 + 0.25) * 1.5 * 1.02
	case "普客":
		factor = (1 + 0.25) * 1.5 * 1.02
	}
	return map[string]func(float64) float64{
		"硬座": func(d float64) float64 { return whole(tapered(d, seatBands) * factor) },
		"硬卧": func(d float64) float64 { return whole(tapered(d, seatBands) * (factor + 1.95)) },
		"软卧": func(d float64) float64 { return whole(tapered(d, seatBands) * (factor + 4.4)) },
	}
}

// addTrainFares sets each section's fare per class as the difference of the
// rounded fares from the first stop, so a ride from the first stop costs
// exactly the railway's rounded fare.
func addTrainFares(sv *timetable.Service) {
	classes := fareFunc(sv.Category)
	for i := 1; i < len(sv.Stops); i++ {
		sv.Stops[i].Fares = map[string]timetable.Fare{}
		for c, f := range classes {
			sv.Stops[i].Fares[c] = timetable.Yuan(f(sv.Stops[i].Km) - f(sv.Stops[i-1].Km))
		}
	}
}

type airport struct {
	iata     string
	station  *timetable.Station
	lat, lon float64
}

func (b *builder) readAirports() error {
	rows, err := b.readCSV("air/china_airports_zh.csv")
	if err != nil {
		return err
	}
	coords, err := b.readCSV("air/china_airports_openflights.csv")
	if err != nil {
		return err
	}
	of := map[string]map[string]string{}
	for _, r := range coords {
		of[r["iata"]] = r
	}
	var skipped []string
	for _, r := range rows {
		lat, err1 := strconv.ParseFloat(r["lat"], 64)
		lon, err2 := strconv.ParseFloat(r["lon"], 64)
		if o := of[r["iata"]]; o != nil {
			lat, err1 = strconv.ParseFloat(o["lat"], 64)
			lon, err2 = strconv.ParseFloat(o["lon"], 64)
		}
		if err1 != nil || err2 != nil || r["iata"] == "" || r["iata"] == `\N` {
			skipped = append(skipped, r["iata"])
			continue
		}
		c := b.airportCity(r, lat, lon)
		if c == nil {
			skipped = append(skipped, r["iata"])
			continue
		}
		name := r["name_zh"]
		if name == "" {
			name = c.Name + "机场"
		}
		if !strings.HasSuffix(name, "机场") {
			name += "机场"
		}
		if b.stationByName[name] != nil {
			name = strings.TrimSuffix(name, "机场") + r["iata"] + "机场"
		}
		s := &timetable.Station{Name: name, City: c.Name, Kind: timetable.Airport, Code: r["iata"],
			Lat: timetable.RoundCoord(lat), Lon: timetable.RoundCoord(lon),
			TransferMin: timetable.DefaultAirportTransferMin}
		b.addStation(s)
		b.airports = append(b.airports, &airport{iata: r["iata"], station: s, lat: lat, lon: lon})
	}
	fmt.Fprintf(&b.report, "airports: %d, skipped %d (%s)\n", len(b.airports), len(skipped), strings.Join(skipped, " "))
	return nil
}

// airportCity finds an airport's city: by English name, by the start of its
// Chinese name, the nearest city within 150 km, or the nearest city of its
// province within 400 km (remote airports far from their prefecture's seat).
func (b *builder) airportCity(r map[string]string, lat, lon float64) *timetable.City {
	if c := b.cityByEn[strings.ToLower(r["city_en"])]; c != nil && greatCircleKm(lat, lon, c.Lat, c.Lon) < 150 {
		return c
	}
	var best *timetable.City
	for _, c := range b.cities {
		if strings.HasPrefix(r["name_zh"], c.Name) && (best == nil || len(c.Name) > len(best.Name)) && greatCircleKm(lat, lon, c.Lat, c.Lon) < 250 {
			best = c
		}
	}
	if best != nil {
		return best
	}
	bestD := 150.0
	for _, c := range b.cities {
		if d := greatCircleKm(lat, lon, c.Lat, c.Lon); d < bestD {
			best, bestD = c, d
		}
	}
	if best != nil || r["province_zh"] == "" {
		return best
	}
	bestD = 400
	for _, c := range b.cities {
		if d := greatCircleKm(lat, lon, c.Lat, c.Lon); d < bestD && strings.HasPrefix(c.Province, r["province_zh"]) {
			best, bestD = c, d
		}
	}
	return best
}

func hash(s string) uint32 {
	h := fnv.New32a()
	h.Write([]byte(s))
	return h.Sum32()
}

// makeFlights designs a schedule over the real routes: per airport pair, one
// flight a day per airline that flew it (up to eight), spread from 07:00 to
// 22:00, block time from distance, fares from distance.
func (b *builder) makeFlights() error {
	rows, err := b.readCSV("air/china_domestic_routes_openflights_2014.csv")
	if err != nil {
		return err
	}
	byIata := map[string]*airport{}
	for _, a := range b.airports {
		byIata[a.iata] = a
	}
	airlines := map[[2]string]map[string]bool{}
	for _, r := range rows {
		from, to := byIata[r["src"]], byIata[r["dst"]]
		if from == nil || to == nil || from.station.City == to.station.City || r["stops"] != "0" || r["codeshare"] == "Y" {
			continue
		}
		k := [2]string{r["src"], r["dst"]}
		if airlines[k] == nil {
			airlines[k] = map[string]bool{}
		}
		airlines[k][r["airline"]] = true
	}
	var routes [][2]string
	for k := range airlines {
		routes = append(routes, k)
	}
	sort.Slice(routes, func(i, j int) bool {
		return routes[i][0] < routes[j][0] || routes[i][0] == routes[j][0] && routes[i][1] < routes[j][1]
	})
	number := map[string]int{}
	for _, k := range routes {
		from, to := byIata[k[0]], byIata[k[1]]
		var codes []string
		for a := range airlines[k] {
			codes = append(codes, a)
		}
		sort.Strings(codes)
		dist := greatCircleKm(from.lat, from.lon, to.lat, to.lon)
		block := timetable.Minutes(math.Round((35+dist/780*60)/5) * 5)
		n := min(len(codes), 8)
		h := hash(k[0] + k[1])
		span := 15 * 60 / n
		for i := 0; i < n; i++ {
			airline := codes[(i+int(h))%len(codes)]
			if number[airline] == 0 {
				number[airline] = 1000 + int(hash(airline)%40)*100
			}
			number[airline]++
			dep := timetable.Minutes(7*60 + i*span + int(h>>(i%16))%max(span-30, 1))
			dep = dep / 5 * 5
			days := timetable.EveryDay
			if len(codes) == 1 && h%3 == 0 {
				days = 0b1010101 // Monday, Wednesday, Friday and Sunday
			}
			full := math.Max(400, dist*1.1*1.05)
			discount := 0.55 + 0.45*float64((h>>uint(i*3))%10)/9
			if dep < 8*60 || dep >= 21*60 {
				discount = math.Min(discount, 0.6) // early and late flights sell cheaper
			}
			round10 := func(f float64) timetable.Fare { return timetable.Yuan(math.Round(f/10) * 10) }
			code := fmt.Sprintf("%s%d", airline, number[airline])
			b.services = append(b.services, timetable.Service{
				Code: code, Mode: timetable.Flight, Category: timetable.AirlineOf(code), Days: days,
				Stops: []timetable.Stop{
					{Station: from.station.Name, Arrive: timetable.NoTime, Depart: dep},
					{Station: to.station.Name, Arrive: dep + block, Depart: timetable.NoTime,
						Fares: map[string]timetable.Fare{"经济舱": round10(full * discount), "公务舱": round10(full * 2.5)}},
				},
			})
		}
	}
	fmt.Fprintf(&b.report, "flight routes: %d\n", len(routes))
	return nil
}
