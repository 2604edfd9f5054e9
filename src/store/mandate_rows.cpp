// Requirement lines as rows of the requirement_line table.
#include "workspace_impl.hpp"

namespace guarantor::store::detail {

std::vector<RequirementRecord> read_requirement_lines(db::Connection& connection,
                                                      const std::optional<std::string>& id) {
  auto select = db::select_by_key(connection,
                                  "id, capability, quantity, phase, priority, location, role, required_by_day, "
                                  "coverage_demand, coverage_fraction, coverage_filter, description, source, version "
                                  "FROM requirement_line",
                                  "id", id, "position");
  std::vector<RequirementRecord> lines;
  while (select.step()) {
    RequirementRecord record;
    auto& line = record.value;
    line.id = select.text(0);
    line.capability = select.text(1);
    line.quantity = static_cast<int>(select.integer(2));
    line.phase = model::phase_from_string(select.text(3)).value_or(model::Phase::Ceasefire);
    line.priority = static_cast<int>(select.integer(4));
    line.location = model::location_from_string(select.text(5)).value_or(model::Location::Ukraine);
    line.role = model::requirement_role_from_string(select.text(6)).value_or(model::RequirementRole::Deterrence);
    line.required_by_day = static_cast<int>(select.integer(7));
    if (!select.is_null(8)) line.coverage = model::CoverageTarget{select.text(8), select.real(9), select.text(10)};
    line.description = select.text(11);
    line.source = select.text(12);
    record.version = select.integer(13);
    lines.push_back(std::move(record));
  }
  return lines;
}

void insert_requirement_line(db::Connection& connection, const model::RequirementLine& line,
                             std::int64_t position, std::int64_t version) {
  auto insert = connection.prepare(
      "INSERT INTO requirement_line (id, position, capability, quantity, phase, priority, location, role, "
      "required_by_day, coverage_demand, coverage_fraction, coverage_filter, description, source, version) "
      "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15)");
  insert.bind(1, line.id)
      .bind(2, position)
      .bind(3, line.capability)
      .bind(4, line.quantity)
      .bind(5, model::to_string(line.phase))
      .bind(6, line.priority)
      .bind(7, model::to_string(line.location))
      .bind(8, model::to_string(line.role))
      .bind(9, line.required_by_day);
  if (line.coverage) insert.bind(10, line.coverage->demand).bind(11, line.coverage->fraction).bind(12, line.coverage->filter);
  else insert.bind_null(10).bind_null(11).bind_null(12);
  insert.bind(13, line.description).bind(14, line.source).bind(15, version).run();
}

}  // namespace guarantor::store::detail
