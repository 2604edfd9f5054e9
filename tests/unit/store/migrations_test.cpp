// Schema migrations: a new file is created at the latest version, a current one is left alone,
// one from a newer Guarantor and a file that is not a database are refused with their path.
#include <gtest/gtest.h>

#include <fstream>

#include <sqlite3.h>

#include "guarantor/core/error.hpp"
#include "guarantor/store/workspace.hpp"
#include "temp_workspace.hpp"

namespace guarantor::store {
namespace {

void run_sql(const std::filesystem::path& db, const char* sql) {
  sqlite3* handle = nullptr;
  ASSERT_EQ(sqlite3_open(db.string().c_str(), &handle), SQLITE_OK);
  char* message = nullptr;
  const int code = sqlite3_exec(handle, sql, nullptr, nullptr, &message);
  const std::string text = message != nullptr ? message : "";
  sqlite3_free(message);
  sqlite3_close(handle);
  ASSERT_EQ(code, SQLITE_OK) << text;
}

TEST(Migrations, NewDatabaseGetsEveryMigrationOnce) {
  testing::TempDir dir;
  {
    Workspace workspace(dir.db(), testing::fixed_clock);
    EXPECT_GE(workspace.schema_version(), 1);
    ASSERT_FALSE(workspace.migrations_applied().empty());
    EXPECT_EQ(workspace.migrations_applied().front(), 1);
    EXPECT_EQ(workspace.migrations_applied().back(), workspace.schema_version());
    EXPECT_TRUE(workspace.empty());
  }
  Workspace reopened(dir.db(), testing::fixed_clock);
  EXPECT_TRUE(reopened.migrations_applied().empty());
}

TEST(Migrations, FromVersionOneToTheLatest) {
  testing::TempDir dir;
  int latest = 0;
  { latest = Workspace(dir.db(), testing::fixed_clock).schema_version(); }
  if (latest == 1) GTEST_SKIP() << "only one schema version exists so far";
  // Roll the record back to version 1 and drop what later migrations made; reopening must
  // re-apply them on top of the version-1 tables.
  run_sql(dir.db(), "DELETE FROM schema_migration WHERE version > 1");
  run_sql(dir.db(), "DROP TABLE api_token; DROP TABLE user_session; DROP TABLE app_user;");
  Workspace workspace(dir.db(), testing::fixed_clock);
  EXPECT_EQ(workspace.schema_version(), latest);
  EXPECT_EQ(workspace.migrations_applied().front(), 2);
}

TEST(Migrations, NewerSchemaIsRefused) {
  testing::TempDir dir;
  { Workspace workspace(dir.db(), testing::fixed_clock); }
  run_sql(dir.db(), "INSERT INTO schema_migration (version, description, applied_at) VALUES (999, 'future', 'x')");
  try {
    Workspace workspace(dir.db(), testing::fixed_clock);
    FAIL() << "a database from a newer version was opened";
  } catch (const Error& error) {
    EXPECT_EQ(error.code(), ErrorCode::Consistency);
    EXPECT_EQ(error.where(), dir.db().string());
    EXPECT_NE(std::string(error.what()).find("schema version 999"), std::string::npos) << error.what();
  }
}

TEST(Migrations, FileThatIsNotADatabaseIsRefused) {
  testing::TempDir dir;
  std::ofstream(dir.db()) << "this is a text file, not an SQLite database, and it is long enough to have a header\n";
  try {
    Workspace workspace(dir.db(), testing::fixed_clock);
    FAIL() << "a text file was opened as a workspace";
  } catch (const Error& error) {
    EXPECT_EQ(error.code(), ErrorCode::Syntax);
    EXPECT_EQ(error.where(), dir.db().string());
  }
}

TEST(Migrations, UnwritablePathIsRefusedWithItsName) {
  testing::TempDir dir;
  const auto path = dir.path() / "missing-directory" / "workspace.db";
  try {
    Workspace workspace(path, testing::fixed_clock);
    FAIL() << "a database was created in a directory that does not exist";
  } catch (const Error& error) {
    EXPECT_EQ(error.code(), ErrorCode::FileNotFound);
    EXPECT_EQ(error.where(), path.string());
  }
}

}  // namespace
}  // namespace guarantor::store
