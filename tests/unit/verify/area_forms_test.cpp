// Location texts with a preposition and a case ending ("на Харківщині", "в Курской обл.",
// "под Херсоном", "в районе Купянска") find their area or place; texts that name a town do not
// become its oblast.
#include <gtest/gtest.h>

#include <sstream>

#include <nlohmann/json.hpp>

#include "guarantor/core/date.hpp"
#include "guarantor/io/scenario_loader.hpp"
#include "guarantor/verify/admin_areas.hpp"
#include "guarantor/verify/outputs.hpp"
#include "guarantor/verify/pipeline.hpp"
#include "guarantor/verify/theatre_scope.hpp"
#include "verify_test_data.hpp"

namespace guarantor::verify {
namespace {

const model::Scenario& forms_scenario() {
  static const model::Scenario loaded =
      io::load_scenario(DATA / "default" / "scenario.json", io::LoadOptions{GUARANTOR_TEST_ASSET_DIR});
  return loaded;
}

const AdminAreas& forms_areas() {
  static const AdminAreas built =
      load_admin_areas(forms_scenario().theatre.regions, DATA / "verify" / "admin_areas.json");
  return built;
}

model::PopulatedPlace forms_place(std::int64_t id, std::string name, std::vector<std::string> alternates, double lon,
                                  double lat, std::int64_t population) {
  model::PopulatedPlace p;
  p.geonameid = id;
  p.name = p.ascii_name = std::move(name);
  p.alternate_names = std::move(alternates);
  p.position = {lon, lat};
  p.country = "UA";
  p.population = population;
  return p;
}

// Towns of the GeoNames cities1000 extract with their Ukrainian and Russian names.
Gazetteer forms_gazetteer() {
  return Gazetteer({forms_place(706448, "Kherson", {"Херсон"}, 32.61458, 46.63542, 320477),
                    forms_place(704508, "Kupiansk", {"Куп'янськ", "Купянск", "Kupyansk"}, 37.61667, 49.71056, 27169),
                    forms_place(707292, "Izyum", {"Ізюм", "Изюм", "Izium"}, 37.26556, 49.20785, 47000),
                    forms_place(708546, "Pokrovsk", {"Покровськ", "Покровск"}, 37.18139, 48.28198, 60127)});
}

TEST(AreaForms, PrepositionsAndCasesFindTheArea) {
  const Gazetteer places = forms_gazetteer();
  const std::vector<std::pair<const char*, const char*>> named{{"на Донбасі", "UA-donbas"},
                                                               {"на Харківщині", "UA-63"},
                                                               {"на Харьковщине", "UA-63"},
                                                               {"з Харківщини", "UA-63"},
                                                               {"в Белгородской области", "RU-BEL"},
                                                               {"у Харківській області", "UA-63"},
                                                               {"в Курской обл.", "RU-KRS"},
                                                               {"в Донецкой области", "UA-14"},
                                                               {"у Запорізькій області", "UA-23"},
                                                               {"на Запорожском направлении", "UA-23"},
                                                               {"на Запорізькому напрямку", "UA-23"},
                                                               {"на Покровському напрямку", "UA-14"},
                                                               {"Pokrovsk direction", "UA-14"},
                                                               {"в Ізюмському районі", "UA-63:raion:izium"},
                                                               {"в Харківській та Сумській областях", "UA-63+UA-59"}};
  for (const auto& [text, code] : named) {
    const auto found = forms_areas().find(text, false, &places);
    ASSERT_TRUE(found) << text;
    EXPECT_EQ(found->code, code) << text;
  }
}

TEST(AreaForms, ATownInACaseIsNotItsOblast) {
  const Gazetteer places = forms_gazetteer();
  for (const char* text : {"под Херсоном", "в районе Купянска", "біля Ізюма", "в Херсоне", "Суми", "у Сумах"})
    EXPECT_FALSE(forms_areas().find(text, false, &places)) << text;
  // A place named like a preposition is not emptied into nothing.
  EXPECT_TRUE(forms_areas().name_forms("на").empty());
  EXPECT_EQ(forms_areas().name_forms("под Херсоном").front(), "херсоном");
}

TEST(AreaForms, APlaceWithAPrepositionAndACaseIsLocatedAtThePlace) {
  const Gazetteer places = forms_gazetteer();
  const std::vector<std::pair<const char*, std::int64_t>> written{{"под Херсоном", 706448},
                                                                  {"в районе Купянска", 704508},
                                                                  {"у районі Куп'янська", 704508},
                                                                  {"біля Ізюма", 707292},
                                                                  {"в Херсоне", 706448}};
  std::vector<Report> reports;
  for (const auto& [text, id] : written) {
    Report report;
    report.id = text;
    report.place_name = text;
    reports.push_back(report);
  }
  locate_reports(reports, Locator{&places, &forms_areas(), nullptr}, GazetteerParams{});
  for (std::size_t i = 0; i < reports.size(); ++i) {
    const Report& report = reports[i];
    ASSERT_TRUE(report.position) << report.id << ": " << report.geocode_note;
    EXPECT_EQ(report.precision, GeoPrecision::Place) << report.id << ": " << report.geocode_note;
    EXPECT_NE(report.geocode_note.str().find(std::to_string(written[i].second)), std::string::npos)
        << report.geocode_note;
    EXPECT_NE(report.geocode_note.str().find("read as"), std::string::npos) << report.geocode_note;
    EXPECT_EQ(report.place_name, written[i].first) << "the text as written is kept";
  }
  // A text that names nothing stays unlocated.
  std::vector<Report> unknown(1);
  unknown[0].place_name = "под Нигдеградом";
  locate_reports(unknown, Locator{&places, &forms_areas(), nullptr}, GazetteerParams{});
  EXPECT_FALSE(unknown[0].position) << unknown[0].geocode_note;
}

// A strike on a substation named only by its oblast, and one at a named place, during the 2025
// energy moratorium: findings.json and incidents.geojson say which incident is located only to an
// area (code, name, precision), also where no zone test needed to say the location was coarse.
TEST(AreaForms, EveryFindingAndIncidentRecordsItsAreaAndPrecision) {
  const Gazetteer places = forms_gazetteer();
  Report by_area;
  by_area.id = "g:area";
  by_area.format = "guarantor_csv";
  by_area.outlets = {"Reuters"};
  by_area.category = EventCategory::Strike;
  by_area.target_kind = TargetKind::PowerGenerationTransmission;
  by_area.time_s = days_from_civil(2025, 3, 20) * SECONDS_PER_DAY;
  by_area.place_name = "у Харківській області";
  Report by_place = by_area;
  by_place.id = "g:place";
  by_place.place_name = "под Херсоном";
  std::vector<Report> reports{by_area, by_place};
  locate_reports(reports, Locator{&places, &forms_areas(), nullptr}, GazetteerParams{});
  const SourceRegistry sources({{"Reuters", "reuters", "", 'B', "wire", {}}});
  const VerifyResult result =
      verify_reports(reports, {}, default_agreement(), sources, nullptr, nullptr, VerifyParams{}, nullptr);
  ASSERT_EQ(result.clusters.incidents.size(), 2U);

  std::ostringstream findings_text, incidents_text;
  write_findings_json(result, findings_text, 1);
  write_incidents_geojson(result, incidents_text, 1);
  const auto findings = nlohmann::json::parse(findings_text.str()).at("findings");
  int area_findings = 0, place_findings = 0;
  for (const auto& finding : findings) {
    ASSERT_TRUE(finding.contains("area") && finding.contains("area_name") && finding.contains("precision")) << finding;
    const bool area = finding.at("sources").at(0).at("report") == "g:area";
    EXPECT_EQ(finding.at("area"), area ? "UA-63" : "") << finding;
    EXPECT_EQ(finding.at("area_name"), area ? "Kharkiv Oblast" : "") << finding;
    EXPECT_EQ(finding.at("precision"), area ? "area" : "place") << finding;
    (area ? area_findings : place_findings) += 1;
  }
  EXPECT_GT(area_findings, 0);
  EXPECT_GT(place_findings, 0);
  // findings.json written directly and through nlohmann's tree agree member for member.
  EXPECT_EQ(findings, findings_json(result).at("findings"));
  const nlohmann::json incidents = nlohmann::json::parse(incidents_text.str());
  for (const auto& feature : incidents.at("features")) {
    const auto& properties = feature.at("properties");
    const bool area = properties.at("first_report") == "g:area";
    EXPECT_EQ(properties.at("area"), area ? "UA-63" : "");
    EXPECT_EQ(properties.at("area_name"), area ? "Kharkiv Oblast" : "");
    EXPECT_EQ(properties.at("precision"), area ? "area" : "place");
  }
}

}  // namespace
}  // namespace guarantor::verify
