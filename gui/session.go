package gui

import (
	"context"
	"errors"
	"log"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/dialog"

	"railair.app/railair/core/locale"
	"railair.app/railair/persist/sqlite"
)

// Session is the open database and what was loaded from it. Every change a
// clerk makes goes through it: the change is stored, the timetable reloaded
// and recompiled off the UI goroutine, and then every screen is told. Each
// edit carries its inverse, so it can be undone.
type Session struct {
	Data *Data

	undo      []undoStep
	listeners []func()
	busy      []func()
	working   bool
	// finished, if set, is called on the UI goroutine when an edit, undo or
	// reload is over (tests wait on it).
	finished func(error)
}

// An edit is one change to the database.
type edit func(ctx context.Context, st *sqlite.Store) error

type undoStep struct {
	what locale.Text // the change it undoes: "保存 G1"
	run  edit
}

// maxUndo bounds the undo history.
const maxUndo = 50

// NewSession starts a session over data loaded from its database.
func NewSession(d *Data) *Session { return &Session{Data: d} }

// OnChange registers fn to run on the UI goroutine after each reload.
func (s *Session) OnChange(fn func()) { s.listeners = append(s.listeners, fn) }

// OnBusy registers fn to run on the UI goroutine when a change starts to be
// stored, before the work leaves the UI goroutine (to disable what must
// wait for it).
func (s *Session) OnBusy(fn func()) { s.busy = append(s.busy, fn) }

// Working reports whether a change is being stored.
func (s *Session) Working() bool { return s.working }

// UndoName describes the change Undo would undo, and whether there is one.
func (s *Session) UndoName() (locale.Text, bool) {
	if len(s.undo) == 0 {
		return locale.Text{}, false
	}
	return s.undo[len(s.undo)-1].what, true
}

// Edit stores a change described by what, keeps undo as its inverse, and
// reloads. done, if not nil, runs on the UI goroutine with the error; the
// change is undoable whenever it was stored, even if the reload after it
// failed. While another change is being stored, Edit refuses with an error
// and stores nothing.
func (s *Session) Edit(what locale.Text, do, undo edit, done func(error)) {
	if done == nil {
		done = func(error) {}
	}
	if s.working {
		done(errBusy)
		return
	}
	s.apply(do, func(stored bool, err error) {
		if stored && undo != nil {
			s.undo = append(s.undo, undoStep{what, undo})
			if len(s.undo) > maxUndo {
				s.undo = s.undo[1:]
			}
		}
		done(err)
	})
}

// errBusy refuses an edit made while another is being stored.
var errBusy = locale.Errorf("正在保存上一个修改，请稍候再试", "the last change is still being saved; try again in a moment")

// Undo undoes the last change. If that fails (the data changed under it),
// the step is dropped and done gets the error.
func (s *Session) Undo(done func(error)) {
	if len(s.undo) == 0 || s.working {
		return
	}
	step := s.undo[len(s.undo)-1]
	s.undo = s.undo[:len(s.undo)-1]
	s.apply(step.run, func(_ bool, err error) {
		if done != nil {
			done(err)
		}
	})
}

// Reload reads the database again, after a change made elsewhere (an
// import). The undo history is dropped: its steps were for the old data.
func (s *Session) Reload(done func(error)) {
	s.undo = nil
	s.apply(nil, func(_ bool, err error) {
		if done != nil {
			done(err)
		}
	})
}

// apply runs do (if any) on the store and reloads, off the UI goroutine;
// done learns whether do was stored, and the first error.
func (s *Session) apply(do edit, done func(stored bool, err error)) {
	s.working = true
	for _, fn := range s.busy {
		fn()
	}
	path := s.Data.Path
	start := time.Now()
	go func() {
		ctx := context.Background()
		var err error
		if do != nil {
			var st *sqlite.Store
			if st, err = sqlite.Open(ctx, path); err == nil {
				err = do(ctx, st)
				if cerr := st.Close(); err == nil {
					err = cerr
				}
			}
		}
		stored := do != nil && err == nil
		var nd *Data
		if err == nil {
			nd, err = load(ctx, path)
		}
		fyne.Do(func() {
			s.working = false
			if err == nil {
				log.Printf("railair: stored and reloaded in %d ms", time.Since(start).Milliseconds())
				*s.Data = *nd
				for _, fn := range s.listeners {
					fn()
				}
			}
			done(stored, err)
			if s.finished != nil {
				s.finished(err)
			}
		})
	}()
}

// showError shows err in a dialog, in the language of the interface.
func showError(err error, w fyne.Window) {
	dialog.ShowError(errors.New(locale.Message(err, uiLang())), w)
}
