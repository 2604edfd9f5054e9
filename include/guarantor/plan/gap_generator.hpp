#pragma once
// Seeded generators of the standard GAP benchmark types, so solver figures can be reproduced at
// sizes the published files do not cover (m up to 80, n up to 1600). Recipes:
//   C (Chu & Beasley 1997): r_aj ~ U[5, 25], c_aj ~ U[10, 50], b_a = ⌊0.8 Σ_j r_aj / m⌋.
//   D (Chu & Beasley 1997): r_aj ~ U[1, 100], c_aj = 111 − r_aj + e, e ~ U[−10, 10],
//     b_a = ⌊0.8 Σ_j r_aj / m⌋ (costs inversely correlated with resources: hard).
//   E (Laguna, Kelly, González-Velarde & Glover 1995, as used by Yagiura et al. 2004):
//     r_aj = ⌊1 − 10 ln u⌋, c_aj = ⌊1000 / r_aj − 10 v⌋, u ∈ (0, 1], v ∈ [0, 1), b_a = ⌊0.8 Σ_j r_aj / m⌋.
// U[a, b] are integers. All draws are raw mt19937_64 outputs (not std distributions), so the
// same seed gives the same instance with every standard library. Types D and E are meant to be
// minimised (maximising them is trivial).
#include <cstddef>
#include <cstdint>
#include <optional>
#include <string_view>

#include "guarantor/plan/generalized_assignment.hpp"

namespace guarantor::plan {

enum class GapType { C, D, E };

/// "C", "D" or "E" (case-insensitive) → the type; nullopt otherwise.
std::optional<GapType> gap_type_from_string(std::string_view text);

/// A random instance of the type. Throws Error(Schema) when agents or jobs is 0.
GapInstance generate_gap(GapType type, std::size_t agents, std::size_t jobs, std::uint64_t seed);

}  // namespace guarantor::plan
