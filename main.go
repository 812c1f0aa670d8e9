// Command railair is RailAir 全国交通咨询, the desktop app: it opens the
// database shared with railair-cli (filled with the national dataset on
// first use) and shows its window.
package main

import (
	"os"
	"runtime/debug"

	"fyne.io/fyne/v2/app"

	"railair.app/railair/gui"
)

// appID equals FyneApp.toml's [Details] ID.
const appID = "app.railair.desktop"

// memoryLimit is the Go heap size above which the collector works harder:
// loading and recompiling the timetable leave garbage that would otherwise
// keep a desk computer's memory. GOMEMLIMIT overrides it.
const memoryLimit = 160 << 20

func main() {
	if os.Getenv("GOMEMLIMIT") == "" {
		debug.SetMemoryLimit(memoryLimit)
	}
	a := app.NewWithID(appID)
	gui.Setup(a)
	w := gui.NewMainWindow(a, "")
	w.ShowAndRun()
}
