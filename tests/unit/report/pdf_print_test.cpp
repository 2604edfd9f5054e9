// report::print_pdf against stand-in browsers (shell scripts): the document comes back only when
// the browser wrote a PDF; a missing browser, a failing one, one writing something else and one
// exceeding the time limit each give their error, and none leaves its profile behind.
#include <gtest/gtest.h>

#include <unistd.h>

#include <cstdlib>
#include <fstream>
#include <functional>
#include <iterator>

#include "guarantor/core/error.hpp"
#include "guarantor/report/pdf_print.hpp"

namespace guarantor::report {
namespace {

namespace fs = std::filesystem;

class PdfPrint : public ::testing::Test {
protected:
  void SetUp() override {
    dir_ = fs::temp_directory_path() / ("pdf_print_test-" + std::to_string(getpid()));
    fs::create_directories(dir_);
  }
  void TearDown() override { fs::remove_all(dir_); }

  // A browser that runs `body` with the arguments print_pdf gives it; $PDF is the file named by
  // --print-to-pdf=, and it records the arguments in args.txt.
  fs::path browser(const std::string& name, const std::string& body) {
    const fs::path script = dir_ / name;
    std::ofstream(script) << "#!/bin/sh\nfor a in \"$@\"; do echo \"$a\"; done > " << (dir_ / "args.txt").string()
                          << "\nfor a in \"$@\"; do case \"$a\" in --print-to-pdf=*) PDF=\"${a#--print-to-pdf=}\";; esac; done\n"
                          << body << "\n";
    fs::permissions(script, fs::perms::owner_all);
    return script;
  }
  static ErrorCode code_of(const std::function<void()>& action, std::string& message) {
    try {
      action();
    } catch (const Error& error) {
      message = error.diagnostics().front().to_string();
      return error.code();
    }
    return ErrorCode::Ok;
  }
  [[nodiscard]] static std::size_t entries(const fs::path& directory) {
    return static_cast<std::size_t>(std::distance(fs::directory_iterator(directory), fs::directory_iterator()));
  }
  fs::path dir_;
};

TEST_F(PdfPrint, ReturnsTheDocumentTheBrowserWrote) {
  PdfPrintOptions options;
  options.chromium = browser("ok", "printf '%%PDF-1.4 test' > \"$PDF\"");
  EXPECT_EQ(print_pdf("http://127.0.0.1:1/print/x", options), "%PDF-1.4 test");
  std::ifstream args(dir_ / "args.txt");
  std::string all((std::istreambuf_iterator<char>(args)), std::istreambuf_iterator<char>());
  EXPECT_NE(all.find("--headless"), std::string::npos);
  EXPECT_NE(all.find("--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE 127.0.0.1\n"), std::string::npos)
      << "no host but the page's own resolves: no network";
  EXPECT_NE(all.find("--user-data-dir="), std::string::npos) << "a throwaway profile";
  EXPECT_NE(all.find("--no-pdf-header-footer"), std::string::npos);
  EXPECT_EQ(all.find("--ignore-certificate-errors"), std::string::npos);
  EXPECT_NE(all.find("http://127.0.0.1:1/print/x"), std::string::npos);
}

TEST_F(PdfPrint, EachFailureIsAnErrorNamingTheBrowser) {
  // Profiles go to TMPDIR: a directory of this test's own, to see that none is left behind.
  const fs::path temporary = dir_ / "tmp";
  fs::create_directories(temporary);
  const char* tmpdir = std::getenv("TMPDIR");
  const std::string saved = tmpdir ? tmpdir : "";
  setenv("TMPDIR", temporary.c_str(), 1);
  struct Case {
    std::string name, body;
    ErrorCode code;
    std::string says;
  };
  const Case cases[] = {
      {"", "", ErrorCode::FileNotFound, "cannot start the browser"},
      {"fails", "echo 'ERROR: cannot open display' >&2; exit 3", ErrorCode::OutputFailed, "(exit status 3): ERROR: cannot open display"},
      {"no-pdf", "echo '<html>' > \"$PDF\"", ErrorCode::OutputFailed, "without writing a PDF"},
      {"hangs", "sleep 20", ErrorCode::OutputFailed, "did not finish printing within 300 ms"},
  };
  for (const auto& c : cases) {
    PdfPrintOptions options;
    options.chromium = c.name.empty() ? dir_ / "not-installed" : browser(c.name, c.body);
    options.time_limit = std::chrono::milliseconds(300);
    std::string message;
    EXPECT_EQ(code_of([&] { print_pdf("http://127.0.0.1:1/", options); }, message), c.code) << c.name << ": " << message;
    EXPECT_NE(message.find(options.chromium.string()), std::string::npos) << message;
    EXPECT_NE(message.find(c.says), std::string::npos) << message;
  }
  if (tmpdir) setenv("TMPDIR", saved.c_str(), 1);
  else unsetenv("TMPDIR");
  EXPECT_EQ(entries(temporary), 0u) << "every temporary profile was removed";
}

}  // namespace
}  // namespace guarantor::report
