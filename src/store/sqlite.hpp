#pragma once
// A thin RAII layer over the SQLite C API: one connection, prepared statements with typed
// binding, and transactions that roll back unless committed. Every SQLite failure becomes a
// guarantor::Error naming the database file and SQLite's own message.
#include <cstdint>
#include <filesystem>
#include <optional>
#include <string>
#include <string_view>

struct sqlite3;
struct sqlite3_stmt;

namespace guarantor::store::sqlite {

class Statement;

class Connection {
public:
  /// Opens (creating if missing) the database file with WAL journaling, foreign keys on and a
  /// busy timeout, so concurrent writers from several processes wait instead of failing.
  explicit Connection(const std::filesystem::path& path);
  ~Connection();
  Connection(const Connection&) = delete;
  Connection& operator=(const Connection&) = delete;

  /// Runs one or more statements without results (schema, pragmas).
  void exec(std::string_view sql);
  [[nodiscard]] Statement prepare(std::string_view sql);
  [[nodiscard]] std::int64_t last_insert_rowid() const;
  [[nodiscard]] int changes() const;
  [[nodiscard]] const std::string& name() const noexcept { return name_; }
  /// Throws Error(OutputFailed) with SQLite's message for a failed call returning `code`.
  [[noreturn]] void fail(int code, std::string_view doing) const;

private:
  sqlite3* db_ = nullptr;
  std::string name_;
};

class Statement {
public:
  Statement(Connection& connection, sqlite3_stmt* statement) : connection_(&connection), statement_(statement) {}
  ~Statement();
  Statement(Statement&& other) noexcept;
  Statement& operator=(Statement&&) = delete;
  Statement(const Statement&) = delete;
  Statement& operator=(const Statement&) = delete;

  /// Binds by 1-based parameter index; returns *this so calls chain.
  Statement& bind(int index, std::string_view text);
  Statement& bind(int index, std::int64_t value);
  Statement& bind(int index, int value) { return bind(index, static_cast<std::int64_t>(value)); }
  Statement& bind(int index, bool value) { return bind(index, static_cast<std::int64_t>(value ? 1 : 0)); }
  Statement& bind(int index, double value);
  Statement& bind_null(int index);
  Statement& bind(int index, const std::optional<double>& value) {
    return value ? bind(index, *value) : bind_null(index);
  }

  /// Advances; true while a row is available, false when done. Throws on error.
  bool step();
  /// Runs a statement that returns no rows.
  void run();
  void reset();

  [[nodiscard]] std::string text(int column) const;
  [[nodiscard]] std::int64_t integer(int column) const;
  [[nodiscard]] double real(int column) const;
  [[nodiscard]] bool is_null(int column) const;

private:
  Connection* connection_;
  sqlite3_stmt* statement_;
};

/// BEGIN IMMEDIATE on construction (the write lock is taken up front, so two writers never
/// deadlock upgrading a read lock); ROLLBACK on destruction unless commit() was called.
class Transaction {
public:
  explicit Transaction(Connection& connection);
  ~Transaction();
  Transaction(const Transaction&) = delete;
  Transaction& operator=(const Transaction&) = delete;
  void commit();

private:
  Connection& connection_;
  bool done_ = false;
};

}  // namespace guarantor::store::sqlite
