// Command cmd writes RailAir's embedded national dataset from the sources:
//
//	go run ./internal/mkdataset/cmd -src source -out national.json.gz
//
// run from the resources folder (`make dataset` does this).
package main

import (
	"flag"
	"fmt"
	"log"
	"os"

	"railair.app/railair/resources"
	"railair.app/railair/resources/internal/mkdataset"
)

func main() {
	src := flag.String("src", "source", "folder of the source files")
	out := flag.String("out", "national.json.gz", "dataset file to write")
	flag.Parse()
	d, report, err := mkdataset.Build(*src)
	if err != nil {
		log.Fatal(err)
	}
	b, err := resources.Encode(d)
	if err != nil {
		log.Fatal(err)
	}
	if err := os.WriteFile(*out, b, 0o644); err != nil {
		log.Fatal(err)
	}
	fmt.Fprint(os.Stderr, report)
}
