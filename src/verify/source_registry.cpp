#include "guarantor/verify/source_registry.hpp"

#include <algorithm>

#include <fmt/format.h>

#include "guarantor/core/error.hpp"
#include "guarantor/core/printable.hpp"
#include "guarantor/io/json_decode.hpp"
#include "guarantor/io/json_fields.hpp"
#include "guarantor/verify/text_classify.hpp"

namespace guarantor::verify {

std::string outlet_key(std::string_view outlet) {
  const std::string lower = to_lower_utf8(outlet);
  std::string key;
  key.reserve(lower.size());
  bool pending_blank = false;
  for (const char c : lower) {
    if (c == ' ' || c == '\t' || c == '\n' || c == '\r') {
      pending_blank = !key.empty();
      continue;
    }
    if (c == '@' && key.empty()) continue;
    if (pending_blank) key += ' ';
    pending_blank = false;
    key += c;
  }
  return key;
}

SourceRegistry::SourceRegistry(std::vector<SourceEntry> entries, std::string name) : entries_(std::move(entries)) {
  DiagnosticSink sink;
  for (std::size_t index = 0; index < entries_.size(); ++index) {
    const SourceEntry& entry = entries_[index];
    const std::string where = fmt::format("{} /sources/{}", name, index);
    if (entry.reliability < 'A' || entry.reliability > 'F')
      sink.add(ErrorCode::Schema, where + "/reliability",
               fmt::format("got \"{}\"; expected one letter A-F", entry.reliability));
    if (entry.outlet.empty()) sink.add(ErrorCode::Schema, where + "/outlet", "empty; expected the outlet's name");
    if (!by_outlet_.emplace(outlet_key(entry.outlet), index).second)
      sink.add(ErrorCode::Consistency, where + "/outlet", fmt::format("\"{}\" is listed twice", entry.outlet));
    for (std::size_t a = 0; a < entry.aliases.size(); ++a) {
      const auto [it, added] = by_outlet_.emplace(outlet_key(entry.aliases[a]), index);
      if (!added && it->second != index)
        sink.add(ErrorCode::Consistency, fmt::format("{}/aliases/{}", where, a),
                 fmt::format("\"{}\" already names \"{}\"", entry.aliases[a], entries_[it->second].outlet));
    }
    if (!entry.party.empty()) {
      char& worst = party_reliability_.try_emplace(entry.party, entry.reliability).first->second;
      worst = std::max(worst, entry.reliability);
    }
  }
  sink.throw_if_any();
}

const SourceEntry* SourceRegistry::find(std::string_view outlet) const {
  const auto it = by_outlet_.find(outlet_key(outlet));
  return it == by_outlet_.end() ? nullptr : &entries_[it->second];
}

std::string SourceRegistry::canonical_name(std::string_view outlet) const {
  const SourceEntry* entry = find(outlet);
  return entry != nullptr ? entry->outlet : outlet_key(outlet);
}

char SourceRegistry::party_reliability(std::string_view party) const {
  const auto it = party_reliability_.find(std::string(party));
  return it == party_reliability_.end() ? 'F' : it->second;
}

std::string SourceRegistry::group_of(std::string_view outlet) const {
  const SourceEntry* entry = find(outlet);
  if (entry != nullptr && !entry->group.empty()) return entry->group;
  // Unregistered outlets are their own group; case and blank differences are the same outlet.
  return outlet_key(outlet);
}

char SourceRegistry::reliability_of(std::string_view outlet) const {
  const SourceEntry* entry = find(outlet);
  return entry == nullptr ? 'F' : entry->reliability;
}

namespace {

std::vector<SourceEntry> read_source_entries(const io::Json& root, io::FieldReader& reader) {
  std::vector<SourceEntry> entries;
  if (reader.object(root, "") == nullptr) return entries;
  reader.known("", "description");  // documentation key
  if (const io::Json* sources = reader.array(root, "sources", "")) {
    for (std::size_t index = 0; index < sources->size(); ++index) {
      const std::string pointer = fmt::format("/sources/{}", index);
      const io::Json* item = reader.object((*sources)[index], pointer);
      if (item == nullptr) continue;
      SourceEntry entry;
      entry.outlet = reader.string(*item, "outlet", pointer, false);
      entry.group = reader.string(*item, "group", pointer, false);
      entry.party = reader.string(*item, "party", pointer, false);
      entry.note = reader.string(*item, "note", pointer, false);
      entry.aliases = reader.strings(*item, "aliases", pointer);
      const std::string reliability = reader.string(*item, "reliability", pointer);
      // Admiralty code source reliability: A (completely reliable) to F (cannot be judged).
      const bool letter = reliability.size() == 1 && reliability[0] >= 'A' && reliability[0] <= 'F';
      if (!letter && item->contains("reliability"))
        reader.fail(ErrorCode::Schema, pointer + "/reliability",
                    fmt::format("got \"{}\"; expected one letter A-F", excerpt(reliability)));
      reader.close_object(*item, pointer);
      if (!letter) continue;
      entry.reliability = reliability[0];
      entries.push_back(std::move(entry));
    }
  }
  reader.close_object(root, "");
  return entries;
}

}  // namespace

SourceRegistry source_registry_from_json(const nlohmann::json& root, const std::string& name) {
  return SourceRegistry(io::decode_json(root, name, read_source_entries), name);
}

SourceRegistry load_source_registry(const std::filesystem::path& path) {
  // The name the file's messages use: the path as the user gave it.
  return SourceRegistry(io::decode_json_file(path, read_source_entries), path.string());
}

nlohmann::json to_json(const SourceRegistry& registry) {
  nlohmann::json sources = nlohmann::json::array();
  for (const auto& entry : registry.entries())
    sources.push_back({{"outlet", entry.outlet},
                       {"group", entry.group},
                       {"party", entry.party},
                       {"reliability", std::string(1, entry.reliability)},
                       {"note", entry.note},
                       {"aliases", entry.aliases}});
  return {{"sources", sources}};
}

}  // namespace guarantor::verify
