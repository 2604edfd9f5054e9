#pragma once
// The SQLite back end of the storage interface (database.hpp): one connection to a database
// file in WAL mode, prepared statements, and write transactions that take the write lock up
// front. Every SQLite failure becomes a guarantor::Error naming the database file and SQLite's
// own message. Statements are kept prepared on the connection and reused (recycle()).
#include <filesystem>
#include <functional>
#include <string>
#include <string_view>
#include <unordered_map>

#include "database.hpp"

struct sqlite3;
struct sqlite3_stmt;

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

  /// Takes back a statement of prepare() that its caller is done with: reset and kept for the
  /// next prepare() of the same text (at most one a text, PREPARED_STATEMENTS_KEPT in all), or
  /// else finalized.
  void recycle(sqlite3_stmt* statement) noexcept;

private:
  /// std::string keys found by a string_view without a copy.
  struct TextHash {
    using is_transparent = void;
    std::size_t operator()(std::string_view text) const noexcept { return std::hash<std::string_view>{}(text); }
  };
  sqlite3* db_ = nullptr;
  std::string name_;
  /// Idle prepared statements by their SQL text: parsing and planning a statement costs more
  /// than running the workspace's small keyed reads, which repeat the same few texts.
  std::unordered_map<std::string, sqlite3_stmt*, TextHash, std::equal_to<>> prepared_;
};

}  // namespace guarantor::store::sqlite
