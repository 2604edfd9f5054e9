// Load on `guarantor serve` from a separate process over loopback: the workspace is seeded with
// the default scenario, the server is started as a child process (its cold start — command to
// "serving" line — and idle RSS are measured on the way), then N clients, each a thread with
// its own keep-alive connection, send requests for a bounded time: 80 % reads (half a single
// pledge by id, half the first page of the pledge list) and 20 % writes (each client replaces
// a pledge of its own, with If-Match, so no write conflicts with another's). Every answer is
// checked (200 for reads, 200 with the next ETag for writes) before its time counts; any other
// answer or a transport failure is an error. Prints p50/p99/max latency of reads and writes,
// the error count and the request rate.
// Usage: bench_serve_load [--db FILE|URL] [--clients N] [--seconds S]
//   --db defaults to a new SQLite file in a temporary directory; a PostgreSQL URL should name a
//   schema of its own (e.g. ...?options=-csearch_path%3Dbench,public), whose scenario is replaced.
#include <algorithm>
#include <atomic>
#include <chrono>
#include <csignal>
#include <cstdio>
#include <fstream>
#include <iostream>
#include <map>
#include <random>
#include <string>
#include <thread>
#include <vector>

#include <fmt/format.h>
#include <httplib.h>
#include <sys/wait.h>
#include <unistd.h>

#include "guarantor/io/record_codec.hpp"
#include "guarantor/store/workspace.hpp"

namespace {

using Clock = std::chrono::steady_clock;
constexpr int WRITE_PERCENT = 20;
constexpr const char* PASSWORD = "a long bench password";

struct Options {
  std::string db;
  int clients = 200;
  int seconds = 20;
};

struct Sample {
  std::vector<double> read_ms, write_ms;
  long errors = 0;
  std::map<std::string, long> error_kinds;  ///< what went wrong: transport error or status and code
};

// "transport: Read" or "PUT 412 version_conflict": what an error was, so a run says what failed.
std::string error_kind(const char* method, const httplib::Result& result) {
  if (!result) return fmt::format("{} transport: {}", method, httplib::to_string(result.error()));
  std::string code;
  const auto at = result->body.find("\"code\":\"");
  if (at != std::string::npos) code = result->body.substr(at + 8, result->body.find('"', at + 8) - at - 8);
  return fmt::format("{} {} {}", method, result->status, code);
}

double percentile(std::vector<double>& values, double fraction) {
  if (values.empty()) return 0;
  std::sort(values.begin(), values.end());
  const auto index = static_cast<std::size_t>(fraction * static_cast<double>(values.size() - 1) + 0.5);
  return values[std::min(index, values.size() - 1)];
}

long rss_kib(pid_t pid) {
  std::ifstream status(fmt::format("/proc/{}/status", pid));
  std::string line;
  while (std::getline(status, line))
    if (line.rfind("VmRSS:", 0) == 0) return std::stol(line.substr(6));
  return -1;
}

// Starts the server; returns its pid, the port it printed and the seconds until it printed it.
pid_t start_server(const std::string& db, int& port, double& cold_start_s) {
  int fds[2];
  if (pipe(fds) != 0) return -1;
  const auto started = Clock::now();
  const pid_t child = fork();
  if (child == 0) {
    dup2(fds[1], STDOUT_FILENO);
    close(fds[0]);
    execl(GUARANTOR_BENCH_CLI, GUARANTOR_BENCH_CLI, "--assets", GUARANTOR_BENCH_ASSETS, "serve", "--db", db.c_str(),
          "--port", "0", static_cast<char*>(nullptr));
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

void client_loop(int index, int port, const std::string& token, const std::vector<std::string>& ids,
                 const std::string& own_body, const std::atomic<bool>& stop, Sample& sample) {
  httplib::Client client("127.0.0.1", port);
  client.set_keep_alive(true);
  client.set_read_timeout(30, 0);
  const httplib::Headers auth = {{"Authorization", "Bearer " + token}};
  std::mt19937 random(static_cast<unsigned>(index));
  std::uniform_int_distribution<int> percent(0, 99);
  std::uniform_int_distribution<std::size_t> pick(0, ids.size() - 1);
  const std::string own_id = fmt::format("LOAD-{}", index);
  std::int64_t version = 1;
  while (!stop) {
    const bool write = percent(random) < WRITE_PERCENT;
    const auto started = Clock::now();
    bool ok = false;
    if (write) {
      httplib::Headers headers = auth;
      headers.emplace("If-Match", fmt::format("\"{}\"", version));
      const auto result = client.Put("/api/v1/pledges/" + own_id, headers, own_body, "application/json");
      ok = result && result->status == 200 && result->get_header_value("ETag") == fmt::format("\"{}\"", version + 1);
      if (ok) ++version;
      else ++sample.error_kinds[error_kind("PUT", result)];
    } else if (percent(random) < 50) {
      const auto result = client.Get("/api/v1/pledges/" + ids[pick(random)], auth);
      ok = result && result->status == 200;
      if (!ok) ++sample.error_kinds[error_kind("GET one", result)];
    } else {
      const auto result = client.Get("/api/v1/pledges?limit=100", auth);
      ok = result && result->status == 200 && !result->body.empty();
      if (!ok) ++sample.error_kinds[error_kind("GET list", result)];
    }
    const double ms = std::chrono::duration<double, std::milli>(Clock::now() - started).count();
    if (!ok) ++sample.errors;
    else (write ? sample.write_ms : sample.read_ms).push_back(ms);
  }
}

}  // namespace

int main(int argc, char** argv) try {
  using namespace guarantor;
  Options options;
  for (int a = 1; a + 1 < argc; a += 2) {
    const std::string key = argv[a];
    if (key == "--db") options.db = argv[a + 1];
    else if (key == "--clients") options.clients = std::max(1, std::atoi(argv[a + 1]));
    else if (key == "--seconds") options.seconds = std::max(1, std::atoi(argv[a + 1]));
    else throw std::runtime_error("unknown option " + key + "; expected --db, --clients or --seconds");
  }
  std::filesystem::path temp;
  if (options.db.empty()) {
    temp = std::filesystem::temp_directory_path() / fmt::format("guarantor-bench-{}", getpid());
    std::filesystem::create_directories(temp);
    options.db = (temp / "workspace.db").string();
  }

  // Seed: the default scenario, one secretariat user with a token, one pledge per client.
  std::string token;
  std::vector<std::string> ids;
  std::vector<std::string> own_bodies;
  {
    store::Workspace workspace(options.db);
    workspace.import_scenario(GUARANTOR_BENCH_SCENARIO, io::LoadOptions{GUARANTOR_BENCH_ASSETS}, "bench");
    const std::string user = fmt::format("bench.{}", getpid());
    workspace.create_user(user, store::Role::Secretariat, "", PASSWORD, "bench");
    token = workspace.create_api_token(user, "load", "bench").second;
    model::Pledge templ = workspace.pledges().front().value;
    templ.sites.clear();
    for (int c = 0; c < options.clients; ++c) {
      model::Pledge own = templ;
      own.id = fmt::format("LOAD-{}", c);
      if (workspace.pledge(own.id)) workspace.delete_pledge(own.id, std::nullopt, "bench");
      workspace.create_pledge(own, "bench");
      own.quantity = 2;
      own_bodies.push_back(io::encode_pledge(own).dump());
    }
    for (const auto& record : workspace.pledges()) ids.push_back(record.value.id);
  }

  int port = 0;
  double cold_start_s = 0;
  const pid_t server = start_server(options.db, port, cold_start_s);
  if (server <= 0 || port == 0) throw std::runtime_error("the server did not start");
  std::this_thread::sleep_for(std::chrono::milliseconds(500));
  const long idle_rss = rss_kib(server);

  std::atomic<bool> stop = false;
  std::vector<Sample> samples(static_cast<std::size_t>(options.clients));
  std::vector<std::thread> clients;
  const auto started = Clock::now();
  for (int c = 0; c < options.clients; ++c) {
    clients.emplace_back(client_loop, c, port, std::cref(token), std::cref(ids),
                         std::cref(own_bodies[static_cast<std::size_t>(c)]), std::cref(stop),
                         std::ref(samples[static_cast<std::size_t>(c)]));
  }
  std::this_thread::sleep_for(std::chrono::seconds(options.seconds));
  stop = true;
  for (auto& thread : clients) thread.join();
  const double elapsed = std::chrono::duration<double>(Clock::now() - started).count();
  const long loaded_rss = rss_kib(server);
  kill(server, SIGTERM);
  waitpid(server, nullptr, 0);

  Sample all;
  for (auto& sample : samples) {
    all.read_ms.insert(all.read_ms.end(), sample.read_ms.begin(), sample.read_ms.end());
    all.write_ms.insert(all.write_ms.end(), sample.write_ms.begin(), sample.write_ms.end());
    all.errors += sample.errors;
    for (const auto& [kind, count] : sample.error_kinds) all.error_kinds[kind] += count;
  }
  const std::string backend = store::is_database_url(options.db) ? "PostgreSQL" : "SQLite";
  std::cout << fmt::format("workload: {} clients over loopback keep-alive for {:.1f} s on {}; {} % writes "
                           "(PUT of the client's own pledge with If-Match), the rest reads (GET one pledge / "
                           "GET the first 100 pledges)\n",
                           options.clients, elapsed, backend, WRITE_PERCENT);
  std::cout << fmt::format("cold start (exec to \"serving\" line): {:.2f} s; RSS idle {:.0f} MiB, after load {:.0f} MiB\n",
                           cold_start_s, static_cast<double>(idle_rss) / 1024.0, static_cast<double>(loaded_rss) / 1024.0);
  const std::size_t reads = all.read_ms.size(), writes = all.write_ms.size();
  std::cout << fmt::format("reads:  {:6} ok, p50 {:7.1f} ms, p99 {:7.1f} ms, max {:7.1f} ms\n", reads,
                           percentile(all.read_ms, 0.50), percentile(all.read_ms, 0.99), percentile(all.read_ms, 1.0));
  std::cout << fmt::format("writes: {:6} ok, p50 {:7.1f} ms, p99 {:7.1f} ms, max {:7.1f} ms\n", writes,
                           percentile(all.write_ms, 0.50), percentile(all.write_ms, 0.99), percentile(all.write_ms, 1.0));
  std::cout << fmt::format("errors: {}; {:.0f} requests/s\n", all.errors,
                           static_cast<double>(reads + writes) / elapsed);
  for (const auto& [kind, count] : all.error_kinds) std::cout << fmt::format("  {} x {}\n", count, kind);
  if (!temp.empty()) std::filesystem::remove_all(temp);
  return all.errors == 0 ? 0 : 1;
} catch (const std::exception& error) {
  std::cerr << "bench_serve_load: " << error.what() << "\n";
  return 1;
}
