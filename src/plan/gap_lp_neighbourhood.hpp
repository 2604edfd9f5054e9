#pragma once
// An LP-guided very large neighbourhood for the GAP (relaxation induced, after Danna, Rothberg &
// Le Pape's RINS, 2005): the jobs where the incumbent disagrees with the LP relaxation's choice
// are where a better assignment most likely differs, so a sample of them, with the jobs held by
// the agents they come from and go to (whose room any move between them needs), is freed and
// re-solved exactly over every agent within the room the fixed jobs leave, seeking only a
// cheaper placement of the freed jobs. Jobs are drawn from one seeded generator and the work is
// a count of sub-solves, so the same seed gives the same path.
#include <cstddef>
#include <cstdint>
#include <functional>
#include <random>
#include <vector>

#include "gap_resolve.hpp"
#include "gap_search.hpp"
#include "guarantor/plan/generalized_assignment.hpp"

namespace guarantor::plan::detail {

/// Runs at most `solves` re-solves of about `jobs_per_solve` freed jobs: half drawn from the
/// jobs whose agent in `search`'s best solution differs from `lp_agent` (the LP relaxation's
/// largest share per job), the rest held by the agents those jobs leave or would go to. After
/// `idle_limit` re-solves in a row without an improvement the free sets grow by half, up to
/// `most_jobs_per_solve`, and then it stops; it stops too when best and LP agree everywhere, or
/// when `stop()` is true. Each re-solve (gap_resolve.hpp) may place the freed jobs on every
/// agent; `step` is the instance's objective step. Returns the re-solves that improved.
std::uint64_t improve_by_lp_disagreement(const GapInstance& instance, GapSearch& search,
                                         const std::vector<std::size_t>& lp_agent, std::uint64_t solves,
                                         std::uint64_t idle_limit, std::size_t jobs_per_solve,
                                         std::size_t most_jobs_per_solve, double step, std::mt19937_64& rng,
                                         const GapSubSolver& solve, const std::function<bool()>& stop);

}  // namespace guarantor::plan::detail
