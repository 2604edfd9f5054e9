#include "log_file.hpp"

#include <fcntl.h>
#include <sys/file.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <fstream>
#include <sstream>

#include <fmt/format.h>

#include "guarantor/core/error.hpp"
#include "guarantor/verify/audit.hpp"
#include "guarantor/verify/evidence_log.hpp"
#include "guarantor/verify/log_signing.hpp"

namespace guarantor::verify::detail {
namespace {

std::uint64_t file_size(int fd, const std::filesystem::path& path) {
  struct stat info {};
  if (::fstat(fd, &info) != 0)
    throw Error(ErrorCode::OutputFailed, path.string(), fmt::format("cannot stat the evidence log ({})", std::strerror(errno)));
  return static_cast<std::uint64_t>(info.st_size);
}

// The last non-empty line of the file (with `readable_only`, the last one that is an entry),
// with its 1-based number.
std::pair<std::string, std::size_t> last_line(const std::filesystem::path& path, bool readable_only) {
  std::ifstream in(path, std::ios::binary);
  std::string line, last;
  std::size_t number = 0, last_number = 0;
  while (std::getline(in, line)) {
    ++number;
    if (line.empty()) continue;
    if (readable_only) {
      std::istringstream one(line);
      try {
        (void)read_log(one, path.string());
      } catch (const Error&) {
        continue;
      }
    }
    last = std::move(line);
    last_number = number;
  }
  return {last, last_number};
}

// Removes a last line without its newline (a write cut short); returns its text.
std::string cut_partial_line(int fd, const std::filesystem::path& path, std::uint64_t& size) {
  std::string content(static_cast<std::size_t>(size), '\0');
  if (::pread(fd, content.data(), content.size(), 0) != static_cast<ssize_t>(content.size()))
    throw Error(ErrorCode::OutputFailed, path.string(), "cannot read the evidence log");
  if (content.empty() || content.back() == '\n') return {};
  const std::size_t keep = content.rfind('\n') == std::string::npos ? 0 : content.rfind('\n') + 1;
  if (::ftruncate(fd, static_cast<off_t>(keep)) != 0 || ::fsync(fd) != 0)
    throw Error(ErrorCode::OutputFailed, path.string(), "cannot cut the incomplete last line off the evidence log");
  size = keep;
  return content.substr(keep);
}

}  // namespace

std::string recovery_command(const std::filesystem::path& path) {
  return fmt::format("guarantor audit {} --record-damage --sign-key <monitor secret key>", path.string());
}

int open_locked_log(const std::filesystem::path& path) {
  const int fd = ::open(path.c_str(), O_RDWR | O_CREAT | O_CLOEXEC, 0644);
  if (fd < 0)
    throw Error(ErrorCode::OutputFailed, path.string(),
                fmt::format("cannot open the evidence log for appending ({})", std::strerror(errno)));
  // Blocks while another run appends; the chain continues from wherever that run ended.
  int locked = 0;
  do {
    locked = ::flock(fd, LOCK_EX);
  } while (locked != 0 && errno == EINTR);
  if (locked != 0) {
    const int error = errno;
    ::close(fd);
    throw Error(ErrorCode::OutputFailed, path.string(),
                fmt::format("cannot lock the evidence log ({})", std::strerror(error)));
  }
  return fd;
}

void close_log_file(int fd) noexcept { ::close(fd); }

LogTail read_log_tail(int fd, const std::filesystem::path& path, bool check, const SecretKey* key,
                      std::string* cut) {
  LogTail tail;
  tail.head = std::string(GENESIS_HASH);
  tail.size = file_size(fd, path);
  if (tail.size == 0) return tail;
  const std::string name = path.string();
  const auto refuse = [&](const std::string& where, const std::string& what) {
    throw Error(ErrorCode::Tampered, where,
                fmt::format("{}; refusing to append to this log. To record the damage as a signed entry and go on: "
                            "{}",
                            what, recovery_command(path)));
  };
  if (check) {
    char last_byte = 0;
    if (::pread(fd, &last_byte, 1, static_cast<off_t>(tail.size - 1)) != 1 || last_byte != '\n')
      refuse(name, "the last line is incomplete: a write was cut short (full disk, crash)");
    std::ifstream in(path, std::ios::binary);
    const AuditResult audit = audit_log(in, name);
    if (audit.entries == 0 && audit.problems.size() == 1 && audit.problems.front().kind == TamperKind::Truncated)
      return tail;  // only blank lines: a new log
    if (!audit.ok()) {
      const AuditProblem& first = audit.problems.front();
      const std::string where = fmt::format("{}:{}", name, first.line);
      const std::string what =
          first.message.rfind(where + ": ", 0) == 0 ? first.message.substr(where.size() + 2) : first.message;
      refuse(where, fmt::format("{} ({} problems; guarantor audit {} lists them)", what, audit.problems.size(), name));
    }
  }
  if (!check) {
    std::string partial = cut_partial_line(fd, path, tail.size);
    if (cut != nullptr) *cut = std::move(partial);
  }
  const auto [text, line] = last_line(path, !check);
  if (text.empty()) return tail;
  std::istringstream one(text);
  const std::vector<LogEntry> entries = read_log(one, fmt::format("{}:{}", name, line));
  tail.next_seq = entries.front().seq + 1;
  tail.head = entries.front().hash;
  if (check && key != nullptr && entries.front().kind == log_kind::CHECKPOINT &&
      entries.front().body.is_object() && entries.front().body.contains("key") &&
      entries.front().body["key"] == key->public_key().id() &&
      check_checkpoint(entries.front().body, {key->public_key()}) != CheckpointCheck::Valid)
    refuse(fmt::format("{}:{}", name, line), "the last checkpoint's signature does not verify with this key");
  return tail;
}

std::uint64_t append_whole(int fd, const std::string& name, std::uint64_t size, std::string_view text,
                           std::uint64_t next_seq) {
  std::size_t done = 0;
  while (done < text.size()) {
    const ssize_t written = ::pwrite(fd, text.data() + done, text.size() - done, static_cast<off_t>(size + done));
    if (written < 0 && errno == EINTR) continue;
    if (written <= 0) {
      const int error = errno;
      // Cut back to the last complete entry: the log never holds half a line.
      const bool restored = ::ftruncate(fd, static_cast<off_t>(size)) == 0;
      throw Error(ErrorCode::OutputFailed, name,
                  fmt::format("writing entries before seq {} failed ({}){}", next_seq, std::strerror(error),
                              restored ? "; the log was cut back to its last complete entry"
                                       : "; the log could not be cut back and ends in a partial line"));
    }
    done += static_cast<std::size_t>(written);
  }
#ifdef __linux__
  // Start writing this batch to the disk now, without waiting: the fsync at the run's end then
  // finds little left (a million reports' log is 2 GB; syncing it all at the end took seconds of
  // wall time). Only a hint: the entries are durable after sync_log_file, as before.
  ::sync_file_range(fd, static_cast<off_t>(size), static_cast<off_t>(text.size()), SYNC_FILE_RANGE_WRITE);
#endif
  return size + text.size();
}

void sync_log_file(int fd, const std::string& name) {
  if (::fsync(fd) != 0)
    throw Error(ErrorCode::OutputFailed, name, fmt::format("cannot sync the evidence log to disk ({})", std::strerror(errno)));
}

}  // namespace guarantor::verify::detail
