// Changing a password, disabling and enabling a user: the old password stops working, the user's
// other sessions end at once (in this process, and within the credential recheck bound in
// another), a disabled user's tokens and sessions are refused, the last enabled secretariat user
// stays, and the history records every change without a password or its hash.
#include <gtest/gtest.h>

#include "guarantor/store/workspace.hpp"
#include "imported_workspace.hpp"

namespace guarantor::store {
namespace {

constexpr std::string_view FIRST_PASSWORD = "first long password";
constexpr std::string_view SECOND_PASSWORD = "second long password";

class AccountAdmin : public testing::ImportedWorkspace {
protected:
  // Every history entry of the user as text (before, after and the row's other fields).
  std::string history_text(const std::string& name) const {
    std::string text;
    for (const auto& entry : workspace_->history("user", name))
      text += entry.action + " " + entry.actor + " " + entry.before.dump() + " " + entry.after.dump() + "\n";
    return text;
  }
};

TEST_P(AccountAdmin, NewPasswordReplacesTheOldAndEndsTheOtherSessions) {
  workspace_->create_user("planner", Role::Planner, "", FIRST_PASSWORD, "secretariat");
  const auto kept = workspace_->create_session("planner", 5000);
  const auto other = workspace_->create_session("planner", 5000);
  const auto token = workspace_->create_api_token("planner", "script", "planner").second;
  // Both sessions verified, so both are kept in memory: the change must still end one at once.
  ASSERT_TRUE(workspace_->find_session(kept.token, 100).has_value());
  ASSERT_TRUE(workspace_->find_session(other.token, 100).has_value());

  EXPECT_EQ(workspace_->set_password("planner", SECOND_PASSWORD, kept.token, "planner"), 1);
  EXPECT_FALSE(workspace_->check_password("planner", FIRST_PASSWORD).has_value());
  EXPECT_TRUE(workspace_->check_password("planner", SECOND_PASSWORD).has_value());
  EXPECT_TRUE(workspace_->find_session(kept.token, 100).has_value()) << "the session that changed it ended";
  EXPECT_FALSE(workspace_->find_session(other.token, 100).has_value()) << "another session survived";
  EXPECT_TRUE(workspace_->user_of_token(token, 100).has_value()) << "API tokens are kept";

  // Without a session to keep (the secretariat's reset, the CLI), every session ends.
  EXPECT_EQ(workspace_->set_password("planner", FIRST_PASSWORD, {}, "secretariat"), 1);
  EXPECT_FALSE(workspace_->find_session(kept.token, 100).has_value());

  const auto entries = workspace_->history("user", "planner");
  ASSERT_EQ(entries.size(), 3u);  // create, two password changes
  EXPECT_EQ(entries[1].action, "set_password");
  EXPECT_EQ(entries[1].actor, "planner");
  EXPECT_EQ(entries[1].after.at("sessions_ended"), 1);
  EXPECT_EQ(entries[2].actor, "secretariat");
  const std::string text = history_text("planner");
  for (const std::string_view secret : {FIRST_PASSWORD, SECOND_PASSWORD, std::string_view("$argon2id$")})
    EXPECT_EQ(text.find(secret), std::string::npos) << secret;
  EXPECT_NO_THROW(workspace_->verify_history());
}

TEST_P(AccountAdmin, BadNewPasswordsAndUnknownUsersChangeNothing) {
  workspace_->create_user("monitor", Role::Monitor, "", FIRST_PASSWORD, "secretariat");
  const auto session = workspace_->create_session("monitor", 5000);
  const auto entries = workspace_->history().size();
  try {
    workspace_->set_password("monitor", "too short", {}, "monitor");
    ADD_FAILURE() << "a 9-character password was accepted";
  } catch (const Error& error) {
    EXPECT_EQ(error.where(), "/password");
    EXPECT_NE(std::string(error.what()).find("expected 12 to 1024"), std::string::npos) << error.what();
  }
  EXPECT_THROW(workspace_->set_password("nobody", SECOND_PASSWORD, {}, "secretariat"), NotFound);
  EXPECT_THROW(workspace_->set_user_disabled("nobody", true, "secretariat"), NotFound);
  EXPECT_TRUE(workspace_->check_password("monitor", FIRST_PASSWORD).has_value());
  EXPECT_TRUE(workspace_->find_session(session.token, 100).has_value());
  EXPECT_EQ(workspace_->history().size(), entries);
}

TEST_P(AccountAdmin, DisabledUserIsRefusedAtOnceUntilEnabled) {
  workspace_->create_user("secretariat", Role::Secretariat, "", FIRST_PASSWORD, "cli");
  workspace_->create_user("liaison.fr", Role::Liaison, "FR", FIRST_PASSWORD, "secretariat");
  const auto session = workspace_->create_session("liaison.fr", 5000);
  const auto token = workspace_->create_api_token("liaison.fr", "script", "liaison.fr").second;
  ASSERT_TRUE(workspace_->find_session(session.token, 100).has_value());
  ASSERT_TRUE(workspace_->user_of_token(token, 100).has_value());

  EXPECT_TRUE(workspace_->set_user_disabled("liaison.fr", true, "secretariat").disabled);
  EXPECT_FALSE(workspace_->check_password("liaison.fr", FIRST_PASSWORD).has_value());
  EXPECT_FALSE(workspace_->find_session(session.token, 100).has_value());
  EXPECT_FALSE(workspace_->user_of_token(token, 100).has_value());
  EXPECT_TRUE(workspace_->user("liaison.fr")->disabled);

  EXPECT_FALSE(workspace_->set_user_disabled("liaison.fr", false, "secretariat").disabled);
  EXPECT_TRUE(workspace_->check_password("liaison.fr", FIRST_PASSWORD).has_value());
  EXPECT_TRUE(workspace_->user_of_token(token, 100).has_value()) << "an unrevoked token works again";
  EXPECT_FALSE(workspace_->find_session(session.token, 100).has_value()) << "disabling ended the session for good";

  const auto entries = workspace_->history("user", "liaison.fr");
  ASSERT_EQ(entries.size(), 3u);
  EXPECT_EQ(entries[1].action, "update");
  EXPECT_EQ(entries[1].before.at("disabled"), false);
  EXPECT_EQ(entries[1].after.at("disabled"), true);
  EXPECT_EQ(entries[2].after.at("disabled"), false);
  // Setting the state a user already has records nothing.
  workspace_->set_user_disabled("liaison.fr", false, "secretariat");
  EXPECT_EQ(workspace_->history("user", "liaison.fr").size(), 3u);
}

TEST_P(AccountAdmin, TheLastEnabledSecretariatUserStays) {
  workspace_->create_user("sec.a", Role::Secretariat, "", FIRST_PASSWORD, "cli");
  workspace_->create_user("sec.b", Role::Secretariat, "", FIRST_PASSWORD, "cli");
  workspace_->create_user("planner", Role::Planner, "", FIRST_PASSWORD, "cli");
  workspace_->set_user_disabled("sec.a", true, "sec.b");
  try {
    workspace_->set_user_disabled("sec.b", true, "sec.b");
    ADD_FAILURE() << "the last enabled secretariat user was disabled";
  } catch (const Error& error) {
    EXPECT_EQ(error.code(), ErrorCode::Consistency);
    EXPECT_EQ(error.where(), "/disabled");
  }
  EXPECT_FALSE(workspace_->user("sec.b")->disabled);
  workspace_->set_user_disabled("planner", true, "sec.b");  // other roles are no administrators
  workspace_->set_user_disabled("sec.a", false, "sec.b");
  EXPECT_TRUE(workspace_->set_user_disabled("sec.b", true, "sec.a").disabled);
}

// A second workspace object on the same database stands for another process: what it changes
// is seen here once the credential recheck bound (5 s) has passed since this one verified.
TEST_P(AccountAdmin, AnotherProcessesChangesAreSeenWithinTheRecheckBound) {
  constexpr std::int64_t RECHECK_BOUND_S = 5;
  workspace_->create_user("secretariat", Role::Secretariat, "", FIRST_PASSWORD, "cli");
  workspace_->create_user("host", Role::HostNation, "", FIRST_PASSWORD, "secretariat");
  workspace_->create_user("observer", Role::Observer, "", FIRST_PASSWORD, "secretariat");
  const auto host_session = workspace_->create_session("host", 5000);
  const auto observer_token = workspace_->create_api_token("observer", "feed", "observer").second;
  ASSERT_TRUE(workspace_->find_session(host_session.token, 100).has_value());
  ASSERT_TRUE(workspace_->user_of_token(observer_token, 100).has_value());
  {
    Workspace other(db_->location(), testing::fixed_clock);
    other.set_password("host", SECOND_PASSWORD, {}, "secretariat");
    other.set_user_disabled("observer", true, "secretariat");
  }
  EXPECT_TRUE(workspace_->user_of_token(observer_token, 100 + RECHECK_BOUND_S - 1).has_value());
  EXPECT_FALSE(workspace_->find_session(host_session.token, 100 + RECHECK_BOUND_S).has_value());
  EXPECT_FALSE(workspace_->user_of_token(observer_token, 100 + RECHECK_BOUND_S).has_value());
  EXPECT_TRUE(workspace_->check_password("host", SECOND_PASSWORD).has_value());
}

INSTANTIATE_TEST_SUITE_P(Backends, AccountAdmin, testing::all_backends(), testing::backend_param_name);

}  // namespace
}  // namespace guarantor::store
