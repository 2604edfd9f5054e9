// Assembles the theatre page: skeleton + inlined libraries + embedded data + static tables.
#include "guarantor/report/theatre_page.hpp"

#include <map>
#include <ostream>

#include <fmt/format.h>

#include "force_section.hpp"
#include "guarantor/core/error.hpp"
#include "guarantor/report/html_escape.hpp"
#include "map_data.hpp"
#include "page_assets.hpp"
#include "page_templates.hpp"

namespace guarantor::report {

namespace {

// Fills {{NAME}} placeholders in one pass, so text substituted in is never scanned again (a
// place named "{{DATA}}" stays a name). An unknown placeholder is a bug in the template.
std::string fill_template(std::string_view skeleton, const std::map<std::string, std::string, std::less<>>& values) {
  std::string out;
  std::size_t total = skeleton.size();
  for (const auto& [name, value] : values) total += value.size();
  out.reserve(total);
  std::size_t pos = 0;
  while (true) {
    const std::size_t open = skeleton.find("{{", pos);
    if (open == std::string_view::npos) break;
    const std::size_t close = skeleton.find("}}", open);
    GUARANTOR_ASSERT(close != std::string_view::npos, "page.html has an unterminated placeholder");
    const auto value = values.find(skeleton.substr(open + 2, close - open - 2));
    GUARANTOR_ASSERT(value != values.end(), "page.html names a placeholder the renderer does not fill");
    out.append(skeleton.substr(pos, open - pos));
    out.append(value->second);
    pos = close + 2;
  }
  out.append(skeleton.substr(pos));
  return out;
}

std::string banner(const model::Scenario& scenario, const force::ForceGenerationResult& force) {
  // The label follows the data: illustrative pledges must never pass for real offers.
  if (!scenario.coalition.has_illustrative() && !force.illustrative) return {};
  return "<div class=\"g-banner\" id=\"g-illustrative\" role=\"note\">ILLUSTRATIVE PLEDGES"
         "<small>Pledges on this page are built from public statements, not real offers by any government.</small>"
         "</div>";
}

std::string figures(const model::Scenario& scenario) {
  int personnel = 0;
  for (const model::Pledge& pledge : scenario.coalition.pledges)
    if (const model::Capability* capability = scenario.catalogue.find(pledge.capability))
      personnel += static_cast<int>(capability->personnel.value) * pledge.quantity;
  return fmt::format("{} nations, {} pledges, about {} personnel pledged; {} requirement lines in {} phases.",
                     scenario.coalition.nations.size(), scenario.coalition.pledges.size(), personnel,
                     scenario.mandate.requirements.size(), scenario.mandate.phases.size());
}

std::string list_items(const std::vector<std::string>& lines) {
  std::string html;
  for (const std::string& line : lines) html += "<li>" + escape_html(line) + "</li>";
  return html.empty() ? "<li>none given</li>" : html;
}

std::string file_items(const std::vector<model::SourceFile>& files) {
  std::string html;
  for (const model::SourceFile& file : files)
    html += fmt::format("<li>{} &mdash; {} <code>sha256 {}</code></li>", escape_html(file.role),
                        escape_html(file.path), escape_html(file.sha256));
  return html.empty() ? "<li>built in memory</li>" : html;
}

}  // namespace

std::string render_theatre_page(const model::Scenario& scenario, const force::ForceGenerationResult& force,
                                const PageOptions& options) {
  // Assets first: a missing library is the error the user can fix, reported before any work.
  const detail::PageAssets assets = detail::load_page_assets(options.asset_dir);
  const std::string title = options.title.empty() ? scenario.name : options.title;
  const std::map<std::string, std::string, std::less<>> values{
      {"VERSION", GUARANTOR_VERSION},
      {"TITLE", escape_html(title.empty() ? "Theatre overview" : title)},
      {"DESCRIPTION", escape_html(scenario.description)},
      {"AS_OF", escape_html(scenario.as_of ? scenario.as_of->iso() : "not stated")},
      {"COALITION", escape_html(scenario.coalition.name)},
      {"MANDATE", escape_html(scenario.mandate.name)},
      {"BANNER", banner(scenario, force)},
      {"FORCE_SUMMARY", detail::render_force_summary(force)},
      {"FORCE_TABLES", detail::render_force_tables(scenario, force)},
      {"FIGURES", escape_html(figures(scenario))},
      {"ATTRIBUTIONS", list_items(scenario.theatre.attributions)},
      {"FILES", file_items(scenario.files)},
      {"DATA", script_safe_json(detail::build_map_data(scenario, options).dump())},
      {"LEAFLET_CSS", assets.leaflet_css},
      {"PAGE_CSS", std::string(detail::PAGE_CSS)},
      {"LEAFLET_JS", assets.leaflet_js},
      {"MILSYMBOL_JS", assets.milsymbol_js},
      {"GLYPHS_JS", std::string(detail::GLYPHS_JS)},
      {"LEGEND_JS", std::string(detail::LEGEND_JS)},
      {"MAP_JS", std::string(detail::MAP_JS)},
  };
  return fill_template(detail::PAGE_HTML, values);
}

void write_theatre_page(std::ostream& out, const model::Scenario& scenario, const force::ForceGenerationResult& force,
                        const PageOptions& options) {
  const std::string page = render_theatre_page(scenario, force, options);
  out.write(page.data(), static_cast<std::streamsize>(page.size()));
  out.flush();
  if (!out) throw Error(ErrorCode::OutputFailed, "theatre page", "the output stream failed while writing the page");
}

}  // namespace guarantor::report
