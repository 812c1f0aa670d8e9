// Package pinyin holds the Hanyu Pinyin of Chinese railway station names,
// from the 12306 station list, so that a place can be found by typing Latin
// letters: its full pinyin (wulumuqi) or its initials (wlmq). Many cities'
// English names are their pinyin already (Beijing); others are not (Urumqi,
// Hohhot, Lhasa), and a city is usually also the name of a station.
package pinyin

import "strings"

//go:generate go run gen.go ../../resources/source/rail/stations_12306.csv

// Of returns the pinyin of a station's name as one lower-case word and its
// initials ("乌鲁木齐" → "wulumuqi", "wlmq"); ok is false for a name that is
// not in the list.
func Of(name string) (full, initials string, ok bool) {
	e, ok := table[name]
	return e.full, e.initials, ok
}

// Starts reports whether typed, in lower case, starts the pinyin of name or
// its initials ("wlmq", "wulu" and "w" start 乌鲁木齐's).
func Starts(name, typed string) bool {
	full, initials, ok := Of(name)
	return ok && typed != "" && (strings.HasPrefix(full, typed) || strings.HasPrefix(initials, typed))
}

type entry struct{ full, initials string }
