#pragma once
// The plan report's skeleton, style sheet and map script (src/report/assets/plan_*), compiled
// into the library by embed_assets.cmake.
#include <string_view>

namespace guarantor::report::detail {

extern const std::string_view PLAN_HTML;    ///< skeleton with {{NAME}} placeholders
extern const std::string_view PLAN_CSS;     ///< the report's style sheet
extern const std::string_view PLAN_MAP_JS;  ///< draws the map layers from the embedded JSON

}  // namespace guarantor::report::detail
