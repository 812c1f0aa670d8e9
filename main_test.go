package main

import (
	"os"
	"regexp"
	"testing"
)

// TestAppIDMatchesManifest keeps the ID in code equal to FyneApp.toml's,
// which packaging uses.
func TestAppIDMatchesManifest(t *testing.T) {
	b, err := os.ReadFile("FyneApp.toml")
	if err != nil {
		t.Fatal(err)
	}
	m := regexp.MustCompile(`(?m)^\s*ID\s*=\s*"([^"]+)"`).FindSubmatch(b)
	if m == nil || string(m[1]) != appID {
		t.Errorf("FyneApp.toml ID %q, appID %q", m, appID)
	}
}
