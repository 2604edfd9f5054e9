// Group commit: writes that arrive while the database's write lock is held elsewhere queue and
// are committed together in one transaction, each under its own savepoint. A write that fails
// (a stale version, a failing statement) rolls back alone while the rest of its group is stored;
// writes of one group are applied and versioned in arrival order; and what was acknowledged is
// there after the workspace is reopened. Both back ends.
#include <gtest/gtest.h>

#include <algorithm>
#include <atomic>
#include <chrono>
#include <memory>
#include <set>
#include <thread>

#include <fmt/format.h>
#include <sqlite3.h>
#include <pqxx/pqxx>

#include "guarantor/store/workspace.hpp"
#include "imported_workspace.hpp"

namespace guarantor::store {
namespace {

// Holds the workspace database's write lock from outside the workspace (as another process's
// writer would), so that the workspace's writers queue until release().
class ForeignWriteLock {
public:
  explicit ForeignWriteLock(const testing::TestDatabase& database) : backend_(database.backend()) {
    if (backend_ == testing::Backend::Postgresql) {
      session_ = std::make_unique<pqxx::connection>(database.location());
      // The key the workspace's writers take (postgresql.cpp, begin_write), held by this session.
      pqxx::nontransaction(*session_).exec("SELECT pg_advisory_lock(hashtext(current_schema()))");
      return;
    }
    if (sqlite3_open(database.location().c_str(), &handle_) != SQLITE_OK ||
        sqlite3_exec(handle_, "BEGIN IMMEDIATE", nullptr, nullptr, nullptr) != SQLITE_OK)
      throw std::runtime_error("cannot take the SQLite write lock of " + database.location());
  }
  ~ForeignWriteLock() {
    release();
    if (handle_ != nullptr) sqlite3_close(handle_);
  }
  ForeignWriteLock(const ForeignWriteLock&) = delete;
  ForeignWriteLock& operator=(const ForeignWriteLock&) = delete;
  void release() {
    if (released_) return;
    released_ = true;
    if (session_) pqxx::nontransaction(*session_).exec("SELECT pg_advisory_unlock(hashtext(current_schema()))");
    else sqlite3_exec(handle_, "ROLLBACK", nullptr, nullptr, nullptr);
  }

private:
  testing::Backend backend_;
  std::unique_ptr<pqxx::connection> session_;
  sqlite3* handle_ = nullptr;
  bool released_ = false;
};

class WriteGroupsTest : public testing::ImportedWorkspace {
protected:
  // Runs `writes` on threads of their own while the write lock is held elsewhere; releases it
  // once every write has been handed to the workspace (none can finish before), then joins.
  void run_queued(const std::vector<std::function<void()>>& writes) {
    const auto before = workspace_->write_statistics();
    ForeignWriteLock lock(*db_);
    std::vector<std::thread> threads;
    threads.reserve(writes.size());
    for (const auto& write : writes) threads.emplace_back(write);
    // The writes are observed arriving, not waited for on a clock (the deadline only ends a
    // broken run).
    const auto deadline = std::chrono::steady_clock::now() + std::chrono::minutes(2);
    while (workspace_->write_statistics().pending < static_cast<std::int64_t>(writes.size()) &&
           std::chrono::steady_clock::now() < deadline)
      std::this_thread::yield();
    EXPECT_EQ(workspace_->write_statistics().writes, before.writes) << "a write finished while the lock was held";
    lock.release();
    for (auto& thread : threads) thread.join();
  }

  model::Pledge grouped_pledge(const std::string& id) const {
    model::Pledge pledge = workspace_->pledges().front().value;
    pledge.id = id;
    pledge.quantity = 1;
    return pledge;
  }
};

TEST_P(WriteGroupsTest, ConcurrentWritersShareTransactionsAndEveryWriteIsStored) {
  constexpr int WRITERS = 12;
  const auto before = workspace_->write_statistics();
  const auto pledge_entries = workspace_->history("pledge", "").size();
  std::vector<std::function<void()>> writes;
  writes.reserve(WRITERS);
  for (int w = 0; w < WRITERS; ++w)
    writes.emplace_back([this, w] { workspace_->create_pledge(grouped_pledge(fmt::format("GROUP-{}", w)), "writer"); });
  run_queued(writes);
  const auto after = workspace_->write_statistics();
  EXPECT_EQ(after.writes - before.writes, WRITERS);
  EXPECT_EQ(after.pending, 0);
  // The first writer's group began before the others arrived; the rest wait and go together.
  EXPECT_LE(after.groups - before.groups, 2);
  EXPECT_GE(after.largest_group, WRITERS / 2);
  for (int w = 0; w < WRITERS; ++w) EXPECT_TRUE(workspace_->pledge(fmt::format("GROUP-{}", w)).has_value()) << w;
  EXPECT_EQ(workspace_->history("pledge", "").size(), pledge_entries + WRITERS);
  EXPECT_GT(workspace_->verify_history(), WRITERS);
}

// A stale version, an unknown nation and a statement the database refuses (a quantity its
// CHECK forbids, after the update had already deleted the old row) fail alone; the group's
// other writes, before and after them, are stored.
TEST_P(WriteGroupsTest, AFailingWriteRollsBackAloneAndTheRestOfItsGroupIsStored) {
  const auto pledges = workspace_->pledges();
  ASSERT_GE(pledges.size(), 3u);
  const PledgeRecord& kept = pledges.at(0);
  const PledgeRecord& refused = pledges.at(1);
  const PledgeRecord& stale = pledges.at(2);
  const auto history_before = workspace_->verify_history();
  const auto refused_history = workspace_->history("pledge", refused.value.id).size();

  std::atomic<int> stored = 0;
  std::atomic<int> conflicts = 0;
  std::atomic<int> not_found = 0;
  std::atomic<int> database_errors = 0;
  std::vector<std::function<void()>> writes;
  writes.reserve(7);
  for (int w = 0; w < 3; ++w) {
    writes.emplace_back([&, w] {
      workspace_->create_pledge(grouped_pledge(fmt::format("GROUP-OK-{}", w)), "writer");
      ++stored;
    });
  }
  writes.emplace_back([&] {
    auto value = kept.value;
    value.readiness_days = kept.value.readiness_days + 7;
    workspace_->update_pledge(value, kept.version, "writer");
    ++stored;
  });
  writes.emplace_back([&] {
    auto value = refused.value;
    value.quantity = 0;
    try {
      workspace_->update_pledge(value, refused.version, "writer");
    } catch (const Error& error) {
      EXPECT_EQ(error.code(), ErrorCode::OutputFailed) << error.what();
      ++database_errors;
    }
  });
  writes.emplace_back([&] {
    auto value = stale.value;
    value.readiness_days = 1;
    try {
      workspace_->update_pledge(value, stale.version + 5, "writer");
    } catch (const VersionConflict& conflict) {
      EXPECT_EQ(conflict.current_version(), stale.version);
      ++conflicts;
    }
  });
  writes.emplace_back([&] {
    auto orphan = grouped_pledge("GROUP-ORPHAN");
    orphan.nation = "ZZ";
    try {
      workspace_->create_pledge(orphan, "writer");
    } catch (const NotFound&) {
      ++not_found;
    }
  });
  run_queued(writes);

  EXPECT_EQ(stored, 4);
  EXPECT_EQ(database_errors, 1);
  EXPECT_EQ(conflicts, 1);
  EXPECT_EQ(not_found, 1);
  for (int w = 0; w < 3; ++w) EXPECT_TRUE(workspace_->pledge(fmt::format("GROUP-OK-{}", w)).has_value()) << w;
  EXPECT_EQ(workspace_->pledge(kept.value.id)->value.readiness_days, kept.value.readiness_days + 7);
  // The refused update's delete was undone with it: the pledge is there, as it was.
  const auto after_refused = workspace_->pledge(refused.value.id);
  ASSERT_TRUE(after_refused.has_value());
  EXPECT_EQ(after_refused->version, refused.version);
  EXPECT_EQ(after_refused->value.quantity, refused.value.quantity);
  EXPECT_EQ(workspace_->pledge(stale.value.id)->version, stale.version);
  EXPECT_FALSE(workspace_->pledge("GROUP-ORPHAN").has_value());
  // Only the four stored writes are in the history, and its chain holds.
  EXPECT_EQ(workspace_->verify_history(), history_before + 4);
  EXPECT_EQ(workspace_->history("pledge", refused.value.id).size(), refused_history);
}

// Writers of one pledge in one group see each other's writes in arrival order: all naming the
// version they read, the first wins and the others conflict with its version; without a version,
// each gets the next one and the history chains one write's after into the next one's before.
TEST_P(WriteGroupsTest, WritesOfOneGroupAreVersionedAndRecordedInArrivalOrder) {
  constexpr int WRITERS = 6;
  const PledgeRecord start = workspace_->pledges().front();
  const auto earlier_entries = workspace_->history("pledge", start.value.id).size();
  std::atomic<int> won = 0;
  std::atomic<int> conflicted = 0;
  std::vector<std::function<void()>> named;
  named.reserve(WRITERS);
  for (int w = 0; w < WRITERS; ++w) {
    named.emplace_back([&, w] {
      auto value = start.value;
      value.readiness_days = 100 + w;
      try {
        EXPECT_EQ(workspace_->update_pledge(value, start.version, "writer").version, start.version + 1);
        ++won;
      } catch (const VersionConflict& conflict) {
        EXPECT_EQ(conflict.current_version(), start.version + 1);
        ++conflicted;
      }
    });
  }
  run_queued(named);
  EXPECT_EQ(won, 1);
  EXPECT_EQ(conflicted, WRITERS - 1);
  EXPECT_EQ(workspace_->pledge(start.value.id)->version, start.version + 1);

  std::mutex versions_mutex;
  std::set<std::int64_t> versions;
  std::vector<std::function<void()>> unnamed;
  unnamed.reserve(WRITERS);
  for (int w = 0; w < WRITERS; ++w) {
    unnamed.emplace_back([&, w] {
      auto value = start.value;
      value.readiness_days = 200 + w;
      const auto version = workspace_->update_pledge(value, std::nullopt, "writer").version;
      std::lock_guard lock(versions_mutex);
      versions.insert(version);
    });
  }
  run_queued(unnamed);
  ASSERT_EQ(versions.size(), static_cast<std::size_t>(WRITERS));
  EXPECT_EQ(*versions.begin(), start.version + 2);
  EXPECT_EQ(*versions.rbegin(), start.version + 1 + WRITERS);
  const auto history = workspace_->history("pledge", start.value.id);
  // The import's entry (if any), the named write that won, then the unnamed ones in order.
  ASSERT_EQ(history.size(), earlier_entries + 1 + WRITERS);
  for (std::size_t entry = earlier_entries + 1; entry < history.size(); ++entry) {
    EXPECT_LT(history[entry - 1].seq, history[entry].seq);
    EXPECT_EQ(history[entry].before, history[entry - 1].after) << "entry " << entry;
  }
  EXPECT_EQ(workspace_->pledge(start.value.id)->value.readiness_days, history.back().after.at("readiness_days"));
  EXPECT_GT(workspace_->verify_history(), 0);
}

// Sharing levels and requirement lines go through the same groups; what each caller was told
// is stored is there after the workspace is closed and opened again.
TEST_P(WriteGroupsTest, AcknowledgedGroupedWritesArePresentAfterReopen) {
  const auto line = workspace_->requirement_lines().front();
  std::vector<std::function<void()>> writes;
  writes.emplace_back([this] { workspace_->set_sharing("DE", SharingLevel::Aggregate, std::nullopt, "liaison.de"); });
  writes.emplace_back(
      [this] { workspace_->set_sharing("FR", SharingLevel::CapabilityOnly, std::nullopt, "liaison.fr"); });
  writes.emplace_back([this, &line] {
    auto value = line.value;
    value.priority = line.value.priority + 1;
    EXPECT_EQ(workspace_->update_requirement_line(value, line.version, "planner").version, line.version + 1);
  });
  for (int w = 0; w < 4; ++w)
    writes.emplace_back([this, w] { workspace_->create_pledge(grouped_pledge(fmt::format("GROUP-KEPT-{}", w)), "w"); });
  run_queued(writes);
  EXPECT_EQ(workspace_->write_statistics().pending, 0);
  workspace_.reset();

  Workspace reopened(db_->location(), testing::fixed_clock);
  EXPECT_EQ(reopened.nation("DE")->sharing, SharingLevel::Aggregate);
  EXPECT_EQ(reopened.nation("FR")->sharing, SharingLevel::CapabilityOnly);
  EXPECT_EQ(reopened.requirement_line(line.value.id)->value.priority, line.value.priority + 1);
  for (int w = 0; w < 4; ++w) EXPECT_TRUE(reopened.pledge(fmt::format("GROUP-KEPT-{}", w)).has_value()) << w;
  EXPECT_EQ(reopened.write_statistics().writes, 0) << "counts start with each opened workspace";
  EXPECT_GT(reopened.verify_history(), 7);
}

// A nation's record, a new requirement line and a deleted one go through the same groups, with
// a duplicate line among them that fails alone; each is stored with its history entry and is
// there after the workspace is opened again.
TEST_P(WriteGroupsTest, NationRecordsAndCreatedOrDeletedLinesShareTheGroups) {
  const auto lines = workspace_->requirement_lines();
  ASSERT_GE(lines.size(), 2U);
  const auto removed = lines.back();
  auto added = lines.front().value;
  added.id = "R-GROUPED-1";
  auto nation = workspace_->nation("PL");
  ASSERT_TRUE(nation.has_value());
  auto renamed = nation->nation;
  renamed.name = "Republic of Poland";
  const auto history_before = workspace_->history().size();
  std::atomic<int> duplicates = 0;
  std::vector<std::function<void()>> writes;
  writes.reserve(4);
  writes.emplace_back([&] {
    EXPECT_EQ(workspace_->update_nation(renamed, nation->version, "secretariat").version, nation->version + 1);
  });
  writes.emplace_back([&] { EXPECT_EQ(workspace_->create_requirement_line(added, "planner").version, 1); });
  writes.emplace_back([&] {
    try {
      workspace_->create_requirement_line(lines.front().value, "planner");
    } catch (const Error& error) {
      if (error.code() == ErrorCode::Consistency) ++duplicates;
    }
  });
  writes.emplace_back([&] { workspace_->delete_requirement_line(removed.value.id, removed.version, "planner"); });
  run_queued(writes);
  EXPECT_EQ(duplicates, 1);
  workspace_.reset();

  Workspace reopened(db_->location(), testing::fixed_clock);
  EXPECT_EQ(reopened.nation("PL")->nation.name, "Republic of Poland");
  EXPECT_EQ(reopened.nation("PL")->sharing, nation->sharing);
  ASSERT_TRUE(reopened.requirement_line("R-GROUPED-1").has_value());
  EXPECT_EQ(reopened.requirement_lines().back().value.id, "R-GROUPED-1") << "a new line comes after the others";
  EXPECT_FALSE(reopened.requirement_line(removed.value.id).has_value());
  EXPECT_EQ(reopened.requirement_lines().size(), lines.size());
  const auto history = reopened.history();
  ASSERT_EQ(history.size(), history_before + 3);
  EXPECT_EQ(reopened.history("nation", "PL").back().before.at("name"), nation->nation.name);
  EXPECT_EQ(reopened.history("requirement_line", removed.value.id).back().action, "delete");
  EXPECT_EQ(reopened.verify_history(), static_cast<std::int64_t>(history_before + 3));
  EXPECT_THROW(reopened.delete_requirement_line(removed.value.id, std::nullopt, "planner"), NotFound);
  EXPECT_THROW(reopened.update_nation(renamed, nation->version, "secretariat"), VersionConflict);
}

// Every other kind of audited write queues in the same groups as the pledge writes: a site's
// status, a site comment, a week, a user, a report file, a job's status and a re-import, with an
// illegal site move among them that fails alone. All are counted, go in at most two groups, and
// are stored with their history.
TEST_P(WriteGroupsTest, SitesWeeksUsersJobsReportsAndImportsShareTheGroups) {
  const auto before = workspace_->write_statistics();
  const auto history_before = workspace_->history().size();
  std::atomic<int> illegal_moves = 0;
  const nlohmann::json job = {{"id", "job-grouped"}, {"kind", "plan"}, {"state", "queued"}, {"revision", 1}};
  std::vector<std::function<void()>> writes;
  writes.reserve(7);
  writes.emplace_back([this] {
    workspace_->set_site_status("site.grouped", model::SiteNegotiation::Surveyed, "PL", "surveyed", 0, "host");
  });
  writes.emplace_back([this, &illegal_moves] {
    try {
      workspace_->set_site_status("site.refused", model::SiteNegotiation::Agreed, "", "", 0, "host");
    } catch (const Error& error) {
      if (error.code() == ErrorCode::Consistency) ++illegal_moves;
    }
  });
  writes.emplace_back([this] { workspace_->add_site_comment("site.commented", "rail siding checked", "host"); });
  writes.emplace_back([this] { workspace_->open_week("2026-03-02", "secretariat"); });
  writes.emplace_back([this] {
    workspace_->create_user("grouped.planner", Role::Planner, "", "a long grouped password", "secretariat");
  });
  writes.emplace_back([this] { workspace_->add_report_file("reports.csv", "csv", "date,event\n", 1, 0, "monitor"); });
  writes.emplace_back([this, &job] { workspace_->record_job(job); });
  writes.emplace_back(
      [this] { workspace_->import_scenario(testing::default_manifest(), testing::default_load_options(), "import"); });
  run_queued(writes);

  const auto after = workspace_->write_statistics();
  EXPECT_EQ(after.writes - before.writes, static_cast<std::int64_t>(writes.size()));
  EXPECT_EQ(after.pending, 0);
  EXPECT_LE(after.groups - before.groups, 2);
  EXPECT_EQ(illegal_moves, 1);
  EXPECT_EQ(workspace_->site_negotiation("site.grouped").status, model::SiteNegotiation::Surveyed);
  EXPECT_EQ(workspace_->site_negotiation("site.refused").version, 0) << "the illegal move changed the site";
  EXPECT_EQ(workspace_->site_comments("site.commented").size(), 1U);
  ASSERT_EQ(workspace_->weeks().size(), 1U);
  EXPECT_EQ(workspace_->weeks().front().starts_on, "2026-03-02");
  const auto users = workspace_->users();
  EXPECT_TRUE(std::any_of(users.begin(), users.end(), [](const User& user) { return user.name == "grouped.planner"; }));
  EXPECT_EQ(workspace_->report_files().size(), 1U);
  ASSERT_TRUE(workspace_->job_record("job-grouped").has_value());
  EXPECT_EQ(workspace_->job_record("job-grouped")->at("state"), "queued");
  // One entry each for the site, the comment, the week, the user, the report file and the
  // import (the same files again: only its own entry); jobs and the refused move record none.
  EXPECT_EQ(workspace_->history().size(), history_before + 6);
  EXPECT_EQ(workspace_->verify_history(), static_cast<std::int64_t>(history_before + 6));
  EXPECT_FALSE(workspace_->pledges().empty());
}

// Publishing a plan version and a findings version, and marking a start's unfinished jobs
// interrupted, queue in the same groups as a pledge write; publishing a version twice fails alone.
// Each publication and the pledge are recorded once, and the chain verifies.
TEST_P(WriteGroupsTest, PublicationsAndInterruptedJobsShareTheGroups) {
  const auto plan = workspace_->store_plan_version(R"({"assignments":[]})", nlohmann::json::object(), PlanHeadline{},
                                                   "job-plan", "planner");
  const auto findings = workspace_->store_findings_version(R"({"findings":[]})", nlohmann::json::object(),
                                                           nlohmann::json::object(), "job-verify", "monitor");
  workspace_->record_job({{"id", "job-left-running"}, {"kind", "plan"}, {"state", "running"}, {"revision", 2}});
  const auto before = workspace_->write_statistics();
  const auto history_before = workspace_->history().size();
  std::atomic<int> published_twice = 0;
  std::atomic<int> interrupted = -1;
  std::vector<std::function<void()>> writes;
  writes.reserve(5);
  writes.emplace_back([this, &plan] { workspace_->publish_plan_version(plan.id, "secretariat"); });
  writes.emplace_back([this, &findings] { workspace_->publish_findings_version(findings.id, "secretariat"); });
  writes.emplace_back([this, &interrupted] { interrupted = workspace_->interrupt_unfinished_jobs(); });
  writes.emplace_back([this] { workspace_->create_pledge(grouped_pledge("GROUP-PUBLISHED"), "writer"); });
  run_queued(writes);
  try {
    workspace_->publish_plan_version(plan.id, "secretariat");
  } catch (const Error& error) {
    if (error.code() == ErrorCode::Consistency) ++published_twice;
  }

  const auto after = workspace_->write_statistics();
  EXPECT_EQ(after.writes - before.writes, static_cast<std::int64_t>(writes.size()) + 1);
  EXPECT_LE(after.groups - before.groups, 3) << "the queued writes took more than two groups";
  EXPECT_EQ(published_twice, 1);
  EXPECT_TRUE(workspace_->plan_version(plan.id)->published());
  EXPECT_EQ(workspace_->plan_version(plan.id)->published_by, "secretariat");
  EXPECT_TRUE(workspace_->findings_version(findings.id)->published());
  EXPECT_EQ(interrupted, 1);
  EXPECT_EQ(workspace_->job_record("job-left-running")->at("state"), "interrupted");
  EXPECT_EQ(workspace_->job_record("job-left-running")->at("revision"), 3);
  EXPECT_TRUE(workspace_->pledge("GROUP-PUBLISHED").has_value());
  EXPECT_EQ(workspace_->history("plan_version", std::to_string(plan.id)).back().action, "publish");
  EXPECT_EQ(workspace_->history().size(), history_before + 3);
  EXPECT_EQ(workspace_->verify_history(), static_cast<std::int64_t>(history_before + 3));
}

INSTANTIATE_TEST_SUITE_P(Backends, WriteGroupsTest, testing::all_backends(), testing::backend_param_name);

}  // namespace
}  // namespace guarantor::store
