#include <array>
#include <string>
#include <utility>

#include "guarantor/verify/gazetteer.hpp"
#include "guarantor/verify/text_classify.hpp"

namespace guarantor::verify {
namespace {

// Lower-case Cyrillic U+0430..U+044F to Latin. Ukrainian г is h, Russian г is g: both fold to
// h below, as do и/ы/і/ї/й to i, so the Ukrainian and Russian forms of one name meet.
constexpr std::array<std::string_view, 32> CYRILLIC_LOWER{
    "a", "b", "v",  "h",  "d",  "e",    "zh", "z",  "y", "i", "k",  "l", "m",  "n",  "o",  "p",
    "r", "s", "t",  "u",  "f",  "kh",   "ts", "ch", "sh", "shch", "", "y", "", "e", "iu", "ia"};

std::string_view transliterate(char32_t cp) {
  if (cp >= 0x0430 && cp <= 0x044F) return CYRILLIC_LOWER[cp - 0x0430];
  switch (cp) {
    case 0x0454: return "ie";  // є
    case 0x0456: return "i";   // і
    case 0x0457: return "i";   // ї
    case 0x0491: return "g";   // ґ
    case 0x0451: return "e";   // ё
    default: return {};        // apostrophes, accents and other scripts carry no letter we match on
  }
}

// Digraph folds first (so "kh" is not read as k + h), then single letters. Each pair maps a
// transliteration variant onto one spelling: Kharkiv/Harkiv, Zhytomyr/Zytomyr,
// Tsiurupynsk/Cjurupinsk, Chernihiv/Czernihiw, Shostka/Szostka.
constexpr std::array<std::pair<std::string_view, std::string_view>, 9> DIGRAPHS{{
    {"shch", "sc"}, {"sch", "s"}, {"szcz", "sc"}, {"kh", "h"}, {"zh", "z"}, {"ts", "c"}, {"tz", "c"}, {"ch", "c"},
    {"sh", "s"}}};

char fold_letter(char c) {
  switch (c) {
    case 'g': return 'h';  // Horlivka / Gorlovka
    case 'w': return 'v';  // Charkiw / Kharkiv
    case 'y':              // Kryvyi / Krivoi, Yuzhne / Iuzhne
    case 'j': return 'i';  // Kyjiv / Kyiv
    case 'x': return 'h';  // Polish/Spanish renderings of х
    default: return c;
  }
}

}  // namespace

std::string fold_place_name(std::string_view name) {
  const std::string lower = to_lower_utf8(name);
  std::string latin;
  latin.reserve(lower.size());
  for (std::size_t i = 0; i < lower.size(); ++i) {
    const auto c = static_cast<unsigned char>(lower[i]);
    if (c < 0x80) {
      if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')) latin.push_back(static_cast<char>(c));
      continue;  // spaces, hyphens and apostrophes vary between spellings
    }
    if ((c & 0xE0) == 0xC0 && i + 1 < lower.size()) {
      const char32_t cp = ((c & 0x1F) << 6) | (static_cast<unsigned char>(lower[i + 1]) & 0x3F);
      latin += transliterate(cp);
      ++i;
    }
    // Longer sequences (punctuation such as U+2019, other scripts) are dropped.
  }
  std::string folded;
  folded.reserve(latin.size());
  for (std::size_t i = 0; i < latin.size();) {
    bool matched = false;
    for (const auto& [from, to] : DIGRAPHS) {
      if (latin.compare(i, from.size(), from) == 0) {
        folded += to;
        i += from.size();
        matched = true;
        break;
      }
    }
    if (!matched) folded.push_back(fold_letter(latin[i++]));
  }
  // Doubled letters vary too (Zaporizhzhia / Zaporizhia, Kyiv / Kyyiv).
  std::string key;
  key.reserve(folded.size());
  for (char c : folded)
    if (key.empty() || key.back() != c) key.push_back(c);
  return key;
}

}  // namespace guarantor::verify
