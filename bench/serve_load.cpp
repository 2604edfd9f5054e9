// Load on `guarantor serve` from a separate process over loopback: the workspace is seeded with
// the default scenario, the server is started as a child process (its cold start — command to
// "serving" line — and idle RSS are measured on the way), then N clients, each with its own
// connection, all multiplexed on one thread (serve_load_clients.hpp), send requests for a bounded time: 80 % reads
// (half a single pledge by id, half the first page of the pledge list) and 20 % writes (each client replaces a pledge
// of its own, with If-Match, so no write conflicts with another's). Every answer is checked (200 for reads, 200 with
// the next ETag for writes) before its time counts; any other answer or a transport failure is an error. Prints
// p50/p99/max latency of reads and writes, the error count and the request rate. Usage: bench_serve_load [--db
// FILE|URL] [--clients N] [--seconds S] [--server PATH] [--baseline PATH] [--rounds N]
//   --server runs another build's `guarantor` instead of this build's; --baseline runs a second
//   one (e.g. a copy built at an earlier commit) alternately with it, baseline first, for
//   --rounds rounds, and prints the median, min and max of each and the ratio of the medians
//   (house style: speed claims are ratios of medians of alternated runs).
//   --db defaults to a new SQLite file in a temporary directory; a PostgreSQL URL should name a
//   schema of its own (e.g. ...?options=-csearch_path%3Dbench,public), whose scenario is replaced.
#include <algorithm>
#include <atomic>
#include <chrono>
#include <csignal>
#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <iostream>
#include <iterator>
#include <map>
#include <memory>
#include <random>
#include <sstream>
#include <string>
#include <thread>
#include <vector>

#include <fmt/format.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>

#include "guarantor/io/record_codec.hpp"
#include "guarantor/store/workspace.hpp"
#include "serve_load_clients.hpp"

namespace {

namespace bench = guarantor::bench;
using Clock = std::chrono::steady_clock;
constexpr int WRITE_PERCENT = 20;
constexpr const char* PASSWORD = "a long bench password";
// A request unanswered this long counts as an error.
constexpr double REQUEST_TIMEOUT_S = 30;

struct Options {
  std::string db;
  std::string server = GUARANTOR_BENCH_CLI;
  std::string baseline;  ///< another build's `guarantor`, run alternately with `server` when set
  int rounds = 1;
  int clients = 200;
  int seconds = 20;
};

struct Sample {
  std::vector<double> read_ms, write_ms;
  long errors = 0;
  std::map<std::string, long> error_kinds;  ///< what went wrong: transport error or status and code
};

// "PUT transport: connect: ..." or "PUT 412 version_conflict": what an error was, so a run says
// what failed.
std::string error_kind(const char* what, const bench::LoadAnswer& answer) {
  if (answer.status == 0) return fmt::format("{} transport: {}", what, answer.error);
  std::string code;
  const auto at = answer.body.find(R"("code":")");
  if (at != std::string::npos) code = answer.body.substr(at + 8, answer.body.find('"', at + 8) - at - 8);
  return fmt::format("{} {} {}", what, answer.status, code);
}

double percentile(std::vector<double>& values, double fraction) {
  if (values.empty()) return 0;
  std::sort(values.begin(), values.end());
  const auto index = static_cast<std::size_t>(fraction * static_cast<double>(values.size() - 1) + 0.5);
  return values[std::min(index, values.size() - 1)];
}

// CPU seconds (user + system) a process has used, from /proc/PID/stat; -1 when unreadable.
double cpu_seconds_of(pid_t pid) {
  std::ifstream stat(fmt::format("/proc/{}/stat", pid));
  std::string text((std::istreambuf_iterator<char>(stat)), std::istreambuf_iterator<char>());
  // The command name (field 2) may hold spaces; the fields after its closing parenthesis are
  // numbered from 3, utime and stime being 14 and 15, in clock ticks.
  const auto close = text.rfind(')');
  if (close == std::string::npos) return -1;
  std::istringstream fields(text.substr(close + 1));
  std::string field;
  double ticks = 0;
  for (int number = 3; number <= 15 && fields >> field; ++number)
    if (number >= 14) ticks += std::stod(field);
  return ticks / static_cast<double>(sysconf(_SC_CLK_TCK));
}

// CPU seconds this process (the clients) has used so far.
double own_cpu_seconds() {
  rusage usage{};
  getrusage(RUSAGE_SELF, &usage);
  const auto seconds = [](const timeval& t) {
    return static_cast<double>(t.tv_sec) + static_cast<double>(t.tv_usec) / 1e6;
  };
  return seconds(usage.ru_utime) + seconds(usage.ru_stime);
}

// The 1-, 5- and 15-minute load averages: the figures are only comparable at a similar load.
std::string load_average() {
  std::ifstream file("/proc/loadavg");
  std::string one, five, fifteen;
  file >> one >> five >> fifteen;
  return fmt::format("{} {} {}", one, five, fifteen);
}

long rss_kib(pid_t pid) {
  std::ifstream status(fmt::format("/proc/{}/status", pid));
  std::string line;
  while (std::getline(status, line))
    if (line.rfind("VmRSS:", 0) == 0) return std::stol(line.substr(6));
  return -1;
}

// Starts the server; returns its pid, the port it printed and the seconds until it printed it.
pid_t start_server(const std::string& program, const std::string& db, int& port, double& cold_start_s) {
  int fds[2];
  if (pipe(fds) != 0) return -1;
  const auto started = Clock::now();
  const pid_t child = fork();
  if (child == 0) {
    dup2(fds[1], STDOUT_FILENO);
    close(fds[0]);
    execl(program.c_str(), program.c_str(), "--assets", GUARANTOR_BENCH_ASSETS, "serve", "--db", db.c_str(), "--port",
          "0", static_cast<char*>(nullptr));
    _exit(127);
  }
  close(fds[1]);
  FILE* out = fdopen(fds[0], "r");
  char line[4096];
  port = 0;
  while (port == 0 && std::fgets(line, sizeof line, out) != nullptr) {
    const std::string text = line;
    const auto at = text.find("http://127.0.0.1:");
    if (at != std::string::npos) port = std::stoi(text.substr(at + 17));
  }
  cold_start_s = std::chrono::duration<double>(Clock::now() - started).count();
  std::fclose(out);
  return child;
}

// One simulated client: 80 % reads (half one pledge by id, half the first 100 pledges) and 20 %
// writes of its own pledge with If-Match, each answer checked before its time counts.
bench::LoadClient make_client(int index, const std::string& token, const std::vector<std::string>& ids,
                              const std::string& own_body, Sample& sample) {
  struct State {
    std::mt19937 random;
    std::int64_t version = 1;
    enum class Kind { Write, One, List } kind = Kind::List;
  };
  auto state = std::make_shared<State>();
  state->random.seed(static_cast<unsigned>(index));
  const std::string auth = "Bearer " + token;
  const std::string own_path = fmt::format("/api/v1/pledges/LOAD-{}", index);
  bench::LoadClient client;
  client.next = [state, auth, own_path, &ids, &own_body] {
    std::uniform_int_distribution<int> percent(0, 99);
    std::uniform_int_distribution<std::size_t> pick(0, ids.size() - 1);
    bench::LoadRequest request{"GET", "", {{"Authorization", auth}}, ""};
    if (percent(state->random) < WRITE_PERCENT) {
      state->kind = State::Kind::Write;
      request.method = "PUT";
      request.path = own_path;
      request.headers.emplace_back("If-Match", fmt::format("\"{}\"", state->version));
      request.body = own_body;
    } else if (percent(state->random) < 50) {
      state->kind = State::Kind::One;
      request.path = "/api/v1/pledges/" + ids[pick(state->random)];
    } else {
      state->kind = State::Kind::List;
      request.path = "/api/v1/pledges?limit=100";
    }
    return request;
  };
  client.answered = [state, &sample](const bench::LoadAnswer& answer, double ms) {
    const bool write = state->kind == State::Kind::Write;
    const char* what = write ? "PUT" : state->kind == State::Kind::One ? "GET one" : "GET list";
    bool ok = answer.status == 200;
    if (write) ok = ok && answer.etag == fmt::format("\"{}\"", state->version + 1);
    else if (state->kind == State::Kind::List) ok = ok && !answer.body.empty();
    if (ok && write) ++state->version;
    if (!ok) {
      ++sample.errors;
      ++sample.error_kinds[error_kind(what, answer)];
    } else {
      (write ? sample.write_ms : sample.read_ms).push_back(ms);
    }
  };
  return client;
}

// What one run of the workload measured against one server.
struct RunResult {
  std::string server;
  double elapsed_s = 0, cold_start_s = 0, idle_rss_mib = 0, loaded_rss_mib = 0;
  double read_p50 = 0, read_p99 = 0, read_max = 0, write_p50 = 0, write_p99 = 0, write_max = 0;
  std::size_t reads = 0, writes = 0;
  long errors = 0;
  std::map<std::string, long> error_kinds;
  double requests_per_s = 0, server_cpu_s = 0, server_us = 0, client_cpu_s = 0, client_us = 0;
  std::string load_before, load_after;
};

// Replaces each client's own pledge with a fresh one at version 1, so every run starts alike;
// returns the request bodies of the clients' writes and the ids of all pledges.
std::pair<std::vector<std::string>, std::vector<std::string>> seed_pledges(const std::string& db, int clients) {
  using namespace guarantor;
  store::Workspace workspace(db);
  std::vector<std::string> own_bodies, ids;
  model::Pledge templ = workspace.pledges().front().value;
  templ.sites.clear();
  for (int c = 0; c < clients; ++c) {
    model::Pledge own = templ;
    own.id = fmt::format("LOAD-{}", c);
    if (workspace.pledge(own.id)) workspace.delete_pledge(own.id, std::nullopt, "bench");
    workspace.create_pledge(own, "bench");
    own.quantity = 2;
    own_bodies.push_back(io::encode_pledge(own).dump());
  }
  for (const auto& record : workspace.pledges()) ids.push_back(record.value.id);
  return {own_bodies, ids};
}

RunResult run_once(const Options& options, const std::string& server_program, const std::string& token) {
  const auto [own_bodies, ids] = seed_pledges(options.db, options.clients);
  RunResult result;
  result.server = server_program;
  int port = 0;
  const pid_t server = start_server(server_program, options.db, port, result.cold_start_s);
  if (server <= 0 || port == 0) throw std::runtime_error("the server " + server_program + " did not start");
  std::this_thread::sleep_for(std::chrono::milliseconds(500));
  result.idle_rss_mib = static_cast<double>(rss_kib(server)) / 1024.0;

  result.load_before = load_average();
  const double server_cpu_before = cpu_seconds_of(server), client_cpu_before = own_cpu_seconds();
  std::atomic<bool> stop = false;
  Sample all;
  std::vector<bench::LoadClient> clients;
  clients.reserve(static_cast<std::size_t>(options.clients));
  for (int c = 0; c < options.clients; ++c)
    clients.push_back(make_client(c, token, ids, own_bodies[static_cast<std::size_t>(c)], all));
  const auto started = Clock::now();
  std::thread timer([&stop, seconds = options.seconds] {
    std::this_thread::sleep_for(std::chrono::seconds(seconds));
    stop = true;
  });
  bench::run_load_clients(port, clients, stop, REQUEST_TIMEOUT_S);
  timer.join();
  result.elapsed_s = std::chrono::duration<double>(Clock::now() - started).count();
  result.loaded_rss_mib = static_cast<double>(rss_kib(server)) / 1024.0;
  result.server_cpu_s = cpu_seconds_of(server) - server_cpu_before;
  result.client_cpu_s = own_cpu_seconds() - client_cpu_before;
  result.load_after = load_average();
  kill(server, SIGTERM);
  waitpid(server, nullptr, 0);

  result.reads = all.read_ms.size();
  result.writes = all.write_ms.size();
  result.read_p50 = percentile(all.read_ms, 0.50);
  result.read_p99 = percentile(all.read_ms, 0.99);
  result.read_max = percentile(all.read_ms, 1.0);
  result.write_p50 = percentile(all.write_ms, 0.50);
  result.write_p99 = percentile(all.write_ms, 0.99);
  result.write_max = percentile(all.write_ms, 1.0);
  result.errors = all.errors;
  result.error_kinds = all.error_kinds;
  const double requests = std::max(1.0, static_cast<double>(result.reads + result.writes));
  result.requests_per_s = static_cast<double>(result.reads + result.writes) / result.elapsed_s;
  result.server_us = result.server_cpu_s / requests * 1e6;
  result.client_us = result.client_cpu_s / requests * 1e6;
  return result;
}

void print_run(const RunResult& run) {
  std::cout << fmt::format("server {}\n", run.server);
  std::cout << fmt::format(
      "cold start (exec to \"serving\" line): {:.2f} s; RSS idle {:.0f} MiB, after load {:.0f} MiB\n", run.cold_start_s,
      run.idle_rss_mib, run.loaded_rss_mib);
  std::cout << fmt::format("reads:  {:6} ok, p50 {:7.1f} ms, p99 {:7.1f} ms, max {:7.1f} ms\n", run.reads, run.read_p50,
                           run.read_p99, run.read_max);
  std::cout << fmt::format("writes: {:6} ok, p50 {:7.1f} ms, p99 {:7.1f} ms, max {:7.1f} ms\n", run.writes,
                           run.write_p50, run.write_p99, run.write_max);
  std::cout << fmt::format("errors: {}; {:.0f} requests/s in {:.1f} s\n", run.errors, run.requests_per_s,
                           run.elapsed_s);
  std::cout << fmt::format(
      "CPU: server {:.1f} s ({:.0f} us a request), clients {:.1f} s ({:.0f} us a request); "
      "load average {} before, {} after\n",
      run.server_cpu_s, run.server_us, run.client_cpu_s, run.client_us, run.load_before, run.load_after);
  for (const auto& [kind, count] : run.error_kinds) std::cout << fmt::format("  {} x {}\n", count, kind);
}

double median(std::vector<double> values) {
  std::sort(values.begin(), values.end());
  const std::size_t n = values.size();
  return n % 2 == 1 ? values[n / 2] : (values[n / 2 - 1] + values[n / 2]) / 2;
}

// One figure of the runs alternated: median, min and max of each server and the ratio of the
// medians (this build over the baseline).
void print_ratio(const char* what, const std::vector<RunResult>& baseline, const std::vector<RunResult>& current,
                 double RunResult::*figure) {
  std::vector<double> before, after;
  for (const auto& run : baseline) before.push_back(run.*figure);
  for (const auto& run : current) after.push_back(run.*figure);
  const auto [before_min, before_max] = std::minmax_element(before.begin(), before.end());
  const auto [after_min, after_max] = std::minmax_element(after.begin(), after.end());
  std::cout << fmt::format("{:<24} baseline {:8.1f} [{:.1f}, {:.1f}]  this {:8.1f} [{:.1f}, {:.1f}]  ratio {:.2f}\n",
                           what, median(before), *before_min, *before_max, median(after), *after_min, *after_max,
                           median(after) / median(before));
}

}  // namespace

int main(int argc, char** argv) try {
  using namespace guarantor;
  Options options;
  constexpr const char* kUsage =
      "usage: bench_serve_load [--db FILE|URL] [--clients N] [--seconds S] [--server PATH] [--baseline PATH] "
      "[--rounds N]";
  const auto count = [](const std::string& key, const std::string& text) {
    char* end = nullptr;
    const long value = std::strtol(text.c_str(), &end, 10);
    if (text.empty() || *end != '\0' || value < 1 || value > 100000)
      throw std::runtime_error(fmt::format("{} {}: expected a whole number from 1 to 100000", key, text));
    return static_cast<int>(value);
  };
  for (int a = 1; a < argc; a += 2) {
    const std::string key = argv[a];
    if (key == "--help" || key == "-h") {
      fmt::print("{}\n", kUsage);
      return 0;
    }
    if (a + 1 >= argc) throw std::runtime_error(fmt::format("{} needs a value; {}", key, kUsage));
    if (key == "--db") options.db = argv[a + 1];
    else if (key == "--clients") options.clients = count(key, argv[a + 1]);
    else if (key == "--seconds") options.seconds = count(key, argv[a + 1]);
    else if (key == "--server") options.server = argv[a + 1];
    else if (key == "--baseline") options.baseline = argv[a + 1];
    else if (key == "--rounds") options.rounds = count(key, argv[a + 1]);
    else throw std::runtime_error(fmt::format("unknown option {}; {}", key, kUsage));
  }
  std::filesystem::path temp;
  if (options.db.empty()) {
    temp = std::filesystem::temp_directory_path() / fmt::format("guarantor-bench-{}", getpid());
    std::filesystem::create_directories(temp);
    options.db = (temp / "workspace.db").string();
  }

  // Seed: the default scenario and one secretariat user with a token; each run then gives every
  // client a pledge of its own.
  std::string token;
  {
    store::Workspace workspace(options.db);
    workspace.import_scenario(GUARANTOR_BENCH_SCENARIO, io::LoadOptions{GUARANTOR_BENCH_ASSETS}, "bench");
    const std::string user = fmt::format("bench.{}", getpid());
    workspace.create_user(user, store::Role::Secretariat, "", PASSWORD, "bench");
    token = workspace.create_api_token(user, "load", "bench").second;
  }

  const std::string backend = store::is_database_url(options.db) ? "PostgreSQL" : "SQLite";
  std::cout << fmt::format(
      "workload: {} clients on one thread over loopback, a connection each (kept while the server keeps it), "
      "for {} s a run on {}; {} % writes "
      "(PUT of the client's own pledge with If-Match), the rest reads (GET one pledge / "
      "GET the first 100 pledges)\n",
      options.clients, options.seconds, backend, WRITE_PERCENT);
  std::vector<RunResult> baseline_runs, runs;
  long errors = 0;
  for (int round = 0; round < options.rounds; ++round) {
    if (!options.baseline.empty()) {
      std::cout << fmt::format("\nround {} of {}, baseline: ", round + 1, options.rounds);
      baseline_runs.push_back(run_once(options, options.baseline, token));
      print_run(baseline_runs.back());
      errors += baseline_runs.back().errors;
    }
    std::cout << fmt::format("\nround {} of {}, this build: ", round + 1, options.rounds);
    runs.push_back(run_once(options, options.server, token));
    print_run(runs.back());
    errors += runs.back().errors;
  }
  if (!baseline_runs.empty()) {
    std::cout << fmt::format("\nmedians of {} alternated runs each, [min, max], ratio this / baseline:\n", runs.size());
    print_ratio("requests/s", baseline_runs, runs, &RunResult::requests_per_s);
    print_ratio("read p99 ms", baseline_runs, runs, &RunResult::read_p99);
    print_ratio("write p99 ms", baseline_runs, runs, &RunResult::write_p99);
    print_ratio("server CPU us a request", baseline_runs, runs, &RunResult::server_us);
  }
  if (!temp.empty()) std::filesystem::remove_all(temp);
  return errors == 0 ? 0 : 1;
} catch (const std::exception& error) {
  std::cerr << "bench_serve_load: " << error.what() << "\n";
  return 1;
}
