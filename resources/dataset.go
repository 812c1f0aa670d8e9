// Package resources holds what RailAir ships inside its binaries: the
// national dataset that fills a new database, and the credits of every
// source it was built from.
//
// The dataset is generated from the public sources under source/ by
// internal/mkdataset (run `make dataset` or `go generate ./resources`); the
// generated file is committed so that a build needs no generator run, and a
// test checks that it is what the generator makes.
package resources

import (
	"bytes"
	"compress/gzip"
	_ "embed"
	"encoding/json"
	"fmt"

	"railair.app/railair/core/timetable"
)

//go:generate go run ./internal/mkdataset/cmd -src source -out national.json.gz

//go:embed national.json.gz
var nationalGz []byte

//go:embed NOTICE
var notice string

// Dataset is the file format of an embedded dataset.
type Dataset struct {
	// DataDate says when the timetable data was valid, e.g. "2021-04".
	DataDate string
	timetable.Timetable
}

// National decodes the embedded national dataset: about 370 cities, their
// rail stations and airports, the nationwide trains and a designed flight
// schedule over the real domestic routes. Each call returns a fresh copy.
func National() (*Dataset, error) {
	return Decode(nationalGz)
}

// NationalGz returns the embedded dataset file as stored (gzip-compressed
// JSON), for comparing it with a fresh generator run.
func NationalGz() []byte { return nationalGz }

// Decode reads a dataset file (gzip-compressed JSON).
func Decode(gz []byte) (*Dataset, error) {
	zr, err := gzip.NewReader(bytes.NewReader(gz))
	if err != nil {
		return nil, fmt.Errorf("embedded dataset: %w", err)
	}
	var d Dataset
	if err := json.NewDecoder(zr).Decode(&d); err != nil {
		return nil, fmt.Errorf("embedded dataset: %w", err)
	}
	return &d, nil
}

// Encode writes d as a dataset file: gzip-compressed JSON, the same bytes
// for the same dataset.
func Encode(d *Dataset) ([]byte, error) {
	var buf bytes.Buffer
	zw, err := gzip.NewWriterLevel(&buf, gzip.BestCompression)
	if err != nil {
		return nil, err
	}
	enc := json.NewEncoder(zw)
	if err := enc.Encode(d); err != nil {
		return nil, err
	}
	if err := zw.Close(); err != nil {
		return nil, err
	}
	return buf.Bytes(), nil
}

// Notice returns the credits and licences of everything RailAir ships: the
// text of the NOTICE file.
func Notice() string { return notice }
