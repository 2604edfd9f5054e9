#include "guarantor/io/temporary_files.hpp"

#include <unistd.h>

#include <array>
#include <cerrno>
#include <charconv>
#include <csignal>
#include <random>

#include <fmt/format.h>

namespace guarantor::io {

namespace fs = std::filesystem;

namespace {

constexpr std::string_view TEMPORARY_MARK = ".tmp-";

bool is_hex(std::string_view text) {
  return !text.empty() && text.find_first_not_of("0123456789abcdef") == std::string_view::npos;
}

// kill(pid, 0) sends nothing: it only asks whether the process exists. EPERM means it exists
// under another user, so only ESRCH says it has ended.
bool process_has_ended(long pid) { return ::kill(static_cast<pid_t>(pid), 0) != 0 && errno == ESRCH; }

}  // namespace

std::string temporary_host_name() {
  std::array<char, 256> buffer{};
  if (::gethostname(buffer.data(), buffer.size() - 1) != 0 || buffer[0] == '\0') return "localhost";
  std::string host(buffer.data());
  // '-' is the separator of the name's parts, so a host name never holds one.
  for (char& c : host)
    if (!((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '.' || c == '_')) c = '_';
  return host;
}

fs::path temporary_path(const fs::path& directory, std::string_view name) {
  // The random part keeps two writers of one target in one process (threads) apart.
  static thread_local std::mt19937 generator{std::random_device{}()};
  static const std::string host = temporary_host_name();
  return directory / fmt::format(".{}{}{}-{}-{:08x}", name, TEMPORARY_MARK, host, ::getpid(), generator());
}

std::optional<TemporaryName> parse_temporary_name(std::string_view file_name) {
  if (file_name.size() < 2 || file_name.front() != '.') return std::nullopt;
  const auto random_dash = file_name.rfind('-');
  if (random_dash == std::string_view::npos || !is_hex(file_name.substr(random_dash + 1))) return std::nullopt;
  const auto pid_dash = file_name.rfind('-', random_dash - 1);
  if (pid_dash == std::string_view::npos) return std::nullopt;
  const std::string_view pid_text = file_name.substr(pid_dash + 1, random_dash - pid_dash - 1);
  TemporaryName parsed;
  const auto [end, error] = std::from_chars(pid_text.data(), pid_text.data() + pid_text.size(), parsed.pid);
  if (error != std::errc() || end != pid_text.data() + pid_text.size() || parsed.pid <= 0) return std::nullopt;
  const auto mark = file_name.rfind(TEMPORARY_MARK, pid_dash);
  if (mark == std::string_view::npos || mark < 2) return std::nullopt;
  parsed.host = std::string(file_name.substr(mark + TEMPORARY_MARK.size(), pid_dash - mark - TEMPORARY_MARK.size()));
  parsed.target = std::string(file_name.substr(1, mark - 1));
  if (parsed.host.empty()) return std::nullopt;
  return parsed;
}

StaleTemporaries remove_stale_temporaries(const fs::path& directory) noexcept {
  StaleTemporaries result;
  try {
    const std::string host = temporary_host_name();
    std::error_code error;
    for (fs::directory_iterator it(directory, error), end; !error && it != end; it.increment(error)) {
      const auto parsed = parse_temporary_name(it->path().filename().string());
      if (!parsed) continue;
      std::error_code status_error;
      if (!it->is_regular_file(status_error)) continue;
      if (parsed->host != host) {
        ++result.other_host;
      } else if (!process_has_ended(parsed->pid)) {
        ++result.live;
      } else {
        std::error_code remove_error;
        if (fs::remove(it->path(), remove_error)) ++result.removed;
      }
    }
  } catch (...) {
    // Allocation failure while listing: the clean-up is best effort and leaves the rest.
  }
  return result;
}

}  // namespace guarantor::io
