// Every validation error path: each case breaks one field of the mini scenario and asserts the
// error code, the location (file and JSON pointer or line) and the message.
#include <regex>

#include <gtest/gtest.h>

#include "guarantor/core/error.hpp"
#include "guarantor/io/scenario_loader.hpp"
#include "scenario_fixture.hpp"

namespace guarantor::io {
namespace {

using nlohmann::json;

struct BrokenField {
  std::string name;
  std::string file;
  std::string pointer;
  std::optional<json> value;  ///< nullopt: erase the field
  ErrorCode code;
  std::string where;
  std::string message;
};

void PrintTo(const BrokenField& c, std::ostream* os) { *os << c.name; }

class ValidationError : public ::testing::TestWithParam<BrokenField> {};

// Locations are "file:line /pointer"; the cases name "file /pointer" (the line is asserted by
// complete_validation_test.cpp).
// One that ends at `where` is preferred: "/pledges/1" is not "/pledges/1/id".
const Diagnostic* find_diagnostic(const Error& error, const std::string& where) {
  static const std::regex line_number(R"(:[0-9]+ /)");
  const Diagnostic* found = nullptr;
  for (const auto& d : error.diagnostics()) {
    const std::string at = std::regex_replace(d.where, line_number, " /");
    if (at.ends_with(where)) return &d;
    if (found == nullptr && at.find(where) != std::string::npos) found = &d;
  }
  return found;
}

TEST_P(ValidationError, IsReportedWithCodeLocationAndMessage) {
  const auto& c = GetParam();
  testing::ScenarioFixture fixture;
  if (c.value) fixture.set(c.file, c.pointer, *c.value);
  else fixture.erase(c.file, c.pointer);
  try {
    load_scenario(fixture.manifest(), LoadOptions{});
    FAIL() << "expected a validation error";
  } catch (const Error& error) {
    const Diagnostic* d = find_diagnostic(error, c.where);
    ASSERT_NE(d, nullptr) << "no diagnostic at '" << c.where << "'; got: " << error.what();
    EXPECT_EQ(d->code, c.code) << d->to_string();
    EXPECT_NE(d->message.find(c.message), std::string::npos) << d->to_string();
  }
}

INSTANTIATE_TEST_SUITE_P(
    EveryField, ValidationError,
    ::testing::Values(
        BrokenField{"NegativeQuantity", "coalition.json", "/pledges/0/quantity", json(-2), ErrorCode::Schema,
                    "coalition.json /pledges/0/quantity", "got -2; expected an integer in [1, 10000]"},
        BrokenField{"QuantityAsString", "coalition.json", "/pledges/0/quantity", json("two"), ErrorCode::Schema,
                    "coalition.json /pledges/0/quantity", "got \"two\"; expected an integer"},
        BrokenField{"MissingPledgeId", "coalition.json", "/pledges/1/id", std::nullopt, ErrorCode::Schema,
                    "coalition.json /pledges/1/id", "missing; expected a string"},
        BrokenField{"UnknownCaveatKind", "coalition.json", "/pledges/1/caveats/0/kind", json("sometimes"),
                    ErrorCode::Schema, "coalition.json /pledges/1/caveats/0/kind",
                    "got \"sometimes\"; expected one of where, when, condition, excluded_role"},
        BrokenField{"UnknownWhereValue", "coalition.json", "/pledges/1/caveats/0/values/0", json("mars"),
                    ErrorCode::Schema, "coalition.json /pledges/1/caveats/0/values/0",
                    "got \"mars\"; expected one of ukraine, neighbouring_nato, black_sea, outside_theatre"},
        BrokenField{"TwoConditionsInOneCaveat", "coalition.json", "/pledges/1/caveats/1/values",
                    json::array({"a", "b"}), ErrorCode::Schema, "coalition.json /pledges/1/caveats/1/values",
                    "got 2 values; expected exactly one"},
        BrokenField{"HomeOutOfRange", "coalition.json", "/nations/0/home", json::array({200, 48}), ErrorCode::Schema,
                    "coalition.json /nations/0/home", "expected longitude in [-180, 180]"},
        BrokenField{"UnknownNation", "coalition.json", "/pledges/0/nation", json("XX"), ErrorCode::Reference,
                    "coalition.json /pledges/0/nation", "\"XX\" is not a nation"},
        BrokenField{"PledgeInAnotherNationsIdSpace", "coalition.json", "/pledges/1/id", json("PL-7"),
                    ErrorCode::Reference, "coalition.json /pledges/1/id",
                    "\"PL-7\" begins with \"PL-\", the ids of Poland's pledges; expected a pledge of PL"},
        BrokenField{"UnknownPledgedCapability", "coalition.json", "/pledges/0/capability", json("LAND.NOPE"),
                    ErrorCode::Reference, "coalition.json /pledges/0/capability", "not in the capability catalogue"},
        BrokenField{"DuplicatePledgeId", "coalition.json", "/pledges/1/id", json("FR-1"), ErrorCode::Consistency,
                    "coalition.json /pledges/1", "id \"FR-1\" repeats /pledges/0"},
        BrokenField{"IllustrativeNotBoolean", "coalition.json", "/pledges/0/illustrative", json("yes"),
                    ErrorCode::Schema, "coalition.json /pledges/0/illustrative", "expected true or false"},
        BrokenField{"FactorOutOfOrder", "capabilities.json", "/capabilities/0/personnel/min", json(100),
                    ErrorCode::Consistency, "capabilities.json /capabilities/0/personnel",
                    "got min 100, value 90, max 120; expected min <= value <= max"},
        BrokenField{"RadiusMissing", "capabilities.json", "/capabilities/0/radius_km", std::nullopt,
                    ErrorCode::Consistency, "capabilities.json /capabilities/0/radius_km",
                    "expected it because coverage is \"radius\""},
        BrokenField{"BadSidc", "capabilities.json", "/capabilities/0/app6_sidc", json("SFGPU"), ErrorCode::Schema,
                    "capabilities.json /capabilities/0/app6_sidc", "expected a 20-digit APP-6(D)"},
        BrokenField{"UnknownDomain", "capabilities.json", "/capabilities/1/domain", json("space"), ErrorCode::Schema,
                    "capabilities.json /capabilities/1/domain", "got \"space\"; expected one of land"},
        BrokenField{"UnknownLineCapability", "mandate.json", "/requirements/0/capability", json("X.Y"),
                    ErrorCode::Reference, "mandate.json /requirements/0/capability", "not in the capability catalogue"},
        BrokenField{"LineInPhaseWithoutGate", "mandate.json", "/phases/0", std::nullopt, ErrorCode::Reference,
                    "mandate.json /requirements/0/phase", "phase \"ceasefire\" has no gate"},
        BrokenField{"FractionAboveOne", "mandate.json", "/requirements/1/coverage/fraction", json(1.5),
                    ErrorCode::Schema, "mandate.json /requirements/1/coverage/fraction",
                    "got 1.5; expected a number in [0, 1]"},
        BrokenField{"RotationBelowOne", "mandate.json", "/posture/rotation_factor",
                    json{{"value", 0.5}, {"min", 0.5}, {"max", 1}, {"unit", "ratio"}, {"source", "t"}},
                    ErrorCode::Schema, "mandate.json /posture/rotation_factor/value", "expected at least 1"},
        BrokenField{"ConditionNotBoolean", "mandate.json", "/conditions/us_backstop", json("no"), ErrorCode::Schema,
                    "mandate.json /conditions/us_backstop", "expected true or false"},
        BrokenField{"BadCandidateKind", "mandate.json", "/posture/candidate_site_kinds/0", json("castle"),
                    ErrorCode::Schema, "mandate.json /posture/candidate_site_kinds/0", "expected a site kind"},
        BrokenField{"SiteStatusUnknown", "sites.json", "/sites/0/status", json("fine"), ErrorCode::Schema,
                    "sites.json /sites/0/status", "got \"fine\"; expected one of operating"},
        BrokenField{"SiteInWrongCountry", "sites.json", "/sites/0/country", json("PL"), ErrorCode::Consistency,
                    "site \"energy.alpha_npp\"", "outside Poland (it falls in Ukraine)"},
        BrokenField{"SiteCountryUnknown", "sites.json", "/sites/0/country", json("ZZ"), ErrorCode::Reference,
                    "site \"energy.alpha_npp\"", "country \"ZZ\" is not in the theatre's countries"},
        BrokenField{"SitePositionShape", "sites.json", "/sites/1/position", json::array({28.0}), ErrorCode::Schema,
                    "sites.json /sites/1/position", "expected [longitude, latitude]"},
        BrokenField{"DuplicateSiteId", "sites.json", "/sites/1/id", json("energy.alpha_npp"), ErrorCode::Consistency,
                    "sites.json /sites/1/id", "is already used by another site"},
        BrokenField{"GaugeUnknown", "countries.json", "/countries/0/rail_gauge_mm", json("1000"), ErrorCode::Schema,
                    "countries.json /countries/0/rail_gauge_mm", "expected \"1520\" or \"1435\""},
        BrokenField{"NoHostCountry", "countries.json", "/countries/0/role", json("neighbour_other"),
                    ErrorCode::Consistency, "countries.json /countries", "0 countries have role \"host\""},
        BrokenField{"OutlineIdMissing", "countries.json", "/countries/1/iso_n3", json("999"), ErrorCode::Reference,
                    "countries.json /countries", "PL (iso_n3 \"999\") has no outline"},
        BrokenField{"ReassignBoxEmpty", "countries.json", "/reassign_parts/0/bbox", json::array({0, 0, 1, 1}),
                    ErrorCode::Consistency, "countries.json /reassign_parts/0/bbox", "no polygon part of RU"},
        BrokenField{"RingTooShort", "regions.geojson", "/features/0/geometry/coordinates/0",
                    json::array({json::array({30, 48}), json::array({32, 48})}), ErrorCode::Schema,
                    "regions.geojson /features/0/geometry/coordinates/0", "expected a linear ring of at least 4"},
        BrokenField{"GeometryTypeUnknown", "occupied.geojson", "/features/0/geometry/type", json("Circle"),
                    ErrorCode::Schema, "occupied.geojson /features/0/geometry/type",
                    "expected Polygon or MultiPolygon"},
        BrokenField{"ManifestMissingMandate", "scenario.json", "/mandate", std::nullopt, ErrorCode::Schema,
                    "scenario.json /mandate", "missing; expected a file path"},
        BrokenField{"ManifestNamesMissingFile", "scenario.json", "/coalition", json("nowhere.json"),
                    ErrorCode::FileNotFound, "nowhere.json", "the coalition file named in scenario.json"},
        BrokenField{"PlacesFileMissing", "places.json", "/geonames/file", json("none.tsv"), ErrorCode::FileNotFound,
                    "none.tsv", "cannot open the GeoNames file"},
        BrokenField{"PledgeNamesUnknownSite", "coalition.json", "/pledges/0/sites", json::array({"nowhere"}),
                    ErrorCode::Reference, "coalition.json /pledges/0/sites/0", "is not a site of the theatre"},
        BrokenField{"PledgeSitesNotStrings", "coalition.json", "/pledges/0/sites", json::array({7}), ErrorCode::Schema,
                    "coalition.json /pledges/0/sites/0", "expected a site id string"},
        BrokenField{"IncludesRotationNotBoolean", "coalition.json", "/pledges/0/includes_rotation", json("yes"),
                    ErrorCode::Schema, "coalition.json /pledges/0/includes_rotation", "expected"}),
    [](const ::testing::TestParamInfo<BrokenField>& info) { return info.param.name; });

TEST(ValidationErrors, AllProblemsInOneRunAreReportedTogether) {
  testing::ScenarioFixture fixture;
  fixture.set("coalition.json", "/pledges/0/quantity", -1);
  fixture.set("coalition.json", "/pledges/2/readiness_days", "soon");
  fixture.set("mandate.json", "/requirements/2/priority", 0);
  fixture.set("sites.json", "/sites/2/kind", "bridge");
  try {
    load_scenario(fixture.manifest(), LoadOptions{});
    FAIL() << "expected errors";
  } catch (const Error& error) {
    EXPECT_EQ(error.diagnostics().size(), 4u) << error.what();
  }
}

TEST(ValidationErrors, SyntaxErrorNamesLineAndColumn) {
  testing::ScenarioFixture fixture;
  fixture.write("mandate.json", "{\n  \"name\": \"x\",\n  \"phases\": [,]\n}\n");
  try {
    load_scenario(fixture.manifest(), LoadOptions{});
    FAIL() << "expected a syntax error";
  } catch (const Error& error) {
    const auto& d = error.diagnostics().front();
    EXPECT_EQ(d.code, ErrorCode::Syntax);
    EXPECT_NE(d.where.find("mandate.json:3:14"), std::string::npos) << d.to_string();
    EXPECT_NE(d.message.find("not well-formed JSON"), std::string::npos) << d.to_string();
  }
}

TEST(ValidationErrors, DeepNestingIsRefusedNotRecursed) {
  testing::ScenarioFixture fixture;
  fixture.write("coalition.json", std::string(100000, '[') + std::string(100000, ']'));
  try {
    load_scenario(fixture.manifest(), LoadOptions{});
    FAIL() << "expected a syntax error";
  } catch (const Error& error) {
    EXPECT_EQ(error.code(), ErrorCode::Syntax);
    EXPECT_NE(std::string(error.what()).find("nesting deeper than 64"), std::string::npos) << error.what();
  }
}

TEST(ValidationErrors, MissingManifestIsFileNotFound) {
  try {
    load_scenario("/nonexistent/scenario.json", LoadOptions{});
    FAIL() << "expected an error";
  } catch (const Error& error) {
    EXPECT_EQ(error.code(), ErrorCode::FileNotFound);
    EXPECT_EQ(error.where(), "/nonexistent/scenario.json");
  }
}

TEST(ValidationErrors, MalformedGeonamesRowNamesTheLine) {
  testing::ScenarioFixture fixture;
  fixture.write("places.tsv", "1\tAlpha\tAlpha\t\t50.0\t31.0\tP\tPPLC\tUA\t\t12\t\t\t\t500000\t\t150\tEurope/Kyiv\t2020-01-01\n"
                              "2\tBeta\tonly\tsix\tcolumns\there\n");
  try {
    load_scenario(fixture.manifest(), LoadOptions{});
    FAIL() << "expected an error";
  } catch (const Error& error) {
    const auto& d = error.diagnostics().front();
    EXPECT_EQ(d.code, ErrorCode::Syntax);
    EXPECT_EQ(d.where, "places.tsv:2");
    EXPECT_NE(d.message.find("got 6 tab-separated columns; expected 19"), std::string::npos);
  }
}

}  // namespace
}  // namespace guarantor::io
