#pragma once
// A plan for the reassurance force: hubs, positions, which national unit fills which position,
// when it arrives, what sustaining it needs, what is missing and why, and the solver's figures
// for every stage. A plan is plain data: it can be written, read back and checked without the
// code that made it (planner::check_plan).
#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "guarantor/core/date.hpp"
#include "guarantor/force/figures.hpp"
#include "guarantor/geo/lon_lat.hpp"
#include "guarantor/model/mandate_types.hpp"
#include "guarantor/plan/solve_result.hpp"
#include "guarantor/planner/threat_axis.hpp"

namespace guarantor::planner {

/// The figures of one model a stage solved, when it solves more than one.
struct ModelFigures {
  std::string model;  ///< e.g. "p-median", "capacitated facility location"
  plan::SolveStats stats;
};

/// One stage's figures. `sense` is "min" or "max"; objective and bound are in `unit`.
struct StageReport {
  std::string stage;  ///< candidates | hubs | coverage | allocation | schedule | sustainment | gaps
  std::string sense = "min";
  std::string unit;                        ///< what the objective counts, e.g. "weighted km"
  plan::SolveStats stats;                  ///< objective, bound, relative gap, wall seconds, status, proof
  std::string method;                      ///< the model solved, e.g. "p-median (Lagrangian + CBC)"
  std::string note;                        ///< anything a reader needs to interpret the figures
  std::string choice;                      ///< which model's answer the stage kept and why; empty with one model
  std::vector<ModelFigures> alternatives;  ///< every model solved, the kept one included
};

/// A site that may host a hub or a unit, with the location class it counts as.
struct CandidateSite {
  std::string site_id;
  std::string name;
  std::string kind;  ///< model::SiteKind name: candidate_hub | airfield | port
  geo::LonLat position;
  std::string country;                                  ///< ISO 3166-1 alpha-2
  model::Location location = model::Location::Ukraine;  ///< ukraine | neighbouring_nato
  double capacity = 0.0;                                ///< in capacity_unit
  std::string capacity_unit;
  double standoff_km = 0.0;   ///< geodesic distance to the occupied area, km
  bool hub_eligible = false;  ///< kind listed in the posture's candidate_site_kinds, in the host
  std::string threat_axis;    ///< the nearest threat axis (threat_axes.json); "" when none recorded
  double threat_km = -1.0;    ///< distance to it, km; -1 = not recorded (older plans)
  /// Personnel the site holds: a candidate hub's capacity, an airfield's from hub_siting.json
  /// (besides its aircraft parking); 0 for other kinds; -1 = not recorded (older plans).
  double personnel_capacity = -1.0;
};

/// A site the posture rules exclude, with the rule that excludes it.
struct RejectedSite {
  std::string site_id;
  std::string reason;
};

/// An opened hub and the demand it serves (share of the hub stage's weight).
struct Hub {
  std::string site_id;
  geo::LonLat position;
  double demand_share = 0.0;      ///< share of the total demand weight nearest to this hub, [0, 1]
  double demand_personnel = 0.0;  ///< hub stage: demand_share x the mandate's hub personnel
  double load_personnel = 0.0;    ///< personnel of the units based at this hub
  double capacity_personnel = 0.0;
  std::string access_node;  ///< nearest entry node (border crossing into Ukraine); "" = not recorded
  double access_km = -1.0;  ///< geodesic km to it; -1 = not recorded (older plans)
};

/// A place in the plan a unit of a requirement line should take.
struct Position {
  std::string id;  ///< "<line id>#<n>", n from 1
  std::string line_id;
  std::string site_id;          ///< empty for lines served from outside the theatre
  geo::LonLat position;         ///< the site's position (or the unit's home when outside the theatre)
  double reach_km = 0.0;        ///< footprint radius (radius, or speed x response time); 0 = none
  double marginal_value = 0.0;  ///< demand weight this position adds, in the order placed
  int rank = 0;                 ///< 1 = most valuable position of its line
};

/// What a unit takes of its entry node's daily throughput on one day.
struct EntryUse {
  int day = 0;
  double amount = 0.0;  ///< personnel (border crossing), C-17 loads (airfield), unit-loads (port)
};

/// One national unit (a single unit of a pledge) given a position.
struct Assignment {
  std::string unit_id;  ///< "<pledge id>/<n>", n from 1
  std::string pledge_id;
  std::string nation;
  std::string capability;
  std::string line_id;
  std::string position_id;
  std::string site_id;
  std::string app6_sidc;
  int personnel = 0;
  double site_resource = 0.0;       ///< what it takes of its site's capacity (personnel, aircraft, berths)
  int phase_gate_day = 0;           ///< the line's phase opening day
  int ready_day = 0;                ///< gate + readiness days
  int arrival_day = 0;              ///< in place, after movement and entry-node queues
  int required_by_day = 0;          ///< gate + the line's required_by_day
  std::string entry_node;           ///< border crossing, airfield or port the unit enters by
  std::string route;                ///< how it moves, in words
  int entry_day = -1;               ///< day the last of it passed entry_node; -1 = not recorded (older plans)
  std::vector<EntryUse> entry_use;  ///< its share of the node's throughput by day; empty = no queue
  /// Where a rail move into Ukraine changes gauge, 1435 to 1520 mm (a transshipment terminal, or
  /// the crossing itself); empty for moves that do not cross the gauge break by rail.
  std::string transshipment;
  int transshipment_day = -1;               ///< day the last of it was transshipped; -1 = none
  std::vector<EntryUse> transshipment_use;  ///< personnel through the point by day
};

/// Why a unit stays home, judged on one line of its capability. Append only: the names appear
/// in plan.json.
enum class HomeCause {
  NoLine,           ///< no requirement line asks for the capability (line_id empty)
  NoPosition,       ///< the line placed no position: no admissible site had room
  LineFull,         ///< every position of the line the unit may take is filled
  BlockedByCaveat,  ///< a where or excluded-role caveat forbids the line
  WrongPhase,       ///< a when caveat: usable only from a later phase
  ConditionUnmet,   ///< a condition precedent the mandate does not meet
  TooLate,          ///< ready after the line's required-by day
  Expired,          ///< valid until a day before the line's phase opens
  NotItsSite,       ///< every position is at a site the pledge may not take (host support abroad, unnamed site)
  NotChosen,        ///< a position it may take was left empty (the assignment was not proven optimal)
  StraitsClosed,    ///< Montreux art. 19: a non-littoral warship on a Black Sea line while the Straits are closed
  StraitsTonnage,   ///< Montreux art. 18(1): non-littoral warships would exceed the aggregate tonnage
};

/// Stable lower-case name, e.g. "line_full".
std::string_view to_string(HomeCause cause);
std::optional<HomeCause> home_cause_from_string(std::string_view text);

/// One line's reason a unit stays home.
struct HomeReason {
  std::string line_id;  ///< empty for NoLine
  HomeCause cause = HomeCause::NoLine;
};

/// A unit the plan leaves at home, and why: one typed cause per line of its capability (the
/// checker re-derives each), and the same in words.
struct UnassignedUnit {
  std::string unit_id;
  std::string pledge_id;
  std::string capability;
  std::string reason;
  std::vector<HomeReason> causes;
};

/// Whether the plan meets a line. Append only: the names appear in plan.json.
enum class LineStatus {
  Met,      ///< every unit placed and assigned, coverage target reached, no unit late
  Partial,  ///< some unit assigned, but short in units, coverage or arrival
  Missing,  ///< no unit assigned
};

/// Stable lower-case name ("met", "partial", "missing").
std::string_view to_string(LineStatus status);
/// The status a name stands for, or nullopt.
std::optional<LineStatus> line_status_from_string(std::string_view text);

/// Why a line falls short. Append only: the names appear in plan.json.
enum class LineCause {
  NoPledge,           ///< no pledge offers the capability
  BlockedByCaveat,    ///< pledge_id: a where or excluded-role caveat forbids the line
  WrongPhase,         ///< pledge_id: usable only from a later phase
  ConditionUnmet,     ///< pledge_id: a condition precedent is not met
  TooLate,            ///< pledge_id: ready after the line's required-by day
  Expired,            ///< pledge_id: valid until before the phase opens
  ServingElsewhere,   ///< count: units of eligible pledges assigned to other lines
  EligibleShort,      ///< count: units of every eligible pledge, fewer than the line asks
  NoSiteRoom,         ///< count: positions placed, fewer than the line asks
  CoverageShort,      ///< the filled positions cover less than the target
  CoverAllNeedsMore,  ///< count: units a set covering needs to cover everything
  DemandOutOfReach,   ///< part of the demand lies beyond every admissible site's reach
  DesignShort,        ///< even every placed position filled stays below the target
  Late,               ///< count: units arriving after the required-by day
  StraitsClosed,      ///< pledge_id: Montreux art. 19 keeps its warships out of the Black Sea
  StraitsTonnage,     ///< pledge_id: its warships would exceed Montreux art. 18(1) aggregate tonnage
};

std::string_view to_string(LineCause cause);
std::optional<LineCause> line_cause_from_string(std::string_view text);

/// One typed reason a line falls short (the checker re-derives it); `reasons` says it in words.
struct LineReason {
  LineCause cause = LineCause::NoPledge;
  std::string pledge_id;  ///< the pledge concerned, for the blocking causes
  int count = 0;          ///< the number the cause states, where it states one
};

/// What a requirement line achieves in the plan.
struct LineResult {
  std::string line_id;
  std::string capability;
  model::Phase phase = model::Phase::Ceasefire;
  model::Location location = model::Location::Ukraine;
  int priority = 1;
  model::RequirementRole role = model::RequirementRole::Deterrence;
  int required = 0;    ///< units required
  int placed = 0;      ///< positions placed
  int filled = 0;      ///< positions with a unit
  int late = 0;        ///< units arriving after the required-by day
  std::string demand;  ///< coverage demand set, empty without a coverage target
  std::string filter;
  double target_fraction = 0.0;
  double demand_total = 0.0;      ///< total weight of the demand set
  double covered_design = 0.0;    ///< share covered if every placed position were filled
  double covered_fraction = 0.0;  ///< share covered by the filled positions (the claim)
  double design_bound = 0.0;      ///< max covering: best share any placement of `placed` reaches
  double design_gap = 0.0;        ///< relative gap of the design's covering solve
  int units_to_cover_all = -1;    ///< set covering: least units covering everything; -1 = n/a
  LineStatus status = LineStatus::Missing;
  std::vector<std::string> units;    ///< unit ids filling it
  std::vector<std::string> reasons;  ///< why the line is short; empty when met
  std::vector<LineReason> causes;    ///< the same reasons, typed, one per entry of `reasons`
};

/// Force in place on a day.
struct ClosurePoint {
  int day = 0;
  int units = 0;
  int personnel = 0;
};

/// Sustained presence under the rotation factor; each figure as defined once in
/// guarantor/force/figures.hpp (force::compute_figures), for the mandate's last phase.
struct RotationPool {
  int deployed_units = 0;
  force::ForceFigures figures;  ///< deployed = personnel of the assigned units
  std::string source;           ///< where the rotation factor comes from
};

/// How one site where units are is protected (force protection from the first arrival).
struct SiteProtection {
  std::string site_id;
  std::string name;
  bool forward = false;        ///< a forward operating site (monitors, deminers)
  int first_arrival_day = -1;  ///< the first unit in place there
  int personnel = 0;           ///< personnel of the units based there
  int air_defence_day = -1;    ///< first day an air-defence footprint covers it; -1 = never
  std::string air_defence_unit;
  int surgery_day = -1;          ///< first day surgery is reachable within the time limit; -1 = never
  double evacuation_hours = -1;  ///< fastest evacuation to surgery the plan ever offers; -1 = none
  std::string evacuation_mode;   ///< road | air (rotary-wing MEDEVAC) | "" (no surgical unit)
  std::string role2_unit;        ///< the surgical unit of the fastest evacuation
  int escort_day = -1;           ///< forward sites: first day a land unit's footprint covers it
  std::string escort_unit;
};

/// A force-protection requirement line measured over the sites where units are.
/// What a force-protection line measures at each site where units are. Append only: the names
/// appear in protection.json and plan.json.
enum class ProtectionKind {
  AirDefence,  ///< "air_defence": air and missile defence over the site from its first arrival
  Surgery,     ///< "surgery": surgery reachable within the time limit
  Escort,      ///< "escort": an escort for a forward site
};

/// "air_defence", "surgery" or "escort".
std::string_view to_string(ProtectionKind kind);
/// The kind a name stands for, or nullopt.
std::optional<ProtectionKind> protection_kind_from_string(std::string_view text);
/// The kind names, for messages.
inline constexpr std::string_view PROTECTION_KIND_NAMES = "air_defence, surgery, escort";

struct ProtectionLine {
  std::string id;  ///< e.g. "FP-AD"
  ProtectionKind kind = ProtectionKind::AirDefence;
  std::string title;
  std::string source;
  LineStatus status = LineStatus::Missing;  ///< met: every site covered; partial: some; missing: none
  int sites = 0;                  ///< sites the line applies to
  int covered = 0;                ///< sites covered from their first arrival on
  std::vector<std::string> gaps;  ///< one per site not covered from its first arrival, with the days
};

/// One input file of the plan.
struct InputFile {
  std::string role;
  std::string path;
  std::string sha256;
};

/// Where the plan comes from: version, inputs and the parameters used.
struct Provenance {
  std::string generator;  ///< "guarantor <version>"
  std::string scenario_name;
  std::optional<Date> as_of;  ///< the scenario's date ("" in plan.json when it states none)
  std::vector<InputFile> inputs;
  std::map<std::string, double> parameters;                   ///< flat key -> value of every planning number used
  std::map<std::string, std::vector<geo::LonLat>> polylines;  ///< dnipro_line, sea_lane as used
  double standoff_km = 0.0;                                   ///< the posture's standoff from the occupied area
  double rotation_factor = 0.0;                               ///< the rotation factor used
  std::uint64_t seed = 1;
  bool illustrative = false;
  std::vector<ThreatAxis> threat_axes;        ///< axes besides the occupied area, with bands
  std::vector<LineBasingFilter> line_basing;  ///< lines whose text restricts their basing
  /// Capability codes the posture rules name: forward, air_defence, escort, role2, medevac.
  std::map<std::string, std::vector<std::string>> capability_sets;
};

/// The whole plan.
struct Plan {
  std::string schema = "guarantor.plan/1";
  Provenance provenance;
  std::vector<StageReport> stages;
  std::vector<CandidateSite> candidates;
  std::vector<RejectedSite> rejected;
  std::vector<Hub> hubs;
  std::vector<Position> positions;
  std::vector<Assignment> assignments;
  std::vector<UnassignedUnit> unassigned;
  std::vector<LineResult> lines;
  std::vector<ClosurePoint> closure;
  RotationPool rotation;
  std::vector<SiteProtection> protection;        ///< sites in Ukraine where units are
  std::vector<ProtectionLine> protection_lines;  ///< force-protection lines (protection.json)

  /// The stage report named `stage`, or nullptr.
  [[nodiscard]] const StageReport* find_stage(std::string_view stage) const noexcept;
  [[nodiscard]] const LineResult* find_line(std::string_view line_id) const noexcept;
  [[nodiscard]] const Position* find_position(std::string_view position_id) const noexcept;
};

}  // namespace guarantor::planner
