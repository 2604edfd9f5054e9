// Plans made in the server: a job runs on the worker pool with progress (polled and streamed as
// server-sent events), stores a version with its inputs' hashes, is published in a separate,
// audited act, and two versions compare headline first. A rejected site is never used by a plan
// made in the server. Cancelling stops a waiting job at once and a running one at its next stage.
// Event streams beyond the server's bound are refused (503) and an ended one frees its place.
#include <atomic>
#include <chrono>
#include <future>
#include <thread>

#include <fmt/format.h>

#include "http_fixture.hpp"

namespace guarantor::testing {
namespace {

using nlohmann::json;

class JobApi : public HttpTest {
protected:
  static std::string start_plan(httplib::Client& client) {
    auto started = client.Post("/api/v1/jobs", as("planner"), R"({"kind":"plan"})", "application/json");
    EXPECT_TRUE(started);
    EXPECT_EQ(started->status, 202) << started->body;
    EXPECT_EQ(started->get_header_value("Location"), "/api/v1/jobs/" + json_of(started).at("id").get<std::string>());
    return json_of(started).at("id");
  }
  // Polls until the job has finished; planning the default scenario takes seconds at most.
  static json wait_for(httplib::Client& client, const std::string& id) {
    return finished_job(client, id, "planner", std::chrono::minutes(5));
  }

  // The event stream's events as (name, data) until the server ends it.
  static std::vector<std::pair<std::string, json>> events_of(httplib::Client& client, const std::string& id) {
    std::string text;
    auto result = client.Get("/api/v1/jobs/" + id + "/events", as("host"), [&](const char* data, std::size_t size) {
      text.append(data, size);
      return true;
    });
    EXPECT_TRUE(result);
    EXPECT_EQ(result->status, 200);
    EXPECT_EQ(result->get_header_value("Content-Type"), "text/event-stream");
    std::vector<std::pair<std::string, json>> events;
    std::size_t at = 0;
    while ((at = text.find("event: ", at)) != std::string::npos) {
      const auto name_end = text.find('\n', at);
      const auto data_at = text.find("data: ", name_end) + 6;
      const auto data_end = text.find("\n\n", data_at);
      events.emplace_back(text.substr(at + 7, name_end - at - 7), json::parse(text.substr(data_at, data_end - data_at)));
      at = data_end;
    }
    return events;
  }
};

TEST_P(JobApi, PlansAreStoredPublishedAndComparedAndNeverUseARejectedSite) {
  auto client = server_->client();
  const std::string first_job = start_plan(client);
  const auto events = events_of(client, first_job);
  ASSERT_FALSE(events.empty());
  EXPECT_EQ(events.back().first, "end");
  EXPECT_EQ(events.back().second.at("state"), "succeeded");
  EXPECT_EQ(events.back().second.at("progress").at("done"), 8);
  EXPECT_EQ(events.back().second.at("progress").at("total"), 8);
  for (std::size_t e = 1; e < events.size(); ++e)
    EXPECT_LT(events[e - 1].second.at("revision"), events[e].second.at("revision")) << "events arrive in order";
  const json first = wait_for(client, first_job);
  const std::int64_t first_version = first.at("result").at("plan_version");

  // Unpublished: the planner's colleagues read it in full, everyone else does not see it.
  auto full = client.Get("/api/v1/plans/" + std::to_string(first_version), as("host"));
  ASSERT_EQ(full->status, 200) << full->body;
  const json plan = json_of(full).at("plan");
  EXPECT_EQ(json_of(full).at("inputs").at("history_hash").get<std::string>().size(), 64u);
  EXPECT_EQ(client.Get("/api/v1/plans/" + std::to_string(first_version), as("liaison.fr"))->status, 404);
  EXPECT_EQ(json_of(client.Get("/api/v1/plans", as("observer"))).at("total"), 0);
  ASSERT_FALSE(plan.at("hubs").empty());
  const std::string hub_site = plan.at("hubs").at(0).at("site");

  // Ukraine refuses the first hub's site; the next plan made in the server does without it.
  auto refused = client.Put("/api/v1/sites/" + hub_site + "/negotiation", as("host", {{"If-Match", "\"0\""}}),
                            R"({"status":"rejected","comment":"not available"})", "application/json");
  ASSERT_EQ(refused->status, 200) << refused->body;
  const json second = wait_for(client, start_plan(client));
  ASSERT_EQ(second.at("state"), "succeeded") << second.dump();
  const std::int64_t second_version = second.at("result").at("plan_version");
  const json replanned = json_of(client.Get("/api/v1/plans/" + std::to_string(second_version), as("planner")));
  for (const auto& hub : replanned.at("plan").at("hubs")) EXPECT_NE(hub.at("site"), hub_site);
  for (const auto& assignment : replanned.at("plan").at("assignments")) EXPECT_NE(assignment.value("site", ""), hub_site);
  bool listed_as_rejected = false;
  for (const auto& rejected : replanned.at("plan").at("rejected_sites"))
    listed_as_rejected |= rejected.at("site") == hub_site &&
                          rejected.at("reason").get<std::string>().find("negotiation status rejected") != std::string::npos;
  EXPECT_TRUE(listed_as_rejected);
  EXPECT_NE(replanned.at("inputs").at("mandate_sha256"), json_of(full).at("inputs").at("mandate_sha256"));
  EXPECT_GT(replanned.at("inputs").at("history_seq"), json_of(full).at("inputs").at("history_seq"));

  auto compared = client.Get(fmt::format("/api/v1/plans/compare?from={}&to={}", first_version, second_version), as("planner"));
  ASSERT_EQ(compared->status, 200) << compared->body;
  EXPECT_EQ(json_of(compared).at("headline_change").at("closure_day"),
            replanned.at("headline").at("closure_day").get<int>() - json_of(full).at("headline").at("closure_day").get<int>());
  bool hub_moved = false;
  const json changes = json_of(compared).at("changes");
  for (const auto& change : changes) hub_moved |= change.at("kind") == "hub" && change.at("subject") == hub_site;
  EXPECT_TRUE(hub_moved) << hub_site << " " << changes.dump();
  EXPECT_EQ(client.Get("/api/v1/plans/compare?from=1&to=x", as("planner"))->status, 400);

  // Publishing is its own audited act; then the observer sees the headline, never the plan body.
  EXPECT_EQ(client.Post(fmt::format("/api/v1/plans/{}/publish", second_version), as("host"), "", "application/json")->status, 403);
  auto published = client.Post(fmt::format("/api/v1/plans/{}/publish", second_version), as("planner"), "", "application/json");
  ASSERT_EQ(published->status, 200) << published->body;
  EXPECT_EQ(client.Post(fmt::format("/api/v1/plans/{}/publish", second_version), as("planner"), "", "application/json")->status, 409);
  const auto entries = workspace_->history("plan_version", std::to_string(second_version));
  ASSERT_EQ(entries.size(), 2u);
  EXPECT_EQ(entries[1].action, "publish");
  EXPECT_EQ(entries[1].actor, "planner");
  const json seen = json_of(client.Get("/api/v1/plans", as("observer")));
  ASSERT_EQ(seen.at("total"), 1);
  EXPECT_EQ(seen.at("items").at(0).at("id"), second_version);
  const json headline_only = json_of(client.Get(fmt::format("/api/v1/plans/{}", second_version), as("liaison.fr")));
  EXPECT_FALSE(headline_only.contains("plan"));
  EXPECT_EQ(headline_only.at("headline").at("lines_met"), replanned.at("headline").at("lines_met"));
}

TEST_P(JobApi, CancellingStopsWaitingAndRunningJobsAndStoresNothing) {
  auto client = server_->client();
  const auto versions_before = workspace_->plan_versions().size();
  // One worker: the first job runs, the second waits behind it.
  const std::string running = start_plan(client);
  const std::string waiting = start_plan(client);
  auto cancelled = client.Delete("/api/v1/jobs/" + waiting, as("planner"));
  ASSERT_EQ(cancelled->status, 202) << cancelled->body;
  EXPECT_EQ(json_of(cancelled).at("state"), "cancelled") << "a waiting job stops at once";
  EXPECT_EQ(client.Delete("/api/v1/jobs/" + running, as("planner"))->status, 202);
  EXPECT_EQ(wait_for(client, running).at("state"), "cancelled");
  EXPECT_EQ(client.Delete("/api/v1/jobs/" + running, as("planner"))->status, 409) << "already finished";
  EXPECT_EQ(workspace_->plan_versions().size(), versions_before);
  EXPECT_EQ(client.Get("/api/v1/jobs/job-0123456789abcdef", as("planner"))->status, 404);
}

TEST_P(JobApi, EventStreamsBeyondTheBoundGet503AndAnEndedStreamFreesItsPlace) {
  server::ServerOptions options;
  options.max_event_streams = 1;
  server_.reset();
  RunningServer bounded(*workspace_, *base_, options);
  auto client = bounded.client();
  // One worker: the second job waits behind the first, and its stream stays open meanwhile.
  const std::string running = start_plan(client);
  const std::string waiting = start_plan(client);
  std::promise<void> streaming;
  std::atomic<bool> signalled = false;
  std::thread follower([&] {
    auto own = bounded.client();
    own.Get("/api/v1/jobs/" + waiting + "/events", as("planner"), [&](const char*, std::size_t) {
      if (!signalled.exchange(true)) streaming.set_value();
      return true;
    });
  });
  ASSERT_EQ(streaming.get_future().wait_for(std::chrono::seconds(30)), std::future_status::ready);
  auto refused = client.Get("/api/v1/jobs/" + running + "/events", as("planner"));
  ASSERT_TRUE(refused);
  EXPECT_EQ(refused->status, 503);
  EXPECT_EQ(json_of(refused).at("code"), "unavailable");
  EXPECT_EQ(client.Get("/api/v1/jobs/" + running, as("planner"))->status, 200) << "other requests are served";
  EXPECT_EQ(client.Delete("/api/v1/jobs/" + waiting, as("planner"))->status, 202);
  EXPECT_EQ(client.Delete("/api/v1/jobs/" + running, as("planner"))->status, 202);
  follower.join();  // the cancelled job's stream ended
  // Its place is free once the server has let the stream go: a new stream is served.
  int status = 0;
  for (int attempt = 0; attempt < 100 && status != 200; ++attempt) {
    if (attempt > 0) std::this_thread::sleep_for(std::chrono::milliseconds(20));
    status = client.Get("/api/v1/jobs/" + waiting + "/events", as("planner"))->status;
  }
  EXPECT_EQ(status, 200);
}

TEST_P(JobApi, BadJobRequestsAreLocatedAndStartNothing) {
  auto client = server_->client();
  for (const auto& [body, where] : std::vector<std::pair<std::string, std::string>>{
           {R"({"kind":"audit"})", "/kind"}, {R"({"kind":"plan","extra":1})", "/extra"}, {"[]", ""}, {R"({"kind":)", ":1:9"}}) {
    auto result = client.Post("/api/v1/jobs", as("planner"), body, "application/json");
    ASSERT_EQ(result->status, 400) << body;
    EXPECT_EQ(json_of(result).value("where", ""), where) << body;
  }
  EXPECT_EQ(client.Post("/api/v1/jobs", as("liaison.fr"), R"({"kind":"plan"})", "application/json")->status, 403);
  // Verifying is the monitors' work (findings_api_test.cpp), planning the planners'.
  EXPECT_EQ(client.Post("/api/v1/jobs", as("planner"), R"({"kind":"verify"})", "application/json")->status, 403);
  EXPECT_EQ(client.Post("/api/v1/jobs", as("monitor"), R"({"kind":"plan"})", "application/json")->status, 403);
}

GUARANTOR_HTTP_ON_BOTH_BACKENDS(JobApi);

}  // namespace
}  // namespace guarantor::testing
