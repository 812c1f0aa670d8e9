package main

import (
	"bufio"
	"encoding/json"
	"os"
	"sort"
	"time"

	"railair.app/railair/core/locale"
	"railair.app/railair/core/planner"
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
		for by := planner.Arrival; by <= planner.All; by++ {
			qs = append(qs, planner.SampleQueries(t, *n, *seed, by)...)
		}
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
