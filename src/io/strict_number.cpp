#include "guarantor/io/strict_number.hpp"

#include <charconv>
#include <cmath>
#include <cstdlib>

#include <fmt/format.h>

#include "guarantor/core/printable.hpp"

namespace guarantor::io {

namespace {

std::string_view trim_blanks(std::string_view text) {
  const auto first = text.find_first_not_of(" \t\r\n");
  if (first == std::string_view::npos) return {};
  return text.substr(first, text.find_last_not_of(" \t\r\n") - first + 1);
}

// A decimal number as people write it: [sign] digits [. digits] [e [sign] digits], digits on at
// least one side of the point; whole numbers have neither point nor exponent. strtod alone would
// also take "nan", "inf", hexadecimal and a prefix of "12abc".
bool is_plain_decimal(std::string_view text, bool whole) {
  std::size_t at = 0;
  const auto digits = [&] {
    const std::size_t start = at;
    while (at < text.size() && text[at] >= '0' && text[at] <= '9') ++at;
    return at - start;
  };
  if (at < text.size() && (text[at] == '+' || text[at] == '-')) ++at;
  std::size_t mantissa = digits();
  if (!whole && at < text.size() && text[at] == '.') {
    ++at;
    mantissa += digits();
  }
  if (mantissa == 0) return false;
  if (!whole && at < text.size() && (text[at] == 'e' || text[at] == 'E')) {
    ++at;
    if (at < text.size() && (text[at] == '+' || text[at] == '-')) ++at;
    if (digits() == 0) return false;
  }
  return at == text.size();
}

}  // namespace

std::string describe(const NumberRange& range) {
  const char* kind = range.whole ? "a whole number" : "a number";
  if (range.min_exclusive) return fmt::format("{} > {} and <= {}", kind, range.min, range.max);
  return fmt::format("{} in {}..{}", kind, range.min, range.max);
}

std::optional<double> read_strict_number(std::string_view text, const NumberRange& range, std::string& problem) {
  const std::string_view number = trim_blanks(text);
  std::optional<double> value;
  if (is_plain_decimal(number, range.whole)) {
    const std::string copy(number);  // strtod needs a terminated string
    const double parsed = std::strtod(copy.c_str(), nullptr);
    const bool above_min = range.min_exclusive ? parsed > range.min : parsed >= range.min;
    if (std::isfinite(parsed) && above_min && parsed <= range.max) value = parsed;
  }
  if (!value) problem = fmt::format("got \"{}\"; expected {}", excerpt(text), describe(range));
  return value;
}

}  // namespace guarantor::io
