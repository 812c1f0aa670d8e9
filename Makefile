# RailAir — 全国交通咨询. `make run` starts the app, `make test` runs every test.

GO       ?= go
BIN      := bin
DIST     := dist
PREFIX   ?= /usr/local
DESTDIR  ?=
FYNE     := $(BIN)/fyne
MINGW_CC := x86_64-w64-mingw32-gcc
VERSION  := $(shell sed -n 's/^ *Version *= *"\(.*\)"/\1/p' FyneApp.toml)
APT_PKGS := gcc libc6-dev pkg-config libgl1-mesa-dev libxcursor-dev libxrandr-dev \
            libxinerama-dev libxi-dev libxxf86vm-dev
SUDO     := $(shell [ "$$(id -u)" = 0 ] || echo sudo)

.PHONY: golden all run deps app cli test vet bench bench-10x fuzz dataset pinyin icon font screenshots \
	package-linux package-windows windows-build install clean

all: app cli

## run: install what is missing, then build and start the desktop app
run: deps app
	./$(BIN)/railair

## deps: install the C compiler and libraries that cgo, SQLite and Fyne need (Debian/Ubuntu)
deps:
	@missing=$$(for p in $(APT_PKGS); do dpkg -s $$p >/dev/null 2>&1 || echo $$p; done); \
	if [ -n "$$missing" ]; then \
		echo "installing: $$missing"; \
		$(SUDO) apt-get update && $(SUDO) apt-get install -y --no-install-recommends $$missing; \
	fi

app:
	$(GO) build -o $(BIN)/railair .

cli:
	$(GO) build -o $(BIN)/railair-cli ./cmd/railair-cli

# The packaging tool, built for this machine (GOOS would otherwise follow the target).
$(FYNE):
	GOOS= GOARCH= GOBIN=$(CURDIR)/$(BIN) $(GO) install fyne.io/tools/cmd/fyne@v1.7.4

## package-linux: dist/RailAir-VERSION-linux-amd64.tar.xz with the app, its .desktop file, icon and NOTICE
package-linux: $(FYNE)
	rm -rf $(DIST)/linux && mkdir -p $(DIST)/linux
	$(FYNE) package -os linux --release
	tar -xJf RailAir.tar.xz -C $(DIST)/linux && rm RailAir.tar.xz
	install -Dm644 resources/NOTICE $(DIST)/linux/railair/usr/local/share/doc/railair/NOTICE
	install -Dm644 LICENSE $(DIST)/linux/railair/usr/local/share/doc/railair/LICENSE
	$(GO) build -trimpath -ldflags "-s -w" -o $(DIST)/linux/railair/usr/local/bin/railair-cli ./cmd/railair-cli
	tar -cJf $(DIST)/RailAir-$(VERSION)-linux-amd64.tar.xz -C $(DIST)/linux railair
	@ls -l $(DIST)/RailAir-$(VERSION)-linux-amd64.tar.xz

## package-windows: dist/RailAir-VERSION-windows-amd64.exe, a GUI program with icon and version, cross-compiled with mingw-w64
package-windows: $(FYNE)
	mkdir -p $(DIST)
	CGO_ENABLED=1 GOOS=windows GOARCH=amd64 CC=$(MINGW_CC) $(FYNE) package -os windows --release
	mv RailAir.exe $(DIST)/RailAir-$(VERSION)-windows-amd64.exe
	@ls -l $(DIST)/RailAir-$(VERSION)-windows-amd64.exe

## windows-build: check that the Windows build compiles (part of `make test` where mingw-w64 is installed)
windows-build:
	@if command -v $(MINGW_CC) >/dev/null; then \
		echo "building for Windows"; \
		CGO_ENABLED=1 GOOS=windows GOARCH=amd64 CC=$(MINGW_CC) $(GO) build -trimpath -ldflags "-s -w -H windowsgui" -o $(BIN)/railair.exe . ; \
	else echo "no $(MINGW_CC): Windows build skipped (apt-get install gcc-mingw-w64-x86-64)"; fi

## install: the app, the command line, the .desktop file, icon and NOTICE under DESTDIR/PREFIX
install:
	$(GO) build -trimpath -ldflags "-s -w" -o $(BIN)/release/railair .
	$(GO) build -trimpath -ldflags "-s -w" -o $(BIN)/release/railair-cli ./cmd/railair-cli
	install -Dm755 $(BIN)/release/railair $(DESTDIR)$(PREFIX)/bin/railair
	install -Dm755 $(BIN)/release/railair-cli $(DESTDIR)$(PREFIX)/bin/railair-cli
	install -Dm644 resources/icon/railair.png $(DESTDIR)$(PREFIX)/share/pixmaps/app.railair.desktop.png
	install -Dm644 resources/NOTICE $(DESTDIR)$(PREFIX)/share/doc/railair/NOTICE
	install -d $(DESTDIR)$(PREFIX)/share/applications
	printf '%s\n' '[Desktop Entry]' 'Type=Application' 'Name=RailAir' 'Name[zh_CN]=全国交通咨询' \
		'GenericName=Train and flight enquiries' 'Comment=全国交通咨询: fastest, cheapest and fewest-transfer journeys by train and plane' \
		'Exec=$(PREFIX)/bin/railair' 'Icon=app.railair.desktop' 'Categories=Utility;Maps;' \
		'Keywords=train;flight;timetable;journey;火车;航班;时刻表;' 'StartupWMClass=RailAir' \
		> $(DESTDIR)$(PREFIX)/share/applications/app.railair.desktop.desktop

## test: vet and run every test (the GUI's headless, no display needed), then the
## concurrent parts again under the race detector
test: vet windows-build
	$(GO) test -count=1 ./...
	$(GO) test -race -count=1 ./core/timetable ./core/locale ./core/synth ./persist/sqlite ./gui
	$(GO) test -race -count=1 ./core/planner -cases 200

STATICCHECK := honnef.co/go/tools/cmd/staticcheck@v0.8.2

vet:
	@test -z "$$(gofmt -l .)" || { echo "gofmt needed:"; gofmt -l .; exit 1; }
	$(GO) vet ./...
	$(GO) run $(STATICCHECK) ./...

## bench: the benchmarks on the national dataset (compare runs with benchstat)
bench:
	$(GO) test -run '^$$' -bench . -skip '(10|32)x$$' -benchtime 10x -count 5 ./...

## bench-10x: the planner on synthetic networks ten times the national one, and one with 32 times its connections (slow: all takes seconds to minutes a query)
bench-10x:
	$(GO) test -run '^$$' -bench 'Arrival10x|Arrival32x' -benchtime 400x ./core/planner
	$(GO) test -run '^$$' -bench 'All10x' -benchtime 100x -timeout 60m ./core/planner

## fuzz: a short run of every fuzz target
fuzz:
	$(GO) test -run '^$$' -fuzz FuzzParseClock -fuzztime 30s ./core/timetable
	$(GO) test -run '^$$' -fuzz FuzzParseWeekdays -fuzztime 15s ./core/timetable
	$(GO) test -run '^$$' -fuzz FuzzParseFare -fuzztime 15s ./core/timetable
	$(GO) test -run '^$$' -fuzz FuzzTrainRow -fuzztime 60s ./persist/xlsx
	$(GO) test -run '^$$' -fuzz FuzzParseTime -fuzztime 15s ./persist/gtfs

## dataset: rebuild resources/national.json.gz from resources/source
dataset:
	cd resources && $(GO) run ./internal/mkdataset/cmd -src source -out national.json.gz

## pinyin: rebuild core/pinyin/table.go from the 12306 station list in resources/source
pinyin:
	$(GO) generate ./core/pinyin

## icon: render the app icon's PNG sizes from resources/icon/railair.svg (needs librsvg2-bin)
icon:
	cd resources/icon && for s in 256 128 64 32; do rsvg-convert -w $$s -h $$s railair.svg -o railair-$$s.png; done && \
		rsvg-convert -w 512 -h 512 railair.svg -o railair.png

## font: extract the embedded CJK font from Debian's fonts-wqy-microhei (needs python3-fonttools)
font:
	sh resources/fonts/extract.sh

## golden: rewrite the GUI's golden renders (gui/testdata/*.xml) after an intended change of the screens
golden:
	-go test ./gui -run TestGoldenRenders >/dev/null
	@for f in gui/testdata/failed/*.xml; do [ -e "$$f" ] && mv "$$f" gui/testdata/ && echo "updated $$f"; done; rm -rf gui/testdata/failed

## screenshots: start the real app under Xvfb and save its screens to docs/screenshots
screenshots:
	bash docs/screenshots.sh

clean:
	rm -rf $(BIN) $(DIST)
