// SHA-256 against the FIPS 180-2 examples: the evidence log's hashes must not change whatever
// implementation computes them, and the log copies a partial state per entry.
#include <gtest/gtest.h>

#include <string>

#include "guarantor/core/sha256.hpp"

namespace guarantor {
namespace {

constexpr const char* ABC_DIGEST = "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad";
constexpr const char* TWO_BLOCK_TEXT = "abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq";
constexpr const char* TWO_BLOCK_DIGEST = "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1";

TEST(Sha256, MatchesTheStandardsExamples) {
  EXPECT_EQ(sha256_hex(""), "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
  EXPECT_EQ(sha256_hex("abc"), ABC_DIGEST);
  EXPECT_EQ(sha256_hex(TWO_BLOCK_TEXT), TWO_BLOCK_DIGEST);
  EXPECT_EQ(sha256_hex(std::string(1000000, 'a')), "cdc76e5c9914fb9281a1c7e284d73e67f1809a48a497200e046d39ccc7112cd0");
}

TEST(Sha256, IncrementalUpdatesAndCopiedStatesGiveTheSameDigest) {
  const std::string text = TWO_BLOCK_TEXT;
  Sha256 prefix;
  prefix.update(text.substr(0, 3));
  Sha256 copy = prefix;  // the log finishes a copy of each entry's prefix state
  EXPECT_EQ(prefix.finish_hex(), ABC_DIGEST);
  copy.update(text.substr(3, 50));
  copy.update(text.substr(53));
  EXPECT_EQ(copy.finish_hex(), TWO_BLOCK_DIGEST);
}

}  // namespace
}  // namespace guarantor
