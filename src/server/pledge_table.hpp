#pragma once
// The workspace's pledges held in memory, each already encoded as JSON in the views a caller may
// get, as of one history revision. The two hot reads (the pledge list and one pledge) answer from
// it; before each use it is brought up to the database's revision, re-reading only the pledges
// replaced since (Workspace::pledge_changes_since), so a write costs the next reader one pledge,
// not the whole list, and a write from another process is seen as soon as it is committed.
#include <cstdint>
#include <map>
#include <memory>
#include <mutex>
#include <string>
#include <unordered_map>
#include <vector>

#include "guarantor/store/workspace.hpp"

namespace guarantor::server {

class PledgeTable {
public:
  /// One pledge with its JSON: whole, and cut to what a capability-only nation shares.
  struct Row {
    store::PledgeRecord record;
    std::string full_json;
    std::string capability_json;
  };

  /// The pledges in list order and the nations' sharing levels, all as of `revision`.
  struct Snapshot {
    std::int64_t revision = -1;
    std::vector<std::shared_ptr<const Row>> rows;
    std::unordered_map<std::string, std::size_t> index_of;  ///< pledge id -> position in `rows`
    std::map<std::string, store::SharingLevel> sharing;     ///< by nation; a nation not listed shares fully

    /// The row of pledge `id`, or null.
    [[nodiscard]] const Row* find(const std::string& id) const;
    [[nodiscard]] store::SharingLevel sharing_of(const std::string& nation) const;
  };

  /// The pledges as of the workspace's latest revision. Throws the store's Error.
  [[nodiscard]] std::shared_ptr<const Snapshot> current(const store::Workspace& workspace);

private:
  std::mutex mutex_;  ///< guards `held_` only; snapshots themselves are never changed once made
  std::shared_ptr<const Snapshot> held_;
};

}  // namespace guarantor::server
