// Every endpoint against every role, with the statuses of the role matrix in docs/workspace.md:
// 401 without credentials, 403 for a role the matrix refuses, anything else for one it admits.
// Write requests carry bodies or headers that are refused after the access check (400, 404,
// 428), so the matrix changes nothing in the workspace.
#include <algorithm>
#include <regex>
#include <set>

#include "http_fixture.hpp"

namespace guarantor::testing {
namespace {

struct Case {
  const char* method;
  const char* path;
  const char* body;
  std::set<std::string> admitted;  // user names of the fixture
};

const std::set<std::string> ALL = {"secretariat", "liaison.fr", "host", "planner", "monitor", "observer"};
const std::set<std::string> STAFF = {"secretariat", "liaison.fr", "host", "planner", "monitor"};
const std::set<std::string> PLEDGE_READERS = {"secretariat", "liaison.fr", "host", "planner"};
const std::set<std::string> PLEDGE_WRITERS = {"secretariat", "liaison.fr"};

const Case MATRIX[] = {
    {"POST", "/api/v1/logout", "", ALL},
    {"GET", "/api/v1/session", "", ALL},
    {"GET", "/api/v1/nations", "", STAFF},
    {"GET", "/api/v1/catalogue", "", ALL},
    {"PUT", "/api/v1/nations/FR/sharing", "{}", PLEDGE_WRITERS},
    {"PUT", "/api/v1/nations/FR", "{}", PLEDGE_WRITERS},
    {"GET", "/api/v1/pledges", "", PLEDGE_READERS},
    {"POST", "/api/v1/pledges", "{}", PLEDGE_WRITERS},
    {"GET", "/api/v1/pledges/FR-1", "", PLEDGE_READERS},
    {"PUT", "/api/v1/pledges/FR-1", "{}", PLEDGE_WRITERS},
    {"DELETE", "/api/v1/pledges/FR-1", "", PLEDGE_WRITERS},
    {"POST", "/api/v1/pledges/FR-1/preview", "{}", PLEDGE_WRITERS},
    {"GET", "/api/v1/requirement-lines", "", STAFF},
    {"GET", "/api/v1/requirement-lines/R-CMD-1", "", STAFF},
    {"PUT", "/api/v1/requirement-lines/R-CMD-1", "{}", {"secretariat", "planner"}},
    {"POST", "/api/v1/requirement-lines", "{}", {"secretariat", "planner"}},
    {"DELETE", "/api/v1/requirement-lines/R-CMD-1", "", {"secretariat", "planner"}},
    {"GET", "/api/v1/sites", "", STAFF},
    {"GET", "/api/v1/sites/hub.lviv", "", STAFF},
    {"POST", "/api/v1/sites/search", "{}", STAFF},
    {"PUT", "/api/v1/sites/hub.lviv/negotiation", "{}", {"secretariat", "host"}},
    {"PUT", "/api/v1/sites/hub.lviv/assessment", "{}", {"secretariat", "host", "planner"}},
    {"POST", "/api/v1/sites/hub.lviv/comments", "{}", {"secretariat", "liaison.fr", "host", "planner"}},
    {"GET", "/api/v1/gap-board", "", PLEDGE_READERS},
    {"GET", "/api/v1/pledges.xlsx", "", PLEDGE_READERS},
    {"GET", "/api/v1/gap-board.xlsx", "", PLEDGE_READERS},
    {"GET", "/api/v1/plans/999999/movements.xlsx", "", {"secretariat", "host", "planner"}},
    {"GET", "/api/v1/findings/999999.xlsx", "", ALL},
    {"GET", "/api/v1/findings/999999/incidents.csv", "", ALL},
    {"GET", "/api/v1/findings/999999/incidents.xlsx", "", ALL},
    {"GET", "/api/v1/history?limit=5", "", PLEDGE_READERS},
    // The route admits every role that starts or follows some kind of job; each kind then admits
    // its own (job_api_test.cpp, findings_api_test.cpp).
    {"POST", "/api/v1/jobs", "{}", {"secretariat", "planner", "monitor"}},
    {"GET", "/api/v1/jobs/job-0000000000000000", "", {"secretariat", "host", "planner", "monitor"}},
    {"GET", "/api/v1/jobs/job-0000000000000000/events", "", {"secretariat", "host", "planner", "monitor"}},
    {"DELETE", "/api/v1/jobs/job-0000000000000000", "", {"secretariat", "planner", "monitor"}},
    {"POST", "/api/v1/reports", "{}", {"secretariat", "monitor"}},
    {"GET", "/api/v1/reports", "", {"secretariat", "monitor"}},
    {"GET", "/api/v1/reports/999999", "", {"secretariat", "monitor"}},
    {"GET", "/api/v1/findings", "", ALL},
    {"GET", "/api/v1/findings/999999", "", ALL},
    {"GET", "/api/v1/findings/999999/summary", "", ALL},
    {"GET", "/api/v1/findings/999999/findings", "", ALL},
    {"POST", "/api/v1/findings/999999/publish", "", {"secretariat", "monitor"}},
    {"POST", "/api/v1/findings/999999/incidents/search", "{}", ALL},
    {"GET", "/api/v1/plans", "", ALL},
    {"GET", "/api/v1/plans/999999", "", ALL},
    {"GET", "/api/v1/plans/compare", "", {"secretariat", "host", "planner"}},
    {"POST", "/api/v1/plans/999999/publish", "", {"secretariat", "planner"}},
    {"GET", "/api/v1/weeks", "", STAFF},
    {"POST", "/api/v1/weeks", "{}", {"secretariat"}},
    {"GET", "/api/v1/weeks/999999", "", STAFF},
    {"GET", "/api/v1/weeks/999999/brief.pdf", "", STAFF},
    {"POST", "/api/v1/weeks/999999/close", "", {"secretariat"}},
    {"POST", "/api/v1/weeks/999999/decisions", "{}", {"secretariat"}},
    {"PUT", "/api/v1/decisions/999999", "{}", {"secretariat"}},
    {"GET", "/api/v1/users", "", {"secretariat"}},
    {"GET", "/api/v1/status", "", {"secretariat"}},
    {"POST", "/api/v1/users", "{}", {"secretariat"}},
    {"PUT", "/api/v1/users/observer/disabled", "{}", {"secretariat"}},
    {"PUT", "/api/v1/users/observer/password", "{}", {"secretariat"}},
    {"PUT", "/api/v1/session/password", "{}", ALL},
    {"GET", "/api/v1/tokens", "", ALL},
    {"POST", "/api/v1/tokens", "{}", ALL},
    {"DELETE", "/api/v1/tokens/999999", "", ALL},
};

httplib::Result send(httplib::Client& client, const Case& c, const httplib::Headers& headers) {
  const std::string method = c.method;
  if (method == "GET") return client.Get(c.path, headers);
  if (method == "POST") return client.Post(c.path, headers, c.body, "application/json");
  if (method == "PUT") return client.Put(c.path, headers, c.body, "application/json");
  return client.Delete(c.path, headers);
}

class RoleMatrix : public HttpTest {};

TEST_P(RoleMatrix, EveryEndpointAgainstEveryRole) {
  auto client = server_->client();
  const auto history_before = workspace_->history().size();
  for (const auto& c : MATRIX) {
    auto anonymous = send(client, c, {});
    ASSERT_TRUE(anonymous) << c.method << " " << c.path;
    EXPECT_EQ(anonymous->status, 401) << c.method << " " << c.path << " without credentials";
    for (const auto& user : ALL) {
      auto result = send(client, c, as(user));
      ASSERT_TRUE(result) << c.method << " " << c.path;
      if (c.admitted.contains(user)) {
        EXPECT_NE(result->status, 401) << c.method << " " << c.path << " as " << user << ": " << result->body;
        EXPECT_NE(result->status, 403) << c.method << " " << c.path << " as " << user << ": " << result->body;
      } else {
        EXPECT_EQ(result->status, 403) << c.method << " " << c.path << " as " << user << ": " << result->body;
        EXPECT_EQ(json_of(result).value("code", ""), "forbidden");
      }
    }
  }
  EXPECT_EQ(workspace_->history().size(), history_before) << "the matrix wrote something";
}

// Every route of the server is in MATRIX (public ones need no credentials and are tested where
// they are served), so a new endpoint cannot skip the role check.
TEST(RoleMatrixCoverage, EveryRouteIsInTheMatrix) {
  for (const auto& route : server::route_table()) {
    if (route.is_public) continue;
    const std::regex pattern(route.pattern);
    const bool listed = std::any_of(std::begin(MATRIX), std::end(MATRIX), [&](const Case& c) {
      std::string path = c.path;
      path = path.substr(0, path.find('?'));
      return c.method == route.method && std::regex_match(path, pattern);
    });
    EXPECT_TRUE(listed) << route.method << " " << route.pattern << " is not in the role matrix";
  }
}

TEST_P(RoleMatrix, UnknownPathsAndBadIdsAreNotFound) {
  auto client = server_->client();
  for (const char* path : {"/api/v1/nowhere", "/api/v1/pledges/..%2F..%2Fetc%2Fpasswd", "/api/v1/pledges/a%3BDROP%20TABLE%20pledge",
                           "/api/v1/pledges/NO-SUCH-PLEDGE"}) {
    auto result = client.Get(path, as("secretariat"));
    ASSERT_TRUE(result) << path;
    EXPECT_EQ(result->status, 404) << path;
    EXPECT_EQ(json_of(result).value("code", ""), "not_found") << path;
  }
  EXPECT_EQ(workspace_->pledges().size(), base_->coalition.pledges.size());
}

GUARANTOR_HTTP_ON_BOTH_BACKENDS(RoleMatrix);

}  // namespace
}  // namespace guarantor::testing
