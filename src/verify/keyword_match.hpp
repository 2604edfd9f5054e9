#pragma once
// Keyword matching shared by the text classifiers (weapon, target, naval, strike words): a
// keyword either matches anywhere or only as a whole word, because short stems ("dam", "npp",
// "grad", "port") occur inside unrelated words ("damage", "Kirovohrad", "report").
#include <string_view>
#include <vector>

namespace guarantor::verify::detail {

struct Keyword {
  std::string_view text;
  bool whole_word = false;
};

/// Where `keyword` first occurs in `lower` at or after `from`; npos when it does not.
std::size_t find_keyword(std::string_view lower, const Keyword& keyword, std::size_t from = 0);

/// True when `keyword` occurs in `lower` (text already lower-cased by to_lower_utf8).
bool contains(std::string_view lower, const Keyword& keyword);

/// True when any of `keywords` occurs in `lower`.
bool contains_any(std::string_view lower, const std::vector<Keyword>& keywords);

}  // namespace guarantor::verify::detail
