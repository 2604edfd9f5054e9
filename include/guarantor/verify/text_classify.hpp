#pragma once
// Keyword classification of free text (English, Ukrainian, Russian) into the target kinds and
// weapon classes the provisions speak of. Used only where a format has no coded field for them.
#include <string>
#include <string_view>

#include "guarantor/verify/report.hpp"

namespace guarantor::verify {

/// The energy or other target kind the text names, Unknown when it names none.
TargetKind classify_target(std::string_view text);

/// The weapon class the text names, Unknown when it names none.
WeaponClass classify_weapon(std::string_view text);

/// True when the text speaks of vessels, ports or the sea (naval activity).
bool mentions_naval(std::string_view text);

/// True when the text speaks of a strike (shelling, missile, drone, air strike).
bool mentions_strike(std::string_view text);

/// Lower-cases ASCII and the Cyrillic letters used in Ukrainian and Russian (UTF-8).
std::string to_lower_utf8(std::string_view text);

}  // namespace guarantor::verify
