#pragma once
// Writing outputs so that nothing half-written is ever left behind: each file is written to a
// temporary sibling, flushed to disk (fsync) and renamed over the target only once complete.
// Several files of one command are published together: every one is written and synced before
// the first is renamed, so a failure (bad input, full disk, kill) leaves the previous outputs.
#include <filesystem>
#include <fstream>
#include <memory>
#include <string_view>
#include <vector>

namespace guarantor::io {

/// Writes `content` to `path` atomically (temporary file + fsync + rename in the same directory).
/// Throws guarantor::Error (OutputFailed) naming the path; the target is then untouched.
void write_file_atomically(const std::filesystem::path& path, std::string_view content);

/// Throws guarantor::Error (OutputFailed) unless `directory` exists (or can be created) and a
/// file can be created in it; called before long work so a bad --out fails fast.
void ensure_writable_directory(const std::filesystem::path& directory);

/// A group of output files streamed to temporaries and published together by commit().
/// Destroying the group without commit() removes the temporaries: the targets keep whatever
/// they held before, so a failed run never truncates an earlier output (or an input that
/// happens to be one of the targets: it is only replaced after it was read).
class AtomicOutputs {
public:
  AtomicOutputs() = default;
  AtomicOutputs(const AtomicOutputs&) = delete;
  AtomicOutputs& operator=(const AtomicOutputs&) = delete;
  ~AtomicOutputs();

  /// Opens a temporary sibling of `target` and returns the stream to write the content to.
  /// Throws Error(OutputFailed) naming `target` when the directory is not writable.
  std::ostream& add(const std::filesystem::path& target);
  /// Adds a file whose whole content is known.
  void add(const std::filesystem::path& target, std::string_view content);
  /// Flushes and fsyncs every temporary, then renames each over its target and syncs the
  /// directories. Throws Error(OutputFailed) naming the file; when a write or sync fails no
  /// target has been replaced.
  void commit();

private:
  struct Pending {
    std::filesystem::path target, temporary;
    std::unique_ptr<std::ofstream> stream;
  };
  std::vector<Pending> pending_;
  bool committed_ = false;
};

}  // namespace guarantor::io
