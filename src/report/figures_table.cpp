// The one HTML rendering of the headline figures.
#include "guarantor/report/figures_table.hpp"

#include <fmt/format.h>

#include "guarantor/report/html_escape.hpp"

namespace guarantor::report {

std::string figures_table(const force::ForceFigures& figures, std::string_view table_id, std::string_view source) {
  std::string html = fmt::format("<table class=\"g-figures\" id=\"{}\"><thead><tr><th>Figure</th><th>Personnel</th>"
                                 "<th>Definition</th></tr></thead><tbody>",
                                 escape_html(table_id));
  for (const auto& line : force::figure_lines(figures)) {
    const bool short_row = line.label == "shortfall" && line.value > 0;
    html += fmt::format("<tr data-figure=\"{0}\"><th>{0}</th><td class=\"num{1}\">{2:g}</td><td>{3}</td></tr>",
                        escape_html(line.label), short_row ? " g-shortfall" : "", line.value, escape_html(line.definition));
  }
  html += fmt::format("</tbody></table><p class=\"g-source\"><small>Rotation factor source: {}</small></p>",
                      source.empty() ? std::string("not stated") : escape_html(source));
  return html;
}

}  // namespace guarantor::report
