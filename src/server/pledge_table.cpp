#include "pledge_table.hpp"

#include "guarantor/io/record_codec.hpp"
#include "pledge_scope.hpp"

namespace guarantor::server {

namespace {
std::shared_ptr<const PledgeTable::Row> row_of(store::PledgeRecord record) {
  const json full = io::encode_pledge(record.value);
  return std::make_shared<const PledgeTable::Row>(
      PledgeTable::Row{std::move(record), full.dump(), pledge_view(full, Visibility::CapabilityOnly).dump()});
}

std::shared_ptr<PledgeTable::Snapshot> complete_snapshot(store::PledgeChanges& changes) {
  auto made = std::make_shared<PledgeTable::Snapshot>();
  made->revision = changes.revision;
  for (auto& record : changes.pledges) {
    made->index_of[record.value.id] = made->rows.size();
    made->rows.push_back(row_of(std::move(record)));
  }
  for (const auto& record : changes.nations) made->sharing[record.nation.iso2] = record.sharing;
  return made;
}
}  // namespace

const PledgeTable::Row* PledgeTable::Snapshot::find(const std::string& id) const {
  const auto found = index_of.find(id);
  return found == index_of.end() ? nullptr : rows[found->second].get();
}

store::SharingLevel PledgeTable::Snapshot::sharing_of(const std::string& nation) const {
  const auto found = sharing.find(nation);
  return found == sharing.end() ? store::SharingLevel::Full : found->second;
}

std::shared_ptr<const PledgeTable::Snapshot> PledgeTable::current(const store::Workspace& workspace) {
  std::shared_ptr<const Snapshot> held;
  {
    std::lock_guard lock(mutex_);
    held = held_;
  }
  auto changes = workspace.pledge_changes_since(held ? held->revision : -1);
  if (held && !changes.complete && changes.revision == held->revision) return held;
  std::shared_ptr<Snapshot> made;
  if (changes.complete || !held) {
    if (!changes.complete) changes = workspace.pledge_changes_since(-1);
    made = complete_snapshot(changes);
  } else {
    // Replaced in place: the other rows are shared with the snapshot held, not copied.
    made = std::make_shared<Snapshot>(*held);
    made->revision = changes.revision;
    for (auto& record : changes.pledges) {
      const auto at = made->index_of.find(record.value.id);
      if (at == made->index_of.end()) {
        // Not in the snapshot held: the store would have said complete; read everything.
        changes = workspace.pledge_changes_since(-1);
        made = complete_snapshot(changes);
        break;
      }
      made->rows[at->second] = row_of(std::move(record));
    }
  }
  std::lock_guard lock(mutex_);
  // Readers finishing out of order keep the newest snapshot.
  if (!held_ || held_->revision <= made->revision) held_ = made;
  return made;
}

}  // namespace guarantor::server
