#pragma once
// Text from input files and command lines on its way to a terminal or a log. A file name or a
// rejected value may carry escape sequences (ESC[2J clears the screen, OSC 8 forges links),
// carriage returns that overwrite what was printed, bidirectional overrides that reorder it, or
// megabytes of one line; messages quote such text only through these functions.
#include <cstddef>
#include <string>
#include <string_view>

namespace guarantor {

/// `text` with every character that could act on a terminal written as a visible escape:
/// \n \r \t, \xNN for other C0 controls, DEL and bytes that are not valid UTF-8, \uNNNN for C1
/// controls and bidirectional overrides (U+202A-202E, U+2066-2069). A backslash stays as is;
/// printable UTF-8 (Київ) passes unchanged.
std::string printable(std::string_view text);

/// A short printable excerpt for quoting a value in a message: printable(text) cut after
/// `max_chars` characters (never inside a UTF-8 sequence or an escape), with "…" appended
/// when cut.
std::string excerpt(std::string_view text, std::size_t max_chars = 60);

/// Longest message body, in characters, Diagnostic::to_string() prints before cutting with "…".
inline constexpr std::size_t MAX_PRINTED_MESSAGE = 1000;

}  // namespace guarantor
