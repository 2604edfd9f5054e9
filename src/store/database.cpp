// Choosing the back end from the location the user gave (--db), and the keyed-or-whole-table read.
#include "database.hpp"

#include <fmt/format.h>

#include "postgresql.hpp"
#include "sqlite.hpp"

namespace guarantor::store::db {

bool is_postgresql_url(std::string_view location) {
  return location.starts_with("postgresql://") || location.starts_with("postgres://");
}

Statement select_by_key(Connection& connection, std::string_view columns_from, std::string_view key_column,
                        const std::optional<std::string>& key, std::string_view order_by) {
  if (!key) return connection.prepare(fmt::format("SELECT {} ORDER BY {}", columns_from, order_by));
  auto select =
      connection.prepare(fmt::format("SELECT {} WHERE {} = ?1 ORDER BY {}", columns_from, key_column, order_by));
  select.bind(1, *key);
  return select;
}

bool is_row_statement(std::string_view sql) {
  const auto first = sql.find_first_not_of(" \t\n");
  if (first == std::string_view::npos) return false;
  for (const std::string_view verb : {"SELECT", "INSERT", "UPDATE", "DELETE", "WITH"})
    if (sql.compare(first, verb.size(), verb) == 0) return true;
  return false;
}

std::unique_ptr<Connection> open(const std::string& location) {
  if (is_postgresql_url(location)) return std::make_unique<postgresql::Connection>(location);
  return std::make_unique<sqlite::Connection>(location);
}

}  // namespace guarantor::store::db
