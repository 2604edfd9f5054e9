#pragma once
// A small hand-made theatre, coalition, mandate and force-generation result for the page tests.
// Outlines are coarse hand-drawn polygons; facts are plausible, not authoritative. Some names are
// hostile on purpose (markup and script) so every test exercises escaping.
#include "guarantor/force/force_generation.hpp"
#include "guarantor/model/scenario.hpp"

namespace guarantor::report::testing {

/// Hostile strings planted in the sample; none may appear unescaped in a page.
inline constexpr const char* HOSTILE_PLACE = "<img src=x onerror=\"window.__pwned=1\">";
inline constexpr const char* HOSTILE_SITE = "</script><script>window.__pwned=2</script>";
inline constexpr const char* HOSTILE_ATTRIBUTION = "Test data <script>window.__pwned=3</script> & friends";

/// The sample scenario: six countries (one far-away part of RU outside any frame), four oblasts,
/// one occupied area, nine places, fourteen sites, eight nations with nine pledges.
model::Scenario make_sample_scenario(bool illustrative = true);

/// The sample's capability catalogue (seven capabilities with APP-6 codes).
model::CapabilityCatalogue make_sample_catalogue();
/// Eight nations and nine pledges, some staged in Poland and Romania; all illustrative or none.
model::Coalition make_sample_coalition(bool illustrative);
/// Two phases with seven requirement lines.
model::Mandate make_sample_mandate();

/// A force-generation result for the sample scenario, worked out by hand: ceasefire 4 lines
/// (2 covered, 1 partial, 1 missing), peace deal 3 lines (2 covered, 1 partial).
force::ForceGenerationResult make_sample_force(bool illustrative = true);

}  // namespace guarantor::report::testing
