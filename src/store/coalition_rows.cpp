// Nations and pledges as rows: the typed columns of the nation, pledge and pledge_caveat tables.
#include <map>

#include <fmt/format.h>

#include "guarantor/io/record_codec.hpp"
#include "workspace_impl.hpp"

namespace guarantor::store::detail {

namespace {
nlohmann::json parse_list(const std::string& text) { return nlohmann::json::parse(text); }

// The caveats of one pledge, or of every pledge without `pledge_id`, by pledge id in
// position order: one query for a whole list rather than one per pledge.
std::map<std::string, std::vector<model::Caveat>> read_caveats(db::Connection& connection,
                                                               const std::optional<std::string>& pledge_id) {
  std::map<std::string, std::vector<model::Caveat>> caveats;
  auto select = db::select_by_key(connection, "pledge_id, kind, values_json, source FROM pledge_caveat", "pledge_id",
                                  pledge_id, "pledge_id, position");
  while (select.step()) {
    // The caveats were checked when written, so a stored row always makes a caveat; one altered
    // behind the store's back throws Error naming what does not fit.
    const auto kind = model::caveat_kind_from_string(select.text(1)).value_or(model::CaveatKind::Where);
    caveats[select.text(0)].push_back(
        model::Caveat::from_names(kind, parse_list(select.text(2)).get<std::vector<std::string>>(), select.text(3)));
  }
  return caveats;
}
}  // namespace

std::vector<NationRecord> read_nations(db::Connection& connection, const std::optional<std::string>& iso2) {
  auto select =
      db::select_by_key(connection, "iso2, name, nato, eu, home_lon, home_lat, source, sharing, version FROM nation",
                        "iso2", iso2, "position");
  std::vector<NationRecord> nations;
  while (select.step()) {
    NationRecord record;
    record.nation.iso2 = select.text(0);
    record.nation.name = select.text(1);
    record.nation.nato = select.integer(2) != 0;
    record.nation.eu = select.integer(3) != 0;
    record.nation.home = {select.real(4), select.real(5)};
    record.nation.source = select.text(6);
    record.sharing = sharing_level_from_string(select.text(7)).value_or(SharingLevel::Full);
    record.version = select.integer(8);
    nations.push_back(std::move(record));
  }
  return nations;
}

void insert_nation(db::Connection& connection, const NationRecord& record, int position) {
  const auto& nation = record.nation;
  connection
      .prepare("INSERT INTO nation (iso2, position, name, nato, eu, home_lon, home_lat, source, sharing, version) "
               "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10)")
      .bind(1, nation.iso2)
      .bind(2, position)
      .bind(3, nation.name)
      .bind(4, nation.nato)
      .bind(5, nation.eu)
      .bind(6, nation.home.lon)
      .bind(7, nation.home.lat)
      .bind(8, nation.source)
      .bind(9, to_string(record.sharing))
      .bind(10, record.version)
      .run();
}

std::vector<PledgeRecord> read_pledges(db::Connection& connection, const std::optional<std::string>& id) {
  auto select = db::select_by_key(connection,
                                  "id, nation, capability, quantity, readiness_days, status, illustrative, home_lon, "
                                  "home_lat, valid_until, source, includes_rotation, sites_json, version FROM pledge",
                                  "id", id, "position");
  std::vector<PledgeRecord> pledges;
  while (select.step()) {
    PledgeRecord record;
    auto& pledge = record.value;
    pledge.id = select.text(0);
    pledge.nation = select.text(1);
    pledge.capability = select.text(2);
    pledge.quantity = static_cast<int>(select.integer(3));
    pledge.readiness_days = static_cast<int>(select.integer(4));
    pledge.status = model::pledge_status_from_string(select.text(5)).value_or(model::PledgeStatus::Offered);
    pledge.illustrative = select.integer(6) != 0;
    if (!select.is_null(7)) pledge.home = geo::LonLat{select.real(7), select.real(8)};
    pledge.valid_until = Date::from_iso(select.text(9));  // "" = open-ended
    pledge.source = select.text(10);
    pledge.includes_rotation = select.integer(11) != 0;
    pledge.sites = parse_list(select.text(12)).get<std::vector<std::string>>();
    record.version = select.integer(13);
    pledges.push_back(std::move(record));
  }
  auto caveats = read_caveats(connection, id);
  for (auto& record : pledges) {
    auto found = caveats.find(record.value.id);
    if (found != caveats.end()) record.value.caveats = std::move(found->second);
  }
  return pledges;
}

void insert_pledge(db::Connection& connection, const model::Pledge& pledge, std::int64_t position,
                   std::int64_t version) {
  auto insert = connection.prepare(
      "INSERT INTO pledge (id, position, nation, capability, quantity, readiness_days, status, illustrative, "
      "home_lon, home_lat, valid_until, source, includes_rotation, sites_json, version) "
      "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15)");
  insert.bind(1, pledge.id)
      .bind(2, position)
      .bind(3, pledge.nation)
      .bind(4, pledge.capability)
      .bind(5, pledge.quantity)
      .bind(6, pledge.readiness_days)
      .bind(7, model::to_string(pledge.status))
      .bind(8, pledge.illustrative);
  if (pledge.home) insert.bind(9, pledge.home->lon).bind(10, pledge.home->lat);
  else insert.bind_null(9).bind_null(10);
  insert.bind(11, pledge.valid_until ? pledge.valid_until->iso() : std::string())
      .bind(12, pledge.source)
      .bind(13, pledge.includes_rotation)
      .bind(14, nlohmann::json(pledge.sites).dump())
      .bind(15, version)
      .run();
  for (std::size_t c = 0; c < pledge.caveats.size(); ++c) {
    const auto& caveat = pledge.caveats[c];
    connection
        .prepare("INSERT INTO pledge_caveat (pledge_id, position, kind, values_json, source) VALUES (?1, ?2, ?3, ?4, ?5)")
        .bind(1, pledge.id)
        .bind(2, static_cast<std::int64_t>(c))
        .bind(3, model::to_string(caveat.kind()))
        .bind(4, nlohmann::json(caveat.value_names()).dump())
        .bind(5, caveat.source())
        .run();
  }
}

std::int64_t delete_pledge_row(db::Connection& connection, const std::string& id) {
  auto select = connection.prepare("SELECT position FROM pledge WHERE id = ?1");
  select.bind(1, id);
  if (!select.step()) throw NotFound("pledge", id);
  const std::int64_t position = select.integer(0);
  connection.prepare("DELETE FROM pledge WHERE id = ?1").bind(1, id).run();
  return position;
}

}  // namespace guarantor::store::detail
