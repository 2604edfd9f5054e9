// make_plan: runs the stages in order and records the provenance.
#include "guarantor/planner/planner.hpp"

#include <algorithm>
#include <utility>

#include "guarantor/planner/host_consent.hpp"
#include "guarantor/planner/montreux.hpp"
#include "guarantor/planner/protection.hpp"
#include "stages.hpp"

namespace guarantor::planner {

namespace {
constexpr std::pair<LineStatus, std::string_view> LINE_STATUS_NAMES[] = {
    {LineStatus::Met, "met"}, {LineStatus::Partial, "partial"}, {LineStatus::Missing, "missing"}};
constexpr std::pair<ProtectionKind, std::string_view> PROTECTION_KIND_NAMES_TABLE[] = {
    {ProtectionKind::AirDefence, "air_defence"},
    {ProtectionKind::Surgery, "surgery"},
    {ProtectionKind::Escort, "escort"}};
}  // namespace

std::string_view to_string(ProtectionKind kind) {
  for (const auto& [value, name] : PROTECTION_KIND_NAMES_TABLE)
    if (value == kind) return name;
  return "air_defence";
}

std::optional<ProtectionKind> protection_kind_from_string(std::string_view text) {
  for (const auto& [value, name] : PROTECTION_KIND_NAMES_TABLE)
    if (name == text) return value;
  return std::nullopt;
}

namespace {
constexpr std::pair<HomeCause, std::string_view> HOME_CAUSE_NAMES[] = {
    {HomeCause::NoLine, "no_line"},
    {HomeCause::NoPosition, "no_position"},
    {HomeCause::LineFull, "line_full"},
    {HomeCause::BlockedByCaveat, "blocked_by_caveat"},
    {HomeCause::WrongPhase, "wrong_phase"},
    {HomeCause::ConditionUnmet, "condition_unmet"},
    {HomeCause::TooLate, "too_late"},
    {HomeCause::Expired, "expired"},
    {HomeCause::NotItsSite, "not_its_site"},
    {HomeCause::NotChosen, "not_chosen"},
    {HomeCause::StraitsClosed, "straits_closed"},
    {HomeCause::StraitsTonnage, "straits_tonnage"}};
}  // namespace

std::string_view to_string(HomeCause cause) {
  for (const auto& [value, name] : HOME_CAUSE_NAMES)
    if (value == cause) return name;
  return "no_line";
}

std::optional<HomeCause> home_cause_from_string(std::string_view text) {
  for (const auto& [value, name] : HOME_CAUSE_NAMES)
    if (name == text) return value;
  return std::nullopt;
}

namespace {
constexpr std::pair<LineCause, std::string_view> LINE_CAUSE_NAMES[] = {
    {LineCause::NoPledge, "no_pledge"},
    {LineCause::BlockedByCaveat, "blocked_by_caveat"},
    {LineCause::WrongPhase, "wrong_phase"},
    {LineCause::ConditionUnmet, "condition_unmet"},
    {LineCause::TooLate, "too_late"},
    {LineCause::Expired, "expired"},
    {LineCause::ServingElsewhere, "serving_elsewhere"},
    {LineCause::EligibleShort, "eligible_short"},
    {LineCause::NoSiteRoom, "no_site_room"},
    {LineCause::CoverageShort, "coverage_short"},
    {LineCause::CoverAllNeedsMore, "cover_all_needs_more"},
    {LineCause::DemandOutOfReach, "demand_out_of_reach"},
    {LineCause::DesignShort, "design_short"},
    {LineCause::Late, "late"},
    {LineCause::StraitsClosed, "straits_closed"},
    {LineCause::StraitsTonnage, "straits_tonnage"}};
}  // namespace

std::string_view to_string(LineCause cause) {
  for (const auto& [value, name] : LINE_CAUSE_NAMES)
    if (value == cause) return name;
  return "no_pledge";
}

std::optional<LineCause> line_cause_from_string(std::string_view text) {
  for (const auto& [value, name] : LINE_CAUSE_NAMES)
    if (name == text) return value;
  return std::nullopt;
}

std::string_view to_string(LineStatus status) {
  for (const auto& [value, name] : LINE_STATUS_NAMES)
    if (value == status) return name;
  return "missing";
}

std::optional<LineStatus> line_status_from_string(std::string_view text) {
  for (const auto& [value, name] : LINE_STATUS_NAMES)
    if (name == text) return value;
  return std::nullopt;
}

const StageReport* Plan::find_stage(std::string_view stage) const noexcept {
  for (const auto& report : stages)
    if (report.stage == stage) return &report;
  return nullptr;
}

const LineResult* Plan::find_line(std::string_view line_id) const noexcept {
  for (const auto& line : lines)
    if (line.line_id == line_id) return &line;
  return nullptr;
}

const Position* Plan::find_position(std::string_view position_id) const noexcept {
  for (const auto& position : positions)
    if (position.id == position_id) return &position;
  return nullptr;
}

Plan make_plan(const model::Scenario& scenario, const PlannerParameters& params, const PlannerOptions& options) {
  Plan plan;
  auto& provenance = plan.provenance;
  provenance.generator = options.generator;
  provenance.scenario_name = scenario.name;
  provenance.as_of = scenario.as_of;
  for (const auto& file : scenario.files) provenance.inputs.push_back({file.role, file.path, file.sha256});
  for (const auto& file : params.files) provenance.inputs.push_back(file);
  provenance.parameters = params.flatten();
  provenance.polylines["dnipro_line"] = params.dnipro_line;
  provenance.polylines["sea_lane"] = params.sea_lane;
  provenance.seed = params.seed;
  provenance.threat_axes = params.threat.axes;
  // Planning data may name a line the mandate no longer has (deleted in the workspace); the plan
  // records only the filters that applied to it.
  for (const auto& filter : params.threat.line_basing)
    if (std::any_of(scenario.mandate.requirements.begin(), scenario.mandate.requirements.end(),
                    [&](const model::RequirementLine& line) { return line.id == filter.line_id; }))
      provenance.line_basing.push_back(filter);
  provenance.illustrative = scenario.coalition.has_illustrative();
  provenance.standoff_km = scenario.mandate.posture.standoff_km.value;
  provenance.rotation_factor = options.rotation_factor_override > 0 ? options.rotation_factor_override
                                                                    : scenario.mandate.posture.rotation_factor.value;

  record_posture_rules(params.forward, params.protection, provenance);
  record_montreux(params.montreux, provenance);
  record_host_consent(params.consent, provenance);
  // Forward operating sites for monitors and deminers are sites of the planned theatre, so every
  // stage (and the checker, which rebuilds them from the recorded rules) sees them like any other.
  const model::Scenario planned =
      with_forward_sites(scenario, params.forward, params.threat.axes, provenance.standoff_km);
  detail::StageContext context{planned, params, {}, provenance.rotation_factor};
  context.solve.time_limit_s = params.time_limit_s;
  context.solve.seed = params.seed;
  // Work budgets, not the clock, decide every solver step: a plan is reproducible from its inputs
  // on a loaded machine (docs/planner-solvers.md, "Limits and determinism").
  context.solve.deterministic = true;
  constexpr int STAGES = 8;
  auto finished = [&] {
    if (options.on_stage) options.on_stage(plan.stages.back().stage, static_cast<int>(plan.stages.size()), STAGES);
  };
  plan.stages.push_back(detail::run_candidates(context, plan));
  finished();
  plan.stages.push_back(detail::run_hubs(context, plan));
  finished();
  plan.stages.push_back(detail::run_coverage(context, plan));
  finished();
  plan.stages.push_back(detail::run_allocation(context, plan));
  detail::enforce_montreux_tonnage(context, plan);
  detail::claim_coverage(context, plan);
  finished();
  plan.stages.push_back(detail::run_schedule(context, plan));
  finished();
  plan.stages.push_back(detail::run_protection(context, plan));
  finished();
  plan.stages.push_back(detail::run_sustainment(context, plan));
  finished();
  plan.stages.push_back(detail::run_gaps(context, plan));
  finished();
  return plan;
}

}  // namespace guarantor::planner
