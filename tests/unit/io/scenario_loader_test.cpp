#include <gtest/gtest.h>

#include "guarantor/core/error.hpp"
#include "guarantor/io/scenario_loader.hpp"
#include "scenario_fixture.hpp"

namespace guarantor::io {
namespace {

TEST(ScenarioLoader, LoadsEveryPartOfTheMiniScenario) {
  testing::ScenarioFixture fixture;
  const auto scenario = load_scenario(fixture.manifest(), LoadOptions{});
  EXPECT_EQ(scenario.name, "Mini test scenario");
  EXPECT_EQ(scenario.theatre.countries.size(), 3u);
  EXPECT_EQ(scenario.theatre.regions.size(), 2u);
  EXPECT_EQ(scenario.theatre.places.size(), 3u) << "the 900-person place is under min_population";
  EXPECT_EQ(scenario.theatre.sites.size(), 3u);
  EXPECT_EQ(scenario.catalogue.capabilities.size(), 3u);
  EXPECT_EQ(scenario.coalition.pledges.size(), 3u);
  EXPECT_EQ(scenario.mandate.requirements.size(), 3u);
  EXPECT_FALSE(scenario.mandate.condition_met("us_backstop"));
  EXPECT_TRUE(scenario.coalition.has_illustrative());
  // Provenance: the manifest, outlines and every named file, each with a SHA-256.
  EXPECT_GE(scenario.files.size(), 9u);
  for (const auto& f : scenario.files) EXPECT_EQ(f.sha256.size(), 64u) << f.path;
}

TEST(ScenarioLoader, ReassignsTheDetachedPartToTheHostCountry) {
  testing::ScenarioFixture fixture;
  const auto scenario = load_scenario(fixture.manifest(), LoadOptions{});
  const auto& theatre = scenario.theatre;
  const geo::LonLat in_detached_part{33.5, 45.5};
  ASSERT_NE(theatre.country_at(in_detached_part), nullptr);
  EXPECT_EQ(theatre.country_at(in_detached_part)->iso2, "UA");
  EXPECT_EQ(theatre.find_country("RU")->area.parts().size(), 1u);
  EXPECT_EQ(theatre.find_country("UA")->area.parts().size(), 2u);
  EXPECT_EQ(theatre.country_at({36.0, 50.0})->iso2, "RU");
  EXPECT_EQ(theatre.country_at({28.0, 50.0})->iso2, "PL");
}

TEST(ScenarioLoader, ReadsPlacesWithAlternateNames) {
  testing::ScenarioFixture fixture;
  const auto scenario = load_scenario(fixture.manifest(), LoadOptions{});
  const auto& alpha = scenario.theatre.places.front();
  EXPECT_EQ(alpha.name, "Alpha");
  EXPECT_EQ(alpha.population, 500000);
  ASSERT_EQ(alpha.alternate_names.size(), 2u);
  EXPECT_EQ(alpha.alternate_names[0], "Альфа");
  EXPECT_EQ(scenario.theatre.region_at(alpha.position)->iso_code, "UA-W");
}

TEST(ScenarioLoader, ResolvesReferencesUnderTheirRoots) {
  LoadOptions options{"/opt/assets"};
  options.data_root = "/opt/data";
  EXPECT_EQ(resolve_data_path("npm:world-atlas/countries-10m.json", "/s/scenario.json", options),
            std::filesystem::path("/opt/assets/world-atlas/countries-10m.json"));
  EXPECT_EQ(resolve_data_path("data:theatre/ports.json", "/s/scenario.json", options),
            std::filesystem::path("/opt/data/theatre/ports.json"));
  EXPECT_EQ(resolve_data_path("theatre/sites.json", "/s/default/scenario.json", options),
            std::filesystem::path("/s/default/theatre/sites.json"));
  // Absolute paths and ../ out of the root only when explicitly allowed.
  EXPECT_THROW(resolve_data_path("/abs/file.json", "/s/scenario.json", options), Error);
  EXPECT_THROW(resolve_data_path("../other/file.json", "/s/default/scenario.json", options), Error);
  EXPECT_THROW(resolve_data_path("npm:../../etc/passwd", "/s/scenario.json", options), Error);
  options.allow_outside_root = true;
  EXPECT_EQ(resolve_data_path("/abs/file.json", "/s/scenario.json", options), std::filesystem::path("/abs/file.json"));
}

}  // namespace
// The decoded outlines are remembered by the atlas's content: a second load gives the same
// countries, and an atlas edited in place between two loads is decoded again, never served stale.
TEST(ScenarioLoader, ReloadingGivesTheSameOutlinesAndAnEditedAtlasIsReadAgain) {
  testing::ScenarioFixture fixture;
  const auto first = load_scenario(fixture.manifest(), LoadOptions{});
  const auto again = load_scenario(fixture.manifest(), LoadOptions{});
  for (const auto& country : first.theatre.countries)
    EXPECT_DOUBLE_EQ(again.theatre.find_country(country.iso2)->area.area_km2(), country.area.area_km2())
        << country.iso2;
  ASSERT_EQ(again.files.size(), first.files.size());
  for (std::size_t i = 0; i < first.files.size(); ++i) EXPECT_EQ(again.files[i].sha256, first.files[i].sha256);

  // Russia's square grows 1 degree east (the arc's first and third steps): its outline and the
  // atlas's recorded hash follow.
  fixture.set("outlines.topojson", "/arcs/3/1/0", 5000);
  fixture.set("outlines.topojson", "/arcs/3/3/0", -5000);
  const auto edited = load_scenario(fixture.manifest(), LoadOptions{});
  ASSERT_NE(edited.theatre.country_at({38.5, 50.0}), nullptr);
  EXPECT_EQ(edited.theatre.country_at({38.5, 50.0})->iso2, "RU");
  EXPECT_EQ(first.theatre.country_at({38.5, 50.0}), nullptr);
  const auto atlas_hash = [](const model::Scenario& scenario) {
    for (const auto& file : scenario.files)
      if (file.role == "theatre.outlines") return file.sha256;
    return std::string();
  };
  EXPECT_NE(atlas_hash(edited), atlas_hash(first));
  EXPECT_FALSE(atlas_hash(first).empty());
}

}  // namespace guarantor::io
