// Package locale carries user-facing text in the two languages RailAir speaks,
// Simplified Chinese and English, without deciding which one to show: that is
// chosen at the edge (the command line reads the environment, the GUI its
// preferences).
package locale

import (
	"errors"
	"fmt"
	"strings"
)

// Lang is a language the product speaks.
type Lang int

const (
	// Chinese is Simplified Chinese, the default.
	Chinese Lang = iota
	// English is English.
	English
)

// FromTag maps a locale tag such as "zh_CN.UTF-8", "en-GB" or "C" to a Lang:
// English for tags that start with "en", Chinese otherwise.
func FromTag(tag string) Lang {
	if strings.HasPrefix(strings.ToLower(tag), "en") {
		return English
	}
	return Chinese
}

// Text is one message in both languages.
type Text struct {
	Zh, En string
}

// Textf formats a message in both languages with the same arguments.
func Textf(zh, en string, args ...any) Text {
	return Text{Zh: fmt.Sprintf(zh, args...), En: fmt.Sprintf(en, args...)}
}

// In returns the message in lang.
func (t Text) In(lang Lang) string {
	if lang == English {
		return t.En
	}
	return t.Zh
}

// Error is an error whose message exists in both languages. Error returns the
// Chinese text; use Message to choose.
type Error struct {
	Text
	Err error // the underlying cause, if any
}

// Errorf returns an *Error with the message formatted in both languages. If an
// argument is an error, the result wraps it (the last one, if several).
func Errorf(zh, en string, args ...any) *Error {
	e := &Error{Text: Textf(zh, en, localized(args, Chinese)...)}
	e.En = fmt.Sprintf(en, localized(args, English)...)
	for _, a := range args {
		if err, ok := a.(error); ok {
			e.Err = err
		}
	}
	return e
}

// localized replaces errors among args by their text in lang, so that a
// wrapped bilingual error reads in the same language as its wrapper.
func localized(args []any, lang Lang) []any {
	out := make([]any, len(args))
	for i, a := range args {
		if err, ok := a.(error); ok {
			out[i] = Message(err, lang)
		} else {
			out[i] = a
		}
	}
	return out
}

// Wrapf returns an *Error with the message formatted in both languages that
// wraps err without printing it.
func Wrapf(err error, zh, en string, args ...any) *Error {
	e := Errorf(zh, en, args...)
	e.Err = err
	return e
}

func (e *Error) Error() string { return e.Zh }

// Unwrap returns the underlying cause.
func (e *Error) Unwrap() error { return e.Err }

// Localizer is implemented by errors that can say themselves in either
// language.
type Localizer interface {
	In(lang Lang) string
}

// Message returns err's message in lang: the bilingual text if err is or wraps
// a Localizer (such as *Error), the plain message otherwise.
func Message(err error, lang Lang) string {
	if err == nil {
		return ""
	}
	if self, ok := err.(Localizer); ok {
		return self.In(lang)
	}
	var le Localizer
	if errors.As(err, &le) {
		// A plain wrapper around a bilingual error: keep the wrapper's words
		// (usually English context) and localize the cause.
		outer := err.Error()
		if inner, ok := le.(error); ok {
			if i := strings.LastIndex(outer, inner.Error()); i >= 0 {
				return outer[:i] + le.In(lang) + outer[i+len(inner.Error()):]
			}
		}
		return le.In(lang)
	}
	return err.Error()
}
