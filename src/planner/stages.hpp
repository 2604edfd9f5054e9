#pragma once
// The stages of make_plan, each filling its part of the plan and returning its report.
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "guarantor/force/figures.hpp"
#include "guarantor/model/scenario.hpp"
#include "guarantor/plan/solve_result.hpp"
#include "guarantor/planner/parameters.hpp"
#include "guarantor/planner/plan.hpp"

namespace guarantor::planner::detail {

/// What every stage reads.
struct StageContext {
  const model::Scenario& scenario;
  const PlannerParameters& params;
  plan::SolveOptions solve;
  double rotation_factor = 0.0;
};

StageReport run_candidates(const StageContext& context, Plan& plan);
StageReport run_hubs(const StageContext& context, Plan& plan);
StageReport run_coverage(const StageContext& context, Plan& plan);
StageReport run_allocation(const StageContext& context, Plan& plan);
StageReport run_schedule(const StageContext& context, Plan& plan);
StageReport run_protection(const StageContext& context, Plan& plan);
StageReport run_sustainment(const StageContext& context, Plan& plan);
StageReport run_gaps(const StageContext& context, Plan& plan);

/// The mandate's last phase (latest opening day): the steady state the plan's figures describe.
model::Phase last_phase(const model::Mandate& mandate);

/// The assignments as units put in place, for force::compute_figures.
std::vector<force::PlacedUnit> placed_units(const model::Scenario& scenario, const std::vector<Assignment>& assignments);

/// The proof methods of the models a stage solved, so the stage's proved_by names what ran: a
/// stage of many models records the costliest method any of them needed, and the tally in words.
class ProofTally {
 public:
  void add(const plan::SolveStats& stats);
  /// None when any model is unproven; otherwise the costliest method used.
  [[nodiscard]] plan::ProofMethod method() const;
  /// e.g. "12 by lp_bound, 3 by cbc".
  [[nodiscard]] std::string describe() const;

 private:
  std::map<plan::ProofMethod, int> count_;
  int unproven_ = 0;
};

/// Figures of a stage with a closed-form answer: objective = bound, proven trivially.
plan::SolveStats closed_form(double value, double seconds);

/// What one unit of `capability` takes of a site of `kind` (personnel at hubs, aircraft at
/// airfields for airfield-based units, none there for others, berths at ports). Throws
/// Error(Schema) when the parameters lack the entry.
double site_resource(const PlannerParameters& params, const model::Capability& capability, std::string_view site_kind);

/// What one unit takes of a candidate site: its resource in the site's capacity unit, and at an
/// airfield its personnel against the airfield's personnel room as well (a hub-based unit at an
/// airfield hub takes no aircraft parking, only personnel).
struct SiteNeed {
  double resource = 0.0;
  double personnel = 0.0;
};
SiteNeed site_need(const PlannerParameters& params, const model::Capability& capability, const CandidateSite& site);

/// True when `site` has room for `need` beside what `used` already holds (site capacity, and an
/// airfield's personnel capacity).
bool site_has_room(const CandidateSite& site, const SiteNeed& need, const std::map<std::string, double>& used);

/// Key under which `used` holds the personnel reserved at an airfield.
std::string personnel_key(std::string_view site_id);

/// The day a phase opens (0 when the mandate does not list it).
int phase_gate_day(const model::Mandate& mandate, model::Phase phase);

}  // namespace guarantor::planner::detail

namespace guarantor::planner::detail {
/// Adds the next position of `line` at `site` (nullptr: served from outside the theatre) and
/// reserves `need` of the site's capacity (and an airfield's personnel) in `used`.
void add_position(Plan& plan, const model::RequirementLine& line, const CandidateSite* site, double reach_km,
                  double marginal, std::map<std::string, double>& used, const SiteNeed& need);

/// Why a unit of `pledge` may not sit at `site_id` (host-nation support outside its own nation,
/// or a site the pledge does not name), or nullopt when it may.
std::optional<std::string> placement_refused(const model::Scenario& scenario, const model::Pledge& pledge,
                                             const model::Capability& capability, std::string_view site_id);

/// Why a unit of `pledge` stays home: one typed cause per line of its capability, from the plan's
/// positions and assignments as they stand (call once the capability's assignment is done).
UnassignedUnit explain_home(const model::Scenario& scenario, const model::Pledge& pledge, const std::string& unit_id,
                            const Plan& plan);

/// Places the positions of a host-support line pledge by pledge, each in the pledging nation
/// (at its named sites when it names any). Returns the number placed.
int place_host_support(const StageContext& context, const model::RequirementLine& line,
                       const model::Capability& capability, const std::vector<const CandidateSite*>& sites, Plan& plan,
                       std::map<std::string, double>& used);
}  // namespace guarantor::planner::detail

namespace guarantor::planner::detail {
/// After allocation: non-littoral warships beyond the Montreux aggregate tonnage stay home.
void enforce_montreux_tonnage(const StageContext& context, Plan& plan);

/// How a naval unit sails from its home port to `port`: km along the sea route (great circle
/// x detour without a sea graph), days including any Straits notice, and the route in words.
struct SeaPassage {
  double km = 0;
  int days = 0;
  std::string text;
};
SeaPassage sea_passage(const StageContext& context, const model::Pledge& pledge, geo::LonLat home, const model::Site& port);

/// After allocation: each coverage line's claim (share covered by the filled positions) and each
/// hub's load in personnel.
void claim_coverage(const StageContext& context, Plan& plan);
}  // namespace guarantor::planner::detail
