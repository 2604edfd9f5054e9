// The verifier's input files (agreement, column mapping, area) are decoded by io's field and
// geometry readers: every problem of a file is reported in one run as "file:line /pointer", and
// unknown keys of closed objects are named with the nearest known key.
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <string>
#include <unistd.h>

#include "guarantor/core/error.hpp"
#include "guarantor/io/geojson_geometry.hpp"
#include "guarantor/verify/admin_areas.hpp"
#include "guarantor/verify/agreement.hpp"
#include "guarantor/verify/column_mapping.hpp"
#include "load_diagnostics.hpp"

namespace guarantor::verify {
namespace {

// Writes `text` to a file of its own in a per-process directory and returns its path.
std::filesystem::path write_input_file(const std::string& name, const std::string& text) {
  const auto dir = std::filesystem::temp_directory_path() / ("verify_input_files_test_" + std::to_string(::getpid()));
  std::filesystem::create_directories(dir);
  const auto path = dir / name;
  std::ofstream(path, std::ios::binary) << text;
  return path;
}

// Every diagnostic as "where: message", one per line.
using guarantor::testing::problems_of;

bool has(const std::string& text, const std::string& part) { return text.find(part) != std::string::npos; }

const char* const GOOD_PROVISION = R"({
      "id": "p",
      "title": "t",
      "categories": ["ground_clash"],
      "window": {"from": "2026-01-01", "days": 30},
      "sources": ["s"]
    })";

TEST(VerifierInputFiles, AgreementUnknownKeysAreNamedWithLineAndDidYouMean) {
  const auto path = write_input_file("agreement.json", std::string(R"({
  "name": "a",
  "provisons": [],
  "provisions": [
    )") + GOOD_PROVISION + R"(,
    {
      "id": "q",
      "title": "t",
      "categories": ["ground_clash"],
      "window": {"from": "2026-01-01", "dayz": 30},
      "zone": {"kind": "band", "line": "line_of_contact", "distance_mm": 15000},
      "sources": ["s"]
    }
  ]
})");
  const std::string problems = problems_of([&] { (void)load_agreement(path); });
  const std::string file = path.string();
  EXPECT_TRUE(has(problems, file + ":3 /provisons: unknown key \"provisons\"; did you mean \"provisions\"?")) << problems;
  EXPECT_TRUE(has(problems, file + ":16 /provisions/1/window/dayz: unknown key \"dayz\"; did you mean \"days\"?"))
      << problems;
  EXPECT_TRUE(has(problems, file + ":17 /provisions/1/zone/distance_mm: unknown key \"distance_mm\"; did you mean "
                            "\"distance_m\"?"))
      << problems;
  // The first provision is well formed and draws no complaint.
  EXPECT_FALSE(has(problems, "/provisions/0")) << problems;
}

TEST(VerifierInputFiles, AgreementReportsEveryProblemWithItsLine) {
  const auto path = write_input_file("bad_agreement.json", R"({
  "name": "a",
  "provisions": [
    {
      "id": "p",
      "title": "t",
      "categories": ["ground_clash", "bombing"],
      "window": {"from": "2026-02-30", "days": 0},
      "territory": ["UA", "ukraine"],
      "zone": {"kind": "polygon", "coordinates": [[[30, 50], [31, 50], [31, 51]]]}
    }
  ]
})");
  const std::string problems = problems_of([&] { (void)load_agreement(path); });
  const std::string file = path.string();
  EXPECT_TRUE(has(problems, file + ":7 /provisions/0/categories/1: unknown category \"bombing\"")) << problems;
  EXPECT_TRUE(has(problems, file + ":8 /provisions/0/window/from: got \"2026-02-30\"")) << problems;
  EXPECT_TRUE(has(problems, file + ":8 /provisions/0/window/days: got 0")) << problems;
  EXPECT_TRUE(has(problems, file + ":9 /provisions/0/territory/1: got \"ukraine\"")) << problems;
  // The zone is a GeoJSON Polygon read by io's geometry reader: a ring must be closed.
  EXPECT_TRUE(has(problems, file + ":10 /provisions/0/zone/coordinates/0: got")) << problems;
  EXPECT_TRUE(has(problems, file + ":4 /provisions/0/sources: expected at least one source")) << problems;
}

TEST(VerifierInputFiles, AgreementSyntaxErrorsNameLineAndColumn) {
  const auto path = write_input_file("broken_agreement.json", "{\n  \"name\": \"a\",\n  \"provisions\": [\n}\n");
  const std::string problems = problems_of([&] { (void)load_agreement(path); });
  EXPECT_TRUE(has(problems, path.string() + ":4:1: not well-formed JSON")) << problems;
}

TEST(VerifierInputFiles, ColumnMappingProblemsCarryFileLineAndPointer) {
  const auto path = write_input_file("mapping.json", R"({
  "name": "feed",
  "descripton": "typo of a documentation key",
  "time": {"date": "when", "timezone": "Mars/Olympus", "formt": "iso"},
  "location": {
    "place": "town",
    "lat": "y"
  },
  "category": {"column": "kind", "values": {"Battles": "fight"}},
  "header": "yes"
})");
  const std::string problems = problems_of([&] { (void)load_column_mapping(path); });
  const std::string file = path.string();
  EXPECT_TRUE(has(problems, file + ":3 /descripton: unknown key \"descripton\"; did you mean \"description\"?"))
      << problems;
  EXPECT_TRUE(has(problems, file + ":4 /time/timezone: got \"Mars/Olympus\"")) << problems;
  EXPECT_TRUE(has(problems, file + ":4 /time/formt: unknown key \"formt\"; did you mean \"format\"?")) << problems;
  EXPECT_TRUE(has(problems, file + ":5 /location: expected both lon and lat, or neither")) << problems;
  EXPECT_TRUE(has(problems, file + ":9 /category/values/Battles: got \"fight\"; expected a known name")) << problems;
  EXPECT_TRUE(has(problems, file + ":10 /header: got \"yes\"; expected true or false")) << problems;
}

TEST(VerifierInputFiles, RegionsGivenAsCirclesAreCheckedFieldByField) {
  const auto path = write_input_file("admin_areas.json", R"({
  "designators": ["oblast"],
  "raion_designators": ["raion"],
  "raion_suffixes": ["skyi"],
  "raion_radius_m": 50000,
  "place_areas": [
    {"code": "RU-BEL", "name": "Belgorod Oblast", "country": "Russia", "position": [37.3],
     "radius_m": -5, "names": ["Belgorod"], "seet": "Belgorod"}
  ]
})");
  const std::string problems = problems_of([&] { (void)load_admin_areas({}, path); });
  const std::string file = path.string();
  EXPECT_TRUE(has(problems, file + ":")) << problems;
  EXPECT_TRUE(has(problems, "/place_areas/0/country: got \"Russia\"; expected an ISO 3166-1 alpha-2 code")) << problems;
  EXPECT_TRUE(has(problems, "/place_areas/0/position")) << problems;
  EXPECT_TRUE(has(problems, "/place_areas/0/radius_m")) << problems;
  EXPECT_TRUE(has(problems, "/place_areas/0/seet: unknown key \"seet\"; did you mean \"seat\"?")) << problems;
}

TEST(VerifierInputFiles, ShippedMappingsAndAgreementLoad) {
  const std::filesystem::path data = GUARANTOR_TEST_DATA_DIR;
  EXPECT_EQ(load_agreement(data / "agreements" / "default_agreement.json").provisions.size(), 5u);
  for (const char* mapping : {"gdelt_events_v2.json", "air_defence_daily.json"})
    EXPECT_NO_THROW((void)load_column_mapping(data / "verify" / "mappings" / mapping)) << mapping;
}

TEST(VerifierInputFiles, BadGeometryInAnAreaFileIsLocated) {
  const auto path = write_input_file("occupied.geojson", R"({
  "type": "FeatureCollection",
  "features": [
    {"type": "Feature", "properties": {}, "geometry": {"type": "Point", "coordinates": [37, 48]}},
    {"type": "Feature", "properties": {},
     "geometry": {"type": "Polygon", "coordinates": [[[37, 47], [38, 47], [38, 48], [37, 47]]]}},
    {"type": "Feature", "properties": {},
     "geometry": {"type": "Polygon", "coordinates": [[[37, 47], [38, 47], [38, 95], [37, 47]]]}},
    {"type": "Feature", "properties": {},
     "geometry": {"type": "Polygn", "coordinates": []}}
  ]
})");
  const std::string problems = problems_of([&] { (void)io::load_geojson_area(path); });
  const std::string file = path.string();
  EXPECT_TRUE(has(problems, file + ":8 /features/2/geometry/coordinates/0/2: got [38,95]")) << problems;
  EXPECT_TRUE(has(problems, file + ":10 /features/3/geometry/type: got \"Polygn\"; expected Polygon or MultiPolygon"))
      << problems;
  EXPECT_FALSE(has(problems, "/features/0")) << "a point carries no area and is skipped: " << problems;
}

TEST(VerifierInputFiles, AreaFileWithoutPolygonsIsRefused) {
  const auto path = write_input_file("empty.geojson", R"({"type": "FeatureCollection", "features": []})");
  const std::string problems = problems_of([&] { (void)io::load_geojson_area(path); });
  EXPECT_TRUE(has(problems, path.string() + ":1 /: no Polygon or MultiPolygon found")) << problems;
  const auto good = write_input_file("good.geojson", R"({"type": "Feature", "properties": {},
    "geometry": {"type": "MultiPolygon", "coordinates": [[[[37, 47], [38, 47], [38, 48], [37, 47]]]]}})");
  EXPECT_TRUE(io::load_geojson_area(good).contains({37.7, 47.2}));
}

}  // namespace
}  // namespace guarantor::verify
