#pragma once
// Plans made in the workspace, kept as numbered versions: the plan.json text, the hashes of the
// inputs it was made from, its headline figures, and whether (and by whom) it was published.
#include <cstdint>
#include <optional>
#include <string>

#include <nlohmann/json.hpp>

namespace guarantor::store {

/// The figures a reader compares first.
struct PlanHeadline {
  int lines_met = 0;
  int lines_total = 0;
  int deployed_units = 0;
  int deployed_personnel = 0;
  int closure_day = 0;  ///< day the last assigned unit is in place (0 when none is)
  bool illustrative = false;
};

struct PlanVersion {
  std::int64_t id = 0;
  std::string created_at;
  std::string created_by;
  std::string job_id;
  nlohmann::json inputs;  ///< coalition_sha256, mandate_sha256, history_seq, history_hash, parameters_sha256
  PlanHeadline headline;
  std::string published_at;  ///< empty while unpublished
  std::string published_by;
  [[nodiscard]] bool published() const { return !published_at.empty(); }
};

nlohmann::json encode_headline(const PlanHeadline& headline);
nlohmann::json encode_plan_version(const PlanVersion& version);

}  // namespace guarantor::store
