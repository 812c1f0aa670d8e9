package sqlite

import (
	"context"
	"database/sql"
	"fmt"

	"railair.app/railair/core/locale"
	"railair.app/railair/core/timetable"
)

// Load reads the whole timetable, sorted canonically (see timetable.Sort).
func (s *Store) Load(ctx context.Context) (*timetable.Timetable, error) {
	tx, err := s.rdb.BeginTx(ctx, nil)
	if err != nil {
		return nil, busy(err)
	}
	defer tx.Rollback()
	return load(ctx, tx)
}

// load reads the whole timetable within tx.
func load(ctx context.Context, tx *sql.Tx) (*timetable.Timetable, error) {
	t := &timetable.Timetable{}
	cityName := map[int64]string{}
	rows, err := tx.QueryContext(ctx, "SELECT id, name, name_en, province, lat, lon, transfer_min FROM city ORDER BY name")
	if err != nil {
		return nil, err
	}
	for rows.Next() {
		var id int64
		var c timetable.City
		if err := rows.Scan(&id, &c.Name, &c.NameEn, &c.Province, &c.Lat, &c.Lon, &c.TransferMin); err != nil {
			rows.Close()
			return nil, err
		}
		cityName[id] = c.Name
		t.Cities = append(t.Cities, c)
	}
	if err := closeRows(rows); err != nil {
		return nil, err
	}
	stationName := map[int64]string{}
	rows, err = tx.QueryContext(ctx, "SELECT id, name, city_id, kind, code, lat, lon, transfer_min FROM station ORDER BY name")
	if err != nil {
		return nil, err
	}
	for rows.Next() {
		var id, cityID int64
		var st timetable.Station
		if err := rows.Scan(&id, &st.Name, &cityID, &st.Kind, &st.Code, &st.Lat, &st.Lon, &st.TransferMin); err != nil {
			rows.Close()
			return nil, err
		}
		st.City = cityName[cityID]
		stationName[id] = st.Name
		t.Stations = append(t.Stations, st)
	}
	if err := closeRows(rows); err != nil {
		return nil, err
	}
	serviceIndex := map[int64]int{}
	rows, err = tx.QueryContext(ctx, "SELECT id, code, mode, category, days, first_date, last_date FROM service ORDER BY code")
	if err != nil {
		return nil, err
	}
	for rows.Next() {
		var id int64
		var sv timetable.Service
		if err := rows.Scan(&id, &sv.Code, &sv.Mode, &sv.Category, &sv.Days, &sv.First, &sv.Last); err != nil {
			rows.Close()
			return nil, err
		}
		serviceIndex[id] = len(t.Services)
		t.Services = append(t.Services, sv)
	}
	if err := closeRows(rows); err != nil {
		return nil, err
	}
	rows, err = tx.QueryContext(ctx, "SELECT service_id, station_id, arrive, depart, km FROM stop ORDER BY service_id, seq")
	if err != nil {
		return nil, err
	}
	for rows.Next() {
		var svID, stID int64
		var st timetable.Stop
		if err := rows.Scan(&svID, &stID, &st.Arrive, &st.Depart, &st.Km); err != nil {
			rows.Close()
			return nil, err
		}
		st.Station = stationName[stID]
		sv := &t.Services[serviceIndex[svID]]
		sv.Stops = append(sv.Stops, st)
	}
	if err := closeRows(rows); err != nil {
		return nil, err
	}
	// Stops were appended in seq order, and seq runs 0, 1, 2… within a
	// service, so a fare's seq is its stop's index.
	rows, err = tx.QueryContext(ctx, "SELECT service_id, seq, class, fen FROM fare")
	if err != nil {
		return nil, err
	}
	classes := map[string]string{} // interned class names
	for rows.Next() {
		var svID int64
		var seq int
		var class string
		var fen timetable.Fare
		if err := rows.Scan(&svID, &seq, &class, &fen); err != nil {
			rows.Close()
			return nil, err
		}
		if c, ok := classes[class]; ok {
			class = c
		} else {
			classes[class] = class
		}
		st := &t.Services[serviceIndex[svID]].Stops[seq]
		if st.Fares == nil {
			st.Fares = make(map[string]timetable.Fare, 3)
		}
		st.Fares[class] = fen
	}
	if err := closeRows(rows); err != nil {
		return nil, err
	}
	return t, nil
}

func closeRows(rows *sql.Rows) error {
	err := rows.Err()
	if cerr := rows.Close(); err == nil {
		err = cerr
	}
	return err
}

// Replace makes t the whole content of the database, in one transaction.
// It refuses a timetable that does not validate.
func (s *Store) Replace(ctx context.Context, t *timetable.Timetable) error {
	if ps := timetable.Validate(t); len(ps) > 0 {
		return timetable.ProblemsError(ps)
	}
	return s.inTx(ctx, func(tx *sql.Tx) error {
		for _, q := range []string{"DELETE FROM fare", "DELETE FROM stop", "DELETE FROM service", "DELETE FROM station", "DELETE FROM city"} {
			if _, err := tx.ExecContext(ctx, q); err != nil {
				return err
			}
		}
		return writeAll(ctx, tx, t)
	})
}

// writeAll inserts every record of t into empty tables.
func writeAll(ctx context.Context, tx *sql.Tx, t *timetable.Timetable) error {
	w, err := newWriter(ctx, tx)
	if err != nil {
		return err
	}
	defer w.close()
	for i := range t.Cities {
		if err := w.putCity(&t.Cities[i]); err != nil {
			return err
		}
	}
	for i := range t.Stations {
		if err := w.putStation(&t.Stations[i]); err != nil {
			return err
		}
	}
	for i := range t.Services {
		if err := w.insertService(&t.Services[i]); err != nil {
			return err
		}
	}
	return nil
}

// writer holds the prepared statements of a transaction that writes records.
type writer struct {
	ctx                                              context.Context
	tx                                               *sql.Tx
	city, station, service, stop, fare, cityID, stID *sql.Stmt
	cityIDs, stationIDs                              map[string]int64
}

func newWriter(ctx context.Context, tx *sql.Tx) (*writer, error) {
	w := &writer{ctx: ctx, tx: tx, cityIDs: map[string]int64{}, stationIDs: map[string]int64{}}
	stmts := []struct {
		p *(*sql.Stmt)
		q string
	}{
		{&w.city, `INSERT INTO city(name, name_en, province, lat, lon, transfer_min) VALUES(?,?,?,?,?,?)
			ON CONFLICT(name) DO UPDATE SET name_en=excluded.name_en, province=excluded.province,
			lat=excluded.lat, lon=excluded.lon, transfer_min=excluded.transfer_min RETURNING id`},
		{&w.station, `INSERT INTO station(name, city_id, kind, code, lat, lon, transfer_min) VALUES(?,?,?,?,?,?,?)
			ON CONFLICT(name) DO UPDATE SET city_id=excluded.city_id, kind=excluded.kind, code=excluded.code,
			lat=excluded.lat, lon=excluded.lon, transfer_min=excluded.transfer_min RETURNING id`},
		{&w.service, `INSERT INTO service(code, mode, category, days, first_date, last_date) VALUES(?,?,?,?,?,?) RETURNING id`},
		{&w.stop, `INSERT INTO stop(service_id, seq, station_id, arrive, depart, km) VALUES(?,?,?,?,?,?)`},
		{&w.fare, `INSERT INTO fare(service_id, seq, class, fen) VALUES(?,?,?,?)`},
		{&w.cityID, `SELECT id FROM city WHERE name = ?`},
		{&w.stID, `SELECT id FROM station WHERE name = ?`},
	}
	for _, s := range stmts {
		st, err := tx.PrepareContext(ctx, s.q)
		if err != nil {
			w.close()
			return nil, err
		}
		*s.p = st
	}
	return w, nil
}

func (w *writer) close() {
	for _, st := range []*sql.Stmt{w.city, w.station, w.service, w.stop, w.fare, w.cityID, w.stID} {
		if st != nil {
			st.Close()
		}
	}
}

func (w *writer) lookup(cache map[string]int64, stmt *sql.Stmt, name string) (int64, error) {
	if id, ok := cache[name]; ok {
		return id, nil
	}
	var id int64
	if err := stmt.QueryRowContext(w.ctx, name).Scan(&id); err != nil {
		return 0, fmt.Errorf("look up %q: %w", name, err)
	}
	cache[name] = id
	return id, nil
}

// putCity inserts or updates a city by name.
func (w *writer) putCity(c *timetable.City) error {
	var id int64
	if err := w.city.QueryRowContext(w.ctx, c.Name, c.NameEn, c.Province, c.Lat, c.Lon, c.TransferMin).Scan(&id); err != nil {
		return fmt.Errorf("write city %s: %w", c.Name, err)
	}
	w.cityIDs[c.Name] = id
	return nil
}

// putStation inserts or updates a station by name.
func (w *writer) putStation(st *timetable.Station) error {
	cityID, err := w.lookup(w.cityIDs, w.cityID, st.City)
	if err != nil {
		return err
	}
	var id int64
	if err := w.station.QueryRowContext(w.ctx, st.Name, cityID, st.Kind, st.Code, st.Lat, st.Lon, st.TransferMin).Scan(&id); err != nil {
		return fmt.Errorf("write station %s: %w", st.Name, err)
	}
	w.stationIDs[st.Name] = id
	return nil
}

// insertService inserts a service whose code is not in the database.
func (w *writer) insertService(sv *timetable.Service) error {
	var id int64
	if err := w.service.QueryRowContext(w.ctx, sv.Code, sv.Mode, sv.Category, sv.Days, sv.First, sv.Last).Scan(&id); err != nil {
		return fmt.Errorf("write service %s: %w", sv.Code, err)
	}
	for seq, st := range sv.Stops {
		stID, err := w.lookup(w.stationIDs, w.stID, st.Station)
		if err != nil {
			return err
		}
		if _, err := w.stop.ExecContext(w.ctx, id, seq, stID, st.Arrive, st.Depart, st.Km); err != nil {
			return fmt.Errorf("write service %s stop %d: %w", sv.Code, seq+1, err)
		}
		for class, fen := range st.Fares {
			if _, err := w.fare.ExecContext(w.ctx, id, seq, class, fen); err != nil {
				return fmt.Errorf("write service %s stop %d fare %s: %w", sv.Code, seq+1, class, err)
			}
		}
	}
	return nil
}

// Counts returns how many cities, stations and services the database holds.
func (s *Store) Counts(ctx context.Context) (cities, stations, services int, err error) {
	err = s.db.QueryRowContext(ctx, "SELECT (SELECT count(*) FROM city), (SELECT count(*) FROM station), (SELECT count(*) FROM service)").
		Scan(&cities, &stations, &services)
	return
}

// errEmptyName is returned for a record with no name.
var errEmptyName = locale.Errorf("名称不能为空", "the name cannot be empty")
