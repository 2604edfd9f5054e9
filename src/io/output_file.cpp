#include "guarantor/io/output_file.hpp"

#include <fcntl.h>
#include <unistd.h>

#include <cerrno>
#include <system_error>

#include <fmt/format.h>

#include "guarantor/core/error.hpp"
#include "guarantor/io/temporary_files.hpp"

namespace guarantor::io {

namespace fs = std::filesystem;

namespace {

[[noreturn]] void fail(const fs::path& path, const std::string& what) {
  throw Error(ErrorCode::OutputFailed, path.string(), what);
}

// Flushes a file's (or a directory's) data to the disk, so a rename published after it can
// never point at content still only in the page cache (ext4 delayed allocation would otherwise
// leave a zero-length plan.json after a power cut).
std::error_code sync_to_disk(const fs::path& path, bool directory) {
  const int fd = ::open(path.c_str(), (directory ? O_DIRECTORY : 0) | O_RDONLY | O_CLOEXEC);
  if (fd < 0) return {errno, std::generic_category()};
  std::error_code result;
  if (::fsync(fd) != 0) result = {errno, std::generic_category()};
  ::close(fd);
  return result;
}

bool is_plain_file_name(const std::string& name) {
  return !name.empty() && name != "." && name != ".." && name.find('/') == std::string::npos &&
         name.find('\0') == std::string::npos;
}

void remove_quietly(const fs::path& path) noexcept {
  std::error_code ignored;
  fs::remove(path, ignored);
}

}  // namespace

OutputSet::OutputSet(fs::path directory) : directory_(directory.empty() ? fs::path(".") : std::move(directory)) {
  ensure_writable_directory(directory_);
}

OutputSet::~OutputSet() { discard(); }

void OutputSet::discard() noexcept {
  for (auto& file : pending_) {
    if (file.out) file.out->close();
    remove_quietly(file.temporary);
  }
  pending_.clear();
}

OutputSet::Pending& OutputSet::begin(const std::string& name) {
  if (published_) fail(directory_ / name, "the output set was already published; expected a new OutputSet");
  if (!is_plain_file_name(name)) fail(directory_ / name, "expected a plain file name without a directory part");
  for (const auto& file : pending_)
    if (file.name == name) fail(directory_ / name, "named twice in one output set");
  Pending file{name, temporary_path(directory_, name), nullptr};
  file.out = std::make_unique<std::ofstream>(file.temporary, std::ios::binary | std::ios::trunc);
  if (!*file.out) {
    const std::error_code error(errno, std::generic_category());
    remove_quietly(file.temporary);
    fail(directory_ / name, fmt::format("cannot create a temporary file beside it ({})", error.message()));
  }
  pending_.push_back(std::move(file));
  return pending_.back();
}

void OutputSet::add(const std::string& name, std::string_view content) {
  auto& file = begin(name);
  file.out->write(content.data(), static_cast<std::streamsize>(content.size()));
  if (!*file.out) fail(directory_ / name, "cannot write the file; expected a writable directory with free space");
}

std::ostream& OutputSet::stream(const std::string& name) { return *begin(name).out; }

void OutputSet::publish() {
  if (published_) fail(directory_, "the output set was already published; expected a new OutputSet");
  try {
    // 1. Every temporary complete and on disk, every target replaceable: nothing is touched
    //    until all of them are.
    for (auto& file : pending_) {
      file.out->flush();
      const bool written = static_cast<bool>(*file.out);
      file.out->close();
      if (!written || file.out->fail())
        fail(directory_ / file.name, "cannot write the file; expected a writable directory with free space");
      if (const auto error = sync_to_disk(file.temporary, false))
        fail(directory_ / file.name, fmt::format("cannot flush the file to disk ({})", error.message()));
      const auto target = directory_ / file.name;
      std::error_code ignored;
      const auto status = fs::symlink_status(target, ignored);
      if (fs::exists(status) && !fs::is_regular_file(status) && !fs::is_symlink(status))
        fail(target, "exists and is not a regular file; expected a file Guarantor may replace (move it away)");
    }
    // 2. Previous versions kept as hard links (no copy), so a failed rename can be undone.
    std::vector<fs::path> backups(pending_.size());
    for (std::size_t k = 0; k < pending_.size(); ++k) {
      const auto target = directory_ / pending_[k].name;
      std::error_code error;
      if (!fs::exists(fs::symlink_status(target, error))) continue;
      const auto backup = temporary_path(directory_, pending_[k].name);
      fs::create_hard_link(target, backup, error);
      if (error) {
        // A file system without hard links: keep a copy instead, at the cost of the bytes.
        error.clear();
        fs::copy_file(target, backup, error);
      }
      if (error) {
        for (const auto& made : backups) remove_quietly(made);
        fail(target, fmt::format("cannot keep its previous version while replacing it ({})", error.message()));
      }
      backups[k] = backup;
    }
    // 3. Publish; on a failure put back what was already replaced.
    for (std::size_t k = 0; k < pending_.size(); ++k) {
      const auto target = directory_ / pending_[k].name;
      std::error_code error;
      fs::rename(pending_[k].temporary, target, error);
      if (!error) continue;
      for (std::size_t undo = 0; undo < k; ++undo) {
        std::error_code ignored;
        const auto replaced = directory_ / pending_[undo].name;
        if (backups[undo].empty()) {
          fs::remove(replaced, ignored);
        } else {
          fs::rename(backups[undo], replaced, ignored);
        }
      }
      for (const auto& backup : backups) remove_quietly(backup);
      fail(target, fmt::format("cannot replace the file ({}); the previous outputs were restored", error.message()));
    }
    // 4. The renames themselves on disk, then the previous versions dropped.
    if (const auto error = sync_to_disk(directory_, true))
      fail(directory_, fmt::format("cannot flush the directory to disk ({})", error.message()));
    for (const auto& backup : backups)
      if (!backup.empty()) remove_quietly(backup);
  } catch (...) {
    discard();
    throw;
  }
  pending_.clear();
  published_ = true;
}

void write_file_atomically(const fs::path& path, std::string_view content) {
  const auto directory = path.parent_path().empty() ? fs::path(".") : path.parent_path();
  if (!fs::is_directory(directory)) fail(path, "cannot write the file; its directory does not exist");
  OutputSet outputs(directory);
  outputs.add(path.filename().string(), content);
  outputs.publish();
}

void ensure_writable_directory(const fs::path& directory) {
  std::error_code error;
  fs::create_directories(directory, error);
  if (error || !fs::is_directory(directory)) {
    fail(directory, fmt::format("cannot create the output directory{}", error ? " (" + error.message() + ")" : ""));
  }
  const auto probe = temporary_path(directory, "guarantor-write-check");
  const int fd = ::open(probe.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0600);
  if (fd < 0) {
    const std::error_code reason(errno, std::generic_category());
    fail(directory, fmt::format("cannot create files in the output directory ({})", reason.message()));
  }
  ::close(fd);
  remove_quietly(probe);
}

}  // namespace guarantor::io
