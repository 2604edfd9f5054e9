#pragma once
// The store and server tests run on both back ends: an SQLite file in a temporary directory, or
// a schema of its own in the PostgreSQL database named by GUARANTOR_TEST_POSTGRESQL_URL (the
// throwaway cluster of scripts/pg_test_cluster.sh, which scripts/test.sh starts). Without that
// variable the PostgreSQL cases are skipped with the reason, unless GUARANTOR_REQUIRE_POSTGRESQL
// or CI is set: then they fail, so CI never passes having tested one back end.
#include <gtest/gtest.h>

#include <cstdlib>
#include <random>
#include <string>

#include <fmt/format.h>
#include <pqxx/pqxx>
#include <sqlite3.h>

#include "temp_workspace.hpp"

namespace guarantor::testing {

enum class Backend { Sqlite, Postgresql };

inline std::string backend_name(Backend backend) { return backend == Backend::Sqlite ? "sqlite" : "postgresql"; }
inline std::string backend_param_name(const ::testing::TestParamInfo<Backend>& info) { return backend_name(info.param); }
inline auto all_backends() { return ::testing::Values(Backend::Sqlite, Backend::Postgresql); }

inline std::string postgresql_test_url() {
  const char* url = std::getenv("GUARANTOR_TEST_POSTGRESQL_URL");
  return url != nullptr ? url : "";
}

inline bool postgresql_required() {
  const char* required = std::getenv("GUARANTOR_REQUIRE_POSTGRESQL");
  const char* ci = std::getenv("CI");
  return (required != nullptr && *required != '\0' && std::string(required) != "0") || (ci != nullptr && *ci != '\0');
}

/// Empty when the back end can be tested here; otherwise why not.
inline std::string unavailable_reason(Backend backend) {
  if (backend == Backend::Sqlite || !postgresql_test_url().empty()) return {};
  return "PostgreSQL back end not tested: GUARANTOR_TEST_POSTGRESQL_URL is not set (scripts/pg_test_cluster.sh "
         "start DIR starts a throwaway cluster and prints the URL; scripts/test.sh does this itself)";
}

/// Skips the current test (or fails it, where PostgreSQL is required) when `backend` is not
/// available. Use at the top of SetUp() or of a test body.
#define GUARANTOR_REQUIRE_BACKEND(backend)                                                      \
  if (const std::string why_ = ::guarantor::testing::unavailable_reason(backend); !why_.empty()) { \
    if (::guarantor::testing::postgresql_required()) {                                          \
      GTEST_FAIL() << why_;                                                                     \
    }                                                                                           \
    GTEST_SKIP() << why_;                                                                       \
  }

/// A fresh, empty workspace database on one back end, with a scratch directory; removed with
/// the object. For PostgreSQL: a new schema, first on the search path (PostGIS stays in public).
class TestDatabase {
public:
  explicit TestDatabase(Backend backend) : backend_(backend) {
    if (backend_ == Backend::Sqlite) {
      location_ = dir_.db().string();
      return;
    }
    std::random_device entropy;
    schema_ = fmt::format("test_{:08x}{:08x}", entropy(), entropy());
    admin("CREATE SCHEMA " + schema_);
    const std::string base = postgresql_test_url();
    location_ = fmt::format("{}{}options=-csearch_path%3D{}%2Cpublic", base,
                            base.find('?') == std::string::npos ? "?" : "&", schema_);
  }
  ~TestDatabase() {
    if (schema_.empty()) return;
    try {
      admin("DROP SCHEMA " + schema_ + " CASCADE");
    } catch (...) {
      // The cluster is thrown away at the end of the run; a leftover schema harms nothing.
    }
  }
  TestDatabase(const TestDatabase&) = delete;
  TestDatabase& operator=(const TestDatabase&) = delete;

  /// What Workspace and `--db` take: the file path or the PostgreSQL URL.
  [[nodiscard]] const std::string& location() const { return location_; }
  [[nodiscard]] const std::filesystem::path& scratch() const { return dir_.path(); }
  [[nodiscard]] Backend backend() const { return backend_; }
  /// Runs SQL directly on the database, around the workspace (to tamper, or to roll back);
  /// returns the database's error message, empty on success.
  [[nodiscard]] std::string run_sql(const std::string& sql) const {
    if (backend_ == Backend::Postgresql) {
      try {
        pqxx::connection connection(location_);
        pqxx::nontransaction(connection).exec(sql);
        return {};
      } catch (const std::exception& error) {
        return error.what();
      }
    }
    sqlite3* handle = nullptr;
    if (sqlite3_open(location_.c_str(), &handle) != SQLITE_OK) {
      sqlite3_close(handle);
      return "cannot open " + location_;
    }
    char* message = nullptr;
    const int code = sqlite3_exec(handle, sql.c_str(), nullptr, nullptr, &message);
    std::string text = code == SQLITE_OK ? "" : message != nullptr ? message : "SQLite error";
    sqlite3_free(message);
    sqlite3_close(handle);
    return text;
  }

private:
  static void admin(const std::string& sql) {
    pqxx::connection connection(postgresql_test_url());
    pqxx::nontransaction(connection).exec(sql);
  }

  Backend backend_;
  TempDir dir_;
  std::string location_;
  std::string schema_;
};

}  // namespace guarantor::testing
