package resources

import _ "embed"

// mapOutlines is the Natural Earth 1:110m outline of China and its
// neighbours (public domain), from source/map.
//
//go:embed source/map/china_and_neighbours_110m.geojson
var mapOutlines []byte

// MapOutlines returns the country outlines as GeoJSON: a FeatureCollection
// of Polygon and MultiPolygon features with longitude, latitude pairs.
func MapOutlines() []byte { return mapOutlines }
