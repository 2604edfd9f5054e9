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
  // WAL lets readers go on while one writer writes; synchronous=FULL makes every committed
  // transaction durable across a power cut or a killed process, not only an application crash.
  try {
    exec("PRAGMA journal_mode=WAL; PRAGMA synchronous=FULL; PRAGMA foreign_keys=ON;");
  } catch (...) {
    sqlite3_close_v2(db_);  // the destructor does not run for a constructor that throws
    throw;
  }
}

Connection::~Connection() { sqlite3_close_v2(db_); }

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

Statement Connection::prepare(std::string_view sql) {
  sqlite3_stmt* statement = nullptr;
  const int code = sqlite3_prepare_v2(db_, sql.data(), static_cast<int>(sql.size()), &statement, nullptr);
  if (code != SQLITE_OK) fail(code, fmt::format("preparing \"{}\"", sql.substr(0, 60)));
  return Statement(*this, statement);
}

std::int64_t Connection::last_insert_rowid() const { return sqlite3_last_insert_rowid(db_); }
int Connection::changes() const { return sqlite3_changes(db_); }

Statement::~Statement() { sqlite3_finalize(statement_); }
Statement::Statement(Statement&& other) noexcept : connection_(other.connection_), statement_(other.statement_) {
  other.statement_ = nullptr;
}

Statement& Statement::bind(int index, std::string_view text) {
  const int code = sqlite3_bind_text(statement_, index, text.data(), static_cast<int>(text.size()), SQLITE_TRANSIENT);
  if (code != SQLITE_OK) connection_->fail(code, "binding a parameter");
  return *this;
}
Statement& Statement::bind(int index, std::int64_t value) {
  const int code = sqlite3_bind_int64(statement_, index, value);
  if (code != SQLITE_OK) connection_->fail(code, "binding a parameter");
  return *this;
}
Statement& Statement::bind(int index, double value) {
  const int code = sqlite3_bind_double(statement_, index, value);
  if (code != SQLITE_OK) connection_->fail(code, "binding a parameter");
  return *this;
}
Statement& Statement::bind_null(int index) {
  const int code = sqlite3_bind_null(statement_, index);
  if (code != SQLITE_OK) connection_->fail(code, "binding a parameter");
  return *this;
}

bool Statement::step() {
  const int code = sqlite3_step(statement_);
  if (code == SQLITE_ROW) return true;
  if (code == SQLITE_DONE) return false;
  connection_->fail(code, fmt::format("running \"{}\"", std::string_view(sqlite3_sql(statement_)).substr(0, 60)));
}

void Statement::run() {
  while (step()) {
  }
}

void Statement::reset() {
  sqlite3_reset(statement_);
  sqlite3_clear_bindings(statement_);
}

std::string Statement::text(int column) const {
  const auto* bytes = sqlite3_column_text(statement_, column);
  if (bytes == nullptr) return {};
  return std::string(reinterpret_cast<const char*>(bytes), static_cast<std::size_t>(sqlite3_column_bytes(statement_, column)));
}
std::int64_t Statement::integer(int column) const { return sqlite3_column_int64(statement_, column); }
double Statement::real(int column) const { return sqlite3_column_double(statement_, column); }
bool Statement::is_null(int column) const { return sqlite3_column_type(statement_, column) == SQLITE_NULL; }

Transaction::Transaction(Connection& connection) : connection_(connection) { connection_.exec("BEGIN IMMEDIATE"); }
Transaction::~Transaction() {
  if (done_) return;
  try {
    connection_.exec("ROLLBACK");
  } catch (...) {
    // A failed rollback leaves SQLite to roll back when the connection closes; nothing to add.
  }
}
void Transaction::commit() {
  connection_.exec("COMMIT");
  done_ = true;
}

}  // namespace guarantor::store::sqlite
