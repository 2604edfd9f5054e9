#pragma once
// The verifier page's style sheet and script (src/report/assets/verify_page.*), compiled into
// the library by embed_assets.cmake.
#include <string_view>

namespace guarantor::report::detail {

extern const std::string_view VERIFY_PAGE_CSS;  ///< the page's style sheet
extern const std::string_view VERIFY_PAGE_JS;   ///< draws map, timeline and tables from the data block

}  // namespace guarantor::report::detail
