#include "guarantor/verify/report.hpp"

#include "guarantor/model/enum_names.hpp"

namespace guarantor::verify {
namespace {

using model::detail::NameTable;

constexpr NameTable<EventCategory, 5> CATEGORY_NAMES{{
    {EventCategory::Strike, "strike"},
    {EventCategory::NavalActivity, "naval_activity"},
    {EventCategory::HeavyWeaponsPresence, "heavy_weapons_presence"},
    {EventCategory::GroundClash, "ground_clash"},
    {EventCategory::Other, "other"},
}};

constexpr NameTable<TargetKind, 9> TARGET_NAMES{{
    {TargetKind::Unknown, "unknown"},
    {TargetKind::Refinery, "refinery"},
    {TargetKind::OilGasPipelineStorage, "oil_gas_pipeline_storage"},
    {TargetKind::PowerGenerationTransmission, "power_generation_transmission"},
    {TargetKind::NuclearPlant, "nuclear_plant"},
    {TargetKind::HydroDam, "hydro_dam"},
    {TargetKind::Civilian, "civilian"},
    {TargetKind::Military, "military"},
    {TargetKind::Other, "other"},
}};

constexpr NameTable<WeaponClass, 8> WEAPON_NAMES{{
    {WeaponClass::Unknown, "unknown"},
    {WeaponClass::Artillery100mmPlus, "artillery_100mm_plus"},
    {WeaponClass::Mlrs, "mlrs"},
    {WeaponClass::LongRangeRocketMissile, "long_range_rocket_missile"},
    {WeaponClass::Drone, "drone"},
    {WeaponClass::Aircraft, "aircraft"},
    {WeaponClass::SmallArms, "small_arms"},
    {WeaponClass::Other, "other"},
}};

constexpr NameTable<GeoPrecision, 6> PRECISION_NAMES{{
    {GeoPrecision::Exact, "exact"},
    {GeoPrecision::Place, "place"},
    {GeoPrecision::PlaceAmbiguous, "place_ambiguous"},
    {GeoPrecision::Conflict, "conflict"},
    {GeoPrecision::Area, "area"},
    {GeoPrecision::Unlocated, "unlocated"},
}};

}  // namespace

std::string_view to_string(EventCategory value) { return model::detail::name_of(CATEGORY_NAMES, value); }
std::string_view to_string(TargetKind value) { return model::detail::name_of(TARGET_NAMES, value); }
std::string_view to_string(WeaponClass value) { return model::detail::name_of(WEAPON_NAMES, value); }
std::string_view to_string(GeoPrecision value) { return model::detail::name_of(PRECISION_NAMES, value); }
std::optional<EventCategory> event_category_from_string(std::string_view text) {
  return model::detail::parse_name(CATEGORY_NAMES, text);
}
std::optional<TargetKind> target_kind_from_string(std::string_view text) {
  return model::detail::parse_name(TARGET_NAMES, text);
}
std::optional<WeaponClass> weapon_class_from_string(std::string_view text) {
  return model::detail::parse_name(WEAPON_NAMES, text);
}
std::optional<GeoPrecision> geo_precision_from_string(std::string_view text) {
  return model::detail::parse_name(PRECISION_NAMES, text);
}

bool is_energy_target(TargetKind kind) noexcept {
  switch (kind) {
    case TargetKind::Refinery:
    case TargetKind::OilGasPipelineStorage:
    case TargetKind::PowerGenerationTransmission:
    case TargetKind::NuclearPlant:
    case TargetKind::HydroDam:
      return true;
    default:
      return false;
  }
}

}  // namespace guarantor::verify
