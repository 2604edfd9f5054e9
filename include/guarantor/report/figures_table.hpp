#pragma once
// The headline figures (guarantor/force/figures.hpp) as every page prints them: one row per
// figure, its value and its definition, the same rows in the same order on the theatre page's
// force-generation section and on the plan page.
#include <string>
#include <string_view>

#include "guarantor/force/figures.hpp"

namespace guarantor::report {

/// An HTML table (id `table_id`) of the figures with their definitions; `source` is the rotation
/// factor's source, printed under it.
std::string figures_table(const force::ForceFigures& figures, std::string_view table_id, std::string_view source);

}  // namespace guarantor::report
