#pragma once
// Names of the hidden temporaries every output is written through (output_file.hpp), and the
// clean-up of those a killed run left behind.
//
// A temporary of `findings.json` is `.findings.json.tmp-<host>-<pid>-<random>`: the host and
// process that own it are in its name, so a later run can tell a temporary whose process has
// ended (left by kill -9 or a power cut; removed) from one a live run is still writing (kept)
// and from one written over a shared file system by another machine (kept: its processes cannot
// be seen from here).
#include <cstddef>
#include <filesystem>
#include <optional>
#include <string>
#include <string_view>

namespace guarantor::io {

/// A fresh temporary path for the file `name` in `directory`:
/// `<directory>/.<name>.tmp-<host>-<pid>-<random>` (host as gethostname gives it, characters
/// other than letters, digits, `.` and `_` written as `_`).
std::filesystem::path temporary_path(const std::filesystem::path& directory, std::string_view name);

/// The parts of a temporary's file name; nullopt for a name temporary_path does not make.
struct TemporaryName {
  std::string target;  ///< the file it was to replace, e.g. "findings.json"
  std::string host;
  long pid = 0;
};
std::optional<TemporaryName> parse_temporary_name(std::string_view file_name);

/// This machine's name as temporary_path writes it.
std::string temporary_host_name();

/// What remove_stale_temporaries did.
struct StaleTemporaries {
  std::size_t removed = 0;     ///< of this host's processes that have ended
  std::size_t live = 0;        ///< kept: their process is still running
  std::size_t other_host = 0;  ///< kept: written by another machine
};

/// Removes from `directory` (not its subdirectories) the temporaries of processes of this host
/// that have ended. Never throws; a file that cannot be removed is counted as neither.
StaleTemporaries remove_stale_temporaries(const std::filesystem::path& directory) noexcept;

}  // namespace guarantor::io
