#pragma once
// The weekly cycle: numbered weeks (the coalition meets once a week), the decisions taken in
// them with an owner and a due week, and, when a week is closed, a frozen snapshot of pledges,
// plan and findings that later weeks are compared against.
#include <cstdint>
#include <optional>
#include <string>

#include <nlohmann/json.hpp>

namespace guarantor::store {

struct WeekRecord {
  std::int64_t number = 0;  ///< 1, 2, ... in the order weeks were opened
  std::string starts_on;    ///< ISO 8601 date of the week's meeting
  std::string opened_at;
  std::string opened_by;
  std::string closed_at;    ///< empty while open
  std::string closed_by;
  nlohmann::json snapshot;  ///< null while open; frozen at close
  std::int64_t version = 1;
  [[nodiscard]] bool closed() const { return !closed_at.empty(); }
};

/// A decision of a week: what, who owns it, by which week, and where it stands.
struct DecisionRecord {
  std::int64_t id = 0;
  std::int64_t week = 0;
  std::string text;
  std::string owner;     ///< a nation (ISO 3166-1 alpha-2), a role or a user, as the meeting names it
  std::int64_t due_week = 0;
  std::string status = "open";  ///< open | done | dropped
  std::string created_at;
  std::string created_by;
  std::int64_t version = 1;
};

nlohmann::json encode_week(const WeekRecord& week);  ///< without the snapshot
nlohmann::json encode_decision(const DecisionRecord& decision);

}  // namespace guarantor::store
