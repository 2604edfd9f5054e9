#include "postgresql.hpp"

#include <cstdlib>

#include <fmt/format.h>
#include <pqxx/pqxx>

#include "guarantor/core/error.hpp"

namespace guarantor::store::postgresql {

std::string numbered_placeholders(std::string_view sql) {
  std::string out;
  out.reserve(sql.size());
  char quote = 0;  // the quote character of the literal or identifier we are inside, if any
  for (char c : sql) {
    if (quote != 0) {
      if (c == quote) quote = 0;
    } else if (c == '\'' || c == '"') {
      quote = c;
    } else if (c == '?') {
      c = '$';
    }
    out.push_back(c);
  }
  return out;
}

std::string without_password(std::string_view url) {
  std::string out(url);
  const auto scheme = out.find("://");
  if (scheme != std::string::npos) {
    const auto authority = scheme + 3;
    const auto at = out.find('@', authority);
    const auto slash = out.find('/', authority);
    if (at != std::string::npos && (slash == std::string::npos || at < slash)) {
      const auto colon = out.find(':', authority);
      if (colon != std::string::npos && colon < at) out.replace(colon + 1, at - colon - 1, "***");
    }
  }
  for (auto key = out.find("password="); key != std::string::npos; key = out.find("password=", key + 1)) {
    const auto value = key + std::string_view("password=").size();
    const auto end = out.find('&', value);
    out.replace(value, (end == std::string::npos ? out.size() : end) - value, "***");
  }
  return out;
}

namespace {
// A statement's result is fetched whole on the first step: the workspace's queries return a few
// hundred rows at most, and a result held in memory frees the session for the next statement.
class PostgresqlStatement final : public db::StatementBackend {
public:
  PostgresqlStatement(Connection& connection, std::string sql) : connection_(connection), sql_(std::move(sql)) {}

  void bind_text(int index, std::string_view text) override { slot(index) = std::string(text); }
  void bind_integer(int index, std::int64_t value) override { slot(index) = std::to_string(value); }
  // fmt's shortest representation reads back to the same double (PostgreSQL's float8 input).
  void bind_real(int index, double value) override { slot(index) = fmt::format("{}", value); }
  void bind_null(int index) override { slot(index).reset(); }

  bool step() override {
    if (!result_) {
      std::vector<const char*> parameters;
      for (const auto& value : values_) parameters.push_back(value ? value->c_str() : nullptr);
      result_ = connection_.run(sql_, parameters);
      row_ = -1;
    }
    ++row_;
    return row_ < static_cast<long>(result_->size());
  }
  void reset() override {
    result_.reset();
    values_.clear();
  }

  [[nodiscard]] std::string text(int column) const override {
    const auto field = at(column);
    return field.is_null() ? std::string() : std::string(field.c_str(), field.size());
  }
  [[nodiscard]] std::int64_t integer(int column) const override {
    const auto field = at(column);
    return field.is_null() ? 0 : std::strtoll(field.c_str(), nullptr, 10);
  }
  [[nodiscard]] double real(int column) const override {
    const auto field = at(column);
    return field.is_null() ? 0.0 : std::strtod(field.c_str(), nullptr);
  }
  [[nodiscard]] bool is_null(int column) const override { return at(column).is_null(); }

private:
  std::optional<std::string>& slot(int index) {
    if (index < 1) connection_.fail("binding a parameter", fmt::format("index {} is not 1-based", index));
    if (values_.size() < static_cast<std::size_t>(index)) values_.resize(static_cast<std::size_t>(index));
    return values_[static_cast<std::size_t>(index - 1)];
  }
  [[nodiscard]] pqxx::field at(int column) const {
    if (!result_ || row_ < 0 || row_ >= static_cast<long>(result_->size()) || column < 0 ||
        column >= static_cast<int>(result_->columns())) {
      connection_.fail("reading a column", fmt::format("no column {} in the current row of \"{}\"", column,
                                                       std::string_view(sql_).substr(0, 60)));
    }
    return (*result_)[static_cast<pqxx::result::size_type>(row_)][column];
  }

  Connection& connection_;
  std::string sql_;
  std::vector<std::optional<std::string>> values_;
  std::optional<pqxx::result> result_;
  long row_ = -1;
};
}  // namespace

struct Connection::Session {
  explicit Session(const std::string& url) : connection(url) {}
  pqxx::connection connection;
};

Connection::Connection(const std::string& url) : name_(without_password(url)) {
  try {
    session_ = std::make_unique<Session>(url);
    // Notices such as "extension postgis already exists, skipping" are not the user's concern.
    pqxx::nontransaction(session_->connection).exec("SET client_min_messages = warning");
  } catch (const std::exception& error) {
    throw Error(ErrorCode::FileNotFound, name_,
                fmt::format("cannot connect to the workspace database ({}); expected a reachable PostgreSQL server "
                            "and a database the user may write",
                            error.what()));
  }
}

Connection::~Connection() {
  rollback();
  try {
    session_->connection.disconnect();
  } catch (...) {
    // Closing a broken session has nothing left to release.
  }
}

void Connection::fail(std::string_view doing, std::string_view detail) const {
  throw Error(ErrorCode::OutputFailed, name_, fmt::format("{} failed: {}", doing, detail));
}

namespace {
// Statements a session prepares at most: the workspace's statements are fixed texts (about a
// hundred), so the bound is only a guard against a text built from data; beyond it statements
// run unprepared.
constexpr std::size_t PREPARED_STATEMENTS_KEPT = 512;
}  // namespace

pqxx::result Connection::run(const std::string& sql, const std::vector<const char*>& parameters) {
  try {
    const auto dynamic = pqxx::prepare::make_dynamic_params(parameters);
    // A prepared statement is parsed and planned once per session instead of on every call (the
    // hot reads and writes run the same few texts thousands of times). PostgreSQL keeps it for
    // the session, whatever becomes of the transaction it was first used in.
    auto known = prepared_.find(sql);
    if (known == prepared_.end() && prepared_.size() < PREPARED_STATEMENTS_KEPT && db::is_row_statement(sql)) {
      known = prepared_.emplace(sql, fmt::format("guarantor_{}", prepared_.size())).first;
      session_->connection.prepare(known->second, sql);
    }
    if (known != prepared_.end()) {
      if (transaction_) return transaction_->exec_prepared(known->second, dynamic);
      pqxx::nontransaction single(session_->connection);
      return single.exec_prepared(known->second, dynamic);
    }
    if (transaction_) return transaction_->exec_params(sql, dynamic);
    pqxx::nontransaction single(session_->connection);
    return single.exec_params(sql, dynamic);
  } catch (const pqxx::sql_error& error) {
    fail(fmt::format("running \"{}\"", std::string_view(sql).substr(0, 60)),
         fmt::format("{} (SQLSTATE {})", error.what(), error.sqlstate()));
  } catch (const std::exception& error) {
    fail(fmt::format("running \"{}\"", std::string_view(sql).substr(0, 60)), error.what());
  }
}

void Connection::exec(std::string_view sql) {
  const std::string text(sql);
  try {
    if (transaction_) {
      transaction_->exec(text);
    } else {
      pqxx::nontransaction single(session_->connection);
      single.exec(text);
    }
  } catch (const std::exception& error) {
    fail("executing SQL", error.what());
  }
}

db::Statement Connection::prepare(std::string_view sql) {
  return db::Statement(std::make_unique<PostgresqlStatement>(*this, numbered_placeholders(sql)));
}

bool Connection::has_table(std::string_view table) {
  auto exists = prepare(
      "SELECT count(*) FROM information_schema.tables WHERE table_schema = current_schema() AND table_name = ?1");
  exists.bind(1, table).step();
  return exists.integer(0) != 0;
}

void Connection::begin_write() {
  if (transaction_) fail("starting a transaction", "a transaction is already open on this connection");
  try {
    transaction_ = std::make_unique<pqxx::work>(session_->connection);
    // Writers of one workspace (one schema) queue here until the holder commits or rolls back,
    // so a read-then-write (the next history seq, a version check) never interleaves with
    // another's. The key is the schema name's hash: workspaces in other schemas do not wait.
    transaction_->exec("SELECT pg_advisory_xact_lock(hashtext(current_schema()))");
  } catch (const std::exception& error) {
    transaction_.reset();
    fail("starting a write transaction", error.what());
  }
}

void Connection::begin_read() {
  if (transaction_) fail("starting a transaction", "a transaction is already open on this connection");
  try {
    // REPEATABLE READ: one snapshot for every statement of the read; READ ONLY takes no locks
    // that writers would wait for.
    transaction_ = std::make_unique<pqxx::transaction<pqxx::isolation_level::repeatable_read, pqxx::readwrite_policy::read_only>>(
        session_->connection);
  } catch (const std::exception& error) {
    transaction_.reset();
    fail("starting a read transaction", error.what());
  }
}

void Connection::commit() {
  if (!transaction_) fail("committing", "no transaction is open");
  try {
    transaction_->commit();
    transaction_.reset();
  } catch (const std::exception& error) {
    transaction_.reset();
    fail("committing", error.what());
  }
}

void Connection::rollback() noexcept {
  if (!transaction_) return;
  try {
    transaction_->abort();
  } catch (...) {
    // The server rolls back an unfinished transaction when the session ends.
  }
  transaction_.reset();
}

}  // namespace guarantor::store::postgresql
