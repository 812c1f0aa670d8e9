package gui

import (
	"encoding/json"
	"image"
	"image/color"
	"math"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"railair.app/railair/core/timetable"
)

// MapView is an offline map of China: country outlines, the cities as dots,
// and a route drawn over them. Drag to pan, scroll to zoom.
type MapView struct {
	widget.BaseWidget

	rings  [][][2]float64 // outline rings, lon/lat
	cities [][2]float64   // city positions, lon/lat
	names  []string       // the cities' names, as cities
	lines  [][][2]float64 // the services of a chosen city, lon/lat
	marked *[2]float64    // the chosen city, or nil
	route  [][2]float64   // the route's points, lon/lat, in order
	stops  [][2]float64   // where the route changes service

	// OnTapped, if set, is called with the name of the city nearest a
	// click, when one is within a few pixels.
	OnTapped func(city string)

	center [2]float64 // lon/lat at the middle of the view
	scale  float64    // pixels per degree of latitude
	raster *canvas.Raster
}

// NewMapView makes a map from GeoJSON outlines and the timetable's cities.
func NewMapView(geojson []byte, t *timetable.Timetable) *MapView {
	m := &MapView{rings: parseRings(geojson), center: [2]float64{104.5, 35.5}, scale: 14}
	m.raster = canvas.NewRaster(m.draw)
	m.ExtendBaseWidget(m)
	m.SetCities(t)
	return m
}

// SetCities shows the located cities of t.
func (m *MapView) SetCities(t *timetable.Timetable) {
	m.cities, m.names = m.cities[:0], m.names[:0]
	for _, c := range t.Cities {
		if c.Located() {
			m.cities = append(m.cities, [2]float64{c.Lon, c.Lat})
			m.names = append(m.names, c.Name)
		}
	}
	m.raster.Refresh()
}

// parseRings reads the rings of the Polygon and MultiPolygon features of a
// GeoJSON FeatureCollection; anything else is skipped.
func parseRings(b []byte) [][][2]float64 {
	var fc struct {
		Features []struct {
			Geometry struct {
				Type        string          `json:"type"`
				Coordinates json.RawMessage `json:"coordinates"`
			} `json:"geometry"`
		} `json:"features"`
	}
	if json.Unmarshal(b, &fc) != nil {
		return nil
	}
	var rings [][][2]float64
	for _, f := range fc.Features {
		switch f.Geometry.Type {
		case "Polygon":
			var p [][][2]float64
			if json.Unmarshal(f.Geometry.Coordinates, &p) == nil {
				rings = append(rings, p...)
			}
		case "MultiPolygon":
			var mp [][][][2]float64
			if json.Unmarshal(f.Geometry.Coordinates, &mp) == nil {
				for _, p := range mp {
					rings = append(rings, p...)
				}
			}
		}
	}
	return rings
}

// SetRoute draws a route through the given points (lon/lat); changes marks
// where the traveller changes service. Nil clears it.
func (m *MapView) SetRoute(points, changes [][2]float64) {
	m.route, m.stops = points, changes
	if len(points) > 0 {
		minLon, maxLon, minLat, maxLat := points[0][0], points[0][0], points[0][1], points[0][1]
		for _, p := range points {
			minLon, maxLon = math.Min(minLon, p[0]), math.Max(maxLon, p[0])
			minLat, maxLat = math.Min(minLat, p[1]), math.Max(maxLat, p[1])
		}
		m.center = [2]float64{(minLon + maxLon) / 2, (minLat + maxLat) / 2}
	}
	m.raster.Refresh()
}

// SetLines draws the lines of a city's services and marks the city (nil
// for none), centring the map on it.
func (m *MapView) SetLines(lines [][][2]float64, city *[2]float64) {
	m.lines, m.marked = lines, city
	if city != nil {
		m.center = *city
	}
	m.raster.Refresh()
}

// CityAt returns the city drawn nearest to pos (in the widget's units),
// within 10 units, or "".
func (m *MapView) CityAt(pos fyne.Position) string {
	size := m.Size()
	best, name := 100.0, ""
	for i, c := range m.cities {
		x, y := m.projectF(c, float64(size.Width), float64(size.Height), m.scale)
		if d := (x-float64(pos.X))*(x-float64(pos.X)) + (y-float64(pos.Y))*(y-float64(pos.Y)); d <= best {
			best, name = d, m.names[i]
		}
	}
	return name
}

// Tapped picks the city under the pointer.
func (m *MapView) Tapped(e *fyne.PointEvent) {
	if name := m.CityAt(e.Position); name != "" && m.OnTapped != nil {
		m.OnTapped(name)
	}
}

// projectF is project without rounding.
func (m *MapView) projectF(p [2]float64, w, h, scale float64) (float64, float64) {
	k := math.Cos(m.center[1] * math.Pi / 180)
	return w/2 + (p[0]-m.center[0])*scale*k, h/2 - (p[1]-m.center[1])*scale
}

// project turns lon/lat into pixels of a w×h view at scale pixels per
// degree of latitude.
func (m *MapView) project(p [2]float64, w, h int, scale float64) (int, int) {
	x, y := m.projectF(p, float64(w), float64(h), scale)
	return int(x), int(y)
}

// palette is the map's colours.
type palette struct{ sea, land, city, route, changes, lines color.NRGBA }

var (
	darkMap = palette{
		sea: color.NRGBA{0x1b, 0x26, 0x33, 0xff}, land: color.NRGBA{0x6b, 0x7f, 0x95, 0xff},
		city: color.NRGBA{0xe0, 0xe6, 0xee, 0xff}, route: color.NRGBA{0xff, 0xb3, 0x00, 0xff},
		changes: color.NRGBA{0xff, 0x55, 0x55, 0xff}, lines: color.NRGBA{0x4f, 0xc3, 0xf7, 0xff},
	}
	lightMap = palette{
		sea: color.NRGBA{0xe3, 0xec, 0xf4, 0xff}, land: color.NRGBA{0x78, 0x8c, 0xa3, 0xff},
		city: color.NRGBA{0x37, 0x47, 0x4f, 0xff}, route: color.NRGBA{0xe6, 0x51, 0x00, 0xff},
		changes: color.NRGBA{0xc6, 0x28, 0x28, 0xff}, lines: color.NRGBA{0x02, 0x77, 0xbd, 0xff},
	}
)

// palette picks the map's colours to suit the theme's background.
func (m *MapView) palette() palette {
	app := fyne.CurrentApp()
	if app == nil {
		return darkMap
	}
	r, g, b, _ := m.Theme().Color(theme.ColorNameBackground, app.Settings().ThemeVariant()).RGBA()
	if r+g+b > 3*0x8000 {
		return lightMap
	}
	return darkMap
}

// draw renders the map at w×h pixels.
func (m *MapView) draw(w, h int) image.Image {
	img := image.NewNRGBA(image.Rect(0, 0, w, h))
	p := m.palette()
	for i := range img.Pix {
		img.Pix[i] = [4]uint8{p.sea.R, p.sea.G, p.sea.B, 0xff}[i%4]
	}
	// The raster's pixels are finer than the layout's units on scaled
	// screens; scale the map with them.
	scale := m.scale
	if sw := float64(m.Size().Width); sw > 0 {
		scale *= float64(w) / sw
	}
	for _, r := range m.rings {
		for i := 1; i < len(r); i++ {
			x0, y0 := m.project(r[i-1], w, h, scale)
			x1, y1 := m.project(r[i], w, h, scale)
			line(img, x0, y0, x1, y1, p.land, 1)
		}
	}
	for _, c := range m.cities {
		x, y := m.project(c, w, h, scale)
		dot(img, x, y, 1, p.city)
	}
	for _, l := range m.lines {
		for i := 1; i < len(l); i++ {
			x0, y0 := m.project(l[i-1], w, h, scale)
			x1, y1 := m.project(l[i], w, h, scale)
			line(img, x0, y0, x1, y1, p.lines, 1)
		}
	}
	if m.marked != nil {
		x, y := m.project(*m.marked, w, h, scale)
		dot(img, x, y, 6, p.changes)
		dot(img, x, y, 3, p.city)
	}
	for i := 1; i < len(m.route); i++ {
		x0, y0 := m.project(m.route[i-1], w, h, scale)
		x1, y1 := m.project(m.route[i], w, h, scale)
		line(img, x0, y0, x1, y1, p.route, 2)
	}
	for _, pt := range m.route {
		x, y := m.project(pt, w, h, scale)
		dot(img, x, y, 3, p.route)
	}
	for _, pt := range m.stops {
		x, y := m.project(pt, w, h, scale)
		dot(img, x, y, 4, p.changes)
	}
	return img
}

// line draws a line of the given half-width (Bresenham).
func line(img *image.NRGBA, x0, y0, x1, y1 int, c color.NRGBA, width int) {
	dx, dy := abs(x1-x0), -abs(y1-y0)
	sx, sy := sign(x1-x0), sign(y1-y0)
	e := dx + dy
	for n := 0; n < 20000; n++ {
		dot(img, x0, y0, width-1, c)
		if x0 == x1 && y0 == y1 {
			return
		}
		if e2 := 2 * e; e2 >= dy {
			e += dy
			x0 += sx
		} else {
			e += dx
			y0 += sy
		}
	}
}

func dot(img *image.NRGBA, x, y, r int, c color.NRGBA) {
	b := img.Bounds()
	for yy := y - r; yy <= y+r; yy++ {
		for xx := x - r; xx <= x+r; xx++ {
			if image.Pt(xx, yy).In(b) && (xx-x)*(xx-x)+(yy-y)*(yy-y) <= r*r+r {
				img.SetNRGBA(xx, yy, c)
			}
		}
	}
}

func abs(v int) int {
	if v < 0 {
		return -v
	}
	return v
}

func sign(v int) int {
	switch {
	case v > 0:
		return 1
	case v < 0:
		return -1
	}
	return 0
}

// Dragged pans the map.
func (m *MapView) Dragged(e *fyne.DragEvent) {
	k := math.Cos(m.center[1] * math.Pi / 180)
	m.center[0] -= float64(e.Dragged.DX) / (m.scale * k)
	m.center[1] += float64(e.Dragged.DY) / m.scale
	m.raster.Refresh()
}

// DragEnd ends a pan.
func (m *MapView) DragEnd() {}

// Scrolled zooms the map.
func (m *MapView) Scrolled(e *fyne.ScrollEvent) {
	if e.Scrolled.DY > 0 {
		m.scale = math.Min(m.scale*1.2, 400)
	} else if e.Scrolled.DY < 0 {
		m.scale = math.Max(m.scale/1.2, 4)
	}
	m.raster.Refresh()
}

// MinSize keeps the map usable.
func (m *MapView) MinSize() fyne.Size { return fyne.NewSize(240, 180) }

// CreateRenderer draws the raster.
func (m *MapView) CreateRenderer() fyne.WidgetRenderer {
	return widget.NewSimpleRenderer(m.raster)
}
