// The page inlines its libraries; a missing one must be named, with the remedy.
#include <filesystem>
#include <fstream>

#include <gtest/gtest.h>

#include "guarantor/core/error.hpp"
#include "guarantor/report/theatre_page.hpp"
#include "sample_scenario.hpp"

namespace guarantor::report {
namespace {

namespace fs = std::filesystem;

fs::path fresh_dir(const std::string& name) {
  const fs::path dir = fs::temp_directory_path() / ("guarantor_report_" + name + "_" + std::to_string(::getpid()));
  fs::remove_all(dir);
  fs::create_directories(dir);
  return dir;
}

void write(const fs::path& path, const std::string& text) {
  fs::create_directories(path.parent_path());
  std::ofstream(path) << text;
}

TEST(PageAssets, MissingDirectoryNamesEveryLibrary) {
  PageOptions options;
  options.asset_dir = fresh_dir("empty") / "node_modules";
  try {
    (void)render_theatre_page(testing::make_sample_scenario(), testing::make_sample_force(), options);
    FAIL() << "expected guarantor::Error";
  } catch (const Error& error) {
    EXPECT_EQ(error.code(), ErrorCode::FileNotFound);
    ASSERT_EQ(error.diagnostics().size(), 3U);
    EXPECT_EQ(error.diagnostics()[0].where, (options.asset_dir / "leaflet/dist/leaflet.js").string());
    EXPECT_EQ(error.diagnostics()[1].where, (options.asset_dir / "leaflet/dist/leaflet.css").string());
    EXPECT_EQ(error.diagnostics()[2].where, (options.asset_dir / "milsymbol/dist/milsymbol.js").string());
    EXPECT_NE(std::string(error.what()).find("scripts/setup.sh"), std::string::npos) << error.what();
  }
}

TEST(PageAssets, MissingCssImageIsNamed) {
  const fs::path dir = fresh_dir("noimage");
  write(dir / "leaflet/dist/leaflet.js", "var L = {};");
  write(dir / "leaflet/dist/leaflet.css", ".a{background-image:url(images/layers.png)}");
  write(dir / "milsymbol/dist/milsymbol.js", "var ms = {};");
  PageOptions options;
  options.asset_dir = dir;
  try {
    (void)render_theatre_page(testing::make_sample_scenario(), testing::make_sample_force(), options);
    FAIL() << "expected guarantor::Error";
  } catch (const Error& error) {
    EXPECT_EQ(error.code(), ErrorCode::FileNotFound);
    ASSERT_EQ(error.diagnostics().size(), 1U);
    EXPECT_EQ(error.where(), (dir / "leaflet/dist/images/layers.png").string());
  }
}

TEST(PageAssets, InlinesCssImagesAsDataUris) {
  const fs::path dir = fresh_dir("image");
  write(dir / "leaflet/dist/leaflet.js", "var L = '</script>';");
  write(dir / "leaflet/dist/leaflet.css", ".a{background-image:url(images/dot.png)}");
  write(dir / "leaflet/dist/images/dot.png", "abc");
  write(dir / "milsymbol/dist/milsymbol.js", "var ms = {};");
  PageOptions options;
  options.asset_dir = dir;
  const std::string page = render_theatre_page(testing::make_sample_scenario(), testing::make_sample_force(), options);
  EXPECT_NE(page.find("url(data:image/png;base64,YWJj)"), std::string::npos);  // "abc" in base64
  EXPECT_EQ(page.find("url(images/"), std::string::npos);
  EXPECT_NE(page.find("var L = '<\\/script>';"), std::string::npos);
}

}  // namespace
}  // namespace guarantor::report
