// The append-only history: every write with who, when, before and after, chained by SHA-256
// exactly as the evidence log is (verify::canonical_entry_text), so one audit rule covers both.
#include <fmt/format.h>

#include "guarantor/core/sha256.hpp"
#include "guarantor/verify/evidence_log.hpp"
#include "workspace_impl.hpp"

namespace guarantor::store {

namespace {
using nlohmann::json;

json body_of(const HistoryEntry& entry) {
  return {{"at", entry.at},         {"actor", entry.actor}, {"entity", entry.entity},
          {"entity_id", entry.entity_id}, {"before", entry.before}, {"after", entry.after}};
}

std::string hash_of(const HistoryEntry& entry) {
  return sha256_hex(verify::canonical_entry_text(static_cast<std::uint64_t>(entry.seq), entry.action, body_of(entry),
                                                 entry.prev_hash));
}

json parse_or_null(const db::Statement& row, int column) {
  return row.is_null(column) ? json() : json::parse(row.text(column));
}

std::vector<HistoryEntry> read_history(db::Connection& connection, const std::string& entity,
                                       const std::string& entity_id) {
  auto select = connection.prepare(
      "SELECT seq, at, actor, action, entity, entity_id, before_json, after_json, prev_hash, hash FROM history "
      "WHERE (?1 = '' OR entity = ?1) AND (?2 = '' OR entity_id = ?2) ORDER BY seq");
  select.bind(1, entity).bind(2, entity_id);
  std::vector<HistoryEntry> entries;
  while (select.step()) {
    HistoryEntry entry;
    entry.seq = select.integer(0);
    entry.at = select.text(1);
    entry.actor = select.text(2);
    entry.action = select.text(3);
    entry.entity = select.text(4);
    entry.entity_id = select.text(5);
    entry.before = parse_or_null(select, 6);
    entry.after = parse_or_null(select, 7);
    entry.prev_hash = select.text(8);
    entry.hash = select.text(9);
    entries.push_back(std::move(entry));
  }
  return entries;
}
}  // namespace

namespace detail {

std::pair<std::int64_t, std::string> read_history_head(db::Connection& connection) {
  auto last = connection.prepare("SELECT seq, hash FROM history ORDER BY seq DESC LIMIT 1");
  if (last.step()) return {last.integer(0), last.text(1)};
  return {0, ""};
}

void append_history(db::Connection& connection, const std::string& at, const std::string& actor,
                    const std::string& action, const std::string& entity, const std::string& entity_id,
                    const json& before, const json& after) {
  HistoryEntry entry{0, at, actor, action, entity, entity_id, before, after, std::string(verify::GENESIS_HASH), ""};
  auto [last_seq, last_hash] = read_history_head(connection);
  entry.seq = last_seq + 1;
  if (last_seq > 0) entry.prev_hash = std::move(last_hash);
  entry.hash = hash_of(entry);
  auto insert = connection.prepare(
      "INSERT INTO history (seq, at, actor, action, entity, entity_id, before_json, after_json, prev_hash, hash) "
      "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10)");
  insert.bind(1, entry.seq).bind(2, at).bind(3, actor).bind(4, action).bind(5, entity).bind(6, entity_id);
  if (before.is_null()) insert.bind_null(7);
  else insert.bind(7, before.dump());
  if (after.is_null()) insert.bind_null(8);
  else insert.bind(8, after.dump());
  insert.bind(9, entry.prev_hash).bind(10, entry.hash).run();
}

}  // namespace detail

std::vector<HistoryEntry> Workspace::history(const std::string& entity, const std::string& entity_id) const {
  const auto reader = impl_->read();
  return read_history(reader.connection(), entity, entity_id);
}

std::int64_t Workspace::verify_history() const {
  const auto reader = impl_->read();
  std::string previous(verify::GENESIS_HASH);
  std::int64_t expected_seq = 1;
  for (const auto& entry : read_history(reader.connection(), {}, {})) {
    const std::string where = fmt::format("{} history seq {}", reader.connection().name(), entry.seq);
    if (entry.seq != expected_seq)
      throw Error(ErrorCode::Tampered, where, fmt::format("expected seq {}; an entry was removed", expected_seq));
    if (entry.prev_hash != previous)
      throw Error(ErrorCode::Tampered, where, "prev_hash does not match the previous entry's hash");
    if (hash_of(entry) != entry.hash)
      throw Error(ErrorCode::Tampered, where, "hash does not match the entry's content; the entry was altered");
    previous = entry.hash;
    ++expected_seq;
  }
  return expected_seq - 1;
}

}  // namespace guarantor::store
