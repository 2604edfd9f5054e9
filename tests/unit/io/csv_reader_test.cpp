#include <sstream>

#include <gtest/gtest.h>

#include "guarantor/core/error.hpp"
#include "guarantor/io/csv_reader.hpp"

namespace guarantor::io {
namespace {

std::vector<CsvRecord> read_all(const std::string& text) {
  std::istringstream input(text);
  CsvReader reader(input, "t.csv");
  std::vector<CsvRecord> records;
  while (auto record = reader.next()) records.push_back(*record);
  return records;
}

TEST(CsvReader, ReadsQuotedFieldsEscapedQuotesAndEmbeddedNewlines) {
  const auto records = read_all("a,b,c\r\n1,\"x, y\",\"he said \"\"no\"\"\"\n2,\"multi\nline\",\n\n3,,last\n");
  ASSERT_EQ(records.size(), 4u);
  EXPECT_EQ(records[1].fields[1], "x, y");
  EXPECT_EQ(records[1].fields[2], "he said \"no\"");
  EXPECT_EQ(records[2].line, 3u);
  EXPECT_EQ(records[2].fields[1], "multi\nline");
  EXPECT_EQ(records[2].fields[2], "");
  EXPECT_EQ(records[3].line, 6u) << "line numbers count physical lines, blank ones included";
  EXPECT_EQ(records[3].fields.size(), 3u);
}

TEST(CsvReader, UnterminatedQuoteNamesTheStartingLine) {
  try {
    read_all("a,b\n1,\"never closed\n2,3\n");
    FAIL();
  } catch (const Error& error) {
    EXPECT_EQ(error.code(), ErrorCode::Syntax);
    EXPECT_EQ(error.where(), "t.csv:2");
    EXPECT_NE(std::string(error.what()).find("never closed"), std::string::npos);
  }
}

TEST(CsvReader, StrayQuoteAndTextAfterQuoteAreErrors) {
  EXPECT_THROW(read_all("a,b\n1,ab\"c\n"), Error);
  try {
    read_all("a,b\n1,\"ab\"c\n");
    FAIL();
  } catch (const Error& error) {
    EXPECT_EQ(error.where(), "t.csv:2");
    EXPECT_NE(std::string(error.what()).find("text after the closing quote of field 2"), std::string::npos);
  }
}

TEST(CsvHeader, ReportsEveryMissingColumnAndStripsByteOrderMark) {
  const auto records = read_all("\xEF\xBB\xBFid,date\n");
  const CsvHeader header(records.front());
  EXPECT_EQ(header.find("id"), 0u);
  try {
    header.require({"id", "latitude", "longitude"}, "events.csv");
    FAIL();
  } catch (const Error& error) {
    EXPECT_EQ(error.code(), ErrorCode::Schema);
    EXPECT_EQ(error.where(), "events.csv:1");
    EXPECT_NE(std::string(error.what()).find("latitude, longitude"), std::string::npos);
  }
}

}  // namespace
}  // namespace guarantor::io
