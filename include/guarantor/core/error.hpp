#pragma once
// The one error type the library throws for bad input. Expected outcomes (an uncovered
// requirement, an unassigned unit, an infeasible model) are results, never errors.
#include <stdexcept>
#include <string>
#include <string_view>
#include <vector>

namespace guarantor {

/// Error kinds. Append only: the numeric values are documented exit codes (docs/cli.md).
enum class ErrorCode : int {
  Ok = 0,
  Internal = 1,       ///< a bug; please report it
  Usage = 2,          ///< bad command line
  FileNotFound = 3,   ///< a named file does not exist or cannot be read
  Syntax = 4,         ///< a file is not well-formed JSON / CSV / GeoJSON
  Schema = 5,         ///< a field is missing, of the wrong type or out of range
  Reference = 6,      ///< an identifier names nothing (unknown capability, nation, site)
  Consistency = 7,    ///< fields are each valid but contradict one another
  OutputFailed = 8,   ///< an output could not be written
  Tampered = 9,       ///< an evidence log failed its integrity check
  Solver = 10,        ///< a solver failed for a reason other than the model being infeasible
};

/// Stable lower-case name of an error code, e.g. "schema".
std::string_view to_string(ErrorCode code);

/// One located problem: where (file and line or JSON pointer), what was found, what was expected.
struct Diagnostic {
  ErrorCode code = ErrorCode::Internal;
  std::string where;     ///< e.g. "coalition.json /pledges/3/quantity" or "sites.csv:14"
  std::string message;   ///< what was found and what was expected
  /// "where: message", the form every front end prints.
  [[nodiscard]] std::string to_string() const;
};

/// Thrown for bad input; carries every diagnostic found (at least one).
class Error : public std::runtime_error {
public:
  Error(ErrorCode code, std::string where, std::string message);
  explicit Error(std::vector<Diagnostic> diagnostics);

  /// The first (most important) diagnostic's code; it decides the exit code.
  [[nodiscard]] ErrorCode code() const noexcept { return diagnostics_.front().code; }
  [[nodiscard]] const std::string& where() const noexcept { return diagnostics_.front().where; }
  [[nodiscard]] const std::vector<Diagnostic>& diagnostics() const noexcept { return diagnostics_; }

private:
  std::vector<Diagnostic> diagnostics_;
};

/// Collects diagnostics so a loader can report every cheap problem at once, then throw.
class DiagnosticSink {
public:
  void add(ErrorCode code, std::string where, std::string message);
  [[nodiscard]] bool empty() const noexcept { return diagnostics_.empty(); }
  [[nodiscard]] std::size_t size() const noexcept { return diagnostics_.size(); }
  [[nodiscard]] const std::vector<Diagnostic>& diagnostics() const noexcept { return diagnostics_; }
  /// Throws Error with everything collected, if anything was.
  void throw_if_any() const;

private:
  std::vector<Diagnostic> diagnostics_;
};

}  // namespace guarantor

/// For programmer errors only, never reachable from input.
#define GUARANTOR_ASSERT(cond, why)                                                               \
  do {                                                                                            \
    if (!(cond)) ::guarantor::detail::assertion_failed(#cond, why, __FILE__, __LINE__);           \
  } while (false)

namespace guarantor::detail {
[[noreturn]] void assertion_failed(const char* expr, const char* why, const char* file, int line);
}
