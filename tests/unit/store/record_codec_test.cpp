// Single-record decoding: the scenario file readers' checks, located by JSON pointer, with
// unknown members refused, and encode/decode as inverses.
#include <gtest/gtest.h>

#include "guarantor/core/error.hpp"
#include "guarantor/io/record_codec.hpp"
#include "guarantor/io/scenario_loader.hpp"
#include "temp_workspace.hpp"

namespace guarantor::io {
namespace {

nlohmann::json valid_pledge() {
  return {{"id", "GB-9"},      {"nation", "GB"},         {"capability", "LAND.QRF_BATTALION"},
          {"quantity", 2},     {"readiness_days", 30},   {"status", "offered"},
          {"illustrative", true}, {"valid_until", ""},   {"source", "test"},
          {"caveats", {{{"kind", "where"}, {"values", {"ukraine"}}, {"source", "test"}}}}};
}

std::vector<std::string> wheres(const Error& error) {
  std::vector<std::string> out;
  for (const auto& d : error.diagnostics()) out.push_back(d.where);
  return out;
}

TEST(RecordCodec, EveryDefaultRecordSurvivesEncodeDecode) {
  const auto scenario = load_scenario(testing::default_manifest(), LoadOptions{GUARANTOR_TEST_ASSET_DIR});
  for (const auto& pledge : scenario.coalition.pledges)
    EXPECT_EQ(encode_pledge(decode_pledge(encode_pledge(pledge), "t")), encode_pledge(pledge)) << pledge.id;
  for (const auto& nation : scenario.coalition.nations)
    EXPECT_EQ(encode_nation(decode_nation(encode_nation(nation), "t")), encode_nation(nation)) << nation.iso2;
  for (const auto& line : scenario.mandate.requirements)
    EXPECT_EQ(encode_requirement_line(decode_requirement_line(encode_requirement_line(line), "t")),
              encode_requirement_line(line))
        << line.id;
}

TEST(RecordCodec, EveryBadFieldIsReportedWithItsPointer) {
  auto body = valid_pledge();
  body["quantity"] = -2;
  body["status"] = "promised";
  body["quantityy"] = 3;
  body["caveats"][0]["values"] = {"mars"};
  body["caveats"][0]["note"] = "x";
  try {
    decode_pledge(body, "request body");
    FAIL() << "a bad pledge decoded";
  } catch (const Error& error) {
    const auto found = wheres(error);
    for (const auto* expected : {"request body /quantity", "request body /status", "request body /quantityy",
                                 "request body /caveats/0/values/0", "request body /caveats/0/note"})
      EXPECT_NE(std::find(found.begin(), found.end(), expected), found.end()) << expected << " not reported";
  }
}

TEST(RecordCodec, WrongTypesAndNonObjectsAreLocated) {
  auto body = valid_pledge();
  body["readiness_days"] = "soon";
  try {
    decode_pledge(body, "request body");
    FAIL();
  } catch (const Error& error) {
    EXPECT_EQ(error.code(), ErrorCode::Schema);
    EXPECT_EQ(error.where(), "request body /readiness_days");
  }
  EXPECT_THROW(decode_pledge(nlohmann::json::array(), "request body"), Error);
  EXPECT_THROW(decode_requirement_line("text", "request body"), Error);
}

TEST(RecordCodec, MalformedTextGivesLineAndColumn) {
  try {
    parse_json_document("{\n  \"id\": \"GB-9\",\n  \"quantity\": ,\n}", "request body");
    FAIL();
  } catch (const Error& error) {
    EXPECT_EQ(error.code(), ErrorCode::Syntax);
    EXPECT_EQ(error.where().rfind("request body:3:", 0), 0u) << error.where();
  }
}

}  // namespace
}  // namespace guarantor::io
