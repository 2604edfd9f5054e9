// Reports located only to a region get findings (admin areas), and every incident is placed in a
// country and checked against the theatre.
#include <gtest/gtest.h>

#include <algorithm>
#include <filesystem>
#include <sstream>
#include <stdexcept>

#include "guarantor/core/date.hpp"
#include "guarantor/geo/geodesic.hpp"
#include "guarantor/io/scenario_loader.hpp"
#include "guarantor/verify/adapters.hpp"
#include "guarantor/verify/admin_areas.hpp"
#include "guarantor/verify/pipeline.hpp"
#include "guarantor/verify/theatre_scope.hpp"
#include "verify_test_data.hpp"

namespace guarantor::verify {
namespace {

// The default theatre, loaded once: oblast polygons and country outlines.
const model::Scenario& scenario() {
  static const model::Scenario loaded =
      io::load_scenario(DATA / "default" / "scenario.json", io::LoadOptions{GUARANTOR_TEST_ASSET_DIR});
  return loaded;
}

const AdminAreas& areas() {
  static const AdminAreas built = load_admin_areas(scenario().theatre.regions, DATA / "verify" / "admin_areas.json");
  return built;
}

const TheatreScope& scope() {
  static const TheatreScope built = load_theatre_scope(scenario().theatre.countries, DATA / "verify" / "theatre_scope.json");
  return built;
}

model::PopulatedPlace place(std::int64_t id, std::string name, std::vector<std::string> alternates, double lon, double lat,
                            std::string country, std::int64_t population) {
  model::PopulatedPlace p;
  p.geonameid = id;
  p.name = p.ascii_name = std::move(name);
  p.alternate_names = std::move(alternates);
  p.position = {lon, lat};
  p.country = std::move(country);
  p.population = population;
  return p;
}

Gazetteer gazetteer() {
  return Gazetteer({place(706483, "Kharkiv", {"Харків", "Харьков"}, 36.25272, 49.98081, "UA", 1430885),
                    place(707292, "Izyum", {"Ізюм", "Изюм", "Izium"}, 37.26556, 49.20785, "UA", 47000),
                    place(526558, "Millerovo", {"Міллерове", "Миллерово"}, 40.39673, 48.92265, "RU", 38527),
                    // GeoNames has a namesake in Luhansk oblast (geonameid 707002).
                    place(707002, "Millerovo", {"Міллерове"}, 39.16537, 48.16829, "UA", 3116),
                    place(1488754, "Tyumen", {"Тюмень"}, 65.5272, 57.1522, "RU", 600000)});
}

// A report of one Reuters dispatch (a registered wire) on a day.
Report wire_report(std::string id, EventCategory category, TargetKind target, int year, int month, int day) {
  Report report;
  report.id = std::move(id);
  report.format = "guarantor_csv";
  report.outlets = {"Reuters"};
  report.category = category;
  report.target_kind = target;
  report.time_s = days_from_civil(year, month, day) * SECONDS_PER_DAY;
  return report;
}

// The test of one kind in a finding, or nullptr.
const TestResult* test_of(const Finding& finding, TestKind kind) {
  for (const TestResult& test : finding.tests)
    if (test.test == kind) return &test;
  return nullptr;
}

TEST(AdminAreas, OblastNamesInUkrainianRussianAndLatin) {
  for (const char* name : {"Kharkiv Oblast", "Kharkivska oblast", "Харківська область", "Харьковская обл.",
                           "Kharkov region", "Харківщина", "Харьковщина"}) {
    const auto found = areas().find(name, false, nullptr);
    ASSERT_TRUE(found) << name;
    EXPECT_EQ(found->code, "UA-63") << name;
  }
  EXPECT_FALSE(areas().find("Kharkiv", false, nullptr)) << "a bare city name in a place column is the city";
  EXPECT_EQ(areas().find("Kharkiv", true, nullptr)->code, "UA-63") << "in an admin1 column it is the oblast";
  EXPECT_EQ(areas().find("Одеська область", false, nullptr)->code, "UA-51");
  EXPECT_EQ(areas().find("Запорожская область", false, nullptr)->code, "UA-23");
  EXPECT_EQ(areas().find("south", false, nullptr)->code, "UA-south");
  EXPECT_EQ(areas().find("по всій Україні", false, nullptr)->code, "UA");
  const auto whole = areas().find("Ukraine", false, nullptr);
  EXPECT_GT(whole->radius_m, areas().find("Kharkiv Oblast", false, nullptr)->radius_m);
}

TEST(AdminAreas, RaionsAreLocatedByTheirCentre) {
  const Gazetteer places = gazetteer();
  for (const char* name : {"Izium raion", "Ізюмський район", "Изюмский район"}) {
    const auto raion = areas().find(name, false, &places);
    ASSERT_TRUE(raion) << name;
    EXPECT_EQ(raion->code, "UA-63:raion:" + fold_place_name("Izyum")) << name;
    EXPECT_NEAR(raion->position.lon, 37.26556, 1e-6);
  }
}

TEST(AdminAreas, RegionOnlyReportsReachFindings) {
  // A strike on a substation located only to "Kharkiv oblast", and a ground clash located only to
  // Donetsk oblast, during the moratorium and the (illustrative) full ceasefire.
  Report energy = wire_report("g:1", EventCategory::Strike, TargetKind::PowerGenerationTransmission, 2025, 3, 20);
  energy.admin1 = "Kharkiv Oblast";
  Report clash = energy;
  clash.id = "g:2";
  clash.category = EventCategory::GroundClash;
  clash.target_kind = TargetKind::Unknown;
  clash.time_s = days_from_civil(2026, 2, 1) * SECONDS_PER_DAY;
  clash.admin1 = "";
  clash.place_name = "Донецька область";
  std::vector<Report> reports{energy, clash};
  const Gazetteer places = gazetteer();
  locate_reports(reports, Locator{&places, &areas(), &scope()}, GazetteerParams{});
  for (const auto& r : reports) {
    EXPECT_EQ(r.precision, GeoPrecision::Area) << r.id << ": " << r.geocode_note;
    EXPECT_EQ(r.country, "UA");
    EXPECT_GT(r.location_uncertainty_m, 50000);
  }
  const SourceRegistry sources({{"Reuters", "reuters", "", 'B', "wire", {}}});
  const auto& occupied = scenario().theatre.occupied_area()->area;
  const VerifyResult result = verify_reports(reports, {}, load_agreement(DATA / "agreements" / "default_agreement.json"),
                                             sources, nullptr, &occupied, VerifyParams{}, nullptr);
  const auto finding = [&](const std::string& provision, const std::string& report_id) -> const Finding* {
    for (const auto& f : result.findings) {
      const auto& incident = result.clusters.incidents[f.incident];
      if (f.provision_id == provision && result.reports[incident.reports[0]].id == report_id) return &f;
    }
    return nullptr;
  };
  const Finding* moratorium = finding("energy_moratorium_2025", "g:1");
  ASSERT_NE(moratorium, nullptr) << "an area-located strike is judged against a provision that applies everywhere";
  EXPECT_EQ(moratorium->outcome, Outcome::Violation);
  EXPECT_EQ(moratorium->country, "UA");
  const Finding* buffer = finding("full_ceasefire_buffer_zone", "g:2");
  ASSERT_NE(buffer, nullptr);
  EXPECT_EQ(buffer->outcome, Outcome::Undetermined);
  EXPECT_NE(buffer->reasons().front().find("location too coarse to judge"), std::string::npos)
      << buffer->reasons().front();
}

TEST(AdminAreas, CrimeaInEveryFormIsTheWholePeninsula) {
  for (const char* name :
       {"Crimea", "Krym", "Крим", "Крым", "Криму", "Крыму", "Крыма", "Кримом", "Автономна Республіка Крим"}) {
    const auto found = areas().find(name, false, nullptr);
    ASSERT_TRUE(found) << name;
    EXPECT_EQ(found->code, "UA-43") << name;
    EXPECT_EQ(found->country, "UA") << name;
    EXPECT_NE(found->name.find("Sevastopol"), std::string::npos) << found->name;
  }
  // GeoNames has a village Krym in Rostov oblast (Russia): a report naming "Krym" means the
  // peninsula, not the village.
  const Gazetteer places({place(542463, "Krym", {"Крым"}, 39.1116, 47.2636, "RU", 3500)});
  Report crimea = wire_report("g:k", EventCategory::Strike, TargetKind::OilGasPipelineStorage, 2025, 3, 20);
  crimea.place_name = "Krym";
  Report named = crimea;
  named.id = "g:c";
  named.place_name = "Crimea";
  std::vector<Report> reports{crimea, named};
  locate_reports(reports, Locator{&places, &areas(), &scope()}, GazetteerParams{});
  for (const Report& r : reports) {
    EXPECT_EQ(r.precision, GeoPrecision::Area) << r.id << ": " << r.geocode_note;
    EXPECT_EQ(r.area, "UA-43") << r.id << ": " << r.geocode_note;
    EXPECT_EQ(r.country, "UA") << r.id;
    EXPECT_FALSE(r.out_of_theatre) << r.id;
  }
}

TEST(AdminAreas, RussianAndBelarusianRegionsInTheirGrammaticalCases) {
  const std::vector<std::pair<const char*, const char*>> named{
      {"Belgorod oblast", "RU-BEL"},       {"Белгородская область", "RU-BEL"}, {"Белгородской области", "RU-BEL"},
      {"Бєлгородській області", "RU-BEL"}, {"Бєлгородська обл.", "RU-BEL"},    {"Belgorod region", "RU-BEL"},
      {"Курской области", "RU-KRS"},       {"Kursk Oblast", "RU-KRS"},         {"Брянщина", "RU-BRY"},
      {"Ростовской области", "RU-ROS"},    {"Воронезькій області", "RU-VOR"},  {"Краснодарский край", "RU-KDA"},
      {"Краснодарском крае", "RU-KDA"},    {"Moscow region", "RU-MOS"},        {"Подмосковье", "RU-MOS"},
      {"Гомельская вобласць", "BY-HO"},    {"Gomel region", "BY-HO"},          {"Брестской области", "BY-BR"}};
  for (const auto& [name, code] : named) {
    const auto found = areas().find(name, false, nullptr);
    ASSERT_TRUE(found) << name;
    EXPECT_EQ(found->code, code) << name;
    EXPECT_EQ(found->country, std::string(code).substr(0, 2)) << name;
    EXPECT_GT(found->radius_m, 100'000) << name << ": a region, not a town";
  }
  // Belgorod city lies inside the circle that stands for its oblast.
  const auto belgorod = areas().find("Belgorod", true, nullptr);
  ASSERT_TRUE(belgorod);
  EXPECT_LT(geo::haversine_distance(belgorod->position, {36.58015, 50.61074}).value, belgorod->radius_m);
  EXPECT_FALSE(areas().find("Belgorod", false, nullptr)) << "a bare city name in a place column is the city";
}

TEST(AdminAreas, AListOfRegionsIsOneAreaAndAcrossCountriesSaysSo) {
  const auto across = areas().find("Kharkiv, Sumy and Belgorod regions", false, nullptr);
  ASSERT_TRUE(across);
  EXPECT_EQ(across->code, "UA-63+UA-59+RU-BEL");
  EXPECT_EQ(across->country, "RU+UA");
  for (const char* member : {"Kharkiv Oblast", "Sumy Oblast", "Belgorod Oblast"}) {
    const auto area = areas().find(member, false, nullptr);
    ASSERT_TRUE(area) << member;
    EXPECT_LE(geo::haversine_distance(across->position, area->position).value + area->radius_m, across->radius_m + 1)
        << member << " lies inside the list's area";
  }
  const auto russian = areas().find("Бєлгородська та Курська області", false, nullptr);
  ASSERT_TRUE(russian);
  EXPECT_EQ(russian->code, "RU-BEL+RU-KRS");
  EXPECT_EQ(russian->country, "RU");
  EXPECT_EQ(areas().find("Kharkiv; Sumy", true, nullptr)->code, "UA-63+UA-59") << "an admin1 field needs no designator";
  EXPECT_FALSE(areas().find("Kharkiv and Sumy", false, nullptr)) << "two city names in a place column are no area";
  const auto donbas = areas().find("Donbass", false, nullptr);  // UCDP's where_coordinates for the two oblasts
  ASSERT_TRUE(donbas);
  EXPECT_EQ(donbas->code, "UA-donbas");
  const auto with_preposition = areas().find("на Донбасі", false, nullptr);
  ASSERT_TRUE(with_preposition) << "the leading preposition is dropped before the name is looked up";
  EXPECT_EQ(with_preposition->code, "UA-donbas");
  EXPECT_FALSE(areas().find("Kharkiv and Atlantis regions", false, nullptr)) << "every item must be an area";
}

TEST(AdminAreas, AnAreaAcrossCountriesIsPartlyInAOneCountryTerritory) {
  Report strike = wire_report("g:x", EventCategory::Strike, TargetKind::PowerGenerationTransmission, 2025, 3, 20);
  strike.admin1 = "Kharkiv Oblast; Belgorod Oblast";
  std::vector<Report> reports{strike};
  locate_reports(reports, Locator{nullptr, &areas(), &scope()}, GazetteerParams{});
  ASSERT_EQ(reports[0].precision, GeoPrecision::Area) << reports[0].geocode_note;
  EXPECT_EQ(reports[0].country, "RU+UA");
  EXPECT_FALSE(reports[0].out_of_theatre) << reports[0].geocode_note;
  const SourceRegistry sources({{"Reuters", "reuters", "", 'B', "wire", {}}});
  Agreement agreement = load_agreement(DATA / "agreements" / "default_agreement.json");
  const auto moratorium = [&](const Agreement& judged_by) {
    const VerifyResult result =
        verify_reports(reports, {}, judged_by, sources, nullptr, nullptr, VerifyParams{}, nullptr);
    const auto it = std::find_if(result.findings.begin(), result.findings.end(),
                                 [](const Finding& f) { return f.provision_id == "energy_moratorium_2025"; });
    if (it == result.findings.end()) throw std::runtime_error("no moratorium finding");
    return *it;
  };
  const Finding both = moratorium(agreement);
  EXPECT_EQ(both.country, "RU+UA");
  EXPECT_EQ(both.outcome, Outcome::Violation) << "the moratorium covers UA and RU: the whole area is covered";
  for (Provision& provision : agreement.provisions) provision.territory = {"UA"};
  const Finding partly = moratorium(agreement);
  EXPECT_EQ(partly.outcome, Outcome::Undetermined);
  const TestResult* territory = test_of(partly, TestKind::Territory);
  ASSERT_NE(territory, nullptr);
  EXPECT_EQ(territory->verdict, TestVerdict::Edge);
  EXPECT_EQ(partly.reason(*territory),
            "located to an area spanning RU+UA: only part of it lies in the provision's territory (UA)");
}

TEST(AdminAreas, AnAcledRowWithOnlyAdmin1IsAnAreaLocation) {
  std::istringstream csv(
      "event_id_cnty,event_date,event_type,sub_event_type,actor1,admin1,location,latitude,longitude,geo_precision,"
      "source,notes,fatalities\n"
      "RUS1,2025-03-20,Explosions/Remote violence,Air/drone strike,Military Forces of Ukraine,Belgorod,,,,3,"
      "Reuters,Drone strike on a substation,0\n"
      "RUS2,2025-03-20,Explosions/Remote violence,Air/drone strike,Military Forces of Ukraine,,,,,3,Reuters,x,0\n");
  const AdapterResult read = read_acled_csv(csv, "admin1_only.csv");
  ASSERT_EQ(read.reports.size(), 1u);
  ASSERT_EQ(read.rejected.size(), 1u);
  EXPECT_EQ(read.rejected[0].where, "admin1_only.csv:3");
  EXPECT_NE(read.rejected[0].reason.find("expected coordinates or a place"), std::string::npos)
      << read.rejected[0].reason;
  std::istringstream own(
      "id,date,outlet,category,target_kind,place,admin1,lon,lat\n"
      "r1,2025-03-20,Reuters,strike,power_generation_transmission,,Бєлгородська область,,\n"
      "r2,2025-03-20,Reuters,strike,power_generation_transmission,,,,\n");
  const AdapterResult own_read = read_guarantor_csv(own, "own.csv");
  ASSERT_EQ(own_read.reports.size(), 1u);
  ASSERT_EQ(own_read.rejected.size(), 1u);
  EXPECT_EQ(own_read.rejected[0].where, "own.csv:3");
  std::vector<Report> reports = read.reports;
  reports.push_back(own_read.reports[0]);
  locate_reports(reports, Locator{nullptr, &areas(), &scope()}, GazetteerParams{});
  for (const Report& r : reports) {
    EXPECT_EQ(r.precision, GeoPrecision::Area) << r.id << ": " << r.geocode_note;
    EXPECT_EQ(r.area, "RU-BEL") << r.id;
    EXPECT_EQ(r.country, "RU") << r.id;
  }
}

TEST(Theatre, CountriesAndTheTheatreBound) {
  EXPECT_EQ(scope().country_at({36.25, 49.98}), "UA");
  EXPECT_EQ(scope().country_at({34.10, 44.95}), "UA") << "Simferopol: de jure Ukraine";
  EXPECT_EQ(scope().country_at({40.39, 48.92}), "RU") << "Millerovo";
  EXPECT_EQ(scope().country_at({27.56, 53.90}), "BY") << "Minsk";
  EXPECT_EQ(scope().outside_reason("RU", {40.39, 48.92}), "");
  EXPECT_NE(scope().outside_reason("RU", {65.53, 57.15}), "") << "Tyumen";
  EXPECT_NE(scope().outside_reason("RU", {142.73, 46.96}), "") << "Yuzhno-Sakhalinsk";
  EXPECT_NE(scope().outside_reason("PL", {21.0, 52.2}), "") << "Warsaw";
}

TEST(Theatre, RussianTownsArePlacedInRussiaAndFarOnesAreNotJudged) {
  Report millerovo = wire_report("g:m", EventCategory::Strike, TargetKind::OilGasPipelineStorage, 2025, 3, 20);
  millerovo.place_name = "Миллерово";
  Report namesake = millerovo;  // the report itself says Luhansk oblast: the namesake there
  namesake.id = "g:n";
  namesake.admin1 = "Luhansk Oblast";
  Report tyumen = millerovo;
  tyumen.id = "g:t";
  tyumen.place_name = "Tyumen";
  std::vector<Report> reports{millerovo, tyumen, namesake};
  const Gazetteer places = gazetteer();
  locate_reports(reports, Locator{&places, &areas(), &scope()}, GazetteerParams{});
  EXPECT_EQ(reports[0].country, "RU");
  EXPECT_NEAR(reports[0].position->lon, 40.39673, 1e-6);
  EXPECT_FALSE(reports[0].out_of_theatre);
  EXPECT_TRUE(reports[1].out_of_theatre) << reports[1].geocode_note;
  EXPECT_EQ(reports[2].country, "UA") << reports[2].geocode_note;
  EXPECT_NEAR(reports[2].position->lon, 39.16537, 1e-6);
  const SourceRegistry sources({{"Reuters", "reuters", "", 'B', "wire", {}}});
  const VerifyResult result = verify_reports({reports[0], reports[1]}, {},
                                             load_agreement(DATA / "agreements" / "default_agreement.json"), sources,
                                             nullptr, nullptr, VerifyParams{}, nullptr);
  ASSERT_EQ(result.clusters.incidents.size(), 2u);
  for (const auto& f : result.findings) {
    EXPECT_EQ(result.reports[result.clusters.incidents[f.incident].reports[0]].id, "g:m") << "Tyumen is not judged";
    EXPECT_EQ(f.country, "RU");
  }
  EXPECT_EQ(result.counts()["out_of_theatre"].get<std::size_t>(), 1u);
}

TEST(Theatre, AtSeaTheTruceIsJudgedAndATerritoryIsNotPassedAsKnown) {
  // A naval attack in the open Black Sea between Odesa and Crimea, in no country's land outline,
  // while the Black Sea truce (a zone, no territory) and the full ceasefire (territory UA, RU)
  // are both in force.
  Report attack = wire_report("g:sea", EventCategory::NavalActivity, TargetKind::Unknown, 2026, 2, 1);
  attack.position = geo::LonLat{31.0, 45.6};
  const SourceRegistry sources({{"Reuters", "reuters", "", 'B', "wire", {}}});
  const Agreement agreement = load_agreement(DATA / "agreements" / "default_agreement.json");
  const auto& occupied = scenario().theatre.occupied_area()->area;
  const auto judged = [&](const TheatreScope* theatre) {
    std::vector<Report> reports{attack};
    locate_reports(reports, Locator{nullptr, &areas(), theatre}, GazetteerParams{});
    return verify_reports(reports, {}, agreement, sources, nullptr, &occupied, VerifyParams{}, nullptr);
  };
  const auto finding = [](const VerifyResult& result, const std::string& provision) -> const Finding& {
    const auto it = std::find_if(result.findings.begin(), result.findings.end(),
                                 [&](const Finding& f) { return f.provision_id == provision; });
    if (it == result.findings.end()) throw std::runtime_error("no finding for " + provision);
    return *it;
  };

  const VerifyResult with_theatre = judged(&scope());
  EXPECT_EQ(with_theatre.reports[0].country, "");
  EXPECT_TRUE(with_theatre.reports[0].country_checked);
  EXPECT_NE(with_theatre.reports[0].geocode_note.str().find("in no country's outline"), std::string::npos)
      << with_theatre.reports[0].geocode_note.str();
  EXPECT_EQ(with_theatre.counts()["out_of_theatre"].get<std::size_t>(), 0u) << "the sea is not outside the theatre";
  EXPECT_EQ(finding(with_theatre, "black_sea_truce_2025").outcome, Outcome::Violation)
      << "the truce's zone decides at sea; it names no territory";
  const Finding& ceasefire = finding(with_theatre, "full_ceasefire_kinetic");
  EXPECT_EQ(ceasefire.outcome, Outcome::Undetermined) << "territory UA, RU is not known to hold at sea";
  const TestResult* territory = test_of(ceasefire, TestKind::Territory);
  ASSERT_NE(territory, nullptr);
  EXPECT_EQ(territory->verdict, TestVerdict::Edge);
  const std::string reason = ceasefire.reason(*territory);
  EXPECT_EQ(reason,
            "in no country's outline (at sea, or beyond the theatre's outlines): cannot tell whether it lies in the "
            "provision's territory (UA, RU)");
  EXPECT_EQ(ceasefire.reasons().front(), reason) << "the reason that decided the outcome comes first";

  // With no theatre the test is not made and says so; the zone still decides the truce.
  const VerifyResult without = judged(nullptr);
  EXPECT_FALSE(without.reports[0].country_checked);
  EXPECT_EQ(finding(without, "black_sea_truce_2025").outcome, Outcome::Violation);
  const Finding& unchecked = finding(without, "full_ceasefire_kinetic");
  ASSERT_NE(test_of(unchecked, TestKind::Territory), nullptr);
  EXPECT_EQ(test_of(unchecked, TestKind::Territory)->verdict, TestVerdict::NotChecked);
  EXPECT_NE(unchecked.reason(*test_of(unchecked, TestKind::Territory)).find("no theatre given"), std::string::npos);
}

}  // namespace
}  // namespace guarantor::verify
