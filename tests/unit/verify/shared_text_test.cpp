// The reports' repeated text is held once per distinct value, in a pool owned by the run.
#include <filesystem>
#include <fstream>
#include <memory>

#include <gtest/gtest.h>

#include "guarantor/verify/pipeline.hpp"
#include "guarantor/verify/shared_text.hpp"
#include "verify_test_data.hpp"

namespace guarantor::verify {
namespace {

TEST(SharedText, EqualTextsShareOneCopyInTheScopesPool) {
  auto pool = std::make_shared<TextPool>();
  {
    const TextPool::Scope scope(pool);
    const SharedText a(std::string("Kharkiv oblast"));
    const SharedText b(std::string_view("Kharkiv oblast"));
    const SharedText c("Odesa");
    EXPECT_EQ(&a.str(), &b.str());
    EXPECT_EQ(a, b);
    EXPECT_NE(a, c);
    EXPECT_EQ(pool->size(), 2u);
    EXPECT_EQ(SharedText(""), SharedText());
    EXPECT_EQ(pool->size(), 2u);  // "" is not held
  }
  // Outside the scope, new text goes elsewhere: the run's pool is not touched by later work.
  const SharedText later("a text made after the run");
  EXPECT_EQ(later.str(), "a text made after the run");
  EXPECT_EQ(pool->size(), 2u);
}

TEST(SharedText, ScopesNestAndRestoreThePreviousPool) {
  auto outer = std::make_shared<TextPool>();
  auto inner = std::make_shared<TextPool>();
  const TextPool::Scope outer_scope(outer);
  {
    const TextPool::Scope inner_scope(inner);
    (void)SharedText("inner");
  }
  (void)SharedText("outer");
  EXPECT_EQ(inner->size(), 1u);
  EXPECT_EQ(outer->size(), 1u);
}

TEST(SharedText, ARunsTextIsFreedWithItsResult) {
  const auto dir = std::filesystem::temp_directory_path() / "verify_shared_text_test";
  std::filesystem::create_directories(dir);
  const auto file = dir / "reports.csv";
  std::ofstream(file, std::ios::binary)
      << "id,date,outlet,claimant,category,target_kind,place,lon,lat,description\n"
         "a,2025-03-20T10:00:00Z,Reuters,UA,strike,power_generation_transmission,Kharkiv,36.23,49.99,substation hit\n"
         "b,2025-03-20T10:30:00Z,BBC,UA,strike,power_generation_transmission,Kharkiv,36.24,49.99,substation hit\n";
  VerifyRequest request;
  request.report_files = {file};
  request.agreement = DATA / "agreements" / "default_agreement.json";
  std::weak_ptr<const TextPool> pool;
  {
    const VerifyResult result = run_verify(request);
    ASSERT_EQ(result.reports.size(), 2u);
    ASSERT_NE(result.text_pool, nullptr);
    pool = result.text_pool;
    // The format, the claimant and the place are held once for both reports, in the run's pool.
    EXPECT_EQ(&result.reports[0].place_name.str(), &result.reports[1].place_name.str());
    EXPECT_EQ(result.reports[0].place_name, "Kharkiv");
    EXPECT_GE(result.text_pool->size(), 3u);
  }
  EXPECT_TRUE(pool.expired()) << "the run's text outlived its result";
  std::filesystem::remove_all(dir);
}

}  // namespace
}  // namespace guarantor::verify
