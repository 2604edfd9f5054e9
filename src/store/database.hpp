#pragma once
// The one interface through which the workspace talks to its database: a connection, prepared
// statements with typed, 1-based parameters, and write transactions. Two back ends implement it:
// SQLite (sqlite.hpp, an embedded file) and PostgreSQL (postgresql.hpp, a shared server).
//
// Portable SQL: every statement the store runs is written once and must be accepted, with the
// same meaning, by SQLite 3.40 and PostgreSQL 15. The rules:
//  - Placeholders are numbered, `?1`, `?2`, ...; a number may repeat (`?1 IS NULL OR id = ?1`).
//    The PostgreSQL back end rewrites them to `$1`, `$2`. Never `?` alone, never `:name`.
//    PostgreSQL must infer each parameter's type: one used only as `?1 IS NULL` needs a cast,
//    `CAST(?1 AS TEXT) IS NULL OR id = ?1`. A read of one row by key is not written that way
//    (both back ends then scan the whole table, SQLite sorting it too): select_by_key() writes
//    the keyed and the whole-table statement apart.
//  - Column types: TEXT; INTEGER for counts, positions, versions and 0/1 flags (32-bit on
//    PostgreSQL); BIGINT for what may pass 2^31 (epoch seconds, row ids); DOUBLE PRECISION for
//    coordinates and fractions (PostgreSQL's REAL is single precision). No BLOB, no BOOLEAN, no
//    DATETIME: booleans are INTEGER 0/1, times are ISO 8601 UTC TEXT ("2026-03-02T09:00:00Z"),
//    which sorts and compares as text on both.
//  - Generated ids: declare the column `id @AUTO_ID@` in a migration (the back end substitutes
//    its own identity column) and read the new id with `INSERT ... RETURNING id`.
//  - Upserts: `INSERT ... ON CONFLICT (key) DO UPDATE SET col = excluded.col`.
//  - Functions: only those both know with the same meaning (count, max, min, sum, coalesce,
//    lower, upper, length, abs); no `||` on non-text, no date functions, no `LIMIT -1`, no
//    `INSERT OR REPLACE`, no `IFNULL`. Every column in ORDER BY makes the order total.
//  - What only one back end can say (triggers, extensions, spatial SQL) goes in the dialect's
//    part of a migration, or behind a Connection member that each back end implements.
#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <string_view>

namespace guarantor::store::db {

enum class Dialect { Sqlite, Postgresql };

/// A back end's prepared statement. Columns are 0-based, parameters 1-based.
class StatementBackend {
public:
  virtual ~StatementBackend() = default;
  virtual void bind_text(int index, std::string_view text) = 0;
  virtual void bind_integer(int index, std::int64_t value) = 0;
  virtual void bind_real(int index, double value) = 0;
  virtual void bind_null(int index) = 0;
  /// Advances; true while a row is available, false when done. Throws Error on failure.
  virtual bool step() = 0;
  /// Back to before the first step, parameters cleared.
  virtual void reset() = 0;
  [[nodiscard]] virtual std::string text(int column) const = 0;
  [[nodiscard]] virtual std::int64_t integer(int column) const = 0;
  [[nodiscard]] virtual double real(int column) const = 0;
  [[nodiscard]] virtual bool is_null(int column) const = 0;
};

/// A prepared statement: binds chain (`prepare(...).bind(1, a).bind(2, b).run()`).
class Statement {
public:
  explicit Statement(std::unique_ptr<StatementBackend> backend) : backend_(std::move(backend)) {}

  Statement& bind(int index, std::string_view text) {
    backend_->bind_text(index, text);
    return *this;
  }
  Statement& bind(int index, const std::string& text) { return bind(index, std::string_view(text)); }
  Statement& bind(int index, const char* text) { return bind(index, std::string_view(text)); }
  Statement& bind(int index, std::int64_t value) {
    backend_->bind_integer(index, value);
    return *this;
  }
  Statement& bind(int index, int value) { return bind(index, static_cast<std::int64_t>(value)); }
  Statement& bind(int index, bool value) { return bind(index, static_cast<std::int64_t>(value ? 1 : 0)); }
  Statement& bind(int index, double value) {
    backend_->bind_real(index, value);
    return *this;
  }
  Statement& bind(int index, const std::optional<double>& value) {
    return value ? bind(index, *value) : bind_null(index);
  }
  Statement& bind_null(int index) {
    backend_->bind_null(index);
    return *this;
  }

  bool step() { return backend_->step(); }
  /// Runs a statement that returns no rows (or whose rows are not needed).
  void run() {
    while (step()) {
    }
  }
  void reset() { backend_->reset(); }

  [[nodiscard]] std::string text(int column) const { return backend_->text(column); }
  [[nodiscard]] std::int64_t integer(int column) const { return backend_->integer(column); }
  [[nodiscard]] double real(int column) const { return backend_->real(column); }
  [[nodiscard]] bool is_null(int column) const { return backend_->is_null(column); }

private:
  std::unique_ptr<StatementBackend> backend_;
};

/// One database session. Not thread-safe: the workspace serialises its use with a mutex.
class Connection {
public:
  virtual ~Connection() = default;
  [[nodiscard]] virtual Dialect dialect() const noexcept = 0;
  /// The database as errors name it: the file path, or the URL without its password.
  [[nodiscard]] virtual const std::string& name() const noexcept = 0;
  /// Runs one or more statements without parameters or results (schema, settings).
  virtual void exec(std::string_view sql) = 0;
  [[nodiscard]] virtual Statement prepare(std::string_view sql) = 0;
  /// True when a table of this name exists in the workspace's schema.
  [[nodiscard]] virtual bool has_table(std::string_view table) = 0;
  /// Starts a write transaction holding the database's write lock from the start, so two
  /// writers (threads or processes) never interleave a read-then-write.
  virtual void begin_write() = 0;
  /// Starts a read-only transaction: every statement until commit() or rollback() reads the
  /// same committed state (one snapshot), while writers on other connections go on.
  virtual void begin_read() = 0;
  virtual void commit() = 0;
  /// Never throws: a failed rollback is left to the database, which rolls back on close.
  virtual void rollback() noexcept = 0;
};

/// begin_write() on construction; rollback() on destruction unless commit() was called.
class Transaction {
public:
  explicit Transaction(Connection& connection) : connection_(connection) { connection_.begin_write(); }
  ~Transaction() {
    if (!done_) connection_.rollback();
  }
  Transaction(const Transaction&) = delete;
  Transaction& operator=(const Transaction&) = delete;
  void commit() {
    connection_.commit();
    done_ = true;
  }

private:
  Connection& connection_;
  bool done_ = false;
};

/// begin_read() on construction; the snapshot ends on destruction.
class ReadTransaction {
public:
  explicit ReadTransaction(Connection& connection) : connection_(connection) { connection_.begin_read(); }
  ~ReadTransaction() { connection_.rollback(); }
  ReadTransaction(const ReadTransaction&) = delete;
  ReadTransaction& operator=(const ReadTransaction&) = delete;

private:
  Connection& connection_;
};

/// `SELECT <columns_from> [WHERE <key_column> = ?1] ORDER BY <order_by>`, with `key` bound when
/// given: one row (or a key's rows) through the key's index, or every row in order.
[[nodiscard]] Statement select_by_key(Connection& connection, std::string_view columns_from,
                                      std::string_view key_column, const std::optional<std::string>& key,
                                      std::string_view order_by);

/// True for a query or row statement (SELECT, INSERT, UPDATE, DELETE, WITH): what a back end
/// keeps prepared. Schema changes (migrations) and session commands run once, and a prepared
/// plan would outlive the tables they change.
[[nodiscard]] bool is_row_statement(std::string_view sql);

/// True for a `postgresql://` or `postgres://` connection URL.
[[nodiscard]] bool is_postgresql_url(std::string_view location);

/// Opens the workspace database at `location`: a PostgreSQL URL, or else an SQLite file path
/// (created if missing). Throws Error naming the location when it cannot be opened.
[[nodiscard]] std::unique_ptr<Connection> open(const std::string& location);

}  // namespace guarantor::store::db
