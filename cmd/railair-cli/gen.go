package main

import (
	"fmt"
	"os"

	"railair.app/railair/core/locale"
	"railair.app/railair/core/synth"
	"railair.app/railair/persist/files"
	"railair.app/railair/persist/xlsx"
)

func (c *cli) genCmd(args []string) error {
	fs := c.flags("gen")
	stations := fs.Int("stations", 3600, "stations and airports")
	services := fs.Int("services", 13000, "trains and flights")
	seed := fs.Uint64("seed", 1, "seed: the same seed gives the same timetable")
	out := fs.String("out", "", "workbook to write")
	if _, err := c.parse(fs, args); err != nil {
		return err
	}
	if *out == "" {
		return usagef("gen 需要 --out 文件名", "gen needs --out FILE.xlsx")
	}
	if *stations < 2 || *services < 1 || *stations > 1_000_000 || *services > 10_000_000 {
		return usagef("--stations 应为 2 到 1000000，--services 应为 1 到 10000000", "--stations must be 2 to 1000000 and --services 1 to 10000000")
	}
	t := synth.Generate(*stations, *services, *seed)
	if err := files.Write(*out, func(f *os.File) error { return xlsx.Export(f, t) }); err != nil {
		return err
	}
	stops := 0
	for _, sv := range t.Services {
		stops += len(sv.Stops)
	}
	fmt.Fprintln(c.stdout, locale.Textf("已生成 %s：%d 个城市，%d 个车站，%d 个车次/航班，%d 个停站",
		"wrote %s: %d cities, %d stations, %d services, %d stops", *out, len(t.Cities), len(t.Stations), len(t.Services), stops).In(c.lang))
	return nil
}
