#pragma once
// The one MILP run of a textbook baseline (solve_*_textbook_milp): CBC in this process, or the
// caller's second MILP solver (SolveOptions::textbook_milp_solver) on the same model written to a
// temporary MPS file.
#include "guarantor/plan/solve_result.hpp"
#include "milp.hpp"

namespace guarantor::plan::detail {

struct TextbookRun {
  MilpOutcome outcome;
  ProofMethod method = ProofMethod::Cbc;  ///< what proves a finished run: cbc or external_milp
  /// Wall seconds of the run that were not the solver's own (an external solver's process
  /// start-up): the baseline leaves them out of its time.
  double excluded_seconds = 0;
};

/// Solves `model` with `params` (time and node limits, cutoff) by CBC, or by
/// options.textbook_milp_solver when set (time limit only; the file is removed afterwards).
TextbookRun run_textbook_milp(const MilpModel& model, const MilpParams& params, const SolveOptions& options);

}  // namespace guarantor::plan::detail
