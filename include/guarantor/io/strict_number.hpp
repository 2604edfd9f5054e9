#pragma once
// The one reader of numbers written as text in verifier inputs and options: the whole field must
// be a plain decimal number ("12abc", "nan", "inf", "0x10" and "1_000" are not), finite, and in
// the range the field allows, so a bad value is refused with what was expected instead of being
// read as something else.
#include <optional>
#include <string>
#include <string_view>

namespace guarantor::io {

/// Half the WGS84 equator (pi x 6,378,137 m): no point on Earth is farther from another along
/// the surface, so no location uncertainty can be larger.
constexpr double HALF_EARTH_CIRCUMFERENCE_M = 20'037'508.342789244;

/// 2^53: the largest whole number below which a double holds every whole number exactly.
constexpr double MAX_EXACT_WHOLE = 9'007'199'254'740'992.0;

/// What a numeric field accepts.
struct NumberRange {
  double min = 0;
  double max = 0;
  bool whole = false;          ///< an integer: digits only, no fraction or exponent
  bool min_exclusive = false;  ///< min itself is refused (a distance "> 0")
};

/// "a number in 0..20037508.342789244", "a whole number in 1..6", "a number > 0 and <= 1000".
std::string describe(const NumberRange& range);

/// Reads all of `text` (blanks around it allowed) as a finite decimal number in `range`. On
/// failure returns nullopt and sets `problem` to `got "<text>"; expected <range>`.
std::optional<double> read_strict_number(std::string_view text, const NumberRange& range, std::string& problem);

}  // namespace guarantor::io
