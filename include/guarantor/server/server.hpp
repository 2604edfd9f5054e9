#pragma once
// The workspace over HTTP: a JSON API under /api/v1 on cpp-httplib, with users, roles, browser
// sessions (HttpOnly SameSite=Strict cookie plus CSRF token), API tokens, scope by nation and
// sharing level, optimistic concurrency (ETag / If-Match) and the audited history.
#include <cstdint>
#include <filesystem>
#include <functional>
#include <memory>
#include <string>
#include <vector>

#include "guarantor/model/scenario.hpp"
#include "guarantor/report/pdf_print.hpp"
#include "guarantor/store/workspace.hpp"

namespace guarantor::server {

/// What verify jobs read besides the report files stored in the workspace (the same files as
/// `guarantor verify`'s options). Without an agreement, verify jobs are refused (503).
struct VerifySettings {
  std::filesystem::path agreement;         ///< provisions (data/agreements/default_agreement.json)
  std::filesystem::path source_registry;   ///< outlet ratings; empty: every outlet rated F
  std::filesystem::path gazetteer;         ///< GeoNames cities1000.txt; empty: no geocoding by place name
  /// Admin areas and the theatre check from the workspace's own theatre (its scenario documents,
  /// exported for each run); false: neither.
  bool workspace_theatre = false;
  std::filesystem::path asset_dir;         ///< where the theatre's "npm:" references resolve
  std::filesystem::path admin_area_names;  ///< data/verify/admin_areas.json (with theatre)
  std::filesystem::path theatre_scope;     ///< data/verify/theatre_scope.json (with theatre)
  std::filesystem::path line_of_contact;   ///< GeoJSON of the occupied area; empty: band zones undetermined
};

/// Limits and addresses, set at start-up and passed in (nothing is read from the environment).
struct ServerOptions {
  std::string host = "127.0.0.1";
  int port = 8080;                  ///< 0: any free port (tests)
  bool insecure_bind = false;       ///< allow plain HTTP on a non-loopback address
  std::filesystem::path tls_cert;   ///< PEM certificate chain; with tls_key enables HTTPS
  std::filesystem::path tls_key;    ///< PEM private key
  std::size_t max_body_bytes = 256 * 1024;  ///< larger request bodies get 413
  std::int64_t session_seconds = 12 * 3600; ///< browser session lifetime
  int login_failures_allowed = 5;           ///< per user name and per client address ...
  std::int64_t login_window_seconds = 900;  ///< ... within this window; then 429
  /// Planner parameters (parameters.json, movement.json, ...) for plans made in the server;
  /// empty: plan jobs are refused (503).
  std::filesystem::path planning_dir;
  VerifySettings verify;           ///< inputs of verify jobs
  /// npm packages (node_modules) the pages' maps load Leaflet and milsymbol from; empty: the
  /// pages draw no map (they say so) and everything else works.
  std::filesystem::path asset_dir;
  unsigned job_workers = 1;        ///< threads running plan and verify jobs (the API keeps its own threads)
  std::size_t max_active_jobs = 4; ///< jobs waiting or running at once; more get 503
  /// Job event streams open at once; more get 503. Each holds one of the server's HTTP threads
  /// until its job ends, so this stays well below their number (HTTP_THREADS, server.cpp).
  std::size_t max_event_streams = 8;
  int agenda_expiry_days = 28;     ///< a week's agenda lists pledges expiring within this many days
  /// The browser that prints the weekly brief's PDF, and its time limit.
  report::PdfPrintOptions pdf;
  /// Mark jobs left waiting or running by an earlier server as interrupted at start; off only
  /// for a short-lived server beside a running one (`guarantor brief`).
  bool interrupt_unfinished_jobs = true;
  /// Seconds since 1970 UTC; injected so tests can move time.
  std::function<std::int64_t()> now_epoch;
};

class Server {
public:
  /// `base` supplies the theatre, catalogue and everything the workspace does not edit (from
  /// Workspace::load); coalition and mandate always come fresh from the workspace.
  Server(store::Workspace& workspace, model::Scenario base, ServerOptions options);
  ~Server();
  Server(const Server&) = delete;
  Server& operator=(const Server&) = delete;

  /// Binds the socket; returns the port. Throws Error: Usage for plain HTTP on a non-loopback
  /// address without insecure_bind, FileNotFound for unreadable TLS files, OutputFailed when the
  /// address cannot be bound.
  int bind();
  /// Serves until stop(); call after bind().
  void listen();
  void stop();
  [[nodiscard]] bool running() const;
  [[nodiscard]] bool tls() const;
  /// Waits until the findings versions stored before the server started (the newest, and the
  /// newest published) are indexed for the monitoring page; the server indexes them from start.
  void wait_for_start_indexing();
  /// The weekly brief of `week` as the user `user_name` sees it, as PDF bytes, printed by the
  /// browser of ServerOptions::pdf from the server's own /brief page; call while listen() runs.
  /// Throws store::NotFound for an unknown week or user, Error as report::print_pdf does.
  std::string brief_pdf(std::int64_t week, const std::string& user_name);

  struct Impl;

private:
  std::unique_ptr<Impl> impl_;
};

/// One route as the server serves it: method, path pattern (a regular expression whose groups
/// are the path parameters), the roles admitted, and whether it needs no credentials.
struct RouteInfo {
  std::string method;
  std::string pattern;
  std::vector<std::string> roles;
  bool is_public = false;
};
/// The route table (docs/openapi.json documents the same routes and roles).
std::vector<RouteInfo> route_table();

/// True for 127.0.0.0/8, ::1 and "localhost".
bool is_loopback(const std::string& host);

}  // namespace guarantor::server
