// Choosing an adapter for a file: by name where the name says it, else by the header line.
#include <fstream>

#include <fmt/format.h>

#include "guarantor/core/error.hpp"
#include "guarantor/model/enum_names.hpp"
#include "guarantor/verify/adapters.hpp"

namespace guarantor::verify {
namespace {

constexpr model::detail::NameTable<ReportFormat, 5> FORMAT_NAMES{{
    {ReportFormat::GuarantorCsv, "guarantor_csv"},
    {ReportFormat::GuarantorJson, "guarantor_json"},
    {ReportFormat::Acled, "acled"},
    {ReportFormat::Ucdp, "ucdp"},
    {ReportFormat::Viina, "viina"},
}};

bool header_has(const std::string& header, std::string_view column) {
  // Columns are matched whole, with or without quotes.
  for (std::string_view form : {std::string(column) + ",", std::string(column) + "\"", std::string(column)}) {
    const auto pos = header.find(form);
    if (pos != std::string::npos && (pos == 0 || header[pos - 1] == ',' || header[pos - 1] == '"')) return true;
  }
  return false;
}

std::ifstream open_or_throw(const std::filesystem::path& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) throw Error(ErrorCode::FileNotFound, path.string(), "cannot open the report file");
  return in;
}

}  // namespace

std::string_view to_string(ReportFormat format) { return model::detail::name_of(FORMAT_NAMES, format); }

std::optional<ReportFormat> report_format_from_string(std::string_view text) {
  return model::detail::parse_name(FORMAT_NAMES, text);
}

std::optional<ReportFormat> detect_report_format(const std::filesystem::path& path) {
  const std::string extension = path.extension().string();
  if (extension == ".json" || extension == ".geojson") return ReportFormat::GuarantorJson;
  std::ifstream in = open_or_throw(path);
  std::string header;
  std::getline(in, header);
  // A UTF-8 byte-order mark (spreadsheet exports) would hide the first column name.
  if (header.rfind("\xEF\xBB\xBF", 0) == 0) header.erase(0, 3);
  if (header_has(header, "event_id_cnty")) return ReportFormat::Acled;
  if (header_has(header, "type_of_violence") && header_has(header, "where_prec")) return ReportFormat::Ucdp;
  if (header_has(header, "event_id") && header_has(header, "GEO_PRECISION")) return ReportFormat::Viina;
  if (header_has(header, "id") && header_has(header, "outlet") && header_has(header, "category"))
    return ReportFormat::GuarantorCsv;
  return std::nullopt;
}

AdapterResult read_report_file(const std::filesystem::path& path, std::optional<ReportFormat> format) {
  if (!format) format = detect_report_format(path);
  if (!format)
    throw Error(ErrorCode::Usage, path.string(),
                "cannot tell the report format from the name or header; name it with --format "
                "(guarantor_csv, guarantor_json, acled, ucdp, viina)");
  std::ifstream in = open_or_throw(path);
  const std::string name = path.string();
  switch (*format) {
    case ReportFormat::GuarantorCsv: return read_guarantor_csv(in, name);
    case ReportFormat::GuarantorJson: return read_guarantor_json(in, name);
    case ReportFormat::Acled: return read_acled_csv(in, name);
    case ReportFormat::Ucdp: return read_ucdp_csv(in, name);
    case ReportFormat::Viina: {
      std::string labels_name = name;
      const auto pos = labels_name.rfind("event_info");
      if (pos == std::string::npos)
        throw Error(ErrorCode::Usage, name,
                    "a VIINA file must be named event_info...; its labels are read from event_labels...");
      labels_name.replace(pos, std::string_view("event_info").size(), "event_labels");
      std::ifstream labels = open_or_throw(labels_name);
      return read_viina(in, name, labels, labels_name);
    }
  }
  throw Error(ErrorCode::Internal, name, "unhandled report format");
}

}  // namespace guarantor::verify
