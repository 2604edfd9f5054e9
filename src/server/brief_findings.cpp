// The findings a weekly brief reports. A week's snapshot keeps the ids of the findings versions
// published by its close; a version's findings never change once stored, so the counts are read
// from the version itself (the verifier's "by_side" table: party -> provision -> outcome -> n).
// The newest version is the monitors' current judgement, so it is the one compared: summing
// versions would count an incident once per re-verification.
#include "brief_findings.hpp"

#include <map>
#include <set>

namespace guarantor::server {

namespace {
std::vector<json> versions_of(const json& snapshot) {
  std::vector<json> versions;
  if (snapshot.is_object() && snapshot.contains("findings") && snapshot.at("findings").is_array())
    for (const auto& version : snapshot.at("findings")) versions.push_back(version);
  return versions;
}

struct Counted {
  std::map<std::pair<std::string, std::string>, json> counts;  // (provision, party) -> outcomes
  std::map<std::string, std::string> titles;                   // provision -> title
};

Counted count(store::Workspace& workspace, std::int64_t id) {
  Counted counted;
  const json findings = json::parse(workspace.findings_version_text(id));
  // Locals, not temporaries: a range-for over a temporary's items() would outlive it.
  const json provisions_read = findings.value("provisions", json::array());
  const json by_side = findings.value("by_side", json::object());
  for (const auto& provision : provisions_read)
    counted.titles[provision.at("id").get<std::string>()] = provision.value("title", "");
  for (const auto& [party, provisions] : by_side.items())
    for (const auto& [provision, outcomes] : provisions.items()) counted.counts[{provision, party}] = outcomes;
  return counted;
}
}  // namespace

json findings_since(store::Workspace& workspace, const json& before, const json& after) {
  std::set<std::int64_t> known;
  json compared = nullptr;
  for (const auto& version : versions_of(before)) {
    known.insert(version.at("id").get<std::int64_t>());
    compared = version;
  }
  json fresh = json::array();
  for (const auto& version : versions_of(after)) {
    if (known.contains(version.at("id").get<std::int64_t>())) continue;
    const json& summary = version.value("summary", json::object());
    fresh.push_back({{"id", version.at("id")}, {"published_at", version.value("published_at", "")},
                     {"findings", summary.value("findings", std::int64_t{0})}});
  }
  json rows = json::array();
  json latest = fresh.empty() ? json() : fresh.back().at("id");
  if (!fresh.empty()) {
    const Counted now = count(workspace, latest.get<std::int64_t>());
    const Counted was = compared.is_null() ? Counted{} : count(workspace, compared.at("id").get<std::int64_t>());
    std::set<std::pair<std::string, std::string>> keys;
    for (const auto& [key, outcomes] : now.counts) keys.insert(key);
    for (const auto& [key, outcomes] : was.counts) keys.insert(key);
    for (const auto& key : keys) {
      const auto title = now.titles.contains(key.first) ? now.titles.at(key.first) : was.titles.contains(key.first) ? was.titles.at(key.first) : "";
      const auto in = [&](const Counted& side) { return side.counts.contains(key) ? side.counts.at(key) : json(); };
      rows.push_back({{"provision", key.first}, {"title", title}, {"party", key.second}, {"before", in(was)}, {"after", in(now)}});
    }
  }
  return {{"new_versions", fresh},
          {"latest_version", latest},
          {"compared_with_version", compared.is_null() ? json() : compared.at("id")},
          {"by_provision_and_party", rows}};
}

}  // namespace guarantor::server
