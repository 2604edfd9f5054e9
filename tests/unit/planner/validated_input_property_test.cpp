// Property: `plan` never throws on input that validation accepted. Random mutations of the
// default scenario (fields set to hostile values, removed, entries duplicated) either fail
// validation (load_scenario, load_parameters, check_parameters) or plan cleanly.
#include <filesystem>
#include <fstream>
#include <random>

#include <fmt/format.h>
#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include "guarantor/core/error.hpp"
#include "guarantor/io/scenario_loader.hpp"
#include "guarantor/planner/parameter_checks.hpp"
#include "guarantor/planner/planner.hpp"

namespace guarantor::planner {
namespace {

namespace fs = std::filesystem;
using nlohmann::json;

// Values that each break some assumption somewhere: ranges, types, vocabularies, dates, ids.
const std::vector<json> HOSTILE_VALUES = {json(-1),
                                          json(0),
                                          json(1),
                                          json(1e9),
                                          json(2.5),
                                          json(""),
                                          json("x"),
                                          json("2026-13-01"),
                                          json("ukraine"),
                                          json("ceasefire"),
                                          json("peace_deal"),
                                          json("west_of_dnipro"),
                                          json("population"),
                                          json("contact_line"),
                                          json("LAND.QRF_BATTLEGROUP"),
                                          json("FR"),
                                          json(true),
                                          json(json::array()),
                                          json(json::object()),
                                          json(nullptr)};

// Every (pointer, leaf) of `value` reachable from `pointer`.
void leaves(const json& value, const std::string& pointer, std::vector<std::string>& out) {
  if (value.is_object()) {
    for (const auto& [key, child] : value.items()) leaves(child, pointer + "/" + key, out);
  } else if (value.is_array()) {
    for (std::size_t i = 0; i < value.size(); ++i) leaves(value[i], pointer + "/" + std::to_string(i), out);
  }
  if (!pointer.empty()) out.push_back(pointer);
}

void mutate(json& doc, std::mt19937& rng) {
  std::vector<std::string> pointers;
  leaves(doc, "", pointers);
  const auto pick = [&rng](std::size_t n) { return std::uniform_int_distribution<std::size_t>(0, n - 1)(rng); };
  const json::json_pointer target(pointers[pick(pointers.size())]);
  switch (pick(3)) {
    case 0: doc[target] = HOSTILE_VALUES[pick(HOSTILE_VALUES.size())]; break;
    case 1: {
      auto& parent = doc[target.parent_pointer()];
      if (parent.is_object()) parent.erase(target.back());
      else if (parent.is_array() && !parent.empty())
        parent.erase(parent.begin() + static_cast<long>(pick(parent.size())));
      break;
    }
    default: {
      auto& parent = doc[target.parent_pointer()];
      if (parent.is_array() && !parent.empty()) parent.push_back(parent[pick(parent.size())]);
      else doc[target] = HOSTILE_VALUES[pick(HOSTILE_VALUES.size())];
    }
  }
}

TEST(ValidatedInput, RandomMutationsOfTheDefaultScenarioFailValidationOrPlanCleanly) {
  const fs::path source = fs::path(GUARANTOR_TEST_DATA_DIR) / "default";
  const fs::path planning = fs::path(GUARANTOR_TEST_DATA_DIR) / "planning";
  io::LoadOptions options;
  options.asset_dir = GUARANTOR_TEST_ASSET_DIR;
  const PlannerParameters params = load_parameters(planning);
  std::mt19937 rng(20260501);  // fixed: a failure names its case and reproduces
  constexpr int CASES = 24;
  int planned = 0;
  for (int k = 0; k < CASES; ++k) {
    const fs::path dir = fs::temp_directory_path() / ("guarantor-mutation-" + std::to_string(k));
    fs::remove_all(dir);
    fs::copy(source, dir, fs::copy_options::recursive);
    const std::string file = k % 2 == 0 ? "coalition.json" : "mandate.json";
    json doc = json::parse(std::ifstream(dir / file));
    const int mutations = 1 + k % 3;
    for (int m = 0; m < mutations; ++m) mutate(doc, rng);
    std::ofstream(dir / file, std::ios::trunc) << doc.dump(1);
    std::optional<model::Scenario> scenario;
    try {
      scenario = io::load_scenario(dir / "scenario.json", options);
    } catch (const Error&) {
      fs::remove_all(dir);
      continue;  // refused by validation: fine
    }
    if (!check_parameters(*scenario, params, planning).empty()) {
      fs::remove_all(dir);
      continue;
    }
    PlannerOptions plan_options;
    plan_options.generator = "property test";
    EXPECT_NO_THROW((void)make_plan(*scenario, params, plan_options))
        << "case " << k << ": " << file << " as mutated is accepted by validation but planning threw; kept in " << dir;
    if (!HasFailure()) fs::remove_all(dir);
    ++planned;
  }
  // The property says nothing unless some mutated scenarios got through validation.
  EXPECT_GT(planned, 0);
}

// Mutations aimed at the values decoded into types at load (caveat rules, dates): a value that
// cannot make a typed value is refused by validation, with its location; one that can plans.
struct TypedMutation {
  std::string file;
  std::string pointer;
  json value;
  bool refused;  ///< validation must refuse it
};

TEST(ValidatedInput, MutationsOfTypedValuesFailValidationOrPlanCleanly) {
  const fs::path source = fs::path(GUARANTOR_TEST_DATA_DIR) / "default";
  const fs::path planning = fs::path(GUARANTOR_TEST_DATA_DIR) / "planning";
  io::LoadOptions options;
  options.asset_dir = GUARANTOR_TEST_ASSET_DIR;
  const PlannerParameters params = load_parameters(planning);
  // Pledge 5 (GB-6) has a "when" caveat then a "condition"; pledge 0 (GB-1) a "where" caveat.
  const std::vector<TypedMutation> cases = {
      {"coalition.json", "/pledges/5/caveats/0/values/0", "after_the_war", true},
      {"coalition.json", "/pledges/5/caveats/0/values", json::array({"ceasefire", "peace_deal"}), true},
      {"coalition.json", "/pledges/5/caveats/1/values/0", "us_backstp", true},
      {"coalition.json", "/pledges/5/caveats/1/values/0", "", true},
      {"coalition.json", "/pledges/5/caveats/1/kind", "where", true},
      {"coalition.json", "/pledges/0/caveats/0/values/0", "mars", true},
      {"coalition.json", "/pledges/0/caveats/0/values", json::array({"ukraine", "ukraine"}), true},
      {"coalition.json", "/pledges/0/caveats/0/values", json::array(), true},
      {"coalition.json", "/pledges/0/valid_until", "2026-02-30", true},
      {"coalition.json", "/pledges/0/valid_until", "soon", true},
      {"scenario.json", "/as_of", "2025-13-01", true},
      {"coalition.json", "/pledges/5/caveats/1/values/0", "un_mandate", false},
      {"coalition.json", "/pledges/0/valid_until", "2020-01-01", false},
  };
  for (std::size_t k = 0; k < cases.size(); ++k) {
    const auto& mutation = cases[k];
    const fs::path dir = fs::temp_directory_path() / ("guarantor-typed-mutation-" + std::to_string(k));
    fs::remove_all(dir);
    fs::copy(source, dir, fs::copy_options::recursive);
    json doc = json::parse(std::ifstream(dir / mutation.file));
    doc[json::json_pointer(mutation.pointer)] = mutation.value;
    std::ofstream(dir / mutation.file, std::ios::trunc) << doc.dump(1);
    std::optional<model::Scenario> scenario;
    std::string refusal;
    try {
      scenario = io::load_scenario(dir / "scenario.json", options);
    } catch (const Error& error) {
      refusal = error.where();
    }
    const std::string what = fmt::format("case {}: {} {} = {}", k, mutation.file, mutation.pointer, mutation.value.dump());
    if (mutation.refused) {
      EXPECT_FALSE(scenario.has_value()) << what << " was accepted by validation";
      EXPECT_NE(refusal.find(mutation.file), std::string::npos) << what << " refused at " << refusal;
    } else {
      ASSERT_TRUE(scenario.has_value()) << what << " refused at " << refusal;
      ASSERT_TRUE(check_parameters(*scenario, params, planning).empty()) << what;
      PlannerOptions plan_options;
      plan_options.generator = "property test";
      EXPECT_NO_THROW((void)make_plan(*scenario, params, plan_options)) << what << " planned with an exception";
    }
    fs::remove_all(dir);
  }
}

}  // namespace
}  // namespace guarantor::planner
