package main

import (
	"fmt"
	"sort"
	"strings"
	"text/tabwriter"

	"railair.app/railair/core/locale"
	"railair.app/railair/core/timetable"
)

// load opens the database and loads the timetable.
func (c *cli) load() (*timetable.Timetable, error) {
	store, err := c.open()
	if err != nil {
		return nil, err
	}
	defer store.Close()
	return store.Load(c.ctx)
}

func (c *cli) table() *tabwriter.Writer { return tabwriter.NewWriter(c.stdout, 0, 4, 2, ' ', 0) }

// matches reports whether a name or its English form matches a search text:
// a prefix, case-insensitively, or for Chinese text a substring.
func matches(q string, names ...string) bool {
	if q == "" {
		return true
	}
	q = strings.ToLower(q)
	for _, n := range names {
		n = strings.ToLower(n)
		if strings.HasPrefix(n, q) || strings.Contains(n, q) && q[0] >= 0x80 {
			return true
		}
	}
	return false
}

func (c *cli) citiesCmd(args []string) error {
	fs := c.flags("cities")
	search := fs.String("search", "", "only cities whose Chinese or English name matches")
	if _, err := c.parse(fs, args); err != nil {
		return err
	}
	t, err := c.load()
	if err != nil {
		return err
	}
	count := map[string][2]int{}
	for _, s := range t.Stations {
		n := count[s.City]
		n[s.Kind]++
		count[s.City] = n
	}
	w := c.table()
	fmt.Fprintln(w, locale.Text{Zh: "城市\t英文名\t省份\t火车站\t机场", En: "city\tEnglish\tprovince\tstations\tairports"}.In(c.lang))
	for _, ci := range t.Cities {
		if matches(*search, ci.Name, ci.NameEn) {
			n := count[ci.Name]
			fmt.Fprintf(w, "%s\t%s\t%s\t%d\t%d\n", ci.Name, ci.NameEn, ci.Province, n[timetable.Rail], n[timetable.Airport])
		}
	}
	return w.Flush()
}

func (c *cli) stationsCmd(args []string) error {
	fs := c.flags("stations")
	city := fs.String("city", "", "only the stations of this city")
	if _, err := c.parse(fs, args); err != nil {
		return err
	}
	t, err := c.load()
	if err != nil {
		return err
	}
	if *city != "" && !hasCity(t, *city) {
		return locale.Errorf("城市 %q 不存在", "city %q does not exist", *city)
	}
	w := c.table()
	fmt.Fprintln(w, locale.Text{Zh: "车站\t城市\t类型\t代码\t换乘分钟", En: "station\tcity\tkind\tcode\ttransfer min"}.In(c.lang))
	for _, s := range t.Stations {
		if *city == "" || s.City == *city {
			kind := locale.Text{Zh: "火车站", En: "rail"}
			if s.Kind == timetable.Airport {
				kind = locale.Text{Zh: "机场", En: "airport"}
			}
			fmt.Fprintf(w, "%s\t%s\t%s\t%s\t%d\n", s.Name, s.City, kind.In(c.lang), s.Code, s.TransferMin)
		}
	}
	return w.Flush()
}

func hasCity(t *timetable.Timetable, name string) bool {
	for _, c := range t.Cities {
		if c.Name == name {
			return true
		}
	}
	return false
}

func (c *cli) servicesCmd(args []string) error {
	fs := c.flags("services")
	city := fs.String("city", "", "only services calling in this city")
	station := fs.String("station", "", "only services calling at this station")
	if _, err := c.parse(fs, args); err != nil {
		return err
	}
	t, err := c.load()
	if err != nil {
		return err
	}
	if *city != "" && !hasCity(t, *city) {
		return locale.Errorf("城市 %q 不存在", "city %q does not exist", *city)
	}
	cityOf := map[string]string{}
	for _, s := range t.Stations {
		cityOf[s.Name] = s.City
	}
	if *station != "" && cityOf[*station] == "" {
		return locale.Errorf("车站 %q 不存在", "station %q does not exist", *station)
	}
	w := c.table()
	fmt.Fprintln(w, locale.Text{Zh: "车次\t类型\t始发\t终到\t出发\t到达\t班期", En: "service\tcategory\tfrom\tto\tdepart\tarrive\tdays"}.In(c.lang))
	var rows []string
	for _, sv := range t.Services {
		ok := *city == "" && *station == ""
		for _, st := range sv.Stops {
			if cityOf[st.Station] == *city || st.Station == *station {
				ok = true
			}
		}
		if !ok {
			continue
		}
		first, last := sv.Stops[0], sv.Stops[len(sv.Stops)-1]
		rows = append(rows, fmt.Sprintf("%s\t%s\t%s\t%s\t%s\t%s\t%s", sv.Code, sv.Category, first.Station, last.Station, first.Depart, last.Arrive, sv.Days))
	}
	sort.Strings(rows)
	for _, r := range rows {
		fmt.Fprintln(w, r)
	}
	return w.Flush()
}
