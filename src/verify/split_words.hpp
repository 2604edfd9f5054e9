#pragma once
// Splitting a lower-cased text into words, shared by the area-name matching and the reading of
// its prepositions and case forms.
#include <string>
#include <string_view>
#include <vector>

namespace guarantor::verify::detail {

/// The words of an already lower-cased text, split at any of the given single-byte separators;
/// runs of separators give no empty words.
inline std::vector<std::string> split_words(const std::string& lowered, std::string_view separators) {
  std::vector<std::string> words;
  std::string word;
  for (const char c : lowered) {
    if (separators.find(c) != std::string_view::npos) {
      if (!word.empty()) words.push_back(std::move(word));
      word.clear();
    } else {
      word += c;
    }
  }
  if (!word.empty()) words.push_back(std::move(word));
  return words;
}

}  // namespace guarantor::verify::detail
