// guarantor workspace and serve as a user runs them: import, add-user (password on stdin),
// export that plans, audit (`workspace audit` and `audit --workspace`) that detects an altered
// history, and serve as a separate process answering over HTTP until SIGTERM.
#include <csignal>
#include <cstdio>
#include <filesystem>
#include <string>

#include <gtest/gtest.h>
#include <sqlite3.h>
#include <sys/wait.h>
#include <unistd.h>

#include <httplib.h>

#include "cli_run.hpp"

namespace {

using guarantor::testing::run_cli;

struct TempDir {
  TempDir() : path(std::filesystem::temp_directory_path() / ("guarantor-workspace-cli-" + std::to_string(getpid()))) {
    std::filesystem::remove_all(path);
    std::filesystem::create_directories(path);
  }
  ~TempDir() { std::filesystem::remove_all(path); }
  std::filesystem::path path;
};

TEST(WorkspaceCli, ImportExportAuditAndTamper) {
  TempDir dir;
  const std::string db = (dir.path / "ws.db").string();
  const auto imported = run_cli("workspace import " + std::string(GUARANTOR_TEST_DATA_DIR) + "/default --db " + db);
  ASSERT_EQ(imported.exit_code, 0) << imported.output;
  EXPECT_NE(imported.output.find("77 pledges"), std::string::npos) << imported.output;
  const auto exported = run_cli("workspace export " + (dir.path / "out").string() + " --db " + db);
  ASSERT_EQ(exported.exit_code, 0) << exported.output;
  const auto planned =
      run_cli("forcegen " + (dir.path / "out" / "scenario.json").string() + " --out " + (dir.path / "fg").string());
  ASSERT_EQ(planned.exit_code, 0) << planned.output;
  const auto audited = run_cli("workspace audit --db " + db);
  ASSERT_EQ(audited.exit_code, 0) << audited.output;
  EXPECT_NE(audited.output.find("history intact"), std::string::npos);
  EXPECT_EQ(run_cli("workspace export " + (dir.path / "none").string() + " --db " + (dir.path / "missing.db").string())
                .exit_code,
            2);
  // `guarantor audit --workspace` is the same check; a missing file is not an empty, intact history.
  const auto audited_too = run_cli("audit --workspace " + db);
  ASSERT_EQ(audited_too.exit_code, 0) << audited_too.output;
  EXPECT_NE(audited_too.output.find("history intact"), std::string::npos) << audited_too.output;
  EXPECT_EQ(run_cli("audit --workspace " + (dir.path / "missing.db").string()).exit_code, 3);
  EXPECT_EQ(run_cli("workspace audit --db " + (dir.path / "missing.db").string()).exit_code, 3);
  EXPECT_FALSE(std::filesystem::exists(dir.path / "missing.db"));
  EXPECT_EQ(run_cli("audit --workspace " + db + " --replay").exit_code, 2);
  EXPECT_EQ(run_cli("audit").exit_code, 2);

  sqlite3* handle = nullptr;
  ASSERT_EQ(sqlite3_open(db.c_str(), &handle), SQLITE_OK);
  ASSERT_EQ(sqlite3_exec(handle, "DROP TRIGGER history_is_append_only_update; UPDATE history SET actor = 'x' WHERE seq = 2",
                         nullptr, nullptr, nullptr),
            SQLITE_OK);
  sqlite3_close(handle);
  for (const std::string command : {"workspace audit --db ", "audit --workspace "}) {
    const auto tampered = run_cli(command + db);
    EXPECT_EQ(tampered.exit_code, 9) << command << tampered.output;
    EXPECT_NE(tampered.output.find("seq 2"), std::string::npos) << command << tampered.output;
  }
}

TEST(WorkspaceCli, ServeAnswersOverHttpAndStopsOnSigterm) {
  TempDir dir;
  const std::string db = (dir.path / "ws.db").string();
  ASSERT_EQ(run_cli("workspace import " + std::string(GUARANTOR_TEST_DATA_DIR) + "/default --db " + db).exit_code, 0);
  const auto password_file = dir.path / "password.txt";
  std::FILE* password = std::fopen(password_file.c_str(), "w");
  std::fputs("a long test password\n", password);
  std::fclose(password);
  ASSERT_EQ(run_cli("workspace add-user sec --role secretariat --db " + db + " < " + password_file.string()).exit_code,
            0);
  int pipe_fds[2];
  ASSERT_EQ(pipe(pipe_fds), 0);
  const pid_t child = fork();
  ASSERT_GE(child, 0);
  if (child == 0) {
    dup2(pipe_fds[1], STDOUT_FILENO);
    close(pipe_fds[0]);
    execl(GUARANTOR_CLI, GUARANTOR_CLI, "--assets", GUARANTOR_TEST_ASSET_DIR, "serve", "--db", db.c_str(), "--port", "0",
          static_cast<char*>(nullptr));
    _exit(127);
  }
  close(pipe_fds[1]);
  FILE* out = fdopen(pipe_fds[0], "r");
  char line[1024];
  int port = 0;
  while (port == 0 && std::fgets(line, sizeof line, out) != nullptr) {
    const std::string text = line;
    const auto at = text.find("http://127.0.0.1:");
    if (at != std::string::npos) port = std::stoi(text.substr(at + 17));
  }
  ASSERT_GT(port, 0) << "serve printed no address";
  httplib::Client client("127.0.0.1", port);
  auto login = client.Post("/api/v1/login", R"({"user":"sec","password":"a long test password"})", "application/json");
  ASSERT_TRUE(login);
  EXPECT_EQ(login->status, 200);
  EXPECT_EQ(client.Get("/api/v1/pledges")->status, 401);
  kill(child, SIGTERM);
  int status = 0;
  waitpid(child, &status, 0);
  EXPECT_TRUE(WIFEXITED(status) && WEXITSTATUS(status) == 0) << status;
  std::fclose(out);
}

}  // namespace
