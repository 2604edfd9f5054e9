#pragma once
// What every endpoint shares: the caller (principal), the request context, the reply, and the
// error an endpoint throws to answer with a status other than 200.
#include <atomic>
#include <functional>
#include <map>
#include <mutex>
#include <optional>
#include <set>
#include <stdexcept>
#include <string>
#include <thread>

#include <httplib.h>
#include <nlohmann/json.hpp>

#include "findings_index.hpp"
#include "guarantor/planner/parameters.hpp"
#include "guarantor/server/server.hpp"
#include "job_runner.hpp"
#include "login_limiter.hpp"
#include "pledge_table.hpp"
#include "print_tickets.hpp"
#include "response_cache.hpp"

namespace guarantor::server {

using nlohmann::json;

/// An answer other than success: HTTP status, a stable code, a message and, for a bad field,
/// the JSON pointer of that field.
struct ApiError : std::runtime_error {
  ApiError(int status_code, std::string error_code, const std::string& message, std::string pointer = {})
      : std::runtime_error(message), status(status_code), code(std::move(error_code)), where(std::move(pointer)) {}
  int status;
  std::string code;
  std::string where;
};

/// Who is calling, and how they proved it.
struct Principal {
  store::User user;
  bool via_session = false;  ///< cookie session (needs the CSRF header to write) or API token
  std::string csrf_token;
};

struct Reply {
  Reply() = default;
  Reply(int status_code, json reply_body, std::map<std::string, std::string> reply_headers = {})
      : status(status_code), body(std::move(reply_body)), headers(std::move(reply_headers)) {}
  int status = 200;
  json body = json::object();
  std::map<std::string, std::string> headers;
  /// When set, the answer is streamed (server-sent events) by this function instead of `body`.
  std::function<void(httplib::Response&)> stream;
  /// When not empty, the body already encoded (a cached answer), sent instead of `body`.
  std::string text;
};

struct Context;
using Handler = std::function<Reply(Context&)>;

/// Answers the response cache keeps at one revision: every page of the pledge list and every
/// single pledge for each scope (a role, or a liaison's nation) that reads them, with room.
constexpr std::size_t RESPONSE_CACHE_ENTRIES = 4096;
/// Findings versions whose index the server keeps: the latest and the one compared with it.
constexpr std::size_t FINDINGS_INDEXES_KEPT = 2;

/// The shared state behind every request.
struct Server::Impl {
  /// The state of a server over `workspace_ref`, not yet listening and with no jobs.
  Impl(store::Workspace& workspace_ref, ServerOptions server_options, model::Scenario base_scenario);

  store::Workspace& workspace;
  ServerOptions options;
  model::Scenario base;  ///< theatre and catalogue; coalition and mandate refreshed per use
  std::mutex base_mutex;
  LoginLimiter limiter;
  std::unique_ptr<httplib::Server> http;
  bool tls = false;
  std::optional<planner::PlannerParameters> planning;  ///< loaded at start from options.planning_dir
  std::unique_ptr<JobJournal> journal;  ///< the workspace's job table; outlives `jobs`
  std::unique_ptr<JobRunner> jobs;
  /// Answers of hot reads by route, scope and workspace revision (see response_cache.hpp).
  ResponseCache responses{RESPONSE_CACHE_ENTRIES};
  /// The pledges in memory for the hot reads, caught up with the database on each use.
  PledgeTable pledge_table;
  /// The findings versions read last, indexed for the monitoring page (findings_index.hpp).
  FindingsIndexCache findings_indexes{FINDINGS_INDEXES_KEPT};
  /// Indexes the stored versions the monitoring page opens first, from start (server.cpp).
  std::thread index_warmer;
  socket_t listening_socket = INVALID_SOCKET;  ///< set while bind() creates it
  /// Event streams open now (job_endpoints.cpp), at most options.max_event_streams.
  std::atomic<std::size_t> open_streams = 0;
  int bound_port = 0;         ///< the port bind() listens on (the print browser's address)
  std::mutex print_mutex{};     ///< one PDF print at a time
  PrintTickets print_tickets{};  ///< the print browser's one-use entries (brief_pdf_endpoint.cpp)

  /// The scenario as the workspace holds it now, for force generation and reference checks.
  model::Scenario current_scenario();
  /// Checks a pledge's references (nation, capability, sites) against the workspace as it is
  /// now, without copying the theatre and catalogue (a write's hot path). Throws Error.
  void check_pledge(const model::Pledge& pledge, const std::string& where);
};

struct Context {
  const httplib::Request& request;
  Principal principal;
  Server::Impl& server;

  /// The request body parsed as JSON (400 with line and column when malformed).
  [[nodiscard]] json body() const;
  /// Path parameter n (1-based) of the route's pattern.
  [[nodiscard]] std::string path_param(int n) const { return request.matches[n].str(); }
  /// The version named by If-Match ("\"3\""); 428 when absent, 400 when not a version.
  [[nodiscard]] std::int64_t if_match() const;
  [[nodiscard]] const store::User& user() const { return principal.user; }
};

/// The token of the browser session cookie the request carries; empty when it carries none.
std::string session_token_of(const httplib::Request& request);

/// "\"3\"", the ETag of a record version.
std::string etag(std::int64_t version);

/// One route of the table: method, path pattern, the roles admitted, and the handler. Public
/// routes (login) need no credentials.
struct Route {
  std::string method;
  std::string pattern;
  std::set<store::Role> roles;
  Handler handler;
  bool is_public = false;
};

/// The route table in one place; docs/workspace.md's role matrix lists the same.
std::vector<Route> routes();

// The endpoint groups, each in its own file.
void add_auth_routes(std::vector<Route>& table);
void add_pledge_routes(std::vector<Route>& table);
void add_reference_routes(std::vector<Route>& table);
void add_account_routes(std::vector<Route>& table);
void add_site_routes(std::vector<Route>& table);
void add_job_routes(std::vector<Route>& table);
void add_plan_routes(std::vector<Route>& table);
void add_openapi_route(std::vector<Route>& table);
/// GET /api/v1/health (public) and GET /api/v1/status (secretariat), health_endpoints.cpp.
void add_health_routes(std::vector<Route>& table);
void add_week_routes(std::vector<Route>& table);
void add_report_routes(std::vector<Route>& table);
void add_findings_routes(std::vector<Route>& table);
void add_findings_view_routes(std::vector<Route>& table);
/// Findings version `id_text` if the caller may read it; store::NotFound otherwise (an
/// unpublished version is missing for roles that read published findings only).
store::FindingsVersion visible_findings_version(Context& context, const std::string& id_text);
/// The index of `version` (one the caller may read), built from its document when not kept.
std::shared_ptr<const FindingsIndex> findings_index_of(Context& context, const store::FindingsVersion& version);
/// GET /api/v1/findings/{id}/incidents.csv and .xlsx (incidents_export.cpp).
void add_incidents_export_routes(std::vector<Route>& table);
void add_brief_pdf_route(std::vector<Route>& table);
void add_catalogue_route(std::vector<Route>& table);
void add_pledge_preview_route(std::vector<Route>& table);
/// POST /api/v1/sites/search and /api/v1/findings/{id}/incidents/search (spatial_endpoints.cpp).
void add_spatial_routes(std::vector<Route>& table);
/// After the routes they mirror (it reads their roles from the table).
void add_xlsx_routes(std::vector<Route>& table);

/// The weekly brief of `week` as `user` sees it, printed to PDF from the server's own /brief
/// page (the server must be listening). Throws Error as report::print_pdf does.
std::string print_brief(Server::Impl& server, std::int64_t week, const store::User& user);

}  // namespace guarantor::server
