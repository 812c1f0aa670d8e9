// Package gui is RailAir's desktop interface, built with Fyne: the main
// window and its screens. It talks to the data only through core and
// persist.
package gui

import (
	"embed"
	"os"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/theme"

	"railair.app/railair/resources"
)

//go:embed translation
var translations embed.FS

// Preference keys.
const (
	prefLanguage = "language" // "", "zh" or "en"
	prefFrom     = "query.from"
	prefTo       = "query.to"
	prefBy       = "query.by"
	prefMode     = "query.mode"
	prefWidth    = "window.width"
	prefHeight   = "window.height"
)

// Setup prepares an app for RailAir's windows: the language the user chose
// (or the system's), the translations, and the theme whose font draws
// Chinese on any machine.
func Setup(a fyne.App) {
	switch a.Preferences().String(prefLanguage) {
	case "zh":
		os.Setenv("LANG", "zh_CN.UTF-8")
		os.Setenv("LC_ALL", "zh_CN.UTF-8")
	case "en":
		os.Setenv("LANG", "en_US.UTF-8")
		os.Setenv("LC_ALL", "en_US.UTF-8")
	}
	if err := lang.AddTranslationsFS(translations, "translation"); err != nil {
		fyne.LogError("loading translations", err)
	}
	a.Settings().SetTheme(Theme())
}

// cjkTheme is the default theme with a font that has Simplified Chinese
// and Latin glyphs, so Chinese never shows as boxes whatever fonts the
// machine has.
type cjkTheme struct {
	fyne.Theme
	font fyne.Resource
}

// Theme returns RailAir's theme: Fyne's default, light or dark as the
// system asks, with the embedded CJK font.
func Theme() fyne.Theme {
	return &cjkTheme{Theme: theme.DefaultTheme(), font: fyne.NewStaticResource("WenQuanYiMicroHei.ttf", resources.Font())}
}

func (t *cjkTheme) Font(style fyne.TextStyle) fyne.Resource {
	if style.Monospace || style.Symbol {
		return t.Theme.Font(style)
	}
	return t.font
}
