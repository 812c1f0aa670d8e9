package main

import (
	"bytes"
	"crypto/sha256"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/rogpeppe/go-internal/testscript"
)

func TestMain(m *testing.M) {
	testscript.Main(m, map[string]func(){
		"railair-cli": main,
	})
}

// TestScripts runs the command-line scenarios in testdata/script.
func TestScripts(t *testing.T) {
	gtfsDir, _ := filepath.Abs("../../persist/gtfs/testdata")
	brokenDir, _ := filepath.Abs("../../persist/xlsx/testdata/broken")
	testscript.Run(t, testscript.Params{
		Dir: "testdata/script",
		Setup: func(env *testscript.Env) error {
			env.Setenv("GTFS", gtfsDir)
			env.Setenv("BROKEN", brokenDir)
			env.Setenv("LANG", "zh_CN.UTF-8")
			return nil
		},
	})
}

func fileHash(t *testing.T, path string) [32]byte {
	t.Helper()
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	return sha256.Sum256(b)
}

// TestBrokenWorkbooksChangeNothing imports every workbook of the broken
// corpus into a database holding the national dataset: each fails with a
// message naming its place, and the database file stays byte-for-byte the
// same.
func TestBrokenWorkbooksChangeNothing(t *testing.T) {
	files, _ := filepath.Glob("../../persist/xlsx/testdata/broken/*.xlsx")
	if len(files) < 30 {
		t.Fatalf("only %d broken workbooks", len(files))
	}
	db := filepath.Join(t.TempDir(), "railair.db")
	var out, errOut bytes.Buffer
	if code := run([]string{"--db", db, "cities"}, &out, &errOut); code != 0 {
		t.Fatalf("filling the database: %s", errOut.String())
	}
	before := fileHash(t, db)
	for _, f := range files {
		t.Run(filepath.Base(f), func(t *testing.T) {
			out.Reset()
			errOut.Reset()
			code := run([]string{"--db", db, "import", f}, &out, &errOut)
			if code != exitError {
				t.Fatalf("exit %d, want %d; stderr: %s", code, exitError, errOut.String())
			}
			msg := errOut.String()
			if !strings.HasPrefix(msg, "railair-cli: ") || len(msg) < 20 {
				t.Errorf("message %q", msg)
			}
			if fileHash(t, db) != before {
				t.Fatal("the database file changed")
			}
			if _, err := os.Stat(db + "-wal"); err == nil {
				if fi, _ := os.Stat(db + "-wal"); fi.Size() > 0 {
					t.Fatal("a write-ahead log was left behind")
				}
			}
		})
	}
}

func TestQueryExitStatus(t *testing.T) {
	db := filepath.Join(t.TempDir(), "railair.db")
	tests := []struct {
		args []string
		want int
	}{
		{[]string{"--from", "北京", "--to", "上海", "--date", "2026-12-01", "--after", "08:00"}, exitOK},
		{[]string{"--from", "北京", "--to", "上海", "--date", "2026-12-01", "--after", "08:00", "--horizon", "1"}, exitNoJourney},
		{[]string{"--from", "火星", "--to", "上海"}, exitError},
		{[]string{"--from", "北京", "--to", "北京南"}, exitError},
		{[]string{"--from", "北京", "--to", "上海", "--class", "经济舱", "--mode", "train"}, exitNoJourney},
		{[]string{"--from", "北京", "--to", "上海", "--class", "头等舱"}, exitError},
	}
	for _, tt := range tests {
		var out, errOut bytes.Buffer
		if got := run(append([]string{"--db", db, "query"}, tt.args...), &out, &errOut); got != tt.want {
			t.Errorf("query %v: exit %d, want %d; stderr %s", tt.args, got, tt.want, errOut.String())
		}
	}
}
