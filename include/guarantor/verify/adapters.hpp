#pragma once
// Adapters: incident reports in the formats the verifier reads, normalised to Report. A row that
// cannot be read is kept as a Rejection naming file, line and reason; the rest is read. Problems
// that make a whole file unusable (missing columns, not JSON) throw guarantor::Error.
#include <filesystem>
#include <iosfwd>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "guarantor/verify/report.hpp"

namespace guarantor::verify {

/// One row or element that could not be read.
struct Rejection {
  std::string where;   ///< "file:line" or "file /pointer"
  std::string reason;  ///< what was found and what was expected
};

/// What one adapter read from one input.
struct AdapterResult {
  std::string format;  ///< adapter name
  std::size_t rows = 0;  ///< data rows or elements seen (read + rejected)
  std::vector<Report> reports;
  std::vector<Rejection> rejected;
};

/// Formats the verifier reads.
enum class ReportFormat { GuarantorCsv, GuarantorJson, Acled, Ucdp, Viina };

std::string_view to_string(ReportFormat format);
std::optional<ReportFormat> report_format_from_string(std::string_view text);

/// Guarantor's own CSV report format (docs/verifier.md "Report formats").
AdapterResult read_guarantor_csv(std::istream& in, const std::string& name);
/// Guarantor's own JSON ({"reports": [...]}) or GeoJSON (FeatureCollection of Points) reports.
AdapterResult read_guarantor_json(std::istream& in, const std::string& name);
/// ACLED export CSV (event_id_cnty, event_date, event_type, sub_event_type, actor1, ...).
AdapterResult read_acled_csv(std::istream& in, const std::string& name);
/// UCDP GED CSV, including the spreadsheet-mangled date columns of the peacerep snapshot.
AdapterResult read_ucdp_csv(std::istream& in, const std::string& name);
/// VIINA: event_info rows joined on event_id with event_labels rows (binary *_b labels).
AdapterResult read_viina(std::istream& info, const std::string& info_name, std::istream& labels,
                         const std::string& labels_name);

/// Guesses a file's format from its extension and first line; nullopt when unrecognised.
std::optional<ReportFormat> detect_report_format(const std::filesystem::path& path);

/// Reads one report file, detecting its format unless given. For VIINA the path names the
/// event_info file and the labels are read from the same name with "event_info" replaced by
/// "event_labels". Throws Error(FileNotFound) or Error(Usage) for an unknown format.
AdapterResult read_report_file(const std::filesystem::path& path, std::optional<ReportFormat> format = std::nullopt);

}  // namespace guarantor::verify
