#pragma once
// The verifier end to end: read -> geocode -> cluster -> grade -> judge, every step appended to
// the evidence log; and replay, which repeats a run from its log alone.
#include <array>
#include <filesystem>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "guarantor/verify/adapters.hpp"
#include "guarantor/verify/agreement.hpp"
#include "guarantor/verify/cluster.hpp"
#include "guarantor/verify/evidence_log.hpp"
#include "guarantor/verify/finding_sink.hpp"
#include "guarantor/verify/gazetteer.hpp"
#include "guarantor/verify/grading.hpp"
#include "guarantor/verify/judge.hpp"

namespace guarantor::verify {

/// Every tunable of a run, each with its documented default.
struct VerifyParams {
  GazetteerParams gazetteer;
  ClusterParams cluster;
  GradingParams grading;
  JudgeParams judge;
};
nlohmann::json to_json(const VerifyParams& params);
/// Reads parameters; missing keys keep their defaults. Throws Error(Schema) naming `where`.
VerifyParams verify_params_from_json(const nlohmann::json& value, const std::string& where);

/// One input file as read.
struct InputSummary {
  std::string path;
  std::string format;
  std::string sha256;
  std::size_t rows = 0, read = 0, rejected = 0;
};

/// Wall time and peak memory of one pipeline stage, in the order the stages ran.
struct StageTiming {
  std::string stage;        ///< geocode, log_reports, cluster, grade, judge, log_results
  double seconds = 0;       ///< wall time of the stage
  double cpu_seconds = 0;   ///< user + system CPU time of the process (all threads) during the stage
  double peak_rss_mib = 0;  ///< process peak resident set size at the stage's end, MiB
};

struct VerifyResult {
  /// The run's repeated text (shared_text.hpp): the reports' SharedText fields point into it, so
  /// it is the first member and is released last, with the result. Null when the reports were
  /// made outside a run's scope (they then point into the process-wide pool).
  std::shared_ptr<const TextPool> text_pool;
  std::vector<InputSummary> inputs;
  std::vector<Report> reports;
  std::vector<Rejection> rejected;
  ClusterResult clusters;
  std::vector<Grade> grades;  ///< one per incident
  /// Every finding, in incident then provision order; empty when the run handed them on without
  /// keeping them (FindingStream::keep_findings false): outcome_counts still counts them.
  std::vector<Finding> findings;
  std::array<std::size_t, 3> outcome_counts{};  ///< findings made, indexed by Outcome
  Agreement agreement;
  std::string log_head;  ///< hash of the last log entry ("" without a log)
  std::vector<StageTiming> timings;  ///< per stage of verify_reports (measurements, not results)
  std::string time_zone;              ///< zone clock times without a zone were read in (run_verify)
  std::size_t local_times = 0;        ///< reports whose clock time was read in time_zone
  /// Counts printed after a run: read, rejected, unlocated, merged, incidents, findings by outcome.
  [[nodiscard]] nlohmann::json counts() const;
};

/// Told one line after each stage of a run (what was done, how long it took, peak memory), so a
/// long run shows progress; empty: silent.
using ProgressFn = std::function<void(const std::string&)>;

/// Geocodes (when a gazetteer is given), clusters, grades and judges `reports`, appending every
/// step to `log` when given. Deterministic for any order of `reports`. Incidents are judged a
/// block at a time; each block's findings are logged and handed to `findings.sink` as they are
/// made, and kept in the result unless `findings.keep_findings` is false.
VerifyResult verify_reports(std::vector<Report> reports, std::vector<Rejection> rejected, const Agreement& agreement,
                            const SourceRegistry& registry, const Gazetteer* gazetteer,
                            const geo::MultiPolygon* occupied_area, const VerifyParams& params, EvidenceLog* log,
                            const ProgressFn& progress = {}, const FindingStream& findings = {});

/// What `guarantor verify` needs; optional paths may be empty.
struct VerifyRequest {
  std::vector<std::filesystem::path> report_files;
  std::optional<ReportFormat> format;      ///< force one adapter for every file
  std::filesystem::path mapping;           ///< column mapping (JSON) every file is read through; empty: none
  std::filesystem::path agreement;
  std::filesystem::path source_registry;   ///< empty: every outlet rated F
  std::filesystem::path gazetteer;         ///< GeoNames cities1000.txt; empty: no geocoding
  /// Ukraine and the countries whose events the theatre covers (Russia, Belarus, Moldova), so a
  /// Russian town is not placed at a namesake in Ukraine.
  std::vector<std::string> gazetteer_countries{"UA", "RU", "BY", "MD"};
  /// Scenario manifest whose theatre gives country outlines and oblast polygons; empty: no
  /// admin-area locations and no theatre check.
  std::filesystem::path theatre;
  std::filesystem::path asset_dir;          ///< where "npm:" references of the theatre resolve
  std::filesystem::path admin_area_names;   ///< data/verify/admin_areas.json (with `theatre`)
  std::filesystem::path theatre_scope;      ///< data/verify/theatre_scope.json (with `theatre`)
  std::filesystem::path line_of_contact;   ///< GeoJSON of the occupied area; empty: band zones undetermined
  std::filesystem::path evidence_log;      ///< appended to; empty: no log
  std::filesystem::path signing_key;       ///< monitor's Ed25519 secret key file; signs the run's checkpoint
  VerifyParams params;
  /// IANA zone of clock times given without "Z" or an offset (DEFAULT_REPORT_TIME_ZONE in
  /// input_checks.hpp), or "reject" to refuse such reports.
  std::string time_zone = "Europe/Kyiv";
  ProgressFn progress;  ///< told after each input file and each stage; empty: silent
  FindingStream findings;  ///< where findings go as they are judged (the command's outputs)
};

/// Loads every input and runs verify_reports. Throws Error for unusable files (rows that cannot
/// be read are rejections in the result, never errors).
VerifyResult run_verify(const VerifyRequest& request);

/// Result of repeating the last run of a log.
struct ReplayResult {
  std::size_t findings_logged = 0;
  std::size_t findings_replayed = 0;
  std::vector<std::string> differences;  ///< empty when the replay gives the same findings
  [[nodiscard]] bool same() const noexcept { return differences.empty(); }
};

/// Audits the log, then repeats its last run from the logged parameters, agreement, registry,
/// reference area and reports, and compares the findings. Throws Error(Tampered) when the audit fails.
ReplayResult replay_log(const std::filesystem::path& path);

}  // namespace guarantor::verify
