#pragma once
// The project's one HTML escaper, used by every page (plan page, theatre page, verification
// report). Names are read from files anyone can edit, so every string is treated as hostile: a
// site named `<script>` must be shown as text, never run.
#include <string>
#include <string_view>

namespace guarantor::io {

/// Escapes & < > " ' so the text is safe in element content and in quoted attribute values.
std::string escape_html(std::string_view text);

/// Makes serialised JSON safe inside <script type="application/json">: replaces < > & and the
/// line separators U+2028/U+2029 by \uXXXX escapes, which JSON.parse reads back unchanged, so
/// no `</script>` or `<!--` can end or confuse the element. Precondition: `json` is valid JSON.
std::string script_safe_json(std::string_view json);

/// Makes a JavaScript or CSS library safe to inline in <script> / <style>: rewrites `</script`
/// and `</style` (any case) as `<\/script`, `<\/style`, which mean the same inside JS strings,
/// regular expressions and comments (the only places they can occur), so the library cannot
/// close its element early.
std::string script_safe_source(std::string_view source);

}  // namespace guarantor::io
