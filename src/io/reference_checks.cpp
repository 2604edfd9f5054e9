// Checks that span records and files: unique identifiers, references that resolve, positions
// inside their stated country, phases that exist.
#include <map>
#include <set>

#include <fmt/format.h>

#include "loaders.hpp"

namespace guarantor::io::detail {

namespace {
// Coastal sites (ports, shore plants) may sit just outside a generalised coastline; a site is
// accepted as inside its country when within this distance of the outline.
constexpr double COASTLINE_TOLERANCE_M = 5'000.0;

std::string file_of(const model::Scenario& scenario, std::string_view role) {
  for (const auto& f : scenario.files)
    if (f.role == role) return std::filesystem::path(f.path).filename().string();
  return std::string(role);
}

template <typename Items, typename IdOf>
void check_unique(const Items& items, IdOf id_of, const std::string& file, const std::string& collection, DiagnosticSink& sink) {
  std::map<std::string, std::size_t> first_index;
  for (std::size_t i = 0; i < items.size(); ++i) {
    const std::string id = id_of(items[i]);
    if (id.empty()) continue;  // a missing id is reported by the file's reader
    auto [it, inserted] = first_index.emplace(id, i);
    if (!inserted) {
      sink.add(
          ErrorCode::Consistency, fmt::format("{} /{}/{}", file, collection, i),
          fmt::format("id \"{}\" repeats /{}/{}; expected every id to be unique", excerpt(id), collection, it->second));
    }
  }
}
}  // namespace

void check_pledge_references(const model::Scenario& scenario, const model::Pledge& pledge, const std::string& pointer,
                             DiagnosticSink& sink) {
  const auto& theatre = scenario.theatre;
  const std::string catalogue_file = file_of(scenario, "catalogue");
  // Values a reader already rejected are empty, and lists that failed to load are empty: neither
  // is reported a second time as a dangling reference.
  if (!pledge.nation.empty() && !scenario.coalition.nations.empty() &&
      scenario.coalition.find_nation(pledge.nation) == nullptr) {
    sink.add(ErrorCode::Reference, pointer + "/nation",
             fmt::format("\"{}\" is not a nation of /nations; expected one of its iso2 codes", excerpt(pledge.nation)));
  }
  // "FR-7" lies in France's id space: a pledge of another nation there would make France's liaison,
  // who creates ids only in its own space, meet an id it cannot see (docs/workspace.md).
  if (pledge.id.size() > 3 && pledge.id[2] == '-' && !pledge.nation.empty()) {
    const std::string space = pledge.id.substr(0, 2);
    const auto* owner = scenario.coalition.find_nation(space);
    // An unknown nation is reported once, at /nation.
    if (owner != nullptr && space != pledge.nation && scenario.coalition.find_nation(pledge.nation) != nullptr)
      sink.add(
          ErrorCode::Reference, pointer + "/id",
          fmt::format("\"{}\" begins with \"{}-\", the ids of {}'s pledges; expected a pledge of {}, or an id of "
                      "the form \"{}-…\" for a pledge of {}",
                      excerpt(pledge.id), space, owner->name, space, excerpt(pledge.nation), excerpt(pledge.nation)));
  }
  if (!pledge.capability.empty() && !scenario.catalogue.capabilities.empty() &&
      scenario.catalogue.find(pledge.capability) == nullptr) {
    sink.add(ErrorCode::Reference, pointer + "/capability",
             fmt::format("\"{}\" is not in the capability catalogue ({})", excerpt(pledge.capability), catalogue_file));
  }
  // A condition precedent is a key of the mandate's conditions: a misspelt key would otherwise
  // read as a condition never met and block the pledge in silence. Skipped when the mandate did
  // not load (its name is required).
  const auto& conditions = scenario.mandate.conditions;
  for (std::size_t c = 0; c < pledge.caveats.size() && !scenario.mandate.name.empty(); ++c) {
    const auto& caveat = pledge.caveats[c];
    if (caveat.kind() != model::CaveatKind::Condition || conditions.contains(caveat.key())) continue;
    std::string known;
    for (const auto& [key, met] : conditions) known += (known.empty() ? "" : ", ") + key;
    sink.add(ErrorCode::Reference, fmt::format("{}/caveats/{}/values/0", pointer, c),
             fmt::format("condition \"{}\" is not a condition of the mandate ({} /conditions); expected one of: {}",
                         excerpt(caveat.key()), file_of(scenario, "mandate"), known.empty() ? "(none listed)" : known));
  }
  for (std::size_t s = 0; s < pledge.sites.size(); ++s) {
    const auto* site = theatre.find_site(pledge.sites[s]);
    const auto* capability = scenario.catalogue.find(pledge.capability);
    if (site == nullptr) {
      sink.add(ErrorCode::Reference, fmt::format("{}/sites/{}", pointer, s),
               fmt::format("\"{}\" is not a site of the theatre; expected a site id", excerpt(pledge.sites[s])));
    } else if (capability && capability->domain == model::Domain::Host && site->country != pledge.nation) {
      // Host-nation support is given in place by the nation that offers it.
      sink.add(ErrorCode::Consistency, fmt::format("{}/sites/{}", pointer, s),
               fmt::format("host-nation support of {} named at {} in {}; expected a site in {}", excerpt(pledge.nation),
                           site->id, site->country, excerpt(pledge.nation)));
    }
  }
}

void check_requirement_references(const model::Scenario& scenario, const model::RequirementLine& line,
                                  const std::string& pointer, DiagnosticSink& sink) {
  const std::string catalogue_file = file_of(scenario, "catalogue");
  if (!line.capability.empty() && !scenario.catalogue.capabilities.empty() &&
      scenario.catalogue.find(line.capability) == nullptr) {
    sink.add(ErrorCode::Reference, pointer + "/capability",
             fmt::format("\"{}\" is not in the capability catalogue ({})", excerpt(line.capability), catalogue_file));
  }
  if (!scenario.mandate.phases.empty() && scenario.mandate.find_phase(line.phase) == nullptr) {
    sink.add(ErrorCode::Reference, pointer + "/phase",
             fmt::format("phase \"{}\" has no gate in /phases; expected one of the mandate's phases",
                         model::to_string(line.phase)));
  }
}

void check_references(const model::Scenario& scenario, DiagnosticSink& sink) {
  const auto& theatre = scenario.theatre;
  const std::string coalition_file = file_of(scenario, "coalition");
  const std::string mandate_file = file_of(scenario, "mandate");
  const std::string catalogue_file = file_of(scenario, "catalogue");

  check_unique(theatre.countries, [](const auto& c) { return c.iso2; }, file_of(scenario, "theatre.countries"), "countries", sink);
  check_unique(scenario.catalogue.capabilities, [](const auto& c) { return c.code; }, catalogue_file, "capabilities", sink);
  check_unique(scenario.coalition.nations, [](const auto& n) { return n.iso2; }, coalition_file, "nations", sink);
  check_unique(scenario.coalition.pledges, [](const auto& p) { return p.id; }, coalition_file, "pledges", sink);
  check_unique(scenario.mandate.requirements, [](const auto& r) { return r.id; }, mandate_file, "requirements", sink);

  const auto hosts = std::count_if(theatre.countries.begin(), theatre.countries.end(),
                                   [](const model::Country& c) { return c.role == model::CountryRole::Host; });
  if (hosts != 1 && !theatre.countries.empty()) {
    sink.add(ErrorCode::Consistency, file_of(scenario, "theatre.countries") + " /countries",
             fmt::format("{} countries have role \"host\"; expected exactly one", hosts));
  }

  for (std::size_t i = 0; i < theatre.sites.size(); ++i) {
    const auto& site = theatre.sites[i];
    if (site.country.empty() || theatre.countries.empty()) continue;  // reported by the readers
    const model::Country* country = theatre.find_country(site.country);
    const std::string where = fmt::format("site \"{}\"", excerpt(site.id));
    if (country == nullptr) {
      sink.add(ErrorCode::Reference, where,
               fmt::format("country \"{}\" is not in the theatre's countries", excerpt(site.country)));
    } else if (!country->area.empty() && !country->area.contains(site.position) &&
               country->area.distance_to_boundary(site.position).value > COASTLINE_TOLERANCE_M) {
      const model::Country* actual = theatre.country_at(site.position);
      sink.add(ErrorCode::Consistency, where,
               fmt::format("position [{}, {}] lies {:.1f} km outside {} ({}); expected a position inside the stated country",
                           site.position.lon, site.position.lat, country->area.distance_to_boundary(site.position).km(),
                           country->name, actual ? "it falls in " + actual->name : "it falls in no listed country"));
    }
  }

  std::set<std::string> countries_seen;
  for (std::size_t i = 0; i < scenario.coalition.pledges.size(); ++i)
    check_pledge_references(scenario, scenario.coalition.pledges[i], fmt::format("{} /pledges/{}", coalition_file, i), sink);

  for (std::size_t i = 0; i < scenario.mandate.requirements.size(); ++i)
    check_requirement_references(scenario, scenario.mandate.requirements[i],
                                 fmt::format("{} /requirements/{}", mandate_file, i), sink);
}

}  // namespace guarantor::io::detail
