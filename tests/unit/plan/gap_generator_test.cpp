#include <gtest/gtest.h>

#include <cmath>

#include "guarantor/core/error.hpp"
#include "guarantor/plan/gap_generator.hpp"

namespace guarantor::plan {
namespace {

// Capacity tightness, the statistic Chu & Beasley (1997) and Laguna et al. (1995) fix for the
// three types: every agent's capacity is ⌊0.8 × (its total resource) / m⌋.
void expect_tightness(const GapInstance& instance) {
  for (std::size_t agent = 0; agent < instance.agent_count(); ++agent) {
    double load = 0;
    for (std::size_t job = 0; job < instance.job_count(); ++job) load += instance.resource(agent, job);
    const double share = load / static_cast<double>(instance.agent_count());
    EXPECT_LE(instance.capacity(agent), 0.8 * share + 1e-9);
    EXPECT_GT(instance.capacity(agent), 0.8 * share - 1.0);
  }
}

TEST(GapGenerator, TypeCMatchesItsRecipe) {
  const GapInstance instance = generate_gap(GapType::C, 10, 400, 7);
  expect_tightness(instance);
  double cost_sum = 0, resource_sum = 0;
  for (std::size_t agent = 0; agent < 10; ++agent) {
    for (std::size_t job = 0; job < 400; ++job) {
      EXPECT_GE(instance.resource(agent, job), 5);
      EXPECT_LE(instance.resource(agent, job), 25);
      EXPECT_GE(instance.cost(agent, job), 10);
      EXPECT_LE(instance.cost(agent, job), 50);
      cost_sum += instance.cost(agent, job), resource_sum += instance.resource(agent, job);
    }
  }
  EXPECT_NEAR(cost_sum / 4000, 30, 1.0);      // mean of U[10, 50]
  EXPECT_NEAR(resource_sum / 4000, 15, 0.5);  // mean of U[5, 25]
}

TEST(GapGenerator, TypeDCostsFallAsResourcesRise) {
  const GapInstance instance = generate_gap(GapType::D, 20, 400, 11);
  expect_tightness(instance);
  for (std::size_t agent = 0; agent < 20; ++agent) {
    for (std::size_t job = 0; job < 400; ++job) {
      const double resource = instance.resource(agent, job);
      EXPECT_GE(resource, 1);
      EXPECT_LE(resource, 100);
      EXPECT_GE(instance.cost(agent, job), 111 - resource - 10);
      EXPECT_LE(instance.cost(agent, job), 111 - resource + 10);
    }
  }
}

TEST(GapGenerator, TypeEHasExponentialResources) {
  const GapInstance instance = generate_gap(GapType::E, 10, 400, 13);
  expect_tightness(instance);
  double resource_sum = 0;
  for (std::size_t agent = 0; agent < 10; ++agent) {
    for (std::size_t job = 0; job < 400; ++job) {
      const double resource = instance.resource(agent, job);
      EXPECT_GE(resource, 1);
      EXPECT_LE(instance.cost(agent, job), 1000 / resource);
      EXPECT_GT(instance.cost(agent, job), 1000 / resource - 11);
      resource_sum += resource;
    }
  }
  // ⌊1 + Exp(mean 10)⌋ has mean 1 + 1/(e^0.1 − 1) ≈ 10.51.
  EXPECT_NEAR(resource_sum / 4000, 10.51, 0.6);
}

TEST(GapGenerator, SameSeedSameInstance) {
  const GapInstance first = generate_gap(GapType::D, 5, 100, 42);
  const GapInstance again = generate_gap(GapType::D, 5, 100, 42);
  const GapInstance other = generate_gap(GapType::D, 5, 100, 43);
  EXPECT_EQ(first.costs(), again.costs());
  EXPECT_EQ(first.resources(), again.resources());
  EXPECT_NE(first.costs(), other.costs());
  EXPECT_EQ(gap_type_from_string("e"), GapType::E);
  EXPECT_EQ(gap_type_from_string("F"), std::nullopt);
  EXPECT_THROW(generate_gap(GapType::C, 0, 10, 1), Error);
}

}  // namespace
}  // namespace guarantor::plan
