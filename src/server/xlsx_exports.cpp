// Spreadsheet (XLSX) exports of the tables the pages save as CSV: pledges, the gap board, a
// plan's movements (assignments and arrivals), and a findings version's findings and incidents.
// Each reads the JSON answer of the API route it mirrors, as the caller: the same role check,
// the same cut of other nations' pledges, the same published-only rule, so a spreadsheet never
// shows more than the API does. The columns are the CSV exports' (docs/web.md), plus an
// `illustrative` column, and a workbook of illustrative data prints ILLUSTRATIVE on every page.
#include <algorithm>
#include <memory>
#include <regex>

#include <fmt/format.h>
#include <fmt/ranges.h>

#include "xlsx_exports.hpp"

namespace guarantor::server {

namespace {
using store::Role;
constexpr const char* XLSX_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
// The roles that read a plan in full, and so its movements (plan_endpoints.cpp, FULL_READERS).
const std::set<Role> PLAN_READERS = {Role::Secretariat, Role::HostNation, Role::Planner};
const char* const LABEL = "ILLUSTRATIVE";

// The JSON answer of the GET route `path` (with `params`) for the caller of `context`, through
// the route table: its role check first, exactly as a request of that path would be served.
json read_as_caller(Context& context, const std::string& path, const httplib::Params& params = {}) {
  static const std::vector<Route> table = routes();
  httplib::Request inner = context.request;
  inner.method = "GET";
  inner.path = path;
  inner.params = params;
  inner.body.clear();
  for (const auto& route : table) {
    if (route.method != "GET" || !std::regex_match(inner.path, inner.matches, std::regex(route.pattern))) continue;
    if (!route.roles.contains(context.user().role))
      throw ApiError(403, "forbidden", fmt::format("the role {} may not read {}", store::to_string(context.user().role), path));
    Context read{inner, context.principal, context.server};
    Reply reply = route.handler(read);
    return reply.text.empty() ? reply.body : json::parse(reply.text);
  }
  throw std::logic_error(fmt::format("no GET route answers {}", path));
}

}  // namespace

Reply xlsx_reply(const std::vector<XlsxSheet>& sheets, const std::string& title, const std::string& file, bool illustrative, const std::string& note) {
  std::string bytes;
  try {
    bytes = xlsx_workbook(sheets, title, illustrative ? note : std::string());
  } catch (const std::runtime_error& error) {
    throw ApiError(500, "export_failed", fmt::format("the spreadsheet could not be written: {}", error.what()));
  }
  Reply reply;
  reply.headers["Content-Disposition"] = fmt::format("attachment; filename=\"{}{}.xlsx\"", file, illustrative ? "-ILLUSTRATIVE" : "");
  auto shared = std::make_shared<const std::string>(std::move(bytes));
  reply.stream = [shared](httplib::Response& response) { response.set_content(*shared, XLSX_TYPE); };
  return reply;
}

namespace {

std::string joined(const std::vector<std::string>& parts, const char* separator = "; ") { return fmt::format("{}", fmt::join(parts, separator)); }

std::string caveats_text(const json& pledge) {
  if (!pledge.contains("caveats")) return "not shared";
  std::vector<std::string> parts;
  for (const auto& caveat : pledge.at("caveats")) {
    std::vector<std::string> values;
    for (const auto& value : caveat.value("values", json::array())) values.push_back(value.get<std::string>());
    parts.push_back(fmt::format("{} {}", caveat.value("kind", ""), joined(values, ", ")));
  }
  return parts.empty() ? "none" : joined(parts);
}

Reply pledges(Context& context) {
  // Every page of the list, as the caller reads it.
  json items = json::array();
  for (std::size_t offset = 0;;) {
    const json page = read_as_caller(context, "/api/v1/pledges", {{"limit", "1000"}, {"offset", std::to_string(offset)}});
    for (const auto& item : page.at("items")) items.push_back(item);
    offset += page.at("items").size();
    if (page.at("items").empty() || offset >= page.at("total").get<std::size_t>()) break;
  }
  XlsxSheet sheet{"Pledges", {"id", "nation", "capability", "quantity", "readiness_days", "status", "caveats", "valid_until", "visibility", "illustrative"}, {}};
  bool illustrative = false;
  for (const auto& item : items) {
    const json& pledge = item.at("pledge");
    const bool full = item.at("visibility") == "full";
    const bool labelled = pledge.value("illustrative", false);
    illustrative = illustrative || labelled;
    sheet.rows.push_back({pledge.at("id"), pledge.at("nation"), pledge.at("capability"), pledge.value("quantity", json()),
                          pledge.value("readiness_days", json()), pledge.value("status", json()), caveats_text(pledge),
                          full ? json(pledge.value("valid_until", "")) : json("not shared"), item.at("visibility"), labelled ? LABEL : "no"});
  }
  return xlsx_reply({sheet}, "Pledges", "pledges", illustrative, "pledges marked illustrative are built from public statements, not real offers");
}

Reply gap_board(Context& context) {
  const json board = read_as_caller(context, "/api/v1/gap-board");
  const bool illustrative = board.value("illustrative", false);
  XlsxSheet sheet{"Gap board", {"phase", "line", "capability", "priority", "required", "filled", "shortfall", "status", "pledge", "nation",
                                "offered", "committed", "verdict", "reason", "illustrative"}, {}};
  for (const auto& phase : board.at("phases")) {
    for (const auto& line : phase.at("lines")) {
      const std::vector<json> base = {phase.at("phase"), line.at("id"), line.at("capability"), line.at("priority"), line.at("required"),
                                      line.at("filled"), line.at("shortfall"), line.at("status")};
      const json label = illustrative ? LABEL : "no";
      if (line.at("pledges").empty()) {
        std::vector<std::string> reasons;
        for (const auto& reason : line.value("gap_reasons", json::array())) reasons.push_back(reason.get<std::string>());
        auto row = base;
        row.insert(row.end(), {json(), json(), json(), json(), json(), joined(reasons), label});
        sheet.rows.push_back(std::move(row));
      }
      for (const auto& pledge : line.at("pledges")) {
        auto row = base;
        row.insert(row.end(), {pledge.value("pledge", json()), pledge.value("nation", json()), pledge.value("offered", json()),
                               pledge.value("committed", json()), pledge.value("verdict", json()), pledge.value("reason", json()), label});
        sheet.rows.push_back(std::move(row));
      }
    }
  }
  return xlsx_reply({sheet}, "Gap board", "gap-board", illustrative, board.value("notice", "the pledges are illustrative"));
}

// A D+ day, or an empty cell where the plan has none (-1).
json day(const json& unit, const char* key) {
  const json value = unit.value(key, json());
  return value.is_number() && value.get<double>() < 0 ? json() : value;
}

Reply movements(Context& context) {
  const std::string id = context.path_param(1);
  const json version = read_as_caller(context, "/api/v1/plans/" + id);
  const bool illustrative = version.value("headline", json::object()).value("illustrative", false);
  std::vector<json> units;
  for (const auto& unit : version.at("plan").value("assignments", json::array())) units.push_back(unit);
  std::stable_sort(units.begin(), units.end(), [](const json& a, const json& b) {
    return a.value("arrival_day", 0) != b.value("arrival_day", 0) ? a.value("arrival_day", 0) < b.value("arrival_day", 0)
                                                                  : a.value("unit", "") < b.value("unit", "");
  });
  XlsxSheet sheet{"Movements", {"unit", "nation", "capability", "line", "phase_gate_day", "ready_day", "entry_node", "entry_day", "transshipment",
                                "transshipment_day", "arrival_day", "required_by_day", "site", "personnel", "route", "illustrative"}, {}};
  for (const auto& unit : units)
    sheet.rows.push_back({unit.value("unit", json()), unit.value("nation", json()), unit.value("capability", json()), unit.value("line", json()),
                          day(unit, "phase_gate_day"), day(unit, "ready_day"), unit.value("entry_node", json()), day(unit, "entry_day"),
                          unit.value("transshipment", json()), day(unit, "transshipment_day"), day(unit, "arrival_day"),
                          day(unit, "required_by_day"), unit.value("site", json()), unit.value("personnel", json()), unit.value("route", json()),
                          illustrative ? LABEL : "no"});
  return xlsx_reply({sheet}, fmt::format("Movements of plan version {}", id), fmt::format("plan-{}-movements", id), illustrative,
                        "the plan is made from illustrative pledges");
}
}  // namespace

void add_xlsx_routes(std::vector<Route>& table) {
  const auto roles_of = [&table](const std::string& pattern) {
    for (const auto& route : table)
      if (route.method == "GET" && route.pattern == pattern) return route.roles;
    throw std::logic_error("no GET route " + pattern);
  };
  table.push_back({"GET", "/api/v1/pledges\\.xlsx", roles_of("/api/v1/pledges"), pledges});
  table.push_back({"GET", "/api/v1/gap-board\\.xlsx", roles_of("/api/v1/gap-board"), gap_board});
  table.push_back({"GET", R"(/api/v1/plans/([0-9]{1,18})/movements\.xlsx)", PLAN_READERS, movements});
  table.push_back({"GET", R"(/api/v1/findings/([0-9]{1,18})\.xlsx)", roles_of(R"(/api/v1/findings/([0-9]{1,18}))"), [](Context& context) {
                     return findings_workbook(context, [&context](const std::string& path) { return read_as_caller(context, path); });
                   }});
}

}  // namespace guarantor::server
