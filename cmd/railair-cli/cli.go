package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"os/signal"
	"strings"

	"railair.app/railair/core/locale"
	"railair.app/railair/persist/seed"
	"railair.app/railair/persist/sqlite"
)

// Exit statuses.
const (
	exitOK        = 0
	exitError     = 1
	exitNoJourney = 3
)

// cli is one run of the command line.
type cli struct {
	ctx    context.Context
	stdout io.Writer
	stderr io.Writer
	lang   locale.Lang
	dbPath string
}

// command is a subcommand: its name, a one-line summary in both languages,
// and what it does with its arguments.
type command struct {
	name    string
	summary locale.Text
	run     func(c *cli, args []string) error
}

var commands []command

func init() {
	commands = []command{
		{"import", locale.Text{Zh: "导入工作簿或 GTFS 数据包（全部成功或不做任何更改）", En: "import a workbook or GTFS feed (all or nothing)"}, (*cli).importCmd},
		{"export", locale.Text{Zh: "把整个数据库导出为工作簿", En: "export the whole database as a workbook"}, (*cli).exportCmd},
		{"template", locale.Text{Zh: "生成带表头和示例的空白工作簿", En: "write an empty workbook with headers and examples"}, (*cli).templateCmd},
		{"query", locale.Text{Zh: "查询行程（最快、最短、最省钱、最少中转或全部方案）", En: "find journeys (fastest, shortest, cheapest, fewest transfers or all)"}, (*cli).queryCmd},
		{"bench", locale.Text{Zh: "测量查询速度（每种方式的中位数等，JSON）", En: "time queries per criterion (median and more, as JSON)"}, (*cli).benchCmd},
		{"gen", locale.Text{Zh: "生成用于测量规模的合成时刻表工作簿", En: "write a synthetic timetable workbook for measuring at scale"}, (*cli).genCmd},
		{"cities", locale.Text{Zh: "列出城市", En: "list cities"}, (*cli).citiesCmd},
		{"stations", locale.Text{Zh: "列出车站和机场", En: "list stations and airports"}, (*cli).stationsCmd},
		{"services", locale.Text{Zh: "列出车次和航班", En: "list trains and flights"}, (*cli).servicesCmd},
		{"version", locale.Text{Zh: "显示版本", En: "show the version"}, (*cli).versionCmd},
	}
}

// usageError is a mistake in the command line itself.
type usageError struct{ locale.Text }

func (e usageError) Error() string { return e.Zh }

func usagef(zh, en string, args ...any) error { return usageError{locale.Textf(zh, en, args...)} }

// errNoJourney makes run exit with exitNoJourney.
var errNoJourney = errors.New("no journey")

// envLang chooses the language from the environment, as the C library does.
func envLang() locale.Lang {
	for _, k := range []string{"LC_ALL", "LC_MESSAGES", "LANG"} {
		if v := os.Getenv(k); v != "" {
			return locale.FromTag(v)
		}
	}
	return locale.Chinese
}

func run(args []string, stdout, stderr io.Writer) int {
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt)
	defer stop()
	c := &cli{ctx: ctx, stdout: stdout, stderr: stderr, lang: envLang()}
	fs := flag.NewFlagSet("railair-cli", flag.ContinueOnError)
	fs.SetOutput(io.Discard)
	fs.StringVar(&c.dbPath, "db", "", "database file (default: the one shared with the desktop app)")
	langFlag := fs.String("lang", "", "language of messages: zh or en (default: from the environment)")
	if err := fs.Parse(args); err != nil {
		return c.fail(usagef("参数错误：%v", "bad arguments: %v", err))
	}
	if *langFlag != "" {
		c.lang = locale.FromTag(*langFlag)
	}
	rest := fs.Args()
	if len(rest) == 0 || rest[0] == "help" || rest[0] == "-h" || rest[0] == "--help" {
		c.usage(stdout)
		if len(rest) == 0 {
			return exitError
		}
		return exitOK
	}
	for _, cmd := range commands {
		if cmd.name == rest[0] {
			err := cmd.run(c, rest[1:])
			if errors.Is(err, errNoJourney) {
				return exitNoJourney
			}
			return c.fail(err)
		}
	}
	return c.fail(usagef("未知命令 %q；运行 railair-cli help 查看命令", "unknown command %q; run railair-cli help for the commands", rest[0]))
}

// fail prints err as one clear message and returns the exit status.
func (c *cli) fail(err error) int {
	if err == nil {
		return exitOK
	}
	msg := c.message(err)
	fmt.Fprintln(c.stderr, "railair-cli: "+msg)
	return exitError
}

// message renders err in the user's language.
func (c *cli) message(err error) string {
	if errors.Is(err, context.Canceled) {
		return locale.Text{Zh: "已取消", En: "cancelled"}.In(c.lang)
	}
	return locale.Message(err, c.lang)
}

func (c *cli) usage(w io.Writer) {
	t := func(zh, en string) string { return locale.Text{Zh: zh, En: en}.In(c.lang) }
	fmt.Fprintln(w, t("用法：railair-cli [--db 文件] [--lang zh|en] 命令 [参数]", "usage: railair-cli [--db FILE] [--lang zh|en] COMMAND [flags]"))
	fmt.Fprintln(w)
	for _, cmd := range commands {
		fmt.Fprintf(w, "  %-10s %s\n", cmd.name, cmd.summary.In(c.lang))
	}
	fmt.Fprintln(w)
	fmt.Fprintln(w, t("不加 --db 时使用与桌面程序相同的数据库；首次使用时填入内置的全国数据。",
		"Without --db, the database shared with the desktop app is used; the first use fills it with the built-in national dataset."))
}

// open opens the database, filling a new one with the national dataset.
func (c *cli) open() (*sqlite.Store, error) {
	store, filled, err := seed.Open(c.ctx, c.dbPath)
	if err != nil {
		return nil, err
	}
	if filled {
		fmt.Fprintln(c.stderr, locale.Textf("已在 %s 创建数据库并填入全国数据", "created %s and filled it with the national dataset", store.Path()).In(c.lang))
	}
	return store, nil
}

// flags makes a flag set for a subcommand whose errors name the command.
func (c *cli) flags(name string) *flag.FlagSet {
	fs := flag.NewFlagSet(name, flag.ContinueOnError)
	fs.SetOutput(io.Discard)
	return fs
}

// parse parses a subcommand's flags, which may come before or after its
// positional arguments, and returns the positional ones.
func (c *cli) parse(fs *flag.FlagSet, args []string) ([]string, error) {
	var pos []string
	for {
		if err := fs.Parse(args); err != nil {
			if errors.Is(err, flag.ErrHelp) {
				return nil, usagef("%s 的参数：%s", "flags of %s: %s", fs.Name(), flagList(fs))
			}
			return nil, usagef("%s：%v", "%s: %v", fs.Name(), err)
		}
		args = fs.Args()
		if len(args) == 0 {
			return pos, nil
		}
		pos = append(pos, args[0])
		args = args[1:]
	}
}

func flagList(fs *flag.FlagSet) string {
	var names []string
	fs.VisitAll(func(f *flag.Flag) { names = append(names, "--"+f.Name) })
	return strings.Join(names, " ")
}

// one checks that exactly one positional argument (a file) was given.
func one(name string, pos []string) (string, error) {
	if len(pos) != 1 {
		return "", usagef("%s 需要一个文件名，得到 %d 个参数", "%s takes one file name, got %d arguments", name, len(pos))
	}
	return pos[0], nil
}
