#include "guarantor/verify/audit.hpp"

#include <fstream>
#include <functional>
#include <set>
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

// A body field of the expected type, or `fallback`: bodies are read from an untrusted file, and a
// field of the wrong type is a finding of the audit, never an exception.
std::uint64_t unsigned_field(const nlohmann::json& body, const char* key) {
  if (!body.is_object()) return 0;
  const auto found = body.find(key);
  return found != body.end() && found->is_number_unsigned() ? found->get<std::uint64_t>() : 0;
}
std::string string_field(const nlohmann::json& body, const char* key) {
  if (!body.is_object()) return {};
  const auto found = body.find(key);
  return found != body.end() && found->is_string() ? found->get<std::string>() : std::string();
}

bool closes_run(std::string_view kind) { return kind == log_kind::RUN_END || kind == log_kind::DAMAGE; }

using AddProblem = std::function<void(TamperKind, std::size_t, std::uint64_t, std::string)>;

// The log's structure beyond the chain: every run ends (run_end, or a recorded damage entry)
// before the next begins, every checkpoint signs the entry just before it, and with keys every
// run's end is followed by a checkpoint that verifies.
void check_runs_and_checkpoints(const std::vector<ParsedLine>& lines, const std::vector<PublicKey>& keys,
                                AuditResult& result, const AddProblem& add) {
  bool open = false, has_work = false;
  std::size_t open_line = 0;
  const LogEntry* previous = nullptr;
  const LogEntry* awaiting_checkpoint = nullptr;
  for (const ParsedLine& parsed : lines) {
    if (!parsed.entry) {
      previous = nullptr;
      continue;
    }
    const LogEntry& entry = *parsed.entry;
    if (awaiting_checkpoint != nullptr && entry.kind != log_kind::CHECKPOINT)
      add(TamperKind::Unsigned, awaiting_checkpoint->line, awaiting_checkpoint->seq,
          fmt::format("the {} entry (seq {}) is not followed by a signed checkpoint", awaiting_checkpoint->kind,
                      awaiting_checkpoint->seq));
    awaiting_checkpoint = nullptr;
    if (entry.kind == log_kind::INPUT || entry.kind == log_kind::RUN_START) {
      if (open && has_work) {
        add(TamperKind::Unclosed, open_line, entry.seq,
            fmt::format("the run that began on this line never ended (no run_end before the run on line {}): it "
                        "was interrupted or its end was removed",
                        entry.line));
        open = false;
      }
      if (!open) open_line = entry.line;
      open = true;
      has_work = entry.kind == log_kind::RUN_START;
    } else if (closes_run(entry.kind)) {
      open = has_work = false;
      if (!keys.empty()) awaiting_checkpoint = &entry;
    } else if (entry.kind == log_kind::CHECKPOINT) {
      const bool placed = previous != nullptr && entry.body.is_object() &&
                          unsigned_field(entry.body, "seq") == previous->seq &&
                          string_field(entry.body, "head") == previous->hash;
      if (!placed) {
        add(TamperKind::ChainBroken, entry.line, entry.seq,
            "the checkpoint does not sign the entry just before it (its seq and head name another entry)");
      } else if (!keys.empty()) {
        switch (check_checkpoint(entry.body, keys)) {
          case CheckpointCheck::Valid: ++result.checkpoints_verified; break;
          case CheckpointCheck::UnknownKey:
            add(TamperKind::Unsigned, entry.line, entry.seq,
                fmt::format("the checkpoint is signed by key {}, which is not one given with --key",
                            string_field(entry.body, "key").substr(0, 16)));
            break;
          case CheckpointCheck::BadSignature:
          case CheckpointCheck::Malformed:
            add(TamperKind::BadSignature, entry.line, entry.seq,
                "the checkpoint's signature does not verify: the entries before it were rewritten");
            break;
        }
      }
    } else {
      has_work = true;
    }
    previous = &entry;
  }
  if (awaiting_checkpoint != nullptr)
    add(TamperKind::Unsigned, awaiting_checkpoint->line, awaiting_checkpoint->seq,
        fmt::format("the log ends with the {} entry (seq {}) without a signed checkpoint", awaiting_checkpoint->kind,
                    awaiting_checkpoint->seq));
}

// A damage entry (guarantor audit --record-damage) lists the problems it acknowledges, by kind
// and line: they are reported as acknowledged (as recorded), and the same problems found again
// before the damage entry no longer fail the audit.
void acknowledge_recorded_damage(const std::vector<ParsedLine>& lines, AuditResult& result) {
  std::set<std::pair<std::string, std::size_t>> recorded;
  std::size_t last_damage_line = 0;
  for (const ParsedLine& parsed : lines) {
    if (!parsed.entry || parsed.entry->kind != log_kind::DAMAGE) continue;
    const auto& body = parsed.entry->body;
    if (!body.is_object() || !body.contains("problems") || !body["problems"].is_array()) continue;
    for (const auto& problem : body["problems"]) {
      if (!problem.is_object()) continue;
      const std::string kind = string_field(problem, "kind");
      const auto line = static_cast<std::size_t>(unsigned_field(problem, "line"));
      recorded.emplace(kind, line);
      AuditProblem acknowledged;
      for (int k = 0; k <= static_cast<int>(TamperKind::BadSignature); ++k)
        if (to_string(static_cast<TamperKind>(k)) == kind) acknowledged.kind = static_cast<TamperKind>(k);
      acknowledged.line = line;
      acknowledged.seq = unsigned_field(problem, "seq");
      const std::string message = string_field(problem, "message");
      acknowledged.message = fmt::format("{} (recorded on line {})", message.empty() ? kind : message, parsed.line);
      result.acknowledged.push_back(std::move(acknowledged));
    }
    const std::string partial = string_field(body, "partial_line");
    if (!partial.empty())
      result.acknowledged.push_back({TamperKind::Malformed, parsed.line, parsed.entry->seq,
                                     fmt::format("an incomplete line of {} bytes was cut off here (recorded on line {})",
                                                 partial.size(), parsed.line)});
    last_damage_line = parsed.line;
  }
  if (recorded.empty()) return;
  std::vector<AuditProblem> remaining;
  for (AuditProblem& problem : result.problems) {
    const bool known = problem.line < last_damage_line &&
                       recorded.count({std::string(to_string(problem.kind)), problem.line}) > 0;
    if (!known) remaining.push_back(std::move(problem));
  }
  result.problems = std::move(remaining);
}

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
    case TamperKind::Unclosed: return "unclosed";
    case TamperKind::Unsigned: return "unsigned";
    case TamperKind::BadSignature: return "bad_signature";
  }
  return "unknown";
}

AuditResult audit_log(std::istream& in, const std::string& name, const std::string& expected_head) {
  return audit_log(in, name, expected_head, {});
}

AuditResult audit_log(std::istream& in, const std::string& name, const std::string& expected_head,
                      const std::vector<PublicKey>& keys) {
  // Read every line first: telling "removed" from "reordered" needs to know whether a missing
  // sequence number turns up later.
  std::vector<ParsedLine> lines;
  // Sequence numbers present, per stretch of the log between damage entries. A damage entry and
  // everything appended after it (its checkpoint, later runs) take numbers after the last readable
  // entry, which may be numbers that went missing before it; they never stand for a moved entry,
  // so a gap before a damage entry is judged only by what lies before it. Otherwise recording the
  // damage, or appending the next run, would turn a recorded "removed" into "reordered".
  std::vector<std::unordered_set<std::uint64_t>> seqs_present(1);
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
        if (parsed.entry->kind == log_kind::DAMAGE) seqs_present.emplace_back();
        else seqs_present.back().insert(parsed.entry->seq);
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
  std::size_t stretch = 0;  // index into seqs_present
  for (const ParsedLine& parsed : lines) {
    if (!parsed.entry) {
      add(TamperKind::Malformed, parsed.line, expected_seq, fmt::format("unreadable entry ({})", parsed.error));
      ++expected_seq;
      previous_ok = false;
      continue;
    }
    const LogEntry& entry = *parsed.entry;
    ++result.entries;
    if (entry.kind == log_kind::DAMAGE) ++stretch;
    const std::string recomputed = sha256_hex(canonical_entry_text(entry.seq, entry.kind, entry.body, entry.prev));
    const bool self_ok = recomputed == entry.hash;
    if (!self_ok) {
      add(TamperKind::Altered, parsed.line, entry.seq,
          fmt::format("entry seq {} ({}) was altered: its content hashes to {}, the entry says {}", entry.seq,
                      entry.kind, recomputed.substr(0, 16), entry.hash.substr(0, 16)));
    }
    // A damage entry continues the chain from the last readable entry, whatever came between:
    // what it skipped over is listed in its body and reported as acknowledged.
    const bool damage_link = entry.kind == log_kind::DAMAGE && self_ok &&
                             (last != nullptr ? entry.prev == last->hash && entry.seq == last->seq + 1
                                              : entry.prev == GENESIS_HASH && entry.seq == 0);
    if (damage_link) {
      // linked as recorded
    } else if (entry.seq != expected_seq) {
      if (entry.seq > expected_seq) {
        const bool appears_later = seqs_present[stretch].count(expected_seq) > 0;
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

  check_runs_and_checkpoints(lines, keys, result, add);

  if (last == nullptr) {
    add(TamperKind::Truncated, 0, 0, "the log holds no entries");
  } else {
    result.head_hash = last->hash;
    if (!closes_run(last->kind) && last->kind != log_kind::CHECKPOINT) {
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
  acknowledge_recorded_damage(lines, result);
  return result;
}

AuditResult audit_log_file(const std::filesystem::path& path, const std::string& expected_head,
                           const std::vector<PublicKey>& keys) {
  std::ifstream in(path, std::ios::binary);
  if (!in) throw Error(ErrorCode::FileNotFound, path.string(), "cannot open the evidence log");
  return audit_log(in, path.string(), expected_head, keys);
}

}  // namespace guarantor::verify
