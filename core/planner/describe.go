package planner

import (
	"strings"

	"railair.app/railair/core/locale"
	"railair.app/railair/core/timetable"
)

// ClockText formats a time after midnight of the query's date with
// "（+N 天）" where it falls on a later day.
func ClockText(m timetable.Minutes, lang locale.Lang) string {
	if d := m.Day(); d > 0 {
		return m.TimeOfDay() + locale.Textf("（+%d 天）", " (+%d day)", d).In(lang)
	}
	return m.TimeOfDay()
}

// DurationText formats minutes as hours and minutes.
func DurationText(min int, lang locale.Lang) string {
	if min >= 60 {
		return locale.Textf("%d 小时 %d 分", "%d h %d min", min/60, min%60).In(lang)
	}
	return locale.Textf("%d 分钟", "%d min", min).In(lang)
}

// Summary is a journey in one line: when it leaves and arrives, how long
// it takes, its fare and transfers.
func Summary(j *Journey, lang locale.Lang) string {
	transfers := locale.Textf("中转 %d 次", "%d transfers", j.Transfers)
	switch j.Transfers {
	case 0:
		transfers = locale.Text{Zh: "直达", En: "direct"}
	case 1:
		transfers = locale.Text{Zh: "中转 1 次", En: "1 transfer"}
	}
	return tidy(locale.Textf("%s 出发，%s 到达，历时 %s，票价 %s 元，%s", "leave %s, arrive %s, %s, fare %s yuan, %s",
		ClockText(j.Depart, lang), ClockText(j.Arrive, lang), DurationText(j.Duration(), lang), j.Fare, transfers.In(lang)).In(lang))
}

// Steps tells a journey step by step, a line each: every leg, and the
// wait and kind of change between legs.
func Steps(j *Journey, lang locale.Lang) []string {
	var out []string
	for k, l := range j.Legs {
		if k > 0 {
			if l.Change == SameStation {
				out = append(out, locale.Textf("在%s等候 %s（同站换乘）", "wait %[2]s at %[1]s (same-station transfer)", l.From, DurationText(l.Wait, lang)).In(lang))
			} else {
				out = append(out, locale.Textf("从%s换乘到%s，共 %s（同城换站）", "go from %s to %s, %s in all (change of station)",
					j.Legs[k-1].To, l.From, DurationText(l.Wait, lang)).In(lang))
			}
		}
		kind := locale.Text{Zh: "次列车", En: "train"}
		if l.Mode == timetable.Flight {
			kind = locale.Text{Zh: "航班", En: "flight"}
		}
		out = append(out, tidy(locale.Textf("%s 在%s乘 %s %s，%s 到达%s（%s %s 元）",
			"%s at %s take %[4]s %[3]s, arrive %[5]s at %[6]s (%[7]s %[8]s yuan)",
			ClockText(l.Depart, lang), l.From, l.Service, kind.In(lang), ClockText(l.Arrive, lang), l.To, l.Class, l.Fare).In(lang)))
	}
	return out
}

// tidy drops the space after a full-width bracket.
func tidy(s string) string { return strings.ReplaceAll(s, "） ", "）") }
