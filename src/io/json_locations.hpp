#pragma once
// Line numbers for JSON pointers, so a diagnostic can say `coalition.json:14 /pledges/3/quantity`
// and an editor can jump there. nlohmann's DOM keeps no positions, so the text is scanned once,
// lazily, when the first diagnostic of a file needs a line.
#include <string>
#include <string_view>
#include <unordered_map>

namespace guarantor::io::detail {

/// Maps JSON pointers of a well-formed JSON text to the line (1-based) where their value starts.
/// Recorded: every object member and every array element that is an object or an array; a
/// scalar inside an array resolves to its array's line (keeps the index small on coordinate lists).
class JsonLineIndex {
public:
  /// Precondition: `text` is well-formed JSON (it parsed) nested no deeper than the parser allows.
  explicit JsonLineIndex(std::string_view text);
  /// Line of the value at `pointer` ("" is the root), or of its nearest recorded ancestor (a
  /// missing member resolves to the object that lacks it).
  [[nodiscard]] int line_of(std::string_view pointer) const;

private:
  std::unordered_map<std::string, int> lines_;
};

/// `text` escaped as one JSON pointer reference token (RFC 6901: ~ as ~0, / as ~1).
std::string escape_pointer_token(std::string_view text);

}  // namespace guarantor::io::detail
