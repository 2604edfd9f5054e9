// Import and export between the workspace and scenario files. Import validates with the same
// loader as every CLI command; export writes files that loader reads back to the same model, so
// `workspace export` followed by `guarantor plan` plans exactly what the workspace holds.
#include <fstream>
#include <functional>
#include <map>
#include <random>
#include <set>
#include <sstream>

#include <fmt/format.h>

#include "guarantor/core/sha256.hpp"
#include "guarantor/io/output_file.hpp"
#include "guarantor/io/record_codec.hpp"
#include "guarantor/io/scenario_loader.hpp"
#include "spatial_rows.hpp"
#include "workspace_impl.hpp"

namespace guarantor::store {

namespace {
using nlohmann::json;

// The manifest entries whose files the workspace keeps byte for byte, in manifest order. Files
// those name in turn (map outlines, GeoNames dumps) are npm: references resolved at load time.
const std::vector<std::string> DOCUMENT_ROLES = {"theatre.countries", "theatre.regions", "theatre.places",
                                                 "theatre.sites",     "theatre.areas",   "catalogue"};

std::string read_bytes(const std::string& path) {
  std::ifstream input(path, std::ios::binary);
  if (!input) throw Error(ErrorCode::FileNotFound, path, "cannot read the file; expected it to be readable");
  std::ostringstream buffer;
  buffer << input.rdbuf();
  return buffer.str();
}

// Where a document goes in an export: theatre/<name> or catalogue/<name>.
std::string export_folder(const std::string& role) { return role == "catalogue" ? "catalogue" : "theatre"; }

void clear_scenario(db::Connection& connection) {
  connection.exec(
      "DELETE FROM pledge_caveat; DELETE FROM pledge; DELETE FROM nation; DELETE FROM requirement_line; "
      "DELETE FROM phase_gate; DELETE FROM condition_status; DELETE FROM scenario_document; "
      "DELETE FROM scenario_header;");
}

// One history entry per record whose content the import changes (or creates, or removes).
template <typename Map>
void record_import(db::Connection& connection, const std::string& at, const std::string& actor,
                   const std::string& entity, const Map& before, const Map& after) {
  for (const auto& [id, value] : after) {
    auto old = before.find(id);
    const json previous = old == before.end() ? json() : old->second;
    if (previous != value) detail::append_history(connection, at, actor, "import", entity, id, previous, value);
  }
  for (const auto& [id, value] : before)
    if (!after.contains(id)) detail::append_history(connection, at, actor, "import", entity, id, value, nullptr);
}
}  // namespace

void Workspace::import_scenario(const std::filesystem::path& manifest, const io::LoadOptions& options,
                                const std::string& actor) {
  import_scenario(io::load_scenario(manifest, options), actor);
}

void Workspace::import_scenario(const model::Scenario& scenario, const std::string& actor) {
  // The loader records the manifest it read as the file of role "scenario".
  std::string manifest;
  for (const auto& file : scenario.files)
    if (file.role == "scenario") manifest = file.path;
  struct Document {
    std::string role, file_name, content, sha256;
  };
  std::vector<Document> documents;
  std::set<std::string> used_names;
  for (const auto& file : scenario.files) {
    if (std::find(DOCUMENT_ROLES.begin(), DOCUMENT_ROLES.end(), file.role) == DOCUMENT_ROLES.end()) continue;
    std::string name = std::filesystem::path(file.path).filename().string();
    // Two files of one folder with the same name (from different directories) stay apart.
    if (!used_names.insert(export_folder(file.role) + "/" + name).second) {
      name = fmt::format("{}-{}", documents.size(), name);
      used_names.insert(export_folder(file.role) + "/" + name);
    }
    std::string content = read_bytes(file.path);
    documents.push_back({file.role, name, content, sha256_hex(content)});
  }

  impl_->writes.run([&](db::Connection& connection) {
    const std::string at = impl_->clock();
    std::map<std::string, json> nations_before, pledges_before, lines_before;
    std::map<std::string, SharingLevel> sharing;
    for (const auto& record : detail::read_nations(connection, std::nullopt)) {
      nations_before[record.nation.iso2] = io::encode_nation(record.nation);
      sharing[record.nation.iso2] = record.sharing;
    }
    for (const auto& record : detail::read_pledges(connection, std::nullopt))
      pledges_before[record.value.id] = io::encode_pledge(record.value);
    for (const auto& record : detail::read_requirement_lines(connection, std::nullopt))
      lines_before[record.value.id] = io::encode_requirement_line(record.value);
    clear_scenario(connection);

    const json mandate = io::encode_mandate(scenario.mandate);
    connection
        .prepare(
            "INSERT INTO scenario_header (id, name, description, as_of, coalition_name, mandate_name, "
            "mandate_description, mandate_source, posture_json) VALUES (1, ?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)")
        .bind(1, scenario.name)
        .bind(2, scenario.description)
        .bind(3, scenario.as_of_iso())
        .bind(4, scenario.coalition.name)
        .bind(5, scenario.mandate.name)
        .bind(6, scenario.mandate.description)
        .bind(7, scenario.mandate.source)
        .bind(8, mandate.at("posture").dump())
        .run();
    for (std::size_t d = 0; d < documents.size(); ++d) {
      connection
          .prepare(
              "INSERT INTO scenario_document (position, role, file_name, content, sha256) VALUES (?1, ?2, ?3, ?4, ?5)")
          .bind(1, static_cast<std::int64_t>(d))
          .bind(2, documents[d].role)
          .bind(3, documents[d].file_name)
          .bind(4, documents[d].content)
          .bind(5, documents[d].sha256)
          .run();
    }
    detail::store_site_positions(connection);
    std::map<std::string, json> nations_after, pledges_after, lines_after;
    for (std::size_t n = 0; n < scenario.coalition.nations.size(); ++n) {
      const auto& nation = scenario.coalition.nations[n];
      const auto kept = sharing.find(nation.iso2);
      detail::insert_nation(connection, {nation, kept == sharing.end() ? SharingLevel::Full : kept->second, 1},
                            static_cast<int>(n));
      nations_after[nation.iso2] = io::encode_nation(nation);
    }
    for (std::size_t p = 0; p < scenario.coalition.pledges.size(); ++p) {
      const auto& pledge = scenario.coalition.pledges[p];
      detail::insert_pledge(connection, pledge, static_cast<std::int64_t>(p), 1);
      pledges_after[pledge.id] = io::encode_pledge(pledge);
    }
    for (std::size_t g = 0; g < scenario.mandate.phases.size(); ++g) {
      const auto& gate = scenario.mandate.phases[g];
      connection.prepare("INSERT INTO phase_gate (phase, position, opens_day, trigger_text) VALUES (?1, ?2, ?3, ?4)")
          .bind(1, model::to_string(gate.phase))
          .bind(2, static_cast<std::int64_t>(g))
          .bind(3, gate.opens_day)
          .bind(4, gate.trigger)
          .run();
    }
    for (const auto& [key, met] : scenario.mandate.conditions)
      connection.prepare("INSERT INTO condition_status (key, met) VALUES (?1, ?2)").bind(1, key).bind(2, met).run();
    for (std::size_t l = 0; l < scenario.mandate.requirements.size(); ++l) {
      const auto& line = scenario.mandate.requirements[l];
      detail::insert_requirement_line(connection, line, static_cast<std::int64_t>(l), 1);
      lines_after[line.id] = io::encode_requirement_line(line);
    }

    json files = json::array();
    for (const auto& document : documents)
      files.push_back({{"role", document.role}, {"file", document.file_name}, {"sha256", document.sha256}});
    detail::append_history(connection, at, actor, "import", "scenario", scenario.name, nullptr,
                           {{"manifest", manifest}, {"documents", files}});
    record_import(connection, at, actor, "nation", nations_before, nations_after);
    record_import(connection, at, actor, "pledge", pledges_before, pledges_after);
    record_import(connection, at, actor, "requirement_line", lines_before, lines_after);
    // Sites the files name keep that status; others keep what the workspace recorded.
    detail::apply_site_negotiation(connection, scenario.mandate.site_negotiation, at, actor);
  });
}

model::Coalition Workspace::coalition() const {
  const auto reader = impl_->read();
  model::Coalition coalition;
  auto header = reader.connection().prepare("SELECT coalition_name FROM scenario_header");
  if (header.step()) coalition.name = header.text(0);
  for (auto& record : detail::read_nations(reader.connection(), std::nullopt))
    coalition.nations.push_back(std::move(record.nation));
  for (auto& record : detail::read_pledges(reader.connection(), std::nullopt))
    coalition.pledges.push_back(std::move(record.value));
  return coalition;
}

model::Mandate Workspace::mandate() const {
  const auto reader = impl_->read();
  auto& connection = reader.connection();
  auto header = connection.prepare(
      "SELECT mandate_name, mandate_description, mandate_source, posture_json FROM scenario_header");
  if (!header.step()) return {};
  // The header goes through the mandate reader, so the posture is checked as a file would be.
  json document = {{"name", header.text(0)},         {"description", header.text(1)},
                   {"source", header.text(2)},       {"posture", json::parse(header.text(3))},
                   {"phases", json::array()},        {"conditions", json::object()},
                   {"requirements", json::array()}};
  auto phases = connection.prepare("SELECT phase, opens_day, trigger_text FROM phase_gate ORDER BY position");
  while (phases.step())
    document["phases"].push_back({{"phase", phases.text(0)}, {"opens_day", phases.integer(1)}, {"trigger", phases.text(2)}});
  auto conditions = connection.prepare("SELECT key, met FROM condition_status ORDER BY key");
  while (conditions.step()) document["conditions"][conditions.text(0)] = conditions.integer(1) != 0;
  model::Mandate mandate = io::decode_mandate(document, connection.name() + " mandate");
  for (auto& record : detail::read_requirement_lines(connection, std::nullopt))
    mandate.requirements.push_back(std::move(record.value));
  // Negotiation is workspace state edited over the API; the mandate carries it so the planner
  // sees it and an export writes it back ("site_negotiation").
  mandate.site_negotiation = detail::read_site_statuses(connection);
  return mandate;
}

namespace {
// Writes one exported file: its path and its bytes.
using FileWriter = std::function<void(const std::filesystem::path&, std::string_view)>;

// A file of a scratch export that is read back at once and then removed: written without the
// disk syncs of write_file_atomically (two per file, each tens of milliseconds on a busy disk),
// since nothing needs it to survive a crash.
void write_scratch_file(const std::filesystem::path& path, std::string_view content) {
  std::ofstream output(path, std::ios::binary | std::ios::trunc);
  output.write(content.data(), static_cast<std::streamsize>(content.size()));
  output.close();
  if (!output) throw Error(ErrorCode::OutputFailed, path.string(), "cannot write the scratch copy of the scenario");
}
}  // namespace

void Workspace::export_scenario(const std::filesystem::path& dir) const {
  export_files(dir, io::write_file_atomically);
}

void Workspace::export_files(const std::filesystem::path& dir, const FileWriter& write) const {
  if (empty()) {
    throw Error(ErrorCode::Consistency, impl_->connection.name(),
                "the workspace holds no scenario; import one first (guarantor workspace import)");
  }
  const std::string coalition_text = io::encode_coalition(coalition()).dump(1) + "\n";
  const std::string mandate_text = io::encode_mandate(mandate()).dump(1) + "\n";
  std::lock_guard lock(impl_->mutex);
  auto& connection = impl_->connection;
  auto header = connection.prepare("SELECT name, description, as_of FROM scenario_header");
  header.step();
  json manifest = {{"name", header.text(0)},
                   {"description", header.text(1)},
                   {"as_of", header.text(2)},
                   {"theatre", json::object()},
                   {"catalogue", json::array()},
                   {"coalition", "coalition.json"},
                   {"mandate", "mandate.json"}};
  auto documents = connection.prepare("SELECT role, file_name, content FROM scenario_document ORDER BY position");
  while (documents.step()) {
    const std::string role = documents.text(0);
    const std::string relative = export_folder(role) + "/" + documents.text(1);
    std::filesystem::create_directories(dir / export_folder(role));
    write(dir / relative, documents.text(2));
    if (role == "catalogue") manifest["catalogue"].push_back(relative);
    else manifest["theatre"][role.substr(std::string("theatre.").size())].push_back(relative);
  }
  write(dir / "coalition.json", coalition_text);
  write(dir / "mandate.json", mandate_text);
  write(dir / "scenario.json", manifest.dump(1) + "\n");
}

model::Scenario Workspace::load(const io::LoadOptions& options) const {
  std::random_device entropy;
  const auto dir = std::filesystem::temp_directory_path() / fmt::format("guarantor-workspace-{:08x}", entropy());
  struct Cleanup {
    std::filesystem::path dir;
    ~Cleanup() {
      std::error_code ignored;
      std::filesystem::remove_all(dir, ignored);
    }
  } cleanup{dir};
  std::filesystem::create_directories(dir);
  export_files(dir, write_scratch_file);
  return io::load_scenario(dir / "scenario.json", options);
}

}  // namespace guarantor::store
