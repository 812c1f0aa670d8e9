// Command railair is RailAir 全国交通咨询, the desktop app: it opens the
// database shared with railair-cli (filled with the national dataset on
// first use) and shows its window.
package main

import (
	"fyne.io/fyne/v2/app"

	"railair.app/railair/gui"
)

// appID equals FyneApp.toml's [Details] ID.
const appID = "app.railair.desktop"

func main() {
	a := app.NewWithID(appID)
	gui.Setup(a)
	w := gui.NewMainWindow(a, "")
	w.ShowAndRun()
}
