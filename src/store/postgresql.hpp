#pragma once
// The PostgreSQL back end of the storage interface (database.hpp), through libpqxx: one session
// per workspace, statements in portable SQL with `?N` placeholders rewritten to `$N`, write
// transactions serialised per workspace schema by an advisory lock (PostgreSQL's analogue of
// SQLite's BEGIN IMMEDIATE), each query or row statement prepared once per session. Every
// failure becomes a guarantor::Error naming the database by its URL without the password, with
// PostgreSQL's own message.
#include <memory>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "database.hpp"

namespace pqxx {
class transaction_base;
class result;
}  // namespace pqxx

namespace guarantor::store::postgresql {

/// `sql` with every `?N` outside quoted literals written `$N`.
[[nodiscard]] std::string numbered_placeholders(std::string_view sql);
/// The URL with any password (user:password@ or password=...) replaced by "***".
[[nodiscard]] std::string without_password(std::string_view url);

class Connection final : public db::Connection {
public:
  /// Connects to `url` (a libpq connection URI). Throws Error(FileNotFound) naming the URL
  /// without its password when the server cannot be reached or refuses the login.
  explicit Connection(const std::string& url);
  ~Connection() override;
  Connection(const Connection&) = delete;
  Connection& operator=(const Connection&) = delete;

  [[nodiscard]] db::Dialect dialect() const noexcept override { return db::Dialect::Postgresql; }
  [[nodiscard]] const std::string& name() const noexcept override { return name_; }
  void exec(std::string_view sql) override;
  [[nodiscard]] db::Statement prepare(std::string_view sql) override;
  [[nodiscard]] bool has_table(std::string_view table) override;
  void begin_write() override;
  void begin_read() override;
  void commit() override;
  void rollback() noexcept override;

  /// Runs `sql` with text parameters (nullptr: NULL) in the open transaction, or on its own.
  [[nodiscard]] pqxx::result run(const std::string& sql, const std::vector<const char*>& parameters);
  /// Throws Error(OutputFailed) for a failure while `doing` something.
  [[noreturn]] void fail(std::string_view doing, std::string_view detail) const;

private:
  struct Session;  ///< the pqxx::connection
  std::unique_ptr<Session> session_;
  std::unique_ptr<pqxx::transaction_base> transaction_;
  std::string name_;
  /// Statement text -> the name it is prepared under in this session (see run()).
  std::unordered_map<std::string, std::string> prepared_;
};

}  // namespace guarantor::store::postgresql
