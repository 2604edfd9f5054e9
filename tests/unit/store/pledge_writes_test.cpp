// Audited writes: create, update, delete with versions; stale versions refused; history keeps
// who, when, before and after, and its hash chain detects an altered entry; writes survive a
// reopen and concurrent writers on distinct pledges lose nothing.
#include <gtest/gtest.h>

#include <thread>

#include "guarantor/io/record_codec.hpp"
#include "guarantor/store/workspace.hpp"
#include "test_database.hpp"

namespace guarantor::store {
namespace {

const io::LoadOptions OPTIONS{GUARANTOR_TEST_ASSET_DIR};

std::string fmt_id(int writer, int pledge) { return "TEST-W" + std::to_string(writer) + "-" + std::to_string(pledge); }

class PledgeWrites : public ::testing::TestWithParam<testing::Backend> {
protected:
  void SetUp() override {
    GUARANTOR_REQUIRE_BACKEND(GetParam());
    db_ = std::make_unique<testing::TestDatabase>(GetParam());
    workspace_ = std::make_unique<Workspace>(db_->location(), testing::fixed_clock);
    workspace_->import_scenario(testing::default_manifest(), OPTIONS, "import");
  }
  model::Pledge new_pledge(const std::string& id) const {
    model::Pledge pledge = workspace_->pledges().front().value;
    pledge.id = id;
    pledge.quantity = 1;
    return pledge;
  }
  std::unique_ptr<testing::TestDatabase> db_;
  std::unique_ptr<Workspace> workspace_;
};

TEST_P(PledgeWrites, CreateUpdateDeleteAreVersionedAndAudited) {
  auto created = workspace_->create_pledge(new_pledge("TEST-1"), "liaison.gb");
  EXPECT_EQ(created.version, 1);
  auto changed = created.value;
  changed.quantity = 3;
  auto updated = workspace_->update_pledge(changed, 1, "liaison.gb");
  EXPECT_EQ(updated.version, 2);
  EXPECT_EQ(workspace_->pledge("TEST-1")->value.quantity, 3);
  workspace_->delete_pledge("TEST-1", 2, "secretariat");
  EXPECT_FALSE(workspace_->pledge("TEST-1").has_value());

  const auto history = workspace_->history("pledge", "TEST-1");
  ASSERT_EQ(history.size(), 3u);
  EXPECT_EQ(history[0].action, "create");
  EXPECT_TRUE(history[0].before.is_null());
  EXPECT_EQ(history[1].action, "update");
  EXPECT_EQ(history[1].actor, "liaison.gb");
  EXPECT_EQ(history[1].at, "2026-03-02T09:00:00Z");
  EXPECT_EQ(history[1].before.at("quantity"), 1);
  EXPECT_EQ(history[1].after.at("quantity"), 3);
  EXPECT_EQ(history[2].action, "delete");
  EXPECT_EQ(history[2].actor, "secretariat");
  EXPECT_TRUE(history[2].after.is_null());
  EXPECT_GT(workspace_->verify_history(), 3);
}

TEST_P(PledgeWrites, StaleVersionIsRefusedAndNothingChanges) {
  auto pledge = workspace_->pledges().front();
  auto first = pledge.value;
  first.quantity = pledge.value.quantity + 1;
  workspace_->update_pledge(first, pledge.version, "liaison.a");
  auto second = pledge.value;
  second.readiness_days = 99;
  try {
    workspace_->update_pledge(second, pledge.version, "liaison.b");
    FAIL() << "a write on a stale version went through";
  } catch (const VersionConflict& conflict) {
    EXPECT_EQ(conflict.current_version(), pledge.version + 1);
  }
  const auto stored = workspace_->pledge(pledge.value.id)->value;
  EXPECT_EQ(stored.quantity, first.quantity);
  EXPECT_EQ(stored.readiness_days, pledge.value.readiness_days);
}

TEST_P(PledgeWrites, UnknownIdsAndDuplicatesAreRefused) {
  EXPECT_THROW(workspace_->update_pledge(new_pledge("NO-SUCH"), std::nullopt, "x"), NotFound);
  EXPECT_THROW(workspace_->delete_pledge("NO-SUCH", std::nullopt, "x"), NotFound);
  auto existing = workspace_->pledges().front().value;
  EXPECT_THROW(workspace_->create_pledge(existing, "x"), Error);
  auto orphan = new_pledge("TEST-ORPHAN");
  orphan.nation = "ZZ";
  EXPECT_THROW(workspace_->create_pledge(orphan, "x"), NotFound);
  EXPECT_FALSE(workspace_->pledge("TEST-ORPHAN").has_value());
}

TEST_P(PledgeWrites, SharingLevelIsStoredAndKeptOnReimport) {
  workspace_->set_sharing("DE", SharingLevel::Aggregate, 1, "liaison.de");
  EXPECT_EQ(workspace_->nation("DE")->sharing, SharingLevel::Aggregate);
  EXPECT_THROW(workspace_->set_sharing("DE", SharingLevel::Full, 1, "liaison.de"), VersionConflict);
  workspace_->import_scenario(testing::default_manifest(), OPTIONS, "import");
  EXPECT_EQ(workspace_->nation("DE")->sharing, SharingLevel::Aggregate);
}

TEST_P(PledgeWrites, WritesSurviveReopen) {
  workspace_->create_pledge(new_pledge("TEST-DURABLE"), "liaison.gb");
  workspace_.reset();
  Workspace reopened(db_->location(), testing::fixed_clock);
  ASSERT_TRUE(reopened.pledge("TEST-DURABLE").has_value());
  EXPECT_GT(reopened.verify_history(), 0);
}

TEST_P(PledgeWrites, ConcurrentWritersFromTwoConnectionsLoseNothing) {
  constexpr int WRITERS = 8;
  constexpr int PLEDGES_EACH = 5;
  std::vector<std::thread> threads;
  for (int w = 0; w < WRITERS; ++w) {
    threads.emplace_back([this, w] {
      // Half the writers share the fixture's connection, half open their own: both paths count.
      std::unique_ptr<Workspace> own;
      Workspace* target = workspace_.get();
      if (w % 2 == 1) {
        own = std::make_unique<Workspace>(db_->location(), testing::fixed_clock);
        target = own.get();
      }
      for (int p = 0; p < PLEDGES_EACH; ++p) target->create_pledge(new_pledge(fmt_id(w, p)), "writer");
    });
  }
  for (auto& thread : threads) thread.join();
  for (int w = 0; w < WRITERS; ++w)
    for (int p = 0; p < PLEDGES_EACH; ++p) EXPECT_TRUE(workspace_->pledge(fmt_id(w, p)).has_value()) << fmt_id(w, p);
  EXPECT_GT(workspace_->verify_history(), WRITERS * PLEDGES_EACH);
}

TEST_P(PledgeWrites, AlteredHistoryIsDetected) {
  workspace_->create_pledge(new_pledge("TEST-TAMPER"), "liaison.gb");
  const auto entries = workspace_->history("pledge", "TEST-TAMPER");
  ASSERT_EQ(entries.size(), 1u);
  workspace_.reset();
  // The triggers refuse an UPDATE; someone with the database's owner rights can still drop them.
  EXPECT_NE(db_->run_sql("UPDATE history SET actor = 'someone else'"), "");
  const std::string tamper = GetParam() == testing::Backend::Sqlite
                                 ? "DROP TRIGGER history_is_append_only_update; "
                                 : "DROP TRIGGER history_is_append_only_update ON history; ";
  ASSERT_EQ(db_->run_sql(tamper + "UPDATE history SET actor = 'someone else' WHERE seq = " +
                         std::to_string(entries.front().seq)),
            "");
  Workspace reopened(db_->location(), testing::fixed_clock);
  try {
    reopened.verify_history();
    FAIL() << "an altered history entry verified";
  } catch (const Error& error) {
    EXPECT_EQ(error.code(), ErrorCode::Tampered);
    EXPECT_NE(error.where().find("seq " + std::to_string(entries.front().seq)), std::string::npos) << error.where();
  }
}

INSTANTIATE_TEST_SUITE_P(Backends, PledgeWrites, testing::all_backends(), testing::backend_param_name);

}  // namespace
}  // namespace guarantor::store
