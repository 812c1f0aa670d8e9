package xlsx

import (
	"fmt"
	"strings"

	"github.com/xuri/excelize/v2"

	"railair.app/railair/core/locale"
)

// Issue is one problem or warning about a workbook, with its place.
type Issue struct {
	Sheet  string      // the sheet's name as in the file; "" for the file as a whole
	Row    int         // 1-based row, 0 for the whole sheet
	Col    int         // 1-based column, 0 for the whole row
	Column locale.Text // the column's name, when known
	locale.Text
}

// Place formats where the issue is: "列车!F12", "列车!12", "列车", or "".
func (i Issue) Place() string {
	switch {
	case i.Sheet == "":
		return ""
	case i.Row > 0 && i.Col > 0:
		name, _ := excelize.CoordinatesToCellName(i.Col, i.Row)
		return i.Sheet + "!" + name
	case i.Row > 0:
		return fmt.Sprintf("%s!%d", i.Sheet, i.Row)
	default:
		return i.Sheet
	}
}

// In formats the issue in lang: "列车!F12: 出发 "25:61" 不是有效时间".
func (i Issue) In(lang locale.Lang) string {
	p := i.Place()
	if p == "" {
		return i.Text.In(lang)
	}
	return p + ": " + i.Text.In(lang)
}

// Error is the error of a workbook that cannot be imported: every problem
// found, in the order of the file.
type Error struct {
	Issues []Issue
}

func (e *Error) Error() string { return e.In(locale.Chinese) }

// In formats the problems in lang, one a line, with a count first when
// there are several.
func (e *Error) In(lang locale.Lang) string {
	lines := make([]string, 0, len(e.Issues)+1)
	if len(e.Issues) > 1 {
		lines = append(lines, locale.Textf("工作簿有 %d 处错误，未导入任何数据：", "the workbook has %d problems; nothing was imported:", len(e.Issues)).In(lang))
	}
	for _, i := range e.Issues {
		lines = append(lines, i.In(lang))
	}
	return strings.Join(lines, "\n")
}
