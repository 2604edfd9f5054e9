// Audited writes: create, update, delete with versions; stale versions refused; history keeps
// who, when, before and after, and its hash chain detects an altered entry; writes survive a
// reopen and concurrent writers on distinct pledges lose nothing.
#include <gtest/gtest.h>

#include <algorithm>
#include <functional>
#include <map>
#include <thread>

#include "guarantor/io/record_codec.hpp"
#include "guarantor/store/workspace.hpp"
#include "imported_workspace.hpp"

namespace guarantor::store {
namespace {

std::string fmt_id(int writer, int pledge) { return "TEST-W" + std::to_string(writer) + "-" + std::to_string(pledge); }

class PledgeWrites : public testing::ImportedWorkspace {
protected:
  model::Pledge new_pledge(const std::string& id) const {
    model::Pledge pledge = workspace_->pledges().front().value;
    pledge.id = id;
    pledge.quantity = 1;
    return pledge;
  }
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
  workspace_->import_scenario(testing::default_manifest(), testing::default_load_options(), "import");
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

// What a reader holding the pledges in memory is told to re-read: only the pledges replaced in
// place since its revision, or everything after a create, a delete or a sharing change; writes
// to entities that hold no pledge data leave it nothing to do.
TEST_P(PledgeWrites, ChangesSinceARevisionNameOnlyThePledgesReplacedInPlace) {
  const auto all = workspace_->pledge_changes_since(-1);
  ASSERT_TRUE(all.complete);
  EXPECT_EQ(all.pledges.size(), workspace_->pledges().size());
  EXPECT_EQ(all.nations.size(), workspace_->nations().size());
  EXPECT_EQ(all.revision, workspace_->history_head().first);
  const auto none = workspace_->pledge_changes_since(all.revision);
  EXPECT_FALSE(none.complete);
  EXPECT_TRUE(none.pledges.empty());
  EXPECT_EQ(none.revision, all.revision);

  // Two updates of one pledge and one of another, and a write elsewhere (an API token).
  auto first = all.pledges.at(0).value;
  auto second = all.pledges.at(1).value;
  first.quantity += 5;
  workspace_->update_pledge(first, std::nullopt, "liaison");
  first.quantity += 1;
  workspace_->update_pledge(first, std::nullopt, "liaison");
  second.readiness_days += 3;
  workspace_->update_pledge(second, std::nullopt, "liaison");
  workspace_->create_user("someone", Role::Planner, "", "a long enough password", "secretariat");
  const auto replaced = workspace_->pledge_changes_since(all.revision);
  EXPECT_FALSE(replaced.complete);
  EXPECT_EQ(replaced.revision, all.revision + 4);
  ASSERT_EQ(replaced.pledges.size(), 2u);
  std::map<std::string, PledgeRecord> by_id;
  for (const auto& record : replaced.pledges) by_id.emplace(record.value.id, record);
  ASSERT_TRUE(by_id.contains(first.id) && by_id.contains(second.id));
  EXPECT_EQ(by_id.at(first.id).value.quantity, first.quantity);
  EXPECT_EQ(by_id.at(first.id).version, all.pledges.at(0).version + 2);
  EXPECT_EQ(by_id.at(second.id).value.readiness_days, second.readiness_days);
  EXPECT_TRUE(replaced.nations.empty());

  // A create, a delete or a sharing level changes the list or what may be seen: everything.
  const auto complete_after = [&](const std::function<void()>& write) {
    const auto before = workspace_->pledge_changes_since(-1).revision;
    write();
    auto changes = workspace_->pledge_changes_since(before);
    EXPECT_TRUE(changes.complete);
    EXPECT_EQ(changes.pledges.size(), workspace_->pledges().size());
    return changes;
  };
  const auto created = complete_after([&] { workspace_->create_pledge(new_pledge("TEST-NEW"), "liaison"); });
  EXPECT_TRUE(std::any_of(created.pledges.begin(), created.pledges.end(),
                          [](const auto& r) { return r.value.id == "TEST-NEW"; }));
  const auto deleted = complete_after([&] { workspace_->delete_pledge("TEST-NEW", std::nullopt, "liaison"); });
  EXPECT_TRUE(std::none_of(deleted.pledges.begin(), deleted.pledges.end(),
                           [](const auto& r) { return r.value.id == "TEST-NEW"; }));
  const auto shared =
      complete_after([&] { workspace_->set_sharing("DE", SharingLevel::Aggregate, std::nullopt, "liaison.de"); });
  const auto de =
      std::find_if(shared.nations.begin(), shared.nations.end(), [](const auto& r) { return r.nation.iso2 == "DE"; });
  ASSERT_NE(de, shared.nations.end());
  EXPECT_EQ(de->sharing, SharingLevel::Aggregate);
  // A revision this history does not have (a database restored from an older copy): everything.
  EXPECT_TRUE(workspace_->pledge_changes_since(shared.revision + 10).complete);
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
