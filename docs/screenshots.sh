#!/usr/bin/env bash
# Starts the real app under Xvfb on the national dataset (a fresh database
# in a temporary home), types into it as a user would, and saves PNGs of the
# screens to docs/screenshots, and the first page of a printed itinerary.
# Needs xvfb, xdotool, imagemagick and poppler-utils.
set -euo pipefail
cd "$(dirname "$0")/.."
go build -o bin/railair .
go build -o bin/railair-cli ./cmd/railair-cli
out=docs/screenshots
home=$(mktemp -d)
display=:97
Xvfb $display -screen 0 1280x800x24 >/dev/null 2>&1 &
xvfb=$!
trap 'kill $app $xvfb 2>/dev/null; wait 2>/dev/null; rm -rf "$home"' EXIT
sleep 1
export DISPLAY=$display HOME=$home XDG_CONFIG_HOME=$home/.config LANG=zh_CN.UTF-8
./bin/railair &
app=$!
sleep 6
# 查询: the origin has the focus; type both places, Enter runs the query.
xdotool type --delay 60 beijing
xdotool mousemove 500 124 click 1
sleep 0.3
xdotool type --delay 60 shanghai
# Leave after 08:00, by train; Enter in the time runs the query.
xdotool mousemove 975 197 click 1
xdotool mousemove 960 161 click 1
xdotool key ctrl+a
xdotool type --delay 60 08:00
xdotool key Return
sleep 3
import -window root -crop 1100x720+0+0 +repage "$out/query.png"
# 地图: the second tab; search as you type, the city's services on the map.
xdotool mousemove 73 47 click 1
sleep 0.5
xdotool mousemove 130 85 click 1
xdotool type --delay 80 beij
sleep 1
import -window root -crop 1100x720+0+0 +repage "$out/map.png"
# 列车: the third tab; Z1's stops, then a bad time typed into a cell.
xdotool mousemove 122 47 click 1
sleep 0.5
xdotool mousemove 100 85 click 1
xdotool type --delay 80 Z1
sleep 0.5
xdotool mousemove 100 125 click 1
sleep 0.8
xdotool mousemove 766 282 click 1
xdotool key ctrl+a
xdotool type --delay 60 25:61
xdotool key Tab
sleep 0.5
import -window root -crop 1100x720+0+0 +repage "$out/trains.png"
# 数据: import, export, template.
xdotool mousemove 218 47 click 1
sleep 0.5
import -window root -crop 1100x720+0+0 +repage "$out/data.png"
# 帮助 → 关于: version, data date, credits.
xdotool mousemove 77 12 click 1
sleep 0.5
xdotool mousemove 77 40 click 1
sleep 1
import -window root -crop 1100x720+0+0 +repage "$out/about.png"
# The printed itinerary of the fastest train from 北京 to 上海.
./bin/railair-cli query --from 北京 --to 上海 --date 2026-12-01 --after 08:00 --mode train --pdf "$home/it.pdf" >/dev/null
pdftoppm -r 70 -png -singlefile "$home/it.pdf" "$out/itinerary"
echo "saved $out/query.png $out/map.png $out/trains.png $out/data.png $out/about.png $out/itinerary.png"
