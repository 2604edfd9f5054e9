// Site negotiation in the workspace: only legal status moves, assessments and comments with
// their history, the status carried through export, and the planner never using a rejected site.
#include <gtest/gtest.h>

#include <algorithm>

#include "guarantor/io/scenario_loader.hpp"
#include "guarantor/planner/check.hpp"
#include "guarantor/planner/planner.hpp"
#include "guarantor/store/workspace.hpp"
#include "imported_workspace.hpp"

namespace guarantor::store {
namespace {

using model::SiteNegotiation;
constexpr const char* SITE = "hub.lviv";

class SiteNegotiationTest : public testing::ImportedWorkspace {};

TEST(SiteTransitions, FollowTheNegotiationOrder) {
  using model::legal_site_transition;
  EXPECT_TRUE(legal_site_transition(SiteNegotiation::Proposed, SiteNegotiation::Surveyed));
  EXPECT_TRUE(legal_site_transition(SiteNegotiation::Surveyed, SiteNegotiation::Offered));
  EXPECT_TRUE(legal_site_transition(SiteNegotiation::Offered, SiteNegotiation::Agreed));
  EXPECT_TRUE(legal_site_transition(SiteNegotiation::Proposed, SiteNegotiation::Rejected));
  EXPECT_TRUE(legal_site_transition(SiteNegotiation::Offered, SiteNegotiation::Rejected));
  EXPECT_FALSE(legal_site_transition(SiteNegotiation::Proposed, SiteNegotiation::Agreed));
  EXPECT_FALSE(legal_site_transition(SiteNegotiation::Offered, SiteNegotiation::Surveyed));
  EXPECT_FALSE(legal_site_transition(SiteNegotiation::Agreed, SiteNegotiation::Rejected));
  EXPECT_FALSE(legal_site_transition(SiteNegotiation::Rejected, SiteNegotiation::Proposed));
}

TEST(SitePosture, RejectedIsNeverAdmittedAndTheDefaultAdmitsTheRest) {
  model::Mandate mandate;
  mandate.site_negotiation = {{"a", SiteNegotiation::Rejected}, {"b", SiteNegotiation::Offered}};
  EXPECT_FALSE(mandate.admits_site("a"));
  EXPECT_TRUE(mandate.admits_site("b"));
  EXPECT_TRUE(mandate.admits_site("never-negotiated"));
  mandate.posture.admitted_site_statuses = {SiteNegotiation::Agreed};
  EXPECT_FALSE(mandate.admits_site("b"));
  EXPECT_FALSE(mandate.admits_site("never-negotiated"));
  mandate.site_negotiation["b"] = SiteNegotiation::Agreed;
  EXPECT_TRUE(mandate.admits_site("b"));
}

TEST_P(SiteNegotiationTest, LegalMovesAreRecordedAndIllegalOnesChangeNothing) {
  EXPECT_EQ(workspace_->site_negotiation(SITE).version, 0);
  auto record = workspace_->set_site_status(SITE, SiteNegotiation::Surveyed, "PL", "survey done", 0, "host");
  EXPECT_EQ(record.version, 1);
  EXPECT_EQ(record.lead_nation, "PL");
  const auto history_before = workspace_->history().size();
  try {
    workspace_->set_site_status(SITE, SiteNegotiation::Agreed, "PL", "", 1, "host");
    FAIL() << "surveyed -> agreed was accepted";
  } catch (const Error& error) {
    EXPECT_EQ(error.code(), ErrorCode::Consistency);
    EXPECT_EQ(error.where(), "request body /status");
    EXPECT_NE(std::string(error.what()).find("surveyed"), std::string::npos);
  }
  EXPECT_THROW(workspace_->set_site_status(SITE, SiteNegotiation::Offered, "XX", "", 1, "host"), Error);
  EXPECT_THROW(workspace_->set_site_status(SITE, SiteNegotiation::Offered, "PL", "", 0, "host"), VersionConflict);
  EXPECT_EQ(workspace_->history().size(), history_before);
  EXPECT_EQ(workspace_->site_negotiation(SITE).status, SiteNegotiation::Surveyed);

  InfrastructureAssessment assessment;
  assessment.runway_m = 2500;
  assessment.rail_gauge_mm = 1520;
  assessment.medical = "role2";
  record = workspace_->set_site_assessment(SITE, assessment, 1, "planner");
  EXPECT_EQ(record.version, 2);
  EXPECT_EQ(record.status, SiteNegotiation::Surveyed) << "an assessment does not move the negotiation";
  workspace_->add_site_comment(SITE, "housing needs winterising", "liaison.pl");
  ASSERT_EQ(workspace_->site_comments(SITE).size(), 2u) << "the status comment and the comment";
  EXPECT_EQ(workspace_->site_comments(SITE)[1].author, "liaison.pl");

  const auto entries = workspace_->history("site", SITE);
  ASSERT_EQ(entries.size(), 2u);
  EXPECT_EQ(entries[0].before.at("status"), "proposed");
  EXPECT_EQ(entries[0].after.at("status"), "surveyed");
  EXPECT_EQ(entries[0].after.at("comment"), "survey done");
  EXPECT_EQ(entries[1].after.at("assessment").at("runway_m"), 2500);
  EXPECT_EQ(workspace_->verify_history(), static_cast<std::int64_t>(workspace_->history().size()));
}

TEST(SiteAssessment, DecodingNamesEveryBadField) {
  const nlohmann::json body = {{"runway_m", -3}, {"rail_gauge_mm", 1000}, {"medical", "role9"}, {"colour", "red"}};
  try {
    decode_assessment(body, "request body ");
    FAIL() << "a bad assessment was accepted";
  } catch (const Error& error) {
    std::vector<std::string> where;
    for (const auto& d : error.diagnostics()) where.push_back(d.where);
    std::sort(where.begin(), where.end());
    EXPECT_EQ(where, (std::vector<std::string>{"request body /colour", "request body /medical", "request body /rail_gauge_mm",
                                               "request body /runway_m"}));
  }
  EXPECT_EQ(encode_assessment(decode_assessment({{"power_mw", 12.5}, {"rail_siding", true}}, "b")),
            (nlohmann::json{{"power_mw", 12.5}, {"rail_siding", true}}));
}

TEST_P(SiteNegotiationTest, StatusSurvivesExportAndReimport) {
  workspace_->set_site_status(SITE, SiteNegotiation::Rejected, "", "", 0, "host");
  workspace_->export_scenario(db_->scratch() / "export");
  const testing::TestDatabase other(GetParam());
  Workspace copy(other.location(), testing::fixed_clock);
  copy.import_scenario(db_->scratch() / "export" / "scenario.json", testing::default_load_options(), "import");
  EXPECT_EQ(copy.site_negotiation(SITE).status, SiteNegotiation::Rejected);
  EXPECT_EQ(copy.mandate().site_negotiation.at(SITE), SiteNegotiation::Rejected);
}

// The planner's avoidance of a rejected site is tested over HTTP (tests/http/job_api_test.cpp);
// here the independent checker flags a plan made before the site was rejected.
TEST_P(SiteNegotiationTest, TheCheckerFlagsAPlanThatUsesARejectedSite) {
  const auto params = planner::load_parameters(std::string(GUARANTOR_TEST_DATA_DIR) + "/planning");
  const auto plan = planner::make_plan(workspace_->load(testing::default_load_options()), params);
  ASSERT_FALSE(plan.hubs.empty());
  const std::string used = plan.hubs.front().site_id;
  EXPECT_TRUE(planner::check_plan(plan, workspace_->load(testing::default_load_options())).empty());
  workspace_->set_site_status(used, SiteNegotiation::Rejected, "", "refused by the host nation", 0, "host");
  const auto violations = planner::check_plan(plan, workspace_->load(testing::default_load_options()));
  EXPECT_TRUE(std::any_of(violations.begin(), violations.end(), [&](const auto& v) {
    return v.subject == used && v.message.find("negotiation status rejected") != std::string::npos;
  })) << violations.size() << " violations";
}

INSTANTIATE_TEST_SUITE_P(Backends, SiteNegotiationTest, testing::all_backends(), testing::backend_param_name);

}  // namespace
}  // namespace guarantor::store
