// /api/v1/weeks and /api/v1/decisions: the weekly cycle. The secretariat opens a week, records
// decisions with owner and due week, and closes the week, which freezes its snapshot; everyone
// on the staff reads a week's agenda and what changed since the last closed week, cut to what
// they may see of other nations' pledges.
#include <fmt/format.h>

#include "brief_findings.hpp"
#include "pledge_scope.hpp"
#include "week_agenda.hpp"

namespace guarantor::server {

namespace {
using store::Role;
const std::set<Role> STAFF = {Role::Secretariat, Role::Liaison, Role::HostNation, Role::Planner, Role::Monitor};
const std::set<Role> SECRETARIAT = {Role::Secretariat};
constexpr const char* ONE = R"(/api/v1/weeks/([0-9]{1,9}))";

store::WeekRecord week_or_missing(Context& context) {
  const std::string text = context.path_param(1);
  auto week = context.server.workspace.week(std::stoll(text));
  if (!week) throw store::NotFound("week", text);
  return *week;
}

// The snapshot of the last week closed before `number` (null when none was).
json previous_snapshot(Context& context, std::int64_t number) {
  json previous = nullptr;
  for (const auto& week : context.server.workspace.weeks())
    if (week.number < number && week.closed()) previous = week.snapshot;
  return previous;
}

json member(const json& body, const char* key, json::value_t type, const char* expected) {
  if (!body.contains(key)) throw ApiError(400, "schema", fmt::format("missing; expected {}", expected), std::string("/") + key);
  const json& value = body[key];
  const bool fits = type == json::value_t::number_integer ? value.is_number_integer() : value.type() == type;
  if (!fits) throw ApiError(400, "schema", fmt::format("got {}; expected {}", value.dump(), expected), std::string("/") + key);
  return value;
}

void refuse_unknown(const json& body, std::initializer_list<std::string_view> known) {
  if (!body.is_object()) throw ApiError(400, "schema", fmt::format("got {}; expected an object", body.type_name()), "");
  for (const auto& [key, value] : body.items())
    if (std::find(known.begin(), known.end(), key) == known.end())
      throw ApiError(400, "schema", fmt::format("unknown member \"{}\"", key), "/" + key);
}

Reply list(Context& context) {
  const auto [limit, offset] = page_of(context.request);
  const auto weeks = context.server.workspace.weeks();
  json items = json::array();
  for (std::size_t w = offset; w < weeks.size() && items.size() < limit; ++w) items.push_back(store::encode_week(weeks[w]));
  return {200, {{"items", items}, {"total", weeks.size()}, {"limit", limit}, {"offset", offset}}, {}};
}

Reply open(Context& context) {
  const json body = context.body();
  refuse_unknown(body, {"starts_on"});
  const std::string starts_on = member(body, "starts_on", json::value_t::string, "a date YYYY-MM-DD");
  const auto week = context.server.workspace.open_week(starts_on, context.user().name);
  Reply reply{201, store::encode_week(week), {}};
  reply.headers["Location"] = fmt::format("/api/v1/weeks/{}", week.number);
  reply.headers["ETag"] = etag(week.version);
  return reply;
}

Reply read_one(Context& context) {
  const auto week = week_or_missing(context);
  auto& server = context.server;
  const json previous = previous_snapshot(context, week.number);
  // A closed week reads from its snapshot; an open one is computed from the workspace now.
  // An open week's reasons are written for the caller (a liaison's from its cut of the gap board).
  const auto levels = sharing_levels(server.workspace);
  const WeekState open_state =
      week.closed() ? WeekState{} : build_week_state(server, week, previous, &context.user(), levels);
  const json& agenda = week.closed() ? week.snapshot.at("agenda") : open_state.agenda;
  const json& state = week.closed() ? week.snapshot : open_state.snapshot;
  json decisions = json::array();
  for (const auto& decision : server.workspace.decisions())
    if (decision.week == week.number) decisions.push_back(store::encode_decision(decision));
  json body = store::encode_week(week);
  body["agenda"] = cut_for_viewer(agenda, context.user(), levels, !week.closed());
  body["since_last_close"] =
      previous.is_null() ? json() : cut_for_viewer(compare_snapshots(previous, state), context.user(), levels, false);
  if (!previous.is_null()) body["since_last_close"]["findings"] = findings_since(server.workspace, previous, state);
  body["decisions"] = decisions;
  body["plan"] = state.at("plan");
  Reply reply{200, body, {}};
  reply.headers["ETag"] = etag(week.version);
  return reply;
}

Reply close(Context& context) {
  const auto week = week_or_missing(context);
  const std::int64_t version = context.if_match();
  if (week.closed())
    throw ApiError(409, "consistency", fmt::format("week {} was closed by {} at {}", week.number, week.closed_by, week.closed_at));
  auto& server = context.server;
  const auto closed = server.workspace.close_week(
      week.number, build_week_state(server, week, previous_snapshot(context, week.number)).snapshot, version,
      context.user().name);
  Reply reply{200, store::encode_week(closed), {}};
  reply.headers["ETag"] = etag(closed.version);
  return reply;
}

Reply add_decision(Context& context) {
  const auto week = week_or_missing(context);
  const json body = context.body();
  refuse_unknown(body, {"text", "owner", "due_week"});
  const std::string text = member(body, "text", json::value_t::string, "the decision, 1 to 4000 characters");
  const std::string owner = member(body, "owner", json::value_t::string, "who owns it (a nation, a role or a user)");
  const std::int64_t due = member(body, "due_week", json::value_t::number_integer, "the number of the week it is due");
  const auto decision = context.server.workspace.add_decision(week.number, text, owner, due, context.user().name);
  return {201, store::encode_decision(decision), {{"ETag", etag(decision.version)}}};
}

Reply set_decision(Context& context) {
  const std::int64_t id = std::stoll(context.path_param(1));
  const std::int64_t version = context.if_match();
  const json body = context.body();
  refuse_unknown(body, {"status"});
  const std::string status = member(body, "status", json::value_t::string, "open, done or dropped");
  const auto decision = context.server.workspace.set_decision_status(id, status, version, context.user().name);
  return {200, store::encode_decision(decision), {{"ETag", etag(decision.version)}}};
}
}  // namespace

void add_week_routes(std::vector<Route>& table) {
  table.push_back({"GET", "/api/v1/weeks", STAFF, list});
  table.push_back({"POST", "/api/v1/weeks", SECRETARIAT, open});
  table.push_back({"GET", ONE, STAFF, read_one});
  table.push_back({"POST", std::string(ONE) + "/close", SECRETARIAT, close});
  table.push_back({"POST", std::string(ONE) + "/decisions", SECRETARIAT, add_decision});
  table.push_back({"PUT", R"(/api/v1/decisions/([0-9]{1,12}))", SECRETARIAT, set_decision});
}

}  // namespace guarantor::server
