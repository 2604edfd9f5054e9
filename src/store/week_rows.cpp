// Weeks and decisions as rows of week and decision. One week is open at a time; closing it
// stores its snapshot once. Every write is one transaction with its history entry.
#include <fmt/format.h>

#include "guarantor/core/date.hpp"
#include "guarantor/core/sha256.hpp"
#include "guarantor/store/weeks.hpp"
#include "guarantor/store/workspace.hpp"
#include "workspace_impl.hpp"

namespace guarantor::store {

namespace {
using nlohmann::json;
constexpr const char* SELECT_WEEK =
    "SELECT number, starts_on, opened_at, opened_by, closed_at, closed_by, snapshot_json, version FROM week ";
constexpr const char* SELECT_DECISION =
    "SELECT id, week, body, owner, due_week, status, created_at, created_by, version FROM decision ";
constexpr std::size_t MAX_TEXT = 4000;
constexpr std::size_t MAX_OWNER = 100;

WeekRecord row_to_week(const db::Statement& row) {
  WeekRecord week;
  week.number = row.integer(0);
  week.starts_on = row.text(1);
  week.opened_at = row.text(2);
  week.opened_by = row.text(3);
  week.closed_at = row.is_null(4) ? "" : row.text(4);
  week.closed_by = row.is_null(5) ? "" : row.text(5);
  week.snapshot = row.is_null(6) ? json() : json::parse(row.text(6));
  week.version = row.integer(7);
  return week;
}

DecisionRecord row_to_decision(const db::Statement& row) {
  return {row.integer(0), row.integer(1), row.text(2), row.text(3), row.integer(4),
          row.text(5),    row.text(6),    row.text(7), row.integer(8)};
}

std::optional<WeekRecord> read_week(db::Connection& connection, std::int64_t number) {
  auto select = connection.prepare(std::string(SELECT_WEEK) + "WHERE number = ?1");
  select.bind(1, number);
  if (select.step()) return row_to_week(select);
  return std::nullopt;
}

std::optional<DecisionRecord> read_decision(db::Connection& connection, std::int64_t id) {
  auto select = connection.prepare(std::string(SELECT_DECISION) + "WHERE id = ?1");
  select.bind(1, id);
  if (select.step()) return row_to_decision(select);
  return std::nullopt;
}
}  // namespace

json encode_week(const WeekRecord& w) {
  json out = {{"number", w.number},       {"starts_on", w.starts_on}, {"opened_at", w.opened_at},
              {"opened_by", w.opened_by}, {"closed", w.closed()},     {"version", w.version}};
  if (w.closed()) out["closed_at"] = w.closed_at, out["closed_by"] = w.closed_by;
  return out;
}

json encode_decision(const DecisionRecord& d) {
  return {{"id", d.id},           {"week", d.week},         {"text", d.text},
          {"owner", d.owner},     {"due_week", d.due_week}, {"status", d.status},
          {"created_at", d.created_at}, {"created_by", d.created_by}, {"version", d.version}};
}

std::vector<WeekRecord> Workspace::weeks() const {
  const auto reader = impl_->read();
  auto select = reader.connection().prepare(std::string(SELECT_WEEK) + "ORDER BY number");
  std::vector<WeekRecord> weeks;
  while (select.step()) weeks.push_back(row_to_week(select));
  return weeks;
}

std::optional<WeekRecord> Workspace::week(std::int64_t number) const {
  const auto reader = impl_->read();
  return read_week(reader.connection(), number);
}

WeekRecord Workspace::open_week(const std::string& starts_on, const std::string& actor) {
  if (!parse_iso_date(starts_on))
    throw Error(ErrorCode::Schema, "request body /starts_on", fmt::format("got \"{}\"; expected a date YYYY-MM-DD", starts_on));
  return impl_->grouped_write<WeekRecord>([&](db::Connection& connection) -> WeekRecord {
    auto last = connection.prepare(std::string(SELECT_WEEK) + "ORDER BY number DESC LIMIT 1");
    WeekRecord week;
    week.number = 1;
    if (last.step()) {
      const WeekRecord previous = row_to_week(last);
      if (!previous.closed())
        throw Error(ErrorCode::Consistency, "request body",
                    fmt::format("week {} is still open; close it before opening the next", previous.number));
      if (*parse_iso_date(starts_on) <= *parse_iso_date(previous.starts_on))
        throw Error(
            ErrorCode::Consistency, "request body /starts_on",
            fmt::format("got {}; expected a date after week {}'s {}", starts_on, previous.number, previous.starts_on));
      week.number = previous.number + 1;
    }
    week.starts_on = starts_on;
    week.opened_at = impl_->clock();
    week.opened_by = actor;
    connection.prepare("INSERT INTO week (number, starts_on, opened_at, opened_by, version) VALUES (?1, ?2, ?3, ?4, 1)")
        .bind(1, week.number)
        .bind(2, starts_on)
        .bind(3, week.opened_at)
        .bind(4, actor)
        .run();
    detail::append_history(connection, week.opened_at, actor, "create", "week", std::to_string(week.number), nullptr,
                           encode_week(week));
    return week;
  });
}

WeekRecord Workspace::close_week(std::int64_t number, const json& snapshot, std::optional<std::int64_t> expected_version,
                                 const std::string& actor) {
  return impl_->grouped_write<WeekRecord>([&](db::Connection& connection) -> WeekRecord {
    auto week = read_week(connection, number);
    if (!week) throw NotFound("week", std::to_string(number));
    detail::check_version(fmt::format("week {}", number), expected_version, week->version);
    if (week->closed())
      throw Error(ErrorCode::Consistency, fmt::format("week {}", number),
                  fmt::format("already closed by {} at {}", week->closed_by, week->closed_at));
    const json before = encode_week(*week);
    week->closed_at = impl_->clock();
    week->closed_by = actor;
    week->snapshot = snapshot;
    ++week->version;
    connection
        .prepare("UPDATE week SET closed_at = ?1, closed_by = ?2, snapshot_json = ?3, version = ?4 WHERE number = ?5")
        .bind(1, week->closed_at)
        .bind(2, actor)
        .bind(3, snapshot.dump())
        .bind(4, week->version)
        .bind(5, number)
        .run();
    // The history keeps the snapshot's digest, not its bulk: the snapshot row cannot change after
    // close, and the digest lets an audit show it did not.
    json after = encode_week(*week);
    after["snapshot_sha256"] = sha256_hex(snapshot.dump());
    detail::append_history(connection, week->closed_at, actor, "close", "week", std::to_string(number), before, after);
    return *week;
  });
}

DecisionRecord Workspace::add_decision(std::int64_t week_number, const std::string& text, const std::string& owner,
                                       std::int64_t due_week, const std::string& actor) {
  DiagnosticSink sink;
  if (text.empty() || text.size() > MAX_TEXT)
    sink.add(ErrorCode::Schema, "request body /text", fmt::format("expected 1 to {} characters", MAX_TEXT));
  if (owner.empty() || owner.size() > MAX_OWNER)
    sink.add(ErrorCode::Schema, "request body /owner", fmt::format("expected an owner of 1 to {} characters", MAX_OWNER));
  if (due_week < week_number)
    sink.add(ErrorCode::Schema, "request body /due_week",
             fmt::format("got {}; expected this week ({}) or a later one", due_week, week_number));
  sink.throw_if_any();
  return impl_->grouped_write<DecisionRecord>([&](db::Connection& connection) -> DecisionRecord {
    const auto week = read_week(connection, week_number);
    if (!week) throw NotFound("week", std::to_string(week_number));
    if (week->closed())
      throw Error(ErrorCode::Consistency, fmt::format("week {}", week_number),
                  "the week is closed; record the decision in the open week");
    DecisionRecord decision{0, week_number, text, owner, due_week, "open", impl_->clock(), actor, 1};
    auto insert = connection.prepare(
        "INSERT INTO decision (week, body, owner, due_week, status, created_at, created_by, version) "
        "VALUES (?1, ?2, ?3, ?4, 'open', ?5, ?6, 1) RETURNING id");
    insert.bind(1, week_number)
        .bind(2, text)
        .bind(3, owner)
        .bind(4, due_week)
        .bind(5, decision.created_at)
        .bind(6, actor);
    insert.step();
    decision.id = insert.integer(0);
    insert.reset();
    detail::append_history(connection, decision.created_at, actor, "create", "decision", std::to_string(decision.id),
                           nullptr, encode_decision(decision));
    return decision;
  });
}

std::vector<DecisionRecord> Workspace::decisions() const {
  const auto reader = impl_->read();
  auto select = reader.connection().prepare(std::string(SELECT_DECISION) + "ORDER BY id");
  std::vector<DecisionRecord> decisions;
  while (select.step()) decisions.push_back(row_to_decision(select));
  return decisions;
}

DecisionRecord Workspace::set_decision_status(std::int64_t id, const std::string& status,
                                              std::optional<std::int64_t> expected_version, const std::string& actor) {
  if (status != "open" && status != "done" && status != "dropped")
    throw Error(ErrorCode::Schema, "request body /status", fmt::format("got \"{}\"; expected open, done or dropped", status));
  return impl_->grouped_write<DecisionRecord>([&](db::Connection& connection) -> DecisionRecord {
    auto decision = read_decision(connection, id);
    if (!decision) throw NotFound("decision", std::to_string(id));
    detail::check_version(fmt::format("decision {}", id), expected_version, decision->version);
    const json before = encode_decision(*decision);
    decision->status = status;
    ++decision->version;
    connection.prepare("UPDATE decision SET status = ?1, version = ?2 WHERE id = ?3")
        .bind(1, status)
        .bind(2, decision->version)
        .bind(3, id)
        .run();
    detail::append_history(connection, impl_->clock(), actor, "update", "decision", std::to_string(id), before,
                           encode_decision(*decision));
    return *decision;
  });
}

}  // namespace guarantor::store
