#include "guarantor/io/json_fields.hpp"


#include <algorithm>

#include <cmath>
#include <fstream>
#include <sstream>

#include <fmt/format.h>

#include "guarantor/core/sha256.hpp"
#include "json_locations.hpp"

namespace guarantor::io {

namespace {
// Messages quote at most this many characters of an offending value.
constexpr std::size_t MAX_QUOTED_CHARS = 60;
// Nesting deeper than this is hostile or broken input for any scenario file; refusing it keeps
// the recursive parser's stack bounded.
constexpr int MAX_NESTING_DEPTH = 64;

std::pair<std::size_t, std::size_t> line_and_column(const std::string& text, std::size_t byte) {
  std::size_t line = 1, column = 1;
  for (std::size_t i = 0; i < byte && i < text.size(); ++i) {
    if (text[i] == '\n') {
      ++line;
      column = 1;
    } else {
      ++column;
    }
  }
  return {line, column};
}

// Finds the first byte where bracket nesting exceeds the limit, if any.
std::optional<std::size_t> excessive_nesting(const std::string& text) {
  int depth = 0;
  bool in_string = false;
  for (std::size_t i = 0; i < text.size(); ++i) {
    const char c = text[i];
    if (in_string) {
      if (c == '\\') ++i;
      else if (c == '"') in_string = false;
    } else if (c == '"') {
      in_string = true;
    } else if (c == '[' || c == '{') {
      if (++depth > MAX_NESTING_DEPTH) return i;
    } else if (c == ']' || c == '}') {
      --depth;
    }
  }
  return std::nullopt;
}
}  // namespace

std::string read_file_bytes(const std::filesystem::path& path) {
  std::ifstream input(path, std::ios::binary);
  if (!input) throw Error(ErrorCode::FileNotFound, path.string(), "cannot open the file; expected it to exist and be readable");
  std::ostringstream buffer;
  buffer << input.rdbuf();
  return std::move(buffer).str();
}

JsonFile read_json_file(const std::filesystem::path& path) {
  return parse_json_text(read_file_bytes(path), path.string());
}

JsonFile parse_json_text(const std::string& text, const std::string& name) {
  JsonFile file{name, {}, sha256_hex(text), std::make_shared<const std::string>(text)};
  if (auto at = excessive_nesting(text)) {
    auto [line, column] = line_and_column(text, *at);
    throw Error(ErrorCode::Syntax, fmt::format("{}:{}:{}", file.name, line, column),
                fmt::format("nesting deeper than {} levels; expected a scenario file's shallow structure",
                            MAX_NESTING_DEPTH));
  }
  try {
    file.root = Json::parse(text);
  } catch (const Json::out_of_range& error) {
    // A number too large for a double (e.g. 1e999) is reported by nlohmann as out_of_range.
    throw Error(ErrorCode::Syntax, file.name, fmt::format("a number is out of range ({})", error.what()));
  } catch (const Json::parse_error& error) {
    auto [line, column] = line_and_column(text, error.byte == 0 ? 0 : error.byte - 1);
    std::string reason = error.what();
    // nlohmann's text is "[json.exception.parse_error.101] parse error at line 1, column 2: ...";
    // keep only the explanation after the position.
    if (auto colon = reason.find(": "); colon != std::string::npos) reason = reason.substr(colon + 2);
    throw Error(ErrorCode::Syntax, fmt::format("{}:{}:{}", file.name, line, column),
                fmt::format("not well-formed JSON ({})", excerpt(reason, 200)));
  }
  return file;
}

std::string describe(const Json& value) {
  // Replace rather than throw on invalid UTF-8, which a message must still be able to quote.
  return excerpt(value.dump(-1, ' ', false, Json::error_handler_t::replace), MAX_QUOTED_CHARS);
}

FieldReader::FieldReader(std::string file, DiagnosticSink& sink) : file_(std::move(file)), sink_(sink) {}

FieldReader::FieldReader(const JsonFile& file, DiagnosticSink& sink)
    : file_(file.name), sink_(sink), text_(file.text) {}

FieldReader::~FieldReader() = default;

std::string FieldReader::where(const std::string& pointer) const {
  const std::string shown = pointer.empty() ? "/" : pointer;
  if (!text_) return file_ + " " + shown;
  if (!lines_) lines_ = std::make_unique<detail::JsonLineIndex>(*text_);
  return fmt::format("{}:{} {}", file_, lines_->line_of(pointer), shown);
}

namespace {
// Edit distance (insertions, deletions, substitutions), for "did you mean".
std::size_t edit_distance(std::string_view a, std::string_view b) {
  std::vector<std::size_t> row(b.size() + 1);
  for (std::size_t j = 0; j <= b.size(); ++j) row[j] = j;
  for (std::size_t i = 1; i <= a.size(); ++i) {
    std::size_t diagonal = row[0];
    row[0] = i;
    for (std::size_t j = 1; j <= b.size(); ++j) {
      const std::size_t above = row[j];
      row[j] = std::min({row[j] + 1, row[j - 1] + 1, diagonal + (a[i - 1] == b[j - 1] ? 0 : 1)});
      diagonal = above;
    }
  }
  return row[b.size()];
}
}  // namespace

void FieldReader::known(const std::string& pointer, std::string_view key) { asked_[pointer].emplace(key); }

void FieldReader::close_object(const Json& obj, const std::string& pointer) {
  if (!obj.is_object()) return;
  const auto& asked = asked_[pointer];
  for (const auto& [key, value] : obj.items()) {
    if (asked.count(key) != 0) continue;
    // The nearest known key within a third of its length (typos, not different words).
    std::string nearest;
    std::size_t best = std::max<std::size_t>(2, key.size() / 3) + 1;
    for (const auto& candidate : asked) {
      const std::size_t distance = edit_distance(key, candidate);
      if (distance < best) best = distance, nearest = candidate;
    }
    std::string known_keys;
    for (const auto& candidate : asked) known_keys += (known_keys.empty() ? "" : ", ") + candidate;
    fail(ErrorCode::Schema, pointer + "/" + detail::escape_pointer_token(key),
         nearest.empty() ? fmt::format("unknown key \"{}\"; expected one of {}", excerpt(key), known_keys)
                         : fmt::format("unknown key \"{}\"; did you mean \"{}\"?", excerpt(key), nearest));
  }
}

void FieldReader::fail(ErrorCode code, const std::string& pointer, std::string message) {
  sink_.add(code, where(pointer), std::move(message));
}

const Json* FieldReader::object(const Json& value, const std::string& pointer) {
  if (value.is_object()) return &value;
  fail(ErrorCode::Schema, pointer, fmt::format("got {}; expected an object", describe(value)));
  return nullptr;
}

const Json* FieldReader::member(const Json& obj, std::string_view key, const std::string& pointer, bool required,
                                std::string_view expected_type) {
  const std::string field_pointer = pointer + "/" + std::string(key);
  asked_[pointer].emplace(key);
  auto it = obj.find(key);
  if (it == obj.end() || it->is_null()) {
    if (required) fail(ErrorCode::Schema, field_pointer, fmt::format("missing; expected {}", expected_type));
    return nullptr;
  }
  return &*it;
}

const Json* FieldReader::array(const Json& obj, std::string_view key, const std::string& pointer, bool required) {
  const Json* value = member(obj, key, pointer, required, "an array");
  if (value == nullptr) return nullptr;
  if (!value->is_array()) {
    fail(ErrorCode::Schema, pointer + "/" + std::string(key), fmt::format("got {}; expected an array", describe(*value)));
    return nullptr;
  }
  return value;
}

const Json* FieldReader::member_object(const Json& obj, std::string_view key, const std::string& pointer, bool required) {
  const Json* value = member(obj, key, pointer, required, "an object");
  if (value == nullptr) return nullptr;
  return object(*value, pointer + "/" + std::string(key));
}

std::string FieldReader::string(const Json& obj, std::string_view key, const std::string& pointer, bool required) {
  const Json* value = member(obj, key, pointer, required, "a string");
  if (value == nullptr) return {};
  if (!value->is_string()) {
    fail(ErrorCode::Schema, pointer + "/" + std::string(key), fmt::format("got {}; expected a string", describe(*value)));
    return {};
  }
  return value->get<std::string>();
}

std::optional<Date> FieldReader::date(const Json& obj, std::string_view key, const std::string& pointer, bool required) {
  const std::string text = string(obj, key, pointer, required);
  if (text.empty()) {
    if (required && obj.is_object() && obj.contains(key))
      fail(ErrorCode::Schema, pointer + "/" + std::string(key), "empty; expected a calendar date YYYY-MM-DD");
    return std::nullopt;
  }
  auto parsed = Date::from_iso(text);
  if (!parsed) fail(ErrorCode::Schema, pointer + "/" + std::string(key), iso_date_problem(text));
  return parsed;
}

double FieldReader::number(const Json& obj, std::string_view key, const std::string& pointer, double min, double max,
                           std::optional<double> fallback) {
  const Json* value = member(obj, key, pointer, !fallback.has_value(), fmt::format("a number in [{}, {}]", min, max));
  if (value == nullptr) return fallback.value_or(min);
  const std::string field_pointer = pointer + "/" + std::string(key);
  if (!value->is_number()) {
    fail(ErrorCode::Schema, field_pointer, fmt::format("got {}; expected a number in [{}, {}]", describe(*value), min, max));
    return fallback.value_or(min);
  }
  const double number = value->get<double>();
  if (!std::isfinite(number) || number < min || number > max) {
    fail(ErrorCode::Schema, field_pointer, fmt::format("got {}; expected a number in [{}, {}]", describe(*value), min, max));
    return fallback.value_or(min);
  }
  return number;
}

long long FieldReader::integer(const Json& obj, std::string_view key, const std::string& pointer, long long min,
                               long long max, std::optional<long long> fallback) {
  const Json* value = member(obj, key, pointer, !fallback.has_value(), fmt::format("an integer in [{}, {}]", min, max));
  if (value == nullptr) return fallback.value_or(min);
  const std::string field_pointer = pointer + "/" + std::string(key);
  if (!value->is_number_integer() || value->get<long long>() < min || value->get<long long>() > max ||
      (value->is_number_unsigned() && value->get<unsigned long long>() > static_cast<unsigned long long>(max))) {
    fail(ErrorCode::Schema, field_pointer, fmt::format("got {}; expected an integer in [{}, {}]", describe(*value), min, max));
    return fallback.value_or(min);
  }
  return value->get<long long>();
}

bool FieldReader::boolean(const Json& obj, std::string_view key, const std::string& pointer, std::optional<bool> fallback) {
  const Json* value = member(obj, key, pointer, !fallback.has_value(), "true or false");
  if (value == nullptr) return fallback.value_or(false);
  if (!value->is_boolean()) {
    fail(ErrorCode::Schema, pointer + "/" + std::string(key), fmt::format("got {}; expected true or false", describe(*value)));
    return fallback.value_or(false);
  }
  return value->get<bool>();
}

std::vector<std::string> FieldReader::strings(const Json& obj, std::string_view key, const std::string& pointer,
                                              bool required) {
  std::vector<std::string> out;
  const Json* list = array(obj, key, pointer, required);
  if (list == nullptr) return out;
  const std::string list_pointer = pointer + "/" + std::string(key);
  for (std::size_t i = 0; i < list->size(); ++i) {
    const Json& item = (*list)[i];
    if (item.is_string()) out.push_back(item.get<std::string>());
    else fail(ErrorCode::Schema, fmt::format("{}/{}", list_pointer, i), fmt::format("got {}; expected a string", describe(item)));
  }
  return out;
}

std::optional<geo::LonLat> FieldReader::position_value(const Json& value, const std::string& pointer) {
  if (!value.is_array() || value.size() != 2 || !value[0].is_number() || !value[1].is_number()) {
    fail(ErrorCode::Schema, pointer, fmt::format("got {}; expected [longitude, latitude] in degrees", describe(value)));
    return std::nullopt;
  }
  const geo::UncheckedLonLat raw{value[0].get<double>(), value[1].get<double>()};
  if (!geo::is_valid(raw)) {
    fail(ErrorCode::Schema, pointer,
         fmt::format("got {}; expected longitude in [-180, 180] and latitude in [-90, 90]", describe(value)));
    return std::nullopt;
  }
  return geo::LonLat{raw.lon, raw.lat};
}

std::optional<geo::LonLat> FieldReader::optional_position(const Json& obj, std::string_view key, const std::string& pointer) {
  asked_[pointer].emplace(key);
  auto it = obj.find(key);
  if (it == obj.end() || it->is_null()) return std::nullopt;
  return position_value(*it, pointer + "/" + std::string(key));
}

geo::LonLat FieldReader::position(const Json& obj, std::string_view key, const std::string& pointer) {
  asked_[pointer].emplace(key);
  if (!obj.contains(key)) {
    fail(ErrorCode::Schema, pointer + "/" + std::string(key), "missing; expected [longitude, latitude] in degrees");
    return {};
  }
  return optional_position(obj, key, pointer).value_or(geo::LonLat{});
}

std::optional<model::PlanningFactor> FieldReader::optional_factor(const Json& obj, std::string_view key,
                                                                  const std::string& pointer) {
  asked_[pointer].emplace(key);
  if (!obj.contains(key) || obj.at(key).is_null()) return std::nullopt;
  return factor(obj, key, pointer);
}

model::PlanningFactor FieldReader::factor(const Json& obj, std::string_view key, const std::string& pointer) {
  model::PlanningFactor result;
  const Json* value = member_object(obj, key, pointer);
  if (value == nullptr) return result;
  const std::string field_pointer = pointer + "/" + std::string(key);
  constexpr double LIMIT = 1e12;  // no planning factor is anywhere near this; rejects garbage
  result.value = number(*value, "value", field_pointer, 0.0, LIMIT);
  result.min = number(*value, "min", field_pointer, 0.0, LIMIT, result.value);
  result.max = number(*value, "max", field_pointer, 0.0, LIMIT, result.value);
  result.unit = string(*value, "unit", field_pointer);
  result.source = string(*value, "source", field_pointer);
  if (!(result.min <= result.value && result.value <= result.max)) {
    fail(ErrorCode::Consistency, field_pointer,
         fmt::format("got min {}, value {}, max {}; expected min <= value <= max", result.min, result.value, result.max));
  }
  return result;
}

}  // namespace guarantor::io
