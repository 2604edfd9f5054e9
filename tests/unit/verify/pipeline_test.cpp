#include <gtest/gtest.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <string>
#include <sstream>

#include "guarantor/verify/audit.hpp"
#include "guarantor/verify/outputs.hpp"
#include "guarantor/verify/pipeline.hpp"
#include "guarantor/verify/verify_json.hpp"
#include "verify_test_data.hpp"

namespace guarantor::verify {
namespace {

model::PopulatedPlace place(std::int64_t id, std::string name, std::vector<std::string> alternates, double lon, double lat,
                            std::int64_t population) {
  model::PopulatedPlace p;
  p.geonameid = id;
  p.name = name;
  p.ascii_name = name;
  p.alternate_names = std::move(alternates);
  p.position = {lon, lat};
  p.population = population;
  p.country = "UA";
  return p;
}

Gazetteer small_gazetteer() {
  return Gazetteer({place(706483, "Kharkiv", {"Харків", "Харьков", "Charkiw"}, 36.25272, 49.98081, 1430885),
                    place(687700, "Zaporizhzhia", {"Запоріжжя", "Запорожье"}, 35.18333, 47.82289, 756000),
                    place(698740, "Odesa", {"Одеса", "Одесса", "Odessa"}, 30.73262, 46.47747, 1001558),
                    place(1, "Novoselivka", {}, 33.0, 48.0, 500), place(2, "Novoselivka", {}, 34.0, 49.0, 900)});
}

TEST(Gazetteer, FoldsTransliterationVariants) {
  EXPECT_EQ(fold_place_name("Kharkiv"), fold_place_name("Харків"));
  EXPECT_EQ(fold_place_name("Zaporizhzhia"), fold_place_name("Zaporizhia"));
  EXPECT_EQ(fold_place_name("Zaporizhzhia"), fold_place_name("Запоріжжя"));
  EXPECT_EQ(fold_place_name("Kryvyi Rih"), fold_place_name("Кривий Ріг"));
  EXPECT_EQ(fold_place_name("Horlivka"), fold_place_name("Gorlivka"));
  EXPECT_EQ(fold_place_name("Bila Tserkva"), fold_place_name("Біла Церква"));
  EXPECT_NE(fold_place_name("Kharkiv"), fold_place_name("Kherson"));
}

TEST(Gazetteer, LocatesNamesAndChecksCoordinates) {
  const Gazetteer gazetteer = small_gazetteer();
  Report by_russian_name;
  by_russian_name.place_name = "Харьков";
  gazetteer.geocode(by_russian_name, GazetteerParams{});
  EXPECT_EQ(by_russian_name.precision, GeoPrecision::Place);
  ASSERT_TRUE(by_russian_name.position);
  EXPECT_DOUBLE_EQ(by_russian_name.position->lon, 36.25272);

  Report ambiguous;
  ambiguous.place_name = "Novoselivka";
  gazetteer.geocode(ambiguous, GazetteerParams{});
  EXPECT_EQ(ambiguous.precision, GeoPrecision::PlaceAmbiguous);
  EXPECT_DOUBLE_EQ(ambiguous.position->lon, 34.0) << "the most populous";

  Report conflict;
  conflict.place_name = "Odesa";
  conflict.position = geo::LonLat{36.25, 49.98};
  gazetteer.geocode(conflict, GazetteerParams{});
  EXPECT_EQ(conflict.precision, GeoPrecision::Conflict);
  EXPECT_NE(conflict.geocode_note.str().find("coordinates kept"), std::string::npos);

  Report unknown;
  unknown.place_name = "Atlantis";
  gazetteer.geocode(unknown, GazetteerParams{});
  EXPECT_EQ(unknown.precision, GeoPrecision::Unlocated);
}

VerifyResult run_fixture_pipeline(EvidenceLog* log, const FindingStream& stream = {}) {
  std::vector<Report> reports;
  std::vector<Rejection> rejected;
  for (const char* file : {"reports_guarantor.csv", "reports_guarantor.json", "acled_sample.csv", "reports.geojson"}) {
    AdapterResult read = read_report_file(FIXTURES / file);
    reports.insert(reports.end(), read.reports.begin(), read.reports.end());
    rejected.insert(rejected.end(), read.rejected.begin(), read.rejected.end());
  }
  static const Gazetteer gazetteer = small_gazetteer();
  static const Agreement agreement = load_agreement(DATA / "agreements" / "default_agreement.json");
  static const SourceRegistry registry = load_source_registry(DATA / "sources" / "source_registry.json");
  return verify_reports(std::move(reports), std::move(rejected), agreement, registry, &gazetteer, nullptr, VerifyParams{}, log,
                        {}, stream);
}

// What a run hands on, block by block.
struct RecordingSink final : FindingSink {
  std::vector<std::pair<std::size_t, std::size_t>> blocks;
  std::vector<nlohmann::json> findings;
  void add(const VerifyResult& result, std::size_t first, std::size_t last, const std::vector<Finding>& block) override {
    EXPECT_FALSE(result.reports.empty()) << "a block's sink reads the run's reports";
    blocks.emplace_back(first, last);
    for (const Finding& finding : block) findings.push_back(to_json(finding));
  }
};

std::string file_text(const std::filesystem::path& path) {
  std::ifstream in(path, std::ios::binary);
  return {std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
}

TEST(Pipeline, FixturesGiveCountedIncidentsAndFindings) {
  const VerifyResult result = run_fixture_pipeline(nullptr);
  const auto counts = result.counts();
  EXPECT_EQ(counts["rejected"].get<std::size_t>(), result.rejected.size());
  EXPECT_GT(counts["merged"].get<std::size_t>(), 0u) << counts.dump();
  // Kharkiv substation, 20 March: the UA ministry, Reuters (by Ukrainian name), BBC and ACLED agree.
  bool found = false;
  for (const auto& finding : result.findings) {
    const Incident& incident = result.clusters.incidents[finding.incident];
    if (finding.provision_id == "energy_moratorium_2025" && incident.reports.size() >= 3) {
      found = true;
      EXPECT_EQ(finding.outcome, Outcome::Violation) << nlohmann::json(finding.reasons()).dump();
      EXPECT_LE(finding.grade_or_default().credibility, 2);
    }
  }
  EXPECT_TRUE(found);
}

TEST(Pipeline, FindingsHandedOnABlockAtATimeAreTheSameAndTheLogIsTheSameBytes) {
  const auto kept_path = std::filesystem::temp_directory_path() / "verify_pipeline_kept.jsonl";
  const auto streamed_path = std::filesystem::temp_directory_path() / "verify_pipeline_streamed.jsonl";
  std::filesystem::remove(kept_path);
  std::filesystem::remove(streamed_path);
  RecordingSink sink;
  FindingStream stream;
  stream.sink = &sink;
  stream.keep_findings = false;
  stream.block_incidents = 3;
  VerifyResult kept, streamed;
  {
    EvidenceLog log = EvidenceLog::open_file(kept_path);
    kept = run_fixture_pipeline(&log);
  }
  {
    EvidenceLog log = EvidenceLog::open_file(streamed_path);
    streamed = run_fixture_pipeline(&log, stream);
  }
  ASSERT_GT(kept.findings.size(), 3u);
  EXPECT_TRUE(streamed.findings.empty()) << "a run that hands its findings on keeps none";
  EXPECT_EQ(streamed.counts(), kept.counts()) << "the counts still count every finding";
  ASSERT_EQ(sink.findings.size(), kept.findings.size());
  for (std::size_t i = 0; i < kept.findings.size(); ++i) EXPECT_EQ(sink.findings[i], to_json(kept.findings[i])) << i;
  // Consecutive blocks of at most three incidents covering every incident once, in order.
  std::size_t next = 0;
  for (const auto& [first, last] : sink.blocks) {
    EXPECT_EQ(first, next);
    EXPECT_LE(last - first, 3u);
    next = last;
  }
  EXPECT_EQ(next, kept.clusters.incidents.size());
  EXPECT_EQ(file_text(streamed_path), file_text(kept_path)) << "the log does not depend on how findings are handed on";
  EXPECT_EQ(streamed.log_head, kept.log_head);
  std::filesystem::remove(kept_path);
  std::filesystem::remove(streamed_path);
}

TEST(Pipeline, LogAuditsAndReplaysToTheSameFindings) {
  const auto path = std::filesystem::temp_directory_path() / "verify_pipeline_test.jsonl";
  std::filesystem::remove(path);
  {
    EvidenceLog log = EvidenceLog::open_file(path);
    const VerifyResult result = run_fixture_pipeline(&log);
    EXPECT_EQ(result.log_head.size(), 64u);
  }
  const AuditResult audit = audit_log_file(path);
  EXPECT_TRUE(audit.ok()) << (audit.ok() ? "" : audit.problems.front().message);
  const ReplayResult replay = replay_log(path);
  EXPECT_TRUE(replay.same()) << (replay.same() ? "" : replay.differences.front());
  EXPECT_GT(replay.findings_replayed, 0u);
  // A second run appends to the same chain, and the log still audits.
  {
    EvidenceLog log = EvidenceLog::open_file(path);
    (void)run_fixture_pipeline(&log);
  }
  EXPECT_TRUE(audit_log_file(path).ok());
  std::filesystem::remove(path);
}

}  // namespace
}  // namespace guarantor::verify
