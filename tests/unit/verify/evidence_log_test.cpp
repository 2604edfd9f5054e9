#include <gtest/gtest.h>

#include <sstream>
#include <string>
#include <vector>

#include "guarantor/core/sha256.hpp"
#include "guarantor/verify/audit.hpp"
#include "guarantor/verify/evidence_log.hpp"

namespace guarantor::verify {
namespace {

// A small well-formed log: run_start, five reports, run_end.
std::vector<std::string> make_log_lines() {
  std::ostringstream out;
  EvidenceLog log(out);
  log.append(log_kind::RUN_START, {{"parameters", {{"max_distance_m", 5000}}}});
  for (int report = 0; report < 5; ++report)
    log.append(log_kind::REPORT, {{"id", "r" + std::to_string(report)}, {"lon", 30.5 + report * 0.1}});
  log.append(log_kind::RUN_END, {{"entries", 6}});
  log.flush();
  std::vector<std::string> lines;
  std::istringstream in(out.str());
  for (std::string line; std::getline(in, line);) lines.push_back(line);
  return lines;
}

AuditResult audit_lines(const std::vector<std::string>& lines) {
  std::string text;
  for (const auto& line : lines) text += line + "\n";
  std::istringstream in(text);
  return audit_log(in, "evidence.jsonl");
}

TEST(EvidenceLog, IntactLogPasses) {
  const auto lines = make_log_lines();
  const AuditResult result = audit_lines(lines);
  EXPECT_TRUE(result.ok()) << result.problems.front().message;
  EXPECT_EQ(result.entries, 7u);
  EXPECT_EQ(result.head_hash.size(), 64u);
}

TEST(EvidenceLog, AlteringAnyEntryIsLocated) {
  const auto original = make_log_lines();
  for (std::size_t index = 0; index < original.size(); ++index) {
    auto lines = original;
    // Change one character of the body: "r" ids and numbers are in every entry's body.
    const auto pos = lines[index].find("\"body\":{") + 9;
    lines[index][pos] = lines[index][pos] == 'x' ? 'y' : 'x';
    const AuditResult result = audit_lines(lines);
    ASSERT_FALSE(result.ok()) << "entry " << index;
    EXPECT_EQ(result.problems.front().line, index + 1);
    EXPECT_TRUE(result.problems.front().kind == TamperKind::Altered ||
                result.problems.front().kind == TamperKind::Malformed)
        << result.problems.front().message;
  }
}

TEST(EvidenceLog, AlteredAndRehashedEntryIsLocatedThroughTheChain) {
  auto lines = make_log_lines();
  // Rebuild entry 2 with a new body and a correct own hash, as a forger would.
  std::istringstream in(lines[2] + "\n");
  const LogEntry entry = read_log(in, "x").front();
  std::ostringstream forged_out;
  EvidenceLog forger(forged_out);
  (void)forger;
  nlohmann::json body = entry.body;
  body["lon"] = 99.0;
  const std::string text = canonical_entry_text(entry.seq, entry.kind, body, entry.prev);
  nlohmann::json forged = nlohmann::json::parse(text);
  forged["hash"] = guarantor::sha256_hex(text);
  lines[2] = forged.dump();
  const AuditResult result = audit_lines(lines);
  ASSERT_FALSE(result.ok());
  EXPECT_EQ(result.problems.front().kind, TamperKind::Altered);
  EXPECT_EQ(result.problems.front().line, 3u) << result.problems.front().message;
}

TEST(EvidenceLog, DeletingAnyEntryIsLocated) {
  const auto original = make_log_lines();
  for (std::size_t index = 0; index < original.size(); ++index) {
    auto lines = original;
    lines.erase(lines.begin() + static_cast<std::ptrdiff_t>(index));
    const AuditResult result = audit_lines(lines);
    ASSERT_FALSE(result.ok()) << "entry " << index;
    const AuditProblem& first = result.problems.front();
    if (index + 1 == original.size()) {
      EXPECT_EQ(first.kind, TamperKind::Truncated) << first.message;
    } else {
      EXPECT_EQ(first.kind, TamperKind::Removed) << first.message;
      EXPECT_EQ(first.seq, index) << first.message;
      EXPECT_EQ(first.line, index + 1) << first.message;
    }
  }
}

TEST(EvidenceLog, ReorderingAnyAdjacentPairIsLocated) {
  const auto original = make_log_lines();
  for (std::size_t index = 0; index + 1 < original.size(); ++index) {
    auto lines = original;
    std::swap(lines[index], lines[index + 1]);
    const AuditResult result = audit_lines(lines);
    ASSERT_FALSE(result.ok()) << "pair " << index;
    EXPECT_EQ(result.problems.front().kind, TamperKind::Reordered) << result.problems.front().message;
    EXPECT_EQ(result.problems.front().line, index + 1) << result.problems.front().message;
  }
}

TEST(EvidenceLog, PublishedHeadDetectsFullRewrite) {
  const auto lines = make_log_lines();
  std::string text;
  for (const auto& line : lines) text += line + "\n";
  std::istringstream in(text);
  const AuditResult result = audit_log(in, "evidence.jsonl", std::string(64, 'a'));
  ASSERT_FALSE(result.ok());
  EXPECT_EQ(result.problems.front().kind, TamperKind::HeadMismatch);
}

TEST(EvidenceLog, GarbageLineIsMalformed) {
  auto lines = make_log_lines();
  lines[3] = "{not json";
  const AuditResult result = audit_lines(lines);
  ASSERT_FALSE(result.ok());
  EXPECT_EQ(result.problems.front().kind, TamperKind::Malformed);
  EXPECT_EQ(result.problems.front().line, 4u);
  EXPECT_NE(result.problems.front().message.find("evidence.jsonl:4"), std::string::npos);
}

// A sequence number beyond 64 bits (or below zero) is refused as malformed, not converted: the
// conversion of such a number to an integer is undefined behaviour.
TEST(EvidenceLog, SequenceNumberOutOfRangeIsMalformed) {
  for (const char* seq : {"999999999999999999999999", "-1", "1.5"}) {
    auto lines = make_log_lines();
    lines[2] = std::string(R"({"seq":)") + seq + R"(,"kind":"report","body":{},"prev":"","hash":""})";
    const AuditResult result = audit_lines(lines);
    ASSERT_FALSE(result.ok()) << seq;
    EXPECT_EQ(result.problems.front().kind, TamperKind::Malformed) << seq;
    EXPECT_EQ(result.problems.front().line, 3u) << seq;
    EXPECT_NE(result.problems.front().message.find("seq is not a non-negative integer"), std::string::npos)
        << result.problems.front().message;
  }
}

}  // namespace
}  // namespace guarantor::verify
