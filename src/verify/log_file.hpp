#pragma once
// The evidence log as a file: an exclusive lock, the tail check before appending, whole-batch
// appends and fsync. Internal to EvidenceLog (evidence_log.cpp) and the damage recorder.
#include <cstdint>
#include <filesystem>
#include <string>
#include <string_view>

namespace guarantor::verify {
struct SecretKey;
}

namespace guarantor::verify::detail {

/// Opens (creating) the log read-write and takes an exclusive flock, waiting for another run
/// holding it. Throws Error(OutputFailed) naming the file.
int open_locked_log(const std::filesystem::path& path);
/// Closes the file, which releases the lock.
void close_log_file(int fd) noexcept;

/// Where the chain continues.
struct LogTail {
  std::uint64_t next_seq = 0;
  std::string head;
  std::uint64_t size = 0;  ///< bytes in the file
};

/// Reads the log's last entry. With `check`, first audits the whole log and refuses it
/// (Error(Tampered) with the recovery command) unless its chain is intact, its last line is
/// complete and its last run closed, and, when `key` is given, a last checkpoint made with that
/// key verifies.
/// Without `check`, a last line cut short is removed (its text stored in `cut`, when given) and
/// the chain continues from the last readable entry.
LogTail read_log_tail(int fd, const std::filesystem::path& path, bool check, const SecretKey* key,
                      std::string* cut = nullptr);

/// Writes `text` at offset `size`; on any failure cuts the file back to `size` and throws
/// Error(OutputFailed). Returns the new size.
std::uint64_t append_whole(int fd, const std::string& name, std::uint64_t size, std::string_view text,
                           std::uint64_t next_seq);
/// fsync; throws Error(OutputFailed).
void sync_log_file(int fd, const std::string& name);

/// The command that records a damaged log's problems as a signed entry, for messages.
std::string recovery_command(const std::filesystem::path& path);

}  // namespace guarantor::verify::detail
