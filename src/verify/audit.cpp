#include "guarantor/verify/audit.hpp"

#include <fstream>
#include <optional>
#include <sstream>
#include <unordered_set>

#include <fmt/format.h>

#include "guarantor/core/error.hpp"
#include "guarantor/core/sha256.hpp"
#include "guarantor/verify/evidence_log.hpp"

namespace guarantor::verify {
namespace {

struct ParsedLine {
  std::size_t line = 0;
  std::optional<LogEntry> entry;  ///< nullopt when the line is malformed
  std::string error;
};

}  // namespace

std::string_view to_string(TamperKind kind) {
  switch (kind) {
    case TamperKind::Malformed: return "malformed";
    case TamperKind::Altered: return "altered";
    case TamperKind::Removed: return "removed";
    case TamperKind::Reordered: return "reordered";
    case TamperKind::ChainBroken: return "chain_broken";
    case TamperKind::Truncated: return "truncated";
    case TamperKind::HeadMismatch: return "head_mismatch";
  }
  return "unknown";
}

AuditResult audit_log(std::istream& in, const std::string& name, const std::string& expected_head) {
  // Read every line first: telling "removed" from "reordered" needs to know whether a missing
  // sequence number turns up later.
  std::vector<ParsedLine> lines;
  std::unordered_set<std::uint64_t> seqs_present;
  std::string text;
  std::size_t line_number = 0;
  while (std::getline(in, text)) {
    ++line_number;
    if (text.empty()) continue;
    ParsedLine parsed;
    parsed.line = line_number;
    std::istringstream one(text);
    try {
      auto entries = read_log(one, name);
      if (entries.size() == 1) {
        parsed.entry = std::move(entries.front());
        parsed.entry->line = line_number;
        seqs_present.insert(parsed.entry->seq);
      }
    } catch (const Error& e) {
      parsed.error = e.diagnostics().front().message;
    }
    lines.push_back(std::move(parsed));
  }

  AuditResult result;
  const auto where = [&](std::size_t line) { return fmt::format("{}:{}", name, line); };
  const auto add = [&](TamperKind kind, std::size_t line, std::uint64_t seq, std::string message) {
    result.problems.push_back({kind, line, seq, fmt::format("{}: {}", where(line), message)});
  };

  std::uint64_t expected_seq = 0;
  std::string previous_hash(GENESIS_HASH);
  std::size_t previous_line = 0;
  bool previous_ok = true;  // whether the previous entry's own hash checked out
  const LogEntry* last = nullptr;
  for (const ParsedLine& parsed : lines) {
    if (!parsed.entry) {
      add(TamperKind::Malformed, parsed.line, expected_seq, fmt::format("unreadable entry ({})", parsed.error));
      ++expected_seq;
      previous_ok = false;
      continue;
    }
    const LogEntry& entry = *parsed.entry;
    ++result.entries;
    const std::string recomputed = sha256_hex(canonical_entry_text(entry.seq, entry.kind, entry.body, entry.prev));
    const bool self_ok = recomputed == entry.hash;
    if (!self_ok) {
      add(TamperKind::Altered, parsed.line, entry.seq,
          fmt::format("entry seq {} ({}) was altered: its content hashes to {}, the entry says {}", entry.seq,
                      entry.kind, recomputed.substr(0, 16), entry.hash.substr(0, 16)));
    }
    if (entry.seq != expected_seq) {
      if (entry.seq > expected_seq) {
        const bool appears_later = seqs_present.count(expected_seq) > 0;
        if (appears_later) {
          add(TamperKind::Reordered, parsed.line, entry.seq,
              fmt::format("entry seq {} found where seq {} was expected: entries were reordered", entry.seq,
                          expected_seq));
        } else {
          add(TamperKind::Removed, parsed.line, expected_seq,
              entry.seq == expected_seq + 1
                  ? fmt::format("entry seq {} is missing before this line: it was removed", expected_seq)
                  : fmt::format("entries seq {}..{} are missing before this line: they were removed", expected_seq,
                                entry.seq - 1));
        }
      } else {
        add(TamperKind::Reordered, parsed.line, entry.seq,
            fmt::format("entry seq {} found after seq {}: entries were reordered or duplicated", entry.seq,
                        expected_seq - 1));
      }
    } else if (entry.prev != previous_hash && previous_ok && self_ok) {
      // Sequence is intact and both entries hash correctly, yet the link is wrong: the previous
      // entry was changed and re-hashed (or this one's prev rewritten).
      if (previous_line != 0) {
        add(TamperKind::Altered, previous_line, entry.seq - 1,
            fmt::format("entry seq {} was altered and re-hashed: the next entry (line {}) was chained to a "
                        "different hash",
                        entry.seq - 1, parsed.line));
      } else {
        add(TamperKind::ChainBroken, parsed.line, entry.seq,
            "the first entry does not start from the genesis hash: entries before it were removed");
      }
    }
    expected_seq = entry.seq + 1;
    previous_hash = entry.hash;
    previous_line = parsed.line;
    previous_ok = self_ok;
    last = &entry;
  }

  if (last == nullptr) {
    add(TamperKind::Truncated, 0, 0, "the log holds no entries");
  } else {
    result.head_hash = last->hash;
    if (last->kind != log_kind::RUN_END) {
      add(TamperKind::Truncated, last->line, last->seq,
          fmt::format("the log ends with a {} entry (seq {}), not run_end: entries after it were removed",
                      last->kind, last->seq));
    }
    if (!expected_head.empty() && expected_head != last->hash) {
      add(TamperKind::HeadMismatch, last->line, last->seq,
          fmt::format("the last hash is {}, the published head is {}: the log was rewritten", last->hash,
                      expected_head));
    }
  }
  return result;
}

AuditResult audit_log_file(const std::filesystem::path& path, const std::string& expected_head) {
  std::ifstream in(path, std::ios::binary);
  if (!in) throw Error(ErrorCode::FileNotFound, path.string(), "cannot open the evidence log");
  return audit_log(in, path.string(), expected_head);
}

}  // namespace guarantor::verify
