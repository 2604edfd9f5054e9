// Nations (and their sharing level), requirement lines, sites, the gap board and the history.
#include <algorithm>
#include <cctype>

#include <fmt/format.h>

#include "guarantor/force/disclosure.hpp"
#include "guarantor/force/force_generation.hpp"
#include "guarantor/io/record_codec.hpp"
#include "guarantor/report/force_generation_export.hpp"
#include "pledge_scope.hpp"

namespace guarantor::server {

namespace {
using store::Role;
const std::set<Role> STAFF = {Role::Secretariat, Role::Liaison, Role::HostNation, Role::Planner, Role::Monitor};
const std::set<Role> SHARING_WRITERS = {Role::Secretariat, Role::Liaison};
const std::set<Role> MANDATE_WRITERS = {Role::Secretariat, Role::Planner};
const std::set<Role> NATION_WRITERS = {Role::Secretariat, Role::Liaison};
const std::set<Role> GAP_BOARD_READERS = {Role::Secretariat, Role::Liaison, Role::HostNation, Role::Planner};
const std::set<Role> HISTORY_READERS = {Role::Secretariat, Role::Liaison, Role::HostNation, Role::Planner};
// History entries every history reader sees (pledges are cut by sharing level separately).
const std::set<std::string> SHARED_ENTITIES = {"nation", "requirement_line", "site", "site_comment", "week", "decision"};
constexpr const char* LINE = R"(/api/v1/requirement-lines/([A-Za-z0-9._-]{1,64}))";

Reply nations(Context& context) {
  json items = json::array();
  for (const auto& record : context.server.workspace.nations()) {
    json item = io::encode_nation(record.nation);
    item["sharing"] = store::to_string(record.sharing);
    item["version"] = record.version;
    items.push_back(item);
  }
  return {200, {{"items", items}, {"total", items.size()}}, {}};
}

Reply set_sharing(Context& context) {
  const std::string iso2 = context.path_param(1);
  const std::int64_t version = context.if_match();
  if (context.user().role == Role::Liaison && context.user().nation != iso2)
    throw ApiError(403, "forbidden", fmt::format("a liaison of {} may not set the sharing level of {}", context.user().nation, iso2));
  const json body = context.body();
  const auto level = body.is_object() && body.contains("sharing") && body["sharing"].is_string()
                         ? store::sharing_level_from_string(body["sharing"].get<std::string>())
                         : std::nullopt;
  if (!level) throw ApiError(400, "schema", "expected one of full, capability_only, aggregate", "/sharing");
  const auto record = context.server.workspace.set_sharing(iso2, *level, version, context.user().name);
  Reply reply{200, {{"iso2", iso2}, {"sharing", store::to_string(record.sharing)}, {"version", record.version}}, {}};
  reply.headers["ETag"] = etag(record.version);
  return reply;
}

// What a liaison may change of its own nation's record: where its units are drawn from before
// deployment (its mounting area) and the public statement of its position. The name and the
// NATO and EU memberships are reference facts the secretariat keeps (docs/workspace.md,
// "Editing a nation").
const std::set<std::string> LIAISON_NATION_FIELDS = {"home", "source"};

Reply replace_nation(Context& context) {
  const std::string iso2 = context.path_param(1);
  const std::int64_t version = context.if_match();
  const auto& user = context.user();
  if (user.role == Role::Liaison && user.nation != iso2)
    throw ApiError(403, "forbidden", fmt::format("a liaison of {} may not edit the nation {}", user.nation, iso2));
  const auto current = context.server.workspace.nation(iso2);
  if (!current) throw store::NotFound("nation", iso2);
  const model::Nation edited = io::decode_nation(context.body(), "request body");
  if (edited.iso2 != iso2)
    throw ApiError(400, "schema", fmt::format(R"(got "{}"; expected the iso2 of the path, "{}")", edited.iso2, iso2),
                   "/iso2");
  if (user.role == Role::Liaison) {
    const json was = io::encode_nation(current->nation);
    const json now = io::encode_nation(edited);
    for (const auto& [field, value] : now.items())
      if (!LIAISON_NATION_FIELDS.contains(field) && was.value(field, json()) != value)
        throw ApiError(
            403, "forbidden",
            fmt::format("a liaison may change only its nation's home and source; {} is kept by the secretariat", field),
            "/" + field);
  }
  const auto record = context.server.workspace.update_nation(edited, version, user.name);
  json body = io::encode_nation(record.nation);
  body["sharing"] = store::to_string(record.sharing);
  body["version"] = record.version;
  Reply reply{200, body, {}};
  reply.headers["ETag"] = etag(record.version);
  return reply;
}

Reply lines(Context& context) {
  json items = json::array();
  for (const auto& record : context.server.workspace.requirement_lines())
    items.push_back({{"version", record.version}, {"line", io::encode_requirement_line(record.value)}});
  return {200, {{"items", items}, {"total", items.size()}}, {}};
}

Reply line(Context& context) {
  const std::string id = context.path_param(1);
  const auto record = context.server.workspace.requirement_line(id);
  if (!record) throw store::NotFound("requirement_line", id);
  Reply reply{200, io::encode_requirement_line(record->value), {}};
  reply.headers["ETag"] = etag(record->version);
  return reply;
}

Reply replace_line(Context& context) {
  const std::string id = context.path_param(1);
  const std::int64_t version = context.if_match();
  if (!context.server.workspace.requirement_line(id)) throw store::NotFound("requirement_line", id);
  const auto decoded = io::decode_requirement_line(context.body(), "request body");
  if (decoded.id != id) throw ApiError(400, "schema", fmt::format("got \"{}\"; expected the id of the path, \"{}\"", decoded.id, id), "/id");
  io::check_requirement_line(context.server.current_scenario(), decoded, "request body");
  const auto record = context.server.workspace.update_requirement_line(decoded, version, context.user().name);
  Reply reply{200, io::encode_requirement_line(record.value), {}};
  reply.headers["ETag"] = etag(record.version);
  return reply;
}

// A requirement line's id as the routes of one line accept it.
bool routable_line_id(const std::string& id) {
  return !id.empty() && id.size() <= 64 && std::all_of(id.begin(), id.end(), [](char c) {
    return std::isalnum(static_cast<unsigned char>(c)) || c == '.' || c == '_' || c == '-';
  });
}

Reply create_line(Context& context) {
  const auto decoded = io::decode_requirement_line(context.body(), "request body");
  if (!routable_line_id(decoded.id))
    throw ApiError(400, "schema", fmt::format("got \"{}\"; expected 1-64 letters, digits, '.', '_' or '-'", decoded.id),
                   "/id");
  io::check_requirement_line(context.server.current_scenario(), decoded, "request body");
  const auto record = context.server.workspace.create_requirement_line(decoded, context.user().name);
  Reply reply{201, io::encode_requirement_line(record.value), {}};
  reply.headers["ETag"] = etag(record.version);
  reply.headers["Location"] = "/api/v1/requirement-lines/" + record.value.id;
  return reply;
}

Reply delete_line(Context& context) {
  const std::string id = context.path_param(1);
  const std::int64_t version = context.if_match();
  context.server.workspace.delete_requirement_line(id, version, context.user().name);
  return {204, nullptr, {}};
}

Reply gap_board(Context& context) {
  // The same computation and JSON as `guarantor forcegen` on an export of the workspace; a
  // liaison gets that one result cut to what each nation shares with it.
  const model::Scenario scenario = context.server.current_scenario();
  const force::ForceGenerationResult result = force::generate_force(scenario, {});
  if (reads_full_gap_board(context.user())) return {200, report::force_generation_to_json(scenario, result), {}};
  const auto disclosure_of = disclosure_for(context.user(), sharing_levels(context.server.workspace));
  return {200, report::force_generation_to_json(scenario, force::disclose(result, disclosure_of)), {}};
}

Reply history(Context& context) {
  auto& workspace = context.server.workspace;
  const std::string entity = context.request.get_param_value("entity");
  const std::string id = context.request.get_param_value("id");
  const auto [limit, offset] = page_of(context.request);
  const auto levels = sharing_levels(workspace);
  const bool sees_all = context.user().role == Role::Secretariat || context.user().role == Role::Planner;
  json items = json::array();
  std::size_t total = 0;
  for (const auto& entry : workspace.history(entity, id)) {
    json before = entry.before, after = entry.after;
    if (!sees_all) {
      // Others see pledge entries cut as the pledge itself, nations and lines, nothing else.
      if (entry.entity == "pledge") {
        const json& any = after.is_object() ? after : before;
        const std::string nation = any.is_object() ? any.value("nation", "") : "";
        const auto level = levels.contains(nation) ? levels.at(nation) : store::SharingLevel::Full;
        const Visibility visibility = visibility_of(context.user(), nation, level);
        if (visibility == Visibility::Hidden) continue;
        before = pledge_view(before, visibility);
        after = pledge_view(after, visibility);
      } else if (!SHARED_ENTITIES.contains(entry.entity) &&
                 !(entry.entity == "plan_version" && context.user().role == Role::HostNation)) {
        continue;  // users, tokens, imports; plan versions except for the host nation, which reads all plans
      }
    }
    if (total++ < offset || items.size() >= limit) continue;
    items.push_back({{"seq", entry.seq}, {"at", entry.at}, {"actor", entry.actor}, {"action", entry.action},
                     {"entity", entry.entity}, {"entity_id", entry.entity_id}, {"before", before}, {"after", after},
                     {"hash", entry.hash}});
  }
  return {200, {{"items", items}, {"total", total}, {"limit", limit}, {"offset", offset}}, {}};
}
}  // namespace

void add_reference_routes(std::vector<Route>& table) {
  table.push_back({"GET", "/api/v1/nations", STAFF, nations});
  table.push_back({"PUT", R"(/api/v1/nations/([A-Z]{2})/sharing)", SHARING_WRITERS, set_sharing});
  table.push_back({"PUT", R"(/api/v1/nations/([A-Z]{2}))", NATION_WRITERS, replace_nation});
  table.push_back({"GET", "/api/v1/requirement-lines", STAFF, lines});
  table.push_back({"GET", LINE, STAFF, line});
  table.push_back({"POST", "/api/v1/requirement-lines", MANDATE_WRITERS, create_line});
  table.push_back({"PUT", LINE, MANDATE_WRITERS, replace_line});
  table.push_back({"DELETE", LINE, MANDATE_WRITERS, delete_line});
  table.push_back({"GET", "/api/v1/gap-board", GAP_BOARD_READERS, gap_board});
  table.push_back({"GET", "/api/v1/history", HISTORY_READERS, history});
}

}  // namespace guarantor::server
