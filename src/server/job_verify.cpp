// Verify jobs: the stored report files run through the verifier as `guarantor verify` runs them
// (the same pipeline, agreement, source registry and gazetteer), and the findings stored as a
// findings version that records the SHA-256 of every input. The files are written to a private
// temporary directory for the pipeline's readers; the names in the findings are the stored
// ones ("<file id>/<name>:<line>"), never the temporary paths.
#include <algorithm>
#include <fstream>
#include <random>
#include <sstream>

#include <fmt/format.h>

#include "guarantor/core/sha256.hpp"
#include "guarantor/io/output_file.hpp"
#include "guarantor/verify/outputs.hpp"
#include "guarantor/verify/pipeline.hpp"
#include "job_kinds.hpp"

namespace guarantor::server {

namespace {
// Stages run_verify reports after the files are read: geocode, log_reports, cluster, grade,
// judge, log_results (verify/pipeline.cpp).
constexpr int PIPELINE_STAGES = 6;

struct TemporaryDirectory {
  TemporaryDirectory() {
    std::random_device entropy;
    path = std::filesystem::temp_directory_path() / fmt::format("guarantor-verify-{:08x}{:08x}", entropy(), entropy());
    std::filesystem::create_directories(path);
    std::filesystem::permissions(path, std::filesystem::perms::owner_all);
  }
  ~TemporaryDirectory() {
    std::error_code ignored;
    std::filesystem::remove_all(path, ignored);
  }
  TemporaryDirectory(const TemporaryDirectory&) = delete;
  TemporaryDirectory& operator=(const TemporaryDirectory&) = delete;
  std::filesystem::path path;
};

std::string file_sha256_or_empty(const std::filesystem::path& path) {
  if (path.empty()) return "";
  std::ifstream in(path, std::ios::binary);
  if (!in) throw Error(ErrorCode::FileNotFound, path.string(), "cannot read this verify input of the server");
  std::ostringstream text;
  text << in.rdbuf();
  return sha256_hex(text.str());
}

void strip_prefix(std::string& text, const std::string& prefix) {
  for (auto at = text.find(prefix); at != std::string::npos; at = text.find(prefix, at)) text.erase(at, prefix.size());
}

// The files a job verifies: those listed in the body (each must exist), else every stored one.
std::vector<store::ReportFile> chosen_files(Context& context, const nlohmann::json& body) {
  auto& workspace = context.server.workspace;
  std::vector<store::ReportFile> files;
  if (!body.contains("report_files")) {
    files = workspace.report_files();
    if (files.empty())
      throw ApiError(409, "consistency", "no report files are stored; upload some with POST /api/v1/reports first");
    return files;
  }
  const auto& ids = body["report_files"];
  if (!ids.is_array() || ids.empty())
    throw ApiError(400, "schema", "expected a non-empty array of report file ids", "/report_files");
  for (std::size_t i = 0; i < ids.size(); ++i) {
    const std::string where = fmt::format("/report_files/{}", i);
    if (!ids[i].is_number_integer()) throw ApiError(400, "schema", fmt::format("got {}; expected a report file id", ids[i].dump()), where);
    auto file = workspace.report_file(ids[i].get<std::int64_t>());
    if (!file) throw ApiError(400, "reference", fmt::format("no report file {} is stored", ids[i].dump()), where);
    for (const auto& chosen : files)
      if (chosen.id == file->id) throw ApiError(400, "schema", fmt::format("report file {} is listed twice", file->id), where);
    files.push_back(*file);
  }
  return files;
}
}  // namespace

Reply start_verify(Context& context, const nlohmann::json& body) {
  for (const auto& [key, value] : body.items())
    if (key != "kind" && key != "report_files")
      throw ApiError(400, "schema", fmt::format("unknown member \"{}\"; expected kind, report_files", key), "/" + key);
  auto& server = context.server;
  const VerifySettings& settings = server.options.verify;
  if (settings.agreement.empty())
    throw ApiError(503, "unavailable", "the server was started without an agreement; verify jobs cannot be run here");
  const std::vector<store::ReportFile> files = chosen_files(context, body);

  // The inputs are named now, by hash, so the version records what the run was asked to read.
  verify::VerifyRequest request;
  request.agreement = settings.agreement;
  request.source_registry = settings.source_registry;
  request.gazetteer = settings.gazetteer;
  request.asset_dir = settings.asset_dir;
  request.admin_area_names = settings.admin_area_names;
  request.theatre_scope = settings.theatre_scope;
  request.line_of_contact = settings.line_of_contact;
  nlohmann::json listed = nlohmann::json::array();
  for (const auto& file : files) listed.push_back({{"id", file.id}, {"name", file.name}, {"sha256", file.sha256}});
  nlohmann::json inputs = {{"report_files", listed},
                           {"agreement_sha256", file_sha256_or_empty(settings.agreement)},
                           {"source_registry_sha256", file_sha256_or_empty(settings.source_registry)},
                           {"line_of_contact_sha256", file_sha256_or_empty(settings.line_of_contact)},
                           {"parameters_sha256", sha256_hex(verify::to_json(request.params).dump())}};
  const std::string actor = context.user().name;
  auto& workspace = server.workspace;
  const bool own_theatre = settings.workspace_theatre;
  auto& indexes = server.findings_indexes;
  return accepted(
      context,
      server.jobs->submit(
          "verify", actor,
          [&workspace, &indexes, request, files, inputs, actor, own_theatre](JobProgress& progress) mutable {
            TemporaryDirectory scratch;
            if (own_theatre) {
              // The workspace's theatre as it is when the run starts, recorded by the hashes of its files.
              const auto exported = scratch.path / "scenario";
              workspace.export_scenario(exported);
              request.theatre = exported / "scenario.json";
              std::vector<std::filesystem::path> documents;
              for (const auto& entry : std::filesystem::recursive_directory_iterator(exported / "theatre"))
                if (entry.is_regular_file()) documents.push_back(entry.path());
              std::sort(documents.begin(), documents.end());
              std::string listed;
              for (const auto& document : documents)
                listed += fmt::format("{} {}\n", document.lexically_relative(exported).string(),
                                      file_sha256_or_empty(document));
              inputs["theatre_sha256"] = sha256_hex(listed);
            }
            const int total = static_cast<int>(files.size()) + PIPELINE_STAGES;
            int done = 0;
            for (const auto& file : files) {
              const auto dir = scratch.path / std::to_string(file.id);
              std::filesystem::create_directories(dir);
              io::write_file_atomically(dir / file.name, workspace.report_file_content(file.id));
              request.report_files.push_back(dir / file.name);
            }
            const std::string prefix = scratch.path.string() + "/";
            request.progress = [&](const std::string& line) {
              std::string stage = line;
              strip_prefix(stage, prefix);
              progress.stage(stage, std::min(++done, total), total);
            };
            verify::VerifyResult result = verify::run_verify(request);
            // What the run read is named as the workspace names it, not by the scratch paths.
            for (auto& input : result.inputs) strip_prefix(input.path, prefix);
            for (auto& rejection : result.rejected) strip_prefix(rejection.where, prefix);
            for (auto& report : result.reports) strip_prefix(report.origin, prefix);
            progress.stage("store", total, total);
            const std::string document = verify::findings_json(result).dump();
            const std::int64_t id =
                workspace.store_findings_version(document, inputs, result.counts(), progress.job_id(), actor).id;
            // The monitoring page's index of the version is built here, while the job runs, so
            // its first view reads a kept index (building one from a 60 MiB document takes seconds).
            progress.stage("index", total, total);
            indexes.put(id, std::make_shared<const FindingsIndex>(document, fmt::format("findings version {}", id)));
            return id;
          }));
}

}  // namespace guarantor::server
