#pragma once
// Whitespace-separated tokens of a text file with their line numbers, so a reader can say
// "pmed3.txt:17: got 'x'; expected an integer".
#include <cstddef>
#include <string>
#include <vector>

namespace guarantor::orlib {

class TokenReader {
public:
  /// Reads the whole file; throws Error(FileNotFound) when it cannot be opened.
  explicit TokenReader(const std::string& path);

  /// Next token as a number; throws Error(Syntax) at "file:line" when missing or not numeric.
  double next_number(const char* what);
  /// Next token as a non-negative integer; throws Error(Syntax) otherwise.
  std::size_t next_count(const char* what);
  /// Next token verbatim; throws Error(Syntax) at end of file.
  std::string next_word(const char* what);
  /// True when every token has been consumed.
  [[nodiscard]] bool at_end() const { return position_ == tokens_.size(); }
  /// "file:line" of the last token read (or of the end of file).
  [[nodiscard]] std::string where() const;
  /// Throws Error(Syntax) with where() and the message.
  [[noreturn]] void fail(const std::string& message) const;

private:
  std::string path_;
  std::vector<std::string> tokens_;
  std::vector<std::size_t> lines_;
  std::size_t position_ = 0;
  std::size_t last_line_ = 0;
};

}  // namespace guarantor::orlib
