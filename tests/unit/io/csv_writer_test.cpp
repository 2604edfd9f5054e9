#include <sstream>

#include <gtest/gtest.h>

#include "guarantor/io/csv_reader.hpp"
#include "guarantor/io/csv_writer.hpp"

namespace guarantor::io {
namespace {

TEST(CsvWriter, FormulaPrefixesAreShownAsText) {
  EXPECT_EQ(csv_text_field("=HYPERLINK(\"http://x\")"), "\"'=HYPERLINK(\"\"http://x\"\")\"");
  EXPECT_EQ(csv_text_field("+1"), "\"'+1\"");
  EXPECT_EQ(csv_text_field("-2+3"), "\"'-2+3\"");
  EXPECT_EQ(csv_text_field("@SUM(A1)"), "\"'@SUM(A1)\"");
  EXPECT_EQ(csv_text_field("\t=1"), "\"'\t=1\"");
  EXPECT_EQ(csv_text_field("\r=1"), "\"'\r=1\"");
}

TEST(CsvWriter, PlainTextIsUnchangedAndQuotingRoundTrips) {
  EXPECT_EQ(csv_text_field("Kharkiv"), "Kharkiv");
  EXPECT_EQ(csv_text_field(""), "");
  EXPECT_EQ(csv_text_field("a = b"), "a = b");
  const std::string hostile = "=cmd|' /C calc'!A0, \"quoted\"\nnext";
  std::istringstream in(csv_text_field(hostile) + ",x\n");
  CsvReader reader(in, "t.csv");
  const auto record = reader.next();
  ASSERT_TRUE(record);
  ASSERT_EQ(record->fields.size(), 2u);
  EXPECT_EQ(record->fields[0], "'" + hostile) << "one cell, the text kept after the neutralising quote";
}

}  // namespace
}  // namespace guarantor::io
