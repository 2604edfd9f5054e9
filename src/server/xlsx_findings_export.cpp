// GET /api/v1/findings/{id}.xlsx: a findings version as a workbook of two sheets, "Findings" (the
// columns of the monitoring page's CSV, one row per finding) and "Incidents" (one row per
// incident: where and when, its most serious outcome, each provision's outcome and its reports).
// Findings judged with the example agreement or graded with the example source registry are
// labelled ILLUSTRATIVE, as on the page (the hashes come from data/ at build time).
#include <map>

#include <fmt/format.h>
#include <fmt/ranges.h>

#include "xlsx_exports.hpp"

namespace guarantor::server {

namespace {
const char* const LABEL = "ILLUSTRATIVE";
const std::map<std::string, int> SEVERITY = {{"violation", 0}, {"undetermined", 1}, {"no_violation", 2}};

int severity(const std::string& outcome) {
  const auto it = SEVERITY.find(outcome);
  return it == SEVERITY.end() ? 3 : it->second;
}

std::string joined(const std::vector<std::string>& parts) { return fmt::format("{}", fmt::join(parts, "; ")); }

std::string tests_text(const json& finding) {
  std::vector<std::string> parts;
  for (const auto& test : finding.value("tests", json::array()))
    parts.push_back(fmt::format("{}: {} - {}", test.value("test", ""), test.value("verdict", ""), test.value("reason", "")));
  return joined(parts);
}

// "UA: 2 reports, actor claimed RU ×2", as the page writes it.
std::string claims_text(const json& finding) {
  std::vector<std::string> parts;
  // Locals, not temporaries: items() of a temporary would not outlive the loop's first step.
  const json claims = finding.value("claims", json::object());
  for (const auto& [party, claim] : claims.items()) {
    std::vector<std::string> actors;
    const json named = claim.value("claimed_actors", json::object());
    for (const auto& [actor, count] : named.items()) actors.push_back(fmt::format("{} \u00d7{}", actor, count.dump()));
    const int reports = claim.value("reports", 0);
    parts.push_back(fmt::format("{}: {} report{}{}", party, reports, reports == 1 ? "" : "s",
                                actors.empty() ? ", no actor claimed" : ", actor claimed " + fmt::format("{}", fmt::join(actors, ", "))));
  }
  return joined(parts);
}

std::string sources_text(const json& finding) {
  std::vector<std::string> parts;
  for (const auto& source : finding.value("sources", json::array()))
    parts.push_back(fmt::format("{} ({})", source.value("report", ""), source.value("origin", "")));
  return joined(parts);
}

json coordinate(const json& finding, std::size_t index) {
  const json position = finding.value("position", json());
  return position.is_array() && position.size() > index ? position[index] : json();
}
}  // namespace

bool findings_illustrative(const json& version) {
  const json inputs = version.value("inputs", json::object());
  return inputs.value("agreement_sha256", "") == GUARANTOR_EXAMPLE_AGREEMENT_SHA256 ||
         inputs.value("source_registry_sha256", "") == GUARANTOR_EXAMPLE_SOURCE_REGISTRY_SHA256;
}

Reply findings_workbook(Context& context, const std::function<json(const std::string&)>& read) {
  const std::string id = context.path_param(1);
  const json version = read("/api/v1/findings/" + id);
  const bool illustrative = findings_illustrative(version);
  const json label = illustrative ? LABEL : "no";
  const json published = version.value("published", false) ? "yes" : "no";
  XlsxSheet findings{"Findings", {"findings_version", "incident", "date", "provision", "outcome", "grade", "reliability", "credibility", "longitude",
                                  "latitude", "country", "tests", "reasons", "claims", "sources", "published", "illustrative"}, {}};
  struct Incident {
    json first;
    std::string worst;
    std::vector<std::string> outcomes;
  };
  std::map<std::string, Incident> incidents;
  for (const auto& finding : version.at("findings").value("findings", json::array())) {
    const json grade = finding.value("grade", json::object());
    std::vector<std::string> reasons;
    for (const auto& reason : finding.value("reasons", json::array())) reasons.push_back(reason.get<std::string>());
    const std::string outcome = finding.value("outcome", "");
    findings.rows.push_back({version.at("id"), finding.value("incident", json()), finding.value("date", json()), finding.value("provision", json()),
                             outcome, grade.value("code", json()), grade.value("reliability", json()), grade.value("credibility", json()),
                             coordinate(finding, 0), coordinate(finding, 1), finding.value("country", json()), tests_text(finding),
                             joined(reasons), claims_text(finding), sources_text(finding), published, label});
    auto [it, added] = incidents.try_emplace(finding.value("incident", std::string()), Incident{finding, outcome, {}});
    if (!added && severity(outcome) < severity(it->second.worst)) it->second.worst = outcome;
    it->second.outcomes.push_back(fmt::format("{} {}", finding.value("provision", ""), outcome));
  }
  XlsxSheet by_incident{"Incidents", {"findings_version", "incident", "date", "longitude", "latitude", "country", "most_serious", "outcomes",
                                      "reports", "sources", "published", "illustrative"}, {}};
  for (const auto& [incident, seen] : incidents)
    by_incident.rows.push_back({version.at("id"), incident, seen.first.value("date", json()), coordinate(seen.first, 0), coordinate(seen.first, 1),
                                seen.first.value("country", json()), seen.worst, joined(seen.outcomes),
                                seen.first.value("sources", json::array()).size(), sources_text(seen.first), published, label});
  return xlsx_reply({findings, by_incident}, fmt::format("Findings version {}", id), fmt::format("findings-{}", id), illustrative,
                    "judged against the example agreement or graded with the example source registry, whose ratings are not an assessment of any outlet");
}

}  // namespace guarantor::server
