// Package files imports and exports whole timetables as files, workbooks
// and GTFS feeds, into and out of the store: the one flow that the command
// line and the desktop app share. An import is all or nothing.
package files

import (
	"archive/zip"
	"context"
	"os"
	"path/filepath"
	"strings"

	"railair.app/railair/core/locale"
	"railair.app/railair/core/timetable"
	"railair.app/railair/persist/gtfs"
	"railair.app/railair/persist/sqlite"
	"railair.app/railair/persist/xlsx"
)

// Report is what an import did.
type Report struct {
	Stats    timetable.MergeStats
	Stops    int
	Warnings []locale.Text // each with its place, in both languages
}

// Summary says in one line what was imported.
func (r *Report) Summary(file string) locale.Text {
	s := r.Stats
	return locale.Textf(
		"已导入 %s：城市 新增 %d 更新 %d，车站 新增 %d 更新 %d，车次/航班 新增 %d 更新 %d，共 %d 个停站",
		"imported %s: cities %d added %d changed, stations %d added %d changed, services %d added %d changed, %d stops",
		filepath.Base(file), s.CitiesAdded, s.CitiesChanged, s.StationsAdded, s.StationsChanged,
		s.ServicesAdded, s.ServicesChanged, r.Stops)
}

// Kind tells a workbook from a GTFS feed by the file's contents (both are
// zip files): "gtfs" or "xlsx" (anything else is left to the workbook
// reader to explain).
func Kind(path string) (string, error) {
	zr, err := zip.OpenReader(path)
	if err != nil {
		if _, serr := os.Stat(path); serr != nil {
			return "", locale.Errorf("无法打开 %s：%v", "cannot open %s: %v", path, serr)
		}
		return "xlsx", nil
	}
	defer zr.Close()
	for _, f := range zr.File {
		if f.Name == "stops.txt" || strings.HasSuffix(f.Name, "/stops.txt") {
			return "gtfs", nil
		}
	}
	return "xlsx", nil
}

// Import reads a workbook or GTFS feed and merges it into the store by key,
// or with replace makes it the whole timetable, in one transaction. progress,
// if set, hears about the rows read. Nothing changes unless all is well.
func Import(ctx context.Context, store *sqlite.Store, path string, replace bool, progress func(done, total int)) (*Report, error) {
	kind, err := Kind(path)
	if err != nil {
		return nil, err
	}
	base := &timetable.Timetable{} // what the file merges into: nothing with replace
	if !replace {
		if base, err = store.Load(ctx); err != nil {
			return nil, err
		}
	}
	rep := &Report{}
	var merged *timetable.Timetable
	switch kind {
	case "gtfs":
		feed, err := gtfs.Read(ctx, path)
		if err != nil {
			return nil, err
		}
		merged, rep.Stats = timetable.Merge(base, &feed.Timetable) // store.Replace validates it
		for _, sv := range feed.Services {
			rep.Stops += len(sv.Stops)
		}
		rep.Warnings = feed.Warnings
	default:
		f, err := os.Open(path)
		if err != nil {
			return nil, locale.Errorf("无法打开 %s：%v", "cannot open %s: %v", path, err)
		}
		res, err := xlsx.Import(ctx, f, base, xlsx.Options{Replace: replace, Progress: progress})
		f.Close()
		if err != nil {
			return nil, err
		}
		merged, rep.Stats, rep.Stops = res.Merged, res.Stats, res.Stops
		for _, w := range res.Warnings {
			rep.Warnings = append(rep.Warnings, locale.Text{Zh: w.In(locale.Chinese), En: w.In(locale.English)})
		}
	}
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	if err := store.Replace(ctx, merged); err != nil {
		return nil, err
	}
	return rep, nil
}

// Write writes a file through a temporary one beside it, so a failure
// never leaves half a file under the name asked for.
func Write(path string, write func(f *os.File) error) error {
	tmp, err := os.CreateTemp(filepath.Dir(path), ".railair-*.tmp")
	if err != nil {
		return locale.Errorf("无法写入 %s：%v", "cannot write %s: %v", path, err)
	}
	defer os.Remove(tmp.Name())
	if err := tmp.Chmod(0o644); err != nil {
		tmp.Close()
		return err
	}
	if err := write(tmp); err != nil {
		tmp.Close()
		return err
	}
	if err := tmp.Close(); err != nil {
		return err
	}
	if err := os.Rename(tmp.Name(), path); err != nil {
		return locale.Errorf("无法写入 %s：%v", "cannot write %s: %v", path, err)
	}
	return nil
}

// Export writes the whole store to a workbook at path.
func Export(ctx context.Context, store *sqlite.Store, path string) (*timetable.Timetable, error) {
	t, err := store.Load(ctx)
	if err != nil {
		return nil, err
	}
	return t, Write(path, func(f *os.File) error { return xlsx.Export(f, t) })
}

// Template writes an empty workbook with headers and examples at path.
func Template(path string) error {
	return Write(path, func(f *os.File) error { return xlsx.Template(f) })
}
