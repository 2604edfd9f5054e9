#pragma once
// The SQLite back end of the storage interface (database.hpp): one connection to a database
// file in WAL mode, prepared statements, and write transactions that take the write lock up
// front. Every SQLite failure becomes a guarantor::Error naming the database file and SQLite's
// own message.
#include <filesystem>
#include <string>
#include <string_view>

#include "database.hpp"

struct sqlite3;

namespace guarantor::store::sqlite {

class Connection final : public db::Connection {
public:
  /// Opens (creating if missing) the database file with WAL journaling, foreign keys on and a
  /// busy timeout, so concurrent writers from several processes wait instead of failing.
  explicit Connection(const std::filesystem::path& path);
  ~Connection() override;
  Connection(const Connection&) = delete;
  Connection& operator=(const Connection&) = delete;

  [[nodiscard]] db::Dialect dialect() const noexcept override { return db::Dialect::Sqlite; }
  [[nodiscard]] const std::string& name() const noexcept override { return name_; }
  void exec(std::string_view sql) override;
  [[nodiscard]] db::Statement prepare(std::string_view sql) override;
  [[nodiscard]] bool has_table(std::string_view table) override;
  /// BEGIN IMMEDIATE: the write lock is taken up front, so two writers never deadlock
  /// upgrading a read lock.
  void begin_write() override;
  void begin_read() override;
  void commit() override;
  void rollback() noexcept override;

  /// Throws Error(OutputFailed) with SQLite's message for a failed call returning `code`.
  [[noreturn]] void fail(int code, std::string_view doing) const;

private:
  sqlite3* db_ = nullptr;
  std::string name_;
};

}  // namespace guarantor::store::sqlite
