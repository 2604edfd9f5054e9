#pragma once
// Calendar dates as days since 1970-01-01 (proleptic Gregorian), parsed from ISO 8601.
#include <optional>
#include <string>
#include <string_view>

namespace guarantor {

/// Days since 1970-01-01 of an ISO 8601 date "YYYY-MM-DD", or nullopt when malformed or not a
/// real calendar day (2025-02-30 is rejected).
std::optional<long> parse_iso_date(std::string_view text) noexcept;

/// "YYYY-MM-DD" for days since 1970-01-01.
std::string format_iso_date(long days_since_epoch);

}  // namespace guarantor
