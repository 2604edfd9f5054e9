#include "guarantor/verify/judge.hpp"

#include <algorithm>
#include <array>
#include <limits>
#include <memory>
#include <optional>
#include <string_view>

#include <fmt/format.h>

#include "guarantor/geo/polygon.hpp"
#include "finding_reasons.hpp"

namespace guarantor::verify {
namespace {

// A test's outcome with its reason as a code and arguments (formatted in finding_text.cpp).
struct Judged {
  TestVerdict verdict = TestVerdict::Edge;
  ReasonCode code = ReasonCode::Text;
  std::array<double, 3> values{};
  std::shared_ptr<const std::string> text;
};

Judged test_window(const Incident& incident, const Provision& provision) {
  const UnixSeconds until = provision.until_s.value_or(std::numeric_limits<UnixSeconds>::max());
  // Unix seconds of any date the calendar library reads fit a double's 53 bits exactly.
  const std::array<double, 3> span{static_cast<double>(incident.first_s), static_cast<double>(incident.last_s), 0};
  if (incident.last_s < provision.from_s || incident.first_s >= until)
    return {TestVerdict::Out, ReasonCode::WindowOutside, span, nullptr};
  if (incident.first_s >= provision.from_s && incident.last_s < until)
    return {TestVerdict::In, ReasonCode::WindowInside, span, nullptr};
  return {TestVerdict::Edge, ReasonCode::WindowStraddles, span, nullptr};
}

// Distance from p to a polyline, metres.
double distance_to_line(geo::LonLat p, const std::vector<geo::LonLat>& line) {
  double best = std::numeric_limits<double>::max();
  for (std::size_t i = 0; i + 1 < line.size(); ++i)
    best = std::min(best, geo::distance_to_segment(p, line[i], line[i + 1]).value);
  return best;
}

// Is the incident within `distance_m` of the zone's line? Uses the incident's uncertainty.
Judged test_band(const Incident& incident, const Zone& zone, double distance_m, const ReferenceLines& lines,
                 const std::shared_ptr<const std::string>& line_missing) {
  double to_line = 0;
  if (!zone.line.empty()) {
    to_line = distance_to_line(incident.position, zone.line);
  } else if (zone.line_ref == "line_of_contact" && lines.occupied_area != nullptr) {
    to_line = lines.occupied_area->distance_to_boundary(incident.position).value;
  } else {
    return {TestVerdict::Edge, ReasonCode::Text, {}, line_missing};
  }
  const std::array<double, 3> values{to_line, incident.uncertainty_m, distance_m};
  if (to_line + incident.uncertainty_m <= distance_m) return {TestVerdict::In, ReasonCode::BandInside, values, nullptr};
  if (to_line - incident.uncertainty_m > distance_m) return {TestVerdict::Out, ReasonCode::BandOutside, values, nullptr};
  return {TestVerdict::Edge, ReasonCode::BandCannotTell, values, nullptr};
}

Judged test_area(const Incident& incident, const Zone& zone) {
  const bool inside = zone.area.contains(incident.position);
  const double to_edge = zone.area.distance_to_boundary(incident.position).value;
  if (to_edge <= incident.uncertainty_m)
    return {TestVerdict::Edge, ReasonCode::ZoneNearEdge, {to_edge, incident.uncertainty_m, 0}, nullptr};
  return inside ? Judged{TestVerdict::In, ReasonCode::ZoneInside, {}, nullptr}
                : Judged{TestVerdict::Out, ReasonCode::ZoneOutside, {}, nullptr};
}

// Where the incident happened, as the finding names it.
std::string country_label(const Incident& incident, const ReferenceLines& lines) {
  if (incident.country.empty()) return {};
  if (lines.occupied_area != nullptr && incident.area.empty() && lines.occupied_area->contains(incident.position))
    return incident.country + " (occupied area)";
  return incident.country;
}

// Text arguments that depend on the provision only, made once per provision.
struct ProvisionText {
  std::shared_ptr<const std::string> territories;   ///< "UA, RU": the provision's territory listed
  std::shared_ptr<const std::string> line_missing;  ///< why a band zone cannot be placed without its line
};

ProvisionText provision_text(const Provision& provision) {
  std::string listed;
  for (const auto& code : provision.territory) listed += (listed.empty() ? "" : ", ") + code;
  return {std::make_shared<const std::string>(std::move(listed)),
          std::make_shared<const std::string>(fmt::format(
              "line \"{}\" was not supplied (verify --line-of-contact); cannot place the incident", provision.zone.line_ref))};
}

std::optional<Judged> judge_territory(const Incident& incident, const Provision& provision, const ProvisionText& text) {
  if (provision.territory.empty()) return std::nullopt;
  if (incident.country.empty() && incident.country_checked) {
    // Looked up and in no outline: at sea (the Black Sea lies outside every land outline) or
    // beyond the theatre's outlines. Whether that is the provision's territory cannot be told, so
    // the finding is held at undetermined rather than let through to a violation; a provision
    // meant for the sea says so with its zone (the Black Sea truce), which is judged as usual.
    return Judged{TestVerdict::Edge, ReasonCode::TerritoryNoOutline, {}, text.territories};
  }
  if (incident.country.empty()) {
    // Without a theatre (verify --no-theatre, library use, replay of an old log) nothing names
    // the country: the test is listed as not made rather than guessed either way.
    return Judged{TestVerdict::NotChecked, ReasonCode::TerritoryUnknown, {}, text.territories};
  }
  // An incident located to areas of several countries ("RU+UA") is covered when every one of
  // them is, outside when none is; otherwise part of the area is and part is not, which the
  // location cannot tell apart.
  std::size_t countries = 0, covered = 0;
  for (std::size_t start = 0; start <= incident.country.size();) {
    const std::size_t end = std::min(incident.country.find('+', start), incident.country.size());
    const std::string_view code = std::string_view(incident.country).substr(start, end - start);
    ++countries;
    if (std::find(provision.territory.begin(), provision.territory.end(), code) != provision.territory.end()) ++covered;
    start = end + 1;
  }
  if (covered == countries) return Judged{TestVerdict::In, ReasonCode::TerritoryCovered, {}, text.territories};
  if (covered == 0) return Judged{TestVerdict::Out, ReasonCode::TerritoryOutside, {}, text.territories};
  return Judged{TestVerdict::Edge, ReasonCode::TerritoryPartly, {}, text.territories};
}

std::map<std::string, SideClaim> collect_claims(const Incident& incident, const std::vector<Report>& reports,
                                                const SourceRegistry& registry) {
  std::map<std::string, SideClaim> claims;
  for (std::size_t report_index : incident.reports) {
    const Report& report = reports[report_index];
    std::string side = report.claimant;
    if (side.empty() && !report.outlets.empty()) {
      const SourceEntry* entry = registry.find(report.outlets.front());
      if (entry != nullptr) side = entry->party;
    }
    SideClaim& claim = claims[side];
    ++claim.reports;
    ++claim.actors[report.claimed_actor];
  }
  return claims;
}

bool has_verdict(const std::vector<TestResult>& tests, TestVerdict verdict) {
  return std::any_of(tests.begin(), tests.end(), [&](const TestResult& t) { return t.verdict == verdict; });
}

}  // namespace

std::string_view to_string(Outcome outcome) {
  switch (outcome) {
    case Outcome::Violation: return "violation";
    case Outcome::NoViolation: return "no_violation";
    case Outcome::Undetermined: return "undetermined";
  }
  return "unknown";
}

namespace {
// Incidents outside the theatre are kept and counted but never judged.
bool concerns(const Provision& provision, const Incident& incident) {
  return !incident.out_of_theatre &&
         std::find(provision.categories.begin(), provision.categories.end(), incident.category) != provision.categories.end();
}
}  // namespace

std::size_t count_findings(const std::vector<Incident>& incidents, const Agreement& agreement, std::size_t first,
                           std::size_t last) {
  std::size_t count = 0;
  for (std::size_t index = first; index < last; ++index)
    for (const Provision& provision : agreement.provisions) count += concerns(provision, incidents[index]) ? 1 : 0;
  return count;
}

std::vector<Finding> judge_incidents(const std::vector<Incident>& incidents, const std::vector<Grade>& grades,
                                     const std::vector<Report>& reports, const Agreement& agreement,
                                     const SourceRegistry& registry, const ReferenceLines& lines,
                                     const JudgeParams& params) {
  return judge_incident_range(incidents, grades, reports, agreement, registry, lines, params, 0, incidents.size());
}

std::vector<Finding> judge_incident_range(const std::vector<Incident>& incidents, const std::vector<Grade>& grades,
                                          const std::vector<Report>& reports, const Agreement& agreement,
                                          const SourceRegistry& registry, const ReferenceLines& lines,
                                          const JudgeParams& params, std::size_t first, std::size_t last) {
  // Counted first: a million findings reallocated by doubling would briefly hold 1.5 times their
  // size.
  const std::size_t finding_count = count_findings(incidents, agreement, first, last);
  std::vector<ProvisionText> texts;
  texts.reserve(agreement.provisions.size());
  for (const Provision& provision : agreement.provisions) texts.push_back(provision_text(provision));
  std::vector<Finding> findings;
  findings.reserve(finding_count);
  for (std::size_t incident_index = first; incident_index < last; ++incident_index) {
    const Incident& incident = incidents[incident_index];
    // Grade, claims and the area's name depend on the incident only: made once, on its first
    // provision, and shared by its findings.
    std::shared_ptr<const Grade> grade;
    std::shared_ptr<const std::map<std::string, SideClaim>> claims;
    std::shared_ptr<const std::string> area;
    for (std::size_t provision_index = 0; provision_index < agreement.provisions.size(); ++provision_index) {
      const Provision& provision = agreement.provisions[provision_index];
      const ProvisionText& text = texts[provision_index];
      if (!concerns(provision, incident)) continue;
      Finding finding;
      finding.provision_id = provision.id;
      finding.incident_id = incident.id;
      finding.incident = incident_index;
      finding.country = country_label(incident, lines);
      if (!grade) grade = std::make_shared<const Grade>(grades[incident_index]);
      finding.grade = grade;
      if (!claims)
        claims = std::make_shared<const std::map<std::string, SideClaim>>(collect_claims(incident, reports, registry));
      finding.claims = claims;
      // At most five tests (window, target, weapon, zone, territory), gathered here and copied
      // into a vector of exactly their number.
      std::array<TestResult, 5> made;
      std::size_t made_count = 0;
      const auto record = [&](TestKind kind, Judged judged) {
        TestResult& test = made.at(made_count++);
        test.test = kind;
        test.verdict = judged.verdict;
        test.code = judged.code;
        test.values = judged.values;
        test.text = std::move(judged.text);
      };
      const auto fixed = [](TestVerdict verdict, ReasonCode code, double value = 0) {
        return Judged{verdict, code, {value, 0, 0}, nullptr};
      };
      record(TestKind::Window, test_window(incident, provision));

      if (!provision.target_kinds.empty()) {
        const auto covered = [&](TargetKind kind) {
          return std::find(provision.target_kinds.begin(), provision.target_kinds.end(), kind) != provision.target_kinds.end();
        };
        const auto kind = static_cast<double>(incident.target_kind);
        if (incident.target_kind == TargetKind::Unknown) record(TestKind::Target, fixed(TestVerdict::Edge, ReasonCode::TargetUnknown));
        else if (incident.target_contested) record(TestKind::Target, fixed(TestVerdict::Edge, ReasonCode::TargetContested, kind));
        else if (covered(incident.target_kind)) record(TestKind::Target, fixed(TestVerdict::In, ReasonCode::TargetCovered, kind));
        else record(TestKind::Target, fixed(TestVerdict::Out, ReasonCode::TargetNotCovered, kind));
      }

      double band_m = provision.zone.distance_m;
      if (!provision.weapon_bands.empty()) {
        const auto band = std::find_if(provision.weapon_bands.begin(), provision.weapon_bands.end(),
                                       [&](const WeaponBand& b) { return b.weapon == incident.weapon_class; });
        const auto weapon = static_cast<double>(incident.weapon_class);
        if (incident.weapon_class == WeaponClass::Unknown) {
          record(TestKind::Weapon, fixed(TestVerdict::Edge, ReasonCode::WeaponUnknown));
          band_m = 0;
        } else if (band == provision.weapon_bands.end()) {
          record(TestKind::Weapon, fixed(TestVerdict::Out, ReasonCode::WeaponNoBand, weapon));
          band_m = 0;
        } else {
          band_m = band->distance_m;
          record(TestKind::Weapon, {TestVerdict::In, ReasonCode::WeaponBand, {weapon, band_m, 0}, nullptr});
        }
      }
      std::optional<Judged> zone;
      if (provision.zone.kind == Zone::Kind::Area) zone = test_area(incident, provision.zone);
      else if (provision.zone.kind == Zone::Kind::Band && band_m > 0)
        zone = test_band(incident, provision.zone, band_m, lines, text.line_missing);
      if (zone) {
        // A zone test that cannot tell for an incident located only to an admin area says so.
        const bool coarse = !incident.area.empty() && zone->verdict == TestVerdict::Edge;
        if (coarse && !area) area = std::make_shared<const std::string>(incident.area);
        if (coarse && zone->code == ReasonCode::Text) {
          // The line's sentence is text already: the prefix is written into it (a rare case, a
          // band zone whose line was not supplied judged for an area-located incident).
          zone->text = std::make_shared<const std::string>(
              detail::coarse_location_reason(incident.area, incident.uncertainty_m, zone->text ? *zone->text : ""));
        }
        record(TestKind::Zone, *zone);
        if (coarse && made[made_count - 1].code != ReasonCode::Text) {
          made[made_count - 1].coarse = true;
          made[made_count - 1].text = area;
          made[made_count - 1].values[1] = incident.uncertainty_m;
        }
      }
      if (auto territory = judge_territory(incident, provision, text)) record(TestKind::Territory, std::move(*territory));
      finding.tests.assign(std::make_move_iterator(made.begin()), std::make_move_iterator(made.begin() + static_cast<std::ptrdiff_t>(made_count)));

      if (has_verdict(finding.tests, TestVerdict::Out)) {
        finding.outcome = Outcome::NoViolation;
      } else if (has_verdict(finding.tests, TestVerdict::Edge)) {
        finding.outcome = Outcome::Undetermined;
      } else if (grade->credibility > params.max_credibility_for_violation) {
        finding.outcome = Outcome::Undetermined;
        finding.grade_short_of = params.max_credibility_for_violation;
      } else {
        finding.outcome = Outcome::Violation;
      }
      findings.push_back(std::move(finding));
    }
  }
  return findings;
}

}  // namespace guarantor::verify
