// GET /api/v1/findings/{id}/summary and /findings: a findings version as the monitoring page
// reads it at scale - counts and map points under the page's filters, then pages of findings on
// demand - from the version's index, built once and kept (findings_index.hpp).
#include <algorithm>
#include <regex>

#include <fmt/format.h>

#include "findings_index.hpp"
#include "pledge_scope.hpp"

namespace guarantor::server {

namespace {
using nlohmann::json;
using store::Role;
const std::set<Role> READERS = {Role::Secretariat, Role::Liaison, Role::HostNation,
                                Role::Planner,     Role::Monitor, Role::Observer};
constexpr const char* VERSION_PATH = R"(/api/v1/findings/([0-9]{1,18}))";
// Deepest zoom a map cell is asked for (Leaflet's street level is 18-19).
constexpr int MAX_ZOOM = 22;
// Incidents a client may ask to draw one by one; past them the map answers in cells.
constexpr std::size_t MAX_MAP_POINTS = 3000;

std::string query(const httplib::Request& request, const std::string& key) {
  return request.has_param(key) ? request.get_param_value(key) : std::string();
}

ApiError bad_query(const std::string& key, const std::string& got, const std::string& expected) {
  return {400, "schema", fmt::format("got \"{}\"; expected {}", got, expected), "?" + key};
}

FindingsFilter filter_of(const httplib::Request& request, const FindingsIndex& index) {
  FindingsFilter filter{query(request, "provision"), query(request, "party"), query(request, "grade"),
                        query(request, "outcome"),   query(request, "from"),  query(request, "until"),
                        query(request, "incident")};
  if (!filter.outcome.empty() &&
      std::find(FINDING_OUTCOMES.begin(), FINDING_OUTCOMES.end(), filter.outcome) == FINDING_OUTCOMES.end())
    throw bad_query("outcome", filter.outcome, "violation, undetermined or no_violation");
  if (!filter.provision.empty()) {
    std::string known;
    bool found = false;
    for (const auto& provision : index.provisions) {
      found = found || provision.at("id") == filter.provision;
      known += (known.empty() ? "" : ", ") + provision.at("id").get<std::string>();
    }
    if (!found) throw bad_query("provision", filter.provision, "a provision of this version's agreement: " + known);
  }
  static const std::regex DATE(R"(\d{4}-\d{2}-\d{2})");
  for (const auto& [key, value] : {std::pair{"from", filter.from}, std::pair{"until", filter.until}})
    if (!value.empty() && !std::regex_match(value, DATE)) throw bad_query(key, value, "a date YYYY-MM-DD");
  return filter;
}

std::int64_t integer_query(const httplib::Request& request, const std::string& key, std::int64_t fallback,
                           std::int64_t min, std::int64_t max) {
  const std::string text = query(request, key);
  if (text.empty()) return fallback;
  std::size_t used = 0;
  std::int64_t value = 0;
  try {
    value = std::stoll(text, &used);
  } catch (const std::exception&) {
    used = 0;
  }
  if (used == 0 || used != text.size() || value < min || value > max)
    throw bad_query(key, text, fmt::format("an integer from {} to {}", min, max));
  return value;
}

MapRequest map_of(const httplib::Request& request) {
  MapRequest map;
  map.zoom = static_cast<int>(integer_query(request, "zoom", map.zoom, 0, MAX_ZOOM));
  map.max_points = static_cast<std::size_t>(integer_query(request, "max_points", MAX_MAP_POINTS, 0, MAX_MAP_POINTS));
  const std::string bbox = query(request, "bbox");
  if (bbox.empty()) return map;
  static const std::regex NUMBER(R"(\s*-?\d+(\.\d+)?\s*)");
  std::vector<std::string> parts(1);
  for (const char c : bbox) {
    if (c == ',') parts.emplace_back();
    else parts.back() += c;
  }
  const bool numbers = parts.size() == 4 && std::all_of(parts.begin(), parts.end(), [](const auto& part) {
                         return std::regex_match(part, NUMBER);
                       });
  std::array<double, 4> corners{};
  if (numbers)
    for (std::size_t at = 0; at < corners.size(); ++at) corners.at(at) = std::stod(parts.at(at));
  const auto [west, south, east, north] = corners;
  if (!numbers || west > east || south > north || west < -180 || east > 180 || south < -90 || north > 90)
    throw bad_query("bbox", bbox,
                    "west,south,east,north in degrees, west <= east within -180..180, south <= north within -90..90");
  map.bbox = corners;
  return map;
}

Reply summary(Context& context) {
  const auto index = findings_index_of(context, visible_findings_version(context, context.path_param(1)));
  Reply reply;
  const std::string only = query(context.request, "only");
  if (!only.empty() && only != "map") throw bad_query("only", only, "map (the map part alone), or no value");
  json body = findings_summary(*index, filter_of(context.request, *index), map_of(context.request));
  // A map moved or zoomed asks for its part alone: the counts are those it already has.
  if (only == "map") body = json{{"map", std::move(body.at("map"))}};
  reply.text = body.dump();
  return reply;
}

Reply findings(Context& context) {
  const auto index = findings_index_of(context, visible_findings_version(context, context.path_param(1)));
  const auto [limit, offset] = page_of(context.request);
  Reply reply;
  reply.text = findings_page(*index, filter_of(context.request, *index), limit, offset);
  return reply;
}
}  // namespace

std::shared_ptr<const FindingsIndex> findings_index_of(Context& context, const store::FindingsVersion& version) {
  auto& workspace = context.server.workspace;
  return context.server.findings_indexes.get(version.id, [&] { return workspace.findings_version_text(version.id); });
}

void add_findings_view_routes(std::vector<Route>& table) {
  table.push_back({"GET", std::string(VERSION_PATH) + "/summary", READERS, summary});
  table.push_back({"GET", std::string(VERSION_PATH) + "/findings", READERS, findings});
}

}  // namespace guarantor::server
