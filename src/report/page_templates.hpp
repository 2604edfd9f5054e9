#pragma once
// The page's own HTML skeleton, style sheet and scripts (src/report/assets), compiled into the
// library by embed_assets.cmake.
#include <string_view>

namespace guarantor::report::detail {

extern const std::string_view PAGE_HTML;    ///< skeleton with {{NAME}} placeholders
extern const std::string_view PAGE_CSS;     ///< the page's style sheet
extern const std::string_view GLYPHS_JS;    ///< site point symbols (map and legend)
extern const std::string_view LEGEND_JS;    ///< the legend beside the map
extern const std::string_view MAP_JS;       ///< draws the layers from the embedded JSON
/// web/band_geometry.js: bands as areas on the Earth (an ES module; see classic_script)
extern const std::string_view BAND_GEOMETRY_JS;

}  // namespace guarantor::report::detail
