// The written forms of area and place names: leading prepositions ("на Донбасі", "в районе
// Купянска") and grammatical cases ("Харківській", "Херсоном") turned back into the forms the
// names file and the gazetteer list, and axes of the front located to their oblast.
#include <algorithm>

#include <fmt/format.h>

#include "guarantor/core/error.hpp"
#include "guarantor/verify/admin_areas.hpp"
#include "guarantor/verify/text_classify.hpp"
#include "split_words.hpp"

namespace guarantor::verify {
namespace {

// Code points of a UTF-8 text (continuation bytes not counted).
std::size_t code_points(std::string_view text) {
  return static_cast<std::size_t>(
      std::count_if(text.begin(), text.end(), [](char c) { return (static_cast<unsigned char>(c) & 0xC0) != 0x80; }));
}

std::string joined_words(const std::vector<std::string>& words) {
  std::string text;
  for (const std::string& word : words) text += (text.empty() ? "" : " ") + word;
  return text;
}

// Letters a word keeps when its case ending is replaced: shorter stems match too much ("Суми"
// is not "Сум" + "и").
constexpr std::size_t MIN_STEM_LETTERS = 3;

}  // namespace

void AdminAreas::read_inflections(io::FieldReader& reader, const io::Json& names) {
  for (const char* documentation : {"axis_note", "prepositions_note", "case_endings_note"})
    reader.known("", documentation);
  axis_designators_ = reader.strings(names, "axis_designators", "", false);
  for (std::string& word : axis_designators_) word = to_lower_utf8(word);
  for (const std::string& phrase : reader.strings(names, "prepositions", "", false)) {
    std::vector<std::string> words = detail::split_words(to_lower_utf8(phrase), " ");
    if (!words.empty()) prepositions_.push_back(std::move(words));
  }
  // Longest phrase first, so "в районе" is dropped whole rather than "в" alone.
  std::stable_sort(prepositions_.begin(), prepositions_.end(),
                   [](const auto& a, const auto& b) { return a.size() > b.size(); });
  const io::Json* endings = reader.array(names, "case_endings", "", false);
  if (endings == nullptr) return;
  for (std::size_t i = 0; i < endings->size(); ++i) {
    const std::string pointer = fmt::format("/case_endings/{}", i);
    const io::Json* item = reader.object((*endings)[i], pointer);
    if (item == nullptr) continue;
    std::string ending = to_lower_utf8(reader.string(*item, "ending", pointer));
    std::string nominative = to_lower_utf8(reader.string(*item, "nominative", pointer, false));
    reader.close_object(*item, pointer);
    if (ending.empty()) {
      if (item->contains("ending"))
        reader.fail(ErrorCode::Schema, pointer + "/ending", "got \"\"; expected the ending a case form ends with");
      continue;
    }
    case_endings_.emplace_back(std::move(ending), std::move(nominative));
  }
}

std::vector<std::string> AdminAreas::without_preposition(std::vector<std::string> words) const {
  for (const auto& phrase : prepositions_) {
    // Never the whole text: a place may be named like a preposition.
    if (phrase.size() >= words.size() || !std::equal(phrase.begin(), phrase.end(), words.begin())) continue;
    words.erase(words.begin(), words.begin() + static_cast<std::ptrdiff_t>(phrase.size()));
    return words;
  }
  return words;
}

std::vector<std::string> AdminAreas::inflected_forms(const std::vector<std::string>& words) const {
  std::vector<std::string> forms{joined_words(words)};
  if (words.empty()) return forms;
  const std::string& last = words.back();
  std::vector<std::string> head(words.begin(), words.end() - 1);
  for (const auto& [ending, nominative] : case_endings_) {
    if (last.size() <= ending.size() || last.compare(last.size() - ending.size(), ending.size(), ending) != 0) continue;
    const std::string stem = last.substr(0, last.size() - ending.size());
    if (code_points(stem) < MIN_STEM_LETTERS) continue;
    head.push_back(stem + nominative);
    std::string form = joined_words(head);
    head.pop_back();
    if (std::find(forms.begin(), forms.end(), form) == forms.end()) forms.push_back(std::move(form));
  }
  return forms;
}

std::vector<std::string> AdminAreas::name_forms(std::string_view text) const {
  const std::string lowered = to_lower_utf8(text);
  std::vector<std::string> forms = inflected_forms(without_preposition(detail::split_words(lowered, " \t")));
  if (!forms.empty() && forms.front() == lowered) forms.erase(forms.begin());  // already tried as written
  return forms;
}

std::optional<AdminArea> AdminAreas::axis_area(const std::vector<std::string>& forms,
                                               const Gazetteer* gazetteer) const {
  // Named after an oblast: "Запорожское направление", "Zaporizhzhia axis".
  for (const std::string& form : forms)
    if (const auto it = by_name_.find(fold_place_name(form)); it != by_name_.end()) return areas_[it->second].area;
  if (gazetteer == nullptr) return std::nullopt;
  // Named after a town ("Покровське направлення", "Pokrovsk direction"): the oblast holding it,
  // the town's adjective turned back into its name as for raions.
  for (const std::string& form : forms) {
    std::vector<std::string> tries;
    for (const auto& suffix : raion_suffixes_)
      if (form.size() > suffix.size() && form.compare(form.size() - suffix.size(), suffix.size(), suffix) == 0)
        tries.push_back(form.substr(0, form.size() - suffix.size()));
    tries.push_back(form);
    for (const std::string& name : tries) {
      for (const model::PopulatedPlace* town : gazetteer->lookup(name))
        if (const AdminArea* oblast = oblast_at(town->position)) return *oblast;
    }
  }
  return std::nullopt;
}

}  // namespace guarantor::verify
