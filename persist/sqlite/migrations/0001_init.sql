-- The first schema: cities, stations, services with their stops, and the
-- per-section fares of each stop by seat class.
CREATE TABLE meta (
	key   TEXT PRIMARY KEY,
	value TEXT NOT NULL
) WITHOUT ROWID;

CREATE TABLE city (
	id           INTEGER PRIMARY KEY,
	name         TEXT NOT NULL UNIQUE CHECK (name <> ''),
	name_en      TEXT NOT NULL DEFAULT '',
	province     TEXT NOT NULL DEFAULT '',
	lat          REAL NOT NULL DEFAULT 0,
	lon          REAL NOT NULL DEFAULT 0,
	transfer_min INTEGER NOT NULL DEFAULT 90 CHECK (transfer_min >= 0)
);

CREATE TABLE station (
	id           INTEGER PRIMARY KEY,
	name         TEXT NOT NULL UNIQUE CHECK (name <> ''),
	city_id      INTEGER NOT NULL REFERENCES city (id),
	kind         INTEGER NOT NULL CHECK (kind IN (0, 1)),
	code         TEXT NOT NULL DEFAULT '',
	lat          REAL NOT NULL DEFAULT 0,
	lon          REAL NOT NULL DEFAULT 0,
	transfer_min INTEGER NOT NULL CHECK (transfer_min >= 0)
);
CREATE INDEX station_city ON station (city_id);

CREATE TABLE service (
	id         INTEGER PRIMARY KEY,
	code       TEXT NOT NULL UNIQUE CHECK (code <> ''),
	mode       INTEGER NOT NULL CHECK (mode IN (0, 1)),
	category   TEXT NOT NULL DEFAULT '',
	days       INTEGER NOT NULL DEFAULT 127 CHECK (days BETWEEN 1 AND 127),
	first_date INTEGER NOT NULL DEFAULT 0,
	last_date  INTEGER NOT NULL DEFAULT 0
);

CREATE TABLE stop (
	service_id INTEGER NOT NULL REFERENCES service (id) ON DELETE CASCADE,
	seq        INTEGER NOT NULL,
	station_id INTEGER NOT NULL REFERENCES station (id),
	arrive     INTEGER NOT NULL, -- minutes after the first day's midnight; -1 none
	depart     INTEGER NOT NULL,
	km         REAL NOT NULL DEFAULT 0,
	PRIMARY KEY (service_id, seq)
) WITHOUT ROWID;
CREATE INDEX stop_station ON stop (station_id);

CREATE TABLE fare (
	service_id INTEGER NOT NULL,
	seq        INTEGER NOT NULL,
	class      TEXT NOT NULL CHECK (class <> ''),
	fen        INTEGER NOT NULL CHECK (fen >= 0),
	PRIMARY KEY (service_id, seq, class),
	FOREIGN KEY (service_id, seq) REFERENCES stop (service_id, seq) ON DELETE CASCADE
) WITHOUT ROWID;
