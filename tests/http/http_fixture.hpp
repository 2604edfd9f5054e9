#pragma once
// A workspace seeded with the default scenario, one user per role, and the server on an
// ephemeral loopback port in this process, on each back end; requests go over real HTTP through
// cpp-httplib's client.
#include <gtest/gtest.h>

#include <chrono>
#include <fstream>
#include <sstream>
#include <thread>

#include <httplib.h>
#include <nlohmann/json.hpp>

#include "guarantor/server/server.hpp"
#include "test_database.hpp"

namespace guarantor::testing {

inline constexpr const char* PASSWORD = "a long test password";

struct RunningServer {
  RunningServer(store::Workspace& workspace, const model::Scenario& base, server::ServerOptions options = {}) {
    options.host = "127.0.0.1";
    options.port = 0;
    if (options.planning_dir.empty()) options.planning_dir = std::string(GUARANTOR_TEST_DATA_DIR) + "/planning";
    // Verify jobs judge against the default agreement with the default registry; no gazetteer
    // or theatre, so a run over a few reports takes milliseconds.
    if (options.verify.agreement.empty()) {
      options.verify.agreement = std::string(GUARANTOR_TEST_DATA_DIR) + "/agreements/default_agreement.json";
      options.verify.source_registry = std::string(GUARANTOR_TEST_DATA_DIR) + "/sources/source_registry.json";
    }
    server = std::make_unique<server::Server>(workspace, base, options);
    port = server->bind();
    thread = std::thread([this] { server->listen(); });
    while (!server->running()) std::this_thread::yield();
  }
  ~RunningServer() {
    server->stop();
    thread.join();
  }
  [[nodiscard]] httplib::Client client() const {
    httplib::Client client("127.0.0.1", port);
    client.set_read_timeout(30, 0);
    return client;
  }
  std::unique_ptr<server::Server> server;
  int port = 0;
  std::thread thread;
};

/// Runs on both back ends (TEST_P, instantiated with all_backends()). The seeded workspace is
/// made once per back end and test suite, as it costs an import and seven password hashes (the
/// scenario's files are parsed once per process: default_scenario()); ctest runs one process per
/// back end, so each suite starts from the seeded state and its cases share it.
class HttpTest : public ::testing::TestWithParam<Backend> {
protected:
  struct Seeded {
    std::unique_ptr<TestDatabase> db;
    std::unique_ptr<store::Workspace> workspace;
    std::unique_ptr<model::Scenario> base;
    std::map<std::string, std::string> tokens;
  };

  static Seeded seed(Backend backend) {
    Seeded seeded;
    seeded.db = std::make_unique<TestDatabase>(backend);
    seeded.workspace = std::make_unique<store::Workspace>(seeded.db->location());
    seeded.workspace->import_scenario(default_scenario(), "import");
    seeded.base = std::make_unique<model::Scenario>(seeded.workspace->load(io::LoadOptions{GUARANTOR_TEST_ASSET_DIR}));
    const std::pair<const char*, store::Role> users[] = {
        {"secretariat", store::Role::Secretariat}, {"liaison.fr", store::Role::Liaison},
        {"liaison.de", store::Role::Liaison},      {"host", store::Role::HostNation},
        {"planner", store::Role::Planner},         {"monitor", store::Role::Monitor},
        {"observer", store::Role::Observer}};
    for (const auto& [name, role] : users) {
      const std::string nation = std::string(name) == "liaison.fr" ? "FR" : std::string(name) == "liaison.de" ? "DE" : "";
      seeded.workspace->create_user(name, role, nation, PASSWORD, "test");
      seeded.tokens[name] = seeded.workspace->create_api_token(name, "test", "test").second;
    }
    return seeded;
  }
  static void TearDownTestSuite() { seeded_.clear(); }
  void SetUp() override {
    GUARANTOR_REQUIRE_BACKEND(GetParam());
    auto found = seeded_.find(GetParam());
    if (found == seeded_.end()) found = seeded_.emplace(GetParam(), seed(GetParam())).first;
    db_ = found->second.db.get();
    workspace_ = found->second.workspace.get();
    base_ = found->second.base.get();
    tokens_ = &found->second.tokens;
    server_ = std::make_unique<RunningServer>(*workspace_, *base_);
  }
  void TearDown() override { server_.reset(); }

  static httplib::Headers as(const std::string& user, httplib::Headers extra = {}) {
    extra.emplace("Authorization", "Bearer " + tokens_->at(user));
    return extra;
  }
  static nlohmann::json json_of(const httplib::Result& result) {
    return result && !result->body.empty() ? nlohmann::json::parse(result->body) : nlohmann::json();
  }

  /// Polls job `id` as `user` until it is neither queued nor running and returns its state;
  /// fails the test after `limit` and returns the last state read.
  static nlohmann::json finished_job(httplib::Client& client, const std::string& id, const std::string& user,
                                     std::chrono::minutes limit = std::chrono::minutes(2)) {
    const auto deadline = std::chrono::steady_clock::now() + limit;
    nlohmann::json status;
    while (std::chrono::steady_clock::now() < deadline) {
      status = json_of(client.Get("/api/v1/jobs/" + id, as(user)));
      const std::string state = status.at("state");
      if (state != "queued" && state != "running") return status;
      std::this_thread::sleep_for(std::chrono::milliseconds(20));
    }
    ADD_FAILURE() << "job " << id << " did not finish: " << status.dump();
    return status;
  }
  /// The text of tests/fixtures/verify/`name`.
  static std::string verify_fixture(const std::string& name) {
    std::ifstream in(std::string(GUARANTOR_TEST_SOURCE_DIR) + "/tests/fixtures/verify/" + name, std::ios::binary);
    std::ostringstream text;
    text << in.rdbuf();
    return text.str();
  }
  /// Stores `csv` as report file `name` and verifies it in a job, as a monitor; returns the
  /// findings version the job made. A refused upload or a job that does not succeed fails the
  /// test (and returns 0).
  [[nodiscard]] std::int64_t verified_version_of(const std::string& name, const std::string& csv) const {
    auto client = server_->client();
    const auto stored = client.Post("/api/v1/reports", as("monitor"),
                                    nlohmann::json{{"name", name}, {"content", csv}}.dump(), "application/json");
    if (!stored || stored->status != 201) {
      ADD_FAILURE() << "upload of " << name << " refused: " << (stored ? stored->body : "no answer");
      return 0;
    }
    const std::string body = nlohmann::json{{"kind", "verify"}, {"report_files", {json_of(stored).at("id")}}}.dump();
    const auto started = client.Post("/api/v1/jobs", as("monitor"), body, "application/json");
    if (!started || started->status != 202) {
      ADD_FAILURE() << "verify job refused: " << (started ? started->body : "no answer");
      return 0;
    }
    const nlohmann::json done = finished_job(client, json_of(started).at("id").get<std::string>(), "monitor");
    if (done.value("state", "") != "succeeded") {
      ADD_FAILURE() << "verify job of " << name << " did not succeed: " << done.dump();
      return 0;
    }
    return done.at("result").at("findings_version").get<std::int64_t>();
  }

  static inline std::map<Backend, Seeded> seeded_;
  static inline std::map<std::string, std::string>* tokens_ = nullptr;
  TestDatabase* db_ = nullptr;
  store::Workspace* workspace_ = nullptr;
  model::Scenario* base_ = nullptr;
  std::unique_ptr<RunningServer> server_;
};

/// Instantiates a fixture derived from HttpTest on both back ends.
#define GUARANTOR_HTTP_ON_BOTH_BACKENDS(fixture) \
  INSTANTIATE_TEST_SUITE_P(Backends, fixture, all_backends(), backend_param_name)

}  // namespace guarantor::testing
