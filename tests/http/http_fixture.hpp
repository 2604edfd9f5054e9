#pragma once
// A workspace seeded with the default scenario, one user per role, and the server on an
// ephemeral loopback port in this process; requests go over real HTTP through cpp-httplib's
// client.
#include <gtest/gtest.h>

#include <thread>

#include <httplib.h>
#include <nlohmann/json.hpp>

#include "guarantor/server/server.hpp"
#include "temp_workspace.hpp"

namespace guarantor::testing {

inline constexpr const char* PASSWORD = "a long test password";

struct RunningServer {
  RunningServer(store::Workspace& workspace, const model::Scenario& base, server::ServerOptions options = {}) {
    options.host = "127.0.0.1";
    options.port = 0;
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

class HttpTest : public ::testing::Test {
protected:
  static void SetUpTestSuite() {
    dir_ = new TempDir();
    workspace_ = new store::Workspace(dir_->db());
    workspace_->import_scenario(default_manifest(), io::LoadOptions{GUARANTOR_TEST_ASSET_DIR}, "import");
    base_ = new model::Scenario(workspace_->load(io::LoadOptions{GUARANTOR_TEST_ASSET_DIR}));
    tokens_ = new std::map<std::string, std::string>();
    const std::pair<const char*, store::Role> users[] = {
        {"secretariat", store::Role::Secretariat}, {"liaison.fr", store::Role::Liaison},
        {"liaison.de", store::Role::Liaison},      {"host", store::Role::HostNation},
        {"planner", store::Role::Planner},         {"monitor", store::Role::Monitor},
        {"observer", store::Role::Observer}};
    for (const auto& [name, role] : users) {
      const std::string nation = std::string(name) == "liaison.fr" ? "FR" : std::string(name) == "liaison.de" ? "DE" : "";
      workspace_->create_user(name, role, nation, PASSWORD, "test");
      (*tokens_)[name] = workspace_->create_api_token(name, "test", "test").second;
    }
  }
  static void TearDownTestSuite() {
    delete tokens_;
    delete base_;
    delete workspace_;
    delete dir_;
  }
  void SetUp() override { server_ = std::make_unique<RunningServer>(*workspace_, *base_); }
  void TearDown() override { server_.reset(); }

  static httplib::Headers as(const std::string& user, httplib::Headers extra = {}) {
    extra.emplace("Authorization", "Bearer " + tokens_->at(user));
    return extra;
  }
  static nlohmann::json json_of(const httplib::Result& result) {
    return result && !result->body.empty() ? nlohmann::json::parse(result->body) : nlohmann::json();
  }

  static inline TempDir* dir_ = nullptr;
  static inline store::Workspace* workspace_ = nullptr;
  static inline model::Scenario* base_ = nullptr;
  static inline std::map<std::string, std::string>* tokens_ = nullptr;
  std::unique_ptr<RunningServer> server_;
};

}  // namespace guarantor::testing
