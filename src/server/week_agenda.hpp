#pragma once
// The weekly cycle's content, computed from the workspace: a week's agenda (unmet lines, new or
// lifted caveats, pledges expiring, sites awaiting decision, findings published, decisions due), the
// snapshot frozen when a week closes, the comparison with the last closed week, and the one
// cut that removes what a caller may not see of other nations' pledges.
#include "api.hpp"

namespace guarantor::server {

/// An open week as it stands now: its agenda, and the snapshot that closing it would freeze.
struct WeekState {
  /// Unmet lines, new or lifted caveats, pledges expiring, sites awaiting decision, findings
  /// published, decisions due.
  json agenda;
  /// Every pledge, the latest published plan version, the gap board's counts, the findings
  /// versions published by then and the agenda as it stood.
  json snapshot;
};

/// The state of `week`, computed from the workspace. `previous` is the snapshot of the last week
/// closed before it (null when there is none): caveat changes are counted against it. The unmet
/// lines' reasons are the full gap board's, or with `viewer` the board as that viewer reads it (a
/// liaison's cut by the nations' sharing `levels`); everything else is in full until
/// cut_for_viewer, and the snapshot's gap counts are the full board's either way.
WeekState build_week_state(Server::Impl& server, const store::WeekRecord& week, const json& previous,
                           const store::User* viewer = nullptr,
                           const std::map<std::string, store::SharingLevel>& levels = {});

/// Pledges added, withdrawn and changed, plan headline and gap counts, from `before` (a
/// snapshot) to `after` (a snapshot, or an open week's from build_week_state).
json compare_snapshots(const json& before, const json& after);

/// The agenda or comparison cut to the caller: items about a pledge the caller may not see in
/// full are removed (and counted in "withheld"); gap reasons are kept for the roles that read
/// the gap board in full, and for a liaison when `reasons_cut_for_viewer` (the agenda was built
/// for it); removed for everyone else.
json cut_for_viewer(json content, const store::User& viewer, const std::map<std::string, store::SharingLevel>& levels,
                    bool reasons_cut_for_viewer);

}  // namespace guarantor::server
