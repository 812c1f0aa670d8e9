package sqlite

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"strings"

	"railair.app/railair/core/locale"
	"railair.app/railair/core/timetable"
)

// InUseError is returned when a city or station cannot be deleted because
// other records use it; it lists them so the user can decide.
type InUseError struct {
	What     string   // the city or station asked for
	Stations []string // stations of the city
	Services []string // services calling at those stations
}

func (e *InUseError) Error() string { return e.Text().Zh }

// In describes the error in lang.
func (e *InUseError) In(lang locale.Lang) string { return e.Text().In(lang) }

// Text describes the error in both languages.
func (e *InUseError) Text() locale.Text {
	list := func(names []string) string {
		const most = 10
		if len(names) > most {
			return strings.Join(names[:most], "、") + "…"
		}
		return strings.Join(names, "、")
	}
	switch {
	case len(e.Stations) > 0 && len(e.Services) > 0:
		return locale.Textf("%s 仍被使用：%d 个车站（%s），%d 个车次/航班（%s）",
			"%s is still in use: %d stations (%s), %d services (%s)",
			e.What, len(e.Stations), list(e.Stations), len(e.Services), list(e.Services))
	case len(e.Stations) > 0:
		return locale.Textf("%s 仍有 %d 个车站（%s）", "%s still has %d stations (%s)", e.What, len(e.Stations), list(e.Stations))
	default:
		return locale.Textf("%s 仍被 %d 个车次/航班使用（%s）", "%s is still used by %d services (%s)", e.What, len(e.Services), list(e.Services))
	}
}

// ErrNotFound is wrapped by errors for a record that does not exist.
var ErrNotFound = errors.New("not found")

func notFound(kind locale.Text, name string) error {
	e := locale.Wrapf(ErrNotFound, "%q 不存在", "%q does not exist", name)
	e.Zh, e.En = kind.Zh+" "+e.Zh, kind.En+" "+e.En
	return e
}

var (
	cityWord    = locale.Text{Zh: "城市", En: "city"}
	stationWord = locale.Text{Zh: "车站", En: "station"}
	serviceWord = locale.Text{Zh: "车次/航班", En: "service"}
)

func problemsOf(ps []timetable.Problem) error {
	if len(ps) > 0 {
		return timetable.ProblemsError(ps)
	}
	return nil
}

// PutCity adds a city, or changes the one with the same name.
func (s *Store) PutCity(ctx context.Context, c timetable.City) error {
	if err := problemsOf(timetable.Validate(&timetable.Timetable{Cities: []timetable.City{c}})); err != nil {
		return err
	}
	return s.inTx(ctx, func(tx *sql.Tx) error {
		w, err := newWriter(ctx, tx)
		if err != nil {
			return err
		}
		defer w.close()
		return w.putCity(&c)
	})
}

// rename changes the key column of one row of table from old to new.
func (s *Store) rename(ctx context.Context, table, column string, kind locale.Text, old, new string) error {
	if strings.TrimSpace(new) == "" {
		return errEmptyName
	}
	return s.inTx(ctx, func(tx *sql.Tx) error {
		var n int
		if err := tx.QueryRowContext(ctx, "SELECT count(*) FROM "+table+" WHERE "+column+" = ?", new).Scan(&n); err != nil {
			return err
		}
		if n > 0 && new != old {
			return &locale.Error{Text: locale.Text{
				Zh: fmt.Sprintf("%s %q 已存在", kind.Zh, new), En: fmt.Sprintf("%s %q already exists", kind.En, new)}}
		}
		res, err := tx.ExecContext(ctx, "UPDATE "+table+" SET "+column+" = ? WHERE "+column+" = ?", new, old)
		if err != nil {
			return err
		}
		if n, _ := res.RowsAffected(); n == 0 {
			return notFound(kind, old)
		}
		return nil
	})
}

// RenameCity renames a city; its stations follow.
func (s *Store) RenameCity(ctx context.Context, old, new string) error {
	return s.rename(ctx, "city", "name", cityWord, old, new)
}

// RenameStation renames a station; the services calling there follow.
func (s *Store) RenameStation(ctx context.Context, old, new string) error {
	return s.rename(ctx, "station", "name", stationWord, old, new)
}

// RenameService changes a service's code.
func (s *Store) RenameService(ctx context.Context, old, new string) error {
	return s.rename(ctx, "service", "code", serviceWord, old, new)
}

// usersOf lists the stations (for a city) and services that use a city or
// station; where is a condition on the station table aliased st.
func usersOf(ctx context.Context, tx *sql.Tx, where string, arg string) (stations, services []string, err error) {
	rows, err := tx.QueryContext(ctx, "SELECT st.name FROM station st JOIN city c ON c.id = st.city_id WHERE "+where+" ORDER BY st.name", arg)
	if err != nil {
		return nil, nil, err
	}
	for rows.Next() {
		var n string
		if err := rows.Scan(&n); err != nil {
			rows.Close()
			return nil, nil, err
		}
		stations = append(stations, n)
	}
	if err := closeRows(rows); err != nil {
		return nil, nil, err
	}
	rows, err = tx.QueryContext(ctx, `SELECT DISTINCT sv.code FROM service sv JOIN stop sp ON sp.service_id = sv.id
		JOIN station st ON st.id = sp.station_id JOIN city c ON c.id = st.city_id WHERE `+where+` ORDER BY sv.code`, arg)
	if err != nil {
		return nil, nil, err
	}
	for rows.Next() {
		var n string
		if err := rows.Scan(&n); err != nil {
			rows.Close()
			return nil, nil, err
		}
		services = append(services, n)
	}
	return stations, services, closeRows(rows)
}

// deleteServices deletes the services with the given codes.
func deleteServices(ctx context.Context, tx *sql.Tx, codes []string) error {
	for _, c := range codes {
		if _, err := tx.ExecContext(ctx, "DELETE FROM service WHERE code = ?", c); err != nil {
			return err
		}
	}
	return nil
}

// DeleteCity deletes a city. If stations or services use it, it returns an
// *InUseError and deletes nothing, unless cascade is set: then it deletes
// those stations and services too.
func (s *Store) DeleteCity(ctx context.Context, name string, cascade bool) error {
	return s.inTx(ctx, func(tx *sql.Tx) error {
		stations, services, err := usersOf(ctx, tx, "c.name = ?", name)
		if err != nil {
			return err
		}
		if len(stations) > 0 && !cascade {
			return &InUseError{What: name, Stations: stations, Services: services}
		}
		if err := deleteServices(ctx, tx, services); err != nil {
			return err
		}
		if _, err := tx.ExecContext(ctx, "DELETE FROM station WHERE city_id = (SELECT id FROM city WHERE name = ?)", name); err != nil {
			return err
		}
		res, err := tx.ExecContext(ctx, "DELETE FROM city WHERE name = ?", name)
		if err != nil {
			return err
		}
		if n, _ := res.RowsAffected(); n == 0 {
			return notFound(cityWord, name)
		}
		return nil
	})
}

// PutStation adds a station, or changes the one with the same name. Its city
// must exist, and a station that services call at cannot change kind.
func (s *Store) PutStation(ctx context.Context, st timetable.Station) error {
	return s.inTx(ctx, func(tx *sql.Tx) error {
		var city timetable.City
		err := tx.QueryRowContext(ctx, "SELECT name FROM city WHERE name = ?", st.City).Scan(&city.Name)
		if errors.Is(err, sql.ErrNoRows) {
			return notFound(cityWord, st.City)
		} else if err != nil {
			return err
		}
		if err := problemsOf(timetable.Validate(&timetable.Timetable{Cities: []timetable.City{city}, Stations: []timetable.Station{st}})); err != nil {
			return err
		}
		var kind timetable.StationKind
		err = tx.QueryRowContext(ctx, "SELECT kind FROM station WHERE name = ?", st.Name).Scan(&kind)
		if err == nil && kind != st.Kind {
			_, services, err := usersOf(ctx, tx, "st.name = ?", st.Name)
			if err != nil {
				return err
			}
			if len(services) > 0 {
				return locale.Wrapf(&InUseError{What: st.Name, Services: services},
					"%s 有车次/航班停靠，不能改变类型", "%s has services calling and cannot change kind", st.Name)
			}
		} else if err != nil && !errors.Is(err, sql.ErrNoRows) {
			return err
		}
		w, err := newWriter(ctx, tx)
		if err != nil {
			return err
		}
		defer w.close()
		return w.putStation(&st)
	})
}

// DeleteStation deletes a station. If services call there it returns an
// *InUseError and deletes nothing, unless cascade is set: then it deletes
// those services too.
func (s *Store) DeleteStation(ctx context.Context, name string, cascade bool) error {
	return s.inTx(ctx, func(tx *sql.Tx) error {
		_, services, err := usersOf(ctx, tx, "st.name = ?", name)
		if err != nil {
			return err
		}
		if len(services) > 0 && !cascade {
			return &InUseError{What: name, Services: services}
		}
		if err := deleteServices(ctx, tx, services); err != nil {
			return err
		}
		res, err := tx.ExecContext(ctx, "DELETE FROM station WHERE name = ?", name)
		if err != nil {
			return err
		}
		if n, _ := res.RowsAffected(); n == 0 {
			return notFound(stationWord, name)
		}
		return nil
	})
}

// PutService adds a service, or replaces the one with the same code whole.
// It must validate against the stations in the database.
func (s *Store) PutService(ctx context.Context, sv timetable.Service) error {
	return s.saveService(ctx, sv.Code, sv, true)
}

// SaveService stores an edited service in place of the one whose code was
// old, in one transaction; old is "" for a new service. It refuses to
// overwrite a different service that already has sv's code, and saves
// nothing unless sv validates against the stations in the database.
func (s *Store) SaveService(ctx context.Context, old string, sv timetable.Service) error {
	return s.saveService(ctx, old, sv, false)
}

func (s *Store) saveService(ctx context.Context, old string, sv timetable.Service, overwrite bool) error {
	return s.inTx(ctx, func(tx *sql.Tx) error {
		stmt, err := tx.PrepareContext(ctx, "SELECT kind FROM station WHERE name = ?")
		if err != nil {
			return err
		}
		defer stmt.Close()
		var qerr error
		ps := timetable.ValidateService(&sv, func(name string) (*timetable.Station, bool) {
			st := &timetable.Station{Name: name}
			err := stmt.QueryRowContext(ctx, name).Scan(&st.Kind)
			if err != nil && !errors.Is(err, sql.ErrNoRows) {
				qerr = err
			}
			return st, err == nil
		})
		if qerr != nil {
			return qerr
		}
		if sv.Code == "" {
			return errEmptyName
		}
		if err := problemsOf(ps); err != nil {
			return err
		}
		if !overwrite && sv.Code != old {
			var n int
			if err := tx.QueryRowContext(ctx, "SELECT count(*) FROM service WHERE code = ?", sv.Code).Scan(&n); err != nil {
				return err
			}
			if n > 0 {
				return &locale.Error{Text: locale.Text{
					Zh: fmt.Sprintf("%s %q 已存在", serviceWord.Zh, sv.Code), En: fmt.Sprintf("%s %q already exists", serviceWord.En, sv.Code)}}
			}
		}
		if old != "" {
			res, err := tx.ExecContext(ctx, "DELETE FROM service WHERE code = ?", old)
			if err != nil {
				return err
			}
			if n, _ := res.RowsAffected(); n == 0 && !overwrite {
				return notFound(serviceWord, old)
			}
		}
		w, err := newWriter(ctx, tx)
		if err != nil {
			return err
		}
		defer w.close()
		return w.insertService(&sv)
	})
}

// DeleteService deletes the service with the given code.
func (s *Store) DeleteService(ctx context.Context, code string) error {
	return s.inTx(ctx, func(tx *sql.Tx) error {
		res, err := tx.ExecContext(ctx, "DELETE FROM service WHERE code = ?", code)
		if err != nil {
			return err
		}
		if n, _ := res.RowsAffected(); n == 0 {
			return notFound(serviceWord, code)
		}
		return nil
	})
}

// Restore puts records back as they were, in one transaction: each city and
// station is added or changed, and each service replaces any of its code. It
// is for undoing a deletion with the records loaded before it, which were
// valid then; a station whose city, or a stop whose station, is neither
// given nor in the database fails the whole restore.
func (s *Store) Restore(ctx context.Context, cities []timetable.City, stations []timetable.Station, services []timetable.Service) error {
	return s.inTx(ctx, func(tx *sql.Tx) error {
		w, err := newWriter(ctx, tx)
		if err != nil {
			return err
		}
		defer w.close()
		for i := range cities {
			if err := w.putCity(&cities[i]); err != nil {
				return err
			}
		}
		for i := range stations {
			if err := w.putStation(&stations[i]); err != nil {
				return err
			}
		}
		for i := range services {
			if _, err := tx.ExecContext(ctx, "DELETE FROM service WHERE code = ?", services[i].Code); err != nil {
				return err
			}
			if err := w.insertService(&services[i]); err != nil {
				return err
			}
		}
		return nil
	})
}
