// Schema migrations on both back ends: a new database is created at the latest version, a
// current one is left alone, one from a newer Guarantor is refused; a file that is not a
// database and an unreachable server are refused with their name.
#include <gtest/gtest.h>

#include <fstream>

#include "guarantor/core/error.hpp"
#include "guarantor/store/workspace.hpp"
#include "test_database.hpp"

namespace guarantor::store {
namespace {

class MigrationsOnBothBackends : public ::testing::TestWithParam<testing::Backend> {
protected:
  void SetUp() override {
    GUARANTOR_REQUIRE_BACKEND(GetParam());
    db_ = std::make_unique<testing::TestDatabase>(GetParam());
  }
  std::unique_ptr<testing::TestDatabase> db_;
};

TEST_P(MigrationsOnBothBackends, NewDatabaseGetsEveryMigrationOnce) {
  {
    Workspace workspace(db_->location(), testing::fixed_clock);
    EXPECT_GE(workspace.schema_version(), 1);
    ASSERT_FALSE(workspace.migrations_applied().empty());
    EXPECT_EQ(workspace.migrations_applied().front(), 1);
    EXPECT_EQ(workspace.migrations_applied().back(), workspace.schema_version());
    EXPECT_TRUE(workspace.empty());
  }
  Workspace reopened(db_->location(), testing::fixed_clock);
  EXPECT_TRUE(reopened.migrations_applied().empty());
}

TEST_P(MigrationsOnBothBackends, FromVersionOneToTheLatest) {
  int latest = 0;
  { latest = Workspace(db_->location(), testing::fixed_clock).schema_version(); }
  if (latest == 1) GTEST_SKIP() << "only one schema version exists so far";
  // Roll the record back to version 1 and drop what later migrations made; reopening must
  // re-apply them on top of the version-1 tables.
  ASSERT_EQ(db_->run_sql("DELETE FROM schema_migration WHERE version > 1"), "");
  ASSERT_EQ(db_->run_sql("DROP TABLE api_token; DROP TABLE user_session; DROP TABLE app_user; DROP TABLE site_comment; "
                         "DROP TABLE site_negotiation; DROP TABLE plan_version; DROP TABLE decision; DROP TABLE week; "
                         "DROP TABLE incident_position; DROP TABLE site_position; DROP TABLE report_file; DROP TABLE "
                         "findings_version; "
                         "DROP TABLE job;"),
            "");
  Workspace workspace(db_->location(), testing::fixed_clock);
  EXPECT_EQ(workspace.schema_version(), latest);
  EXPECT_EQ(workspace.migrations_applied().front(), 2);
}

TEST_P(MigrationsOnBothBackends, NewerSchemaIsRefused) {
  {
    Workspace workspace(db_->location(), testing::fixed_clock);
  }
  ASSERT_EQ(db_->run_sql("INSERT INTO schema_migration (version, description, applied_at) VALUES (999, 'future', 'x')"),
            "");
  try {
    Workspace workspace(db_->location(), testing::fixed_clock);
    FAIL() << "a database from a newer version was opened";
  } catch (const Error& error) {
    EXPECT_EQ(error.code(), ErrorCode::Consistency);
    if (GetParam() == testing::Backend::Sqlite) {
      EXPECT_EQ(error.where(), db_->location());
    }
    EXPECT_NE(std::string(error.what()).find("schema version 999"), std::string::npos) << error.what();
  }
}

INSTANTIATE_TEST_SUITE_P(Backends, MigrationsOnBothBackends, testing::all_backends(), testing::backend_param_name);

TEST(Migrations, UnreachablePostgresqlIsRefusedWithoutItsPassword) {
  // A socket directory that does not exist: the connection fails at once, with no server.
  const std::string url = "postgresql://planner:s3cret-word@/guarantor?host=/nonexistent-guarantor-socket-dir";
  try {
    Workspace workspace(url, testing::fixed_clock);
    FAIL() << "a workspace opened on an unreachable server";
  } catch (const Error& error) {
    EXPECT_EQ(error.code(), ErrorCode::FileNotFound);
    EXPECT_EQ(error.where(), "postgresql://planner:***@/guarantor?host=/nonexistent-guarantor-socket-dir");
    EXPECT_EQ(std::string(error.what()).find("s3cret-word"), std::string::npos) << error.what();
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
