package xlsx

import (
	"io"

	"github.com/xuri/excelize/v2"

	"railair.app/railair/core/timetable"
)

// Example returns the small timetable shown in the template: two cities,
// their stations and airports, a train and two flights.
func Example() *timetable.Timetable {
	g1 := timetable.Service{Code: "G1", Mode: timetable.Train, Category: "G", Days: timetable.EveryDay, Stops: []timetable.Stop{
		{Station: "北京南", Arrive: timetable.NoTime, Depart: 9 * 60},
		{Station: "上海虹桥", Arrive: 13*60 + 28, Depart: timetable.NoTime, Km: 1318,
			Fares: map[string]timetable.Fare{"二等座": timetable.Yuan(553), "一等座": timetable.Yuan(933), "商务座": timetable.Yuan(1748)}},
	}}
	flight := func(code, from, to string, dep, arr timetable.Minutes, y, c float64, days timetable.Weekdays) timetable.Service {
		return timetable.Service{Code: code, Mode: timetable.Flight, Category: timetable.AirlineOf(code), Days: days, Stops: []timetable.Stop{
			{Station: from, Arrive: timetable.NoTime, Depart: dep},
			{Station: to, Arrive: arr, Depart: timetable.NoTime,
				Fares: map[string]timetable.Fare{"经济舱": timetable.Yuan(y), "公务舱": timetable.Yuan(c)}},
		}}
	}
	return &timetable.Timetable{
		Cities: []timetable.City{
			{Name: "北京", NameEn: "Beijing", Province: "北京", Lat: 39.904989, Lon: 116.405285, TransferMin: 90},
			{Name: "上海", NameEn: "Shanghai", Province: "上海", Lat: 31.231706, Lon: 121.472644, TransferMin: 90},
		},
		Stations: []timetable.Station{
			{Name: "北京南", City: "北京", Kind: timetable.Rail, Code: "VNP", TransferMin: 30},
			{Name: "上海虹桥", City: "上海", Kind: timetable.Rail, Code: "AOH", TransferMin: 30},
			{Name: "北京首都国际机场", City: "北京", Kind: timetable.Airport, Code: "PEK", Lat: 40.0801, Lon: 116.585, TransferMin: 90},
			{Name: "上海虹桥国际机场", City: "上海", Kind: timetable.Airport, Code: "SHA", Lat: 31.1979, Lon: 121.336, TransferMin: 90},
		},
		Services: []timetable.Service{
			g1,
			flight("CA1501", "北京首都国际机场", "上海虹桥国际机场", 8*60, 10*60+15, 1240, 3720, timetable.EveryDay),
			flight("MU5102", "上海虹桥国际机场", "北京首都国际机场", 22*60+30, 24*60+50, 1240, 3720, 0b0011111),
		},
	}
}

// Template writes a workbook for clerks to fill in: the four sheets with
// their headers and the Example rows, frozen headers, column widths, lists
// to pick 类型 from and a hint on 班期.
func Template(w io.Writer) error {
	f, err := build(Example())
	if err != nil {
		return err
	}
	defer f.Close()
	list := func(sheet, col string, items ...string) error {
		dv := excelize.NewDataValidation(true)
		dv.Sqref = col + "2:" + col + "10000"
		if err := dv.SetDropList(items); err != nil {
			return err
		}
		return f.AddDataValidation(sheet, dv)
	}
	hint := func(sheet, col, title, text string) error {
		dv := excelize.NewDataValidation(true)
		dv.Sqref = col + "2:" + col + "10000"
		dv.SetInput(title, text)
		return f.AddDataValidation(sheet, dv)
	}
	days := "1=周一 … 7=周日，例如 1234567 每日、135 周一三五；留空为每日"
	steps := []func() error{
		func() error { return list(sheetStations.zh, "C", kindRail, kindAirport) },
		func() error { return list(sheetTrains.zh, "B", "G", "D", "C", "Z", "T", "K", "Y", "S") },
		func() error { return hint(sheetTrains.zh, "K", "班期", days) },
		func() error { return hint(sheetFlights.zh, "I", "班期", days) },
		func() error {
			return hint(sheetTrains.zh, "F", "天", "本行时间所在的天：0 为始发当天，1 为次日；本行时间可超过 24:00")
		},
	}
	for _, s := range steps {
		if err := s(); err != nil {
			return err
		}
	}
	_, err = f.WriteTo(w)
	return err
}
