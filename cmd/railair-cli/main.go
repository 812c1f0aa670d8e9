// Command railair-cli is RailAir's command line: it imports and exports
// timetables, lists what the database holds, and answers journey queries on
// the same database as the desktop app.
//
//	railair-cli [--db FILE] [--lang zh|en] COMMAND [flags]
//
// Run `railair-cli help` for the commands. Exit status: 0 answered, 3 no
// journey found, 1 any error (with a one-line message on stderr).
package main

import (
	"os"
)

func main() {
	os.Exit(run(os.Args[1:], os.Stdout, os.Stderr))
}
