#pragma once
// The verifier's outputs: incidents as GeoJSON (RFC 7946) and as CSV with ACLED-compatible
// columns, findings as JSON with aggregates by day, provision and side. The HTML page is drawn
// by the report module (guarantor/report/verify_page.hpp).
#include <filesystem>
#include <iosfwd>
#include <memory>
#include <string>

#include <nlohmann/json.hpp>

#include "guarantor/verify/finding_sink.hpp"
#include "guarantor/verify/pipeline.hpp"

namespace guarantor::verify {

// The writers prepare records on up to `threads` threads of the shared pool (0: all of them) and
// write them in order: the bytes are the same for any thread count.

/// FeatureCollection of incident Points with category, target, grade, each finding, the report
/// that started the incident (`first_report`) and why each later one merged (`merges`).
void write_incidents_geojson(const VerifyResult& result, std::ostream& out, unsigned threads = 0);

/// One row per incident under ACLED's column names (event_id_cnty, event_date, event_type, ...).
void write_incidents_acled_csv(const VerifyResult& result, std::ostream& out, unsigned threads = 0);

/// Findings per provision, counts and aggregates: {"counts", "provisions", "findings", "by_day", "by_side"}.
nlohmann::json findings_json(const VerifyResult& result);

/// One finding as findings.json lists it: the finding, its incident's date and position and
/// the reports behind it.
nlohmann::json finding_to_json(const VerifyResult& result, const Finding& finding);

/// findings.json written a few thousand findings at a time, so memory stays that of a few MiB of
/// text: the same content as findings_json(result), each finding on its own line as
/// finding_to_json(...).dump() writes it.
void write_findings_json(const VerifyResult& result, std::ostream& out, unsigned threads = 0);

// The same files written while the run judges (FindingStream::sink), byte for byte what the
// functions above write from a finished result that kept its findings.

/// incidents.geojson: the opening at construction, each block's features as it is judged, the
/// closing at finish().
class IncidentsGeojsonStream final : public FindingSink {
public:
  explicit IncidentsGeojsonStream(std::ostream& out, unsigned threads = 0);
  void add(const VerifyResult& result, std::size_t first, std::size_t last,
           const std::vector<Finding>& findings) override;
  /// Writes the closing; once, after the run.
  void finish();

private:
  std::ostream& out_;
  unsigned threads_;
  std::unique_ptr<MergesByIncident> merges_;
};

/// findings.json: its whole-run aggregates (counts by provision, day and side) come before the
/// findings in the file, so each block's findings wait as text in a temporary file in
/// `spill_directory` (unlinked as soon as it is open: nothing is left behind, whatever happens)
/// and are copied after the aggregates by write().
class FindingsJsonStream final : public FindingSink {
public:
  /// Throws Error (OutputFailed) naming the directory when the temporary cannot be made.
  explicit FindingsJsonStream(const std::filesystem::path& spill_directory, unsigned threads = 0);
  ~FindingsJsonStream() override;
  FindingsJsonStream(const FindingsJsonStream&) = delete;
  FindingsJsonStream& operator=(const FindingsJsonStream&) = delete;
  void add(const VerifyResult& result, std::size_t first, std::size_t last,
           const std::vector<Finding>& findings) override;
  /// Writes findings.json for the finished run (inputs, counts and log head final); once.
  void write(const VerifyResult& result, std::ostream& out);

private:
  struct State;
  std::unique_ptr<State> state_;
};

}  // namespace guarantor::verify
