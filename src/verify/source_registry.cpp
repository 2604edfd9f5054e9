#include "guarantor/verify/source_registry.hpp"

#include <fstream>

#include <fmt/format.h>

#include "guarantor/core/error.hpp"
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

SourceRegistry source_registry_from_json(const nlohmann::json& root, const std::string& name) {
  if (!root.is_object() || !root.contains("sources") || !root["sources"].is_array())
    throw Error(ErrorCode::Schema, name, "expected an object with a \"sources\" array");
  std::vector<SourceEntry> entries;
  DiagnosticSink sink;
  const auto& sources = root["sources"];
  for (std::size_t index = 0; index < sources.size(); ++index) {
    const auto& item = sources[index];
    const std::string where = fmt::format("{} /sources/{}", name, index);
    if (!item.is_object()) {
      sink.add(ErrorCode::Schema, where, "expected an object");
      continue;
    }
    SourceEntry entry;
    const auto text = [&](const char* key) {
      const auto it = item.find(key);
      if (it == item.end()) return std::string();
      if (!it->is_string()) {
        sink.add(ErrorCode::Schema, fmt::format("{}/{}", where, key), "expected a string");
        return std::string();
      }
      return it->get<std::string>();
    };
    entry.outlet = text("outlet");
    entry.group = text("group");
    entry.party = text("party");
    entry.note = text("note");
    if (item.contains("aliases")) {
      if (!item["aliases"].is_array()) sink.add(ErrorCode::Schema, where + "/aliases", "expected an array of strings");
      else
        for (std::size_t a = 0; a < item["aliases"].size(); ++a) {
          if (item["aliases"][a].is_string()) entry.aliases.push_back(item["aliases"][a].get<std::string>());
          else sink.add(ErrorCode::Schema, fmt::format("{}/aliases/{}", where, a), "expected a string");
        }
    }
    const std::string reliability = text("reliability");
    if (reliability.size() != 1) {
      sink.add(ErrorCode::Schema, where + "/reliability", fmt::format("got \"{}\"; expected one letter A-F", reliability));
      continue;
    }
    entry.reliability = reliability[0];
    entries.push_back(std::move(entry));
  }
  sink.throw_if_any();
  return SourceRegistry(std::move(entries), name);
}

SourceRegistry load_source_registry(const std::filesystem::path& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) throw Error(ErrorCode::FileNotFound, path.string(), "cannot open the source registry");
  nlohmann::json root = nlohmann::json::parse(in, nullptr, false);
  if (root.is_discarded()) throw Error(ErrorCode::Syntax, path.string(), "not valid JSON");
  return source_registry_from_json(root, path.string());
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
