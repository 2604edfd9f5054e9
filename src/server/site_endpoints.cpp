// /api/v1/sites: the theatre's sites with their negotiation status, lead nation, infrastructure
// assessment and comments. The host nation and the secretariat move a site's negotiation; the
// host nation, the planner and the secretariat record assessments; the parties comment.
#include <algorithm>

#include <fmt/format.h>
#include <fmt/ranges.h>

#include "guarantor/store/sites.hpp"
#include "pledge_scope.hpp"

namespace guarantor::server {

namespace {
using store::Role;
const std::set<Role> STAFF = {Role::Secretariat, Role::Liaison, Role::HostNation, Role::Planner, Role::Monitor};
const std::set<Role> NEGOTIATORS = {Role::Secretariat, Role::HostNation};
const std::set<Role> SURVEYORS = {Role::Secretariat, Role::HostNation, Role::Planner};
const std::set<Role> COMMENTERS = {Role::Secretariat, Role::HostNation, Role::Planner, Role::Liaison};
constexpr std::size_t MAX_COMMENT = 4000;
constexpr const char* ONE = R"(/api/v1/sites/([A-Za-z0-9._-]{1,128}))";

const model::Site& site_or_missing(Context& context, const std::string& id) {
  // The theatre is read once at start and never changes while serving, so the pointer stays valid.
  const auto* site = context.server.base.theatre.find_site(id);
  if (site == nullptr) throw store::NotFound("site", id);
  return *site;
}

json site_json(const model::Site& site, const store::SiteNegotiationRecord& negotiation) {
  return {{"id", site.id},
          {"name", site.name},
          {"kind", model::to_string(site.kind)},
          {"subkind", site.subkind},
          {"country", site.country},
          {"position", {site.position.lon, site.position.lat}},
          {"status", model::to_string(site.status)},
          {"capacity", site.capacity},
          {"capacity_unit", site.capacity_unit},
          {"source", site.source},
          {"negotiation", store::encode_site_negotiation(negotiation)}};
}

Reply with_etag(Context& context, const model::Site& site, const store::SiteNegotiationRecord& record) {
  json body = site_json(site, record);
  json comments = json::array();
  for (const auto& comment : context.server.workspace.site_comments(site.id))
    comments.push_back({{"id", comment.id}, {"at", comment.at}, {"author", comment.author}, {"text", comment.text}});
  body["comments"] = comments;
  Reply reply{200, body, {}};
  reply.headers["ETag"] = etag(record.version);
  return reply;
}

std::string optional_text(const json& body, const char* key, std::size_t max) {
  if (!body.contains(key)) return {};
  const json& value = body[key];
  if (!value.is_string() || value.get<std::string>().size() > max)
    throw ApiError(400, "schema", fmt::format("got {}; expected a string of at most {} characters", value.dump(), max),
                   std::string("/") + key);
  return value.get<std::string>();
}

void refuse_unknown(const json& body, std::initializer_list<std::string_view> known) {
  if (!body.is_object()) throw ApiError(400, "schema", fmt::format("got {}; expected an object", body.type_name()), "");
  for (const auto& [key, value] : body.items())
    if (std::find(known.begin(), known.end(), key) == known.end())
      throw ApiError(400, "schema", fmt::format("unknown member \"{}\"; expected {}", key, fmt::join(known, ", ")), "/" + key);
}

Reply list(Context& context) {
  const auto [limit, offset] = page_of(context.request);
  const std::string wanted_status = context.request.get_param_value("status");
  const std::string wanted_kind = context.request.get_param_value("kind");
  if (!wanted_status.empty() && !model::site_negotiation_from_string(wanted_status))
    throw ApiError(400, "schema", fmt::format("status: got \"{}\"; expected proposed, surveyed, offered, agreed or rejected", wanted_status), "status");
  std::map<std::string, store::SiteNegotiationRecord> recorded;
  for (auto& record : context.server.workspace.site_negotiations()) recorded[record.site_id] = std::move(record);
  json items = json::array();
  std::size_t total = 0;
  for (const auto& site : context.server.base.theatre.sites) {
    auto it = recorded.find(site.id);
    store::SiteNegotiationRecord negotiation = it != recorded.end() ? it->second : store::unrecorded_site(site.id);
    if (!wanted_status.empty() && model::to_string(negotiation.status) != wanted_status) continue;
    if (!wanted_kind.empty() && model::to_string(site.kind) != wanted_kind) continue;
    if (total++ < offset || items.size() >= limit) continue;
    items.push_back(site_json(site, negotiation));
  }
  return {200, {{"items", items}, {"total", total}, {"limit", limit}, {"offset", offset}}, {}};
}

Reply read_one(Context& context) {
  const auto& site = site_or_missing(context, context.path_param(1));
  return with_etag(context, site, context.server.workspace.site_negotiation(site.id));
}

Reply set_negotiation(Context& context) {
  const auto& site = site_or_missing(context, context.path_param(1));
  const std::int64_t version = context.if_match();
  const json body = context.body();
  refuse_unknown(body, {"status", "lead_nation", "comment"});
  const auto status = body.contains("status") && body["status"].is_string()
                          ? model::site_negotiation_from_string(body["status"].get<std::string>())
                          : std::nullopt;
  if (!status) throw ApiError(400, "schema", "expected one of proposed, surveyed, offered, agreed, rejected", "/status");
  // Without lead_nation the lead stays as it is; "" clears it.
  const std::string lead = body.contains("lead_nation") ? optional_text(body, "lead_nation", 2)
                                                         : context.server.workspace.site_negotiation(site.id).lead_nation;
  const std::string comment = optional_text(body, "comment", MAX_COMMENT);
  const auto record = context.server.workspace.set_site_status(site.id, *status, lead, comment, version, context.user().name);
  return with_etag(context, site, record);
}

Reply set_assessment(Context& context) {
  const auto& site = site_or_missing(context, context.path_param(1));
  const std::int64_t version = context.if_match();
  const auto assessment = store::decode_assessment(context.body(), "request body ");
  const auto record = context.server.workspace.set_site_assessment(site.id, assessment, version, context.user().name);
  return with_etag(context, site, record);
}

Reply add_comment(Context& context) {
  const auto& site = site_or_missing(context, context.path_param(1));
  const json body = context.body();
  refuse_unknown(body, {"text"});
  const std::string text = optional_text(body, "text", MAX_COMMENT);
  if (text.empty()) throw ApiError(400, "schema", "expected a comment of 1 to 4000 characters", "/text");
  const auto comment = context.server.workspace.add_site_comment(site.id, text, context.user().name);
  return {201, {{"id", comment.id}, {"site_id", site.id}, {"at", comment.at}, {"author", comment.author}, {"text", comment.text}}, {}};
}
}  // namespace

void add_site_routes(std::vector<Route>& table) {
  table.push_back({"GET", "/api/v1/sites", STAFF, list});
  table.push_back({"GET", ONE, STAFF, read_one});
  table.push_back({"PUT", std::string(ONE) + "/negotiation", NEGOTIATORS, set_negotiation});
  table.push_back({"PUT", std::string(ONE) + "/assessment", SURVEYORS, set_assessment});
  table.push_back({"POST", std::string(ONE) + "/comments", COMMENTERS, add_comment});
}

}  // namespace guarantor::server
