#pragma once
// The starting point of the store tests that work on the default coalition: a fresh database on
// one back end (test_database.hpp, so the target also needs tests/unit/store on its include
// path), opened at the fixed clock, with the default scenario imported by "import".
#include <gtest/gtest.h>

#include <memory>

#include "guarantor/store/workspace.hpp"
#include "test_database.hpp"

namespace guarantor::testing {

/// Runs on both back ends (TEST_P, instantiated with all_backends()); a PostgreSQL case without
/// a database is skipped or failed as GUARANTOR_REQUIRE_BACKEND says.
class ImportedWorkspace : public ::testing::TestWithParam<Backend> {
protected:
  void SetUp() override {
    GUARANTOR_REQUIRE_BACKEND(GetParam());
    db_ = std::make_unique<TestDatabase>(GetParam());
    workspace_ = std::make_unique<store::Workspace>(db_->location(), fixed_clock);
    workspace_->import_scenario(default_scenario(), "import");
  }

  std::unique_ptr<TestDatabase> db_;
  std::unique_ptr<store::Workspace> workspace_;
};

}  // namespace guarantor::testing
