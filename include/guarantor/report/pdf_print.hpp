#pragma once
// Printing a page to PDF with headless Chromium, run as a child process with a time limit, a
// throwaway profile and no network beyond the page's own server. The page's print styles
// (@page size, margin boxes with page numbers, banners) decide the layout; Chromium embeds the
// fonts it uses. Nothing is written where the caller will read it unless the print succeeded.
#include <chrono>
#include <filesystem>
#include <string>

namespace guarantor::report {

/// How Chromium is started. Set once at start-up (CLI options) and passed in.
struct PdfPrintOptions {
  /// The browser: a path, or a name looked up on PATH (Debian's package installs `chromium`).
  std::filesystem::path chromium = "chromium";
  /// Wall-clock limit for the whole print; the browser and its children are killed after it.
  std::chrono::milliseconds time_limit{30'000};
  /// Virtual time the page gets to run its scripts after loading. Chromium stops this clock
  /// while requests are pending, so a page fetching its data is printed once the data is drawn.
  std::chrono::milliseconds script_budget{10'000};
  /// Accept the page server's certificate unchecked: only for the server printing its own
  /// pages over HTTPS on an address it is bound to.
  bool trust_own_certificate = false;
};

/// Prints `url` to PDF and returns the document's bytes; the browser reaches no host but the
/// URL's own. Throws guarantor::Error with code
/// FileNotFound when the browser cannot be started (not installed, not executable), and
/// OutputFailed when it fails, exceeds the time limit or produces no PDF; the message names the
/// browser and says why (its last error line, the limit).
std::string print_pdf(const std::string& url, const PdfPrintOptions& options);

}  // namespace guarantor::report
