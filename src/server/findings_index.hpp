#pragma once
// One findings version held in memory for the monitoring page's reads (summary and paged list):
// the findings document read once, each finding's filter keys beside its JSON, in the order the
// page lists them. A large version is 60 MiB of JSON; reading it per request took seconds, so
// the server keeps the indexes of the versions read last (a version's document never changes).
#include <array>
#include <cstdint>
#include <functional>
#include <list>
#include <map>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

namespace guarantor::server {

/// The outcomes, most serious first: an outcome's index is its severity.
inline constexpr std::array<const char*, 3> FINDING_OUTCOMES = {"violation", "undetermined", "no_violation"};

/// A finding's keys for filtering and counting, and its JSON as the document holds it.
struct IndexedFinding {
  std::string incident;
  std::string date;  ///< YYYY-MM-DD of the incident, empty when undated
  std::string provision;
  std::string grade;        ///< Admiralty code ("B2"), empty when absent
  std::size_t outcome = 0;  ///< index into FINDING_OUTCOMES
  /// The parties claiming it (the claims' keys), "independent" when nobody does, each with the
  /// actors its reports name and how many reports name each.
  std::vector<std::pair<std::string, std::map<std::string, std::int64_t>>> parties;
  std::optional<std::array<double, 2>> position;  ///< [lon, lat] of the incident
  /// The admin area the incident is located only to (code, English name), "" when located to a
  /// point; findings documents written before the verifier recorded it have none.
  std::string area, area_name;
  std::string text;                               ///< the finding's JSON

  // The texts above as numbers into the index's `keys`, which are sorted, so a key's order is
  // its text's: the summary counts into arrays by key instead of maps by text, and still lists
  // its counts in text order.
  std::uint32_t provision_key = 0, grade_key = 0, date_key = 0, incident_key = 0;
  /// Per claim, in the order of `parties`: the party's key and its actors' keys with their counts.
  std::vector<std::pair<std::uint32_t, std::vector<std::pair<std::uint32_t, std::int64_t>>>> claim_keys;
};

/// The distinct texts of one version's findings, each list sorted; a finding's keys index them.
/// `grades` and `dates` hold "" too when some finding has no grade or no date. `parties` is also
/// the party filter's choices.
struct FindingKeyTexts {
  std::vector<std::string> provisions, grades, dates, incidents, parties, actors;
};

/// What the monitoring page filters by; an empty field passes everything.
struct FindingsFilter {
  std::string provision, party, grade, outcome, from, until, incident;
  [[nodiscard]] bool passes(const IndexedFinding& finding) const;
};

/// The findings of one version, sorted most serious first, then by date, then by incident
/// (document order within ties), with the choices the page's filters offer.
struct FindingsIndex {
  /// Reads findings.json as verify writes it. Throws Error (Syntax, Schema) naming `where`.
  FindingsIndex(const std::string& document, const std::string& where);

  std::vector<IndexedFinding> findings;
  std::string agreement;                                ///< the agreement's name the findings were judged against
  nlohmann::json provisions = nlohmann::json::array();  ///< [{id, title}] in the agreement's order
  std::vector<std::string> grades;                      ///< sorted, over every graded finding
  std::string first_date, last_date;                    ///< over every dated finding
  FindingKeyTexts keys;                                 ///< what the findings' keys number
};

/// The map part of a summary: the zoom the cells are made for (Web Mercator, 256-pixel tiles),
/// how many incidents the caller draws one by one at most, and the area drawn ([west, south,
/// east, north] degrees; none: everywhere).
struct MapRequest {
  int zoom = 6;
  std::size_t max_points = 3000;
  std::optional<std::array<double, 4>> bbox;
};

/// Width of a map cell in screen pixels: incidents in one cell at the asked zoom are one marker,
/// so a marker never hides another and the markers drawn are bounded by the screen, not the data.
inline constexpr double MAP_CELL_PX = 48.0;

/// Counts of the findings that pass `filter` (per outcome, provision, party, grade, day, and per
/// provision and party with actors and days) and its incidents on the map (docs/workspace.md,
/// "Monitoring at scale").
nlohmann::json findings_summary(const FindingsIndex& index, const FindingsFilter& filter, const MapRequest& map);

/// {"items": [...], "total", "limit", "offset"} of the findings that pass `filter`, as JSON text.
std::string findings_page(const FindingsIndex& index, const FindingsFilter& filter, std::size_t limit,
                          std::size_t offset);

/// The indexes of the findings versions read last, at most `kept` of them.
class FindingsIndexCache {
public:
  explicit FindingsIndexCache(std::size_t kept) : kept_(kept) {}
  /// The index of version `id`, built from `document()` when not kept (one build at a time, so
  /// concurrent first readers of a version wait for one build instead of each making one).
  std::shared_ptr<const FindingsIndex> get(std::int64_t id, const std::function<std::string()>& document);
  /// Keeps `index` as version `id`'s, built by its writer (the verify job) before anyone reads
  /// it, so the version's first reader does not wait for the build.
  void put(std::int64_t id, std::shared_ptr<const FindingsIndex> index);

private:
  void keep(std::int64_t id, std::shared_ptr<const FindingsIndex> index);  ///< the caller holds mutex_

  std::size_t kept_;
  std::mutex mutex_;                                                                  ///< guards entries_
  std::mutex build_mutex_;                                                            ///< held while an index is built
  std::list<std::pair<std::int64_t, std::shared_ptr<const FindingsIndex>>> entries_;  ///< most recent first
};

}  // namespace guarantor::server
