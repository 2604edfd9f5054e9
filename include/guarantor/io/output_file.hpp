#pragma once
// Writing outputs so that nothing half-written is ever left behind: each file is written to a
// temporary sibling and renamed over the target only once complete.
#include <filesystem>
#include <string_view>

namespace guarantor::io {

/// Writes `content` to `path` atomically (temporary file + rename in the same directory).
/// Throws guarantor::Error (OutputFailed) naming the path; the target is then untouched.
void write_file_atomically(const std::filesystem::path& path, std::string_view content);

/// Throws guarantor::Error (OutputFailed) unless `directory` exists (or can be created) and a
/// file can be created in it; called before long work so a bad --out fails fast.
void ensure_writable_directory(const std::filesystem::path& directory);

}  // namespace guarantor::io
