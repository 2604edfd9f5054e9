// Benchmark: the verifier end to end on synthetic reports with known ground truth.
// Workload: N reports (default 1,000,000) of ~N/3 events over 30 days across Ukraine are written
// as Guarantor CSV, then read, geocoded, clustered, graded, judged against the default agreement
// and logged to a hash-chained evidence log, and the four outputs (incidents GeoJSON and CSV,
// findings JSON, the page) are written as `guarantor verify` writes them. The result is checked (pairwise precision/recall
// against the truth) before its time counts. Then blocked clustering and plain all-pairs
// clustering run alternately on a 20,000-report slice; the ratio of medians is printed; and the
// evidence log is hashed by libsodium's SHA-256 (the former implementation) and by the current one
// (OpenSSL), alternately, for the ratio of medians. Several sizes (`--sizes 100000,1000000`) each
// run in a child process of their own, so that each size's peak RSS is its own.
#include <sodium.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>
#include <cstdlib>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <numeric>
#include <thread>

#include <fmt/format.h>

#include "guarantor/core/sha256.hpp"
#include "guarantor/core/thread_pool.hpp"
#include "guarantor/geo/geodesic.hpp"
#include "guarantor/io/output_file.hpp"
#include "guarantor/report/verify_page.hpp"
#include "guarantor/verify/adapters.hpp"
#include "guarantor/verify/outputs.hpp"
#include "guarantor/verify/pipeline.hpp"
#include "synthetic_reports.hpp"

namespace {

using namespace guarantor::verify;
using guarantor::format_date;
using guarantor::format_datetime;
using Clock = std::chrono::steady_clock;

double seconds_since(Clock::time_point start) { return std::chrono::duration<double>(Clock::now() - start).count(); }

double cpu_seconds() {
  rusage usage{};
  getrusage(RUSAGE_SELF, &usage);
  const auto seconds = [](timeval t) { return static_cast<double>(t.tv_sec) + static_cast<double>(t.tv_usec) * 1e-6; };
  return seconds(usage.ru_utime) + seconds(usage.ru_stime);
}

double peak_rss_mib() {
  rusage usage{};
  getrusage(RUSAGE_SELF, &usage);
  return static_cast<double>(usage.ru_maxrss) / 1024.0;  // ru_maxrss is in KiB on Linux
}

// Plain all-pairs clustering: every pair tested with the same gates, single linkage by union-find.
std::vector<std::size_t> cluster_all_pairs(const std::vector<Report>& reports, const ClusterParams& params) {
  std::vector<std::size_t> parent(reports.size());
  std::iota(parent.begin(), parent.end(), 0);
  const auto find = [&](std::size_t x) {
    while (parent[x] != x) x = parent[x] = parent[parent[x]];
    return x;
  };
  for (std::size_t a = 0; a < reports.size(); ++a) {
    for (std::size_t b = a + 1; b < reports.size(); ++b) {
      const Report& ra = reports[a];
      const Report& rb = reports[b];
      if (!compatible(ra, rb)) continue;
      if (time_gap_s(ra.time_s, ra.time_s + ra.time_uncertainty_s, rb.time_s, rb.time_s + rb.time_uncertainty_s) >
          params.time_window_s)
        continue;
      if (guarantor::geo::haversine_distance(*ra.position, *rb.position).value > gate_distance_m(ra, rb, params)) continue;
      parent[find(a)] = find(b);
    }
  }
  std::vector<std::size_t> labels(reports.size());
  for (std::size_t i = 0; i < reports.size(); ++i) labels[i] = find(i);
  return labels;
}

std::vector<std::size_t> labels_of(const ClusterResult& result, std::size_t n) {
  std::vector<std::size_t> labels(n);
  for (std::size_t i = 0; i < result.incidents.size(); ++i)
    for (std::size_t r : result.incidents[i].reports) labels[r] = i;
  return labels;
}

void write_csv(const std::vector<Report>& reports, const std::filesystem::path& path) {
  std::ofstream out(path);
  out << "id,date,outlet,category,target_kind,lon,lat,location_uncertainty_m,description\n";
  for (const Report& r : reports) {
    const std::string date = r.time_uncertainty_s > 0 ? format_date(r.time_s) : format_datetime(r.time_s);
    out << fmt::format("{},{},{},{},{},{:.6f},{:.6f},{},\"{}\"\n", r.id.substr(r.id.find(':') + 1), date, r.outlets.front(),
                       to_string(r.category), to_string(r.target_kind), r.position->lon, r.position->lat,
                       r.location_uncertainty_m, r.description);
  }
}

// The machine's 1-minute load average: on a shared machine it says how much of the CPU the run got.
double load_average() {
  double load[1] = {0};
  return getloadavg(load, 1) == 1 ? load[0] : -1;
}

template <typename F>
double timed_seconds(F&& f) {
  const auto start = Clock::now();
  f();
  return seconds_since(start);
}

double median(std::vector<double> values) {
  std::sort(values.begin(), values.end());
  return values[values.size() / 2];
}


// SHA-256 of a file, by libsodium (the implementation before OpenSSL's) or the current one.
std::string file_digest(const std::filesystem::path& path, bool sodium) {
  std::ifstream in(path, std::ios::binary);
  std::string buffer(1 << 20, '\0');
  crypto_hash_sha256_state sodium_state;
  crypto_hash_sha256_init(&sodium_state);
  guarantor::Sha256 current;
  while (in.read(buffer.data(), static_cast<std::streamsize>(buffer.size())) || in.gcount() > 0) {
    const auto size = static_cast<std::size_t>(in.gcount());
    if (sodium) crypto_hash_sha256_update(&sodium_state, reinterpret_cast<const unsigned char*>(buffer.data()), size);
    else current.update(std::string_view(buffer.data(), size));
  }
  if (!sodium) return current.finish_hex();
  unsigned char digest[crypto_hash_sha256_BYTES];
  crypto_hash_sha256_final(&sodium_state, digest);
  char hex[crypto_hash_sha256_BYTES * 2 + 1];
  sodium_bin2hex(hex, sizeof hex, digest, sizeof digest);
  return hex;
}

struct BenchOptions {
  std::filesystem::path keep_log;
  std::filesystem::path keep_dir;  ///< keep the CSV and the outputs here (to compare between versions)
  bool baseline = true;
};

int run_size(std::size_t target_reports, const BenchOptions& options);

}  // namespace

int main(int argc, char** argv) {
  // verify_pipeline [reports | --sizes N,N,...] [--keep-log PATH] [--keep-dir DIR] [--no-baseline]
  std::vector<std::size_t> sizes{1000000};
  BenchOptions options;
  for (int arg = 1; arg < argc; ++arg) {
    const std::string text = argv[arg];
    if (text == "--keep-log" && arg + 1 < argc) options.keep_log = argv[++arg];
    else if (text == "--keep-dir" && arg + 1 < argc) options.keep_dir = argv[++arg];
    else if (text == "--no-baseline") options.baseline = false;
    else if (text == "--sizes" && arg + 1 < argc) {
      sizes.clear();
      std::string list = argv[++arg];
      for (std::size_t from = 0; from <= list.size();) {
        const std::size_t comma = std::min(list.find(',', from), list.size());
        sizes.push_back(std::stoul(list.substr(from, comma - from)));
        from = comma + 1;
      }
    } else sizes = {std::stoul(text)};
  }
  if (sizes.size() == 1) return run_size(sizes.front(), options);
  // One child per size: ru_maxrss of a child is that run's own peak.
  std::vector<std::string> summary;
  for (const std::size_t size : sizes) {
    std::fflush(stdout);
    const auto started = Clock::now();
    const pid_t child = fork();
    if (child < 0) {
      std::perror("fork");
      return 1;
    }
    if (child == 0) {
      const int status = run_size(size, options);
      std::fflush(stdout);  // _exit does not flush stdio: the child's table would be lost in a pipe
      _exit(status);
    }
    int status = 0;
    rusage usage{};
    wait4(child, &status, 0, &usage);
    if (!WIFEXITED(status) || WEXITSTATUS(status) != 0) {
      std::fprintf(stderr, "FAILED: the run of %zu reports failed\n", size);
      return 1;
    }
    const auto seconds = [](timeval t) { return static_cast<double>(t.tv_sec) + static_cast<double>(t.tv_usec) * 1e-6; };
    summary.push_back(fmt::format("{:>9} reports: process wall {:.2f} s, CPU {:.2f} s (user {:.2f}, system {:.2f}), "
                                  "peak RSS {:.0f} MiB, load average (1 min) {:.2f} at the end",
                                  size, seconds_since(started), seconds(usage.ru_utime) + seconds(usage.ru_stime),
                                  seconds(usage.ru_utime), seconds(usage.ru_stime),
                                  static_cast<double>(usage.ru_maxrss) / 1024.0, load_average()));
  }
  std::printf("\nsummary (each size in its own process; wall and CPU include writing the CSV and the checks):\n");
  for (const std::string& line : summary) std::printf("%s\n", line.c_str());
  return 0;
}

namespace {

int run_size(std::size_t target_reports, const BenchOptions& options) {
  const auto& keep_log = options.keep_log;
  const bool baseline = options.baseline;
  constexpr std::size_t SLICE = 20000;
  constexpr int ROUNDS = 3;
  // Reports per event average 3 (1..5 uniform): events = reports / 3.
  testing::SyntheticConfig config;
  config.events = target_reports / 3;
  // Keep the event density of the unit test (2,000 events in 30 days) at any size.
  config.days = static_cast<int>(std::max<std::size_t>(30, config.events * 30 / 2000));
  const auto dir = std::filesystem::temp_directory_path() / "guarantor_verify_bench";
  std::filesystem::create_directories(dir);
  const auto csv = dir / "reports.csv";
  const auto log_path = dir / "evidence.jsonl";
  std::filesystem::remove(log_path);
  std::size_t synthetic_count = 0;
  {
    // The generator's copy is freed before the run so that peak RSS measures the verifier.
    const auto synthetic = testing::make_synthetic_reports(config);
    synthetic_count = synthetic.reports.size();
    write_csv(synthetic.reports, csv);
  }
  std::printf("workload: %zu synthetic reports of %zu events over %d days, written as %.0f MiB of CSV\n",
              synthetic_count, config.events, config.days,
              static_cast<double>(std::filesystem::file_size(csv)) / (1024.0 * 1024.0));

  const Agreement agreement = load_agreement(std::filesystem::path(GUARANTOR_BENCH_DATA_DIR) / "agreements" / "default_agreement.json");
  const SourceRegistry registry = load_source_registry(std::filesystem::path(GUARANTOR_BENCH_DATA_DIR) / "sources" / "source_registry.json");
  const Gazetteer gazetteer;  // synthetic reports carry coordinates and no place names

  // The run's repeated text, owned by its result as in `guarantor verify` (shared_text.hpp).
  auto text_pool = std::make_shared<TextPool>();
  const TextPool::Scope text_scope(text_pool);
  const double load_at_start = load_average();
  const auto start = Clock::now();
  const double start_cpu = cpu_seconds();
  AdapterResult read = read_guarantor_csv(*std::make_unique<std::ifstream>(csv), csv.string());
  const double parse_s = seconds_since(start);
  const double parse_cpu = cpu_seconds() - start_cpu;
  const double parse_rss = peak_rss_mib();
  // The outputs, as the command writes them: incidents.geojson, findings.json's findings and the
  // page's data while the run judges (temporaries, published together at the end).
  const auto out_dir = dir / "out";
  std::filesystem::create_directories(out_dir);
  guarantor::io::OutputSet outputs(out_dir);
  IncidentsGeojsonStream geojson(outputs.stream("incidents.geojson"));
  FindingsJsonStream findings_file(out_dir);
  guarantor::report::VerifyPageStream page_data;
  FindingSinks sinks({&geojson, &findings_file, &page_data});
  VerifyResult result;
  {
    EvidenceLog log = EvidenceLog::open_file(log_path);
    FindingStream stream;
    stream.sink = &sinks;
    stream.keep_findings = false;
    result = verify_reports(std::move(read.reports), std::move(read.rejected), agreement, registry, &gazetteer, nullptr,
                            VerifyParams{}, &log, {}, stream);
    result.text_pool = text_pool;
  }
  const double pipeline_s = seconds_since(start);
  // What is left of the outputs after the run, each timed.
  const auto outputs_start = Clock::now();
  const double outputs_cpu_start = cpu_seconds();
  std::vector<StageTiming> output_timings;
  {
    const auto timed = [&](const char* name, const auto& write) {
      const auto t = Clock::now();
      const double cpu = cpu_seconds();
      write();
      output_timings.push_back({name, seconds_since(t), cpu_seconds() - cpu, peak_rss_mib()});
    };
    timed("incidents.geojson", [&] { geojson.finish(); });
    timed("incidents.csv", [&] { write_incidents_acled_csv(result, outputs.stream("incidents.csv")); });
    timed("findings.json", [&] { findings_file.write(result, outputs.stream("findings.json")); });
    timed("report.html", [&] { page_data.write(result, outputs.stream("report.html")); });
    outputs.publish();
  }
  const double outputs_s = seconds_since(outputs_start);
  const double outputs_cpu = cpu_seconds() - outputs_cpu_start;
  const double outputs_rss = peak_rss_mib();
  const double total_s = seconds_since(start);
  const double total_cpu = cpu_seconds() - start_cpu;
  const auto mib = [](const std::filesystem::path& path) {
    return static_cast<double>(std::filesystem::file_size(path)) / (1024.0 * 1024.0);
  };
  // Check before the time counts: nothing rejected, and the clustering matches the truth.
  if (!result.rejected.empty()) {
    std::fprintf(stderr, "FAILED: %zu rows rejected, first %s: %s\n", result.rejected.size(),
                 result.rejected.front().where.c_str(), result.rejected.front().reason.c_str());
    return 1;
  }
  std::vector<std::size_t> truth(result.reports.size());
  for (std::size_t i = 0; i < result.reports.size(); ++i) {
    const std::string& id = result.reports[i].id;  // guarantor_csv:<event>-<n>
    truth[i] = std::stoul(id.substr(id.find(':') + 1, id.find('-') - id.find(':') - 1));
  }
  const auto score = testing::pairwise_score(labels_of(result.clusters, result.reports.size()), truth);
  if (result.reports.size() != synthetic_count) {
    std::fprintf(stderr, "FAILED: %zu reports read, %zu written\n", result.reports.size(), synthetic_count);
    return 1;
  }
  std::printf("pairwise precision %.4f, recall %.4f; %zu incidents, %zu merges, %zu findings\n", score.precision,
              score.recall, result.clusters.incidents.size(), result.clusters.merges.size(),
              result.counts()["findings"].get<std::size_t>());
  if (score.precision < 0.95 || score.recall < 0.95) {
    std::fprintf(stderr, "FAILED: clustering quality below 0.95\n");
    return 1;
  }
  // CPU time is printed beside wall time: on a shared machine it is the steadier figure.
  std::printf("%-12s %9s %9s %14s\n", "stage", "wall s", "CPU s", "peak RSS MiB");
  std::printf("%-12s %9.2f %9.2f %14.0f\n", "parse", parse_s, parse_cpu, parse_rss);
  for (const StageTiming& stage : result.timings)
    std::printf("%-12s %9.2f %9.2f %14.0f\n", stage.stage.c_str(), stage.seconds, stage.cpu_seconds, stage.peak_rss_mib);
  for (const StageTiming& output : output_timings)
    std::printf("  %-18s %9.2f %9.2f %14.0f\n", output.stage.c_str(), output.seconds, output.cpu_seconds,
                output.peak_rss_mib);
  std::printf("%-12s %9.2f %9.2f %14.0f\n", "outputs", outputs_s, outputs_cpu, outputs_rss);
  std::printf("outputs: page %.1f MiB, findings.json %.0f MiB, incidents.geojson %.0f MiB, incidents.csv %.0f MiB; "
              "pipeline alone %.2f s\n",
              mib(out_dir / "report.html"), mib(out_dir / "findings.json"), mib(out_dir / "incidents.geojson"),
              mib(out_dir / "incidents.csv"), pipeline_s);
  std::printf("end to end: %.2f s (CPU %.2f s), %.0f reports/s, peak RSS %.0f MiB, log %.0f MiB\n", total_s, total_cpu,
              static_cast<double>(result.reports.size()) / total_s, peak_rss_mib(),
              static_cast<double>(std::filesystem::file_size(log_path)) / (1024.0 * 1024.0));
  std::printf(
      "machine: %u hardware threads, load average (1 min) %.2f at the start, %.2f at the end; pool of %u threads\n",
      std::thread::hardware_concurrency(), load_at_start, load_average(),
      guarantor::ThreadPool::shared().concurrency());
  if (!keep_log.empty()) std::filesystem::copy_file(log_path, keep_log, std::filesystem::copy_options::overwrite_existing);
  const auto finish = [&] {
    if (!options.keep_dir.empty()) {
      std::filesystem::remove_all(options.keep_dir);
      std::filesystem::rename(dir, options.keep_dir);
    } else {
      std::filesystem::remove_all(dir);
    }
    return 0;
  };
  if (!baseline) return finish();

  // The log hashed whole by the former SHA-256 (libsodium) and the current one, alternately.
  std::vector<double> sodium_s, current_s;
  for (int round = 0; round < ROUNDS; ++round) {
    std::string digests[2];
    sodium_s.push_back(timed_seconds([&] { digests[0] = file_digest(log_path, true); }));
    current_s.push_back(timed_seconds([&] { digests[1] = file_digest(log_path, false); }));
    if (digests[0] != digests[1]) {
      std::fprintf(stderr, "FAILED: the two SHA-256 implementations disagree on the log\n");
      return 1;
    }
  }
  std::printf("hashing the %.0f MiB log: libsodium %.2f s [%.2f, %.2f], current %.2f s [%.2f, %.2f]; ratio of medians %.1fx\n",
              static_cast<double>(std::filesystem::file_size(log_path)) / (1024.0 * 1024.0), median(sodium_s),
              *std::min_element(sodium_s.begin(), sodium_s.end()), *std::max_element(sodium_s.begin(), sodium_s.end()),
              median(current_s), *std::min_element(current_s.begin(), current_s.end()),
              *std::max_element(current_s.begin(), current_s.end()), median(sodium_s) / median(current_s));

  // Blocked vs all-pairs on a slice, alternated in this process; medians and min/max.
  std::vector<Report> slice(result.reports.begin(), result.reports.begin() + std::min(SLICE, result.reports.size()));
  std::vector<double> blocked_s, all_pairs_s;
  std::size_t blocked_incidents = 0, all_pairs_clusters = 0;
  for (int round = 0; round < ROUNDS; ++round) {
    auto t = Clock::now();
    const ClusterResult blocked = cluster_reports(slice, ClusterParams{});
    blocked_s.push_back(seconds_since(t));
    blocked_incidents = blocked.incidents.size();
    t = Clock::now();
    const auto labels = cluster_all_pairs(slice, ClusterParams{});
    all_pairs_s.push_back(seconds_since(t));
    std::vector<std::size_t> roots(labels);
    std::sort(roots.begin(), roots.end());
    all_pairs_clusters = static_cast<std::size_t>(std::unique(roots.begin(), roots.end()) - roots.begin());
  }
  std::printf("slice of %zu reports: blocked %.4f s [%.4f, %.4f], all-pairs %.3f s [%.3f, %.3f]; ratio of medians %.0fx; "
              "%zu incidents vs %zu all-pairs clusters\n",
              slice.size(), median(blocked_s), *std::min_element(blocked_s.begin(), blocked_s.end()),
              *std::max_element(blocked_s.begin(), blocked_s.end()), median(all_pairs_s),
              *std::min_element(all_pairs_s.begin(), all_pairs_s.end()),
              *std::max_element(all_pairs_s.begin(), all_pairs_s.end()), median(all_pairs_s) / median(blocked_s),
              blocked_incidents, all_pairs_clusters);
  return finish();
}

}  // namespace
