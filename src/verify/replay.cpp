// Replay: repeat the last run of an evidence log from the log alone and compare findings.
#include <fstream>

#include <fmt/format.h>

#include "guarantor/core/error.hpp"
#include "guarantor/verify/audit.hpp"
#include "guarantor/verify/pipeline.hpp"
#include "guarantor/verify/verify_json.hpp"

namespace guarantor::verify {

ReplayResult replay_log(const std::filesystem::path& path) {
  // The logged reports' repeated text, freed when the replay ends (shared_text.hpp).
  const TextPool::Scope text_scope(std::make_shared<TextPool>());
  const AuditResult audit = audit_log_file(path);
  if (!audit.ok()) throw Error(ErrorCode::Tampered, path.string(), audit.problems.front().message);
  std::ifstream in(path, std::ios::binary);
  const std::vector<LogEntry> entries = read_log(in, path.string());
  std::size_t start = entries.size();
  for (std::size_t i = entries.size(); i-- > 0;)
    if (entries[i].kind == log_kind::RUN_START) {
      start = i;
      break;
    }
  if (start == entries.size()) throw Error(ErrorCode::Schema, path.string(), "the log holds no run_start entry");

  const LogEntry& run_start = entries[start];
  const std::string where = fmt::format("{}:{}", path.string(), run_start.line);
  const VerifyParams params = verify_params_from_json(run_start.body.at("parameters"), where);
  const Agreement agreement = agreement_from_json(run_start.body.at("agreement"), where + " agreement");
  const SourceRegistry registry = source_registry_from_json(run_start.body.at("source_registry"), where + " registry");
  std::optional<geo::MultiPolygon> occupied;
  if (const auto& area = run_start.body.at("occupied_area"); !area.is_null()) {
    std::vector<geo::Polygon> parts;
    for (const auto& rings : area) {
      geo::Polygon polygon;
      for (std::size_t r = 0; r < rings.size(); ++r) {
        geo::Ring ring;
        for (const auto& p : rings[r]) ring.push_back({p.at(0).get<double>(), p.at(1).get<double>()});
        (r == 0 ? polygon.outer : polygon.holes.emplace_back()) = std::move(ring);
      }
      parts.push_back(std::move(polygon));
    }
    occupied.emplace(std::move(parts));
  }

  std::vector<Report> reports;
  std::vector<Rejection> rejected;
  std::vector<nlohmann::json> logged_findings;
  for (std::size_t i = start + 1; i < entries.size(); ++i) {
    const LogEntry& entry = entries[i];
    if (entry.kind == log_kind::REPORT)
      reports.push_back(report_from_json(entry.body, fmt::format("{}:{}", path.string(), entry.line)));
    else if (entry.kind == log_kind::REJECTED)
      rejected.push_back({entry.body.value("where", ""), entry.body.value("reason", "")});
    else if (entry.kind == log_kind::FINDING)
      logged_findings.push_back(entry.body);
  }
  // Reports were geocoded before they were logged: no gazetteer is needed to repeat the run.
  const VerifyResult replayed = verify_reports(std::move(reports), std::move(rejected), agreement, registry, nullptr,
                                               occupied ? &*occupied : nullptr, params, nullptr);
  ReplayResult result;
  result.findings_logged = logged_findings.size();
  result.findings_replayed = replayed.findings.size();
  if (result.findings_logged != result.findings_replayed)
    result.differences.push_back(fmt::format("the log holds {} findings, the replay gives {}", result.findings_logged,
                                             result.findings_replayed));
  const std::size_t common = std::min(result.findings_logged, result.findings_replayed);
  for (std::size_t i = 0; i < common; ++i) {
    const nlohmann::json again = to_json(replayed.findings[i]);
    if (again != logged_findings[i])
      result.differences.push_back(fmt::format("finding {} ({} / {}) differs: logged {}, replayed {}", i,
                                               logged_findings[i].value("provision", ""),
                                               logged_findings[i].value("incident", ""),
                                               logged_findings[i].value("outcome", ""), to_string(replayed.findings[i].outcome)));
  }
  return result;
}

}  // namespace guarantor::verify
