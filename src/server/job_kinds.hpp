#pragma once
// The kinds of background job, each started by its own function; job_endpoints.cpp routes
// POST /api/v1/jobs to them after checking the caller may start that kind.
#include <optional>

#include "api.hpp"

namespace guarantor::server {

/// 202 with the queued job and its Location; 503 `busy` when the runner refused it (nullopt).
Reply accepted(Context& context, const std::optional<JobStatus>& submitted);

/// {"kind": "verify", "report_files"?: [ids]}: verifies stored report files (all when absent)
/// in the background; the result is an unpublished findings version (job_verify.cpp).
Reply start_verify(Context& context, const nlohmann::json& body);

}  // namespace guarantor::server
