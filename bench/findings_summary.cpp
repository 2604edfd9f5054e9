// Benchmark: the monitoring page's summary of a large findings version (the server's
// GET /api/v1/findings/{id}/summary), which is counted again on every filter change and map move.
// Workload: N incidents (default 100,000) with a finding under each of two provisions, spread over
// a year and over the host country, graded, claimed by one or both parties or by nobody; the
// version's index is built once (as the verify job builds it), then the summary is asked under
// the page's usual requests: no filter, one provision, one party, a month, and a zoomed-in map.
// Baseline, in the same process and alternately: a plain recount of the same figures keyed by
// text (std::map per figure), which is also what the summary's figures are checked against before
// any time counts. Prints medians, the ratio of medians and the index's build time.
#include <cstdio>
#include <cstdlib>
#include <exception>
#include <map>
#include <random>
#include <set>
#include <string>

#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include "findings_index.hpp"
#include "measure.hpp"

namespace {

using guarantor::server::FINDING_OUTCOMES;
using guarantor::server::FindingsFilter;
using guarantor::server::FindingsIndex;
using guarantor::server::MapRequest;
using nlohmann::json;

constexpr int RUNS = 5;

std::string synthetic_document(std::size_t incidents) {
  std::mt19937_64 random(20251);
  std::uniform_real_distribution<double> lon(22.5, 40.0), lat(44.5, 52.3), unit(0.0, 1.0);
  std::uniform_int_distribution<int> day(0, 364), grade_at(0, 5);
  const std::array<const char*, 6> grades = {"A1", "B2", "C3", "B3", "C2", "F6"};
  const std::array<const char*, 2> provisions = {"energy_moratorium_2025", "black_sea_truce_2025"};
  json findings = json::array();
  for (std::size_t at = 0; at < incidents; ++at) {
    const std::string incident = fmt::format("I{:07}", at + 1);
    const int d = day(random);
    const std::string date = fmt::format("2025-{:02}-{:02}", 1 + d / 31 % 12, 1 + d % 28);
    const double x = lon(random), y = lat(random);
    json claims = json::object();
    const double who = unit(random);
    if (who < 0.45) claims["UA"] = {{"claimed_actors", {{"RU", 1}}}, {"reports", 1}};
    if (who > 0.35 && who < 0.9) claims["RU"] = {{"claimed_actors", {{"UA", 2}}}, {"reports", 2}};
    if (who >= 0.9) claims["independent"] = {{"claimed_actors", {{"not stated", 1}}}, {"reports", 1}};
    const char* grade = grades.at(static_cast<std::size_t>(grade_at(random)));
    for (const char* provision : provisions) {
      const double roll = unit(random);
      const char* outcome = roll < 0.1 ? "violation" : roll < 0.35 ? "undetermined" : "no_violation";
      findings.push_back({{"incident", incident},
                          {"provision", provision},
                          {"date", date},
                          {"grade", {{"code", grade}}},
                          {"outcome", outcome},
                          {"claims", claims},
                          {"position", {x, y}},
                          {"reasons", json::array()}});
    }
  }
  json provision_list = json::array();
  for (const char* provision : provisions) provision_list.push_back({{"id", provision}, {"title", provision}});
  return json{{"agreement", "synthetic"}, {"provisions", provision_list}, {"findings", findings}}.dump();
}

// The summary's counts recounted plainly, by text.
json recount(const FindingsIndex& index, const FindingsFilter& filter) {
  std::map<std::string, std::map<std::string, std::int64_t>> by_provision, by_party, by_grade, by_day;
  std::map<std::string, std::int64_t> by_outcome;
  std::set<std::string> incidents;
  std::int64_t passing = 0;
  for (const auto& finding : index.findings) {
    if (!filter.passes(finding)) continue;
    ++passing;
    const std::string outcome = FINDING_OUTCOMES.at(finding.outcome);
    ++by_outcome[outcome];
    ++by_provision[finding.provision][outcome];
    ++by_grade[finding.grade][outcome];
    if (!finding.date.empty()) ++by_day[finding.date][outcome];
    for (const auto& claim : finding.parties) ++by_party[claim.first][outcome];
    incidents.insert(finding.incident);
  }
  const auto with_zeros = [](const std::map<std::string, std::int64_t>& counts) {
    json object = json::object();
    for (const char* outcome : FINDING_OUTCOMES) object[outcome] = counts.contains(outcome) ? counts.at(outcome) : 0;
    return object;
  };
  json result = {{"findings", passing}, {"incidents", incidents.size()}, {"by_outcome", with_zeros(by_outcome)}};
  for (const auto& [name, counts] : {std::pair{"by_provision", &by_provision}, std::pair{"by_party", &by_party},
                                     std::pair{"by_grade", &by_grade}, std::pair{"by_day", &by_day}}) {
    json object = json::object();
    for (const auto& [key, per_outcome] : *counts) object[key] = with_zeros(per_outcome);
    result[name] = std::move(object);
  }
  return result;
}

}  // namespace

namespace {

int run(int argc, char** argv) {
  // findings_summary [incidents]
  const std::size_t incidents = argc > 1 ? std::strtoull(argv[1], nullptr, 10) : 100000;
  if (incidents == 0) {
    std::fprintf(stderr, "usage: findings_summary [incidents > 0]\n");
    return 2;
  }
  const std::string document = synthetic_document(incidents);
  std::unique_ptr<FindingsIndex> index;
  const double build_seconds =
      guarantor::bench::seconds_of([&] { index = std::make_unique<FindingsIndex>(document, "synthetic findings"); });
  fmt::print("findings_summary: {} incidents, {} findings, document {:.1f} MiB; index built in {:.2f} s\n", incidents,
             index->findings.size(), static_cast<double>(document.size()) / (1024.0 * 1024.0), build_seconds);

  struct Case {
    const char* name;
    FindingsFilter filter;
    MapRequest map;
  };
  MapRequest zoomed;
  zoomed.zoom = 9;
  zoomed.bbox = std::array<double, 4>{30.0, 49.0, 31.5, 50.0};
  FindingsFilter one_provision, one_party, one_month;
  one_provision.provision = "black_sea_truce_2025";
  one_party.party = "RU";
  one_month.from = "2025-06-01";
  one_month.until = "2025-06-30";
  const std::vector<Case> cases = {{"no filter", {}, {}},
                                   {"one provision", one_provision, {}},
                                   {"one party", one_party, {}},
                                   {"one month", one_month, {}},
                                   {"zoomed map", {}, zoomed}};
  fmt::print("{:<14} {:>12} {:>12} {:>7} {:>10}\n", "request", "summary ms", "recount ms", "ratio", "findings");
  for (const auto& c : cases) {
    // Checked before any time counts: every count the summary gives equals the plain recount.
    const json summary = guarantor::server::findings_summary(*index, c.filter, c.map);
    const json expected = recount(*index, c.filter);
    for (const auto& [key, value] : expected.items())
      if (summary.at(key) != value) {
        std::fprintf(stderr, "findings_summary: %s: %s differs from the recount\n", c.name, key.c_str());
        return 1;
      }
    std::vector<double> summary_ms, recount_ms;
    for (int run = 0; run < RUNS; ++run) {
      summary_ms.push_back(1e3 * guarantor::bench::seconds_of(
                                     [&] { (void)guarantor::server::findings_summary(*index, c.filter, c.map); }));
      recount_ms.push_back(1e3 * guarantor::bench::seconds_of([&] { (void)recount(*index, c.filter); }));
    }
    const auto ours = guarantor::bench::spread_of(summary_ms);
    const auto plain = guarantor::bench::spread_of(recount_ms);
    fmt::print("{:<14} {:>12.1f} {:>12.1f} {:>7.2f} {:>10}\n", c.name, ours.median, plain.median,
               ours.median / plain.median, summary.at("findings").get<std::int64_t>());
  }
  fmt::print(
      "(medians of {} runs each, summary and recount alternating; ratio = summary / recount; peak RSS {:.0f} MiB)\n",
      RUNS, guarantor::bench::peak_rss_mib());
  return 0;
}

}  // namespace

int main(int argc, char** argv) {
  try {
    return run(argc, argv);
  } catch (const std::exception& error) {
    std::fprintf(stderr, "findings_summary: %s\n", error.what());
    return 1;
  }
}
