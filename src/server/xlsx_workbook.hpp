#pragma once
// Spreadsheet files (XLSX) through libxlsxwriter: one sheet per table, the header row bold and
// frozen with a filter on it, numbers as numbers, and every text cell formula-neutralised as the
// CSV exports are (a leading apostrophe before = + - @, a tab or a carriage return), so a value
// from the data never becomes a formula when the sheet is edited or saved as CSV.
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

namespace guarantor::server {

struct XlsxSheet {
  std::string name;                          ///< at most 31 characters, none of []:*?/\ .
  std::vector<std::string> columns;          ///< the header row
  std::vector<std::vector<nlohmann::json>> rows;  ///< cells: numbers, strings, booleans or null
};

/// The workbook's bytes. With `illustrative_note` not empty every sheet prints "ILLUSTRATIVE"
/// at the head of each page and the workbook's properties carry the note. Throws
/// std::runtime_error when the library fails (the message names its error) or a sheet exceeds
/// the format's 1,048,576 rows.
std::string xlsx_workbook(const std::vector<XlsxSheet>& sheets, const std::string& title, const std::string& illustrative_note);

/// The text a cell holds: `text` with an apostrophe before a leading = + - @, tab or CR.
std::string formula_neutral(const std::string& text);

}  // namespace guarantor::server
