package main

import (
	"fmt"
	"os"

	"railair.app/railair/core/locale"
	"railair.app/railair/persist/files"
	"railair.app/railair/resources"
)

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
	if _, err := files.Kind(path); err != nil {
		return err
	}
	store, err := c.open()
	if err != nil {
		return err
	}
	defer store.Close()
	rep, err := files.Import(c.ctx, store, path, *replace, c.progress())
	if err != nil {
		return err
	}
	for _, w := range rep.Warnings {
		fmt.Fprintln(c.stderr, locale.Text{Zh: "注意：", En: "warning: "}.In(c.lang)+w.In(c.lang))
	}
	fmt.Fprintln(c.stdout, rep.Summary(path).In(c.lang))
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
	t, err := files.Export(c.ctx, store, path)
	if err != nil {
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
	if err := files.Template(path); err != nil {
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
