// Choosing the back end from the location the user gave (--db).
#include "database.hpp"

#include "postgresql.hpp"
#include "sqlite.hpp"

namespace guarantor::store::db {

bool is_postgresql_url(std::string_view location) {
  return location.starts_with("postgresql://") || location.starts_with("postgres://");
}

std::unique_ptr<Connection> open(const std::string& location) {
  if (is_postgresql_url(location)) return std::make_unique<postgresql::Connection>(location);
  return std::make_unique<sqlite::Connection>(location);
}

}  // namespace guarantor::store::db
