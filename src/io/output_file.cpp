#include "guarantor/io/output_file.hpp"

#include <fstream>
#include <random>

#include <fmt/format.h>

#include "guarantor/core/error.hpp"

namespace guarantor::io {

namespace {
std::filesystem::path temporary_sibling(const std::filesystem::path& path) {
  // A random suffix keeps two concurrent writers of the same target from sharing a temporary.
  std::random_device entropy;
  return path.parent_path() / fmt::format(".{}.tmp-{:08x}", path.filename().string(), entropy());
}
}  // namespace

void write_file_atomically(const std::filesystem::path& path, std::string_view content) {
  const auto temporary = temporary_sibling(path);
  {
    std::ofstream out(temporary, std::ios::binary | std::ios::trunc);
    if (out) out.write(content.data(), static_cast<std::streamsize>(content.size()));
    if (!out || !out.flush()) {
      std::error_code ignored;
      std::filesystem::remove(temporary, ignored);
      throw Error(ErrorCode::OutputFailed, path.string(),
                  "cannot write the file; expected a writable directory with free space");
    }
  }
  std::error_code error;
  std::filesystem::rename(temporary, path, error);
  if (error) {
    std::error_code ignored;
    std::filesystem::remove(temporary, ignored);
    throw Error(ErrorCode::OutputFailed, path.string(), fmt::format("cannot replace the file ({})", error.message()));
  }
}

void ensure_writable_directory(const std::filesystem::path& directory) {
  std::error_code error;
  std::filesystem::create_directories(directory, error);
  if (error || !std::filesystem::is_directory(directory)) {
    throw Error(ErrorCode::OutputFailed, directory.string(),
                fmt::format("cannot create the output directory{}", error ? " (" + error.message() + ")" : ""));
  }
  write_file_atomically(directory / ".guarantor-write-check", "");
  std::filesystem::remove(directory / ".guarantor-write-check", error);
}

}  // namespace guarantor::io
