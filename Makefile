# RailAir — 全国交通咨询. `make run` starts the app, `make test` runs every test.

GO       ?= go
BIN      := bin
APT_PKGS := gcc libc6-dev pkg-config libgl1-mesa-dev libxcursor-dev libxrandr-dev \
            libxinerama-dev libxi-dev libxxf86vm-dev
SUDO     := $(shell [ "$$(id -u)" = 0 ] || echo sudo)

.PHONY: all run deps app cli test vet bench fuzz dataset icon font screenshots clean

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

## test: vet and run every test (the GUI's headless, no display needed), then the
## concurrent parts again under the race detector
test: vet
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
	$(GO) test -run '^$$' -bench . -benchtime 10x -count 5 ./...

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

## icon: render the app icon's PNG sizes from resources/icon/railair.svg (needs librsvg2-bin)
icon:
	cd resources/icon && for s in 256 128 64 32; do rsvg-convert -w $$s -h $$s railair.svg -o railair-$$s.png; done && \
		rsvg-convert -w 512 -h 512 railair.svg -o railair.png

## font: extract the embedded CJK font from Debian's fonts-wqy-microhei (needs python3-fonttools)
font:
	sh resources/fonts/extract.sh

## screenshots: start the real app under Xvfb and save its screens to docs/screenshots
screenshots:
	bash docs/screenshots.sh

clean:
	rm -rf $(BIN)
