// /api/v1/jobs: plans made in the background. POST starts one on the worker pool (202), GET
// reads its progress, GET .../events streams the progress as server-sent events until the job
// ends, DELETE cancels it. A finished plan job's result is a stored, unpublished plan version.
#include <fmt/format.h>

#include "guarantor/core/sha256.hpp"
#include "guarantor/io/record_codec.hpp"
#include "guarantor/planner/plan_json.hpp"
#include "guarantor/planner/planner.hpp"
#include "pledge_scope.hpp"

namespace guarantor::server {

namespace {
using store::Role;
const std::set<Role> STARTERS = {Role::Secretariat, Role::Planner};
// The host nation reads all plans, so it may follow the jobs that make them.
const std::set<Role> FOLLOWERS = {Role::Secretariat, Role::Planner, Role::HostNation};
constexpr const char* ONE = R"(/api/v1/jobs/(job-[0-9a-f]{16}))";
constexpr auto EVENT_WAIT = std::chrono::milliseconds(1000);

JobStatus status_or_missing(Context& context, const std::string& id) {
  auto status = context.server.jobs->status(id);
  if (!status) throw store::NotFound("job", id);
  return *status;
}

store::PlanHeadline headline_of(const planner::Plan& plan) {
  store::PlanHeadline headline;
  headline.lines_total = static_cast<int>(plan.lines.size());
  for (const auto& line : plan.lines) headline.lines_met += line.status == planner::LineStatus::Met ? 1 : 0;
  headline.deployed_units = plan.rotation.deployed_units;
  headline.deployed_personnel = plan.rotation.figures.deployed_personnel;
  headline.closure_day = plan.closure.empty() ? 0 : plan.closure.back().day;
  headline.illustrative = plan.provenance.illustrative;
  return headline;
}

Reply start(Context& context) {
  const json body = context.body();
  if (!body.is_object()) throw ApiError(400, "schema", fmt::format("got {}; expected an object", body.type_name()), "");
  for (const auto& [key, value] : body.items())
    if (key != "kind") throw ApiError(400, "schema", fmt::format("unknown member \"{}\"; expected kind", key), "/" + key);
  if (!body.contains("kind") || body["kind"] != "plan")
    throw ApiError(400, "schema",
                   "expected \"plan\" (verification jobs need stored reports, which the workspace does not hold yet)", "/kind");
  auto& server = context.server;
  if (!server.planning)
    throw ApiError(503, "unavailable", "the server was started without planner parameters; plans cannot be made here");
  // The inputs are taken now, so the version records exactly the state the plan was asked for.
  model::Scenario scenario = server.current_scenario();
  const auto [seq, hash] = server.workspace.history_head();
  json inputs = {{"coalition_sha256", sha256_hex(io::encode_coalition(scenario.coalition).dump())},
                 {"mandate_sha256", sha256_hex(io::encode_mandate(scenario.mandate).dump())},
                 {"history_seq", seq},
                 {"history_hash", hash}};
  const std::string actor = context.user().name;
  auto& workspace = server.workspace;
  const auto& params = *server.planning;
  auto submitted = server.jobs->submit("plan", actor, [&workspace, &params, scenario = std::move(scenario), inputs,
                                                       actor](JobProgress& progress) {
    planner::PlannerOptions options;
    options.on_stage = [&progress](std::string_view stage, int done, int total) { progress.stage(stage, done, total); };
    const planner::Plan plan = planner::make_plan(scenario, params, options);
    json recorded = inputs;
    recorded["parameters_sha256"] = sha256_hex(json(plan.provenance.parameters).dump());
    return workspace.store_plan_version(planner::plan_to_json(plan), recorded, headline_of(plan), progress.job_id(), actor).id;
  });
  if (!submitted)
    throw ApiError(503, "busy", fmt::format("{} jobs are already waiting or running; try again when one has finished",
                                            server.options.max_active_jobs));
  Reply reply{202, encode_job(*submitted), {}};
  reply.headers["Location"] = "/api/v1/jobs/" + submitted->id;
  return reply;
}

Reply read_one(Context& context) { return {200, encode_job(status_or_missing(context, context.path_param(1))), {}}; }

Reply events(Context& context) {
  const std::string id = context.path_param(1);
  status_or_missing(context, id);  // 404 before the stream starts
  Reply reply;
  reply.headers["X-Accel-Buffering"] = "no";
  reply.stream = [runner = context.server.jobs.get(), id](httplib::Response& response) {
    auto seen = std::make_shared<std::uint64_t>(0);
    response.set_chunked_content_provider("text/event-stream", [runner, id, seen](std::size_t, httplib::DataSink& sink) {
      if (!sink.is_writable()) return false;
      const auto status = runner->wait_change(id, *seen, EVENT_WAIT);
      if (!status) {  // the server is stopping, or the job was forgotten
        sink.done();
        return true;
      }
      if (status->revision <= *seen) {
        constexpr std::string_view KEEP_ALIVE = ": waiting\n\n";  // a comment line keeps proxies from timing out
        return sink.write(KEEP_ALIVE.data(), KEEP_ALIVE.size());
      }
      *seen = status->revision;
      const std::string event = fmt::format("event: {}\nid: {}\ndata: {}\n\n", status->finished() ? "end" : "progress",
                                            status->revision, encode_job(*status).dump());
      if (!sink.write(event.data(), event.size())) return false;
      if (status->finished()) sink.done();
      return true;
    });
  };
  return reply;
}

Reply cancel(Context& context) {
  const std::string id = context.path_param(1);
  status_or_missing(context, id);
  if (!context.server.jobs->cancel(id))
    throw ApiError(409, "consistency", fmt::format("job {} has already finished", id));
  return {202, encode_job(status_or_missing(context, id)), {}};
}
}  // namespace

void add_job_routes(std::vector<Route>& table) {
  table.push_back({"POST", "/api/v1/jobs", STARTERS, start});
  table.push_back({"GET", ONE, FOLLOWERS, read_one});
  table.push_back({"GET", std::string(ONE) + "/events", FOLLOWERS, events});
  table.push_back({"DELETE", ONE, STARTERS, cancel});
}

}  // namespace guarantor::server
