// Package gui is RailAir's desktop interface, built with Fyne: the main
// window and its screens. It talks to the data only through core and
// persist.
package gui

import (
	"embed"
	"image/color"
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
	prefTheme    = "theme"    // "", "light" or "dark"
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
	a.Settings().SetTheme(ThemeFor(a.Preferences().String(prefTheme)))
}

// cjkTheme is the default theme with a font that has Simplified Chinese
// and Latin glyphs, so Chinese never shows as boxes whatever fonts the
// machine has; it can hold the light or dark variant whatever the system
// asks.
type cjkTheme struct {
	fyne.Theme
	font    fyne.Resource
	variant fyne.ThemeVariant
	fixed   bool // variant overrides the system's
}

// Theme returns RailAir's theme: Fyne's default, light or dark as the
// system asks, with the embedded CJK font.
func Theme() fyne.Theme { return ThemeFor("") }

// ThemeFor returns RailAir's theme in a variant: "light", "dark", or ""
// to follow the system.
func ThemeFor(variant string) fyne.Theme {
	t := &cjkTheme{Theme: theme.DefaultTheme(), font: fyne.NewStaticResource("WenQuanYiMicroHei.ttf", resources.Font())}
	switch variant {
	case "light":
		t.variant, t.fixed = theme.VariantLight, true
	case "dark":
		t.variant, t.fixed = theme.VariantDark, true
	}
	return t
}

// Color gives the default theme's colours in the chosen variant.
func (t *cjkTheme) Color(name fyne.ThemeColorName, v fyne.ThemeVariant) color.Color {
	if t.fixed {
		v = t.variant
	}
	return t.Theme.Color(name, v)
}

// Font gives the embedded CJK font for text, and Fyne's own for symbols and
// monospace.
func (t *cjkTheme) Font(style fyne.TextStyle) fyne.Resource {
	if style.Monospace || style.Symbol {
		return t.Theme.Font(style)
	}
	return t.font
}
