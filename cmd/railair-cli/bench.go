package main

import (
	"bufio"
	"encoding/json"
	"math/rand/v2"
	"os"
	"sort"
	"time"

	"railair.app/railair/core/locale"
	"railair.app/railair/core/planner"
	"railair.app/railair/core/timetable"
)

// benchLine is one query of a --queries file.
type benchLine struct {
	From  string `json:"from"`
	To    string `json:"to"`
	Date  string `json:"date"`
	After string `json:"after"`
	By    string `json:"by"`
	Mode  string `json:"mode"`
}

type timing struct {
	N        int     `json:"n"`
	MedianMs float64 `json:"median_ms"`
	P90Ms    float64 `json:"p90_ms"`
	MaxMs    float64 `json:"max_ms"`
}

func (c *cli) benchCmd(args []string) error {
	fs := c.flags("bench")
	n := fs.Int("n", 1000, "random queries per criterion")
	seed := fs.Uint64("seed", 1, "seed of the random queries")
	file := fs.String("queries", "", "a file of queries, one JSON object a line, instead of random ones")
	if _, err := c.parse(fs, args); err != nil {
		return err
	}
	start := time.Now()
	t, err := c.load()
	if err != nil {
		return err
	}
	loaded := time.Since(start)
	start = time.Now()
	net := planner.Compile(t)
	compiled := time.Since(start)
	var qs []planner.Query
	if *file != "" {
		if qs, err = readBenchQueries(*file); err != nil {
			return err
		}
	} else {
		qs = randomQueries(t, *n, *seed)
	}
	times := map[string][]float64{}
	for _, q := range qs {
		start := time.Now()
		if _, err := net.Plan(c.ctx, q); err != nil {
			return err
		}
		times[q.By.String()] = append(times[q.By.String()], float64(time.Since(start).Microseconds())/1000)
	}
	out := map[string]any{
		"load_ms":             float64(loaded.Microseconds()) / 1000,
		"compile_ms":          float64(compiled.Microseconds()) / 1000,
		"connections_per_day": net.ConnectionsPerDay(),
	}
	for by, ts := range times {
		sort.Float64s(ts)
		out[by] = timing{N: len(ts), MedianMs: ts[len(ts)/2], P90Ms: ts[len(ts)*9/10], MaxMs: ts[len(ts)-1]}
	}
	enc := json.NewEncoder(c.stdout)
	enc.SetEscapeHTML(false)
	return enc.Encode(out)
}

// randomQueries makes n queries per criterion between random cities that
// services reach, at random times of the first week of December 2026.
func randomQueries(t *timetable.Timetable, n int, seed uint64) []planner.Query {
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
	rng := rand.New(rand.NewPCG(seed, 2026))
	var qs []planner.Query
	for by := planner.Arrival; by <= planner.All; by++ {
		for i := 0; i < n; i++ {
			from, to := cities[rng.IntN(len(cities))], cities[rng.IntN(len(cities))]
			for to == from {
				to = cities[rng.IntN(len(cities))]
			}
			qs = append(qs, planner.Query{From: from, To: to, Date: timetable.NewDate(2026, 12, 1+rng.IntN(7)),
				After: timetable.Minutes(rng.IntN(timetable.MinutesPerDay)), By: by, MaxTransfers: -1})
		}
	}
	return qs
}

func readBenchQueries(path string) ([]planner.Query, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, locale.Errorf("无法打开 %s：%v", "cannot open %s: %v", path, err)
	}
	defer f.Close()
	var qs []planner.Query
	sc := bufio.NewScanner(f)
	line := 0
	for sc.Scan() {
		line++
		if len(sc.Bytes()) == 0 {
			continue
		}
		var b benchLine
		if err := json.Unmarshal(sc.Bytes(), &b); err != nil {
			return nil, locale.Errorf("%s 第 %d 行：%v", "%s line %d: %v", path, line, err)
		}
		if b.By == "" {
			b.By = "arrival"
		}
		q, err := buildQuery(b.From, b.To, b.Date, b.After, b.By, b.Mode, "", -1, planner.DefaultHorizon/60)
		if err != nil {
			return nil, locale.Errorf("%s 第 %d 行：%s", "%s line %d: %s", path, line, err)
		}
		qs = append(qs, q)
	}
	return qs, sc.Err()
}
