// The offline HTML report. The page carries its data as an inline JSON block and draws it with
// inline script into SVG: no network, no CDN, no tile server, so it opens anywhere.
#include <ostream>
#include <sstream>

#include "guarantor/verify/outputs.hpp"

namespace guarantor::verify {
namespace {

// The page's script: reads the data block, draws the map, the timeline and the tables.
constexpr std::string_view PAGE_SCRIPT = R"JS(
"use strict";
const data = JSON.parse(document.getElementById("verify-data").textContent);
const colours = {violation: "#c0392b", no_violation: "#27ae60", undetermined: "#f39c12", none: "#7f8c8d"};
const svgNs = "http://www.w3.org/2000/svg";
function el(tag, attrs, text) {
  const node = document.createElementNS(svgNs, tag);
  for (const [k, v] of Object.entries(attrs)) node.setAttribute(k, v);
  if (text !== undefined) node.textContent = text;
  return node;
}
function worst(outcomes) {
  if (outcomes.includes("violation")) return "violation";
  if (outcomes.includes("undetermined")) return "undetermined";
  return outcomes.length ? "no_violation" : "none";
}
function drawMap() {
  const svg = document.getElementById("map");
  const incidents = data.incidents.features;
  if (!incidents.length) { svg.appendChild(el("text", {x: 20, y: 30}, "No located incidents.")); return; }
  let minLon = 180, maxLon = -180, minLat = 90, maxLat = -90;
  for (const f of incidents) {
    const [lon, lat] = f.geometry.coordinates;
    minLon = Math.min(minLon, lon); maxLon = Math.max(maxLon, lon);
    minLat = Math.min(minLat, lat); maxLat = Math.max(maxLat, lat);
  }
  const pad = 0.5, width = 800, height = 500;
  minLon -= pad; maxLon += pad; minLat -= pad; maxLat += pad;
  const kx = Math.cos((minLat + maxLat) / 2 * Math.PI / 180);
  const scale = Math.min(width / ((maxLon - minLon) * kx), height / (maxLat - minLat));
  for (let lon = Math.ceil(minLon); lon <= maxLon; ++lon) {
    const x = (lon - minLon) * kx * scale;
    svg.appendChild(el("line", {x1: x, y1: 0, x2: x, y2: height, stroke: "#ddd"}));
    svg.appendChild(el("text", {x: x + 2, y: height - 4, "font-size": 10, fill: "#999"}, lon + "°E"));
  }
  for (let lat = Math.ceil(minLat); lat <= maxLat; ++lat) {
    const y = height - (lat - minLat) * scale;
    svg.appendChild(el("line", {x1: 0, y1: y, x2: width, y2: y, stroke: "#ddd"}));
    svg.appendChild(el("text", {x: 2, y: y - 2, "font-size": 10, fill: "#999"}, lat + "°N"));
  }
  for (const f of incidents) {
    const [lon, lat] = f.geometry.coordinates;
    const outcome = worst(f.properties.findings.map(x => x.outcome));
    const dot = el("circle", {cx: (lon - minLon) * kx * scale, cy: height - (lat - minLat) * scale,
                              r: 3 + Math.min(6, f.properties.reports.length), fill: colours[outcome],
                              "fill-opacity": 0.8, stroke: "#333"});
    dot.appendChild(el("title", {}, `${f.properties.id} ${f.properties.first.slice(0, 10)} ` +
        `${f.properties.category} / ${f.properties.target_kind}, grade ${f.properties.grade}, ${outcome}`));
    svg.appendChild(dot);
  }
}
function drawTimeline() {
  const svg = document.getElementById("timeline");
  const days = Object.keys(data.findings.by_day).sort();
  if (!days.length) { svg.appendChild(el("text", {x: 20, y: 30}, "No findings.")); return; }
  const counts = days.map(day => {
    const c = {violation: 0, no_violation: 0, undetermined: 0};
    for (const perProvision of Object.values(data.findings.by_day[day]))
      for (const [k, v] of Object.entries(perProvision)) c[k] += v;
    return c;
  });
  const max = Math.max(...counts.map(c => c.violation + c.no_violation + c.undetermined));
  const width = 800, height = 200, barW = Math.max(2, width / days.length - 1);
  days.forEach((day, i) => {
    let y = height - 20;
    for (const k of ["violation", "undetermined", "no_violation"]) {
      const h = counts[i][k] / max * (height - 40);
      const bar = el("rect", {x: i * (barW + 1), y: y - h, width: barW, height: h, fill: colours[k]});
      bar.appendChild(el("title", {}, `${day}: ${counts[i][k]} ${k}`));
      svg.appendChild(bar);
      y -= h;
    }
  });
  svg.appendChild(el("text", {x: 0, y: height - 4, "font-size": 10}, days[0]));
  svg.appendChild(el("text", {x: width - 70, y: height - 4, "font-size": 10}, days[days.length - 1]));
  const sides = document.getElementById("sides");
  for (const [side, perProvision] of Object.entries(data.findings.by_side)) {
    const row = document.createElement("tr");
    const total = {violation: 0, no_violation: 0, undetermined: 0};
    for (const c of Object.values(perProvision)) for (const [k, v] of Object.entries(c)) total[k] += v;
    for (const text of [side, total.violation, total.undetermined, total.no_violation]) {
      const cell = document.createElement("td"); cell.textContent = text; row.appendChild(cell);
    }
    sides.appendChild(row);
  }
}
function drawTables() {
  const root = document.getElementById("provisions");
  for (const p of data.findings.provisions) {
    const section = document.createElement("section");
    const h = document.createElement("h3");
    h.textContent = `${p.title} (${p.id}): ${p.counts.violation} violations, ${p.counts.no_violation} no violation, ` +
                    `${p.counts.undetermined} undetermined`;
    section.appendChild(h);
    const note = document.createElement("p");
    note.textContent = `Window ${p.window_from} – ${p.window_until || "open"}; parties ${p.parties.join(", ")}. ` +
                       `Release clause: ${p.release_clause || "none"}. Sources: ${p.sources.join("; ")}`;
    section.appendChild(note);
    const table = document.createElement("table");
    table.innerHTML = "<tr><th>incident</th><th>date</th><th>outcome</th><th>grade</th><th>reasons</th>" +
                      "<th>claims by side (actor named: reports)</th><th>sources</th></tr>";
    for (const f of data.findings.findings.filter(x => x.provision === p.id)) {
      const row = document.createElement("tr");
      const claims = Object.entries(f.claims).map(([side, c]) =>
          side + ": " + Object.entries(c.claimed_actors).map(([a, n]) => `${a} ${n}`).join(", ")).join(" | ");
      const cells = [f.incident, f.date, f.outcome, f.grade.code + " (" + f.grade.rationale + ")",
                     f.reasons.join("; "), claims, f.sources.map(s => s.outlets.join("/")).join(", ")];
      for (const text of cells) { const cell = document.createElement("td"); cell.textContent = text; row.appendChild(cell); }
      row.className = f.outcome;
      table.appendChild(row);
    }
    section.appendChild(table);
    root.appendChild(section);
  }
  document.getElementById("counts").textContent = JSON.stringify(data.findings.counts);
}
drawMap();
drawTimeline();
drawTables();
)JS";

constexpr std::string_view PAGE_STYLE = R"CSS(
body { font-family: sans-serif; margin: 1em 2em; color: #222; }
table { border-collapse: collapse; margin-bottom: 1em; font-size: 0.85em; }
td, th { border: 1px solid #ccc; padding: 2px 6px; vertical-align: top; }
tr.violation td:nth-child(3) { color: #c0392b; font-weight: bold; }
tr.undetermined td:nth-child(3) { color: #b9770e; }
tr.no_violation td:nth-child(3) { color: #1e8449; }
svg { border: 1px solid #ccc; background: #fbfbf8; }
)CSS";

// Inside <script>, "</" could close the element early; JSON allows "<\/" for the same text.
std::string escape_for_script(const std::string& json) {
  std::string out;
  out.reserve(json.size());
  for (std::size_t i = 0; i < json.size(); ++i) {
    if (json[i] == '<' && i + 1 < json.size() && json[i + 1] == '/') {
      out += "<\\/";
      ++i;
    } else {
      out += json[i];
    }
  }
  return out;
}

std::string escape_html(std::string_view text) {
  std::string out;
  for (char c : text) {
    switch (c) {
      case '<': out += "&lt;"; break;
      case '>': out += "&gt;"; break;
      case '&': out += "&amp;"; break;
      case '"': out += "&quot;"; break;
      default: out += c;
    }
  }
  return out;
}

// Warnings a reader must see before the findings: outlets that counted for nothing, incidents
// outside the theatre that were not judged.
std::string scope_warnings(const nlohmann::json& findings) {
  std::string out;
  const auto& unregistered = findings["unregistered_outlets"];
  if (!unregistered.empty()) {
    out += "<p class=\"warning\"><strong>Unregistered outlets</strong> (not in the source registry; they count for "
           "no corroboration): ";
    bool first = true;
    for (const auto& [outlet, count] : unregistered.items()) {
      out += (first ? "" : ", ") + escape_html(outlet) + " (" + std::to_string(count.get<std::size_t>()) + " incidents)";
      first = false;
    }
    out += "</p>\n";
  }
  if (const std::size_t outside = findings["out_of_theatre"].size(); outside > 0)
    out += "<p class=\"warning\"><strong>" + std::to_string(outside) +
           " incidents outside the theatre</strong> were kept but not judged (see incidents.csv).</p>\n";
  return out;
}

}  // namespace

void write_report_html(const VerifyResult& result, std::ostream& out) {
  std::ostringstream incidents;
  write_incidents_geojson(result, incidents);
  nlohmann::json data{{"incidents", nlohmann::json::parse(incidents.str())}, {"findings", findings_json(result)}};
  out << "<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\"><title>Ceasefire verification: "
      << escape_html(result.agreement.name) << "</title><style>" << PAGE_STYLE << "</style></head><body>\n"
      << "<h1>Ceasefire verification</h1><p>Agreement: " << escape_html(result.agreement.name)
      << ". Counts: <code id=\"counts\"></code></p>\n"
      << scope_warnings(data["findings"])
      << "<p>Attributions are shown as each side's reports claim them; none is inferred.</p>\n"
      << "<h2>Incidents</h2><svg id=\"map\" width=\"800\" height=\"500\"></svg>\n"
      << "<p><span style=\"color:#c0392b\">●</span> violation <span style=\"color:#f39c12\">●</span> undetermined "
         "<span style=\"color:#27ae60\">●</span> no violation <span style=\"color:#7f8c8d\">●</span> no provision concerned</p>\n"
      << "<h2>Findings by day</h2><svg id=\"timeline\" width=\"800\" height=\"200\"></svg>\n"
      << "<h2>Claims by side</h2><table><thead><tr><th>side</th><th>violations</th><th>undetermined</th>"
         "<th>no violation</th></tr></thead><tbody id=\"sides\"></tbody></table>\n"
      << "<h2>Provisions</h2><div id=\"provisions\"></div>\n"
      << "<script type=\"application/json\" id=\"verify-data\">"
      << escape_for_script(data.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace)) << "</script>\n"
      << "<script>" << PAGE_SCRIPT << "</script>\n</body></html>\n";
}

}  // namespace guarantor::verify
