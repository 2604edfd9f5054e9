// Durability: `guarantor serve` runs as a process of its own; writers here send pledges and
// note each one the server acknowledged (201); the server is killed with SIGKILL while writes
// are in flight. Every acknowledged write must then be in the database, and the history's hash
// chain must verify, by the library and by `guarantor workspace audit`. On both back ends.
#include <atomic>
#include <csignal>
#include <cstdio>
#include <mutex>
#include <set>
#include <thread>

#include <sys/wait.h>
#include <unistd.h>

#include "guarantor/io/record_codec.hpp"
#include "http_fixture.hpp"

namespace guarantor::testing {
namespace {

class Durability : public ::testing::TestWithParam<Backend> {
protected:
  void SetUp() override { GUARANTOR_REQUIRE_BACKEND(GetParam()); }
};

// Starts `guarantor serve` on the database; returns its pid and fills `port` from the line it
// prints once listening (0 when it printed none).
pid_t start_server(const std::string& location, int& port) {
  int pipe_fds[2];
  if (pipe(pipe_fds) != 0) return -1;
  const pid_t child = fork();
  if (child == 0) {
    dup2(pipe_fds[1], STDOUT_FILENO);
    close(pipe_fds[0]);
    execl(GUARANTOR_CLI, GUARANTOR_CLI, "--assets", GUARANTOR_TEST_ASSET_DIR, "serve", "--db", location.c_str(), "--port",
          "0", "--empty", static_cast<char*>(nullptr));
    _exit(127);
  }
  close(pipe_fds[1]);
  FILE* out = fdopen(pipe_fds[0], "r");
  char line[4096];
  port = 0;
  while (port == 0 && std::fgets(line, sizeof line, out) != nullptr) {
    const std::string text = line;
    const auto at = text.find("http://127.0.0.1:");
    if (at != std::string::npos) port = std::stoi(text.substr(at + 17));
  }
  std::fclose(out);  // the server's later output goes nowhere; it writes nothing more we need
  return child;
}

TEST_P(Durability, AcknowledgedWritesSurviveSigkill) {
  TestDatabase db(GetParam());
  std::string token;
  model::Pledge templ;
  {
    store::Workspace workspace(db.location());
    workspace.import_scenario(default_scenario(), "import");
    workspace.create_user("secretariat", store::Role::Secretariat, "", PASSWORD, "test");
    token = workspace.create_api_token("secretariat", "durability", "test").second;
    templ = workspace.pledges().front().value;
    templ.sites.clear();
  }
  int port = 0;
  const pid_t server = start_server(db.location(), port);
  ASSERT_GT(server, 0);
  if (port == 0) {
    kill(server, SIGKILL);
    waitpid(server, nullptr, 0);
    FAIL() << "serve printed no address";
  }

  constexpr int WRITERS = 4;
  // Writes acknowledged before the kill; enough that the kill lands among writes in flight.
  constexpr std::size_t ACKNOWLEDGED_BEFORE_KILL = 40;
  std::mutex mutex;
  std::set<std::string> acknowledged;
  std::atomic<bool> server_gone = false;
  std::vector<std::thread> writers;
  for (int w = 0; w < WRITERS; ++w) {
    writers.emplace_back([&, w] {
      httplib::Client client("127.0.0.1", port);
      client.set_read_timeout(10, 0);
      for (int n = 0; !server_gone; ++n) {
        model::Pledge pledge = templ;
        pledge.id = fmt::format("DUR-{}-{}", w, n);
        pledge.quantity = 1;
        const auto result = client.Post("/api/v1/pledges", {{"Authorization", "Bearer " + token}},
                                        io::encode_pledge(pledge).dump(), "application/json");
        if (!result) {
          if (server_gone) return;  // refused or cut off: the server is dead
          continue;
        }
        if (result->status == 201) {
          std::lock_guard lock(mutex);
          acknowledged.insert(pledge.id);
        }
      }
    });
  }
  while (true) {
    {
      std::lock_guard lock(mutex);
      if (acknowledged.size() >= ACKNOWLEDGED_BEFORE_KILL) break;
    }
    std::this_thread::sleep_for(std::chrono::milliseconds(5));
  }
  ASSERT_EQ(kill(server, SIGKILL), 0);
  int status = 0;
  waitpid(server, &status, 0);
  server_gone = true;
  for (auto& writer : writers) writer.join();
  EXPECT_TRUE(WIFSIGNALED(status) && WTERMSIG(status) == SIGKILL) << "the server ended before the kill: " << status;

  store::Workspace reopened(db.location());
  for (const auto& id : acknowledged) EXPECT_TRUE(reopened.pledge(id).has_value()) << id << " was acknowledged but is lost";
  EXPECT_GE(reopened.verify_history(), static_cast<std::int64_t>(acknowledged.size()));
  const std::string audit = fmt::format("{} workspace audit --db '{}' > /dev/null 2>&1", GUARANTOR_CLI, db.location());
  EXPECT_EQ(std::system(audit.c_str()), 0) << audit;
}

INSTANTIATE_TEST_SUITE_P(Backends, Durability, all_backends(), backend_param_name);

}  // namespace
}  // namespace guarantor::testing
