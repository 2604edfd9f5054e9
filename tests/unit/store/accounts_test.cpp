// Users, sessions and API tokens: rules on names, roles and passwords; sessions expire; a
// revoked token stops working at once; the database never holds a password or a token.
#include <gtest/gtest.h>

#include <fstream>
#include <sstream>

#include "guarantor/store/workspace.hpp"
#include "imported_workspace.hpp"

namespace guarantor::store {
namespace {

constexpr std::string_view PASSWORD = "correct horse battery";

class Accounts : public testing::ImportedWorkspace {
protected:
  // Everything the database holds, as text: the file and its WAL for SQLite, every row of the
  // account and history tables for PostgreSQL.
  std::string stored_bytes() const {
    std::stringstream bytes;
    if (GetParam() == testing::Backend::Sqlite) {
      std::ifstream file(db_->location(), std::ios::binary);
      bytes << file.rdbuf();
      std::ifstream wal(db_->location() + "-wal", std::ios::binary);  // the WAL may still hold pages
      bytes << wal.rdbuf();
      return bytes.str();
    }
    pqxx::connection connection(db_->location());
    pqxx::nontransaction query(connection);
    for (const char* table : {"app_user", "api_token", "user_session", "history"})
      for (const auto& row : query.exec(std::string("SELECT t::text FROM ") + table + " t")) bytes << row[0].c_str() << "\n";
    return bytes.str();
  }
};

TEST_P(Accounts, PasswordIsCheckedAndNeverStored) {
  workspace_->create_user("liaison.fr", Role::Liaison, "FR", PASSWORD, "secretariat");
  EXPECT_TRUE(workspace_->check_password("liaison.fr", PASSWORD).has_value());
  EXPECT_FALSE(workspace_->check_password("liaison.fr", "correct horse battery!").has_value());
  EXPECT_FALSE(workspace_->check_password("nobody", PASSWORD).has_value());
  EXPECT_EQ(workspace_->user("liaison.fr")->nation, "FR");
  const auto token = workspace_->create_api_token("liaison.fr", "script", "liaison.fr").second;
  workspace_.reset();
  const std::string bytes = stored_bytes();
  EXPECT_EQ(bytes.find(PASSWORD), std::string::npos);
  EXPECT_EQ(bytes.find(token), std::string::npos);
  EXPECT_NE(bytes.find("$argon2id$"), std::string::npos);
}

TEST_P(Accounts, BadUsersAreRefusedWithTheField) {
  auto expect_refused = [&](const std::string& name, Role role, const std::string& nation, std::string_view password,
                            const std::string& where) {
    try {
      workspace_->create_user(name, role, nation, password, "secretariat");
      ADD_FAILURE() << name << " was accepted";
    } catch (const Error& error) {
      EXPECT_EQ(error.where(), where) << error.what();
    }
  };
  expect_refused("Bad Name", Role::Planner, "", PASSWORD, "/name");
  expect_refused("short", Role::Planner, "", "tiny", "/password");
  expect_refused("liaison.x", Role::Liaison, "", PASSWORD, "/nation");
  expect_refused("planner.y", Role::Planner, "FR", PASSWORD, "/nation");
  expect_refused("liaison.zz", Role::Liaison, "ZZ", PASSWORD, "/nation");
  workspace_->create_user("planner", Role::Planner, "", PASSWORD, "secretariat");
  expect_refused("planner", Role::Planner, "", PASSWORD, "/name");
}

TEST_P(Accounts, SessionsExpire) {
  workspace_->create_user("planner", Role::Planner, "", PASSWORD, "secretariat");
  const auto session = workspace_->create_session("planner", 1000);
  ASSERT_TRUE(workspace_->find_session(session.token, 999).has_value());
  EXPECT_EQ(workspace_->find_session(session.token, 999)->csrf_token, session.csrf_token);
  EXPECT_FALSE(workspace_->find_session(session.token, 1000).has_value());
  EXPECT_FALSE(workspace_->find_session(session.token, 999).has_value()) << "an expired session came back";
  const auto second = workspace_->create_session("planner", 5000);
  workspace_->end_session(second.token);
  EXPECT_FALSE(workspace_->find_session(second.token, 10).has_value());
}

TEST_P(Accounts, RevokedTokenStopsWorking) {
  workspace_->create_user("monitor", Role::Monitor, "", PASSWORD, "secretariat");
  const auto [record, token] = workspace_->create_api_token("monitor", "feed", "monitor");
  ASSERT_EQ(workspace_->user_of_token(token)->name, "monitor");
  workspace_->revoke_api_token(record.id, "secretariat");
  EXPECT_FALSE(workspace_->user_of_token(token).has_value());
  EXPECT_FALSE(workspace_->api_tokens("monitor").front().revoked_at.empty());
  EXPECT_THROW(workspace_->revoke_api_token(record.id + 100, "secretariat"), NotFound);
  const auto history = workspace_->history("api_token", std::to_string(record.id));
  ASSERT_EQ(history.size(), 2u);
  EXPECT_EQ(history[1].action, "revoke");
  EXPECT_EQ(history[1].actor, "secretariat");
}

// Credentials are answered from memory once verified: a second look at the same second must
// still see a logout, a revocation and an expiry of this workspace at once.
TEST_P(Accounts, VerifiedCredentialsStillEndAtOnce) {
  workspace_->create_user("planner", Role::Planner, "", PASSWORD, "secretariat");
  const auto session = workspace_->create_session("planner", 1000);
  for (int look = 0; look < 2; ++look) {
    const auto found = workspace_->find_session(session.token, 995);
    ASSERT_TRUE(found.has_value()) << "look " << look;
    EXPECT_EQ(found->csrf_token, session.csrf_token);
    EXPECT_EQ(found->user.role, Role::Planner);
  }
  EXPECT_FALSE(workspace_->find_session(session.token, 1000).has_value()) << "served past its expiry";
  EXPECT_FALSE(workspace_->find_session(session.token, 996).has_value()) << "an expired session came back";

  const auto ended = workspace_->create_session("planner", 5000);
  ASSERT_TRUE(workspace_->find_session(ended.token, 100).has_value());
  workspace_->end_session(ended.token);
  EXPECT_FALSE(workspace_->find_session(ended.token, 100).has_value()) << "a logged-out session still served";

  const auto [record, token] = workspace_->create_api_token("planner", "script", "planner");
  ASSERT_TRUE(workspace_->user_of_token(token, 100).has_value());
  ASSERT_TRUE(workspace_->user_of_token(token, 100).has_value());
  workspace_->revoke_api_token(record.id, "secretariat");
  EXPECT_FALSE(workspace_->user_of_token(token, 100).has_value()) << "a revoked token still served";
  // A session token is no API token, and the other way round, though both were verified.
  const auto other = workspace_->create_session("planner", 5000);
  ASSERT_TRUE(workspace_->find_session(other.token, 100).has_value());
  EXPECT_FALSE(workspace_->user_of_token(other.token, 100).has_value());
}

// Another process (a second workspace object on the same database) ends a session, revokes a
// token and disables a user: this one refuses them once CredentialCache::RECHECK_SECONDS (5 s,
// docs/workspace.md) have passed since it verified them, and never serves them past that.
TEST_P(Accounts, AnotherProcessesRevocationsAreSeenWithinTheRecheckBound) {
  constexpr std::int64_t RECHECK_S = 5;
  workspace_->create_user("monitor", Role::Monitor, "", PASSWORD, "secretariat");
  workspace_->create_user("observer", Role::Observer, "", PASSWORD, "secretariat");
  const auto session = workspace_->create_session("monitor", 5000);
  const auto [record, token] = workspace_->create_api_token("monitor", "feed", "monitor");
  const auto observer_token = workspace_->create_api_token("observer", "feed", "observer").second;
  ASSERT_TRUE(workspace_->find_session(session.token, 100).has_value());
  ASSERT_TRUE(workspace_->user_of_token(token, 100).has_value());
  ASSERT_TRUE(workspace_->user_of_token(observer_token, 100).has_value());

  {
    Workspace other(db_->location(), testing::fixed_clock);
    other.end_session(session.token);
    other.revoke_api_token(record.id, "secretariat");
  }
  ASSERT_EQ(db_->run_sql("UPDATE app_user SET disabled = 1 WHERE name = 'observer'"), "");
  for (std::int64_t now = 100; now < 100 + RECHECK_S; ++now)
    EXPECT_TRUE(workspace_->user_of_token(token, now).has_value()) << "verified at 100, trusted at " << now;
  EXPECT_FALSE(workspace_->find_session(session.token, 100 + RECHECK_S).has_value());
  EXPECT_FALSE(workspace_->user_of_token(token, 100 + RECHECK_S).has_value());
  EXPECT_FALSE(workspace_->user_of_token(observer_token, 100 + RECHECK_S).has_value());
  EXPECT_FALSE(workspace_->user_of_token(token, 100).has_value()) << "a refused token came back";
}

INSTANTIATE_TEST_SUITE_P(Backends, Accounts, testing::all_backends(), testing::backend_param_name);

}  // namespace
}  // namespace guarantor::store
