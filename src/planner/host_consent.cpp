// Host-nation consent: reading the refusals and recording them in a plan.
#include "guarantor/planner/host_consent.hpp"

#include <algorithm>

#include <fmt/format.h>

#include "planning_json.hpp"

namespace guarantor::planner {

const HostRefusal* HostConsent::basing_refused(std::string_view country) const noexcept {
  for (const auto& r : refusals)
    if (!r.basing && r.country == country) return &r;
  return nullptr;
}

const HostRefusal* HostConsent::transit_refused(std::string_view crossing) const noexcept {
  for (const auto& r : refusals)
    if (!r.transit && std::find(r.crossings.begin(), r.crossings.end(), crossing) != r.crossings.end()) return &r;
  return nullptr;
}

HostConsent load_host_consent(const std::filesystem::path& file, std::vector<InputFile>* files) {
  DiagnosticSink sink;
  const io::JsonFile planning = detail::read_planning_json(file, sink, files);
  const auto& doc = planning.root;
  io::FieldReader reader(planning, sink);
  sink.throw_if_any();
  HostConsent consent;
  if (!doc.contains("refusals") || !doc["refusals"].is_array()) {
    reader.fail(ErrorCode::Schema, "/refusals", "missing; expected [{country, basing, transit, crossings, source}]");
  } else {
    for (std::size_t i = 0; i < doc["refusals"].size(); ++i) {
      const auto& e = doc["refusals"][i];
      const std::string ptr = fmt::format("/refusals/{}", i);
      HostRefusal r;
      r.country = detail::planning_string(e, reader, ptr, "country");
      r.source = detail::planning_string(e, reader, ptr, "source");
      for (const char* key : {"basing", "transit"}) {
        if (!e.is_object() || !e.contains(key) || !e[key].is_boolean())
          reader.fail(ErrorCode::Schema, fmt::format("{}/{}", ptr, key), "missing; expected true (consents) or false (refuses)");
        else (std::string_view(key) == "basing" ? r.basing : r.transit) = e[key].get<bool>();
      }
      if (e.is_object() && e.contains("crossings") && e["crossings"].is_array())
        for (const auto& c : e["crossings"]) {
          if (c.is_string()) r.crossings.push_back(c.get<std::string>());
          else reader.fail(ErrorCode::Schema, fmt::format("{}/crossings", ptr), "expected crossing site ids (strings)");
        }
      else if (!r.transit)
        reader.fail(ErrorCode::Schema, fmt::format("{}/crossings", ptr), "missing; a transit refusal names the crossings it closes");
      detail::close_planning_object(e, reader, ptr, {"country", "basing", "transit", "crossings", "source"});
      consent.refusals.push_back(std::move(r));
    }
  }
  detail::close_planning_object(doc, reader, "", {"description", "refusals"});
  sink.throw_if_any();
  return consent;
}

void record_host_consent(const HostConsent& consent, Provenance& provenance) {
  auto& no_basing = provenance.capability_sets["consent.no_basing"];
  auto& no_transit = provenance.capability_sets["consent.no_transit"];
  no_basing.clear();
  no_transit.clear();
  for (const auto& r : consent.refusals) {
    if (!r.basing) no_basing.push_back(r.country);
    if (!r.transit) no_transit.insert(no_transit.end(), r.crossings.begin(), r.crossings.end());
  }
}

HostConsent host_consent_of(const Plan& plan) {
  HostConsent consent;
  const auto& sets = plan.provenance.capability_sets;
  if (const auto it = sets.find("consent.no_basing"); it != sets.end())
    for (const auto& country : it->second) consent.refusals.push_back({country, false, true, {}, "recorded in the plan"});
  if (const auto it = sets.find("consent.no_transit"); it != sets.end() && !it->second.empty())
    consent.refusals.push_back({"", true, false, it->second, "recorded in the plan"});
  return consent;
}

}  // namespace guarantor::planner
