#include "pledge_scope.hpp"

#include <fmt/format.h>

namespace guarantor::server {

namespace {
// The fields a capability-only nation shows: what is offered and how fast, never where it may
// go, on what conditions, from where, or on whose statement.
constexpr std::array<std::string_view, 7> CAPABILITY_FIELDS = {"id",             "nation", "capability", "quantity",
                                                              "readiness_days", "status", "illustrative"};
constexpr std::size_t DEFAULT_PAGE = 100;
constexpr std::size_t MAX_PAGE = 1000;

std::size_t query_number(const httplib::Request& request, const std::string& key, std::size_t fallback,
                         std::size_t min, std::size_t max) {
  if (!request.has_param(key)) return fallback;
  const std::string text = request.get_param_value(key);
  const bool digits = !text.empty() && text.size() <= 9 && std::all_of(text.begin(), text.end(), ::isdigit);
  const std::size_t value = digits ? std::stoul(text) : 0;
  if (!digits || value < min || value > max)
    throw ApiError(400, "schema", fmt::format("got \"{}\"; expected an integer from {} to {}", text, min, max), "?" + key);
  return value;
}
}  // namespace

bool reads_full_gap_board(const store::User& viewer) {
  using store::Role;
  // The roles that see every pledge, and the host nation, which reads every plan in full (a plan
  // names every pledge and caveat), so a cut board would hide nothing from it.
  return viewer.role == Role::Secretariat || viewer.role == Role::HostNation || viewer.role == Role::Planner;
}

std::function<force::Disclosure(const std::string& nation)> disclosure_for(
    const store::User& viewer, const std::map<std::string, store::SharingLevel>& levels) {
  return [viewer, levels](const std::string& nation) {
    const auto level = levels.find(nation);
    switch (visibility_of(viewer, nation, level == levels.end() ? store::SharingLevel::Full : level->second)) {
      case Visibility::Full: return force::Disclosure::Full;
      case Visibility::CapabilityOnly: return force::Disclosure::CapabilityOnly;
      case Visibility::Hidden: break;
    }
    return force::Disclosure::Aggregate;
  };
}

std::string_view to_string(Visibility visibility) {
  switch (visibility) {
    case Visibility::Full: return "full";
    case Visibility::CapabilityOnly: return "capability_only";
    case Visibility::Hidden: return "hidden";
  }
  return "hidden";
}

Visibility visibility_of(const store::User& viewer, const std::string& pledge_nation, store::SharingLevel sharing) {
  using store::Role;
  if (viewer.role == Role::Secretariat || viewer.role == Role::Planner) return Visibility::Full;
  if (viewer.role == Role::Liaison && viewer.nation == pledge_nation) return Visibility::Full;
  if (viewer.role != Role::Liaison && viewer.role != Role::HostNation) return Visibility::Hidden;
  switch (sharing) {
    case store::SharingLevel::Full: return Visibility::Full;
    case store::SharingLevel::CapabilityOnly: return Visibility::CapabilityOnly;
    case store::SharingLevel::Aggregate: return Visibility::Hidden;
  }
  return Visibility::Hidden;
}

std::string scope_key(const store::User& viewer) {
  // visibility_of reads the viewer's role and, for a liaison, its nation; nothing else.
  const std::string nation = viewer.role == store::Role::Liaison ? viewer.nation : "";
  return fmt::format("{}:{}", store::to_string(viewer.role), nation);
}

Handler cached_by_scope(PledgeRead read) {
  return [read = std::move(read)](Context& context) {
    auto& server = context.server;
    // The snapshot is the state just after its revision, read in one transaction, so an answer
    // kept under a revision is exactly that revision's.
    const auto pledges = server.pledge_table.current(server.workspace);
    const std::int64_t revision = pledges->revision;
    // Each part prefixed by its length, so no path, name or value can run into the next and
    // alias another key, whatever bytes it holds.
    std::string key;
    const auto add = [&key](const std::string& part) { key += fmt::format("{}:{};", part.size(), part); };
    add(scope_key(context.user()));
    add(context.request.path);
    for (const auto& [name, value] : context.request.params) {
      add(name);
      add(value);
    }
    if (auto hit = server.responses.find(key, revision)) {
      Reply reply{hit->status, nullptr, std::move(hit->headers)};
      reply.text = std::move(hit->text);
      return reply;
    }
    Reply reply = read(context, *pledges);
    if (reply.status == 200 && !reply.stream) {
      if (reply.text.empty()) reply.text = reply.body.dump();
      server.responses.store(key, revision, CachedReply{reply.status, reply.headers, reply.text});
    }
    return reply;
  };
}

json pledge_view(const json& pledge, Visibility visibility) {
  if (visibility == Visibility::Hidden || !pledge.is_object()) return nullptr;
  if (visibility == Visibility::Full) return pledge;
  json cut = json::object();
  for (const auto field : CAPABILITY_FIELDS) {
    auto it = pledge.find(std::string(field));
    if (it != pledge.end()) cut[std::string(field)] = *it;
  }
  return cut;
}

std::map<std::string, store::SharingLevel> sharing_levels(store::Workspace& workspace) {
  std::map<std::string, store::SharingLevel> levels;
  for (const auto& record : workspace.nations()) levels[record.nation.iso2] = record.sharing;
  return levels;
}

std::pair<std::size_t, std::size_t> page_of(const httplib::Request& request) {
  return {query_number(request, "limit", DEFAULT_PAGE, 1, MAX_PAGE), query_number(request, "offset", 0, 0, 1'000'000'000)};
}

}  // namespace guarantor::server
