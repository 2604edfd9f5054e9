// Headless Chromium as a child process: its own process group (so the renderer and GPU helpers
// it starts are killed with it), a profile in a fresh temporary directory removed afterwards,
// host names unresolvable (only the IP literal of the page's server is reachable), and its
// output checked to be a PDF before anyone reads it.
#include "guarantor/report/pdf_print.hpp"

#include <fcntl.h>
#include <signal.h>
#include <spawn.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <fstream>
#include <optional>
#include <sstream>
#include <thread>
#include <vector>

#include <fmt/format.h>

#include "guarantor/core/error.hpp"

extern char** environ;

namespace guarantor::report {

namespace {
namespace fs = std::filesystem;
using Clock = std::chrono::steady_clock;

// A temporary directory removed with everything in it when the print is over, however it ends.
class TemporaryDirectory {
public:
  TemporaryDirectory() {
    std::string pattern = (fs::temp_directory_path() / "guarantor-pdf-XXXXXX").string();
    if (mkdtemp(pattern.data()) == nullptr)
      throw Error(ErrorCode::OutputFailed, fs::temp_directory_path().string(),
                  fmt::format("cannot make a temporary directory for the browser profile: {}", std::strerror(errno)));
    path_ = pattern;
  }
  ~TemporaryDirectory() {
    std::error_code ignored;
    fs::remove_all(path_, ignored);
  }
  TemporaryDirectory(const TemporaryDirectory&) = delete;
  TemporaryDirectory& operator=(const TemporaryDirectory&) = delete;
  [[nodiscard]] const fs::path& path() const { return path_; }

private:
  fs::path path_;
};

// "http://127.0.0.1:8080/print/x" -> "127.0.0.1"; "https://[::1]:8443/" -> "::1".
std::string host_of(const std::string& url) {
  const auto scheme = url.find("://");
  std::size_t start = scheme == std::string::npos ? 0 : scheme + 3;
  if (start < url.size() && url[start] == '[') {
    const auto close = url.find(']', start);
    return url.substr(start + 1, close == std::string::npos ? std::string::npos : close - start - 1);
  }
  const auto end = url.find_first_of(":/", start);
  return url.substr(start, end == std::string::npos ? std::string::npos : end - start);
}

std::vector<std::string> arguments(const std::string& url, const PdfPrintOptions& options, const fs::path& profile,
                                   const fs::path& pdf) {
  std::vector<std::string> args = {
      options.chromium.string(), "--headless",
      // The page is the server's own, under its Content-Security-Policy; the renderer sandbox
      // needs user namespaces that containers and root accounts often lack.
      "--no-sandbox", "--disable-gpu", "--no-first-run", "--no-default-browser-check",
      // No network of its own: no updates, sync, field trials or DNS. Every host but the page's
      // own fails to resolve, so nothing else can be reached.
      "--disable-background-networking", "--disable-component-update", "--disable-sync", "--disable-extensions",
      "--disable-default-apps", "--metrics-recording-only", "--no-proxy-server",
      "--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE " + host_of(url),
      "--user-data-dir=" + profile.string(), "--crash-dumps-dir=" + profile.string(),
      // Page numbers and banners come from the page's @page rules, not Chromium's own header.
      "--no-pdf-header-footer", "--run-all-compositor-stages-before-draw",
      fmt::format("--virtual-time-budget={}", options.script_budget.count()), "--print-to-pdf=" + pdf.string()};
  if (options.trust_own_certificate) args.emplace_back("--ignore-certificate-errors");
  args.push_back(url);
  return args;
}

// The last non-empty line the browser wrote to its error output, to say why it failed.
std::string last_line(const fs::path& log) {
  std::ifstream in(log);
  std::string line, last;
  while (std::getline(in, line))
    if (line.find_first_not_of(" \t\r") != std::string::npos) last = line;
  constexpr std::size_t LONGEST = 300;
  return last.size() > LONGEST ? last.substr(0, LONGEST) + "..." : last;
}

pid_t start(const std::vector<std::string>& args, const fs::path& log) {
  std::vector<char*> argv;
  for (const auto& arg : args) argv.push_back(const_cast<char*>(arg.c_str()));
  argv.push_back(nullptr);
  posix_spawn_file_actions_t files;
  posix_spawn_file_actions_init(&files);
  posix_spawn_file_actions_addopen(&files, STDIN_FILENO, "/dev/null", O_RDONLY, 0);
  posix_spawn_file_actions_addopen(&files, STDOUT_FILENO, log.c_str(), O_WRONLY | O_CREAT | O_APPEND, 0600);
  posix_spawn_file_actions_adddup2(&files, STDOUT_FILENO, STDERR_FILENO);
  posix_spawnattr_t attributes;
  posix_spawnattr_init(&attributes);
  posix_spawnattr_setflags(&attributes, POSIX_SPAWN_SETPGROUP);
  posix_spawnattr_setpgroup(&attributes, 0);
  pid_t pid = -1;
  const int failed = posix_spawnp(&pid, argv.front(), &files, &attributes, argv.data(), environ);
  posix_spawn_file_actions_destroy(&files);
  posix_spawnattr_destroy(&attributes);
  if (failed != 0)
    throw Error(ErrorCode::FileNotFound, args.front(),
                fmt::format("cannot start the browser that prints PDFs: {}; install Chromium (scripts/setup.sh) "
                            "or name it with --chromium",
                            std::strerror(failed)));
  return pid;
}

// Waits for the browser up to the deadline; kills its whole process group after it.
// Returns the exit status, or nullopt when it was killed for exceeding the limit.
std::optional<int> wait_for(pid_t pid, Clock::time_point deadline) {
  while (true) {
    int status = 0;
    const pid_t done = waitpid(pid, &status, WNOHANG);
    if (done == pid) {
      kill(-pid, SIGKILL);  // helpers the browser left behind
      return status;
    }
    if (done < 0 && errno != EINTR) return -1;
    if (Clock::now() >= deadline) {
      kill(-pid, SIGKILL);
      waitpid(pid, &status, 0);
      return std::nullopt;
    }
    std::this_thread::sleep_for(std::chrono::milliseconds(20));
  }
}
}  // namespace

std::string print_pdf(const std::string& url, const PdfPrintOptions& options) {
  const TemporaryDirectory work;
  const fs::path profile = work.path() / "profile";
  const fs::path pdf = work.path() / "print.pdf";
  const fs::path log = work.path() / "browser.log";
  fs::create_directory(profile);
  const auto deadline = Clock::now() + options.time_limit;
  const pid_t pid = start(arguments(url, options, profile, pdf), log);
  const auto status = wait_for(pid, deadline);
  const std::string browser = options.chromium.string();
  if (!status)
    throw Error(ErrorCode::OutputFailed, browser,
                fmt::format("the browser did not finish printing within {} ms and was stopped", options.time_limit.count()));
  if (!WIFEXITED(*status) || WEXITSTATUS(*status) != 0) {
    const std::string why = last_line(log);
    throw Error(ErrorCode::OutputFailed, browser,
                fmt::format("the browser failed to print ({}){}", WIFEXITED(*status) ? fmt::format("exit status {}", WEXITSTATUS(*status))
                                                                               : "killed by a signal",
                            why.empty() ? "" : ": " + why));
  }
  std::ifstream in(pdf, std::ios::binary);
  std::ostringstream bytes;
  bytes << in.rdbuf();
  std::string document = bytes.str();
  if (document.rfind("%PDF-", 0) != 0) {
    const std::string why = last_line(log);
    throw Error(ErrorCode::OutputFailed, browser,
                fmt::format("the browser exited without writing a PDF{}", why.empty() ? "" : ": " + why));
  }
  return document;
}

}  // namespace guarantor::report
