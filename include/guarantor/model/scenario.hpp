#pragma once
// A scenario: everything a plan or a force-generation table is computed from.
#include <optional>
#include <string>
#include <vector>

#include "guarantor/core/date.hpp"

#include "guarantor/model/capability.hpp"
#include "guarantor/model/coalition.hpp"
#include "guarantor/model/mandate.hpp"
#include "guarantor/model/theatre.hpp"

namespace guarantor::model {

/// One input file and its content hash, for provenance in every output.
struct SourceFile {
  std::string role;    ///< theatre.sites, coalition, mandate, ...
  std::string path;
  std::string sha256;  ///< hex digest of the bytes read
};

struct Scenario {
  std::string name;
  std::string description;
  /// The day the facts describe (scenario.json "as_of", decoded once at load); it picks the
  /// occupied area in force and anchors phase openings. nullopt only for a scenario built in
  /// code without one: no pledge then expires and the latest occupied area is used.
  std::optional<Date> as_of;
  Theatre theatre;
  CapabilityCatalogue catalogue;
  Coalition coalition;
  Mandate mandate;
  std::vector<SourceFile> files;

  /// The day `phase` opens: as_of plus the phase gate's opens_day (0 when the mandate has no
  /// gate for it); nullopt without an as_of.
  [[nodiscard]] std::optional<Date> phase_start(Phase phase) const;
  /// as_of as "YYYY-MM-DD" for outputs; "" when the scenario states none.
  [[nodiscard]] std::string as_of_iso() const { return as_of ? as_of->iso() : std::string(); }
};

}  // namespace guarantor::model
