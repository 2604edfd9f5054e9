#include "findings_index.hpp"

#include <algorithm>
#include <set>

#include <fmt/format.h>

#include "guarantor/core/error.hpp"

namespace guarantor::server {

namespace {
using nlohmann::json;

// Depth at which the callback parser reports the objects of a top-level array (the document is
// depth 0, its members 1).
constexpr int ELEMENT_DEPTH = 2;
constexpr const char* UNCLAIMED_PARTY = "independent";

IndexedFinding indexed(const json& value, const std::string& where) {
  try {
    IndexedFinding finding;
    finding.incident = value.at("incident").get<std::string>();
    finding.provision = value.at("provision").get<std::string>();
    finding.date = value.value("date", std::string());
    if (const auto grade = value.find("grade"); grade != value.end() && grade->is_object())
      finding.grade = grade->value("code", std::string());
    const auto outcome = value.at("outcome").get<std::string>();
    const auto* found = std::find(FINDING_OUTCOMES.begin(), FINDING_OUTCOMES.end(), outcome);
    if (found == FINDING_OUTCOMES.end())
      throw Error(ErrorCode::Schema, where + "/outcome",
                  fmt::format("got \"{}\"; expected violation, undetermined or no_violation", outcome));
    finding.outcome = static_cast<std::size_t>(found - FINDING_OUTCOMES.begin());
    if (const auto claims = value.find("claims"); claims != value.end())
      for (const auto& [party, claim] : claims->items()) {
        std::map<std::string, std::int64_t> actors;
        if (const auto named = claim.find("claimed_actors"); named != claim.end())
          for (const auto& [actor, count] : named->items()) actors[actor] = count.get<std::int64_t>();
        finding.parties.emplace_back(party, std::move(actors));
      }
    if (finding.parties.empty()) finding.parties.emplace_back(UNCLAIMED_PARTY, std::map<std::string, std::int64_t>{});
    if (const auto position = value.find("position"); position != value.end() && position->is_array())
      finding.position = std::array<double, 2>{position->at(0).get<double>(), position->at(1).get<double>()};
    finding.area = value.value("area", std::string());
    finding.area_name = value.value("area_name", std::string());
    finding.text = value.dump();
    return finding;
  } catch (const json::exception& error) {
    throw Error(ErrorCode::Schema, where, fmt::format("a finding is incomplete: {}", error.what()));
  }
}

void sort_unique(std::vector<std::string>& texts) {
  std::sort(texts.begin(), texts.end());
  texts.erase(std::unique(texts.begin(), texts.end()), texts.end());
}

std::uint32_t key_of(const std::vector<std::string>& sorted, const std::string& text) {
  return static_cast<std::uint32_t>(std::lower_bound(sorted.begin(), sorted.end(), text) - sorted.begin());
}

// Fills `index.keys` and each finding's keys.
void number_keys(FindingsIndex& index) {
  auto& keys = index.keys;
  auto& findings = index.findings;
  for (const auto& finding : findings) {
    keys.provisions.push_back(finding.provision);
    keys.grades.push_back(finding.grade);
    keys.dates.push_back(finding.date);
    keys.incidents.push_back(finding.incident);
    for (const auto& [party, actors] : finding.parties) {
      keys.parties.push_back(party);
      for (const auto& actor : actors) keys.actors.push_back(actor.first);
    }
  }
  for (auto* texts : {&keys.provisions, &keys.grades, &keys.dates, &keys.incidents, &keys.parties, &keys.actors})
    sort_unique(*texts);
  for (auto& finding : findings) {
    finding.provision_key = key_of(keys.provisions, finding.provision);
    finding.grade_key = key_of(keys.grades, finding.grade);
    finding.date_key = key_of(keys.dates, finding.date);
    finding.incident_key = key_of(keys.incidents, finding.incident);
    finding.claim_keys.clear();
    for (const auto& [party, actors] : finding.parties) {
      auto& claim = finding.claim_keys.emplace_back(key_of(keys.parties, party),
                                                    std::vector<std::pair<std::uint32_t, std::int64_t>>{});
      for (const auto& [actor, reports] : actors) claim.second.emplace_back(key_of(keys.actors, actor), reports);
    }
  }
}
}  // namespace

bool FindingsFilter::passes(const IndexedFinding& finding) const {
  if (!provision.empty() && finding.provision != provision) return false;
  if (!grade.empty() && finding.grade != grade) return false;
  if (!outcome.empty() && FINDING_OUTCOMES.at(finding.outcome) != outcome) return false;
  if (!incident.empty() && finding.incident != incident) return false;
  // Dates are YYYY-MM-DD, so text order is date order; an undated finding is before any date.
  if (!from.empty() && finding.date < from) return false;
  if (!until.empty() && finding.date > until) return false;
  if (!party.empty() && std::none_of(finding.parties.begin(), finding.parties.end(),
                                     [&](const auto& claim) { return claim.first == party; }))
    return false;
  return true;
}

FindingsIndex::FindingsIndex(const std::string& document, const std::string& where) {
  // The findings are taken one at a time as the parser completes each and dropped from the
  // parsed tree, so a large version never exists twice in memory as a JSON tree.
  std::string member;
  json top;
  try {
    top = json::parse(document, [&](int depth, json::parse_event_t event, json& parsed) {
      if (event == json::parse_event_t::key && depth == 1) member = parsed.get<std::string>();
      if (event != json::parse_event_t::object_end || depth != ELEMENT_DEPTH || member != "findings") return true;
      findings.push_back(indexed(parsed, fmt::format("{} /findings/{}", where, findings.size())));
      return false;
    });
  } catch (const json::parse_error& error) {
    throw Error(ErrorCode::Syntax, where, fmt::format("the findings document is not JSON: {}", error.what()));
  }
  if (!top.is_object() || !top.contains("findings"))
    throw Error(ErrorCode::Schema, where, "expected a findings document (an object with \"findings\")");
  agreement = top.value("agreement", std::string());
  for (const auto& provision : top.value("provisions", json::array()))
    provisions.push_back({{"id", provision.value("id", "")}, {"title", provision.value("title", "")}});
  std::stable_sort(findings.begin(), findings.end(), [](const IndexedFinding& a, const IndexedFinding& b) {
    if (a.outcome != b.outcome) return a.outcome < b.outcome;
    if (a.date != b.date) return a.date < b.date;
    return a.incident < b.incident;
  });
  std::set<std::string> all_grades;
  for (const auto& finding : findings) {
    if (!finding.grade.empty()) all_grades.insert(finding.grade);
    if (finding.date.empty()) continue;
    if (first_date.empty() || finding.date < first_date) first_date = finding.date;
    if (finding.date > last_date) last_date = finding.date;
  }
  grades.assign(all_grades.begin(), all_grades.end());
  number_keys(*this);
}

std::string findings_page(const FindingsIndex& index, const FindingsFilter& filter, std::size_t limit,
                          std::size_t offset) {
  std::string items = "[";
  std::size_t total = 0;
  for (const auto& finding : index.findings) {
    if (!filter.passes(finding)) continue;
    if (total++ < offset || total > offset + limit) continue;
    if (items.size() > 1) items += ',';
    items += finding.text;
  }
  items += ']';
  return fmt::format(R"({{"items":{},"total":{},"limit":{},"offset":{}}})", items, total, limit, offset);
}

std::shared_ptr<const FindingsIndex> FindingsIndexCache::get(std::int64_t id,
                                                             const std::function<std::string()>& document) {
  const auto lookup = [&]() -> std::shared_ptr<const FindingsIndex> {
    const std::lock_guard lock(mutex_);
    const auto found =
        std::find_if(entries_.begin(), entries_.end(), [id](const auto& entry) { return entry.first == id; });
    if (found == entries_.end()) return nullptr;
    entries_.splice(entries_.begin(), entries_, found);  // now the most recent
    return found->second;
  };
  if (auto kept = lookup()) return kept;
  const std::lock_guard building(build_mutex_);
  if (auto kept = lookup()) return kept;  // built by the reader this one waited for
  auto built = std::make_shared<const FindingsIndex>(document(), fmt::format("findings version {}", id));
  const std::lock_guard lock(mutex_);
  keep(id, built);
  return built;
}

void FindingsIndexCache::put(std::int64_t id, std::shared_ptr<const FindingsIndex> index) {
  const std::lock_guard lock(mutex_);
  keep(id, std::move(index));
}

void FindingsIndexCache::keep(std::int64_t id, std::shared_ptr<const FindingsIndex> index) {
  std::erase_if(entries_, [id](const auto& entry) { return entry.first == id; });
  entries_.emplace_front(id, std::move(index));
  while (entries_.size() > kept_) entries_.pop_back();
}

}  // namespace guarantor::server
