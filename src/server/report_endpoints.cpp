// /api/v1/reports: incident report files a monitor ingests for verify jobs. A file is read by its
// adapter at upload, so a file the verifier cannot use is refused at once (400, naming the line)
// and rows it cannot read are listed in the answer; the file is then stored byte for byte with
// its SHA-256. Only monitors and the secretariat see the files (they name sources and people).
#include <fstream>
#include <random>
#include <regex>

#include <fmt/format.h>

#include "guarantor/io/output_file.hpp"
#include "guarantor/verify/adapters.hpp"
#include "pledge_scope.hpp"

namespace guarantor::server {

namespace {
using store::Role;
const std::set<Role> MONITORING = {Role::Secretariat, Role::Monitor};
constexpr const char* ONE = R"(/api/v1/reports/([0-9]{1,18}))";
constexpr std::size_t LISTED_REJECTIONS = 100;  ///< rows named in the upload's answer; the count is complete

// A plain file name: it becomes a file name in the verify job's scratch directory and appears
// in findings, so no path separators, no leading dot, and an extension the adapters know.
void check_name(const std::string& name) {
  static const std::regex PLAIN(R"([A-Za-z0-9][A-Za-z0-9._-]{0,127}\.(csv|json|geojson))");
  if (!std::regex_match(name, PLAIN))
    throw ApiError(400, "schema",
                   fmt::format("got \"{}\"; expected a file name of letters, digits, '.', '_', '-' (at most 128) ending "
                               "in .csv, .json or .geojson",
                               name.substr(0, 200)),
                   "/name");
}

struct Scratch {
  Scratch() {
    std::random_device entropy;
    dir = std::filesystem::temp_directory_path() / fmt::format("guarantor-upload-{:08x}{:08x}", entropy(), entropy());
    std::filesystem::create_directories(dir);
  }
  ~Scratch() {
    std::error_code ignored;
    std::filesystem::remove_all(dir, ignored);
  }
  Scratch(const Scratch&) = delete;
  Scratch& operator=(const Scratch&) = delete;
  std::filesystem::path dir;
};

std::string without(std::string text, const std::string& prefix) {
  for (auto at = text.find(prefix); at != std::string::npos; at = text.find(prefix, at)) text.erase(at, prefix.size());
  return text;
}

Reply upload(Context& context) {
  const json body = context.body();
  if (!body.is_object()) throw ApiError(400, "schema", fmt::format("got {}; expected an object", body.type_name()), "");
  for (const auto& [key, value] : body.items())
    if (key != "name" && key != "content")
      throw ApiError(400, "schema", fmt::format("unknown member \"{}\"; expected name, content", key), "/" + key);
  if (!body.contains("name") || !body["name"].is_string()) throw ApiError(400, "schema", "expected the file name as a string", "/name");
  if (!body.contains("content") || !body["content"].is_string() || body["content"].get_ref<const std::string&>().empty())
    throw ApiError(400, "schema", "expected the file's text (CSV or JSON) as a non-empty string", "/content");
  const std::string name = body["name"];
  check_name(name);
  const std::string& content = body["content"].get_ref<const std::string&>();

  // The adapters read files; the same reader the verify job will use decides the format.
  Scratch scratch;
  const auto path = scratch.dir / name;
  io::write_file_atomically(path, content);
  const std::string prefix = scratch.dir.string() + "/";
  const auto format = verify::detect_report_format(path);
  if (!format)
    throw ApiError(400, "schema",
                   "cannot tell the report format: a .json/.geojson file is Guarantor JSON; a CSV needs the header of "
                   "Guarantor CSV (id, outlet, category, ...), ACLED (event_id_cnty, ...) or UCDP GED (type_of_violence, "
                   "where_prec, ...)",
                   "/content");
  if (*format == verify::ReportFormat::Viina)
    throw ApiError(400, "schema", "VIINA comes as two files (event_info and event_labels) and cannot be uploaded here; "
                                  "verify it with `guarantor verify`", "/content");
  verify::AdapterResult read;
  try {
    read = verify::read_report_file(path, format);
  } catch (const Error& error) {
    const auto& first = error.diagnostics().front();
    throw ApiError(400, std::string(to_string(first.code)), fmt::format("{}: {}", without(first.where, prefix), first.message),
                   "/content");
  }
  const auto file = context.server.workspace.add_report_file(name, std::string(verify::to_string(*format)), content,
                                                             static_cast<int>(read.reports.size()),
                                                             static_cast<int>(read.rejected.size()), context.user().name);
  json out = store::encode_report_file(file);
  json rejections = json::array();
  for (const auto& rejection : read.rejected) {
    if (rejections.size() >= LISTED_REJECTIONS) break;
    rejections.push_back({{"where", without(rejection.where, prefix)}, {"reason", rejection.reason}});
  }
  out["rejections"] = rejections;
  Reply reply{201, out, {}};
  reply.headers["Location"] = fmt::format("/api/v1/reports/{}", file.id);
  return reply;
}

Reply list(Context& context) {
  const auto [limit, offset] = page_of(context.request);
  const auto files = context.server.workspace.report_files();
  json items = json::array();
  for (std::size_t i = offset; i < files.size() && items.size() < limit; ++i) items.push_back(store::encode_report_file(files[i]));
  return {200, {{"items", items}, {"total", files.size()}, {"limit", limit}, {"offset", offset}}, {}};
}

Reply read_one(Context& context) {
  const std::int64_t id = std::stoll(context.path_param(1));
  const auto file = context.server.workspace.report_file(id);
  if (!file) throw store::NotFound("report_file", context.path_param(1));
  json out = store::encode_report_file(*file);
  out["content"] = context.server.workspace.report_file_content(id);
  return {200, out, {}};
}
}  // namespace

void add_report_routes(std::vector<Route>& table) {
  table.push_back({"POST", "/api/v1/reports", MONITORING, upload});
  table.push_back({"GET", "/api/v1/reports", MONITORING, list});
  table.push_back({"GET", ONE, MONITORING, read_one});
}

}  // namespace guarantor::server
