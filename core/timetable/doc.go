// Package timetable is RailAir's domain model: cities, stations, services
// (trains and flights) with their ordered stops, per-section fares by seat
// class and operating days, and the rules that make a timetable valid.
//
// It holds no I/O: the persist packages read and write it, the planner
// compiles it for queries.
//
// # Times
//
// A stop time is a [Minutes] value: minutes after midnight of the day the
// service leaves its first stop. It may pass 24:00, so overnight and multi-day
// trains need no separate day field once loaded.
//
// # Fares
//
// Fares are [Fare] values in fen (0.01 yuan), so sums and comparisons are
// exact. Each stop but the first holds, per seat class, the fare of the
// section from the previous stop to it; a class missing from a section is
// not sold there.
package timetable
