#include "guarantor/verify/evidence_log.hpp"

#include <istream>

#include <fmt/format.h>

#include "guarantor/core/error.hpp"
#include "guarantor/core/sha256.hpp"

namespace guarantor::verify {
namespace {

using Json = nlohmann::json;

// Invalid UTF-8 in a report is replaced (U+FFFD) rather than refused: the log must hold every
// report, and the replacement survives parse + dump unchanged, so hashes stay reproducible.
std::string dump_canonical(const Json& value) {
  return value.dump(-1, ' ', false, Json::error_handler_t::replace);
}

LogEntry parse_entry(const std::string& text, std::size_t line, const std::string& name) {
  const std::string where = fmt::format("{}:{}", name, line);
  Json value = Json::parse(text, nullptr, false);
  if (value.is_discarded() || !value.is_object())
    throw Error(ErrorCode::Tampered, where, "not a JSON object; every line of an evidence log is one entry");
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

EvidenceLog::EvidenceLog(std::unique_ptr<std::ofstream> file, std::uint64_t next_seq, std::string head)
    : file_(std::move(file)), out_(file_.get()), next_seq_(next_seq), head_(std::move(head)) {}

EvidenceLog::EvidenceLog(EvidenceLog&& other) noexcept
    : file_(std::move(other.file_)), out_(other.out_), next_seq_(other.next_seq_), head_(std::move(other.head_)),
      name_(std::move(other.name_)) {}

EvidenceLog::~EvidenceLog() {
  if (out_ != nullptr) out_->flush();
}

EvidenceLog EvidenceLog::open_file(const std::filesystem::path& path) {
  std::uint64_t next_seq = 0;
  std::string head(GENESIS_HASH);
  {
    std::ifstream existing(path);
    if (existing) {
      // Continue the chain from the last entry; the whole file is audited by `guarantor audit`.
      std::string line, last;
      std::size_t line_number = 0, last_number = 0;
      while (std::getline(existing, line)) {
        ++line_number;
        if (!line.empty()) {
          last = std::move(line);
          last_number = line_number;
        }
      }
      if (!last.empty()) {
        const LogEntry entry = parse_entry(last, last_number, path.string());
        next_seq = entry.seq + 1;
        head = entry.hash;
      }
    }
  }
  auto file = std::make_unique<std::ofstream>(path, std::ios::app | std::ios::binary);
  if (!*file)
    throw Error(ErrorCode::OutputFailed, path.string(), "cannot open the evidence log for appending");
  EvidenceLog log(std::move(file), next_seq, std::move(head));
  log.name_ = path.string();
  return log;
}

const std::string& EvidenceLog::append(std::string_view kind, const nlohmann::json& body) {
  std::string text = canonical_entry_text(next_seq_, kind, body, head_);
  std::string hash = sha256_hex(text);
  // Insert "hash" as the last member by hand: cheaper than a second serialisation, and the
  // reader recomputes over the canonical form, not these bytes.
  text.pop_back();
  text += ",\"hash\":\"";
  text += hash;
  text += "\"}\n";
  out_->write(text.data(), static_cast<std::streamsize>(text.size()));
  if (!*out_) throw Error(ErrorCode::OutputFailed, name_, fmt::format("writing entry {} failed", next_seq_));
  ++next_seq_;
  head_ = std::move(hash);
  return head_;
}

void EvidenceLog::flush() {
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
