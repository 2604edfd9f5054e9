// GET /api/v1/findings/{id}/incidents.csv and /incidents.xlsx: the incidents of a findings
// version, one row each - where and when, the admin area an incident is located only to, its
// most serious outcome, each provision's outcome, its reports and their sources - for an analyst
// who wants the events rather than the judgements. Read from the version's index (the monitoring
// page's, findings_index.hpp), so a version of 100,000 incidents is not parsed whole again, with
// the findings' access rule: unpublished versions only for monitors and the secretariat. Text
// cells are formula-neutralised as in every CSV and XLSX export (docs/web.md).
#include <map>
#include <memory>

#include <fmt/format.h>
#include <fmt/ranges.h>

#include "guarantor/io/csv_writer.hpp"
#include "xlsx_exports.hpp"

namespace guarantor::server {

namespace {
using store::Role;
const std::set<Role> INCIDENT_READERS = {Role::Secretariat, Role::Liaison, Role::HostNation,
                                         Role::Planner,     Role::Monitor, Role::Observer};
constexpr const char* INCIDENTS_PATH = R"(/api/v1/findings/([0-9]{1,18})/incidents)";
const std::vector<std::string> INCIDENT_COLUMNS = {
    "findings_version", "incident",     "date",     "longitude", "latitude", "country",   "area",
    "area_name",        "most_serious", "outcomes", "reports",   "sources",  "published", "illustrative"};

// One incident's findings: the first in the index's order (most serious first) carries the
// incident's place, date and reports, which every finding of the incident repeats.
struct IncidentFindings {
  const IndexedFinding* first = nullptr;
  std::size_t worst = FINDING_OUTCOMES.size();
  std::vector<std::string> outcomes;  ///< "provision outcome", in the index's order
};

// The rows of INCIDENT_COLUMNS, ordered by incident id (as the findings workbook's Incidents sheet).
std::vector<std::vector<json>> incident_rows(const FindingsIndex& index, const json& version, bool illustrative) {
  std::map<std::string, IncidentFindings> incidents;
  for (const auto& finding : index.findings) {
    auto& seen = incidents[finding.incident];
    if (seen.first == nullptr) seen.first = &finding;
    seen.worst = std::min(seen.worst, finding.outcome);
    seen.outcomes.push_back(fmt::format("{} {}", finding.provision, FINDING_OUTCOMES.at(finding.outcome)));
  }
  const json published = version.value("published", false) ? "yes" : "no";
  const json label = illustrative ? "ILLUSTRATIVE" : "no";
  std::vector<std::vector<json>> rows;
  rows.reserve(incidents.size());
  for (const auto& [incident, seen] : incidents) {
    // Country and sources are not index keys: read from the first finding's own JSON.
    const json first = json::parse(seen.first->text);
    std::vector<std::string> sources;
    for (const auto& source : first.value("sources", json::array()))
      sources.push_back(fmt::format("{} ({})", source.value("report", ""), source.value("origin", "")));
    const auto& position = seen.first->position;
    rows.push_back({version.at("id"), incident, seen.first->date.empty() ? json() : json(seen.first->date),
                    position ? json(position->at(0)) : json(), position ? json(position->at(1)) : json(),
                    first.value("country", json()), seen.first->area, seen.first->area_name,
                    FINDING_OUTCOMES.at(seen.worst), fmt::format("{}", fmt::join(seen.outcomes, "; ")), sources.size(),
                    fmt::format("{}", fmt::join(sources, "; ")), published, label});
  }
  return rows;
}

// A cell as CSV text: numbers as JSON writes them, text formula-neutralised and quoted.
std::string csv_cell(const json& cell) {
  if (cell.is_null()) return {};
  if (cell.is_string()) return io::csv_text_field(cell.get_ref<const std::string&>());
  return cell.dump();
}

struct IncidentExport {
  std::int64_t id = 0;
  bool illustrative = false;
  std::vector<std::vector<json>> rows;
};

IncidentExport incident_export(Context& context) {
  const auto version = visible_findings_version(context, context.path_param(1));
  const json listed = store::encode_findings_version(version);
  const bool illustrative = findings_illustrative(listed);
  return {version.id, illustrative, incident_rows(*findings_index_of(context, version), listed, illustrative)};
}

Reply incidents_csv(Context& context) {
  const IncidentExport exported = incident_export(context);
  // RFC 4180: comma-separated, CRLF line ends, UTF-8.
  std::string text = fmt::format("{}\r\n", fmt::join(INCIDENT_COLUMNS, ","));
  for (const auto& row : exported.rows) {
    for (std::size_t column = 0; column < row.size(); ++column) {
      if (column > 0) text += ',';
      text += csv_cell(row[column]);
    }
    text += "\r\n";
  }
  Reply reply;
  reply.headers["Content-Disposition"] = fmt::format("attachment; filename=\"incidents-{}{}.csv\"", exported.id,
                                                     exported.illustrative ? "-ILLUSTRATIVE" : "");
  auto shared = std::make_shared<const std::string>(std::move(text));
  reply.stream = [shared](httplib::Response& response) { response.set_content(*shared, "text/csv; charset=utf-8"); };
  return reply;
}

Reply incidents_xlsx(Context& context) {
  IncidentExport exported = incident_export(context);
  const XlsxSheet sheet{"Incidents", INCIDENT_COLUMNS, std::move(exported.rows)};
  return xlsx_reply(
      {sheet}, fmt::format("Incidents of findings version {}", exported.id), fmt::format("incidents-{}", exported.id),
      exported.illustrative,
      "judged against the example agreement or graded with the example source registry, whose ratings are not an "
      "assessment of any outlet");
}
}  // namespace

void add_incidents_export_routes(std::vector<Route>& table) {
  table.push_back({"GET", std::string(INCIDENTS_PATH) + "\\.csv", INCIDENT_READERS, incidents_csv});
  table.push_back({"GET", std::string(INCIDENTS_PATH) + "\\.xlsx", INCIDENT_READERS, incidents_xlsx});
}

}  // namespace guarantor::server
