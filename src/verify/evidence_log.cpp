#include "guarantor/verify/evidence_log.hpp"

#include <algorithm>
#include <atomic>
#include <exception>
#include <istream>

#include <fmt/format.h>

#include "canonical_json.hpp"
#include "guarantor/verify/log_signing.hpp"
#include "log_file.hpp"
#include "guarantor/core/error.hpp"
#include "guarantor/core/sha256.hpp"
#include "guarantor/core/thread_pool.hpp"

namespace guarantor::verify {
namespace {

using Json = nlohmann::json;

// Invalid UTF-8 in a report is replaced (U+FFFD) rather than refused: the log must hold every
// report, and the replacement survives parse + dump unchanged, so hashes stay reproducible.
std::string dump_canonical(const Json& value) {
  return value.dump(-1, ' ', false, Json::error_handler_t::replace);
}

// Buffered entries are written once this many bytes have gathered.
constexpr std::size_t WRITE_BYTES = 4u << 20;
// append_batch prepares entries in chunks that threads claim one at a time (so the threads stay
// balanced whatever else they do), and in batches of chunks: while the calling thread finishes
// the hashes of one batch in order and writes it, the others prepare the next.
constexpr std::size_t CHUNK_ENTRIES = 256;
constexpr std::size_t BATCH_CHUNKS = 32;

// An entry serialised up to and including `"prev":"`, with the SHA-256 state after that prefix.
// The canonical entry is {"body":..,"kind":..,"prev":"<hash>","seq":n}: everything before the
// previous hash is independent of the chain, so it is hashed in parallel and only the tail
// (the partial last block, the previous hash, the sequence number) waits for the chain.
struct PreparedEntry {
  Sha256 prefix_state;
  std::size_t end = 0;  ///< end of this entry's prefix in the chunk's text
};

struct PreparedChunk {
  std::string text;
  std::vector<PreparedEntry> entries;
  std::exception_ptr error;
};

void prepare_chunk(PreparedChunk& chunk, std::string_view kind, std::size_t from, std::size_t to,
                   const EvidenceLog::BodyWriter& write_body) noexcept {
  chunk.error = nullptr;
  try {
    chunk.text.clear();
    chunk.entries.clear();
    for (std::size_t index = from; index < to; ++index) {
      const std::size_t start = chunk.text.size();
      chunk.text += "{\"body\":";
      write_body(index, chunk.text);
      chunk.text += ",\"kind\":";
      detail::append_json_string(chunk.text, kind);
      chunk.text += ",\"prev\":\"";
      PreparedEntry& entry = chunk.entries.emplace_back();
      entry.prefix_state.update(std::string_view(chunk.text).substr(start));
      entry.end = chunk.text.size();
    }
  } catch (...) {
    chunk.error = std::current_exception();
  }
}

// Entries [from, to) in chunks; any thread may call work() to claim and prepare chunks.
struct PreparedBatch {
  std::vector<PreparedChunk> chunks = std::vector<PreparedChunk>(BATCH_CHUNKS);
  std::size_t from = 0, to = 0, chunk_count = 0;
  std::atomic<std::size_t> next_chunk{0};

  void reset(std::size_t batch_from, std::size_t batch_to) {
    from = batch_from;
    to = batch_to;
    chunk_count = (to - from + CHUNK_ENTRIES - 1) / CHUNK_ENTRIES;
    next_chunk = 0;
  }
  void work(std::string_view kind, const EvidenceLog::BodyWriter& write_body) noexcept {
    for (std::size_t chunk = next_chunk++; chunk < chunk_count; chunk = next_chunk++) {
      const std::size_t chunk_from = from + chunk * CHUNK_ENTRIES;
      prepare_chunk(chunks[chunk], kind, chunk_from, std::min(to, chunk_from + CHUNK_ENTRIES), write_body);
    }
  }
};

LogEntry parse_entry(const std::string& text, std::size_t line, const std::string& name) {
  const std::string where = fmt::format("{}:{}", name, line);
  Json value = Json::parse(text, nullptr, false);
  if (value.is_discarded() || !value.is_object())
    throw Error(ErrorCode::Tampered, where, "not a JSON object; every line of an evidence log is one entry");
  // A sequence number too large for 64 bits parses as a floating-point number, and converting that
  // to an integer is undefined: refuse anything but a non-negative integer before reading it.
  if (const auto seq = value.find("seq"); seq != value.end() && !seq->is_number_unsigned())
    throw Error(ErrorCode::Tampered, where, "seq is not a non-negative integer below 2^64");
  LogEntry entry;
  entry.line = line;
  try {
    entry.seq = value.at("seq").get<std::uint64_t>();
    entry.kind = value.at("kind").get<std::string>();
    entry.body = value.at("body");
    entry.prev = value.at("prev").get<std::string>();
    entry.hash = value.at("hash").get<std::string>();
  } catch (const Json::exception& e) {
    throw Error(ErrorCode::Tampered, where,
                fmt::format("entry lacks a field or has a wrong type ({}); expected seq, kind, body, prev, hash",
                            e.what()));
  }
  if (value.size() != 5) throw Error(ErrorCode::Tampered, where, "entry has fields beyond seq, kind, body, prev, hash");
  return entry;
}

}  // namespace

std::string canonical_entry_text(std::uint64_t seq, std::string_view kind, const nlohmann::json& body,
                                 std::string_view prev) {
  // Json objects keep their keys sorted, so this serialisation is canonical.
  Json entry = Json::object();
  entry["seq"] = seq;
  entry["kind"] = kind;
  entry["body"] = body;
  entry["prev"] = prev;
  return dump_canonical(entry);
}

EvidenceLog::EvidenceLog(std::ostream& out) : out_(&out), head_(GENESIS_HASH), name_("<stream>") {}

EvidenceLog::EvidenceLog(int fd, std::uint64_t next_seq, std::string head)
    : fd_(fd), next_seq_(next_seq), head_(std::move(head)) {}

EvidenceLog::EvidenceLog(EvidenceLog&& other) noexcept
    : fd_(other.fd_), file_size_(other.file_size_), signing_key_(other.signing_key_), out_(other.out_),
      next_seq_(other.next_seq_), head_(std::move(other.head_)), name_(std::move(other.name_)),
      pending_(std::move(other.pending_)) {
  other.fd_ = -1;
  other.out_ = nullptr;
}

EvidenceLog::~EvidenceLog() {
  // Destructors must not throw: a failed final write is reported by an explicit flush(). The
  // entries of a run cut short are kept (they are evidence); the run stays open, and the next
  // append refuses the log until the damage is recorded.
  try {
    if (fd_ >= 0 || out_ != nullptr) write_pending();
    if (out_ != nullptr) out_->flush();
  } catch (...) {
  }
  if (fd_ >= 0) detail::close_log_file(fd_);
}

EvidenceLog EvidenceLog::open_file(const std::filesystem::path& path, const LogOpenOptions& options) {
  const int fd = detail::open_locked_log(path);
  try {
    const detail::LogTail tail = detail::read_log_tail(fd, path, options.check_tail, options.signing_key,
                                                           options.cut_partial_line);
    EvidenceLog log(fd, tail.next_seq, tail.head);
    log.file_size_ = tail.size;
    log.name_ = path.string();
    log.signing_key_ = options.signing_key;
    return log;
  } catch (...) {
    detail::close_log_file(fd);
    throw;
  }
}

void EvidenceLog::sign_head() {
  if (signing_key_ == nullptr || next_seq_ == 0) return;
  append(log_kind::CHECKPOINT, sign_checkpoint(*signing_key_, next_seq_ - 1, head_));
}

const std::string& EvidenceLog::append(std::string_view kind, const nlohmann::json& body) {
  return append_canonical(kind, dump_canonical(body));
}

const std::string& EvidenceLog::append_canonical(std::string_view kind, std::string_view body) {
  append_batch(kind, 1, [&](std::size_t, std::string& out) { out += body; });
  return head_;
}

void EvidenceLog::append_batch(std::string_view kind, std::size_t count, const BodyWriter& write_body,
                               unsigned threads) {
  if (count == 0) return;
  constexpr std::size_t BATCH_ENTRIES = CHUNK_ENTRIES * BATCH_CHUNKS;
  PreparedBatch batches[2];
  PreparedBatch* current = &batches[0];
  PreparedBatch* next = &batches[1];
  // Helpers are tasks of the process's one thread pool (no threads started per batch); the
  // calling thread works too, so `threads` counts it.
  ThreadPool& pool = ThreadPool::shared();
  std::vector<std::future<void>> helpers;
  const auto start_helpers = [&](PreparedBatch* batch) {
    const unsigned available = std::min(threads, pool.concurrency());
    for (unsigned helper = 1; helper < available; ++helper)
      helpers.push_back(pool.submit([batch, kind, &write_body] { batch->work(kind, write_body); }));
  };
  const auto join_helpers = [&] {
    for (std::future<void>& helper : helpers) helper.wait();  // work() catches its own errors
    helpers.clear();
  };
  // In order: finish each entry's hash over the chain-dependent tail, then emit it with its hash
  // inserted as the last member (the reader recomputes over the canonical form).
  const auto finish = [&](const PreparedBatch& batch) {
    for (std::size_t chunk = 0; chunk < batch.chunk_count; ++chunk)
      if (batch.chunks[chunk].error) std::rethrow_exception(batch.chunks[chunk].error);
    for (std::size_t chunk = 0; chunk < batch.chunk_count; ++chunk) {
      const PreparedChunk& prepared = batch.chunks[chunk];
      std::size_t begin = 0;
      for (const PreparedEntry& entry : prepared.entries) {
        const fmt::format_int seq(next_seq_);
        char tail[40] = "\",\"seq\":";
        constexpr std::size_t TAIL_KEY = 8;  // "\",\"seq\":" without the terminator
        std::copy(seq.data(), seq.data() + seq.size(), tail + TAIL_KEY);
        const std::string_view tail_text(tail, TAIL_KEY + seq.size());
        Sha256 hasher = entry.prefix_state;
        hasher.update(head_);
        hasher.update(tail_text);
        hasher.update("}");
        std::string hash = hasher.finish_hex();
        pending_.append(prepared.text, begin, entry.end - begin);
        pending_ += head_;
        pending_ += tail_text;
        pending_ += ",\"hash\":\"";
        pending_ += hash;
        pending_ += "\"}\n";
        begin = entry.end;
        ++next_seq_;
        head_ = std::move(hash);
      }
      if (pending_.size() >= WRITE_BYTES) write_pending();
    }
  };
  threads = std::max(1u, threads);
  current->reset(0, std::min(count, BATCH_ENTRIES));
  start_helpers(current);
  current->work(kind, write_body);
  join_helpers();
  while (current->chunk_count > 0) {
    const bool more = current->to < count;
    if (more) {
      next->reset(current->to, std::min(count, current->to + BATCH_ENTRIES));
      start_helpers(next);
    } else {
      next->reset(count, count);
    }
    std::exception_ptr error;
    try {
      finish(*current);
    } catch (...) {
      error = std::current_exception();
    }
    if (!error) next->work(kind, write_body);
    else next->next_chunk = next->chunk_count;  // stop the helpers early
    join_helpers();
    if (error) std::rethrow_exception(error);
    std::swap(current, next);
  }
}

void EvidenceLog::write_pending() {
  if (pending_.empty()) return;
  if (fd_ >= 0) {
    // One batch lands whole or not at all: a failed write (full disk) is cut back.
    file_size_ = detail::append_whole(fd_, name_, file_size_, pending_, next_seq_);
  } else {
    out_->write(pending_.data(), static_cast<std::streamsize>(pending_.size()));
    if (!*out_)
      throw Error(ErrorCode::OutputFailed, name_, fmt::format("writing entries before seq {} failed", next_seq_));
  }
  pending_.clear();
}

void EvidenceLog::flush() {
  write_pending();
  if (fd_ >= 0) {
    detail::sync_log_file(fd_, name_);
    return;
  }
  out_->flush();
  if (!*out_) throw Error(ErrorCode::OutputFailed, name_, "flushing the evidence log failed");
}

std::vector<LogEntry> read_log(std::istream& in, const std::string& name) {
  std::vector<LogEntry> entries;
  std::string line;
  std::size_t line_number = 0;
  while (std::getline(in, line)) {
    ++line_number;
    if (line.empty()) continue;
    entries.push_back(parse_entry(line, line_number, name));
  }
  return entries;
}

}  // namespace guarantor::verify
