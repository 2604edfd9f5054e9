#pragma once
// Shared helpers of the CSV adapters: reading rows with their line numbers, typed fields that
// explain themselves when wrong, and a loop that turns a bad row into a Rejection.
#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "guarantor/io/csv_reader.hpp"
#include "guarantor/io/strict_number.hpp"
#include "guarantor/verify/adapters.hpp"

namespace guarantor::verify::detail {

/// Degrees of a position, and the counts every adapter reads (fatalities, casualties).
constexpr io::NumberRange LONGITUDE_RANGE{-180, 180};
constexpr io::NumberRange LATITUDE_RANGE{-90, 90};
constexpr io::NumberRange COUNT_RANGE{0, 2'147'483'647, true};
/// Metres of a location's uncertainty: at most half the Earth's circumference.
constexpr io::NumberRange UNCERTAINTY_RANGE{0, io::HALF_EARTH_CIRCUMFERENCE_M};

/// Thrown by a row parser for a bad row; caught by for_each_row and recorded as a Rejection.
struct RowError {
  std::string reason;
};

/// One data row with its header, for named access.
class Row {
public:
  Row(const io::CsvHeader& header, const io::CsvRecord& record) : header_(header), record_(record) {}
  /// Field text (trimmed), "" when the column is absent or the row is short.
  [[nodiscard]] std::string_view get(std::string_view column) const;
  /// Field text; RowError naming the column when empty.
  [[nodiscard]] std::string_view required(std::string_view column) const;
  /// Number (io::read_strict_number); nullopt when empty, RowError naming the column when not a
  /// plain finite number in `range`.
  [[nodiscard]] std::optional<double> number(std::string_view column, const io::NumberRange& range) const;
  /// Whole number in `range`; nullopt when empty, RowError naming the column otherwise.
  [[nodiscard]] std::optional<long long> integer(std::string_view column, io::NumberRange range) const;
  [[nodiscard]] std::size_t line() const noexcept { return record_.line; }

private:
  const io::CsvHeader& header_;
  const io::CsvRecord& record_;
};

/// Reads the header, checks `required_columns`, then calls `parse` per row. A RowError or a
/// syntax error of the CSV reader becomes a Rejection at that line; reading goes on.
void for_each_row(std::istream& in, const std::string& name, const std::vector<std::string_view>& required_columns,
                  AdapterResult& result, const std::function<void(const Row&)>& parse);

/// Parses an optional lon/lat pair; both or neither must be present and in range.
std::optional<geo::LonLat> optional_position(const Row& row, std::string_view lon_column, std::string_view lat_column);

/// Splits on `separator`, trimming blanks and dropping empty parts.
std::vector<std::string> split_list(std::string_view text, char separator);

/// The party an actor name refers to ("RU", "UA"), or the name unchanged when neither.
std::string party_of_actor(std::string_view actor);

/// Trims ASCII blanks.
std::string_view trim(std::string_view text);

}  // namespace guarantor::verify::detail
