package resources

import _ "embed"

// icon is the app icon, rendered from icon/railair.svg (`make icon`).
//
//go:embed icon/railair.png
var icon []byte

// Icon returns the app icon as a 512×512 PNG.
func Icon() []byte { return icon }
