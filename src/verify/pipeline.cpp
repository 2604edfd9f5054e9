#include "guarantor/verify/pipeline.hpp"

#include <sys/resource.h>

#include <algorithm>
#include <chrono>
#include <iterator>
#include <fstream>
#include <sstream>

#include <fmt/format.h>

#include "guarantor/core/error.hpp"
#include "guarantor/core/sha256.hpp"
#include "guarantor/core/thread_pool.hpp"
#include "guarantor/io/geojson_geometry.hpp"
#include "guarantor/io/geonames.hpp"
#include "guarantor/io/scenario_loader.hpp"
#include "guarantor/verify/column_mapping.hpp"
#include "guarantor/verify/input_checks.hpp"
#include "guarantor/verify/log_signing.hpp"
#include "guarantor/verify/theatre_scope.hpp"
#include "guarantor/verify/verify_json.hpp"
#include "canonical_json.hpp"

namespace guarantor::verify {
namespace {

using Json = nlohmann::json;


Json area_to_json(const geo::MultiPolygon& area) {
  Json parts = Json::array();
  for (const auto& polygon : area.parts()) {
    Json rings = Json::array();
    const auto ring_json = [](const geo::Ring& ring) {
      Json out = Json::array();
      for (const auto& p : ring) out.push_back({p.lon, p.lat});
      return out;
    };
    rings.push_back(ring_json(polygon.outer));
    for (const auto& hole : polygon.holes) rings.push_back(ring_json(hole));
    parts.push_back(rings);
  }
  return parts;
}

std::string file_sha256(const std::filesystem::path& path) {
  std::ifstream in(path, std::ios::binary);
  Sha256 hasher;
  std::string buffer(1 << 16, '\0');
  while (in.read(buffer.data(), static_cast<std::streamsize>(buffer.size())) || in.gcount() > 0)
    hasher.update(std::string_view(buffer.data(), static_cast<std::size_t>(in.gcount())));
  return hasher.finish_hex();
}

// Records each stage's wall time and the process's peak RSS when it ends.
class StageClock {
public:
  StageClock(std::vector<StageTiming>& out, const ProgressFn& progress)
      : out_(out), progress_(progress), start_(std::chrono::steady_clock::now()), start_cpu_(cpu_seconds()) {}
  void lap(std::string stage) {
    lap_quietly(std::move(stage));
    const StageTiming& done = out_.back();
    if (progress_)
      progress_(fmt::format("{} done in {:.1f} s (peak memory {:.0f} MiB)", done.stage, done.seconds, done.peak_rss_mib));
  }

private:
  void lap_quietly(std::string stage) {
    const auto now = std::chrono::steady_clock::now();
    const double cpu = cpu_seconds();
    rusage usage{};
    getrusage(RUSAGE_SELF, &usage);
    // ru_maxrss is in KiB on Linux.
    out_.push_back({std::move(stage), std::chrono::duration<double>(now - start_).count(), cpu - start_cpu_,
                    static_cast<double>(usage.ru_maxrss) / 1024.0});
    start_ = now;
    start_cpu_ = cpu;
  }

  static double cpu_seconds() {
    rusage usage{};
    getrusage(RUSAGE_SELF, &usage);
    const auto seconds = [](timeval t) { return static_cast<double>(t.tv_sec) + static_cast<double>(t.tv_usec) * 1e-6; };
    return seconds(usage.ru_utime) + seconds(usage.ru_stime);
  }
  std::vector<StageTiming>& out_;
  const ProgressFn& progress_;
  std::chrono::steady_clock::time_point start_;
  double start_cpu_;
};

}  // namespace

Json VerifyResult::counts() const {
  const std::size_t violations = outcome_counts[static_cast<std::size_t>(Outcome::Violation)];
  const std::size_t clear = outcome_counts[static_cast<std::size_t>(Outcome::NoViolation)];
  const std::size_t undetermined = outcome_counts[static_cast<std::size_t>(Outcome::Undetermined)];
  std::size_t area_located = 0, out_of_theatre = 0;
  for (const auto& report : reports) area_located += report.precision == GeoPrecision::Area ? 1 : 0;
  for (const auto& incident : clusters.incidents) out_of_theatre += incident.out_of_theatre ? 1 : 0;
  return {{"read", reports.size()},
          {"rejected", rejected.size()},
          {"unlocated", clusters.unlocated.size()},
          {"area_located", area_located},
          {"out_of_theatre", out_of_theatre},
          {"merged", clusters.merges.size()},
          {"incidents", clusters.incidents.size()},
          {"findings", violations + clear + undetermined},
          {"violations", violations},
          {"no_violation", clear},
          {"undetermined", undetermined}};
}

VerifyResult verify_reports(std::vector<Report> reports, std::vector<Rejection> rejected, const Agreement& agreement,
                            const SourceRegistry& registry, const Gazetteer* gazetteer,
                            const geo::MultiPolygon* occupied_area, const VerifyParams& params, EvidenceLog* log,
                            const ProgressFn& progress, const FindingStream& stream) {
  VerifyResult result;
  StageClock clock(result.timings, progress);
  result.agreement = agreement;
  // Threads that serialise and pre-hash log entries: the whole shared pool (the log is the same
  // for any count); its size follows --threads or the machine.
  const unsigned log_threads = ThreadPool::shared().concurrency();
  if (log != nullptr) {
    log->append(log_kind::RUN_START,
                {{"parameters", to_json(params)},
                 {"agreement", agreement.document},
                 {"source_registry", to_json(registry)},
                 {"occupied_area", occupied_area != nullptr ? area_to_json(*occupied_area) : Json()}});
  }
  for (Report& report : reports) {
    if (gazetteer != nullptr) gazetteer->geocode(report, params.gazetteer);
    else if (report.position) {
      // Not geocoded yet (located reports carry their precision); the theatre check may have
      // noted already that the position lies in no country's outline.
      if (report.precision == GeoPrecision::Unlocated) {
        report.precision = GeoPrecision::Exact;
        const std::string note = report.geocode_note;
        report.geocode_note = "coordinates given; no gazetteer to check them against";
        if (!note.empty()) report.geocode_note += "; " + note;
      }
    } else if (report.geocode_note.empty()) {
      report.precision = GeoPrecision::Unlocated;
      report.geocode_note = "no coordinates and no gazetteer";
    }
  }
  clock.lap("geocode");
  // Log reports in a canonical order so the same inputs give the same log whatever the order.
  std::vector<std::size_t> order(reports.size());
  for (std::size_t i = 0; i < order.size(); ++i) order[i] = i;
  std::sort(order.begin(), order.end(), [&](std::size_t a, std::size_t b) {
    return std::tie(reports[a].id, reports[a].origin) < std::tie(reports[b].id, reports[b].origin);
  });
  if (log != nullptr) {
    log->append_batch(
        log_kind::REPORT, order.size(),
        [&](std::size_t index, std::string& out) { append_canonical_json(out, reports[order[index]]); }, log_threads);
    log->append_batch(
        log_kind::REJECTED, rejected.size(),
        [&](std::size_t index, std::string& out) {
          out += "{\"reason\":";
          detail::append_json_string(out, rejected[index].reason);
          out += ",\"where\":";
          detail::append_json_string(out, rejected[index].where);
          out += '}';
        },
        log_threads);
  }

  clock.lap("log_reports");
  // Held by the result from here on: a block's sink reads the reports, incidents and grades.
  result.reports = std::move(reports);
  result.rejected = std::move(rejected);
  const std::vector<Report>& held = result.reports;

  result.clusters = cluster_reports(held, params.cluster);
  clock.lap("cluster");
  result.grades.reserve(result.clusters.incidents.size());
  for (const auto& incident : result.clusters.incidents)
    result.grades.push_back(grade_incident(incident, held, registry, params.grading));
  clock.lap("grade");
  const auto& incidents = result.clusters.incidents;
  if (log != nullptr) {
    log->append_batch(
        log_kind::MERGE, result.clusters.merges.size(),
        [&](std::size_t index, std::string& out) { append_canonical_json(out, result.clusters.merges[index], held, incidents); },
        log_threads);
    log->append_batch(
        log_kind::INCIDENT, incidents.size(),
        [&](std::size_t index, std::string& out) { append_canonical_json(out, incidents[index], result.grades[index], held); },
        log_threads);
  }
  // Judged a block of incidents (consecutive in time) at a time: each block's findings are
  // logged and handed on as they are made, so a run that does not keep them holds one block's.
  ReferenceLines lines;
  lines.occupied_area = occupied_area;
  if (stream.keep_findings) result.findings.reserve(count_findings(incidents, agreement, 0, incidents.size()));
  const std::size_t block = std::max<std::size_t>(1, stream.block_incidents);
  for (std::size_t first = 0; first < incidents.size(); first += block) {
    const std::size_t last = std::min(incidents.size(), first + block);
    std::vector<Finding> findings =
        judge_incident_range(incidents, result.grades, held, agreement, registry, lines, params.judge, first, last);
    for (const Finding& finding : findings) ++result.outcome_counts.at(static_cast<std::size_t>(finding.outcome));
    if (log != nullptr)
      log->append_batch(
          log_kind::FINDING, findings.size(),
          [&](std::size_t index, std::string& out) { append_canonical_json(out, findings[index]); }, log_threads);
    if (stream.sink != nullptr) stream.sink->add(result, first, last, findings);
    if (stream.keep_findings) std::move(findings.begin(), findings.end(), std::back_inserter(result.findings));
  }
  clock.lap("judge");
  if (log != nullptr) {
    log->append(log_kind::RUN_END, {{"counts", result.counts()}});
    log->sign_head();  // a signed checkpoint when the monitor's key was given
    log->flush();      // fsync: the run is on disk before its head is reported
    result.log_head = log->head_hash();
  }
  clock.lap("log_results");
  return result;
}

VerifyResult run_verify(const VerifyRequest& request) {
  if (request.report_files.empty()) throw Error(ErrorCode::Usage, "verify", "no report files given");
  // The run's repeated text lives as long as its result (shared_text.hpp).
  auto text_pool = std::make_shared<TextPool>();
  const TextPool::Scope text_scope(text_pool);
  check_verify_params(request.params);
  const Agreement agreement = load_agreement(request.agreement);
  const SourceRegistry registry =
      request.source_registry.empty() ? SourceRegistry() : load_source_registry(request.source_registry);
  std::optional<Gazetteer> gazetteer;
  if (!request.gazetteer.empty()) {
    io::GeonamesFilter filter;
    filter.countries = request.gazetteer_countries;
    gazetteer.emplace(io::read_geonames(request.gazetteer, filter));
  }
  std::optional<AdminAreas> areas;
  std::optional<TheatreScope> scope;
  if (!request.theatre.empty()) {
    const model::Scenario scenario = io::load_scenario(request.theatre, io::LoadOptions{request.asset_dir});
    if (!request.admin_area_names.empty()) areas.emplace(load_admin_areas(scenario.theatre.regions, request.admin_area_names));
    if (!request.theatre_scope.empty()) scope.emplace(load_theatre_scope(scenario.theatre.countries, request.theatre_scope));
  }
  std::optional<geo::MultiPolygon> occupied;
  if (!request.line_of_contact.empty()) occupied = io::load_geojson_area(request.line_of_contact);
  // Open the log before the work so an unwritable log fails fast.
  std::optional<SecretKey> signing_key;
  if (!request.signing_key.empty()) signing_key = read_secret_key(request.signing_key);
  std::optional<EvidenceLog> log;
  if (!request.evidence_log.empty()) {
    LogOpenOptions options;
    options.signing_key = signing_key ? &*signing_key : nullptr;
    log.emplace(EvidenceLog::open_file(request.evidence_log, options));
  }

  std::vector<Report> reports;
  std::vector<Rejection> rejected;
  std::vector<InputSummary> inputs;
  std::optional<ColumnMapping> mapping;
  if (!request.mapping.empty()) mapping.emplace(load_column_mapping(request.mapping));
  for (const auto& path : request.report_files) {
    const auto started = std::chrono::steady_clock::now();
    AdapterResult read;
    if (mapping) {
      std::ifstream in(path, std::ios::binary);
      if (!in) throw Error(ErrorCode::FileNotFound, path.string(), "cannot open the report file");
      read = read_mapped_csv(in, path.string(), *mapping);
    } else {
      read = read_report_file(path, request.format);
    }
    if (request.progress)
      request.progress(fmt::format("read {}: {} reports, {} rejected ({:.1f} s)", path.string(), read.reports.size(),
                                   read.rejected.size(),
                                   std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count()));
    inputs.push_back({path.string(), read.format, file_sha256(path), read.rows, read.reports.size(), read.rejected.size()});
    std::move(read.reports.begin(), read.reports.end(), std::back_inserter(reports));
    std::move(read.rejected.begin(), read.rejected.end(), std::back_inserter(rejected));
  }
  // Before anything is logged or judged: one record per id, every clock time in UTC.
  reject_duplicate_ids(reports, rejected);
  const std::size_t local_times = resolve_local_times(reports, rejected, request.time_zone);
  if (log) {
    // Inputs precede run_start's work entries; they name what the run read, by hash.
    for (const auto& input : inputs)
      log->append(log_kind::INPUT, {{"path", input.path}, {"format", input.format}, {"sha256", input.sha256},
                                    {"rows", input.rows}, {"read", input.read}, {"rejected", input.rejected}});
  }
  // Located here, where the areas and the theatre are at hand; verify_reports then has nothing
  // left to geocode (and replay, which has neither, reads the located reports from the log).
  locate_reports(reports, Locator{gazetteer ? &*gazetteer : nullptr, areas ? &*areas : nullptr, scope ? &*scope : nullptr},
                 request.params.gazetteer);
  VerifyResult result = verify_reports(std::move(reports), std::move(rejected), agreement, registry,
                                       nullptr, occupied ? &*occupied : nullptr,
                                       request.params, log ? &*log : nullptr, request.progress, request.findings);
  result.text_pool = std::move(text_pool);
  result.inputs = std::move(inputs);
  result.time_zone = request.time_zone;
  result.local_times = local_times;
  return result;
}

}  // namespace guarantor::verify
