#include <string>

#include <gtest/gtest.h>

#include "guarantor/core/error.hpp"
#include "guarantor/core/printable.hpp"

namespace guarantor {
namespace {

TEST(Printable, EscapesEverythingThatActsOnATerminal) {
  EXPECT_EQ(printable("a\nb\rc\td"), "a\\nb\\rc\\td");
  EXPECT_EQ(printable("\x1b[2Jcleared"), "\\x1b[2Jcleared");
  EXPECT_EQ(printable(std::string("nul\0byte", 8)), "nul\\x00byte");
  EXPECT_EQ(printable("del\x7f"), "del\\x7f");
  EXPECT_EQ(printable("c1 \xc2\x9b"), "c1 \\u009b");          // CSI as a C1 control
  EXPECT_EQ(printable("bidi \xe2\x80\xae"), "bidi \\u202e");  // right-to-left override
  EXPECT_EQ(printable("bad \xff\xc3"), "bad \\xff\\xc3");     // not UTF-8
  EXPECT_EQ(printable("overlong \xc0\xaf"), "overlong \\xc0\\xaf");
  EXPECT_EQ(printable("Київ – Kyiv \\ ok"), "Київ – Kyiv \\ ok");
}

TEST(Printable, ExcerptIsShortAndNeverCutsACharacter) {
  EXPECT_EQ(excerpt("short"), "short");
  EXPECT_EQ(excerpt(std::string(10000, 'x'), 10), "xxxxxxxxxx…");
  EXPECT_EQ(excerpt("ККККК", 3), "ККК…");
  EXPECT_EQ(excerpt("\x1b\x1b\x1b", 2), "\\x1b\\x1b…");
}

TEST(Printable, DiagnosticsPrintSafelyWhateverTheyQuote) {
  const Diagnostic diagnostic{ErrorCode::Schema, "evil\x1b]8;;http://x\x07name.json /a",
                              "got \"\r\x1b[2K" + std::string(5000, 'y') + "\"; expected a name"};
  const std::string text = diagnostic.to_string();
  EXPECT_EQ(text.find('\x1b'), std::string::npos);
  EXPECT_EQ(text.find('\r'), std::string::npos);
  EXPECT_EQ(text.find('\x07'), std::string::npos);
  EXPECT_NE(text.find("evil\\x1b]8;;http://x\\x07name.json /a: got \"\\r\\x1b[2Kyyy"), std::string::npos) << text;
  EXPECT_LT(text.size(), MAX_PRINTED_MESSAGE + 400);
}

}  // namespace
}  // namespace guarantor
