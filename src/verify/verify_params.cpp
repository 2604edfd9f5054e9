#include <fmt/format.h>

#include "guarantor/core/error.hpp"
#include "guarantor/verify/pipeline.hpp"

namespace guarantor::verify {

nlohmann::json to_json(const VerifyParams& params) {
  return {{"gazetteer",
           {{"place_radius_m", params.gazetteer.place_radius_m},
            {"consistency_distance_m", params.gazetteer.consistency_distance_m}}},
          {"cluster",
           {{"max_distance_m", params.cluster.max_distance_m},
            {"max_gate_m", params.cluster.max_gate_m},
            {"time_window_s", params.cluster.time_window_s},
            {"max_span_s", params.cluster.max_span_s},
            {"max_extent_m", params.cluster.max_extent_m}}},
          {"grading",
           {{"confirmed_groups", params.grading.confirmed_groups}, {"probable_groups", params.grading.probable_groups}}},
          {"judge", {{"max_credibility_for_violation", params.judge.max_credibility_for_violation}}}};
}

VerifyParams verify_params_from_json(const nlohmann::json& value, const std::string& where) {
  VerifyParams params;
  const auto read = [&](const char* section, const char* key, auto& field) {
    if (!value.contains(section) || !value[section].contains(key)) return;
    const auto& item = value[section][key];
    if (!item.is_number() || item.get<double>() < 0)
      throw Error(ErrorCode::Schema, fmt::format("{} /{}/{}", where, section, key), "expected a non-negative number");
    field = item.get<std::remove_reference_t<decltype(field)>>();
  };
  read("gazetteer", "place_radius_m", params.gazetteer.place_radius_m);
  read("gazetteer", "consistency_distance_m", params.gazetteer.consistency_distance_m);
  read("cluster", "max_distance_m", params.cluster.max_distance_m);
  read("cluster", "max_gate_m", params.cluster.max_gate_m);
  read("cluster", "time_window_s", params.cluster.time_window_s);
  read("cluster", "max_span_s", params.cluster.max_span_s);
  read("cluster", "max_extent_m", params.cluster.max_extent_m);
  read("grading", "confirmed_groups", params.grading.confirmed_groups);
  read("grading", "probable_groups", params.grading.probable_groups);
  read("judge", "max_credibility_for_violation", params.judge.max_credibility_for_violation);
  if (params.cluster.max_distance_m <= 0 || params.cluster.max_gate_m < params.cluster.max_distance_m)
    throw Error(ErrorCode::Consistency, where + " /cluster",
                "expected 0 < max_distance_m <= max_gate_m");
  return params;
}

}  // namespace guarantor::verify
