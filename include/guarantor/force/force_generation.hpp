#pragma once
// Force generation: the mandate's requirement lines against the coalition's pledges, per phase,
// with the reason for every gap. A statement of requirements, not an optimisation: pledges are
// committed to lines in priority order (ties: earliest readiness, then pledge id), which is how
// a force-generation conference fills a statement of requirements. The planner (module plan)
// optimises positions and assignments on top of this.
#include <string>
#include <vector>

#include "guarantor/force/figures.hpp"
#include "guarantor/model/scenario.hpp"

namespace guarantor::force {

/// Why a pledge does not (fully) count against a requirement line.
enum class Verdict {
  Counted,             ///< eligible and committed to this line
  BlockedByCaveat,     ///< a where / excluded-role caveat forbids this line
  WrongPhase,          ///< a when caveat: usable only from a later phase
  ConditionUnmet,      ///< needs a condition precedent the scenario does not meet
  TooLate,             ///< ready after the line's required-by day
  CommittedElsewhere,  ///< eligible, but already committed to higher-priority lines
  Expired,             ///< its valid-until date precedes the phase
  /// Not counted for a reason its nation does not share with the viewer (caveat, condition,
  /// validity); only in a view made by disclose(), never from generate_force.
  Undisclosed,
};

/// The judgement of one pledge of the line's capability against the line.
struct PledgeAssessment {
  std::string pledge_id;
  std::string nation;
  int offered = 0;    ///< quantity pledged
  int committed = 0;  ///< quantity committed to this line
  Verdict verdict = Verdict::Counted;
  std::string reason;  ///< human-readable, names the caveat, condition or day
  /// Pledges this entry stands for: 1, or in a view made by disclose() the pledges of nations
  /// sharing only totals summed into one entry (then `pledge_id` and `nation` are empty).
  int pledge_count = 1;
};

enum class LineStatus { Covered, Partial, Missing };

struct LineResult {
  std::string line_id;
  std::string capability;
  model::Phase phase = model::Phase::Ceasefire;  ///< the phase the line opens in (it stays in later ones)
  int priority = 1;
  int required = 0;
  int filled = 0;
  LineStatus status = LineStatus::Missing;
  std::vector<PledgeAssessment> pledges;
  std::vector<std::string> gap_reasons;  ///< why the shortfall exists; empty when covered
};

/// Sustained presence: the force needed to keep the committed units deployed under the
/// rotation factor (rule of thirds by default) against what the coalition pledged. Each figure
/// as defined once in guarantor/force/figures.hpp.
struct RotationPool {
  ForceFigures figures;         ///< deployed = personnel of all units committed in the phase
  std::string rotation_source;  ///< where the rotation factor comes from
};

/// One phase: every line needed in it (those opening in it and in earlier phases).
struct PhaseResult {
  model::Phase phase = model::Phase::Ceasefire;
  int opens_day = 0;
  std::vector<LineResult> lines;
  RotationPool rotation;
};

struct ForceGenerationResult {
  std::vector<PhaseResult> phases;
  bool illustrative = false;  ///< any pledge is illustrative: every output must say so
};

struct ForceGenerationOptions {
  /// Overrides the mandate's rotation factor when > 0 (e.g. 4 for a longer cycle).
  double rotation_factor_override = 0.0;
};

/// Computes the requirement-vs-pledge picture for every phase of the mandate.
/// Precondition: the scenario passed validation (references resolve).
ForceGenerationResult generate_force(const model::Scenario& scenario, const ForceGenerationOptions& options = {});

std::string_view to_string(Verdict verdict);
std::string_view to_string(LineStatus status);

}  // namespace guarantor::force
