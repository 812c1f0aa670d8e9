package resources

import _ "embed"

// wqyMicroHei is face 0 of WenQuanYi Micro Hei (Apache-2.0), extracted
// from Debian's fonts-wqy-microhei by fonts/extract.sh.
//
//go:embed fonts/WenQuanYiMicroHei.ttf
var wqyMicroHei []byte

// Font returns a single-face TrueType font with Simplified Chinese and
// Latin glyphs, for the GUI and printed itineraries.
func Font() []byte { return wqyMicroHei }
