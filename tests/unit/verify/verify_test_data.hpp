#pragma once
// Where the verifier tests find the project's data and their fixtures, and the agreement most of
// them judge against.
#include <filesystem>

#include "guarantor/verify/agreement.hpp"

namespace guarantor::verify {

/// data/ of the source tree: agreements, source registry, gazetteer.
inline const std::filesystem::path DATA = GUARANTOR_TEST_DATA_DIR;
/// tests/fixtures/verify: report files in every supported layout.
inline const std::filesystem::path FIXTURES = std::filesystem::path(GUARANTOR_TEST_FIXTURES_DIR) / "verify";

/// The agreement the default scenario ships (energy moratorium, Black Sea truce, buffer, bands).
inline Agreement default_agreement() { return load_agreement(DATA / "agreements" / "default_agreement.json"); }

}  // namespace guarantor::verify
