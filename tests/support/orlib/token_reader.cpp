#include "token_reader.hpp"

#include <charconv>
#include <cmath>
#include <fstream>
#include <sstream>

#include <fmt/format.h>

#include "guarantor/core/error.hpp"

namespace guarantor::orlib {

TokenReader::TokenReader(const std::string& path) : path_(path) {
  std::ifstream file(path);
  if (!file) throw Error(ErrorCode::FileNotFound, path, "cannot open the file for reading");
  std::string line;
  std::size_t line_number = 0;
  while (std::getline(file, line)) {
    ++line_number;
    std::istringstream words(line);
    std::string word;
    while (words >> word) {
      tokens_.push_back(word);
      lines_.push_back(line_number);
    }
  }
  last_line_ = line_number;
}

std::string TokenReader::where() const { return fmt::format("{}:{}", path_, last_line_); }

void TokenReader::fail(const std::string& message) const { throw Error(ErrorCode::Syntax, where(), message); }

std::string TokenReader::next_word(const char* what) {
  if (at_end()) fail(fmt::format("unexpected end of file; expected {}", what));
  last_line_ = lines_[position_];
  return tokens_[position_++];
}

double TokenReader::next_number(const char* what) {
  const std::string word = next_word(what);
  double value = 0;
  const auto [end, error] = std::from_chars(word.data(), word.data() + word.size(), value);
  if (error != std::errc{} || end != word.data() + word.size() || !std::isfinite(value)) {
    fail(fmt::format("got '{}'; expected {} (a number)", word, what));
  }
  return value;
}

std::size_t TokenReader::next_count(const char* what) {
  const std::string word = next_word(what);
  std::size_t value = 0;
  const auto [end, error] = std::from_chars(word.data(), word.data() + word.size(), value);
  if (error != std::errc{} || end != word.data() + word.size()) {
    fail(fmt::format("got '{}'; expected {} (a non-negative integer)", word, what));
  }
  return value;
}

}  // namespace guarantor::orlib
