// The strict number reader: the whole field, a plain decimal, finite and in range.
#include <gtest/gtest.h>

#include "guarantor/io/strict_number.hpp"

namespace guarantor::io {
namespace {

std::optional<double> strict(std::string_view text, const NumberRange& range) {
  std::string problem;
  const auto value = read_strict_number(text, range, problem);
  EXPECT_EQ(value.has_value(), problem.empty()) << text << ": " << problem;
  return value;
}

TEST(StrictNumber, AcceptsPlainDecimalsInRange) {
  constexpr NumberRange metres{0, HALF_EARTH_CIRCUMFERENCE_M};
  EXPECT_EQ(strict("2000", metres), 2000.0);
  EXPECT_EQ(strict(" 12.5 ", metres), 12.5);
  EXPECT_EQ(strict("1.5e3", metres), 1500.0);
  EXPECT_EQ(strict(".5", metres), 0.5);
  EXPECT_EQ(strict("0", metres), 0.0);
  EXPECT_EQ(strict("20037508", metres), 20037508.0);
  EXPECT_EQ(strict("-33.25", NumberRange{-90, 90}), -33.25);
  EXPECT_EQ(strict("+3", NumberRange{1, 6, true}), 3.0);
}

TEST(StrictNumber, RefusesJunkNonFiniteAndOutOfRange) {
  constexpr NumberRange metres{0, HALF_EARTH_CIRCUMFERENCE_M};
  for (const char* bad : {"",    " ",  "nan", "NaN", "inf", "-inf", "infinity", "0x10", "12abc",  "12 m",     "1_000",
                          "1,5", "1e", "e5",  ".",   "-",   "--1",  "1e400",    "-1",   "-0.001", "20037509", "1e8"})
    EXPECT_FALSE(strict(bad, metres).has_value()) << bad;
  constexpr NumberRange credibility{1, 6, true};
  for (const char* bad : {"0", "7", "3.0", "3e0", "010x", "0x3"})
    EXPECT_FALSE(strict(bad, credibility).has_value()) << bad;
  EXPECT_EQ(strict("010", credibility), std::nullopt) << "not octal 8: out of range as decimal 10";
  constexpr NumberRange positive{0, 100, false, true};
  EXPECT_FALSE(strict("0", positive).has_value());
  EXPECT_EQ(strict("0.1", positive), 0.1);
}

TEST(StrictNumber, TheProblemQuotesTheTextAndSaysWhatWasExpected) {
  std::string problem;
  EXPECT_FALSE(read_strict_number("nan", NumberRange{0, HALF_EARTH_CIRCUMFERENCE_M}, problem));
  EXPECT_EQ(problem, "got \"nan\"; expected a number in 0..20037508.342789244");
  EXPECT_FALSE(read_strict_number("0", NumberRange{0, 5000, false, true}, problem));
  EXPECT_EQ(problem, "got \"0\"; expected a number > 0 and <= 5000");
  EXPECT_FALSE(read_strict_number("2.5", NumberRange{1, 6, true}, problem));
  EXPECT_EQ(problem, "got \"2.5\"; expected a whole number in 1..6");
}

}  // namespace
}  // namespace guarantor::io
