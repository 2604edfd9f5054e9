#pragma once
// The one reader of plan.json fields, shared by the core reader (plan_json_read.cpp) and the
// force-posture sections (plan_json_posture.cpp): typed fields on io's field reader, so that every
// error carries file, line and JSON pointer ("plan.json:812 /protection_lines/1/status").
#include <string>
#include <vector>

#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include "guarantor/core/error.hpp"
#include "guarantor/geo/lon_lat.hpp"
#include "guarantor/io/json_fields.hpp"
#include "guarantor/model/mandate_types.hpp"

namespace guarantor::planner::detail {

// plan.json is written by `guarantor plan`, so a problem means a damaged or foreign file: the
// first one is reported (with its line, from io's reader) and reading stops.
struct PlanJsonReader {
  using json = nlohmann::json;

  const io::FieldReader& lines;

  [[noreturn]] void fail(const std::string& pointer, const std::string& expected) const {
    throw Error(ErrorCode::Schema, lines.where(pointer), fmt::format("missing or mistyped; expected {}", expected));
  }
  /// obj[key]; throws naming `pointer/key` when obj is not an object or lacks the key.
  const json& field(const json& obj, const std::string& pointer, const char* key) const {
    if (!obj.is_object() || !obj.contains(key)) fail(pointer + "/" + key, "a field");
    return obj[key];
  }
  std::string str(const json& obj, const std::string& pointer, const char* key) const {
    const auto& v = field(obj, pointer, key);
    if (!v.is_string()) fail(pointer + "/" + key, "a string");
    return v.get<std::string>();
  }
  double num(const json& obj, const std::string& pointer, const char* key, double if_null = 0) const {
    const auto& v = field(obj, pointer, key);
    if (v.is_null()) return if_null;
    if (!v.is_number()) fail(pointer + "/" + key, "a number");
    return v.get<double>();
  }
  int integer(const json& obj, const std::string& pointer, const char* key) const {
    const auto& v = field(obj, pointer, key);
    if (!v.is_number_integer()) fail(pointer + "/" + key, "an integer");
    return v.get<int>();
  }
  bool boolean(const json& obj, const std::string& pointer, const char* key) const {
    const auto& v = field(obj, pointer, key);
    if (!v.is_boolean()) fail(pointer + "/" + key, "true or false");
    return v.get<bool>();
  }
  geo::LonLat lon_lat(const json& obj, const std::string& pointer, const char* key) const {
    return lon_lat_value(field(obj, pointer, key), pointer + "/" + key);
  }
  /// `v` (found at `pointer`) as a range-checked [longitude, latitude].
  geo::LonLat lon_lat_value(const json& v, const std::string& pointer) const {
    if (!v.is_array() || v.size() != 2 || !v[0].is_number() || !v[1].is_number()) fail(pointer, "[longitude, latitude]");
    return geo::to_checked({v[0].get<double>(), v[1].get<double>()}, lines.where(pointer));
  }
  const json& array(const json& obj, const std::string& pointer, const char* key) const {
    const auto& v = field(obj, pointer, key);
    if (!v.is_array()) fail(pointer + "/" + key, "an array");
    return v;
  }
  std::vector<std::string> strings(const json& obj, const std::string& pointer, const char* key) const {
    std::vector<std::string> out;
    for (const auto& v : array(obj, pointer, key)) {
      if (!v.is_string()) fail(pointer + "/" + key, "an array of strings");
      out.push_back(v.get<std::string>());
    }
    return out;
  }
  model::RequirementRole role(const json& obj, const std::string& pointer, const char* key) const {
    const auto value = model::requirement_role_from_string(str(obj, pointer, key));
    if (!value) fail(pointer + "/" + key, fmt::format("one of {}", model::REQUIREMENT_ROLE_NAMES));
    return *value;
  }
  model::Location location(const json& obj, const std::string& pointer, const char* key) const {
    const auto value = model::location_from_string(str(obj, pointer, key));
    if (!value) fail(pointer + "/" + key, "ukraine, neighbouring_nato, black_sea or outside_theatre");
    return *value;
  }
};

}  // namespace guarantor::planner::detail
