#pragma once
// The evidence log: append-only JSON Lines, each entry hash-chained (SHA-256) to the one before.
// Entry = {"seq": n, "kind": k, "body": {...}, "prev": <hash of entry n-1>, "hash": h}, where h is
// the SHA-256 of the entry serialised without "hash" (keys sorted, no spaces). Changing, removing
// or reordering any entry breaks the chain at that point, which is what `audit_log` locates.
#include <cstdint>
#include <filesystem>
#include <fstream>
#include <functional>
#include <iosfwd>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include <nlohmann/json.hpp>

namespace guarantor::verify {

/// "prev" of the first entry of a log: 64 zeros.
inline constexpr std::string_view GENESIS_HASH = "0000000000000000000000000000000000000000000000000000000000000000";

/// Entry kinds, in the order a run writes them.
namespace log_kind {
inline constexpr std::string_view RUN_START = "run_start";  ///< parameters, agreement, registry
inline constexpr std::string_view INPUT = "input";          ///< one input file: path, format, sha256, counts
inline constexpr std::string_view REPORT = "report";        ///< one normalised, geocoded report
inline constexpr std::string_view REJECTED = "rejected";    ///< one row that could not be read, with reason
inline constexpr std::string_view MERGE = "merge";          ///< one report joining an incident, with the rule
inline constexpr std::string_view INCIDENT = "incident";    ///< one incident: members, place, time, grade
inline constexpr std::string_view FINDING = "finding";      ///< one finding against one provision
inline constexpr std::string_view RUN_END = "run_end";      ///< counts; closes the run
inline constexpr std::string_view CHECKPOINT = "checkpoint";  ///< Ed25519 signature over the previous entry's hash
inline constexpr std::string_view DAMAGE = "damage";        ///< audit problems acknowledged by the monitor; closes a run
}  // namespace log_kind

struct SecretKey;

/// How EvidenceLog::open_file treats an existing log.
struct LogOpenOptions {
  /// Signs each run's end (EvidenceLog::close_run); not owned, may be null.
  const SecretKey* signing_key = nullptr;
  /// Refuse a log whose chain is broken or whose last run never ended (see check_log_tail).
  /// Only the damage recorder (record_log_damage) turns this off.
  bool check_tail = true;
  /// Without check_tail: a last line cut short (no newline) is removed from the file and its
  /// text stored here, and the chain continues from the last readable entry.
  std::string* cut_partial_line = nullptr;
};

/// One parsed log line.
struct LogEntry {
  std::uint64_t seq = 0;
  std::string kind;
  nlohmann::json body;
  std::string prev;
  std::string hash;
  std::size_t line = 0;  ///< 1-based line in the file
};

/// The canonical text an entry's hash is computed over (the entry without "hash").
std::string canonical_entry_text(std::uint64_t seq, std::string_view kind, const nlohmann::json& body,
                                 std::string_view prev);

/// Appends hash-chained entries to a stream or file.
class EvidenceLog {
public:
  /// Writes to `out` (not owned), starting a new chain.
  explicit EvidenceLog(std::ostream& out);
  /// Opens `path` for appending, continuing the chain of its last entry if the file exists.
  /// Takes an exclusive lock (flock) held until the log is destroyed: a second run waits, so two
  /// runs never interleave. Before the first append the whole log is audited: a broken chain, a
  /// half-written line or a run without run_end is refused with Error(Tampered) that names the
  /// problem and the command recording it (guarantor audit LOG --record-damage --sign-key KEY).
  /// Throws Error(OutputFailed) when the file cannot be opened or locked.
  static EvidenceLog open_file(const std::filesystem::path& path, const LogOpenOptions& options = {});

  EvidenceLog(EvidenceLog&&) noexcept;
  EvidenceLog& operator=(EvidenceLog&&) = delete;
  EvidenceLog(const EvidenceLog&) = delete;
  ~EvidenceLog();

  /// Appends one entry; returns its hash. Entries are buffered: throws Error(OutputFailed) when
  /// a write of the buffer fails, here or in flush().
  const std::string& append(std::string_view kind, const nlohmann::json& body);
  /// Appends one entry whose body is given as canonical text (what nlohmann's dump() of the body
  /// gives with sorted keys and no spaces, see append_canonical_json); returns its hash.
  const std::string& append_canonical(std::string_view kind, std::string_view body);
  /// Writes the canonical text of body `index` (0 <= index < count) to the end of `out`.
  using BodyWriter = std::function<void(std::size_t index, std::string& out)>;
  /// Appends `count` entries of one kind, bodies written by `write_body`; the log is the same as
  /// from `count` calls of append_canonical. Bodies are serialised and their chain-independent
  /// hashing done by up to `threads` threads of the shared pool (core/thread_pool.hpp), the
  /// calling one included (write_body must be safe to call concurrently).
  void append_batch(std::string_view kind, std::size_t count, const BodyWriter& write_body, unsigned threads = 1);
  /// Writes buffered entries and, for a file, fsyncs it. A write that fails (a full disk) is
  /// undone (the file is cut back to its last complete entry), so no half line is left behind;
  /// throws Error(OutputFailed).
  void flush();
  /// Appends a checkpoint signing the current head when a signing key was given; a no-op
  /// otherwise. Called after run_end (and after a damage entry).
  void sign_head();
  [[nodiscard]] bool signs() const noexcept { return signing_key_ != nullptr; }

  [[nodiscard]] std::uint64_t next_seq() const noexcept { return next_seq_; }
  [[nodiscard]] const std::string& head_hash() const noexcept { return head_; }

private:
  EvidenceLog(int fd, std::uint64_t next_seq, std::string head);
  void write_pending();
  int fd_ = -1;                ///< the log file, locked; -1 when writing to a stream
  std::uint64_t file_size_ = 0;  ///< bytes of complete entries in the file
  const SecretKey* signing_key_ = nullptr;
  std::ostream* out_ = nullptr;
  std::uint64_t next_seq_ = 0;
  std::string head_;
  std::string name_;
  std::string pending_;  ///< entries not yet written to out_: few large writes instead of one per entry
};

/// Parses every line of a log without judging it; a line that is not an entry throws
/// Error(Tampered) naming the line. Use audit_log to judge integrity.
std::vector<LogEntry> read_log(std::istream& in, const std::string& name);

}  // namespace guarantor::verify
