#pragma once
// Checks between reading and judging, so that no input is lost or bent silently: every report
// either reaches the pipeline or is a counted rejection that names its file and line, and a run
// refuses parameters no analysis can use.
#include <string>
#include <vector>

#include "guarantor/verify/adapters.hpp"
#include "guarantor/verify/pipeline.hpp"

namespace guarantor::verify {

/// The zone a clock time without "Z" or an offset is read in unless --timezone says otherwise:
/// the reports the verifier is built for are Ukrainian statements and news items, timed in Kyiv.
inline constexpr std::string_view DEFAULT_REPORT_TIME_ZONE = "Europe/Kyiv";
/// Passed as the zone, makes every clock time without a zone a rejection instead.
inline constexpr std::string_view REJECT_LOCAL_TIMES = "reject";

/// Throws Error(Usage) naming the command-line option of the first parameter that is not a
/// finite number in its range (a NaN or negative distance, a credibility outside 1..6, ...).
void check_verify_params(const VerifyParams& params);

/// Keeps the first report of each id (in input order) and turns every later one into a
/// rejection naming where the first was read. Returns how many were rejected.
std::size_t reject_duplicate_ids(std::vector<Report>& reports, std::vector<Rejection>& rejected);

/// Converts every report with `local_time` from `zone` (an IANA name such as "Europe/Kyiv") to
/// UTC, or rejects them all when `zone` is REJECT_LOCAL_TIMES. Returns how many were converted.
/// Throws Error(Usage) naming --timezone when the zone is unknown to the system's tz database.
std::size_t resolve_local_times(std::vector<Report>& reports, std::vector<Rejection>& rejected,
                                const std::string& zone);

}  // namespace guarantor::verify
