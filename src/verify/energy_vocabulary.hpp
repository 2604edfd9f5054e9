#pragma once
// The target vocabulary in English, Ukrainian and Russian: which words name which kind of
// target, energy kinds first. The words live in data/verify/energy_vocabulary.json (each rule
// with its public sources), compiled into the library; measured on
// tests/fixtures/verify/energy_labelled.csv (docs/verifier.md, Classification).
#include <string>
#include <string_view>
#include <vector>

#include "guarantor/verify/report.hpp"

namespace guarantor::verify::detail {

/// One term of the vocabulary, lower-cased and normalised as the text it is matched against.
struct VocabularyTerm {
  std::string text;
  bool whole_word = false;
};

/// Terms that name `kind`; rules are tried in file order and the first that matches wins.
struct VocabularyRule {
  TargetKind kind = TargetKind::Unknown;
  std::vector<VocabularyTerm> terms;
};

/// Phrases blanked before any rule is tried (ministry names, fuel tankers, the town Enerhodar),
/// then the ordered rules.
struct TargetVocabulary {
  std::vector<VocabularyTerm> blank;
  std::vector<VocabularyRule> rules;
};

/// Reads a vocabulary file's JSON text, `name` naming it in messages. Throws Error (Syntax or
/// Schema) listing every problem with its line and JSON pointer.
TargetVocabulary parse_target_vocabulary(const std::string& json_text, const std::string& name);

/// The vocabulary shipped in data/verify/energy_vocabulary.json, read once.
const TargetVocabulary& shipped_target_vocabulary();

/// The target kind `lower` (already lower-cased by to_lower_utf8) names under `vocabulary`,
/// Unknown when none.
TargetKind classify_target_lower(std::string_view lower, const TargetVocabulary& vocabulary);

/// The same under the shipped vocabulary.
TargetKind classify_target_lower(std::string_view lower);

}  // namespace guarantor::verify::detail
