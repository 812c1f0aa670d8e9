package resources

// Version is RailAir's version, shown by `railair-cli version` and the About
// box; FyneApp.toml's [Details] Version must equal it (a test checks).
const Version = "0.1.0"
