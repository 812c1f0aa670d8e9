package gui

import (
	"context"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/storage"
	"fyne.io/fyne/v2/widget"

	"railair.app/railair/core/locale"
	"railair.app/railair/persist/files"
	"railair.app/railair/persist/sqlite"
)

// DataScreen is the 数据 screen: import a workbook or GTFS feed with
// progress and cancel, then a report that can be copied; export the
// database; save the template.
type DataScreen struct {
	Content  fyne.CanvasObject
	Replace  *widget.Check
	Import   *widget.Button
	Export   *widget.Button
	Template *widget.Button
	Cancel   *widget.Button
	Progress *widget.ProgressBar
	Report   *widget.Entry

	dbPath  string
	win     fyne.Window
	changed func() // called on the UI goroutine after an import changed the data
	cancel  context.CancelFunc
	// finished, if set, is called on the UI goroutine when work ends (tests
	// wait on it).
	finished func()
}

// NewDataScreen builds the data screen for the database at dbPath; changed
// is called after a successful import.
func NewDataScreen(dbPath string, win fyne.Window, changed func()) *DataScreen {
	ds := &DataScreen{dbPath: dbPath, win: win, changed: changed}
	ds.Replace = widget.NewCheck(lang.L("Replace all"), nil)
	ds.Import = widget.NewButton(lang.L("Import…"), func() {
		d := dialog.NewFileOpen(func(r fyne.URIReadCloser, err error) {
			if err == nil && r != nil {
				r.Close()
				ds.ImportFile(r.URI().Path())
			}
		}, win)
		d.SetFilter(storage.NewExtensionFileFilter([]string{".xlsx", ".zip"}))
		d.Show()
	})
	ds.Export = widget.NewButton(lang.L("Export…"), func() { ds.save("railair.xlsx", ds.ExportFile) })
	ds.Template = widget.NewButton(lang.L("Template…"), func() { ds.save("模板.xlsx", ds.TemplateFile) })
	ds.Cancel = widget.NewButton(lang.L("Cancel"), func() {
		if ds.cancel != nil {
			ds.cancel()
		}
	})
	ds.Cancel.Disable()
	ds.Progress = widget.NewProgressBar()
	ds.Report = widget.NewMultiLineEntry()
	ds.Report.Wrapping = fyne.TextWrapWord
	ds.Content = container.NewBorder(
		container.NewVBox(ds.Replace, container.NewHBox(ds.Import, ds.Export, ds.Template),
			container.NewBorder(nil, nil, nil, ds.Cancel, ds.Progress),
			widget.NewLabelWithStyle(lang.L("Report"), 0, fyne.TextStyle{Bold: true})),
		nil, nil, nil, ds.Report)
	return ds
}

func (ds *DataScreen) save(name string, write func(path string)) {
	d := dialog.NewFileSave(func(w fyne.URIWriteCloser, err error) {
		if err == nil && w != nil {
			w.Close()
			write(w.URI().Path())
		}
	}, ds.win)
	d.SetFileName(name)
	d.Show()
}

// busy switches the buttons while work runs.
func (ds *DataScreen) busy(on bool) {
	for _, b := range []*widget.Button{ds.Import, ds.Export, ds.Template} {
		if on {
			b.Disable()
		} else {
			b.Enable()
		}
	}
	if on {
		ds.Cancel.Enable()
	} else {
		ds.Cancel.Disable()
	}
}

// ImportFile imports path off the UI goroutine, showing progress; the
// report lists every problem with its place, or what was imported.
func (ds *DataScreen) ImportFile(path string) {
	ctx, cancel := context.WithCancel(context.Background())
	ds.cancel = cancel
	ds.busy(true)
	ds.Progress.SetValue(0)
	ds.Report.SetText(lang.L("Importing") + " " + path)
	replace := ds.Replace.Checked
	go func() {
		defer cancel()
		rep, err := ds.importFile(ctx, path, replace, func(done, total int) {
			fyne.Do(func() { ds.Progress.SetValue(float64(done) / float64(max(total, 1))) })
		})
		fyne.Do(func() {
			ds.busy(false)
			if ds.finished != nil {
				defer ds.finished()
			}
			lg := uiLang()
			if err != nil {
				ds.Report.SetText(lang.L("Import failed") + "\n" + locale.Message(err, lg))
				return
			}
			ds.Progress.SetValue(1)
			lines := []string{rep.Summary(path).In(lg)}
			for _, w := range rep.Warnings {
				lines = append(lines, w.In(lg))
			}
			ds.Report.SetText(strings.Join(lines, "\n"))
			if ds.changed != nil {
				ds.changed()
			}
		})
	}()
}

func (ds *DataScreen) importFile(ctx context.Context, path string, replace bool, progress func(done, total int)) (*files.Report, error) {
	store, err := sqlite.Open(ctx, ds.dbPath)
	if err != nil {
		return nil, err
	}
	defer store.Close()
	return files.Import(ctx, store, path, replace, progress)
}

// ExportFile writes the whole database to path.
func (ds *DataScreen) ExportFile(path string) {
	ds.run(func(ctx context.Context) (string, error) {
		store, err := sqlite.Open(ctx, ds.dbPath)
		if err != nil {
			return "", err
		}
		defer store.Close()
		if _, err := files.Export(ctx, store, path); err != nil {
			return "", err
		}
		return lang.L("Exported") + " " + path, nil
	})
}

// TemplateFile writes an empty workbook with headers and examples to path.
func (ds *DataScreen) TemplateFile(path string) {
	ds.run(func(context.Context) (string, error) {
		if err := files.Template(path); err != nil {
			return "", err
		}
		return lang.L("Saved template") + " " + path, nil
	})
}

// run does work off the UI goroutine and reports its outcome.
func (ds *DataScreen) run(work func(ctx context.Context) (string, error)) {
	ds.busy(true)
	go func() {
		msg, err := work(context.Background())
		fyne.Do(func() {
			ds.busy(false)
			if err != nil {
				msg = locale.Message(err, uiLang())
			}
			ds.Report.SetText(msg)
			if ds.finished != nil {
				ds.finished()
			}
		})
	}()
}
