// /api/v1/jobs: plans and verification runs made in the background. POST starts one on the
// worker pool (202), GET reads its progress, GET .../events streams the progress as server-sent
// events until the job ends, DELETE cancels it. A finished job's result is a stored, unpublished
// version: a plan version for "plan", a findings version for "verify" (job_verify.cpp). Who may
// start, follow and cancel a job depends on its kind: planners plan, monitors verify.
#include <atomic>

#include <fmt/format.h>

#include "guarantor/core/sha256.hpp"
#include "guarantor/io/record_codec.hpp"
#include "guarantor/planner/plan_json.hpp"
#include "guarantor/planner/planner.hpp"
#include "job_kinds.hpp"
#include "pledge_scope.hpp"

namespace guarantor::server {

namespace {
using store::Role;
// The union over the kinds; each kind then admits its own (roles_of).
const std::set<Role> STARTERS = {Role::Secretariat, Role::Planner, Role::Monitor};
const std::set<Role> FOLLOWERS = {Role::Secretariat, Role::Planner, Role::HostNation, Role::Monitor};

struct KindRoles {
  std::set<Role> start;   ///< start and cancel
  std::set<Role> follow;  ///< read progress
};
// The host nation reads all plans, so it may follow the jobs that make them; findings are the
// monitors' work until published, so only they and the secretariat follow verify jobs.
KindRoles roles_of(const std::string& kind) {
  if (kind == "verify") return {{Role::Secretariat, Role::Monitor}, {Role::Secretariat, Role::Monitor}};
  return {{Role::Secretariat, Role::Planner}, {Role::Secretariat, Role::Planner, Role::HostNation}};
}
constexpr const char* ONE = R"(/api/v1/jobs/(job-[0-9a-f]{16}))";
constexpr auto EVENT_WAIT = std::chrono::milliseconds(1000);

// The job if the caller may follow its kind; 404 otherwise, as for a job that does not exist.
JobStatus status_or_missing(Context& context, const std::string& id) {
  auto status = context.server.jobs->status(id);
  if (!status || !roles_of(status->kind).follow.contains(context.user().role)) throw store::NotFound("job", id);
  return *status;
}

}  // namespace

Reply accepted(Context& context, const std::optional<JobStatus>& submitted) {
  if (!submitted)
    throw ApiError(503, "busy", fmt::format("{} jobs are already waiting or running; try again when one has finished",
                                            context.server.options.max_active_jobs));
  Reply reply{202, encode_job(*submitted), {}};
  reply.headers["Location"] = "/api/v1/jobs/" + submitted->id;
  return reply;
}

namespace {
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

Reply start_plan(Context& context, const json& body) {
  for (const auto& [key, value] : body.items())
    if (key != "kind") throw ApiError(400, "schema", fmt::format("unknown member \"{}\"; expected kind", key), "/" + key);
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
  return accepted(context, server.jobs->submit("plan", actor, [&workspace, &params, scenario = std::move(scenario), inputs,
                                                       actor](JobProgress& progress) {
    planner::PlannerOptions options;
    options.on_stage = [&progress](std::string_view stage, int done, int total) { progress.stage(stage, done, total); };
    const planner::Plan plan = planner::make_plan(scenario, params, options);
    json recorded = inputs;
    recorded["parameters_sha256"] = sha256_hex(json(plan.provenance.parameters).dump());
    return workspace.store_plan_version(planner::plan_to_json(plan), recorded, headline_of(plan), progress.job_id(), actor).id;
  }));
}

Reply start(Context& context) {
  const json body = context.body();
  if (!body.is_object()) throw ApiError(400, "schema", fmt::format("got {}; expected an object", body.type_name()), "");
  if (!body.contains("kind") || !body["kind"].is_string() || (body["kind"] != "plan" && body["kind"] != "verify"))
    throw ApiError(400, "schema", "expected \"plan\" or \"verify\"", "/kind");
  const std::string kind = body["kind"];
  if (!roles_of(kind).start.contains(context.user().role))
    throw ApiError(403, "forbidden", fmt::format("the role {} may not start {} jobs", store::to_string(context.user().role), kind));
  return kind == "verify" ? start_verify(context, body) : start_plan(context, body);
}

Reply read_one(Context& context) { return {200, encode_job(status_or_missing(context, context.path_param(1))), {}}; }

// One open event stream, counted in the server's open_streams while it lives: the stream's
// content provider holds it, and cpp-httplib destroys the provider when the stream ends, however
// it ends (the job done, the client gone, the server stopping).
class StreamSlot {
public:
  explicit StreamSlot(std::atomic<std::size_t>& open) : open_(open) {}
  ~StreamSlot() { --open_; }
  StreamSlot(const StreamSlot&) = delete;
  StreamSlot& operator=(const StreamSlot&) = delete;

private:
  std::atomic<std::size_t>& open_;
};

Reply events(Context& context) {
  const std::string id = context.path_param(1);
  status_or_missing(context, id);  // 404 before the stream starts
  // Each stream holds one HTTP thread until its job ends, so their number is bounded, leaving
  // threads for every other request.
  auto& server = context.server;
  if (++server.open_streams > server.options.max_event_streams) {
    --server.open_streams;
    throw ApiError(503, "unavailable",
                   fmt::format("{} event streams are open, as many as this server serves at once; poll GET "
                               "/api/v1/jobs/{} instead, or retry later",
                               server.options.max_event_streams, id));
  }
  auto slot = std::make_shared<StreamSlot>(server.open_streams);
  Reply reply;
  reply.headers["X-Accel-Buffering"] = "no";
  reply.stream = [runner = server.jobs.get(), id, slot](httplib::Response& response) {
    auto seen = std::make_shared<std::uint64_t>(0);
    response.set_chunked_content_provider("text/event-stream", [runner, id, seen, slot](std::size_t, httplib::DataSink& sink) {
      if (!sink.is_writable()) return false;
      auto status = runner->wait_change(id, *seen, EVENT_WAIT);
      if (!status) {
        // Not in memory: a job finished before a restart ends its stream with its one last
        // event; otherwise the server is stopping.
        status = runner->status(id);
        if (!status || !status->finished() || status->revision <= *seen) {
          sink.done();
          return true;
        }
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
  const JobStatus status = status_or_missing(context, id);
  if (!roles_of(status.kind).start.contains(context.user().role))
    throw ApiError(403, "forbidden", fmt::format("the role {} may not cancel {} jobs", store::to_string(context.user().role), status.kind));
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
