// GET /api/v1/weeks/{n}/brief.pdf and `guarantor brief`: the weekly brief printed by headless
// Chromium from the very page /brief?week=N draws, as the user who asked sees it (the same cut
// of other nations' pledges). The browser gets a one-use ticket (GET /print/<ticket>) that
// sets a print session of that user for the print's time limit; the session is ended after.
#include <cmath>

#include <fmt/format.h>

#include "guarantor/report/pdf_print.hpp"
#include "print_tickets.hpp"
#include "web_routes.hpp"

namespace guarantor::server {

namespace {
using store::Role;
const std::set<Role> STAFF = {Role::Secretariat, Role::Liaison, Role::HostNation, Role::Planner, Role::Monitor};

// The address the server's own browser reaches it at: a wildcard bind is reached on loopback;
// host names are not resolved by the print browser, so only IP literals are used.
std::string own_address(const ServerOptions& options, int port) {
  std::string host = options.host;
  if (host.empty() || host == "0.0.0.0" || host == "localhost") host = "127.0.0.1";
  else if (host == "::") host = "::1";
  if (host.find(':') != std::string::npos) host = "[" + host + "]";
  return fmt::format("{}:{}", host, port);
}

// Ends the print session however the print ends.
struct SessionEnd {
  store::Workspace& workspace;
  std::string token;
  ~SessionEnd() {
    try {
      workspace.end_session(token);
    } catch (...) {
      // It expires on its own within the print's time limit.
    }
  }
};

// As the brief page labels it: a closed week by what it froze, an open one by the pledges now.
bool illustrative_week(Server::Impl& server, const store::WeekRecord& week) {
  if (week.closed()) return week.snapshot.at("agenda").value("illustrative", false);
  return server.current_scenario().coalition.has_illustrative();
}

Reply brief_pdf(Context& context) {
  const std::int64_t number = std::stoll(context.path_param(1));
  const auto week = context.server.workspace.week(number);
  if (!week) throw store::NotFound("week", context.path_param(1));
  std::string document;
  try {
    document = print_brief(context.server, number, context.user());
  } catch (const Error& error) {
    // Stable codes: the printer is missing (install it), or it failed or ran out of time.
    const bool missing = error.code() == ErrorCode::FileNotFound;
    throw ApiError(503, missing ? "pdf_printer_unavailable" : "pdf_print_failed", error.diagnostics().front().to_string());
  }
  const std::string name = fmt::format("brief-week-{}{}.pdf", number, illustrative_week(context.server, *week) ? "-ILLUSTRATIVE" : "");
  Reply reply;
  reply.headers["Content-Disposition"] = fmt::format("attachment; filename=\"{}\"", name);
  reply.stream = [body = std::move(document)](httplib::Response& response) { response.set_content(body, "application/pdf"); };
  return reply;
}

// GET /print/<ticket>: sets the print session and sends the browser to the page.
Reply redeem_ticket(Context& context) {
  auto& server = context.server;
  const auto grant = server.print_tickets.redeem(context.path_param(1), server.options.now_epoch());
  if (!grant) throw ApiError(404, "not_found", "no such print ticket (each is used once, within the print's time limit)");
  Reply reply{303, {{"location", grant->page}}, {}};
  reply.headers["Location"] = grant->page;
  const std::int64_t max_age = std::max<std::int64_t>(1, grant->expires_epoch - server.options.now_epoch());
  reply.headers["Set-Cookie"] = fmt::format("guarantor_session={}; Path=/; HttpOnly; SameSite=Strict; Max-Age={}{}",
                                            grant->session_token, max_age, server.tls ? "; Secure" : "");
  return reply;
}
}  // namespace

std::string print_brief(Server::Impl& server, std::int64_t week, const store::User& user) {
  // One browser at a time: each takes a few hundred MB; others wait their turn.
  std::lock_guard lock(server.print_mutex);
  const auto& pdf = server.options.pdf;
  const std::int64_t now = server.options.now_epoch();
  const auto limit_seconds = static_cast<std::int64_t>(std::ceil(static_cast<double>(pdf.time_limit.count()) / 1000.0));
  const auto session = server.workspace.create_session(user.name, now + limit_seconds + 1);
  const SessionEnd end{server.workspace, session.token};
  const std::string ticket = server.print_tickets.issue({session.token, fmt::format("/brief?week={}", week), session.expires_epoch}, now);
  report::PdfPrintOptions options = pdf;
  options.trust_own_certificate = server.tls;
  const std::string url = fmt::format("{}://{}/print/{}", server.tls ? "https" : "http", own_address(server.options, server.bound_port), ticket);
  std::string document = report::print_pdf(url, options);
  server.print_tickets.redeem(ticket, now);  // forgotten if the browser never used it
  return document;
}

void add_brief_pdf_route(std::vector<Route>& table) {
  table.push_back({"GET", R"(/api/v1/weeks/([0-9]{1,9})/brief\.pdf)", STAFF, brief_pdf});
}

std::vector<Route> print_routes() {
  return {{"GET", R"(/print/([0-9a-f]{64}))", {}, redeem_ticket, true}};
}

std::string Server::brief_pdf(std::int64_t week, const std::string& user_name) {
  auto& server = *impl_;
  if (!server.workspace.week(week)) throw store::NotFound("week", std::to_string(week));
  const auto user = server.workspace.user(user_name);
  if (!user) throw store::NotFound("user", user_name);
  return print_brief(server, week, *user);
}

}  // namespace guarantor::server
