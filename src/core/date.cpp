#include "guarantor/core/date.hpp"

#include <chrono>
#include <charconv>

#include <fmt/format.h>

namespace guarantor {

std::optional<long> parse_iso_date(std::string_view text) noexcept {
  if (text.size() != 10 || text[4] != '-' || text[7] != '-') return std::nullopt;
  int year = 0;
  unsigned month = 0, day = 0;
  auto parse = [&](std::size_t offset, std::size_t length, auto& out) {
    const char* first = text.data() + offset;
    auto [ptr, ec] = std::from_chars(first, first + length, out);
    return ec == std::errc() && ptr == first + length;
  };
  if (!parse(0, 4, year) || !parse(5, 2, month) || !parse(8, 2, day)) return std::nullopt;
  const std::chrono::year_month_day date{std::chrono::year{year}, std::chrono::month{month}, std::chrono::day{day}};
  if (!date.ok()) return std::nullopt;
  return std::chrono::sys_days{date}.time_since_epoch().count();
}

std::string format_iso_date(long days_since_epoch) {
  const std::chrono::year_month_day date{std::chrono::sys_days{std::chrono::days{days_since_epoch}}};
  return fmt::format("{:04}-{:02}-{:02}", static_cast<int>(date.year()), static_cast<unsigned>(date.month()),
                     static_cast<unsigned>(date.day()));
}

}  // namespace guarantor
