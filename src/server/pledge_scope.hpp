#pragma once
// What of a pledge a caller may see: every path that returns pledge data (list, one pledge,
// history) goes through here, so a restricted pledge cannot leak by another route.
#include "api.hpp"
#include "guarantor/force/disclosure.hpp"

namespace guarantor::server {

enum class Visibility { Full, CapabilityOnly, Hidden };
std::string_view to_string(Visibility visibility);

/// Secretariat and planners see everything; a liaison sees its own nation's pledges in full;
/// a liaison of another nation and the host nation see what the owning nation shares.
Visibility visibility_of(const store::User& viewer, const std::string& pledge_nation, store::SharingLevel sharing);

/// True for the roles that read the gap board and its reasons in full (secretariat, planner,
/// host nation: docs/workspace.md, "The gap board as shared").
bool reads_full_gap_board(const store::User& viewer);

/// How much of each nation's pledges `viewer` sees on the gap board: visibility_of in
/// force::disclose's terms (a hidden pledge is summed with the other aggregate nations').
std::function<force::Disclosure(const std::string& nation)> disclosure_for(
    const store::User& viewer, const std::map<std::string, store::SharingLevel>& levels);

/// What visibility_of depends on besides the pledge: equal keys see every pledge alike, so a
/// cached answer is shared only between callers of one key ("liaison:FR", "host_nation:").
std::string scope_key(const store::User& viewer);

/// A read of pledges answered from the server's pledge table, brought up to date for it.
using PledgeRead = std::function<Reply(Context&, const PledgeTable::Snapshot&)>;

/// Wraps a read of pledges: it gets the pledge table as of the workspace's latest revision, and
/// its 200 answers are kept in the server's response cache, keyed by path, query, the caller's
/// scope_key and that revision.
Handler cached_by_scope(PledgeRead read);

/// The pledge JSON cut to what `visibility` allows (null for Hidden).
json pledge_view(const json& pledge, Visibility visibility);

/// Sharing levels by nation, read once per request.
std::map<std::string, store::SharingLevel> sharing_levels(store::Workspace& workspace);

/// limit/offset from the query string: limit 1-1000 (default 100), offset >= 0.
std::pair<std::size_t, std::size_t> page_of(const httplib::Request& request);

}  // namespace guarantor::server
