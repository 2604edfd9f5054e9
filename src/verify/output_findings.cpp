// findings.json: the findings with their incident's date, position and sources, per-provision
// counts, aggregates by day and by side, and what the run read and rejected.
#include <array>
#include <fstream>
#include <functional>
#include <map>
#include <ostream>
#include <unordered_map>

#include "canonical_json.hpp"
#include "guarantor/core/date.hpp"
#include "guarantor/core/error.hpp"
#include "guarantor/io/temporary_files.hpp"
#include "guarantor/verify/outputs.hpp"
#include "guarantor/verify/verify_json.hpp"
#include "ordered_text.hpp"

namespace guarantor::verify {
namespace {

constexpr auto REPLACE = nlohmann::json::error_handler_t::replace;
constexpr std::size_t OUTCOMES = 3;  // Outcome's enumerators, used as array indexes

// Findings per outcome, as a json object naming only the outcomes that occur (as the aggregates
// always have).
using OutcomeCounts = std::array<std::uint64_t, OUTCOMES>;
nlohmann::json present_outcomes(const OutcomeCounts& counts) {
  nlohmann::json out = nlohmann::json::object();
  for (std::size_t outcome = 0; outcome < OUTCOMES; ++outcome)
    if (counts[outcome] > 0) out[std::string(to_string(static_cast<Outcome>(outcome)))] = counts[outcome];
  return out;
}

using NestedCounts = std::map<std::string, std::map<std::string, OutcomeCounts>>;
nlohmann::json nested_to_json(const NestedCounts& counts) {
  nlohmann::json out = nlohmann::json::object();
  for (const auto& [outer, inner] : counts) {
    nlohmann::json& entry = out[outer];
    for (const auto& [provision, outcomes] : inner) entry[provision] = present_outcomes(outcomes);
  }
  return out;
}

nlohmann::json unregistered_outlets(const VerifyResult& result) {
  // Outlet -> incidents naming it, for the page's warning: these outlets counted for nothing.
  std::map<std::string, std::size_t> incidents_by_outlet;
  for (const auto& grade : result.grades)
    for (const auto& outlet : grade.unregistered) ++incidents_by_outlet[outlet];
  nlohmann::json out = nlohmann::json::object();
  for (const auto& [outlet, count] : incidents_by_outlet) out[outlet] = count;
  return out;
}

// The aggregates findings.json carries, counted one finding at a time in plain maps and arrays
// (a run has about a million findings, handed on a block at a time while it runs).
struct FindingAggregates {
  std::unordered_map<std::string, OutcomeCounts> by_provision;
  NestedCounts by_day, by_side;
  std::size_t day_of = SIZE_MAX;  // findings come in incident order: one date per incident
  std::map<std::string, OutcomeCounts>* day = nullptr;

  void add(const VerifyResult& result, const Finding& finding) {
    const auto outcome = static_cast<std::size_t>(finding.outcome);
    ++by_provision[finding.provision_id][outcome];
    if (finding.incident != day_of) {
      day_of = finding.incident;
      day = &by_day[format_date(result.clusters.incidents[finding.incident].first_s)];
    }
    ++(*day)[finding.provision_id][outcome];
    for (const auto& [side, claim] : finding.claims_or_empty())
      ++by_side[side.empty() ? "independent" : side][finding.provision_id][outcome];
  }
};

// Everything findings.json holds; `findings` is the findings' array (empty when the writer adds
// them as text).
nlohmann::json findings_summary(const VerifyResult& result, FindingAggregates& aggregates, nlohmann::json findings) {
  nlohmann::json provisions = nlohmann::json::array();
  for (const auto& provision : result.agreement.provisions) {
    const OutcomeCounts counts = aggregates.by_provision[provision.id];
    nlohmann::json counted = nlohmann::json::object();
    for (std::size_t outcome = 0; outcome < OUTCOMES; ++outcome)
      counted[std::string(to_string(static_cast<Outcome>(outcome)))] = counts[outcome];
    provisions.push_back({{"id", provision.id},
                          {"title", provision.title},
                          {"window_from", format_date(provision.from_s)},
                          {"window_until", provision.until_s ? format_date(*provision.until_s) : ""},
                          {"parties", provision.parties},
                          {"release_clause", provision.release_clause},
                          {"sources", provision.sources},
                          {"counts", std::move(counted)}});
  }
  nlohmann::json out_of_theatre = nlohmann::json::array();
  for (const auto& incident : result.clusters.incidents)
    if (incident.out_of_theatre) out_of_theatre.push_back(incident.id);
  nlohmann::json inputs = nlohmann::json::array();
  for (const auto& input : result.inputs)
    inputs.push_back({{"path", input.path},
                      {"format", input.format},
                      {"sha256", input.sha256},
                      {"rows", input.rows},
                      {"read", input.read},
                      {"rejected", input.rejected}});
  nlohmann::json rejected = nlohmann::json::array();
  for (const auto& r : result.rejected) rejected.push_back({{"where", r.where}, {"reason", r.reason}});
  return {{"agreement", result.agreement.name},
          {"counts", result.counts()},
          {"unregistered_outlets", unregistered_outlets(result)},
          {"out_of_theatre", std::move(out_of_theatre)},
          {"inputs", std::move(inputs)},
          {"rejected", std::move(rejected)},
          {"provisions", std::move(provisions)},
          {"findings", std::move(findings)},
          {"by_day", nested_to_json(aggregates.by_day)},
          {"by_side", nested_to_json(aggregates.by_side)},
          {"evidence_log_head", result.log_head}};
}

// findings.json around its findings: the summary's keys in order, `write_findings` writing the
// findings' records (each preceded by "\n" or ",\n") where the array goes.
void write_document(std::ostream& out, const nlohmann::json& summary, const std::function<void()>& write_findings) {
  out << '{';
  bool first = true;
  for (const auto& [key, value] : summary.items()) {
    out << (first ? "\n" : ",\n") << nlohmann::json(key).dump() << ": ";
    first = false;
    if (key != "findings") {
      out << value.dump(-1, ' ', false, REPLACE);
      continue;
    }
    out << '[';
    write_findings();
    out << "\n]";
  }
  out << "\n}\n";
}

}  // namespace

nlohmann::json finding_to_json(const VerifyResult& result, const Finding& finding) {
  nlohmann::json item = to_json(finding);
  const Incident& incident = result.clusters.incidents[finding.incident];
  item["date"] = format_date(incident.first_s);
  item["position"] = {incident.position.lon, incident.position.lat};
  item["area"] = incident.area;
  item["area_name"] = incident.area_name;
  item["precision"] = to_string(incident.precision);
  nlohmann::json sources = nlohmann::json::array();
  for (std::size_t member : incident.reports)
    sources.push_back({{"report", result.reports[member].id},
                       {"outlets", result.reports[member].outlets},
                       {"origin", result.reports[member].origin}});
  item["sources"] = sources;
  return item;
}

namespace {
// The bytes of finding_to_json(result, finding).dump(-1, ' ', false, replace), built directly.
void append_finding_text(std::string& out, const VerifyResult& result, const Finding& finding) {
  const Incident& incident = result.clusters.incidents[finding.incident];
  const std::string date = format_date(incident.first_s);
  detail::FindingExtras extras;
  extras.date = date;
  extras.position = incident.position;
  extras.area = incident.area;
  extras.area_name = incident.area_name;
  extras.precision = to_string(incident.precision);
  extras.reports = &result.reports;
  extras.sources = &incident.reports;
  detail::append_finding_json(out, finding, &extras);
}
}  // namespace

nlohmann::json findings_json(const VerifyResult& result) {
  FindingAggregates aggregates;
  nlohmann::json findings = nlohmann::json::array();
  for (const auto& finding : result.findings) {
    findings.push_back(finding_to_json(result, finding));
    aggregates.add(result, finding);
  }
  return findings_summary(result, aggregates, std::move(findings));
}

void write_findings_json(const VerifyResult& result, std::ostream& out, unsigned threads) {
  FindingAggregates aggregates;
  for (const auto& finding : result.findings) aggregates.add(result, finding);
  // One finding per line, prepared in parallel and written in order.
  write_document(out, findings_summary(result, aggregates, nlohmann::json::array()), [&] {
    detail::write_records_in_order(
        out, result.findings.size(),
        [&](std::size_t index, std::string& text) {
          text += index == 0 ? "\n" : ",\n";
          append_finding_text(text, result, result.findings[index]);
        },
        threads);
  });
}

struct FindingsJsonStream::State {
  std::filesystem::path spill_path;  ///< named only until it is open
  std::fstream spill;
  unsigned threads = 0;
  std::size_t written = 0;
  FindingAggregates aggregates;
};

FindingsJsonStream::FindingsJsonStream(const std::filesystem::path& spill_directory, unsigned threads)
    : state_(std::make_unique<State>()) {
  state_->threads = threads;
  // A fresh name in the output directory (the disk the outputs go to, not memory), removed as
  // soon as it is open: the open stream keeps the file until it is closed, and a killed run
  // leaves nothing.
  // The name says whose it is (temporary_files.hpp), so one left by a kill between the open and
  // the removal is cleaned up by the next run.
  for (int attempt = 0; attempt < 100 && !state_->spill.is_open(); ++attempt) {
    state_->spill_path = io::temporary_path(spill_directory, "findings.json");
    if (std::filesystem::exists(state_->spill_path)) continue;
    state_->spill.open(state_->spill_path, std::ios::in | std::ios::out | std::ios::trunc | std::ios::binary);
  }
  if (!state_->spill.is_open())
    throw Error(ErrorCode::OutputFailed, spill_directory.string(), "cannot create a temporary file for findings.json");
  std::error_code ignored;
  std::filesystem::remove(state_->spill_path, ignored);
}

FindingsJsonStream::~FindingsJsonStream() = default;

void FindingsJsonStream::add(const VerifyResult& result, std::size_t /*first*/, std::size_t /*last*/,
                             const std::vector<Finding>& findings) {
  for (const auto& finding : findings) state_->aggregates.add(result, finding);
  const std::size_t before = state_->written;
  detail::write_records_in_order(
      state_->spill, findings.size(),
      [&](std::size_t index, std::string& text) {
        text += before + index == 0 ? "\n" : ",\n";
        append_finding_text(text, result, findings[index]);
      },
      state_->threads);
  state_->written += findings.size();
  if (!state_->spill)
    throw Error(ErrorCode::OutputFailed, state_->spill_path.string(), "cannot write the findings' temporary text");
}

void FindingsJsonStream::write(const VerifyResult& result, std::ostream& out) {
  state_->spill.flush();
  if (!state_->spill)
    throw Error(ErrorCode::OutputFailed, state_->spill_path.string(), "cannot write the findings' temporary text");
  write_document(out, findings_summary(result, state_->aggregates, nlohmann::json::array()), [&] {
    if (state_->written == 0) return;
    state_->spill.seekg(0);
    out << state_->spill.rdbuf();
  });
  state_->spill.close();
}

}  // namespace guarantor::verify
