// The XLSX writer behind the exports (xlsx_exports.cpp). libxlsxwriter 1.1 writes to a file only,
// so the workbook is written to a private temporary file, read back and removed.
#include "xlsx_workbook.hpp"

#include <atomic>
#include <chrono>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <stdexcept>
#include <unistd.h>

#include <fmt/format.h>
#include <xlsxwriter.h>

namespace guarantor::server {

namespace {
// The format's limits (ECMA-376; Excel's "specifications and limits").
constexpr std::size_t MAX_ROWS = 1'048'576;
constexpr std::size_t MAX_COLUMNS = 16'384;
constexpr std::size_t MAX_CELL_TEXT = 32'767;

std::filesystem::path scratch_path() {
  static std::atomic<unsigned> counter = 0;
  const auto ticks = std::chrono::steady_clock::now().time_since_epoch().count();
  return std::filesystem::temp_directory_path() / fmt::format("guarantor-export-{}-{}-{}.xlsx", ::getpid(), ticks, counter++);
}

void check(lxw_error error, const char* what) {
  if (error != LXW_NO_ERROR) throw std::runtime_error(fmt::format("{}: {}", what, lxw_strerror(error)));
}

// Removes the scratch file however the export ends.
struct ScratchFile {
  std::filesystem::path path;
  ~ScratchFile() {
    std::error_code ignored;
    std::filesystem::remove(path, ignored);
  }
};

void write_cell(lxw_worksheet* sheet, lxw_row_t row, lxw_col_t column, const nlohmann::json& value) {
  if (value.is_null()) return;
  if (value.is_number()) {
    check(worksheet_write_number(sheet, row, column, value.get<double>(), nullptr), "writing a number");
    return;
  }
  std::string text = value.is_string() ? value.get<std::string>() : value.is_boolean() ? (value.get<bool>() ? "yes" : "no") : value.dump();
  text = formula_neutral(text);
  if (text.size() > MAX_CELL_TEXT) text = text.substr(0, MAX_CELL_TEXT - 3) + "...";
  check(worksheet_write_string(sheet, row, column, text.c_str(), nullptr), "writing a text cell");
}
}  // namespace

std::string formula_neutral(const std::string& text) {
  if (!text.empty() && (text[0] == '=' || text[0] == '+' || text[0] == '-' || text[0] == '@' || text[0] == '\t' || text[0] == '\r'))
    return "'" + text;
  return text;
}

std::string xlsx_workbook(const std::vector<XlsxSheet>& sheets, const std::string& title, const std::string& illustrative_note) {
  ScratchFile scratch{scratch_path()};
  lxw_workbook* workbook = workbook_new(scratch.path.c_str());
  if (workbook == nullptr) throw std::runtime_error(fmt::format("the workbook could not be created in {}", scratch.path.parent_path().string()));
  try {
    lxw_doc_properties properties{};
    std::string comments = illustrative_note.empty() ? std::string() : "ILLUSTRATIVE: " + illustrative_note;
    properties.title = const_cast<char*>(title.c_str());
    properties.comments = const_cast<char*>(comments.c_str());
    properties.company = const_cast<char*>("Guarantor");
    check(workbook_set_properties(workbook, &properties), "setting the workbook's properties");
    lxw_format* bold = workbook_add_format(workbook);
    format_set_bold(bold);
    for (const auto& table : sheets) {
      if (table.rows.size() + 1 > MAX_ROWS)
        throw std::runtime_error(fmt::format("sheet {} has {} rows; a sheet holds at most {}", table.name, table.rows.size(), MAX_ROWS - 1));
      if (table.columns.empty() || table.columns.size() > MAX_COLUMNS)
        throw std::runtime_error(fmt::format("sheet {} has {} columns; expected 1 to {}", table.name, table.columns.size(), MAX_COLUMNS));
      lxw_worksheet* sheet = workbook_add_worksheet(workbook, table.name.c_str());
      if (sheet == nullptr) throw std::runtime_error(fmt::format("the sheet name \"{}\" is refused (at most 31 characters, none of []:*?/\\)", table.name));
      if (!illustrative_note.empty()) check(worksheet_set_header(sheet, "&C&\"-,Bold\"ILLUSTRATIVE"), "setting the page header");
      check(worksheet_set_footer(sheet, "&CPage &P of &N"), "setting the page footer");
      for (std::size_t c = 0; c < table.columns.size(); ++c)
        check(worksheet_write_string(sheet, 0, static_cast<lxw_col_t>(c), table.columns[c].c_str(), bold), "writing the header");
      worksheet_freeze_panes(sheet, 1, 0);
      check(worksheet_autofilter(sheet, 0, 0, static_cast<lxw_row_t>(table.rows.size()), static_cast<lxw_col_t>(table.columns.size() - 1)),
            "setting the filter");
      for (std::size_t r = 0; r < table.rows.size(); ++r)
        for (std::size_t c = 0; c < table.rows[r].size() && c < table.columns.size(); ++c)
          write_cell(sheet, static_cast<lxw_row_t>(r + 1), static_cast<lxw_col_t>(c), table.rows[r][c]);
    }
  } catch (...) {
    workbook_close(workbook);
    throw;
  }
  check(workbook_close(workbook), "writing the workbook");
  std::ifstream in(scratch.path, std::ios::binary);
  std::ostringstream bytes;
  bytes << in.rdbuf();
  return std::move(bytes).str();
}

}  // namespace guarantor::server
