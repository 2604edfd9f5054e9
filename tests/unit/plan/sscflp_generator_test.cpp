#include <gtest/gtest.h>

#include <cmath>
#include <filesystem>
#include <fstream>

#include "guarantor/core/error.hpp"
#include "guarantor/plan/sscflp_generator.hpp"
#include "sscflp_reader.hpp"

namespace guarantor::plan {
namespace {

TEST(SscflpGenerator, FollowsTheRecipeAndItsCapacityRatio) {
  const FacilityLocationInstance instance = generate_single_source_cflp(30, 200, 11, 2.0);
  ASSERT_EQ(instance.site_count(), 30u);
  ASSERT_EQ(instance.customer_count(), 200u);
  double demand = 0, capacity = 0, fixed = 0;
  for (std::size_t customer = 0; customer < 200; ++customer) {
    EXPECT_GE(instance.demand(customer), 10);
    EXPECT_LE(instance.demand(customer), 50);
    demand += instance.demand(customer);
    for (std::size_t site = 0; site < 30; ++site) {
      const double cost = instance.allocation_cost(customer, site);
      EXPECT_EQ(cost, std::round(cost));
      // Distance on the [10, 200] grid is at most 190√2; cost = distance × demand / 10.
      EXPECT_LE(cost, 190 * std::sqrt(2.0) * instance.demand(customer) / 10 + 0.5);
    }
  }
  for (std::size_t site = 0; site < 30; ++site) {
    EXPECT_GE(instance.fixed_cost(site), 300);
    EXPECT_LE(instance.fixed_cost(site), 700);
    EXPECT_GE(instance.capacity(site), 50);  // every customer fits every site
    capacity += instance.capacity(site), fixed += instance.fixed_cost(site);
  }
  // Rounding each of 30 capacities moves the ratio by at most 15 units of demand.
  EXPECT_NEAR(capacity / demand, 2.0, 15.0 / demand + 1e-9);
  EXPECT_NEAR(demand / 200, 30, 3);  // mean of U[10, 50]
  EXPECT_NEAR(fixed / 30, 500, 60);  // mean of U[300, 700]
}

TEST(SscflpGenerator, SameSeedSameInstanceOtherSeedOther) {
  const FacilityLocationInstance first = generate_single_source_cflp(5, 20, 3);
  const FacilityLocationInstance second = generate_single_source_cflp(5, 20, 3);
  const FacilityLocationInstance other = generate_single_source_cflp(5, 20, 4);
  bool differs = false;
  for (std::size_t customer = 0; customer < 20; ++customer) {
    EXPECT_EQ(first.demand(customer), second.demand(customer));
    for (std::size_t site = 0; site < 5; ++site) {
      EXPECT_EQ(first.allocation_cost(customer, site), second.allocation_cost(customer, site));
      differs = differs || first.allocation_cost(customer, site) != other.allocation_cost(customer, site);
    }
  }
  EXPECT_TRUE(differs);
}

TEST(SscflpGenerator, RejectsEmptySizesAndTooLittleCapacity) {
  EXPECT_THROW(generate_single_source_cflp(0, 10, 1), Error);
  EXPECT_THROW(generate_single_source_cflp(3, 0, 1), Error);
  try {
    generate_single_source_cflp(3, 10, 1, 0.5);
    FAIL() << "a capacity ratio below 1 was accepted";
  } catch (const Error& error) {
    EXPECT_EQ(error.code(), ErrorCode::Schema);
    EXPECT_NE(std::string(error.what()).find("expected a finite number >= 1"), std::string::npos);
  }
}

std::filesystem::path write_file(const std::string& name, const std::string& text) {
  const auto path = std::filesystem::temp_directory_path() / name;
  std::ofstream(path) << text;
  return path;
}

// Two facilities, three customers, facility-major costs and a stated optimum.
TEST(SscflpReader, ReadsTheHolmbergLayoutFacilityMajor) {
  const auto path = write_file("guarantor_sscflp_reader_ok.txt",
                               "2 3\n100 500\n80 400\n10 20 30\n1 2 3\n4 5 6\n77\n");
  const orlib::SingleSourceFile file = orlib::read_sscflp_holmberg(path.string());
  ASSERT_EQ(file.instance.site_count(), 2u);
  ASSERT_EQ(file.instance.customer_count(), 3u);
  EXPECT_EQ(file.instance.capacity(1), 80);
  EXPECT_EQ(file.instance.fixed_cost(0), 500);
  EXPECT_EQ(file.instance.demand(2), 30);
  EXPECT_EQ(file.instance.allocation_cost(2, 0), 3);  // facility 1's third cost
  EXPECT_EQ(file.instance.allocation_cost(0, 1), 4);  // facility 2's first cost
  ASSERT_TRUE(file.stated_optimum.has_value());
  EXPECT_EQ(*file.stated_optimum, 77);
  std::filesystem::remove(path);
}

TEST(SscflpReader, NamesTheLineOfABadNumber) {
  const auto path = write_file("guarantor_sscflp_reader_bad.txt", "2 3\n100 500\n80 400\n10 x 30\n");
  try {
    orlib::read_sscflp_holmberg(path.string());
    FAIL() << "a non-numeric demand was accepted";
  } catch (const Error& error) {
    EXPECT_EQ(error.code(), ErrorCode::Syntax);
    const std::string message = error.what();
    EXPECT_NE(message.find("guarantor_sscflp_reader_bad.txt:4"), std::string::npos) << message;
    EXPECT_NE(message.find("customer demand"), std::string::npos) << message;
  }
  std::filesystem::remove(path);
}

}  // namespace
}  // namespace guarantor::plan
