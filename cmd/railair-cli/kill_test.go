package main

import (
	"bytes"
	"context"
	"flag"
	"math/rand/v2"
	"os"
	"os/exec"
	"path/filepath"
	"reflect"
	"testing"
	"time"

	"railair.app/railair/core/timetable"
	"railair.app/railair/persist/sqlite"
	"railair.app/railair/persist/xlsx"
	"railair.app/railair/resources"
)

var kills = flag.Int("kills", 12, "how many imports TestKillDuringImport kills")

// TestKillDuringImport starts large imports and kills them (SIGKILL) at
// random moments. After each, the database must open, pass PRAGMA
// integrity_check, and hold exactly the data before the import, or, if the
// import committed before the kill, exactly the imported data.
func TestKillDuringImport(t *testing.T) {
	if testing.Short() {
		t.Skip("slow")
	}
	bin, err := exec.LookPath("railair-cli") // provided by testscript.Main
	if err != nil {
		t.Fatal(err)
	}
	dir := t.TempDir()
	db := filepath.Join(dir, "railair.db")
	d, err := resources.National()
	if err != nil {
		t.Fatal(err)
	}
	// Two workbooks of national size that differ in every train code.
	a := &d.Timetable
	b := &timetable.Timetable{Cities: a.Cities, Stations: a.Stations}
	for _, sv := range a.Services {
		sv.Code += "X"
		b.Services = append(b.Services, sv)
	}
	books := map[string]*timetable.Timetable{filepath.Join(dir, "a.xlsx"): a, filepath.Join(dir, "b.xlsx"): b}
	for path, tab := range books {
		var buf bytes.Buffer
		if err := xlsx.Export(&buf, tab); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(path, buf.Bytes(), 0o644); err != nil {
			t.Fatal(err)
		}
		tab.Sort()
	}
	load := func() *timetable.Timetable {
		t.Helper()
		s, err := sqlite.Open(context.Background(), db)
		if err != nil {
			t.Fatal(err)
		}
		defer s.Close()
		var check string
		if err := s.DB().QueryRow("PRAGMA integrity_check").Scan(&check); err != nil || check != "ok" {
			t.Fatalf("integrity_check = %q, %v", check, err)
		}
		tab, err := s.Load(context.Background())
		if err != nil {
			t.Fatal(err)
		}
		return tab
	}
	start := time.Now()
	if out, err := exec.Command(bin, "--db", db, "import", "--replace", filepath.Join(dir, "a.xlsx")).CombinedOutput(); err != nil {
		t.Fatalf("first import: %v\n%s", err, out)
	}
	took := time.Since(start) // kills land within this time, mostly midway
	t.Logf("one import takes %v", took)
	current := filepath.Join(dir, "a.xlsx")
	rng := rand.New(rand.NewPCG(1, uint64(time.Now().UnixNano())))
	killed := 0
	for i := 0; i < *kills; i++ {
		next := filepath.Join(dir, "a.xlsx")
		if current == next {
			next = filepath.Join(dir, "b.xlsx")
		}
		cmd := exec.Command(bin, "--db", db, "import", "--replace", next)
		if err := cmd.Start(); err != nil {
			t.Fatal(err)
		}
		done := make(chan error, 1)
		go func() { done <- cmd.Wait() }()
		delay := time.Duration(rng.Int64N(int64(took) * 8 / 10)) // mostly before the commit
		var finished bool
		select {
		case err := <-done:
			finished = err == nil
		case <-time.After(delay):
			cmd.Process.Kill()
			<-done
		}
		// All or nothing: the old data, or, if the import committed (a kill
		// may land after the commit, before the process exits), the new.
		got := load()
		switch {
		case !finished && reflect.DeepEqual(got, books[current]):
			killed++
		case reflect.DeepEqual(got, books[next]):
			current = next
		default:
			t.Fatalf("round %d (killed after %v, finished %v): the database holds neither the old data nor the new", i, delay, finished)
		}
	}
	t.Logf("%d of %d imports killed midway, each leaving the old data", killed, *kills)
	if killed < *kills/3 {
		t.Errorf("only %d imports were killed midway; the test did not test much", killed)
	}
}
