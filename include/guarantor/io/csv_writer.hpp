#pragma once
// Writing CSV text fields that are safe to open in a spreadsheet. A field starting with = + - @
// (or a tab or carriage return, which some spreadsheets skip before reading a formula) is read
// as a formula by Excel, LibreOffice and Google Sheets: a report text "=HYPERLINK(...)" in an
// incidents.csv would run when an analyst opens it (OWASP "CSV Injection"). Such fields are
// prefixed with a single quote, which the spreadsheets show as text and never evaluate.
#include <string>
#include <string_view>

namespace guarantor::io {

/// RFC 4180 quoting (when the text holds the delimiter, a quote or a line break) after
/// neutralising a leading formula character. Use for every text field; numbers the program
/// formats itself need neither.
std::string csv_text_field(std::string_view text);

}  // namespace guarantor::io
