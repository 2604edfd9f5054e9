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

// A liaison writes only its own nation's pledges; the secretariat writes any.
void require_own(const Context& context, const std::string& nation, const char* pointer) {
  if (context.user().role == Role::Liaison && context.user().nation != nation)
    throw ApiError(403, "forbidden", fmt::format("a liaison of {} may not write pledges of {}", context.user().nation, nation), pointer);
}

// The stored pledge, or 404 when it does not exist or the caller may not see it (as on read).
// The pledge table is caught up with the database first; the write itself checks the version.
store::PledgeRecord visible_or_missing(Context& context, const std::string& id) {
  const auto pledges = context.server.pledge_table.current(context.server.workspace);
  const auto* row = pledges->find(id);
  if (row == nullptr || visibility_of(context.user(), row->record.value.nation,
                                      pledges->sharing_of(row->record.value.nation)) == Visibility::Hidden)
    throw store::NotFound("pledge", id);
  return row->record;
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

// JSON text of a string value (quoted and escaped).
std::string quoted(const std::string& text) { return json(text).dump(); }

// The list is written as text from the rows' ready JSON: the same document as encoding the
// whole list with nlohmann (keys in the same, sorted order), without re-encoding every pledge.
Reply list(Context& context, const PledgeTable::Snapshot& pledges) {
  const auto [limit, offset] = page_of(context.request);
  const std::string nation = context.request.get_param_value("nation");
  std::string items;
  std::size_t shown = 0;
  std::map<std::pair<std::string, std::string>, std::pair<int, int>> aggregates;  // (nation, capability) -> (units, pledges)
  std::size_t total = 0;
  for (const auto& row : pledges.rows) {
    const auto& pledge = row->record.value;
    if (!nation.empty() && pledge.nation != nation) continue;
    const Visibility visibility = visibility_of(context.user(), pledge.nation, pledges.sharing_of(pledge.nation));
    if (visibility == Visibility::Hidden) {
      auto& totals = aggregates[{pledge.nation, pledge.capability}];
      totals.first += pledge.quantity;
      totals.second += 1;
      continue;
    }
    if (total++ < offset || shown >= limit) continue;
    if (shown++ > 0) items += ',';
    items += R"({"pledge":)";
    items += visibility == Visibility::Full ? row->full_json : row->capability_json;
    items += fmt::format(R"(,"version":{},"visibility":"{}"}})", row->record.version, to_string(visibility));
  }
  std::string totals;
  for (const auto& [key, value] : aggregates) {
    if (!totals.empty()) totals += ',';
    totals += fmt::format(R"({{"capability":{},"nation":{},"pledges":{},"quantity":{}}})", quoted(key.second),
                          quoted(key.first), value.second, value.first);
  }
  Reply reply{200, nullptr, {}};
  reply.text =
      fmt::format(R"({{"aggregates":[{}],"illustrative_note":{},"items":[{}],"limit":{},"offset":{},"total":{}}})",
                  totals, quoted("pledges marked illustrative are built from public statements, not real offers"),
                  items, limit, offset, total);
  return reply;
}

Reply read_one(Context& context, const PledgeTable::Snapshot& pledges) {
  const std::string id = context.path_param(1);
  const auto* row = pledges.find(id);
  // A pledge the caller may not see answers exactly as a pledge that does not exist.
  const auto visibility = row == nullptr ? Visibility::Hidden
                                         : visibility_of(context.user(), row->record.value.nation,
                                                         pledges.sharing_of(row->record.value.nation));
  if (visibility == Visibility::Hidden) throw store::NotFound("pledge", id);
  Reply reply{200, nullptr, {}};
  reply.text = visibility == Visibility::Full ? row->full_json : row->capability_json;
  reply.headers["ETag"] = etag(row->record.version);
  return reply;
}

// A liaison creates pledges only in its nation's id space, "FR-…" for France (the form of every
// id of the default coalition). Otherwise a create naming an id of another nation's pledge would
// answer 409 and so reveal a pledge the liaison may not see; inside its own space, a taken id is
// one of its own pledges. The secretariat, which sees every pledge, names any id.
void require_own_id_space(const Context& context, const std::string& id) {
  if (context.user().role != Role::Liaison) return;
  const std::string prefix = context.user().nation + "-";
  if (id.size() <= prefix.size() || id.compare(0, prefix.size(), prefix) != 0)
    throw ApiError(400, "schema",
                   fmt::format(R"(got "{}"; a liaison of {} creates pledges whose id begins with "{}" (e.g. "{}7"))",
                               id, context.user().nation, prefix, prefix),
                   "/id");
}

Reply create(Context& context) {
  const model::Pledge pledge = decode_checked(context);
  require_own(context, pledge.nation, "/nation");
  require_own_id_space(context, pledge.id);
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
