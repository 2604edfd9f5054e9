#pragma once
// Table-driven conversion between enumerators and their stable names in data files.
#include <algorithm>
#include <array>
#include <optional>
#include <string_view>
#include <utility>

namespace guarantor::model::detail {

template <typename Enum, std::size_t N>
using NameTable = std::array<std::pair<Enum, std::string_view>, N>;

template <typename Enum, std::size_t N>
constexpr std::string_view name_of(const NameTable<Enum, N>& table, Enum value) {
  for (const auto& [enumerator, name] : table)
    if (enumerator == value) return name;
  return "unknown";
}

template <typename Enum, std::size_t N>
constexpr std::optional<Enum> parse_name(const NameTable<Enum, N>& table, std::string_view text) {
  for (const auto& [enumerator, name] : table)
    if (name == text) return enumerator;
  return std::nullopt;
}

}  // namespace guarantor::model::detail
