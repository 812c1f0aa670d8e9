package main

import (
	"archive/zip"
	"fmt"
	"os"
	"path/filepath"
	"strings"

	"railair.app/railair/core/locale"
	"railair.app/railair/core/timetable"
	"railair.app/railair/persist/gtfs"
	"railair.app/railair/persist/xlsx"
	"railair.app/railair/resources"
)

// fileKind tells a workbook from a GTFS feed: by the file's contents, both
// being zip files.
func fileKind(path string) (string, error) {
	zr, err := zip.OpenReader(path)
	if err != nil {
		if _, serr := os.Stat(path); serr != nil {
			return "", locale.Errorf("无法打开 %s：%v", "cannot open %s: %v", path, serr)
		}
		return "xlsx", nil // let the workbook reader explain what is wrong
	}
	defer zr.Close()
	for _, f := range zr.File {
		if f.Name == "stops.txt" || strings.HasSuffix(f.Name, "/stops.txt") {
			return "gtfs", nil
		}
	}
	return "xlsx", nil
}

func (c *cli) importCmd(args []string) error {
	fs := c.flags("import")
	replace := fs.Bool("replace", false, "replace the whole database instead of merging by key")
	pos, err := c.parse(fs, args)
	if err != nil {
		return err
	}
	path, err := one("import", pos)
	if err != nil {
		return err
	}
	kind, err := fileKind(path)
	if err != nil {
		return err
	}
	store, err := c.open()
	if err != nil {
		return err
	}
	defer store.Close()
	base := &timetable.Timetable{} // what the file merges into: nothing with --replace
	if !*replace {
		if base, err = store.Load(c.ctx); err != nil {
			return err
		}
	}
	var (
		merged   *timetable.Timetable
		stats    timetable.MergeStats
		stops    int
		warnings []string
	)
	progress := c.progress()
	switch kind {
	case "gtfs":
		feed, err := gtfs.Read(c.ctx, path)
		if err != nil {
			return err
		}
		merged, stats = timetable.Merge(base, &feed.Timetable)
		if ps := timetable.Validate(merged); len(ps) > 0 {
			return timetable.ProblemsError(ps)
		}
		for _, sv := range feed.Services {
			stops += len(sv.Stops)
		}
		for _, w := range feed.Warnings {
			warnings = append(warnings, w.In(c.lang))
		}
	default:
		f, err := os.Open(path)
		if err != nil {
			return locale.Errorf("无法打开 %s：%v", "cannot open %s: %v", path, err)
		}
		res, err := xlsx.Import(c.ctx, f, base, xlsx.Options{Replace: *replace, Progress: progress})
		f.Close()
		if err != nil {
			return err
		}
		merged, stats, stops = res.Merged, res.Stats, res.Stops
		for _, w := range res.Warnings {
			warnings = append(warnings, w.In(c.lang))
		}
	}
	if err := store.Replace(c.ctx, merged); err != nil {
		return err
	}
	for _, w := range warnings {
		fmt.Fprintln(c.stderr, locale.Text{Zh: "注意：", En: "warning: "}.In(c.lang)+w)
	}
	fmt.Fprintln(c.stdout, locale.Textf(
		"已导入 %s：城市 新增 %d 更新 %d，车站 新增 %d 更新 %d，车次/航班 新增 %d 更新 %d，共 %d 个停站",
		"imported %s: cities %d added %d changed, stations %d added %d changed, services %d added %d changed, %d stops",
		filepath.Base(path), stats.CitiesAdded, stats.CitiesChanged, stats.StationsAdded, stats.StationsChanged,
		stats.ServicesAdded, stats.ServicesChanged, stops).In(c.lang))
	return nil
}

// progress returns a progress printer for a terminal, or nil.
func (c *cli) progress() func(done, total int) {
	f, ok := c.stderr.(*os.File)
	if !ok {
		return nil
	}
	if fi, err := f.Stat(); err != nil || fi.Mode()&os.ModeCharDevice == 0 {
		return nil
	}
	return func(done, total int) {
		fmt.Fprintf(c.stderr, "\r%s %d/%d", locale.Text{Zh: "读取中…", En: "reading…"}.In(c.lang), done, total)
		if done >= total {
			fmt.Fprintln(c.stderr)
		}
	}
}

// writeFile writes a file through a temporary one beside it, so a failure
// never leaves half a file under the name asked for.
func writeFile(path string, write func(f *os.File) error) error {
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

func (c *cli) exportCmd(args []string) error {
	pos, err := c.parse(c.flags("export"), args)
	if err != nil {
		return err
	}
	path, err := one("export", pos)
	if err != nil {
		return err
	}
	store, err := c.open()
	if err != nil {
		return err
	}
	defer store.Close()
	t, err := store.Load(c.ctx)
	if err != nil {
		return err
	}
	if err := writeFile(path, func(f *os.File) error { return xlsx.Export(f, t) }); err != nil {
		return err
	}
	fmt.Fprintln(c.stdout, locale.Textf("已导出到 %s：%d 个城市，%d 个车站，%d 个车次/航班",
		"exported to %s: %d cities, %d stations, %d services", path, len(t.Cities), len(t.Stations), len(t.Services)).In(c.lang))
	return nil
}

func (c *cli) templateCmd(args []string) error {
	pos, err := c.parse(c.flags("template"), args)
	if err != nil {
		return err
	}
	path, err := one("template", pos)
	if err != nil {
		return err
	}
	if err := writeFile(path, func(f *os.File) error { return xlsx.Template(f) }); err != nil {
		return err
	}
	fmt.Fprintln(c.stdout, locale.Textf("已生成模板 %s", "wrote the template %s", path).In(c.lang))
	return nil
}

func (c *cli) versionCmd(args []string) error {
	if _, err := c.parse(c.flags("version"), args); err != nil {
		return err
	}
	fmt.Fprintln(c.stdout, "railair-cli "+resources.Version)
	return nil
}
