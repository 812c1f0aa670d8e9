// Package gtfs reads GTFS feeds (https://gtfs.org/schedule/), the world's
// timetable format, into RailAir's timetable.
//
// The mapping:
//   - every boarding stop becomes a station; stops that share a
//     parent_station are grouped into a city named after the parent (with a
//     short cross-platform transfer time), and any other stop is a city of
//     its own;
//   - every trip becomes a service; a trip in frequencies.txt becomes one
//     service per departure; route_type 1100–1199 (air) makes flights and
//     their stops airports, anything else trains;
//   - calendar.txt gives the weekdays and first and last dates; dates added
//     or removed by calendar_dates.txt cannot be held by a weekday pattern and
//     are reported as warnings (a service that runs only on listed dates gets
//     their weekdays and date range);
//   - transfers.txt min_transfer_time of a stop to itself sets its station's
//     transfer time, and between two stops of one city that city's;
//   - fares v1 where simple: rules by route and origin/destination zone give
//     each section the difference of the fares from the trip's first stop,
//     exact for rides from there; contains_id rules are not used.
//
// Times are read in the feed's own time zone and floored to the minute.
package gtfs

import (
	"archive/zip"
	"context"
	"encoding/csv"
	"errors"
	"fmt"
	"math"
	"sort"
	"strconv"
	"strings"
	"time"

	"railair.app/railair/core/locale"
	"railair.app/railair/core/timetable"
)

// FareClass is the seat class that GTFS fares are imported as.
const FareClass = "标准"

// Feed is what a GTFS feed gives: a timetable and warnings about what could
// not be carried over exactly.
type Feed struct {
	timetable.Timetable
	Warnings []locale.Text
}

// Issue is a problem at a line of a feed file.
type Issue struct {
	File string
	Line int // 1-based line, 0 for the whole file
	locale.Text
}

// In formats the issue in lang: "stop_times.txt:12: …".
func (i Issue) In(lang locale.Lang) string {
	if i.Line > 0 {
		return fmt.Sprintf("%s:%d: %s", i.File, i.Line, i.Text.In(lang))
	}
	return i.File + ": " + i.Text.In(lang)
}

// Error is the error of a feed that cannot be imported: every problem found.
type Error struct{ Issues []Issue }

func (e *Error) Error() string { return e.In(locale.Chinese) }

// In formats the problems in lang, one a line.
func (e *Error) In(lang locale.Lang) string {
	var lines []string
	if len(e.Issues) > 1 {
		lines = append(lines, locale.Textf("GTFS 数据包有 %d 处错误，未导入任何数据：", "the GTFS feed has %d problems; nothing was imported:", len(e.Issues)).In(lang))
	}
	for _, i := range e.Issues {
		lines = append(lines, i.In(lang))
	}
	return strings.Join(lines, "\n")
}

// Read reads the feed in the zip file at path.
func Read(ctx context.Context, path string) (*Feed, error) {
	zr, err := zip.OpenReader(path)
	if err != nil {
		return nil, &Error{Issues: []Issue{{File: path, Text: locale.Textf("不是 GTFS 数据包（zip 文件）：%v", "not a GTFS feed (zip file): %v", err)}}}
	}
	defer zr.Close()
	return ReadZip(ctx, &zr.Reader)
}

// table is one feed file: its header and rows.
type table struct {
	name string
	col  map[string]int
	rows [][]string
}

func (t *table) get(row []string, col string) string {
	i, ok := t.col[col]
	if !ok || i >= len(row) {
		return ""
	}
	return strings.TrimSpace(row[i])
}

// line returns the file line of row i (the header is line 1).
func (t *table) line(i int) int { return i + 2 }

type reader struct {
	ctx    context.Context
	files  map[string]*zip.File
	issues []Issue
	warns  []locale.Text
}

func (r *reader) fail(file string, line int, text locale.Text) {
	r.issues = append(r.issues, Issue{File: file, Line: line, Text: text})
}

// read loads a file; a missing optional file gives nil.
func (r *reader) read(name string, required bool, cols ...string) *table {
	f := r.files[name]
	if f == nil {
		if required {
			r.fail(name, 0, locale.Textf("缺少必需的文件", "required file missing"))
		}
		return nil
	}
	rc, err := f.Open()
	if err != nil {
		r.fail(name, 0, locale.Textf("无法读取：%v", "cannot read: %v", err))
		return nil
	}
	defer rc.Close()
	cr := csv.NewReader(rc)
	cr.FieldsPerRecord = -1
	cr.LazyQuotes = true
	recs, err := cr.ReadAll()
	if err != nil {
		r.fail(name, 0, locale.Textf("不是有效的 CSV：%v", "not valid CSV: %v", err))
		return nil
	}
	if len(recs) == 0 {
		r.fail(name, 0, locale.Textf("文件为空", "the file is empty"))
		return nil
	}
	t := &table{name: name, col: map[string]int{}, rows: recs[1:]}
	for i, h := range recs[0] {
		t.col[strings.TrimSpace(strings.TrimPrefix(h, "\ufeff"))] = i
	}
	for _, c := range cols {
		if _, ok := t.col[c]; !ok {
			r.fail(name, 1, locale.Textf("缺少列 %s", "column %s missing", c))
			return nil
		}
	}
	return t
}

// parseTime reads a GTFS time "H:MM:SS", which may pass 24:00, floored to
// the minute.
func parseTime(s string) (timetable.Minutes, error) {
	parts := strings.Split(s, ":")
	if len(parts) != 3 {
		return 0, fmt.Errorf("%q is not a time H:MM:SS", s)
	}
	var v [3]int
	for i, p := range parts {
		n, err := strconv.Atoi(p)
		if err != nil || n < 0 || i > 0 && (n > 59 || len(p) != 2) || i == 0 && n > 24*7 {
			return 0, fmt.Errorf("%q is not a time H:MM:SS", s)
		}
		v[i] = n
	}
	return timetable.Minutes(v[0]*60 + v[1]), nil
}

func parseDate(s string) (timetable.Date, error) {
	t, err := time.Parse("20060102", s)
	if err != nil {
		return 0, fmt.Errorf("%q is not a date YYYYMMDD", s)
	}
	return timetable.DateOf(t), nil
}

// calendar is the operating pattern of a GTFS service_id.
type calendar struct {
	days        timetable.Weekdays
	first, last timetable.Date
}

// ReadZip reads a feed from an open zip archive.
func ReadZip(ctx context.Context, z *zip.Reader) (*Feed, error) {
	r := &reader{ctx: ctx, files: map[string]*zip.File{}}
	for _, f := range z.File {
		name := f.Name
		if i := strings.LastIndex(name, "/"); i >= 0 {
			name = name[i+1:]
		}
		r.files[name] = f
	}
	stops := r.read("stops.txt", true, "stop_id", "stop_name")
	routes := r.read("routes.txt", true, "route_id", "route_type")
	trips := r.read("trips.txt", true, "route_id", "service_id", "trip_id")
	times := r.read("stop_times.txt", true, "trip_id", "arrival_time", "departure_time", "stop_id", "stop_sequence")
	cal := r.read("calendar.txt", false, "service_id", "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday", "start_date", "end_date")
	calDates := r.read("calendar_dates.txt", false, "service_id", "date", "exception_type")
	if cal == nil && calDates == nil && r.files["calendar.txt"] == nil && r.files["calendar_dates.txt"] == nil {
		r.fail("calendar.txt", 0, locale.Textf("calendar.txt 和 calendar_dates.txt 都没有", "neither calendar.txt nor calendar_dates.txt is present"))
	}
	if len(r.issues) > 0 {
		return nil, &Error{Issues: r.issues}
	}
	feed := &Feed{}
	b := &builder{r: r, feed: feed}
	b.readStops(stops)
	b.readRoutes(routes)
	b.calendars(cal, calDates)
	b.services(trips, times)
	b.frequencies(r.read("frequencies.txt", false, "trip_id", "start_time", "end_time", "headway_secs"))
	b.transfers(r.read("transfers.txt", false, "from_stop_id", "to_stop_id"))
	b.fares(r.read("fare_attributes.txt", false, "fare_id", "price"), r.read("fare_rules.txt", false, "fare_id"))
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	if len(r.issues) > 0 {
		return nil, &Error{Issues: r.issues}
	}
	b.finish()
	feed.Warnings = r.warns
	return feed, nil
}

type route struct {
	flight   bool
	category string
}

type stopInfo struct {
	station string
	zone    string
}

type builder struct {
	r       *reader
	feed    *Feed
	stops   map[string]*stopInfo // stop_id → station
	stIndex map[string]int       // station name → index in feed.Stations
	routes  map[string]route
	cals    map[string]calendar
	trips   map[string]int   // trip_id → index in feed.Services
	zones   map[int][]string // service index → zone of each stop
	routeOf map[int]string   // service index → route_id
}

func (b *builder) readStops(t *table) {
	b.stops = map[string]*stopInfo{}
	b.stIndex = map[string]int{}
	names := map[string]string{} // stop_id → stop_name, for parents
	for _, row := range t.rows {
		names[t.get(row, "stop_id")] = t.get(row, "stop_name")
	}
	cities := map[string]*timetable.City{}
	var order []string
	used := map[string]int{}
	for _, row := range t.rows {
		if lt := t.get(row, "location_type"); lt != "" && lt != "0" {
			continue // parent stations, entrances and nodes are not boarding points
		}
		used[t.get(row, "stop_name")]++
	}
	for i, row := range t.rows {
		if lt := t.get(row, "location_type"); lt != "" && lt != "0" {
			continue
		}
		id, name := t.get(row, "stop_id"), t.get(row, "stop_name")
		if id == "" || name == "" {
			b.r.fail(t.name, t.line(i), locale.Textf("stop_id 或 stop_name 为空", "stop_id or stop_name is empty"))
			continue
		}
		if used[name] > 1 {
			// Platforms that share a name: tell them apart.
			suffix := t.get(row, "platform_code")
			if suffix == "" {
				suffix = id
			}
			name = fmt.Sprintf("%s (%s)", name, suffix)
		}
		lat, _ := strconv.ParseFloat(t.get(row, "stop_lat"), 64)
		lon, _ := strconv.ParseFloat(t.get(row, "stop_lon"), 64)
		lat, lon = timetable.RoundCoord(lat), timetable.RoundCoord(lon)
		city, transfer := name, timetable.DefaultCityTransferMin
		if p := t.get(row, "parent_station"); p != "" && names[p] != "" {
			city, transfer = names[p], 10
		}
		if cities[city] == nil {
			cities[city] = &timetable.City{Name: city, Lat: lat, Lon: lon, TransferMin: transfer}
			order = append(order, city)
		}
		b.stops[id] = &stopInfo{station: name, zone: t.get(row, "zone_id")}
		b.stIndex[name] = len(b.feed.Stations)
		b.feed.Stations = append(b.feed.Stations, timetable.Station{Name: name, City: city, Kind: timetable.Rail,
			Code: t.get(row, "stop_code"), Lat: lat, Lon: lon, TransferMin: timetable.DefaultRailTransferMin})
	}
	for _, c := range order {
		b.feed.Cities = append(b.feed.Cities, *cities[c])
	}
}

func (b *builder) readRoutes(t *table) {
	b.routes = map[string]route{}
	for i, row := range t.rows {
		rt, err := strconv.Atoi(t.get(row, "route_type"))
		if err != nil {
			b.r.fail(t.name, t.line(i), locale.Textf("route_type %q 不是数字", "route_type %q is not a number", t.get(row, "route_type")))
			continue
		}
		cat := t.get(row, "route_short_name")
		if cat == "" {
			cat = t.get(row, "route_long_name")
		}
		b.routes[t.get(row, "route_id")] = route{flight: rt >= 1100 && rt <= 1199, category: cat}
	}
}

func (b *builder) calendars(cal, dates *table) {
	b.cals = map[string]calendar{}
	days := []string{"monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"}
	if cal != nil {
		for i, row := range cal.rows {
			var c calendar
			for d, name := range days {
				if cal.get(row, name) == "1" {
					c.days |= 1 << d
				}
			}
			var err1, err2 error
			c.first, err1 = parseDate(cal.get(row, "start_date"))
			c.last, err2 = parseDate(cal.get(row, "end_date"))
			if err := errors.Join(err1, err2); err != nil {
				b.r.fail(cal.name, cal.line(i), locale.Textf("日期无效：%v", "bad date: %v", err))
				continue
			}
			b.cals[cal.get(row, "service_id")] = c
		}
	}
	if dates == nil {
		return
	}
	added := map[string][]timetable.Date{}
	changed := 0
	for i, row := range dates.rows {
		d, err := parseDate(dates.get(row, "date"))
		if err != nil {
			b.r.fail(dates.name, dates.line(i), locale.Textf("日期无效：%v", "bad date: %v", err))
			continue
		}
		id := dates.get(row, "service_id")
		if _, ok := b.cals[id]; ok {
			changed++
			continue
		}
		if dates.get(row, "exception_type") == "1" {
			added[id] = append(added[id], d)
		}
	}
	if changed > 0 {
		b.r.warns = append(b.r.warns, locale.Textf("calendar_dates.txt 中 %d 个日期例外无法用班期表示，已忽略",
			"%d date exceptions in calendar_dates.txt cannot be held by a weekday pattern and were ignored", changed))
	}
	for id, ds := range added {
		sort.Slice(ds, func(i, j int) bool { return ds[i] < ds[j] })
		c := calendar{first: ds[0], last: ds[len(ds)-1]}
		for _, d := range ds {
			c.days |= 1 << (d.Weekday() - 1)
		}
		if n := countRunDays(c); n != len(ds) {
			b.r.warns = append(b.r.warns, locale.Textf("服务 %s 只在 %d 个指定日期运行，按 %s 至 %s 的班期 %s 导入（%d 天）",
				"service %s runs on %d listed dates only; imported as running from %s to %s on days %s (%d days)", id, len(ds), c.first, c.last, c.days, n))
		}
		b.cals[id] = c
	}
}

func countRunDays(c calendar) int {
	n := 0
	for d := c.first; d <= c.last; d++ {
		if c.days.Has(d.Weekday()) {
			n++
		}
	}
	return n
}

// stopTime is one row of stop_times.txt.
type stopTime struct {
	seq            int
	stop           string
	arrive, depart timetable.Minutes
	line           int
}

func (b *builder) services(trips, times *table) {
	byTrip := map[string][]stopTime{}
	for i, row := range times.rows {
		if i%10000 == 0 && b.r.ctx.Err() != nil {
			return
		}
		trip := times.get(row, "trip_id")
		st := stopTime{stop: times.get(row, "stop_id"), line: times.line(i), arrive: timetable.NoTime, depart: timetable.NoTime}
		seq, err := strconv.Atoi(times.get(row, "stop_sequence"))
		if err != nil {
			b.r.fail(times.name, st.line, locale.Textf("stop_sequence %q 不是整数", "stop_sequence %q is not a whole number", times.get(row, "stop_sequence")))
			continue
		}
		st.seq = seq
		for _, f := range []struct {
			col string
			dst *timetable.Minutes
		}{{"arrival_time", &st.arrive}, {"departure_time", &st.depart}} {
			v := times.get(row, f.col)
			if v == "" {
				continue
			}
			m, err := parseTime(v)
			if err != nil {
				b.r.fail(times.name, st.line, locale.Textf("%s：%v", "%s: %v", f.col, err))
				continue
			}
			*f.dst = m
		}
		if b.stops[st.stop] == nil {
			b.r.fail(times.name, st.line, locale.Textf("stop_id %q 不在 stops.txt 中", "stop_id %q is not in stops.txt", st.stop))
			continue
		}
		byTrip[trip] = append(byTrip[trip], st)
	}
	shortUsed := map[string]int{}
	for _, row := range trips.rows {
		if s := trips.get(row, "trip_short_name"); s != "" {
			shortUsed[s]++
		}
	}
	b.trips = map[string]int{}
	b.zones = map[int][]string{}
	b.routeOf = map[int]string{}
	skipped := 0
	for i, row := range trips.rows {
		id := trips.get(row, "trip_id")
		rt, ok := b.routes[trips.get(row, "route_id")]
		if !ok {
			b.r.fail(trips.name, trips.line(i), locale.Textf("route_id %q 不在 routes.txt 中", "route_id %q is not in routes.txt", trips.get(row, "route_id")))
			continue
		}
		cal, ok := b.cals[trips.get(row, "service_id")]
		if !ok || cal.days == 0 {
			skipped++
			continue
		}
		sts := byTrip[id]
		sort.SliceStable(sts, func(i, j int) bool { return sts[i].seq < sts[j].seq })
		if len(sts) < 2 {
			skipped++
			continue
		}
		code := id
		if s := trips.get(row, "trip_short_name"); s != "" && shortUsed[s] == 1 {
			code = s
		}
		sv := timetable.Service{Code: code, Category: rt.category, Days: cal.days, First: cal.first, Last: cal.last}
		if rt.flight {
			sv.Mode = timetable.Flight
			sv.Category = timetable.AirlineOf(code)
		}
		var zones []string
		for k, st := range sts {
			info := b.stops[st.stop]
			if st.arrive == timetable.NoTime {
				st.arrive = st.depart
			}
			if st.depart == timetable.NoTime {
				st.depart = st.arrive
			}
			if st.arrive == timetable.NoTime {
				b.r.fail(times.name, st.line, locale.Textf("车次 %s 在 %s 没有时间（不支持时间插值）", "trip %s has no time at %s (interpolation is not supported)", id, st.stop))
			}
			if k == 0 {
				st.arrive = timetable.NoTime
			}
			if k == len(sts)-1 {
				st.depart = timetable.NoTime
			}
			sv.Stops = append(sv.Stops, timetable.Stop{Station: info.station, Arrive: st.arrive, Depart: st.depart})
			zones = append(zones, info.zone)
			if rt.flight {
				b.feed.Stations[b.stIndex[info.station]].Kind = timetable.Airport
				b.feed.Stations[b.stIndex[info.station]].TransferMin = timetable.DefaultAirportTransferMin
			}
		}
		shiftToFirstDay(&sv)
		idx := len(b.feed.Services)
		b.trips[id] = idx
		b.zones[idx] = zones
		b.routeOf[idx] = trips.get(row, "route_id")
		b.feed.Services = append(b.feed.Services, sv)
	}
	if skipped > 0 {
		b.r.warns = append(b.r.warns, locale.Textf("%d 个车次没有运行日或少于两站，已跳过", "%d trips have no operating days or fewer than two stops; skipped", skipped))
	}
}

// shiftToFirstDay moves a trip whose first departure is past 24:00 to the
// day it actually leaves, shifting its operating days with it.
func shiftToFirstDay(sv *timetable.Service) {
	days := int(sv.Stops[0].Depart) / timetable.MinutesPerDay
	if days <= 0 {
		return
	}
	shift := timetable.Minutes(days * timetable.MinutesPerDay)
	for i := range sv.Stops {
		if sv.Stops[i].Arrive != timetable.NoTime {
			sv.Stops[i].Arrive -= shift
		}
		if sv.Stops[i].Depart != timetable.NoTime {
			sv.Stops[i].Depart -= shift
		}
	}
	var w timetable.Weekdays
	for d := 0; d < 7; d++ {
		if sv.Days&(1<<d) != 0 {
			w |= 1 << ((d + days) % 7)
		}
	}
	sv.Days = w
	if sv.First != 0 {
		sv.First += timetable.Date(days)
	}
	if sv.Last != 0 {
		sv.Last += timetable.Date(days)
	}
}

// frequencies replaces each trip listed by one service per departure.
func (b *builder) frequencies(t *table) {
	if t == nil {
		return
	}
	drop := map[int]bool{}
	for i, row := range t.rows {
		idx, ok := b.trips[t.get(row, "trip_id")]
		if !ok {
			continue
		}
		start, err1 := parseTime(t.get(row, "start_time"))
		end, err2 := parseTime(t.get(row, "end_time"))
		headway, err3 := strconv.Atoi(t.get(row, "headway_secs"))
		if err := errors.Join(err1, err2, err3); err != nil || headway <= 0 {
			b.r.fail(t.name, t.line(i), locale.Textf("时间或间隔无效", "bad time or headway"))
			continue
		}
		base := b.feed.Services[idx]
		drop[idx] = true
		// Trips leave from start_time up to, not including, end_time.
		for s := int(start) * 60; s < int(end)*60; s += headway {
			dep := timetable.Minutes(s / 60)
			sv := base
			sv.Code = fmt.Sprintf("%s@%s", base.Code, strings.ReplaceAll((dep%(24*60*7)).Clock(), ":", ""))
			sv.Stops = make([]timetable.Stop, len(base.Stops))
			delta := dep - base.Stops[0].Depart
			for k, st := range base.Stops {
				if st.Arrive != timetable.NoTime {
					st.Arrive += delta
				}
				if st.Depart != timetable.NoTime {
					st.Depart += delta
				}
				sv.Stops[k] = st
			}
			shiftToFirstDay(&sv)
			n := len(b.feed.Services)
			b.zones[n] = b.zones[idx]
			b.routeOf[n] = b.routeOf[idx]
			b.feed.Services = append(b.feed.Services, sv)
		}
	}
	if len(drop) == 0 {
		return
	}
	var keep []timetable.Service
	zones, routes := map[int][]string{}, map[int]string{}
	for i, sv := range b.feed.Services {
		if !drop[i] {
			zones[len(keep)], routes[len(keep)] = b.zones[i], b.routeOf[i]
			keep = append(keep, sv)
		}
	}
	b.feed.Services, b.zones, b.routeOf = keep, zones, routes
	b.trips = nil // indexes changed; trips are not looked up after this
}

func (b *builder) transfers(t *table) {
	if t == nil {
		return
	}
	cityIndex := map[string]int{}
	for i, c := range b.feed.Cities {
		cityIndex[c.Name] = i
	}
	for i, row := range t.rows {
		v := t.get(row, "min_transfer_time")
		if v == "" {
			continue
		}
		secs, err := strconv.Atoi(v)
		if err != nil || secs < 0 {
			b.r.fail(t.name, t.line(i), locale.Textf("min_transfer_time %q 无效", "min_transfer_time %q is not valid", v))
			continue
		}
		from, to := b.stops[t.get(row, "from_stop_id")], b.stops[t.get(row, "to_stop_id")]
		if from == nil || to == nil {
			continue
		}
		mins := (secs + 59) / 60
		fs := &b.feed.Stations[b.stIndex[from.station]]
		ts := &b.feed.Stations[b.stIndex[to.station]]
		switch {
		case from.station == to.station:
			fs.TransferMin = mins
		case fs.City == ts.City:
			c := &b.feed.Cities[cityIndex[fs.City]]
			c.TransferMin = max(c.TransferMin, mins)
		}
	}
}

// fares gives each section of a trip the difference of the zone fares from
// the trip's first stop.
func (b *builder) fares(attrs, rules *table) {
	if attrs == nil || rules == nil {
		return
	}
	price := map[string]float64{}
	currencies := map[string]bool{}
	for i, row := range attrs.rows {
		p, err := strconv.ParseFloat(attrs.get(row, "price"), 64)
		if err != nil || p < 0 || math.IsNaN(p) {
			b.r.fail(attrs.name, attrs.line(i), locale.Textf("price %q 无效", "price %q is not valid", attrs.get(row, "price")))
			continue
		}
		price[attrs.get(row, "fare_id")] = p
		currencies[attrs.get(row, "currency_type")] = true
	}
	type rule struct{ route, origin, dest string }
	var rs []struct {
		rule
		price float64
	}
	contains := 0
	for _, row := range rules.rows {
		p, ok := price[rules.get(row, "fare_id")]
		if !ok {
			continue
		}
		if rules.get(row, "contains_id") != "" {
			contains++
			continue
		}
		rs = append(rs, struct {
			rule
			price float64
		}{rule{rules.get(row, "route_id"), rules.get(row, "origin_id"), rules.get(row, "destination_id")}, p})
	}
	if contains > 0 {
		b.r.warns = append(b.r.warns, locale.Textf("fare_rules.txt 中 %d 条按途经区域的规则未使用", "%d fare rules by contains_id were not used", contains))
	}
	fare := func(route, o, d string) (float64, bool) {
		best, ok := math.Inf(1), false
		for _, r := range rs {
			if (r.route == "" || r.route == route) && (r.origin == "" || r.origin == o) && (r.dest == "" || r.dest == d) && r.price < best {
				best, ok = r.price, true
			}
		}
		return best, ok
	}
	for i := range b.feed.Services {
		sv := &b.feed.Services[i]
		zones := b.zones[i]
		prev := 0.0
		for k := 1; k < len(sv.Stops); k++ {
			f, ok := fare(b.routeOf[i], zones[0], zones[k])
			if !ok {
				for j := 1; j < k; j++ {
					sv.Stops[j].Fares = nil
				}
				break
			}
			sv.Stops[k].Fares = map[string]timetable.Fare{FareClass: timetable.Yuan(math.Max(0, f-prev))}
			prev = math.Max(prev, f)
		}
	}
	delete(currencies, "CNY")
	delete(currencies, "")
	if len(currencies) > 0 {
		var cs []string
		for c := range currencies {
			cs = append(cs, c)
		}
		sort.Strings(cs)
		b.r.warns = append(b.r.warns, locale.Textf("票价币种为 %s，按数值导入，未换算为人民币", "fares are in %s and were imported as numbers, not converted to yuan", strings.Join(cs, ", ")))
	}
}

// finish drops stations and cities no service uses.
func (b *builder) finish() {
	used := map[string]bool{}
	for _, sv := range b.feed.Services {
		for _, st := range sv.Stops {
			used[st.Station] = true
		}
	}
	var stations []timetable.Station
	cities := map[string]bool{}
	for _, s := range b.feed.Stations {
		if used[s.Name] {
			stations = append(stations, s)
			cities[s.City] = true
		}
	}
	var cs []timetable.City
	for _, c := range b.feed.Cities {
		if cities[c.Name] {
			cs = append(cs, c)
		}
	}
	b.feed.Stations, b.feed.Cities = stations, cs
}
