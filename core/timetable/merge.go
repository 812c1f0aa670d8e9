package timetable

// MergeStats counts what Merge added and changed.
type MergeStats struct {
	CitiesAdded, CitiesChanged     int
	StationsAdded, StationsChanged int
	ServicesAdded, ServicesChanged int
}

// Merge returns base with the records of add put in by key, and
// counts of what was added and changed. Neither argument is modified.
func Merge(base, add *Timetable) (*Timetable, MergeStats) {
	var st MergeStats
	out := &Timetable{}
	cityAt := map[string]int{}
	for _, c := range base.Cities {
		cityAt[c.Name] = len(out.Cities)
		out.Cities = append(out.Cities, c)
	}
	for _, c := range add.Cities {
		if i, ok := cityAt[c.Name]; ok {
			out.Cities[i] = c
			st.CitiesChanged++
		} else {
			cityAt[c.Name] = len(out.Cities)
			out.Cities = append(out.Cities, c)
			st.CitiesAdded++
		}
	}
	stAt := map[string]int{}
	for _, s := range base.Stations {
		stAt[s.Name] = len(out.Stations)
		out.Stations = append(out.Stations, s)
	}
	for _, s := range add.Stations {
		if i, ok := stAt[s.Name]; ok {
			out.Stations[i] = s
			st.StationsChanged++
		} else {
			stAt[s.Name] = len(out.Stations)
			out.Stations = append(out.Stations, s)
			st.StationsAdded++
		}
	}
	svAt := map[string]int{}
	for _, s := range base.Services {
		svAt[s.Code] = len(out.Services)
		out.Services = append(out.Services, s)
	}
	for _, s := range add.Services {
		if i, ok := svAt[s.Code]; ok {
			out.Services[i] = s
			st.ServicesChanged++
		} else {
			svAt[s.Code] = len(out.Services)
			out.Services = append(out.Services, s)
			st.ServicesAdded++
		}
	}
	return out, st
}
