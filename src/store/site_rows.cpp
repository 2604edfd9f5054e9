// Site negotiation: status, lead nation, infrastructure assessment and comments, as rows of
// site_negotiation and site_comment. A site without a row is proposed and unassessed (version
// 0); the first write creates the row. Every write is one transaction with its history entry.
#include <algorithm>
#include <type_traits>

#include <fmt/format.h>

#include "guarantor/core/date.hpp"
#include "guarantor/store/sites.hpp"
#include "workspace_impl.hpp"

namespace guarantor::store {

namespace {
using nlohmann::json;
constexpr std::string_view MEDICAL_LEVELS[] = {"none", "role1", "role2", "role3"};
// Upper bounds that only catch typing errors (a runway of 40 km, 10 GW at one base): the longest
// runways in service are about 5.5 km.
constexpr std::int64_t MAX_RUNWAY_M = 6000;
constexpr std::int64_t MAX_HOUSING = 1'000'000;

constexpr const char* SELECT_SITE =
    "SELECT site_id, status, lead_nation, runway_m, rail_siding, rail_gauge_mm, housing_personnel, "
    "protected_storage_m2, power_mw, medical, assessed_on, notes, version, updated_at FROM site_negotiation ";

SiteNegotiationRecord row_to_record(const db::Statement& row) {
  SiteNegotiationRecord record;
  record.site_id = row.text(0);
  record.status = model::site_negotiation_from_string(row.text(1)).value_or(model::SiteNegotiation::Proposed);
  record.lead_nation = row.text(2);
  auto& a = record.assessment;
  if (!row.is_null(3)) a.runway_m = row.integer(3);
  if (!row.is_null(4)) a.rail_siding = row.integer(4) != 0;
  if (!row.is_null(5)) a.rail_gauge_mm = row.integer(5);
  if (!row.is_null(6)) a.housing_personnel = row.integer(6);
  if (!row.is_null(7)) a.protected_storage_m2 = row.real(7);
  if (!row.is_null(8)) a.power_mw = row.real(8);
  a.medical = row.text(9);
  a.assessed_on = row.text(10);
  a.notes = row.text(11);
  record.version = row.integer(12);
  record.updated_at = row.text(13);
  return record;
}

std::optional<SiteNegotiationRecord> read_site(db::Connection& connection, const std::string& site_id) {
  auto select = connection.prepare(std::string(SELECT_SITE) + "WHERE site_id = ?1");
  select.bind(1, site_id);
  if (select.step()) return row_to_record(select);
  return std::nullopt;
}

template <typename T>
void bind_optional(db::Statement& statement, int index, const std::optional<T>& value) {
  if (!value) statement.bind_null(index);
  else if constexpr (std::is_same_v<T, double>) statement.bind(index, *value);
  else statement.bind(index, static_cast<std::int64_t>(*value));
}

// Writes the whole record (insert or replace), so each write path names every column once.
void store_site(db::Connection& connection, const SiteNegotiationRecord& record) {
  connection.prepare("DELETE FROM site_negotiation WHERE site_id = ?1").bind(1, record.site_id).run();
  auto insert = connection.prepare(
      "INSERT INTO site_negotiation (site_id, status, lead_nation, runway_m, rail_siding, rail_gauge_mm, "
      "housing_personnel, protected_storage_m2, power_mw, medical, assessed_on, notes, version, updated_at) "
      "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14)");
  const auto& a = record.assessment;
  insert.bind(1, record.site_id).bind(2, model::to_string(record.status)).bind(3, record.lead_nation);
  bind_optional(insert, 4, a.runway_m);
  bind_optional(insert, 5, a.rail_siding);
  bind_optional(insert, 6, a.rail_gauge_mm);
  bind_optional(insert, 7, a.housing_personnel);
  bind_optional(insert, 8, a.protected_storage_m2);
  bind_optional(insert, 9, a.power_mw);
  insert.bind(10, a.medical).bind(11, a.assessed_on).bind(12, a.notes).bind(13, record.version).bind(14, record.updated_at);
  insert.run();
}

json without_bookkeeping(const SiteNegotiationRecord& record) {
  json encoded = encode_site_negotiation(record);
  encoded.erase("version");
  encoded.erase("updated_at");
  return encoded;
}
}  // namespace

json encode_assessment(const InfrastructureAssessment& a) {
  json out = json::object();
  if (a.runway_m) out["runway_m"] = *a.runway_m;
  if (a.rail_siding) out["rail_siding"] = *a.rail_siding;
  if (a.rail_gauge_mm) out["rail_gauge_mm"] = *a.rail_gauge_mm;
  if (a.housing_personnel) out["housing_personnel"] = *a.housing_personnel;
  if (a.protected_storage_m2) out["protected_storage_m2"] = *a.protected_storage_m2;
  if (a.power_mw) out["power_mw"] = *a.power_mw;
  if (!a.medical.empty()) out["medical"] = a.medical;
  if (!a.assessed_on.empty()) out["assessed_on"] = a.assessed_on;
  if (!a.notes.empty()) out["notes"] = a.notes;
  return out;
}

json encode_site_negotiation(const SiteNegotiationRecord& record) {
  return {{"site_id", record.site_id},          {"status", model::to_string(record.status)},
          {"lead_nation", record.lead_nation},  {"assessment", encode_assessment(record.assessment)},
          {"version", record.version},          {"updated_at", record.updated_at}};
}

InfrastructureAssessment decode_assessment(const json& value, const std::string& pointer) {
  DiagnosticSink sink;
  InfrastructureAssessment a;
  if (!value.is_object()) {
    throw Error(ErrorCode::Schema, pointer, fmt::format("got {}; expected an object", value.type_name()));
  }
  auto where = [&](const std::string& key) { return fmt::format("{}/{}", pointer, key); };
  auto whole = [&](const std::string& key, std::int64_t low, std::int64_t high) -> std::optional<std::int64_t> {
    const json& v = value.at(key);
    if (v.is_number_integer() && v.get<std::int64_t>() >= low && v.get<std::int64_t>() <= high) return v.get<std::int64_t>();
    sink.add(ErrorCode::Schema, where(key), fmt::format("got {}; expected a whole number from {} to {}", v.dump(), low, high));
    return std::nullopt;
  };
  auto non_negative = [&](const std::string& key) -> std::optional<double> {
    const json& v = value.at(key);
    if (v.is_number() && v.get<double>() >= 0) return v.get<double>();
    sink.add(ErrorCode::Schema, where(key), fmt::format("got {}; expected a number of at least 0", v.dump()));
    return std::nullopt;
  };
  auto text = [&](const std::string& key) -> std::string {
    const json& v = value.at(key);
    if (v.is_string() && v.get<std::string>().size() <= 4000) return v.get<std::string>();
    sink.add(ErrorCode::Schema, where(key), "expected a string of at most 4000 characters");
    return {};
  };
  for (const auto& [key, member] : value.items()) {
    if (key == "runway_m") a.runway_m = whole(key, 0, MAX_RUNWAY_M);
    else if (key == "rail_siding") {
      if (member.is_boolean()) a.rail_siding = member.get<bool>();
      else sink.add(ErrorCode::Schema, where(key), fmt::format("got {}; expected true or false", member.dump()));
    } else if (key == "rail_gauge_mm") {
      a.rail_gauge_mm = whole(key, 0, 2000);
      if (a.rail_gauge_mm && *a.rail_gauge_mm != 1435 && *a.rail_gauge_mm != 1520) {
        sink.add(ErrorCode::Schema, where(key), fmt::format("got {}; expected 1520 (Ukraine) or 1435 (EU standard)", *a.rail_gauge_mm));
        a.rail_gauge_mm.reset();
      }
    } else if (key == "housing_personnel") a.housing_personnel = whole(key, 0, MAX_HOUSING);
    else if (key == "protected_storage_m2") a.protected_storage_m2 = non_negative(key);
    else if (key == "power_mw") a.power_mw = non_negative(key);
    else if (key == "medical") {
      a.medical = text(key);
      if (std::find(std::begin(MEDICAL_LEVELS), std::end(MEDICAL_LEVELS), a.medical) == std::end(MEDICAL_LEVELS))
        sink.add(ErrorCode::Schema, where(key), fmt::format("got {}; expected none, role1, role2 or role3", member.dump()));
    } else if (key == "assessed_on") {
      a.assessed_on = text(key);
      if (!parse_iso_date(a.assessed_on))
        sink.add(ErrorCode::Schema, where(key), fmt::format("got {}; expected a date YYYY-MM-DD", member.dump()));
    } else if (key == "notes") a.notes = text(key);
    else
      sink.add(ErrorCode::Schema, where(key),
               "unknown member; expected runway_m, rail_siding, rail_gauge_mm, housing_personnel, "
               "protected_storage_m2, power_mw, medical, assessed_on or notes");
  }
  sink.throw_if_any();
  return a;
}

std::vector<SiteNegotiationRecord> Workspace::site_negotiations() const {
  const auto reader = impl_->read();
  auto select = reader.connection().prepare(std::string(SELECT_SITE) + "ORDER BY site_id");
  std::vector<SiteNegotiationRecord> records;
  while (select.step()) records.push_back(row_to_record(select));
  return records;
}

SiteNegotiationRecord Workspace::site_negotiation(const std::string& site_id) const {
  const auto reader = impl_->read();
  auto record = read_site(reader.connection(), site_id);
  if (record) return *record;
  return unrecorded_site(site_id);
}

SiteNegotiationRecord Workspace::set_site_status(const std::string& site_id, model::SiteNegotiation status,
                                                 const std::string& lead_nation, const std::string& comment,
                                                 std::optional<std::int64_t> expected_version, const std::string& actor) {
  return impl_->grouped_write<SiteNegotiationRecord>([&](db::Connection& connection) -> SiteNegotiationRecord {
    SiteNegotiationRecord record = read_site(connection, site_id).value_or(unrecorded_site(site_id));
    detail::check_version("site " + site_id, expected_version, record.version);
    if (status != record.status && !model::legal_site_transition(record.status, status)) {
      throw Error(ErrorCode::Consistency, "request body /status",
                  fmt::format("site {} is {}; it cannot become {} (proposed -> surveyed -> offered -> agreed, or "
                              "rejected from any open status; agreed and rejected are final)",
                              site_id, model::to_string(record.status), model::to_string(status)));
    }
    if (!lead_nation.empty() && detail::read_nations(connection, lead_nation).empty())
      throw Error(ErrorCode::Reference, "request body /lead_nation",
                  fmt::format("got \"{}\"; expected a nation of the workspace", lead_nation));
    const json before = without_bookkeeping(record);
    record.status = status;
    record.lead_nation = lead_nation;
    ++record.version;
    record.updated_at = impl_->clock();
    store_site(connection, record);
    json after = without_bookkeeping(record);
    if (!comment.empty()) after["comment"] = comment;
    detail::append_history(connection, record.updated_at, actor, "update", "site", site_id, before, after);
    if (!comment.empty())
      connection.prepare("INSERT INTO site_comment (site_id, at, author, body) VALUES (?1, ?2, ?3, ?4)")
          .bind(1, site_id)
          .bind(2, record.updated_at)
          .bind(3, actor)
          .bind(4, comment)
          .run();
    return record;
  });
}

SiteNegotiationRecord Workspace::set_site_assessment(const std::string& site_id, const InfrastructureAssessment& assessment,
                                                     std::optional<std::int64_t> expected_version, const std::string& actor) {
  return impl_->grouped_write<SiteNegotiationRecord>([&](db::Connection& connection) -> SiteNegotiationRecord {
    SiteNegotiationRecord record = read_site(connection, site_id).value_or(unrecorded_site(site_id));
    detail::check_version("site " + site_id, expected_version, record.version);
    const json before = without_bookkeeping(record);
    record.assessment = assessment;
    ++record.version;
    record.updated_at = impl_->clock();
    store_site(connection, record);
    detail::append_history(connection, record.updated_at, actor, "update", "site", site_id, before,
                           without_bookkeeping(record));
    return record;
  });
}

SiteComment Workspace::add_site_comment(const std::string& site_id, const std::string& text, const std::string& actor) {
  return impl_->grouped_write<SiteComment>([&](db::Connection& connection) -> SiteComment {
    SiteComment comment{0, site_id, impl_->clock(), actor, text};
    auto insert =
        connection.prepare("INSERT INTO site_comment (site_id, at, author, body) VALUES (?1, ?2, ?3, ?4) RETURNING id");
    insert.bind(1, site_id).bind(2, comment.at).bind(3, actor).bind(4, text);
    insert.step();
    comment.id = insert.integer(0);
    insert.reset();
    detail::append_history(connection, comment.at, actor, "create", "site_comment", site_id, nullptr,
                           {{"id", comment.id}, {"site_id", site_id}, {"text", text}});
    return comment;
  });
}

std::vector<SiteComment> Workspace::site_comments(const std::string& site_id) const {
  const auto reader = impl_->read();
  auto select = reader.connection().prepare("SELECT id, site_id, at, author, body FROM site_comment WHERE site_id = ?1 ORDER BY id");
  select.bind(1, site_id);
  std::vector<SiteComment> comments;
  while (select.step())
    comments.push_back({select.integer(0), select.text(1), select.text(2), select.text(3), select.text(4)});
  return comments;
}

namespace detail {
void apply_site_negotiation(db::Connection& connection, const std::map<std::string, model::SiteNegotiation>& statuses,
                            const std::string& at, const std::string& actor) {
  for (const auto& [site_id, status] : statuses) {
    SiteNegotiationRecord record = read_site(connection, site_id).value_or(unrecorded_site(site_id));
    if (record.version > 0 && record.status == status) continue;
    const json before = record.version > 0 ? without_bookkeeping(record) : json();
    record.status = status;
    ++record.version;
    record.updated_at = at;
    store_site(connection, record);
    append_history(connection, at, actor, before.is_null() ? "create" : "update", "site", site_id, before,
                   without_bookkeeping(record));
  }
}

std::map<std::string, model::SiteNegotiation> read_site_statuses(db::Connection& connection) {
  std::map<std::string, model::SiteNegotiation> statuses;
  auto select = connection.prepare("SELECT site_id, status FROM site_negotiation");
  while (select.step())
    statuses[select.text(0)] = model::site_negotiation_from_string(select.text(1)).value_or(model::SiteNegotiation::Proposed);
  return statuses;
}
}  // namespace detail

}  // namespace guarantor::store
