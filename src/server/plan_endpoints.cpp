// /api/v1/plans: plan versions made by jobs. The secretariat, planners and the host nation read
// every version in full; other roles read only published versions, and only their headline
// figures (a plan names pledges and their caveats, which sharing levels may hide). Publishing
// is a separate, audited act of a planner or the secretariat. Two versions can be compared:
// headline figures first, then what moved.
#include <fmt/format.h>

#include "guarantor/planner/plan_diff.hpp"
#include "guarantor/planner/plan_json.hpp"
#include "pledge_scope.hpp"

namespace guarantor::server {

namespace {
using store::Role;
const std::set<Role> EVERYONE = {Role::Secretariat, Role::Liaison, Role::HostNation, Role::Planner, Role::Monitor, Role::Observer};
const std::set<Role> FULL_READERS = {Role::Secretariat, Role::Planner, Role::HostNation};
const std::set<Role> PUBLISHERS = {Role::Secretariat, Role::Planner};
constexpr const char* ONE = R"(/api/v1/plans/([0-9]{1,18}))";

bool reads_in_full(const Context& context) { return FULL_READERS.contains(context.user().role); }

// The version if the caller may see it: 404 for an unknown id and, for readers of published
// plans only, for an unpublished one (as if it did not exist).
store::PlanVersion visible_or_missing(Context& context, const std::string& id_text) {
  const std::int64_t id = std::stoll(id_text);
  auto version = context.server.workspace.plan_version(id);
  if (!version || (!reads_in_full(context) && !version->published())) throw store::NotFound("plan_version", id_text);
  return *version;
}

std::int64_t version_param(const Context& context, const char* name) {
  const std::string text = context.request.get_param_value(name);
  if (text.empty() || text.size() > 18 || text.find_first_not_of("0123456789") != std::string::npos)
    throw ApiError(400, "schema", fmt::format("{}: got \"{}\"; expected a plan version id", name, text), name);
  return std::stoll(text);
}

Reply list(Context& context) {
  const auto [limit, offset] = page_of(context.request);
  json items = json::array();
  std::size_t total = 0;
  for (const auto& version : context.server.workspace.plan_versions()) {
    if (!reads_in_full(context) && !version.published()) continue;
    if (total++ < offset || items.size() >= limit) continue;
    items.push_back(store::encode_plan_version(version));
  }
  return {200, {{"items", items}, {"total", total}, {"limit", limit}, {"offset", offset}}, {}};
}

Reply read_one(Context& context) {
  const auto version = visible_or_missing(context, context.path_param(1));
  json body = store::encode_plan_version(version);
  if (reads_in_full(context)) body["plan"] = json::parse(context.server.workspace.plan_version_text(version.id));
  return {200, body, {}};
}

Reply publish(Context& context) {
  const auto version = visible_or_missing(context, context.path_param(1));
  return {200, store::encode_plan_version(context.server.workspace.publish_plan_version(version.id, context.user().name)), {}};
}

json headline_delta(const store::PlanHeadline& a, const store::PlanHeadline& b) {
  return {{"lines_met", b.lines_met - a.lines_met},
          {"deployed_units", b.deployed_units - a.deployed_units},
          {"deployed_personnel", b.deployed_personnel - a.deployed_personnel},
          {"closure_day", b.closure_day - a.closure_day}};
}

Reply compare(Context& context) {
  auto& workspace = context.server.workspace;
  const std::int64_t from_id = version_param(context, "from");
  const std::int64_t to_id = version_param(context, "to");
  const auto from = workspace.plan_version(from_id);
  const auto to = workspace.plan_version(to_id);
  if (!from) throw store::NotFound("plan_version", std::to_string(from_id));
  if (!to) throw store::NotFound("plan_version", std::to_string(to_id));
  const auto before = planner::plan_from_json(workspace.plan_version_text(from_id), fmt::format("plan version {}", from_id));
  const auto after = planner::plan_from_json(workspace.plan_version_text(to_id), fmt::format("plan version {}", to_id));
  json changes = json::array();
  for (const auto& change : planner::diff_plans(before, after))
    changes.push_back({{"kind", change.kind}, {"subject", change.subject}, {"before", change.before}, {"after", change.after}});
  return {200,
          {{"from", store::encode_plan_version(*from)},
           {"to", store::encode_plan_version(*to)},
           {"headline_change", headline_delta(from->headline, to->headline)},
           {"changes", changes}},
          {}};
}
}  // namespace

void add_plan_routes(std::vector<Route>& table) {
  table.push_back({"GET", "/api/v1/plans", EVERYONE, list});
  // Before the single-version route, which would not match "compare" anyway (digits only).
  table.push_back({"GET", "/api/v1/plans/compare", FULL_READERS, compare});
  table.push_back({"GET", ONE, EVERYONE, read_one});
  table.push_back({"POST", std::string(ONE) + "/publish", PUBLISHERS, publish});
}

}  // namespace guarantor::server
