#pragma once
// The one way every command writes its outputs, so that nothing half-written is ever left
// behind and a set of files that belong together (plan.json + plan.geojson + plan.kml +
// plan.html) is published together.
//
// How: each file is written to a hidden temporary in the target directory and flushed to disk
// (fsync). Only when every file of the set is complete are the temporaries renamed over their
// targets, one after another, and the directory itself is synced. If any rename fails, the
// files already replaced are put back from hard-linked copies of their previous versions, so a
// failure never leaves a new plan.json beside an old plan.html. The directory is not swapped
// for a new one: other commands' files in it (an evidence log being appended to, a verify
// report) and shells standing in it stay untouched.
//
// Usage:
//   io::OutputSet outputs(out_dir);                  // checks the directory (creates it)
//   outputs.add("plan.json", json_text);              // whole content in memory, or
//   outputs.stream("incidents.csv") << header << ...; // streamed into the temporary
//   outputs.publish();                                // all or nothing; throws OutputFailed
// An OutputSet destroyed without publish() removes its temporaries and changes nothing.
#include <filesystem>
#include <fstream>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

namespace guarantor::io {

/// Files written into one directory and published together; see the file comment.
class OutputSet {
public:
  /// Creates `directory` when missing. Throws guarantor::Error (OutputFailed) naming it when it
  /// cannot be created or written to, so a bad --out fails before any long work.
  explicit OutputSet(std::filesystem::path directory);
  ~OutputSet();
  OutputSet(const OutputSet&) = delete;
  OutputSet& operator=(const OutputSet&) = delete;

  /// Adds a file `name` (a plain file name, no directory part) with `content`. Throws Error
  /// (OutputFailed) when the name is not a plain file name, is already in the set, or its
  /// temporary cannot be written.
  void add(const std::string& name, std::string_view content);
  /// Adds a file `name` whose content is written through the returned stream (valid until
  /// publish() or destruction); for outputs too large to build in memory. Same errors as add().
  std::ostream& stream(const std::string& name);
  /// Publishes every added file, all or nothing. Throws Error (OutputFailed) naming the file
  /// that failed; the directory then holds exactly the files it held before.
  void publish();

  /// The directory the files go to.
  [[nodiscard]] const std::filesystem::path& directory() const noexcept { return directory_; }

private:
  struct Pending {
    std::string name;
    std::filesystem::path temporary;
    std::unique_ptr<std::ofstream> out;
  };
  Pending& begin(const std::string& name);
  void discard() noexcept;

  std::filesystem::path directory_;
  std::vector<Pending> pending_;
  bool published_ = false;
};

/// Writes one file atomically: an OutputSet of one (temporary + fsync + rename in the same
/// directory). Throws guarantor::Error (OutputFailed) naming the path; the target is then untouched.
void write_file_atomically(const std::filesystem::path& path, std::string_view content);

/// Throws guarantor::Error (OutputFailed) unless `directory` exists (or can be created) and a
/// file can be created in it; called before long work so a bad --out fails fast.
void ensure_writable_directory(const std::filesystem::path& directory);

}  // namespace guarantor::io
