#include "guarantor/io/output_file.hpp"

#include <fcntl.h>
#include <unistd.h>

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

// fsync of a file or directory by path: data (file) and the new name (directory) survive a
// power cut once this returns true.
bool sync_path(const std::filesystem::path& path, bool directory) {
  const int fd = ::open(path.empty() ? "." : path.c_str(), directory ? O_RDONLY | O_DIRECTORY : O_RDONLY);
  if (fd < 0) return false;
  const bool ok = ::fsync(fd) == 0;
  ::close(fd);
  return ok;
}

void remove_quietly(const std::filesystem::path& path) {
  std::error_code ignored;
  std::filesystem::remove(path, ignored);
}
}  // namespace

void write_file_atomically(const std::filesystem::path& path, std::string_view content) {
  AtomicOutputs outputs;
  outputs.add(path, content);
  outputs.commit();
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

AtomicOutputs::~AtomicOutputs() {
  if (committed_) return;
  for (Pending& file : pending_) {
    file.stream.reset();
    remove_quietly(file.temporary);
  }
}

std::ostream& AtomicOutputs::add(const std::filesystem::path& target) {
  Pending file{target, temporary_sibling(target), nullptr};
  file.stream = std::make_unique<std::ofstream>(file.temporary, std::ios::binary | std::ios::trunc);
  if (!*file.stream) {
    file.stream.reset();
    remove_quietly(file.temporary);
    throw Error(ErrorCode::OutputFailed, target.string(),
                "cannot create the output file; expected a writable directory with free space");
  }
  pending_.push_back(std::move(file));
  return *pending_.back().stream;
}

void AtomicOutputs::add(const std::filesystem::path& target, std::string_view content) {
  std::ostream& out = add(target);
  out.write(content.data(), static_cast<std::streamsize>(content.size()));
}

void AtomicOutputs::commit() {
  for (Pending& file : pending_) {
    file.stream->flush();
    const bool written = static_cast<bool>(*file.stream);
    file.stream->close();
    if (!written || file.stream->fail() || !sync_path(file.temporary, false))
      throw Error(ErrorCode::OutputFailed, file.target.string(),
                  "cannot write the file; expected a writable directory with free space (earlier outputs are kept)");
  }
  for (std::size_t index = 0; index < pending_.size(); ++index) {
    std::error_code error;
    std::filesystem::rename(pending_[index].temporary, pending_[index].target, error);
    if (error)
      throw Error(ErrorCode::OutputFailed, pending_[index].target.string(),
                  fmt::format("cannot replace the file ({}); {} of {} outputs were replaced", error.message(), index,
                              pending_.size()));
  }
  committed_ = true;
  for (const Pending& file : pending_) sync_path(file.target.parent_path(), true);
}

}  // namespace guarantor::io
