#include "keyword_match.hpp"

namespace guarantor::verify::detail {
namespace {

bool is_word_byte(unsigned char c) {
  // Bytes of multi-byte UTF-8 sequences are letters of Cyrillic words here.
  return c >= 0x80 || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9');
}

}  // namespace

std::size_t find_keyword(std::string_view lower, const Keyword& keyword, std::size_t from) {
  std::size_t pos = lower.find(keyword.text, from);
  while (pos != std::string_view::npos) {
    if (!keyword.whole_word) return pos;
    const bool left_ok = pos == 0 || !is_word_byte(static_cast<unsigned char>(lower[pos - 1]));
    const std::size_t end = pos + keyword.text.size();
    const bool right_ok = end >= lower.size() || !is_word_byte(static_cast<unsigned char>(lower[end]));
    if (left_ok && right_ok) return pos;
    pos = lower.find(keyword.text, pos + 1);
  }
  return std::string_view::npos;
}

bool contains(std::string_view lower, const Keyword& keyword) {
  return find_keyword(lower, keyword) != std::string_view::npos;
}

bool contains_any(std::string_view lower, const std::vector<Keyword>& keywords) {
  for (const Keyword& keyword : keywords)
    if (contains(lower, keyword)) return true;
  return false;
}

}  // namespace guarantor::verify::detail
