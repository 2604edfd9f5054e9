// /api/v1/findings: findings versions made by verify jobs. Monitors and the secretariat read
// every version; every other role reads only published ones. Publishing is a separate, audited
// act of a monitor or the secretariat, once per version.
#include <fmt/format.h>

#include "pledge_scope.hpp"

namespace guarantor::server {

namespace {
using store::Role;
const std::set<Role> EVERYONE = {Role::Secretariat, Role::Liaison, Role::HostNation, Role::Planner, Role::Monitor, Role::Observer};
const std::set<Role> MONITORING = {Role::Secretariat, Role::Monitor};
constexpr const char* ONE = R"(/api/v1/findings/([0-9]{1,18}))";

bool reads_unpublished(const Context& context) { return MONITORING.contains(context.user().role); }

Reply list(Context& context) {
  const auto [limit, offset] = page_of(context.request);
  json items = json::array();
  std::size_t total = 0;
  for (const auto& version : context.server.workspace.findings_versions()) {
    if (!reads_unpublished(context) && !version.published()) continue;
    if (total++ < offset || items.size() >= limit) continue;
    items.push_back(store::encode_findings_version(version));
  }
  return {200, {{"items", items}, {"total", total}, {"limit", limit}, {"offset", offset}}, {}};
}

Reply read_one(Context& context) {
  const auto version = visible_findings_version(context, context.path_param(1));
  // The findings document goes out as the store holds it (the JSON the verify job wrote), added
  // as one more member after the version's fields: parsing and re-encoding it changed nothing
  // and cost seconds for a large version (60 MiB of JSON for 56,078 findings).
  const std::string document = context.server.workspace.findings_version_text(version.id);
  std::string text = store::encode_findings_version(version).dump();
  text.pop_back();  // the closing brace of the version's fields
  text.reserve(text.size() + document.size() + 16);
  text += ",\"findings\":";
  text += document;
  text += '}';
  Reply reply;
  reply.text = std::move(text);
  return reply;
}

Reply publish(Context& context) {
  const auto version = visible_findings_version(context, context.path_param(1));
  return {200, store::encode_findings_version(context.server.workspace.publish_findings_version(version.id, context.user().name)),
          {}};
}
}  // namespace

// 404 for an unknown id and, for readers of published findings only, for an unpublished one (as
// if it did not exist).
store::FindingsVersion visible_findings_version(Context& context, const std::string& id_text) {
  auto version = context.server.workspace.findings_version(std::stoll(id_text));
  if (!version || (!reads_unpublished(context) && !version->published()))
    throw store::NotFound("findings_version", id_text);
  return *version;
}

void add_findings_routes(std::vector<Route>& table) {
  table.push_back({"GET", "/api/v1/findings", EVERYONE, list});
  table.push_back({"GET", ONE, EVERYONE, read_one});
  table.push_back({"POST", std::string(ONE) + "/publish", MONITORING, publish});
}

}  // namespace guarantor::server
