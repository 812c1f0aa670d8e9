package synth

import (
	"reflect"
	"testing"

	"railair.app/railair/core/timetable"
)

func TestGenerate(t *testing.T) {
	tests := []struct{ stations, services int }{{8, 20}, {400, 1500}, {3600, 13000}}
	for _, tt := range tests {
		tab := Generate(tt.stations, tt.services, 7)
		if ps := timetable.Validate(tab); len(ps) > 0 {
			t.Fatalf("%d/%d: invalid: %v", tt.stations, tt.services, timetable.ProblemsError(ps))
		}
		if len(tab.Stations) != tt.stations || len(tab.Services) != tt.services {
			t.Errorf("%d stations, %d services; asked %d, %d", len(tab.Stations), len(tab.Services), tt.stations, tt.services)
		}
	}
	if !reflect.DeepEqual(Generate(50, 100, 3), Generate(50, 100, 3)) {
		t.Error("the same seed gave different timetables")
	}
}
