// /api/v1/pledges: list, read, create, replace, delete, each within the caller's scope.
#include <fmt/format.h>

#include "guarantor/io/record_codec.hpp"
#include "pledge_scope.hpp"

namespace guarantor::server {

namespace {
using store::Role;
const std::set<Role> READERS = {Role::Secretariat, Role::Liaison, Role::HostNation, Role::Planner};
const std::set<Role> WRITERS = {Role::Secretariat, Role::Liaison};
constexpr const char* ONE = R"(/api/v1/pledges/([A-Za-z0-9._-]{1,64}))";

store::SharingLevel level_of(const std::map<std::string, store::SharingLevel>& levels, const std::string& nation) {
  auto it = levels.find(nation);
  return it == levels.end() ? store::SharingLevel::Full : it->second;
}

// A liaison writes only its own nation's pledges; the secretariat writes any.
void require_own(const Context& context, const std::string& nation, const char* pointer) {
  if (context.user().role == Role::Liaison && context.user().nation != nation)
    throw ApiError(403, "forbidden", fmt::format("a liaison of {} may not write pledges of {}", context.user().nation, nation), pointer);
}

// The stored pledge, or 404 when it does not exist or the caller may not see it (as on read).
store::PledgeRecord visible_or_missing(Context& context, const std::string& id) {
  auto& workspace = context.server.workspace;
  const auto current = workspace.pledge(id);
  if (!current || visibility_of(context.user(), current->value.nation,
                                level_of(sharing_levels(workspace), current->value.nation)) == Visibility::Hidden)
    throw store::NotFound("pledge", id);
  return *current;
}

model::Pledge decode_checked(Context& context) {
  const model::Pledge pledge = io::decode_pledge(context.body(), "request body");
  context.server.check_pledge(pledge, "request body");
  return pledge;
}

Reply with_etag(int status, const store::PledgeRecord& record) {
  Reply reply{status, io::encode_pledge(record.value), {}};
  reply.headers["ETag"] = etag(record.version);
  return reply;
}

Reply list(Context& context) {
  auto& workspace = context.server.workspace;
  const auto levels = sharing_levels(workspace);
  const auto [limit, offset] = page_of(context.request);
  const std::string nation = context.request.get_param_value("nation");
  json items = json::array();
  std::map<std::pair<std::string, std::string>, std::pair<int, int>> aggregates;  // (nation, capability) -> (units, pledges)
  std::size_t total = 0;
  for (const auto& record : workspace.pledges()) {
    const auto& pledge = record.value;
    if (!nation.empty() && pledge.nation != nation) continue;
    const Visibility visibility = visibility_of(context.user(), pledge.nation, level_of(levels, pledge.nation));
    if (visibility == Visibility::Hidden) {
      auto& totals = aggregates[{pledge.nation, pledge.capability}];
      totals.first += pledge.quantity;
      totals.second += 1;
      continue;
    }
    if (total++ < offset || items.size() >= limit) continue;
    items.push_back({{"version", record.version},
                     {"visibility", to_string(visibility)},
                     {"pledge", pledge_view(io::encode_pledge(pledge), visibility)}});
  }
  json totals = json::array();
  for (const auto& [key, value] : aggregates)
    totals.push_back({{"nation", key.first}, {"capability", key.second}, {"quantity", value.first}, {"pledges", value.second}});
  return {200,
          {{"items", items},
           {"total", total},
           {"limit", limit},
           {"offset", offset},
           {"aggregates", totals},
           {"illustrative_note", "pledges marked illustrative are built from public statements, not real offers"}},
          {}};
}

Reply read_one(Context& context) {
  auto& workspace = context.server.workspace;
  const std::string id = context.path_param(1);
  const auto record = workspace.pledge(id);
  const auto levels = sharing_levels(workspace);
  // A pledge the caller may not see answers exactly as a pledge that does not exist.
  if (!record ||
      visibility_of(context.user(), record->value.nation, level_of(levels, record->value.nation)) == Visibility::Hidden)
    throw store::NotFound("pledge", id);
  const auto visibility = visibility_of(context.user(), record->value.nation, level_of(levels, record->value.nation));
  Reply reply{200, pledge_view(io::encode_pledge(record->value), visibility), {}};
  reply.headers["ETag"] = etag(record->version);
  return reply;
}

Reply create(Context& context) {
  const model::Pledge pledge = decode_checked(context);
  require_own(context, pledge.nation, "/nation");
  auto reply = with_etag(201, context.server.workspace.create_pledge(pledge, context.user().name));
  reply.headers["Location"] = "/api/v1/pledges/" + pledge.id;
  return reply;
}

Reply replace(Context& context) {
  const std::string id = context.path_param(1);
  const std::int64_t version = context.if_match();
  auto& workspace = context.server.workspace;
  const auto current = visible_or_missing(context, id);
  require_own(context, current.value.nation, "");
  const model::Pledge pledge = decode_checked(context);
  if (pledge.id != id) throw ApiError(400, "schema", fmt::format("got \"{}\"; expected the id of the path, \"{}\"", pledge.id, id), "/id");
  require_own(context, pledge.nation, "/nation");
  return with_etag(200, workspace.update_pledge(pledge, version, context.user().name));
}

Reply remove(Context& context) {
  const std::string id = context.path_param(1);
  const std::int64_t version = context.if_match();
  auto& workspace = context.server.workspace;
  const auto current = visible_or_missing(context, id);
  require_own(context, current.value.nation, "");
  workspace.delete_pledge(id, version, context.user().name);
  return {204, nullptr, {}};
}
}  // namespace

void add_pledge_routes(std::vector<Route>& table) {
  // The two hot reads: answers kept per scope until the next write (pledge_scope.hpp).
  table.push_back({"GET", "/api/v1/pledges", READERS, cached_by_scope(list)});
  table.push_back({"POST", "/api/v1/pledges", WRITERS, create});
  table.push_back({"GET", ONE, READERS, cached_by_scope(read_one)});
  table.push_back({"PUT", ONE, WRITERS, replace});
  table.push_back({"DELETE", ONE, WRITERS, remove});
}

}  // namespace guarantor::server
