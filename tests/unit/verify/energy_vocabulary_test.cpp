// The target vocabulary against the shipped hand-labelled set (tests/fixtures/verify/
// energy_labelled.csv, sources and licences per row): precision and recall of the energy kinds.
#include <gtest/gtest.h>

#include <cstdio>
#include <filesystem>
#include <fstream>
#include <map>

#include "guarantor/io/csv_reader.hpp"
#include "guarantor/verify/text_classify.hpp"

namespace guarantor::verify {
namespace {

const std::filesystem::path LABELLED = std::filesystem::path(GUARANTOR_TEST_FIXTURES_DIR) / "verify" / "energy_labelled.csv";

std::string label_of(TargetKind kind) { return is_energy_target(kind) ? std::string(to_string(kind)) : "not_energy"; }

TEST(EnergyVocabulary, PrecisionAndRecallOnTheLabelledSet) {
  std::ifstream in(LABELLED, std::ios::binary);
  ASSERT_TRUE(in) << LABELLED;
  io::CsvReader reader(in, LABELLED.string());
  const io::CsvHeader header(*reader.next());
  const auto text_column = header.find("text"), label_column = header.find("label"), source_column = header.find("source");
  ASSERT_TRUE(text_column && label_column && source_column);
  std::size_t rows = 0, true_positive = 0, predicted_energy = 0, labelled_energy = 0;
  std::map<std::string, std::size_t> languages;
  std::string mistakes;
  while (const auto record = reader.next()) {
    ++rows;
    const std::string& text = record->fields.at(*text_column);
    const std::string& label = record->fields.at(*label_column);
    ASSERT_FALSE(record->fields.at(*source_column).empty()) << "every row names its source, line " << record->line;
    const std::string predicted = label_of(classify_target(text));
    if (predicted != "not_energy") ++predicted_energy;
    if (label != "not_energy") ++labelled_energy;
    if (predicted != "not_energy" && predicted == label) ++true_positive;
    if (predicted != label) mistakes += "  line " + std::to_string(record->line) + ": " + label + " read as " + predicted + ": " + text + "\n";
  }
  ASSERT_GE(rows, 200u);
  const double precision = static_cast<double>(true_positive) / static_cast<double>(predicted_energy);
  const double recall = static_cast<double>(true_positive) / static_cast<double>(labelled_energy);
  std::printf("energy vocabulary on %zu labelled rows (%zu energy): precision %.3f, recall %.3f\n%s", rows,
              labelled_energy, precision, recall, mistakes.c_str());
  EXPECT_GE(precision, 0.95);
  EXPECT_GE(recall, 0.95);
}

TEST(EnergyVocabulary, NamedCasesOfTheIssue) {
  EXPECT_EQ(classify_target("Shelling damaged a sub station in Shebekino"), TargetKind::PowerGenerationTransmission);
  EXPECT_EQ(classify_target("Drone hit an oil depot, two fuel tanks on fire"), TargetKind::OilGasPipelineStorage);
  EXPECT_EQ(classify_target("Missiles hit a gas compressor station"), TargetKind::OilGasPipelineStorage);
  EXPECT_EQ(classify_target("Strike on a solar power plant in Odesa region"), TargetKind::PowerGenerationTransmission);
  EXPECT_EQ(classify_target("Ukrenergo reports damage in the west"), TargetKind::PowerGenerationTransmission);
  EXPECT_EQ(classify_target("DTEK says its equipment was damaged"), TargetKind::PowerGenerationTransmission);
  EXPECT_EQ(classify_target("Naftogaz production site attacked"), TargetKind::OilGasPipelineStorage);
  EXPECT_EQ(classify_target("Россети: повреждена подстанция"), TargetKind::PowerGenerationTransmission);
  EXPECT_EQ(classify_target("Атака на нефтеперекачивающую станцию Транснефти"), TargetKind::OilGasPipelineStorage);
  EXPECT_EQ(classify_target("Удар по лінії електропередач"), TargetKind::PowerGenerationTransmission);
  // A consequence names no target.
  EXPECT_EQ(classify_target("Power outages across the city after the attack"), TargetKind::Unknown);
  EXPECT_EQ(classify_target("Через обстріл знеструмлено три села"), TargetKind::Unknown);
  // Not every dam is a hydro dam; the town is not the plant; a tank is armour.
  EXPECT_EQ(classify_target("Missile strike on the Pechenihy reservoir dam"), TargetKind::Civilian);
  EXPECT_EQ(classify_target("Strike on the Kakhovka HPP dam"), TargetKind::HydroDam);
  EXPECT_EQ(classify_target("Shelling of Enerhodar"), TargetKind::Unknown);
  EXPECT_EQ(classify_target("Обстріл Енергодара"), TargetKind::Unknown);
  EXPECT_EQ(classify_target("Drone hit the ZNPP training centre"), TargetKind::NuclearPlant);
  EXPECT_EQ(classify_target("Russian tanks destroyed near Vuhledar"), TargetKind::Unknown);
  EXPECT_EQ(classify_target("Missile hit a petrol station"), TargetKind::Civilian);
}

}  // namespace
}  // namespace guarantor::verify
