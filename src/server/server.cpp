// Start-up, the route table, authentication, the CSRF and role checks, and the one error mapper
// every endpoint goes through.
#include <algorithm>
#include <cerrno>
#include <chrono>
#include <cstring>

#include <sys/socket.h>

#include <fmt/format.h>

#include "api.hpp"
#include "web_routes.hpp"
#include "guarantor/io/record_codec.hpp"
#include "guarantor/store/records.hpp"

namespace guarantor::server {

namespace {
constexpr std::string_view SESSION_COOKIE = "guarantor_session";
constexpr std::string_view CSRF_HEADER = "X-CSRF-Token";
// Threads serving HTTP requests. Each holds one connection while it serves it (an event stream
// for as long as it lasts); connections close after each request, so requests wait for a thread
// in arrival order, and a few threads per core keep the tail short under many clients.
constexpr std::size_t HTTP_THREADS = 32;
// Connections the kernel holds until the server accepts them. cpp-httplib 0.11 listens with a
// backlog of 5, built into Debian's library; with a new connection per request and 200 clients,
// a full queue drops connection attempts, which the client's kernel retries after 1 s, then 3 s
// (the tail of the latency), and a connection whose handshake completed while the queue was full
// is reset, so its request is lost. The kernel caps the value at net.core.somaxconn (4096).
constexpr int LISTEN_BACKLOG = 1024;

std::int64_t system_epoch() {
  return std::chrono::duration_cast<std::chrono::seconds>(std::chrono::system_clock::now().time_since_epoch()).count();
}

std::string cookie_value(const httplib::Request& request, std::string_view name) {
  const std::string header = request.get_header_value("Cookie");
  std::size_t at = 0;
  while (at < header.size()) {
    std::size_t end = header.find(';', at);
    if (end == std::string::npos) end = header.size();
    std::string part = header.substr(at, end - at);
    const auto first = part.find_first_not_of(' ');
    if (first != std::string::npos) part = part.substr(first);
    if (part.size() > name.size() && part.compare(0, name.size(), name) == 0 && part[name.size()] == '=')
      return part.substr(name.size() + 1);
    at = end + 1;
  }
  return {};
}

Principal authenticate(Server::Impl& server, const httplib::Request& request) {
  const std::string authorization = request.get_header_value("Authorization");
  constexpr std::string_view BEARER = "Bearer ";
  if (!authorization.empty()) {
    if (authorization.rfind(BEARER, 0) != 0)
      throw ApiError(401, "unauthenticated", "Authorization must be \"Bearer <API token>\"");
    if (auto user = server.workspace.user_of_token(authorization.substr(BEARER.size()), server.options.now_epoch()))
      return Principal{*user, false, {}};
    throw ApiError(401, "unauthenticated", "the API token is unknown or revoked");
  }
  const std::string token = cookie_value(request, SESSION_COOKIE);
  if (!token.empty()) {
    if (auto session = server.workspace.find_session(token, server.options.now_epoch()))
      return Principal{session->user, true, session->csrf_token};
  }
  throw ApiError(401, "unauthenticated", "log in (POST /api/v1/login) or send an API token");
}

// Jobs recorded in the workspace's job table.
class WorkspaceJournal : public JobJournal {
public:
  explicit WorkspaceJournal(store::Workspace& workspace) : workspace_(workspace) {}
  void record(const JobStatus& status) override { workspace_.record_job(encode_job(status)); }
  [[nodiscard]] std::optional<JobStatus> find(const std::string& id) const override {
    auto recorded = workspace_.job_record(id);
    if (!recorded) return std::nullopt;
    return decode_job(*recorded);
  }

private:
  store::Workspace& workspace_;
};

bool changes_state(const std::string& method) { return method != "GET" && method != "HEAD"; }

// "request body /pledges/0" -> "/pledges/0": the API reports JSON pointers into the body.
std::string pointer_of(const std::string& where) {
  constexpr std::string_view PREFIX = "request body";
  if (where.rfind(PREFIX, 0) != 0) return where;
  std::string rest = where.substr(PREFIX.size());
  if (!rest.empty() && rest.front() == ' ') rest.erase(0, 1);
  return rest;
}

json error_body(const std::string& code, const std::string& message, const std::string& where) {
  json body = {{"code", code}, {"message", message}};
  if (!where.empty()) body["where"] = where;
  return body;
}

int status_of(ErrorCode code) {
  switch (code) {
    case ErrorCode::Syntax:
    case ErrorCode::Schema:
    case ErrorCode::Reference:
    case ErrorCode::Usage: return 400;
    case ErrorCode::Consistency: return 409;
    default: return 500;
  }
}

void send(httplib::Response& response, const Reply& reply) {
  response.status = reply.status;
  for (const auto& [name, value] : reply.headers) response.set_header(name, value);
  // API answers are never kept; the pages' files say themselves how they may be (asset_reply.hpp).
  if (!reply.headers.contains("Cache-Control")) response.set_header("Cache-Control", "no-store");
  response.set_header("X-Content-Type-Options", "nosniff");
  if (reply.stream) reply.stream(response);
  else if (!reply.text.empty()) response.set_content(reply.text, "application/json");
  else if (reply.status != 204) response.set_content(reply.body.dump(), "application/json");
}

// Debian's cpp-httplib (0.11) answers a client that accepts brotli, as every browser does, with
// brotli at quality 11, compressed anew for each response: measured under load, 3.8 s for the
// 860 KB of milsymbol.js and 1 s for theatre.json, where gzip takes 0.17 s and 0.06 s for about
// 30 % more bytes. So the server offers gzip alone: a request's Accept-Encoding is cut to "gzip"
// or removed before httplib reads it to choose.
void offer_gzip_only(httplib::Request& request) {
  bool gzip = false;
  const auto [first, last] = request.headers.equal_range("Accept-Encoding");
  for (auto it = first; it != last; ++it) gzip = gzip || it->second.find("gzip") != std::string::npos;
  request.headers.erase("Accept-Encoding");
  if (gzip) request.headers.emplace("Accept-Encoding", "gzip");
}

void dispatch(Server::Impl& server, const Route& route, const httplib::Request& request, httplib::Response& response) {
  Reply reply;
  try {
    Principal principal;
    if (!route.is_public) {
      principal = authenticate(server, request);
      // A session cookie is sent by the browser on its own; the CSRF token proves the request
      // came from a page of ours. API tokens are never sent implicitly and need none.
      if (principal.via_session && changes_state(request.method) &&
          request.get_header_value(std::string(CSRF_HEADER)) != principal.csrf_token) {
        throw ApiError(403, "csrf_failed", fmt::format("a state-changing request with a session cookie needs the "
                                                       "session's {} header", CSRF_HEADER));
      }
      if (!route.roles.contains(principal.user.role)) {
        throw ApiError(403, "forbidden", fmt::format("the role {} may not {} {}", store::to_string(principal.user.role),
                                                     route.method, route.pattern));
      }
    }
    Context context{request, principal, server};
    reply = route.handler(context);
  } catch (const ApiError& error) {
    reply = {error.status, error_body(error.code, error.what(), error.where), {}};
  } catch (const store::VersionConflict& conflict) {
    reply = {412, error_body("version_conflict", conflict.diagnostics().front().message, ""), {}};
    reply.headers["ETag"] = etag(conflict.current_version());
  } catch (const store::NotFound& missing) {
    reply = {404, error_body("not_found", missing.diagnostics().front().to_string(), ""), {}};
  } catch (const Error& error) {
    const auto& first = error.diagnostics().front();
    reply = {status_of(error.code()), error_body(std::string(to_string(first.code)), first.message, pointer_of(first.where)), {}};
    json all = json::array();
    for (const auto& d : error.diagnostics())
      all.push_back({{"code", to_string(d.code)}, {"where", pointer_of(d.where)}, {"message", d.message}});
    reply.body["errors"] = all;
    if (reply.status == 500) reply.body = error_body("internal", "the server failed; the request was not applied", "");
  } catch (...) {
    reply = {500, error_body("internal", "the server failed; the request was not applied", ""), {}};
  }
  send(response, reply);
}
}  // namespace

bool is_loopback(const std::string& host) {
  return host == "localhost" || host == "::1" || host.rfind("127.", 0) == 0;
}

std::string etag(std::int64_t version) { return fmt::format("\"{}\"", version); }

json Context::body() const { return io::parse_json_document(request.body, "request body"); }

std::int64_t Context::if_match() const {
  if (!request.has_header("If-Match"))
    throw ApiError(428, "precondition_required", "send If-Match with the ETag of the version you read, so no edit is lost");
  const std::string value = request.get_header_value("If-Match");
  std::int64_t version = 0;
  const auto digits = value.size() > 2 && value.front() == '"' && value.back() == '"' ? value.substr(1, value.size() - 2) : value;
  try {
    std::size_t used = 0;
    version = std::stoll(digits, &used);
    if (used != digits.size()) throw std::invalid_argument("trailing");
  } catch (const std::exception&) {
    throw ApiError(400, "schema", fmt::format("If-Match: got {}; expected an ETag such as \"3\"", value), "If-Match");
  }
  return version;
}

model::Scenario Server::Impl::current_scenario() {
  std::lock_guard lock(base_mutex);
  base.coalition = workspace.coalition();
  base.mandate = workspace.mandate();
  return base;
}

void Server::Impl::check_pledge(const model::Pledge& pledge, const std::string& where) {
  // A pledge's references are its nation (the workspace's nations), its capability (the
  // catalogue) and its sites (the theatre): only the nations are read, not every pledge.
  std::vector<model::Nation> nations;
  for (auto& record : workspace.nations()) nations.push_back(std::move(record.nation));
  std::lock_guard lock(base_mutex);
  base.coalition.nations = std::move(nations);
  io::check_pledge(base, pledge, where);
}

std::vector<Route> routes() {
  std::vector<Route> table;
  add_auth_routes(table);
  add_pledge_routes(table);
  add_reference_routes(table);
  add_account_routes(table);
  add_site_routes(table);
  add_job_routes(table);
  add_plan_routes(table);
  add_week_routes(table);
  add_report_routes(table);
  add_findings_routes(table);
  add_findings_view_routes(table);
  add_incidents_export_routes(table);
  add_brief_pdf_route(table);
  add_catalogue_route(table);
  add_pledge_preview_route(table);
  add_spatial_routes(table);
  add_xlsx_routes(table);
  add_openapi_route(table);
  add_health_routes(table);
  return table;
}

namespace {
// The monitoring page's first view of a findings version reads the version's index, and building
// one from a large version's document takes seconds (60 MiB for 28,039 incidents: 11.9 s under
// load). Verify jobs index the versions they store; the versions stored before this start are
// indexed here, beside the listening server: the newest, which monitors open, and the newest
// published, which the other roles open. A version that cannot be indexed is left to its first
// reader, who gets the error.
void warm_findings_indexes(Server::Impl& impl) {
  try {
    const auto versions = impl.workspace.findings_versions();
    if (versions.empty()) return;
    std::vector<std::int64_t> first;  // built in this order, so the newest is the one kept first
    const auto published =
        std::find_if(versions.rbegin(), versions.rend(), [](const auto& version) { return version.published(); });
    if (published != versions.rend() && published != versions.rbegin()) first.push_back(published->id);
    first.push_back(versions.back().id);
    for (const std::int64_t id : first)
      impl.findings_indexes.get(id, [&impl, id] { return impl.workspace.findings_version_text(id); });
  } catch (...) {  // NOLINT(bugprone-empty-catch): the first reader of the version meets the error
  }
}
}  // namespace

Server::Impl::Impl(store::Workspace& workspace_ref, ServerOptions server_options, model::Scenario base_scenario)
    : workspace(workspace_ref),
      options(std::move(server_options)),
      base(std::move(base_scenario)),
      limiter(options.login_failures_allowed, options.login_window_seconds) {}

Server::Server(store::Workspace& workspace, model::Scenario base, ServerOptions options) {
  if (!options.now_epoch) options.now_epoch = system_epoch;
  impl_ = std::make_unique<Impl>(workspace, std::move(options), std::move(base));
  auto& impl = *impl_;
  // Read once at start, so a bad parameter file fails `serve` before it listens.
  if (!impl.options.planning_dir.empty()) impl.planning = planner::load_parameters(impl.options.planning_dir);
  // Jobs a previous server left waiting or running cannot finish now: say so before taking new ones.
  if (impl.options.interrupt_unfinished_jobs) workspace.interrupt_unfinished_jobs();
  impl.journal = std::make_unique<WorkspaceJournal>(workspace);
  impl.jobs = std::make_unique<JobRunner>(impl.options.job_workers, impl.options.max_active_jobs,
                                          [&workspace] { return workspace.now(); }, impl.journal.get());
  impl.index_warmer = std::thread([&impl] { warm_findings_indexes(impl); });
}

Server::~Server() {
  stop();
  wait_for_start_indexing();
  impl_->jobs.reset();  // waits for running jobs to stop at their next stage
}

int Server::bind() {
  auto& impl = *impl_;
  const bool wants_tls = !impl.options.tls_cert.empty() || !impl.options.tls_key.empty();
  if (!wants_tls && !is_loopback(impl.options.host) && !impl.options.insecure_bind) {
    throw Error(ErrorCode::Usage, "--host",
                fmt::format("plain HTTP on {} would send passwords unencrypted; give --tls-cert and --tls-key, "
                            "or --insecure-bind behind a TLS proxy",
                            impl.options.host));
  }
  if (wants_tls) {
    for (const auto& path : {impl.options.tls_cert, impl.options.tls_key})
      if (path.empty() || !std::filesystem::is_regular_file(path))
        throw Error(ErrorCode::FileNotFound, path.string(), "TLS needs both --tls-cert and --tls-key as readable PEM files");
    auto secure = std::make_unique<httplib::SSLServer>(impl.options.tls_cert.c_str(), impl.options.tls_key.c_str());
    if (!secure->is_valid())
      throw Error(ErrorCode::Schema, impl.options.tls_cert.string(), "the certificate or key could not be loaded (PEM expected, matching pair)");
    impl.http = std::move(secure);
    impl.tls = true;
  } else {
    impl.http = std::make_unique<httplib::Server>();
  }
  impl.http->set_payload_max_length(impl.options.max_body_bytes);
  // cpp-httplib serves a keep-alive connection on one worker until it closes; with more clients
  // than workers the others would wait for whole connections, not requests. One request per
  // connection turns the wait into a first-come queue of requests (a loopback or LAN connect
  // costs far less than the request).
  impl.http->set_keep_alive_max_count(1);
  impl.http->new_task_queue = [] { return new httplib::ThreadPool(HTTP_THREADS); };
  if (impl.options.max_event_streams >= HTTP_THREADS)
    throw Error(ErrorCode::Usage, "--max-event-streams",
                fmt::format("got {}; expected fewer than the server's {} HTTP threads, so streams leave threads "
                            "for other requests", impl.options.max_event_streams, HTTP_THREADS));
  // The listening socket is the one socket the server itself creates: kept to set its backlog.
  impl.http->set_socket_options([&impl](socket_t socket) {
    httplib::default_socket_options(socket);
    impl.listening_socket = socket;
  });
  // httplib owns each request as a non-const object and lends it to handlers as const: changing
  // a header of it here is defined behaviour.
  impl.http->set_pre_routing_handler([](const httplib::Request& request, httplib::Response&) {
    offer_gzip_only(const_cast<httplib::Request&>(request));
    return httplib::Server::HandlerResponse::Unhandled;
  });
  auto table = routes();
  for (auto& page : page_routes()) table.push_back(std::move(page));
  for (const auto& route : table) {
    auto handler = [&impl, route](const httplib::Request& request, httplib::Response& response) {
      dispatch(impl, route, request, response);
    };
    if (route.method == "GET") impl.http->Get(route.pattern, handler);
    else if (route.method == "POST") impl.http->Post(route.pattern, handler);
    else if (route.method == "PUT") impl.http->Put(route.pattern, handler);
    else if (route.method == "DELETE") impl.http->Delete(route.pattern, handler);
  }
  impl.http->set_error_handler([max = impl.options.max_body_bytes](const httplib::Request&, httplib::Response& response) {
    // Called for every status >= 400; the endpoints' own JSON errors are kept as they are.
    if (!response.body.empty()) return;
    // Unknown paths and oversized bodies still answer in JSON with a stable code.
    json body = error_body("bad_request", "the request could not be read", "");
    if (response.status == 404) body = error_body("not_found", "no such resource; the API is under /api/v1", "");
    if (response.status == 413)
      body = error_body("too_large", fmt::format("the request body exceeds the limit of {} bytes", max), "");
    if (response.status == 405) body = error_body("method_not_allowed", "this method is not served on this path", "");
    response.set_content(body.dump(), "application/json");
  });
  const int port = impl.options.port == 0 ? impl.http->bind_to_any_port(impl.options.host)
                                          : (impl.http->bind_to_port(impl.options.host, impl.options.port) ? impl.options.port : -1);
  if (port < 0)
    throw Error(ErrorCode::OutputFailed, fmt::format("{}:{}", impl.options.host, impl.options.port),
                "cannot listen on this address (in use, or not an address of this machine)");
  // listen() again on a listening socket only sets its backlog (see LISTEN_BACKLOG).
  if (::listen(impl.listening_socket, LISTEN_BACKLOG) != 0)
    throw Error(ErrorCode::OutputFailed, fmt::format("{}:{}", impl.options.host, port),
                fmt::format("cannot set the listening backlog: {}", std::strerror(errno)));
  impl.bound_port = port;
  return port;
}

void Server::listen() { impl_->http->listen_after_bind(); }

void Server::stop() {
  if (impl_->jobs) impl_->jobs->shutdown();  // ends event streams, cancels jobs
  if (impl_->http) impl_->http->stop();
}

bool Server::running() const { return impl_->http && impl_->http->is_running(); }
bool Server::tls() const { return impl_->tls; }

void Server::wait_for_start_indexing() {
  if (impl_->index_warmer.joinable()) impl_->index_warmer.join();
}

}  // namespace guarantor::server
