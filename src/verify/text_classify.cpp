#include "guarantor/verify/text_classify.hpp"

#include "energy_vocabulary.hpp"
#include "keyword_match.hpp"

#include <array>
#include <string>
#include <vector>

namespace guarantor::verify {
namespace {

using detail::contains_any;
using detail::Keyword;

template <typename Value>
struct KeywordRule {
  Value value;
  std::vector<Keyword> keywords;
};

const std::array<KeywordRule<WeaponClass>, 5> WEAPON_RULES{{
    {WeaponClass::Mlrs,
     {{"mlrs"}, {"grad", true}, {"uragan"}, {"smerch"}, {"himars"}, {"tornado"}, {"рсзв"}, {"рсзо"}, {"град", true},
      {"ураган"}, {"смерч"}}},
    {WeaponClass::LongRangeRocketMissile,
     {{"missile"}, {"iskander"}, {"kalibr"}, {"kh-101"}, {"kh-22"}, {"atacms"}, {"tochka"}, {"storm shadow"},
      // Air Force summaries write Kh- missiles with a Latin X ("X-101/X-555", "X-47 Kinzhal").
      {"x-101"}, {"x-555"}, {"x-22"}, {"x-32"}, {"x-47"}, {"x-59"}, {"x-69"}, {"kinzhal"}, {"zircon"}, {"oniks"},
      {"kn-23"}, {"s-300"}, {"s-400"},
      {"ракет"}, {"іскандер"}, {"искандер"}, {"калібр"}, {"калибр"}}},
    {WeaponClass::Drone,
     {{"drone"}, {"uav", true}, {"shahed"}, {"geran"}, {"бпла", true}, {"дрон"}, {"шахед"}, {"герань"}}},
    {WeaponClass::Aircraft,
     {{"airstrike"}, {"air strike"}, {"glide bomb"}, {"kab", true}, {"aerial bomb"}, {"авіабомб"}, {"авиабомб"},
      {"авіаудар"}, {"авиаудар"}}},
    // Field artillery reported without a calibre is taken as >= 100 mm: the calibres in use on
    // this front are overwhelmingly 122, 152 and 155 mm (docs/verifier.md, "Classification").
    {WeaponClass::Artillery100mmPlus,
     {{"artillery"}, {"howitzer"}, {"152mm"}, {"152-mm"}, {"155mm"}, {"155-mm"}, {"122mm"}, {"122-mm"},
      {"203mm"}, {"артилер"}, {"артиллер"}, {"гаубиц"}}},
}};

template <typename Value, std::size_t N>
Value first_match(const std::array<KeywordRule<Value>, N>& rules, std::string_view text, Value fallback) {
  const std::string lower = to_lower_utf8(text);
  for (const auto& rule : rules)
    if (contains_any(lower, rule.keywords)) return rule.value;
  return fallback;
}

void append_utf8(std::string& out, char32_t cp) {
  if (cp < 0x80) {
    out.push_back(static_cast<char>(cp));
  } else if (cp < 0x800) {
    out.push_back(static_cast<char>(0xC0 | (cp >> 6)));
    out.push_back(static_cast<char>(0x80 | (cp & 0x3F)));
  } else {
    out.push_back(static_cast<char>(0xE0 | (cp >> 12)));
    out.push_back(static_cast<char>(0x80 | ((cp >> 6) & 0x3F)));
    out.push_back(static_cast<char>(0x80 | (cp & 0x3F)));
  }
}

}  // namespace

std::string to_lower_utf8(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  for (std::size_t i = 0; i < text.size(); ++i) {
    const auto c = static_cast<unsigned char>(text[i]);
    if (c < 0x80) {
      out.push_back(static_cast<char>(c >= 'A' && c <= 'Z' ? c + ('a' - 'A') : c));
      continue;
    }
    // Two-byte sequences cover the Cyrillic block U+0400..U+04FF; anything else is copied as is.
    if ((c & 0xE0) == 0xC0 && i + 1 < text.size() && (static_cast<unsigned char>(text[i + 1]) & 0xC0) == 0x80) {
      char32_t cp = ((c & 0x1F) << 6) | (static_cast<unsigned char>(text[i + 1]) & 0x3F);
      if (cp >= 0x0410 && cp <= 0x042F) cp += 0x20;        // А..Я
      else if (cp >= 0x0400 && cp <= 0x040F) cp += 0x50;   // Ѐ..Џ incl. Є, І, Ї
      else if (cp == 0x0490) cp = 0x0491;                  // Ґ
      append_utf8(out, cp);
      ++i;
      continue;
    }
    out.push_back(static_cast<char>(c));
  }
  return out;
}

TargetKind classify_target(std::string_view text) { return detail::classify_target_lower(to_lower_utf8(text)); }

WeaponClass classify_weapon(std::string_view text) { return first_match(WEAPON_RULES, text, WeaponClass::Unknown); }

bool mentions_naval(std::string_view text) {
  static const std::vector<Keyword> NAVAL_WORDS{{"vessel"}, {"ship"}, {"boat"}, {"naval"}, {"black sea fleet"}, {"sea drone"}, {"port", true},
                       {"судн"}, {"корабл"}, {"катер"}, {"порт", true}, {"флот"}};
  return contains_any(to_lower_utf8(text), NAVAL_WORDS);
}

bool mentions_strike(std::string_view text) {
  static const std::vector<Keyword> STRIKE_WORDS{{"strike"}, {"shelling"}, {"shelled"}, {"missile"}, {"drone"}, {"bomb"}, {"struck"},
                       {"обстріл"}, {"обстрел"}, {"удар"}, {"ракет"}, {"дрон"}, {"бпла"}};
  return contains_any(to_lower_utf8(text), STRIKE_WORDS);
}

}  // namespace guarantor::verify
