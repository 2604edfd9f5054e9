// The evidence log's bodies are written straight into a buffer for speed; these tests pin that
// the bytes are exactly nlohmann's canonical dump of the same records (which audit recomputes),
// and that batched, multi-threaded appending gives the same chain as appending one by one.
#include <gtest/gtest.h>

#include <cmath>
#include <limits>
#include <sstream>
#include <string>
#include <vector>

#include "guarantor/verify/audit.hpp"
#include "guarantor/verify/evidence_log.hpp"
#include "guarantor/verify/pipeline.hpp"
#include "guarantor/verify/verify_json.hpp"
#include "synthetic_reports.hpp"

namespace guarantor::verify {
namespace {

std::string dumped(const nlohmann::json& value) {
  return value.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
}

// Strings that exercise every escaping rule: quotes, backslashes, each control character class,
// DEL, valid Cyrillic, invalid and truncated UTF-8.
const std::vector<std::string> AWKWARD_STRINGS{
    "", "plain", "quote \" and backslash \\", "tab\tnewline\nreturn\rform\fback\b", std::string("nul\0x", 5),
    "\x01\x1f\x7f", "Харків", "bad \xff byte", "truncated \xd0", "mixed \xe2\x82 and Київ \"q\""};

const std::vector<double> AWKWARD_NUMBERS{0.0, -0.0, 5000.0, 0.1, 1e-7, 123456789.125, 1e300, 2.5e-310,
                                          std::numeric_limits<double>::infinity(), std::nan("")};

Report awkward_report(std::size_t variant) {
  Report report;
  const auto text = [&](std::size_t offset) { return AWKWARD_STRINGS[(variant + offset) % AWKWARD_STRINGS.size()]; };
  report.id = "guarantor_csv:" + text(0);
  report.origin = text(1);
  report.format = text(2);
  report.outlets = {text(3), text(4)};
  if (variant % 3 == 0) report.outlets.clear();
  report.claimant = text(5);
  report.claimed_actor = text(6);
  report.category = static_cast<EventCategory>(variant % 5);
  report.target_kind = static_cast<TargetKind>(variant % 9);
  report.weapon_class = static_cast<WeaponClass>(variant % 8);
  report.time_s = 1742256000 + static_cast<UnixSeconds>(variant) * 3671 - (variant % 2 == 0 ? 4000000000 : 0);
  report.time_uncertainty_s = variant % 2 == 0 ? 86399 : 0;
  report.place_name = text(7);
  report.admin1 = text(8);
  if (variant % 4 != 0) report.position = geo::LonLat{30.5 + 0.001 * static_cast<double>(variant), -45.25};
  report.location_uncertainty_m = AWKWARD_NUMBERS[variant % AWKWARD_NUMBERS.size()];
  report.precision = static_cast<GeoPrecision>(1 + variant % 5);
  report.geocode_note = text(9);
  report.country_checked = variant % 3 == 1;
  report.description = text(variant);
  report.fatalities = variant % 2 == 0 ? -1 : static_cast<int>(variant * 1000);
  return report;
}

TEST(CanonicalLog, ReportBodiesMatchJsonDump) {
  for (std::size_t variant = 0; variant < 40; ++variant) {
    const Report report = awkward_report(variant);
    std::string text;
    append_canonical_json(text, report);
    EXPECT_EQ(text, dumped(to_json(report))) << "variant " << variant;
  }
}

TEST(CanonicalLog, MergeIncidentGradeAndFindingBodiesMatchJsonDump) {
  std::vector<Report> reports;
  for (std::size_t variant = 0; variant < 10; ++variant) reports.push_back(awkward_report(variant));
  std::vector<Incident> incidents(3);
  for (std::size_t index = 0; index < incidents.size(); ++index) {
    Incident& incident = incidents[index];
    incident.id = AWKWARD_STRINGS[index + 5];
    incident.reports = {index, index + 3, 9};
    incident.category = static_cast<EventCategory>(index);
    incident.target_kind = static_cast<TargetKind>(index + 2);
    incident.target_contested = index == 1;
    incident.weapon_class = static_cast<WeaponClass>(index + 1);
    incident.position = {AWKWARD_NUMBERS[index + 3], AWKWARD_NUMBERS[index + 5]};
    incident.uncertainty_m = AWKWARD_NUMBERS[index * 3];
    incident.first_s = 1742256000 + static_cast<UnixSeconds>(index) * 977;
    incident.last_s = incident.first_s + 86399;
  }
  for (std::size_t index = 0; index < 6; ++index) {
    MergeExplanation merge{index, index % 3, AWKWARD_STRINGS[index], AWKWARD_NUMBERS[index], AWKWARD_NUMBERS[index + 2],
                           static_cast<UnixSeconds>(index * 7919), index * 2};
    std::string text;
    append_canonical_json(text, merge, reports, incidents);
    EXPECT_EQ(text, dumped(to_json(merge, reports, incidents))) << "merge " << index;
  }
  for (std::size_t index = 0; index < incidents.size(); ++index) {
    Grade grade;
    grade.reliability = static_cast<char>('A' + index);
    grade.credibility = static_cast<int>(index + 1);
    grade.groups = {AWKWARD_STRINGS[index], AWKWARD_STRINGS[index + 6]};
    grade.rationale = AWKWARD_STRINGS[index + 2];
    std::string text;
    append_canonical_json(text, incidents[index], grade, reports);
    nlohmann::json expected = to_json(incidents[index], reports);
    expected["grade"] = to_json(grade);
    EXPECT_EQ(text, dumped(expected)) << "incident " << index;

    Finding finding;
    finding.provision_id = AWKWARD_STRINGS[index + 1];
    finding.incident_id = incidents[index].id;
    finding.outcome = static_cast<Outcome>(index);
    finding.grade_short_of = static_cast<int>(index + 1);
    finding.tests = {TestResult::written(TestKind::Window, TestVerdict::In, "plain reason"),
                     TestResult::written(TestKind::Zone, TestVerdict::Out, AWKWARD_STRINGS[index + 4])};
    finding.grade = std::make_shared<const Grade>(grade);
    std::map<std::string, SideClaim> claims;
    // "" renames to "independent" / "not stated" and collides with a side or actor of that name.
    claims[""].reports = 2;
    claims[""].actors[""] = 2;
    claims["UA"].reports = 1;
    claims["UA"].actors["not stated"] = 1;
    claims["UA"].actors[""] = 3;
    claims["UA"].actors["RU"] = 4;
    if (index == 1) claims["independent"].reports = 7;
    if (index == 2) claims[AWKWARD_STRINGS[7]].actors[AWKWARD_STRINGS[9]] = 1;
    finding.claims = std::make_shared<const std::map<std::string, SideClaim>>(std::move(claims));
    text.clear();
    append_canonical_json(text, finding);
    EXPECT_EQ(text, dumped(to_json(finding))) << "finding " << index;
  }
}

TEST(CanonicalLog, FindingWithoutGradeOrClaimsMatchesJsonDump) {
  Finding finding;
  finding.provision_id = "p";
  std::string text;
  append_canonical_json(text, finding);
  EXPECT_EQ(text, dumped(to_json(finding)));
}

TEST(CanonicalLog, BatchedAppendGivesTheSameChainAsOneByOne) {
  // More entries than one batch, on two threads, after an entry appended the ordinary way.
  constexpr std::size_t COUNT = 20011;
  const auto body = [](std::size_t index) {
    return nlohmann::json{{"id", "r" + std::to_string(index)}, {"text", AWKWARD_STRINGS[index % AWKWARD_STRINGS.size()]}};
  };
  std::ostringstream one_by_one_text, batched_text;
  {
    EvidenceLog log(one_by_one_text);
    log.append(log_kind::RUN_START, {{"n", COUNT}});
    for (std::size_t index = 0; index < COUNT; ++index) log.append(log_kind::REPORT, body(index));
    log.append(log_kind::RUN_END, {{"n", COUNT}});
    log.flush();
  }
  {
    EvidenceLog log(batched_text);
    log.append(log_kind::RUN_START, {{"n", COUNT}});
    log.append_batch(
        log_kind::REPORT, COUNT, [&](std::size_t index, std::string& out) { out += dumped(body(index)); }, 2);
    log.append_canonical(log_kind::RUN_END, dumped({{"n", COUNT}}));
    log.flush();
  }
  EXPECT_EQ(batched_text.str(), one_by_one_text.str());
  std::istringstream in(batched_text.str());
  EXPECT_TRUE(audit_log(in, "batched.jsonl").ok());
}

TEST(CanonicalLog, SyntheticRunLogAuditsAndReplays) {
  testing::SyntheticConfig config;
  config.events = 300;
  auto synthetic = testing::make_synthetic_reports(config);
  const auto path = std::filesystem::temp_directory_path() / "verify_canonical_log_test.jsonl";
  std::filesystem::remove(path);
  const Agreement agreement = load_agreement(std::filesystem::path(GUARANTOR_TEST_DATA_DIR) / "agreements" /
                                             "default_agreement.json");
  const SourceRegistry registry = load_source_registry(std::filesystem::path(GUARANTOR_TEST_DATA_DIR) / "sources" /
                                                       "source_registry.json");
  {
    EvidenceLog log = EvidenceLog::open_file(path);
    const VerifyResult result = verify_reports(std::move(synthetic.reports), {{"x.csv:3", "bad \"row\""}}, agreement,
                                               registry, nullptr, nullptr, VerifyParams{}, &log);
    EXPECT_GT(result.findings.size(), 0u);
  }
  const AuditResult audit = audit_log_file(path);
  EXPECT_TRUE(audit.ok()) << (audit.ok() ? "" : audit.problems.front().message);
  const ReplayResult replay = replay_log(path);
  EXPECT_TRUE(replay.same()) << (replay.same() ? "" : replay.differences.front());
  std::filesystem::remove(path);
}

}  // namespace
}  // namespace guarantor::verify
