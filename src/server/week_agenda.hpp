#pragma once
// The weekly cycle's content, computed from the workspace: a week's agenda (unmet lines, new or
// lifted caveats, pledges expiring, sites awaiting decision, findings published, decisions due), the
// snapshot frozen when a week closes, the comparison with the last closed week, and the one
// cut that removes what a caller may not see of other nations' pledges.
#include "api.hpp"

namespace guarantor::server {

/// The agenda of `week` in full. `previous` is the snapshot of the last week closed before it
/// (null when there is none): caveat changes are counted against it.
json build_agenda(Server::Impl& server, const store::WeekRecord& week, const json& previous);

/// What a closing week freezes: every pledge, the latest published plan version, the gap
/// board's counts, the findings versions published by then and the agenda as it stood.
json build_snapshot(Server::Impl& server, const store::WeekRecord& week, const json& agenda);

/// Pledges added, withdrawn and changed, plan headline and gap counts, from `before` (a
/// snapshot) to `after` (a snapshot, or the live state built by build_snapshot).
json compare_snapshots(const json& before, const json& after);

/// The agenda or comparison cut to the caller: items about a pledge the caller may not see in
/// full are removed (and counted in "withheld"), gap reasons kept only for gap-board readers.
json cut_for_viewer(json content, const store::User& viewer, const std::map<std::string, store::SharingLevel>& levels);

}  // namespace guarantor::server
