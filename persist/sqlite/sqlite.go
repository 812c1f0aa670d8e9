// Package sqlite keeps a RailAir timetable in an SQLite database file: the
// store that the desktop app and the command line share.
//
// The database runs in WAL mode with foreign keys on and a busy timeout, so
// the GUI and the command line can use one file at once. Its schema is created
// and upgraded by embedded migrations, each in its own transaction; a database
// made by a newer program is refused rather than damaged. Every change is one
// transaction: a killed process leaves the old data or the new, never a mix.
package sqlite

import (
	"context"
	"database/sql"
	"embed"
	"errors"
	"fmt"
	"io/fs"
	"net/url"
	"os"
	"path/filepath"
	"sort"
	"strings"

	_ "github.com/mattn/go-sqlite3" // the database/sql driver "sqlite3"

	"railair.app/railair/core/locale"
)

//go:embed migrations/*.sql
var migrationFS embed.FS

// ErrNewerSchema is returned by Open for a database written by a newer
// version of RailAir.
var ErrNewerSchema = errors.New("database schema is newer than this program")

// Store is an open RailAir database. Its methods are safe for concurrent use.
type Store struct {
	db   *sql.DB // for writes: one connection, transactions BEGIN IMMEDIATE
	rdb  *sql.DB // for reads: snapshot transactions that never block writers
	path string
}

// DefaultPath returns the database file shared by the GUI and the command
// line: railair.db in RailAir's folder of the user's application data
// (~/.config/RailAir on Linux, ~/Library/Application Support/RailAir on
// macOS, %AppData%\RailAir on Windows).
func DefaultPath() (string, error) {
	dir, err := os.UserConfigDir()
	if err != nil {
		return "", fmt.Errorf("find the application data folder: %w", err)
	}
	return filepath.Join(dir, "RailAir", "railair.db"), nil
}

// Open opens the database at path, creating the file and its folder if
// missing, and brings its schema up to date.
func Open(ctx context.Context, path string) (*Store, error) {
	if dir := filepath.Dir(path); dir != "" {
		if err := os.MkdirAll(dir, 0o755); err != nil {
			return nil, fmt.Errorf("create the database folder: %w", err)
		}
	}
	q := url.Values{}
	q.Set("_journal_mode", "WAL")
	q.Set("_foreign_keys", "on")
	q.Set("_busy_timeout", "10000")
	q.Set("_synchronous", "NORMAL")
	q.Set("_txlock", "immediate")
	dsn := "file:" + uriEscaper.Replace(filepath.ToSlash(path)) + "?"
	db, err := sql.Open("sqlite3", dsn+q.Encode())
	if err != nil {
		return nil, err
	}
	db.SetMaxOpenConns(1)
	q.Set("_txlock", "deferred")
	rdb, err := sql.Open("sqlite3", dsn+q.Encode())
	if err != nil {
		db.Close()
		return nil, err
	}
	s := &Store{db: db, rdb: rdb, path: path}
	if err := s.migrate(ctx); err != nil {
		s.Close()
		return nil, err
	}
	return s, nil
}

// uriEscaper escapes the characters that end or escape a path in an SQLite
// URI filename.
var uriEscaper = strings.NewReplacer("%", "%25", "?", "%3f", "#", "%23")

// Path returns the database file's path.
func (s *Store) Path() string { return s.path }

// Close closes the database.
func (s *Store) Close() error {
	err := s.rdb.Close()
	if werr := s.db.Close(); err == nil {
		err = werr
	}
	return err
}

// DB returns the underlying handle, for checks such as PRAGMA integrity_check.
func (s *Store) DB() *sql.DB { return s.db }

func (s *Store) migrate(ctx context.Context) error {
	names, err := fs.Glob(migrationFS, "migrations/*.sql")
	if err != nil {
		return err
	}
	sort.Strings(names)
	var version int
	if err := s.db.QueryRowContext(ctx, "PRAGMA user_version").Scan(&version); err != nil {
		return locale.Errorf("无法打开数据库 %s：%v", "cannot open database %s: %v", s.path, err)
	}
	if version > len(names) {
		return locale.Wrapf(ErrNewerSchema, "数据库 %s 由更新版本的 RailAir 创建（结构版本 %d，本程序支持到 %d），请升级程序",
			"database %s was made by a newer RailAir (schema %d, this program knows up to %d); please upgrade",
			s.path, version, len(names))
	}
	for i := version; i < len(names); i++ {
		body, err := migrationFS.ReadFile(names[i])
		if err != nil {
			return err
		}
		err = s.inTx(ctx, func(tx *sql.Tx) error {
			if _, err := tx.ExecContext(ctx, string(body)); err != nil {
				return fmt.Errorf("migration %s: %w", names[i], err)
			}
			_, err := tx.ExecContext(ctx, fmt.Sprintf("PRAGMA user_version = %d", i+1))
			return err
		})
		if err != nil {
			return err
		}
	}
	return nil
}

// inTx runs fn in one transaction, committing if it returns nil.
func (s *Store) inTx(ctx context.Context, fn func(tx *sql.Tx) error) error {
	tx, err := s.db.BeginTx(ctx, nil)
	if err != nil {
		return busy(err)
	}
	defer tx.Rollback()
	if err := fn(tx); err != nil {
		return busy(err)
	}
	return busy(tx.Commit())
}

// busy turns SQLite's "database is locked" into a message a clerk can act on.
func busy(err error) error {
	if err == nil {
		return nil
	}
	var le *locale.Error
	if errors.As(err, &le) {
		return err
	}
	if msg := err.Error(); msg == "database is locked" || msg == "database is busy" {
		return locale.Errorf("数据库正被另一个程序写入，请稍后重试", "the database is being written by another program; try again shortly: %v", err)
	}
	return err
}

// Meta returns the value stored under key, or "" if none.
func (s *Store) Meta(ctx context.Context, key string) (string, error) {
	var v string
	err := s.db.QueryRowContext(ctx, "SELECT value FROM meta WHERE key = ?", key).Scan(&v)
	if errors.Is(err, sql.ErrNoRows) {
		return "", nil
	}
	return v, err
}

// SetMeta stores value under key.
func (s *Store) SetMeta(ctx context.Context, key, value string) error {
	return s.inTx(ctx, func(tx *sql.Tx) error {
		_, err := tx.ExecContext(ctx, "INSERT INTO meta(key, value) VALUES(?, ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value", key, value)
		return err
	})
}

// MetaDataDate is the meta key of the date the timetable data describes.
const MetaDataDate = "data_date"
