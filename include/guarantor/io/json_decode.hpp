#pragma once
// The frame around a decoding function: one reader and one sink for a whole input, and every
// problem thrown together at the end, so each loader is its reading alone.
#include <filesystem>
#include <string>
#include <utility>

#include "guarantor/io/json_fields.hpp"

namespace guarantor::io {

namespace detail {
// `origin` names the input in messages: a name, or the JsonFile (then with line numbers).
template <typename Origin, typename Read>
auto decode_with(const Json& root, const Origin& origin, Read&& read) {
  DiagnosticSink sink;
  FieldReader reader(origin, sink);
  auto value = std::forward<Read>(read)(root, reader);
  sink.throw_if_any();
  return value;
}
}  // namespace detail

/// Decodes `root`, named `name` in messages, with `read(root, reader)`. Throws Error with every
/// problem `read` recorded.
template <typename Read>
auto decode_json(const Json& root, const std::string& name, Read&& read) {
  return detail::decode_with(root, name, std::forward<Read>(read));
}

/// Reads the JSON file at `path` and decodes it as decode_json does, its messages located by
/// line. Throws Error: FileNotFound, Syntax, or what `read` recorded.
template <typename Read>
auto decode_json_file(const std::filesystem::path& path, Read&& read) {
  const JsonFile file = read_json_file(path);
  return detail::decode_with(file.root, file, std::forward<Read>(read));
}

}  // namespace guarantor::io
