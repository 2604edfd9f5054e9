#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include "guarantor/report/html_escape.hpp"

namespace guarantor::report {
namespace {

TEST(EscapeHtml, EscapesEveryMarkupCharacter) {
  EXPECT_EQ(escape_html("<a href=\"x\" title='y'>&</a>"),
            "&lt;a href=&quot;x&quot; title=&#39;y&#39;&gt;&amp;&lt;/a&gt;");
  EXPECT_EQ(escape_html("Kyiv – Київ"), "Kyiv – Київ");  // UTF-8 passes through untouched
  EXPECT_EQ(escape_html(""), "");
}

TEST(ScriptSafeJson, HidesEndTagsAndRoundTrips) {
  const nlohmann::json original = {{"name", "</script><script>alert(1)</script> <!-- & \u2028 \u2029"}};
  const std::string safe = script_safe_json(original.dump());
  EXPECT_EQ(safe.find('<'), std::string::npos);
  EXPECT_EQ(safe.find('>'), std::string::npos);
  EXPECT_EQ(safe.find('&'), std::string::npos);
  EXPECT_EQ(safe.find("\xE2\x80\xA8"), std::string::npos);
  EXPECT_NE(safe.find("\\u003c/script"), std::string::npos);
  EXPECT_EQ(nlohmann::json::parse(safe), original);
}

TEST(ScriptSafeSource, RewritesOnlyClosingTagsOfRawTextElements) {
  EXPECT_EQ(script_safe_source("var s = '</script>'; var t = '</STYLE>';"),
            "var s = '<\\/script>'; var t = '<\\/STYLE>';");
  EXPECT_EQ(script_safe_source("if (a</b/.test(c)) {}"), "if (a</b/.test(c)) {}");
  EXPECT_EQ(script_safe_source("x <"), "x <");
}

}  // namespace
}  // namespace guarantor::report
