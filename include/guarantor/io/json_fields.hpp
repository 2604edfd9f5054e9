#pragma once
// The one way user input files are decoded: reading typed fields out of parsed JSON while
// collecting every problem with its location ("file:line /pointer"), so a loader reports all
// errors of a file at once, with "did you mean" for unknown keys of closed objects. Every module
// that reads a user's JSON file (io, planner, verify) goes through this reader.
#include <filesystem>
#include <functional>
#include <map>
#include <memory>
#include <optional>
#include <set>
#include <string>
#include <string_view>
#include <vector>

#include <nlohmann/json.hpp>

#include "guarantor/core/date.hpp"
#include "guarantor/core/error.hpp"
#include "guarantor/core/printable.hpp"
#include "guarantor/geo/lon_lat.hpp"
#include "guarantor/model/capability.hpp"

namespace guarantor::io {

namespace detail {
class JsonLineIndex;
}  // namespace detail

using Json = nlohmann::json;

/// A JSON file as read: its name for messages, its content and the SHA-256 of its bytes.
struct JsonFile {
  std::string name;  ///< the path as the user named it (for messages)
  Json root;
  std::string sha256;
  std::shared_ptr<const std::string> text;  ///< the bytes read, for line numbers in messages
};

/// The bytes of a file. Throws Error (FileNotFound) when it cannot be opened.
std::string read_file_bytes(const std::filesystem::path& path);

/// Reads and parses a JSON file. Throws Error: FileNotFound, or Syntax with line and column.
JsonFile read_json_file(const std::filesystem::path& path);

/// Parses JSON text named `name` in messages. Throws Error (Syntax) with line and column, also
/// for nesting deeper than a scenario file ever needs.
JsonFile parse_json_text(const std::string& text, const std::string& name);

/// Typed accessors that record a diagnostic and return a neutral value on a bad field, so that
/// loading goes on and every problem in a file is reported together.
class FieldReader {
public:
  FieldReader(std::string file, DiagnosticSink& sink);
  /// A reader whose locations carry line numbers: "file:line /pointer".
  FieldReader(const JsonFile& file, DiagnosticSink& sink);
  ~FieldReader();
  FieldReader(const FieldReader&) = delete;
  FieldReader& operator=(const FieldReader&) = delete;

  [[nodiscard]] const std::string& file() const noexcept { return file_; }
  [[nodiscard]] DiagnosticSink& sink() noexcept { return sink_; }
  /// "file:line /pointer" for a diagnostic ("file /pointer" without the text).
  [[nodiscard]] std::string where(const std::string& pointer) const;
  void fail(ErrorCode code, const std::string& pointer, std::string message);
  /// Problems recorded so far, to tell whether the part just read was sound.
  [[nodiscard]] std::size_t problem_count() const noexcept { return sink_.size(); }

  /// The object at `pointer` (the root is ""); records an error and returns nullptr otherwise.
  const Json* object(const Json& value, const std::string& pointer);
  /// obj[key] as an array; nullptr (and an error when required) otherwise.
  const Json* array(const Json& obj, std::string_view key, const std::string& pointer, bool required = true);
  const Json* member_object(const Json& obj, std::string_view key, const std::string& pointer, bool required = true);

  std::string string(const Json& obj, std::string_view key, const std::string& pointer, bool required = true);
  /// obj[key] as a calendar date "YYYY-MM-DD". Absent or "" gives nullopt (an error when
  /// required); anything else that is not a real day gives nullopt and an error saying why.
  std::optional<Date> date(const Json& obj, std::string_view key, const std::string& pointer, bool required = true);
  double number(const Json& obj, std::string_view key, const std::string& pointer, double min, double max,
                std::optional<double> fallback = std::nullopt);
  long long integer(const Json& obj, std::string_view key, const std::string& pointer, long long min,
                    long long max, std::optional<long long> fallback = std::nullopt);
  bool boolean(const Json& obj, std::string_view key, const std::string& pointer, std::optional<bool> fallback = std::nullopt);
  /// obj[key] as an array of strings (empty when absent and not required); a non-string
  /// element is reported at its own pointer and skipped.
  std::vector<std::string> strings(const Json& obj, std::string_view key, const std::string& pointer,
                                   bool required = false);
  /// `value` (found at `pointer`) as a [lon, lat] position in degrees; nullopt and an error otherwise.
  std::optional<geo::LonLat> position_value(const Json& value, const std::string& pointer);
  /// A [lon, lat] array.
  geo::LonLat position(const Json& obj, std::string_view key, const std::string& pointer);
  std::optional<geo::LonLat> optional_position(const Json& obj, std::string_view key, const std::string& pointer);
  /// A {value, min, max, unit, source} planning factor with min <= value <= max.
  model::PlanningFactor factor(const Json& obj, std::string_view key, const std::string& pointer);
  std::optional<model::PlanningFactor> optional_factor(const Json& obj, std::string_view key, const std::string& pointer);

  /// Reports every member of the object at `pointer` that no accessor above asked for: an
  /// unknown key ("caveatz"), with the nearest known key as "did you mean". Call after reading
  /// the object's fields; for objects with a closed set of keys only.
  void close_object(const Json& obj, const std::string& pointer);
  /// Records `key` of the object at `pointer` as known without reading it (documentation keys).
  void known(const std::string& pointer, std::string_view key);

  /// A string naming an enumerator; `parse` converts it, `expected` lists the allowed names.
  template <typename Enum>
  Enum enumeration(const Json& obj, std::string_view key, const std::string& pointer,
                   std::optional<Enum> (*parse)(std::string_view), std::string_view expected, Enum fallback) {
    const std::string text = string(obj, key, pointer);
    if (text.empty()) return fallback;
    if (auto value = parse(text)) return *value;
    fail(ErrorCode::Schema, pointer + "/" + std::string(key),
         "got \"" + excerpt(text) + "\"; expected one of " + std::string(expected));
    return fallback;
  }

private:
  std::string file_;
  DiagnosticSink& sink_;
  std::shared_ptr<const std::string> text_;
  mutable std::unique_ptr<detail::JsonLineIndex> lines_;                     // built on the first diagnostic
  std::map<std::string, std::set<std::string, std::less<>>> asked_;  // pointer -> keys read
  const Json* member(const Json& obj, std::string_view key, const std::string& pointer, bool required,
                     std::string_view expected_type);
};

/// A short rendering of a JSON value for messages (long values are cut).
std::string describe(const Json& value);

}  // namespace guarantor::io
