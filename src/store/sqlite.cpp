#include "sqlite.hpp"

#include <sqlite3.h>

#include <fmt/format.h>

#include "guarantor/core/error.hpp"

namespace guarantor::store::sqlite {

namespace {
// How long a writer waits for another connection's write lock before giving up, in ms. Long
// enough for any single write transaction of the workspace; short enough to surface a stuck
// process.
constexpr int BUSY_TIMEOUT_MS = 10'000;
// Statements a connection keeps prepared at most: the workspace's statements are fixed texts
// (about a hundred), so the bound is only a guard against a text built from data; beyond it a
// statement is finalized when its caller is done with it.
constexpr std::size_t PREPARED_STATEMENTS_KEPT = 512;
}  // namespace

Connection::Connection(const std::filesystem::path& path) : name_(path.string()) {
  const int flags = SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE | SQLITE_OPEN_FULLMUTEX;
  const int code = sqlite3_open_v2(name_.c_str(), &db_, flags, nullptr);
  if (code != SQLITE_OK) {
    const std::string message = db_ != nullptr ? sqlite3_errmsg(db_) : sqlite3_errstr(code);
    sqlite3_close(db_);
    db_ = nullptr;
    throw Error(ErrorCode::FileNotFound, name_,
                fmt::format("cannot open the workspace database ({}); expected a writable file path", message));
  }
  sqlite3_busy_timeout(db_, BUSY_TIMEOUT_MS);
  sqlite3_extended_result_codes(db_, 1);
  // WAL lets readers go on while one writer writes. synchronous=NORMAL: a commit is in the WAL
  // file (the operating system's cache) before it is acknowledged, so it survives the server
  // process being killed (tests/http/durability_test.cpp); the WAL is synced at each checkpoint,
  // so a power cut or an operating-system crash can undo the transactions committed since the
  // last one, whole (the history's chain stays intact), never corrupt the file. FULL synced each
  // commit: one fsync per write (2 ms on an idle disk, about 30 ms on this project's busy one)
  // behind the one writer, which capped the server's request rate (docs/workspace.md, "Measured").
  try {
    exec("PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL; PRAGMA foreign_keys=ON;");
  } catch (...) {
    sqlite3_close_v2(db_);  // the destructor does not run for a constructor that throws
    throw;
  }
}

Connection::~Connection() {
  for (const auto& [sql, statement] : prepared_) sqlite3_finalize(statement);
  sqlite3_close_v2(db_);
}

void Connection::fail(int code, std::string_view doing) const {
  const std::string detail = db_ != nullptr ? sqlite3_errmsg(db_) : sqlite3_errstr(code);
  const ErrorCode kind = (code & 0xff) == SQLITE_NOTADB ? ErrorCode::Syntax : ErrorCode::OutputFailed;
  throw Error(kind, name_, fmt::format("{} failed: {} (SQLite code {})", doing, detail, code));
}

void Connection::exec(std::string_view sql) {
  char* message = nullptr;
  const std::string text(sql);
  const int code = sqlite3_exec(db_, text.c_str(), nullptr, nullptr, &message);
  if (code != SQLITE_OK) {
    sqlite3_free(message);
    fail(code, "executing SQL");
  }
}

namespace {
class SqliteStatement final : public db::StatementBackend {
public:
  SqliteStatement(Connection& connection, sqlite3_stmt* statement) : connection_(connection), statement_(statement) {}
  ~SqliteStatement() override { connection_.recycle(statement_); }
  SqliteStatement(const SqliteStatement&) = delete;
  SqliteStatement& operator=(const SqliteStatement&) = delete;

  void bind_text(int index, std::string_view text) override {
    check(sqlite3_bind_text(statement_, index, text.data(), static_cast<int>(text.size()), SQLITE_TRANSIENT));
  }
  void bind_integer(int index, std::int64_t value) override { check(sqlite3_bind_int64(statement_, index, value)); }
  void bind_real(int index, double value) override { check(sqlite3_bind_double(statement_, index, value)); }
  void bind_null(int index) override { check(sqlite3_bind_null(statement_, index)); }

  bool step() override {
    const int code = sqlite3_step(statement_);
    if (code == SQLITE_ROW) return true;
    if (code == SQLITE_DONE) return false;
    connection_.fail(code, fmt::format("running \"{}\"", std::string_view(sqlite3_sql(statement_)).substr(0, 60)));
  }
  void reset() override {
    sqlite3_reset(statement_);
    sqlite3_clear_bindings(statement_);
  }

  [[nodiscard]] std::string text(int column) const override {
    const auto* bytes = sqlite3_column_text(statement_, column);
    if (bytes == nullptr) return {};
    return std::string(reinterpret_cast<const char*>(bytes),
                       static_cast<std::size_t>(sqlite3_column_bytes(statement_, column)));
  }
  [[nodiscard]] std::int64_t integer(int column) const override { return sqlite3_column_int64(statement_, column); }
  [[nodiscard]] double real(int column) const override { return sqlite3_column_double(statement_, column); }
  [[nodiscard]] bool is_null(int column) const override {
    return sqlite3_column_type(statement_, column) == SQLITE_NULL;
  }

private:
  void check(int code) const {
    if (code != SQLITE_OK) connection_.fail(code, "binding a parameter");
  }
  Connection& connection_;
  sqlite3_stmt* statement_;
};
}  // namespace

db::Statement Connection::prepare(std::string_view sql) {
  sqlite3_stmt* statement = nullptr;
  if (const auto kept = prepared_.find(sql); kept != prepared_.end()) {
    statement = kept->second;
    prepared_.erase(kept);  // in use until recycled: a second prepare of the text makes another
    return db::Statement(std::make_unique<SqliteStatement>(*this, statement));
  }
  const int code = sqlite3_prepare_v2(db_, sql.data(), static_cast<int>(sql.size()), &statement, nullptr);
  if (code != SQLITE_OK) fail(code, fmt::format("preparing \"{}\"", sql.substr(0, 60)));
  return db::Statement(std::make_unique<SqliteStatement>(*this, statement));
}

void Connection::recycle(sqlite3_stmt* statement) noexcept {
  // A statement left between rows holds its read open until reset; the reset's code repeats the
  // last step's, which its caller has had.
  sqlite3_reset(statement);
  sqlite3_clear_bindings(statement);
  try {
    const std::string_view sql = sqlite3_sql(statement);
    if (prepared_.size() < PREPARED_STATEMENTS_KEPT && db::is_row_statement(sql) &&
        prepared_.try_emplace(std::string(sql), statement).second)
      return;
  } catch (...) {
    // Out of memory for the key: the statement is finalized below, as without the cache.
  }
  sqlite3_finalize(statement);
}

bool Connection::has_table(std::string_view table) {
  auto exists = prepare("SELECT count(*) FROM sqlite_master WHERE type = 'table' AND name = ?1");
  exists.bind(1, table).step();
  return exists.integer(0) != 0;
}

void Connection::begin_write() { exec("BEGIN IMMEDIATE"); }
// A deferred transaction takes its WAL snapshot at the first read and never blocks writers.
void Connection::begin_read() { exec("BEGIN DEFERRED"); }
void Connection::commit() { exec("COMMIT"); }
void Connection::rollback() noexcept {
  try {
    exec("ROLLBACK");
  } catch (...) {
    // A failed rollback leaves SQLite to roll back when the connection closes; nothing to add.
  }
}

}  // namespace guarantor::store::sqlite
