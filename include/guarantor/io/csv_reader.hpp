#pragma once
// RFC 4180 CSV reading with the physical line number of every record, so that every rejected
// row can be reported as file:line. Quoted fields may span lines.
#include <cstddef>
#include <istream>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace guarantor::io {

struct CsvRecord {
  std::size_t line = 0;  ///< 1-based line on which the record starts
  std::vector<std::string> fields;
};

class CsvReader {
public:
  /// `name` is used in error messages (usually the file name). `delimiter` is ',' by default.
  CsvReader(std::istream& input, std::string name, char delimiter = ',');

  /// The next record, or nullopt at end of input. Throws guarantor::Error (Syntax) naming the
  /// line for an unterminated quote or a stray quote inside an unquoted field.
  std::optional<CsvRecord> next();

  [[nodiscard]] const std::string& name() const noexcept { return name_; }

private:
  std::istream& input_;
  std::string name_;
  char delimiter_;
  std::size_t line_ = 0;
};

/// Maps column names of a header record to indexes; missing required columns are reported
/// together.
class CsvHeader {
public:
  explicit CsvHeader(const CsvRecord& header);
  /// Index of a column, or nullopt.
  [[nodiscard]] std::optional<std::size_t> find(std::string_view column) const;
  /// Throws guarantor::Error (Schema) naming `file` and every missing column.
  void require(const std::vector<std::string_view>& columns, const std::string& file) const;
  [[nodiscard]] const std::vector<std::string>& columns() const noexcept { return columns_; }

private:
  std::vector<std::string> columns_;
};

}  // namespace guarantor::io
