// Package seed opens RailAir's database the way both the desktop app and the
// command line do: the file named, or the shared one in the user's
// application data folder, filled with the embedded national dataset the
// first time it is used.
package seed

import (
	"context"
	"fmt"

	"railair.app/railair/persist/sqlite"
	"railair.app/railair/resources"
)

// Open opens the database at path ("" for sqlite.DefaultPath). A database
// with no cities yet is filled with the embedded national dataset; filled
// reports whether that happened.
func Open(ctx context.Context, path string) (store *sqlite.Store, filled bool, err error) {
	if path == "" {
		if path, err = sqlite.DefaultPath(); err != nil {
			return nil, false, err
		}
	}
	store, err = sqlite.Open(ctx, path)
	if err != nil {
		return nil, false, err
	}
	filled, err = FillIfEmpty(ctx, store)
	if err != nil {
		store.Close()
		return nil, false, err
	}
	return store, filled, nil
}

// FillIfEmpty fills a store that holds no city with the national dataset.
func FillIfEmpty(ctx context.Context, store *sqlite.Store) (bool, error) {
	cities, _, _, err := store.Counts(ctx)
	if err != nil || cities > 0 {
		return false, err
	}
	d, err := resources.National()
	if err != nil {
		return false, err
	}
	if err := store.Replace(ctx, &d.Timetable); err != nil {
		return false, fmt.Errorf("fill the database with the national dataset: %w", err)
	}
	return true, store.SetMeta(ctx, sqlite.MetaDataDate, d.DataDate)
}
