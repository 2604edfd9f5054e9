#pragma once
// A scenario: everything a plan or a force-generation table is computed from.
#include <string>
#include <vector>

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
  std::string as_of;  ///< ISO 8601 date the facts describe
  Theatre theatre;
  CapabilityCatalogue catalogue;
  Coalition coalition;
  Mandate mandate;
  std::vector<SourceFile> files;
};

}  // namespace guarantor::model
