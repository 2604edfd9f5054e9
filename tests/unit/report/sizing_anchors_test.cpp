// sizing_anchors.json is read through io's field reader like every other input file: each
// problem located as "file:line /pointer", all of them in one run, and unknown keys refused with
// "did you mean" instead of ignored.
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <string>
#include <unistd.h>

#include "guarantor/core/error.hpp"
#include "guarantor/report/plan_export.hpp"
#include "load_diagnostics.hpp"

namespace guarantor::report {
namespace {

std::filesystem::path write_anchors(const std::string& name, const std::string& text) {
  const auto dir = std::filesystem::temp_directory_path() / ("sizing_anchors_test_" + std::to_string(::getpid()));
  std::filesystem::create_directories(dir);
  const auto path = dir / name;
  std::ofstream(path, std::ios::binary) << text;
  return path;
}

std::string problems_of(const std::filesystem::path& path) {
  return guarantor::testing::problems_of([&] { (void)load_sizing_anchors(path); });
}

bool has(const std::string& text, const std::string& part) { return text.find(part) != std::string::npos; }

TEST(SizingAnchors, ShippedFileReadsEveryAnchor) {
  const auto anchors = load_sizing_anchors(std::filesystem::path(GUARANTOR_TEST_DATA_DIR) / "planning" / "sizing_anchors.json");
  ASSERT_EQ(anchors.size(), 7u);
  EXPECT_EQ(anchors.front().id, "iiss_small");
  EXPECT_EQ(anchors.front().personnel, 10000);
  EXPECT_EQ(anchors.back().id, "quinlivan");
  EXPECT_EQ(anchors.back().per_thousand, 20);
  EXPECT_EQ(anchors.back().personnel, 0);
}

TEST(SizingAnchors, MisspeltKeyIsRefusedWithTheNearestKnownKey) {
  const auto path = write_anchors("misspelt.json", R"({
  "anchors": [
    {"id": "a", "label": "A", "personel": 10000, "source": "S"}
  ],
  "ratio_anchor": []
})");
  const std::string problems = problems_of(path);
  EXPECT_TRUE(has(problems, "misspelt.json:3 /anchors/0/personel: unknown key \"personel\"; did you mean \"personnel\"?"))
      << problems;
  EXPECT_TRUE(has(problems, "misspelt.json:5 /ratio_anchor: unknown key \"ratio_anchor\"; did you mean \"ratio_anchors\"?"))
      << problems;
  // The number the misspelt key meant is missing, and said so, in the same run.
  EXPECT_TRUE(has(problems, "/anchors/0/personnel: missing")) << problems;
}

TEST(SizingAnchors, MistypedFieldsAreLocatedNotLibraryExceptions) {
  // A non-string id used to escape as the JSON library's type_error, without file or pointer.
  const auto path = write_anchors("mistyped.json", R"({
  "anchors": [
    {"id": 7, "label": "A", "personnel": 10000, "source": "S"},
    {"id": "b", "label": "B", "personnel": -5, "source": "S"}
  ],
  "ratio_anchors": [
    {"id": "r", "label": "R", "per_thousand": 20, "population": "world", "source": "S"}
  ]
})");
  const std::string problems = problems_of(path);
  EXPECT_TRUE(has(problems, "mistyped.json:3 /anchors/0/id: got 7; expected a string")) << problems;
  EXPECT_TRUE(has(problems, "mistyped.json:4 /anchors/1/personnel: got -5")) << problems;
  EXPECT_TRUE(has(problems, "mistyped.json:7 /ratio_anchors/0/population: got \"world\"; expected planned_area")) << problems;
}

}  // namespace
}  // namespace guarantor::report
