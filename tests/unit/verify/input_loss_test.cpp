// Input loss is refused or counted: no row, record or time is dropped or bent silently.
#include <cmath>
#include <filesystem>
#include <fstream>
#include <limits>
#include <map>

#include <gtest/gtest.h>

#include "guarantor/core/date.hpp"
#include "guarantor/core/error.hpp"
#include "guarantor/verify/input_checks.hpp"
#include "guarantor/verify/pipeline.hpp"
#include "verify_test_data.hpp"

namespace guarantor::verify {
namespace {

constexpr std::string_view HEADER =
    "id,date,outlet,claimant,claimed_actor,category,target_kind,weapon_class,place,admin1,lon,lat,"
    "location_uncertainty_m,fatalities,description\n";

std::filesystem::path write_feed(const std::string& name, const std::string& content) {
  const auto dir = std::filesystem::temp_directory_path() / "verify_input_loss_test";
  std::filesystem::create_directories(dir);
  std::ofstream(dir / name, std::ios::binary) << content;
  return dir / name;
}

std::string row(const std::string& id, const std::string& date, const std::string& text = "strike on a substation") {
  return id + "," + date + ",Reuters,,RU,strike,power_generation_transmission,drone,Kharkiv,,36.23,49.99,,0," + text + "\n";
}

UnixSeconds utc_of(std::string_view text) { return parse_timestamp(text).value().time_s; }

VerifyResult run(const std::filesystem::path& file, const std::string& zone = "Europe/Kyiv") {
  VerifyRequest request;
  request.report_files = {file};
  request.agreement = DATA / "agreements" / "default_agreement.json";
  request.time_zone = zone;
  return run_verify(request);
}

TEST(InputLoss, AnUnterminatedQuoteIsALocatedErrorNotSilentlyLostRows) {
  const auto file = write_feed("unterminated.csv", std::string(HEADER) + row("a", "2025-03-20") +
                                                       row("b", "2025-03-20", "\"opened, never closed") +
                                                       row("c", "2025-03-21") + row("d", "2025-03-22"));
  try {
    (void)read_report_file(file);
    FAIL() << "rows c and d would have been swallowed";
  } catch (const Error& error) {
    EXPECT_EQ(error.code(), ErrorCode::Syntax);
    EXPECT_EQ(error.where(), file.string() + ":3");
    EXPECT_NE(std::string(error.what()).find("never closed"), std::string::npos);
  }
}

TEST(InputLoss, AByteOrderMarkDoesNotDefeatFormatDetection) {
  const auto file = write_feed("bom.csv", "\xEF\xBB\xBF" + std::string(HEADER) + row("a", "2025-03-20"));
  ASSERT_EQ(detect_report_format(file), ReportFormat::GuarantorCsv);
  const AdapterResult read = read_report_file(file);
  EXPECT_EQ(read.reports.size(), 1u);
  EXPECT_TRUE(read.rejected.empty());
}

TEST(InputLoss, DuplicateRecordIdsAreCountedRejections) {
  const auto file = write_feed(
      "duplicates.csv", std::string(HEADER) + row("a", "2025-03-20") + row("a", "2025-03-21") + row("b", "2025-03-21"));
  const VerifyResult result = run(file);
  EXPECT_EQ(result.reports.size(), 2u);
  ASSERT_EQ(result.rejected.size(), 1u);
  EXPECT_EQ(result.rejected[0].where, file.string() + ":3");
  EXPECT_NE(result.rejected[0].reason.find("duplicate record id guarantor_csv:a: first read at " + file.string() + ":2"),
            std::string::npos)
      << result.rejected[0].reason;
}

TEST(InputLoss, LocalTimesAreReadInTheReportingZoneNotAsUtc) {
  const auto file = write_feed(
      "local.csv", std::string(HEADER) + row("winter", "2025-03-20T02:10:00") + row("summer", "2025-07-01 12:00") +
                       row("offset", "2025-03-20T02:10:00+03:00") + row("utc", "2025-03-20T02:10:00Z"));
  const VerifyResult result = run(file);
  ASSERT_EQ(result.reports.size(), 4u);
  EXPECT_EQ(result.local_times, 2u);
  std::map<std::string, UnixSeconds> time_of;
  for (const Report& report : result.reports) time_of[report.id] = report.time_s;
  const UnixSeconds utc = utc_of("2025-03-20T02:10:00Z");
  EXPECT_EQ(time_of["guarantor_csv:utc"], utc);
  EXPECT_EQ(time_of["guarantor_csv:winter"], utc - 2 * 3600) << "Kyiv is UTC+2 in March before summer time";
  EXPECT_EQ(time_of["guarantor_csv:offset"], utc - 3 * 3600);
  EXPECT_EQ(time_of["guarantor_csv:summer"], utc_of("2025-07-01T09:00:00Z"))
      << "UTC+3 in summer";
}

TEST(InputLoss, LocalTimesAroundSummerTimeChangesFollowTheDocumentedRuleWhateverTheProcessZone) {
  // Kyiv: 03:30 on 30 March 2025 is skipped (read with the winter offset), 03:30 on 26 October
  // 2025 happens twice (the earlier, summer-time instant is taken). The process's own TZ plays
  // no part.
  const auto file =
      write_feed("local_dst.csv", std::string(HEADER) + row("spring", "2025-03-30T03:30:00") +
                                      row("autumn", "2025-10-26T03:30:00") + row("after", "2025-10-26T04:30:00"));
  ::setenv("TZ", "America/New_York", 1);
  const VerifyResult result = run(file);
  ::unsetenv("TZ");
  std::map<std::string, UnixSeconds> time_of;
  for (const Report& report : result.reports) time_of[report.id] = report.time_s;
  EXPECT_EQ(time_of["guarantor_csv:spring"], utc_of("2025-03-30T01:30:00Z"));
  EXPECT_EQ(time_of["guarantor_csv:autumn"], utc_of("2025-10-26T00:30:00Z"));
  EXPECT_EQ(time_of["guarantor_csv:after"], utc_of("2025-10-26T02:30:00Z"));
}

TEST(InputLoss, LocalTimesAreRejectedWhenAskedAndAnUnknownZoneIsRefused) {
  const auto file = write_feed(
      "local_reject.csv", std::string(HEADER) + row("local", "2025-03-20T02:10") + row("utc", "2025-03-20T02:10Z"));
  const VerifyResult result = run(file, "reject");
  EXPECT_EQ(result.reports.size(), 1u);
  ASSERT_EQ(result.rejected.size(), 1u);
  EXPECT_NE(result.rejected[0].reason.find("has no zone"), std::string::npos);
  try {
    (void)run(file, "Europe/Atlantis");
    ADD_FAILURE() << "an unknown zone was accepted";
  } catch (const Error& error) {
    EXPECT_EQ(error.code(), ErrorCode::Usage);
    EXPECT_EQ(error.where(), "--timezone");
    EXPECT_NE(error.diagnostics().front().message.find("unknown time zone \"Europe/Atlantis\""), std::string::npos);
  }
}

TEST(InputLoss, NanNegativeAndOutOfRangeParametersAreRefused) {
  const auto refused = [](auto change) {
    VerifyParams params;
    change(params);
    try {
      check_verify_params(params);
    } catch (const Error& error) {
      return error.code() == ErrorCode::Usage ? error.where() : std::string("wrong code");
    }
    return std::string();
  };
  EXPECT_EQ(refused([](VerifyParams&) {}), "");
  EXPECT_EQ(refused([](VerifyParams& p) { p.judge.max_credibility_for_violation = 0; }), "--violation-credibility");
  EXPECT_EQ(refused([](VerifyParams& p) { p.judge.max_credibility_for_violation = 7; }), "--violation-credibility");
  EXPECT_EQ(refused([](VerifyParams& p) { p.cluster.max_distance_m = std::nan(""); }), "--max-distance-m");
  EXPECT_EQ(refused([](VerifyParams& p) { p.cluster.max_distance_m = -5; }), "--max-distance-m");
  EXPECT_EQ(refused([](VerifyParams& p) { p.cluster.max_gate_m = std::numeric_limits<double>::infinity(); }),
            "--max-gate-m");
  EXPECT_EQ(refused([](VerifyParams& p) { p.cluster.time_window_s = -1; }), "--time-window-s");
}

}  // namespace
}  // namespace guarantor::verify
