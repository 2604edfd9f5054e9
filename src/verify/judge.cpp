#include "guarantor/verify/judge.hpp"

#include <algorithm>
#include <limits>
#include <optional>

#include <fmt/format.h>

#include "guarantor/core/date.hpp"
#include "guarantor/geo/polygon.hpp"
#include "finding_reasons.hpp"

namespace guarantor::verify {
namespace {

// Three-valued test result: inside, outside, or too close to the edge to tell.
enum class Test { In, Out, Edge };

Test test_window(const Incident& incident, const Provision& provision, std::string& reason) {
  const UnixSeconds until = provision.until_s.value_or(std::numeric_limits<UnixSeconds>::max());
  if (incident.last_s < provision.from_s || incident.first_s >= until) {
    reason = fmt::format("{} .. {} is outside the window", format_datetime(incident.first_s), format_datetime(incident.last_s));
    return Test::Out;
  }
  if (incident.first_s >= provision.from_s && incident.last_s < until) {
    reason = fmt::format("{} .. {} is inside the window", format_datetime(incident.first_s), format_datetime(incident.last_s));
    return Test::In;
  }
  reason = fmt::format("the reported time {} .. {} straddles the window's edge", format_datetime(incident.first_s),
                       format_datetime(incident.last_s));
  return Test::Edge;
}

std::string_view test_name(Test test) {
  switch (test) {
    case Test::In: return "in";
    case Test::Out: return "out";
    case Test::Edge: return "edge";
  }
  return "edge";
}

// Distance from p to a polyline, metres.
double distance_to_line(geo::LonLat p, const std::vector<geo::LonLat>& line) {
  double best = std::numeric_limits<double>::max();
  for (std::size_t i = 0; i + 1 < line.size(); ++i)
    best = std::min(best, geo::distance_to_segment(p, line[i], line[i + 1]).value);
  return best;
}

// Is the incident within `distance_m` of the zone's line? Uses the incident's uncertainty.
Test test_band(const Incident& incident, const Zone& zone, double distance_m, const ReferenceLines& lines,
               std::string& reason) {
  double to_line = 0;
  if (!zone.line.empty()) {
    to_line = distance_to_line(incident.position, zone.line);
  } else if (zone.line_ref == "line_of_contact" && lines.occupied_area != nullptr) {
    to_line = lines.occupied_area->distance_to_boundary(incident.position).value;
  } else {
    reason = fmt::format("line \"{}\" was not supplied (verify --line-of-contact); cannot place the incident", zone.line_ref);
    return Test::Edge;
  }
  if (to_line + incident.uncertainty_m <= distance_m) {
    reason = fmt::format("{:.1f} km from the line, inside the {:.0f} km band", to_line / 1000, distance_m / 1000);
    return Test::In;
  }
  if (to_line - incident.uncertainty_m > distance_m) {
    reason = fmt::format("{:.1f} km from the line, outside the {:.0f} km band", to_line / 1000, distance_m / 1000);
    return Test::Out;
  }
  reason = fmt::format("{:.1f} km (+/- {:.1f} km) from the line: cannot tell whether inside the {:.0f} km band",
                       to_line / 1000, incident.uncertainty_m / 1000, distance_m / 1000);
  return Test::Edge;
}

Test test_area(const Incident& incident, const Zone& zone, std::string& reason) {
  const bool inside = zone.area.contains(incident.position);
  const double to_edge = zone.area.distance_to_boundary(incident.position).value;
  if (to_edge <= incident.uncertainty_m) {
    reason = fmt::format("{:.1f} km from the zone's edge with {:.1f} km uncertainty", to_edge / 1000,
                         incident.uncertainty_m / 1000);
    return Test::Edge;
  }
  reason = inside ? "inside the zone" : "outside the zone";
  return inside ? Test::In : Test::Out;
}

// A zone test that cannot tell for an incident located only to an admin area says so plainly.
std::string coarse_location_reason(const Incident& incident, Test test, const std::string& reason) {
  if (incident.area.empty() || test != Test::Edge) return reason;
  return fmt::format("location too coarse to judge: located only to area {} (+/- {:.0f} km); {}", incident.area,
                     incident.uncertainty_m / 1000, reason);
}

// Where the incident happened, as the finding names it.
std::string country_label(const Incident& incident, const ReferenceLines& lines) {
  if (incident.country.empty()) return {};
  if (lines.occupied_area != nullptr && incident.area.empty() && lines.occupied_area->contains(incident.position))
    return incident.country + " (occupied area)";
  return incident.country;
}

template <typename Record>
void judge_territory(const Incident& incident, const Provision& provision, const std::string& country, Record& record) {
  if (provision.territory.empty()) return;
  std::string listed;
  for (const auto& code : provision.territory) listed += (listed.empty() ? "" : ", ") + code;
  if (incident.country.empty()) {
    // Without a theatre (library use, replay of an old log) nothing names the country: the test
    // is listed as not made rather than guessed either way.
    record("territory", std::nullopt, fmt::format("country not known (no theatre given); the provision covers {}", listed));
  } else if (std::find(provision.territory.begin(), provision.territory.end(), incident.country) !=
             provision.territory.end()) {
    record("territory", Test::In, fmt::format("in {}, covered ({})", country, listed));
  } else {
    record("territory", Test::Out, fmt::format("in {}, outside the provision's territory ({})", country, listed));
  }
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

bool has_verdict(const std::vector<TestResult>& tests, std::string_view verdict) {
  return std::any_of(tests.begin(), tests.end(), [&](const TestResult& t) { return t.verdict == verdict; });
}

}  // namespace

void detail::for_each_reason(const Finding& finding, const std::function<void(const std::string&)>& visit) {
  // Decisive reasons first, so the first reason on the page says why the outcome is what it is.
  const auto& tests = finding.tests;
  const std::string_view decisive = has_verdict(tests, "out") ? "out" : has_verdict(tests, "edge") ? "edge" : "in";
  if (!finding.grade_reason.empty()) visit(finding.grade_reason);
  for (const TestResult& t : tests)
    if (t.verdict == decisive && !t.reason.empty()) visit(t.reason);
  for (const TestResult& t : tests)
    if (t.verdict != decisive && !t.reason.empty()) visit(t.reason);
}

std::vector<std::string> Finding::reasons() const {
  std::vector<std::string> out;
  out.reserve(tests.size() + 1);
  detail::for_each_reason(*this, [&](const std::string& reason) { out.push_back(reason); });
  return out;
}

const Grade& Finding::grade_or_default() const {
  static const Grade NO_GRADE;
  return grade ? *grade : NO_GRADE;
}

const std::map<std::string, SideClaim>& Finding::claims_or_empty() const {
  static const std::map<std::string, SideClaim> NO_CLAIMS;
  return claims ? *claims : NO_CLAIMS;
}

std::string_view to_string(Outcome outcome) {
  switch (outcome) {
    case Outcome::Violation: return "violation";
    case Outcome::NoViolation: return "no_violation";
    case Outcome::Undetermined: return "undetermined";
  }
  return "unknown";
}

std::vector<Finding> judge_incidents(const std::vector<Incident>& incidents, const std::vector<Grade>& grades,
                                     const std::vector<Report>& reports, const Agreement& agreement,
                                     const SourceRegistry& registry, const ReferenceLines& lines,
                                     const JudgeParams& params) {
  // Counted first: a million findings reallocated by doubling would briefly hold 1.5 times their
  // size.
  // Incidents outside the theatre are kept and counted but never judged.
  const auto concerns = [](const Provision& provision, const Incident& incident) {
    return !incident.out_of_theatre && std::find(provision.categories.begin(), provision.categories.end(), incident.category) !=
           provision.categories.end();
  };
  std::size_t finding_count = 0;
  for (const Incident& incident : incidents)
    for (const Provision& provision : agreement.provisions) finding_count += concerns(provision, incident) ? 1 : 0;
  std::vector<Finding> findings;
  findings.reserve(finding_count);
  for (std::size_t incident_index = 0; incident_index < incidents.size(); ++incident_index) {
    const Incident& incident = incidents[incident_index];
    // Grade and claims depend on the incident only: made once, on its first provision, and
    // shared by its findings.
    std::shared_ptr<const Grade> grade;
    std::shared_ptr<const std::map<std::string, SideClaim>> claims;
    for (const Provision& provision : agreement.provisions) {
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
      // Each test's verdict is computed before its reason is read: the reason is filled by the
      // test itself, so it must never be copied ahead of the call.
      const auto record = [&](std::string_view name, std::optional<Test> test, std::string reason) {
        finding.tests.push_back({name, test ? test_name(*test) : "not_checked", std::move(reason)});
      };
      constexpr std::size_t MOST_TESTS = 5;  // window, target, weapon, zone, territory
      finding.tests.reserve(MOST_TESTS);
      std::string reason;
      const Test window = test_window(incident, provision, reason);
      record("window", window, reason);

      if (!provision.target_kinds.empty()) {
        const auto covered = [&](TargetKind kind) {
          return std::find(provision.target_kinds.begin(), provision.target_kinds.end(), kind) != provision.target_kinds.end();
        };
        if (incident.target_kind == TargetKind::Unknown) record("target", Test::Edge, "the reports do not say what was hit");
        else if (incident.target_contested) record("target", Test::Edge, fmt::format("the reports disagree on the target (most say {})", to_string(incident.target_kind)));
        else if (covered(incident.target_kind)) record("target", Test::In, fmt::format("target {} is covered", to_string(incident.target_kind)));
        else record("target", Test::Out, fmt::format("target {} is not covered", to_string(incident.target_kind)));
      }

      double band_m = provision.zone.distance_m;
      if (!provision.weapon_bands.empty()) {
        const auto band = std::find_if(provision.weapon_bands.begin(), provision.weapon_bands.end(),
                                       [&](const WeaponBand& b) { return b.weapon == incident.weapon_class; });
        if (incident.weapon_class == WeaponClass::Unknown) {
          record("weapon", Test::Edge, "the reports do not name the weapon");
          band_m = 0;
        } else if (band == provision.weapon_bands.end()) {
          record("weapon", Test::Out, fmt::format("weapon {} has no pull-back band", to_string(incident.weapon_class)));
          band_m = 0;
        } else {
          band_m = band->distance_m;
          record("weapon", Test::In, fmt::format("weapon {} must be {:.0f} km back", to_string(incident.weapon_class), band_m / 1000));
        }
      }
      reason.clear();
      if (provision.zone.kind == Zone::Kind::Area) {
        const Test zone = test_area(incident, provision.zone, reason);
        record("zone", zone, coarse_location_reason(incident, zone, reason));
      } else if (provision.zone.kind == Zone::Kind::Band && band_m > 0) {
        const Test zone = test_band(incident, provision.zone, band_m, lines, reason);
        record("zone", zone, coarse_location_reason(incident, zone, reason));
      }
      judge_territory(incident, provision, finding.country, record);

      const bool any_out = has_verdict(finding.tests, "out");
      const bool any_edge = has_verdict(finding.tests, "edge");
      if (any_out) {
        finding.outcome = Outcome::NoViolation;
      } else if (any_edge) {
        finding.outcome = Outcome::Undetermined;
      } else if (grade->credibility > params.max_credibility_for_violation) {
        finding.outcome = Outcome::Undetermined;
        finding.grade_reason = fmt::format("matches the provision but grade {} is weaker than credibility {} ({})",
                                           grade->code(), params.max_credibility_for_violation, grade->rationale);
      } else {
        finding.outcome = Outcome::Violation;
      }
      findings.push_back(std::move(finding));
    }
  }
  return findings;
}

}  // namespace guarantor::verify
