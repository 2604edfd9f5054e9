"use strict";
// The verifier's page: map (theatre layers, incidents or cells), filters, timeline per provision
// and party, findings per provision, and a drill-down panel with each incident's reports.
const data = JSON.parse(document.getElementById("verify-data").textContent);
const colours = {violation: "#c0392b", undetermined: "#e67e22", no_violation: "#27ae60", none: "#7f8c8d"};
const outcomeNames = {violation: "violation", undetermined: "undetermined", no_violation: "no violation", none: "no provision concerned"};
const svgNs = "http://www.w3.org/2000/svg";
const filters = {provision: "", party: "", credibility: 6, outcome: ""};

function el(tag, attrs, text) {
  const node = document.createElementNS(svgNs, tag);
  for (const [k, v] of Object.entries(attrs)) node.setAttribute(k, v);
  if (text !== undefined) node.textContent = text;
  return node;
}
function html(tag, text, className) {
  const node = document.createElement(tag);
  if (text !== undefined) node.textContent = text;
  if (className) node.className = className;
  return node;
}
function option(select, value, label) {
  const o = html("option", label); o.value = value; select.appendChild(o);
}

// An incident passes the filters when one of its findings does (or, without a provision
// filter, when it has none and no outcome is asked for).
function incidentOutcome(incident) {
  if (incident.credibility > filters.credibility) return null;
  if (filters.party && !incident.parties.includes(filters.party)) return null;
  let worst = null;
  const rank = {violation: 0, undetermined: 1, no_violation: 2};
  for (const f of incident.findings) {
    if (filters.provision && f.provision !== filters.provision) continue;
    if (filters.outcome && f.outcome !== filters.outcome) continue;
    if (worst === null || rank[f.outcome] < rank[worst]) worst = f.outcome;
  }
  if (worst === null && !filters.provision && !filters.outcome && !incident.findings.length) worst = "none";
  return worst;
}

// Equirectangular projection fitted to the theatre (or the incidents), cos(latitude) scaled.
function makeProjection(width, height) {
  let box = data.layers && data.layers.view;
  if (!box) {
    box = [180, 90, -180, -90];
    const points = data.aggregated ? data.cells.map(c => [c.lon, c.lat]) : data.incidents.map(i => [i.lon, i.lat]);
    for (const [lon, lat] of points) {
      box = [Math.min(box[0], lon), Math.min(box[1], lat), Math.max(box[2], lon), Math.max(box[3], lat)];
    }
    if (!points.length) box = [22, 44, 41, 53];
    box = [box[0] - 0.5, box[1] - 0.5, box[2] + 0.5, box[3] + 0.5];
  }
  const kx = Math.cos((box[1] + box[3]) / 2 * Math.PI / 180);
  const scale = Math.min(width / ((box[2] - box[0]) * kx), height / (box[3] - box[1]));
  return ([lon, lat]) => [(lon - box[0]) * kx * scale, height - (lat - box[1]) * scale];
}
function pathOf(project, multipolygon) {
  let d = "";
  for (const polygon of multipolygon)
    for (const ring of polygon)
      d += ring.map((p, i) => (i ? "L" : "M") + project(p).map(v => v.toFixed(1)).join(",")).join("") + "Z";
  return d;
}

// The agreement's buffer zone and pull-back bands around the line of contact, each the area it
// covers on the Earth (bandPolygons of web/band_geometry.js: great circles, as on the plan
// page), measured from the contact area's edge less its map-frame sides (edgeLines, the same
// file), widest first so each narrower band shows over it. The colours are opaque inside a group
// that is see-through as a whole, so nested bands never pile up into darker shades. Only with a
// line of contact (verify --line-of-contact): without one the data holds no bands.
const bandColours = {buffer: "#1f5fbf", pullback: ["#5b2c83", "#7d4fa8", "#a07cc5", "#c4aee0"]};
function drawBands(group, project, layers) {
  const legend = document.getElementById("band-legend");
  if (legend) legend.textContent = "";
  if (!layers.bands || !layers.contact || typeof bandPolygons !== "function") return;
  const lines = edgeLines(layers.contact.coords);
  const bands = group.appendChild(el("g", {class: "bands"}));
  [...layers.bands].sort((a, b) => b.distance_m - a.distance_m).forEach((band, index) => {
    const colour = band.kind === "buffer" ? bandColours.buffer : bandColours.pullback[index % bandColours.pullback.length];
    const polygons = bandPolygons({lines}, band.distance_m).map(polygon => polygon.map(ring => ring.map(([lat, lon]) => [lon, lat])));
    const text = `${band.label}: ${band.distance_m / 1000} km from the line of contact (${band.provision})`;
    bands.appendChild(el("path", {d: pathOf(project, polygons), class: "band " + band.kind, fill: colour,
                                  "fill-rule": "nonzero", "data-distance-m": band.distance_m}))
         .appendChild(el("title", {}, text));
    if (legend) {
      const item = legend.appendChild(html("span", undefined, "band-item"));
      item.appendChild(html("span", "\u25A0 ")).style.color = colour;
      item.appendChild(document.createTextNode(text));
    }
  });
}

function drawLayers(svg, project) {
  const layers = data.layers || {};
  const group = el("g", {id: "layers"});
  for (const c of layers.countries || [])
    group.appendChild(el("path", {d: pathOf(project, c.coords), class: "country " + c.role}))
         .appendChild(el("title", {}, c.name));
  for (const r of layers.regions || [])
    group.appendChild(el("path", {d: pathOf(project, r.coords), class: "oblast"})).appendChild(el("title", {}, r.name));
  drawBands(group, project, layers);
  for (const a of layers.occupied || [])
    group.appendChild(el("path", {d: pathOf(project, a.coords), class: "occupied"}))
         .appendChild(el("title", {}, `occupied area as of ${a.as_of} (${a.source})`));
  if (layers.contact)
    group.appendChild(el("path", {d: pathOf(project, layers.contact.coords), class: "contact"}))
         .appendChild(el("title", {}, "line of contact: " + layers.contact.source));
  svg.appendChild(group);
}

function drawMap() {
  const svg = document.getElementById("map");
  svg.textContent = "";
  const width = 900, height = 560;
  const project = makeProjection(width, height);
  drawLayers(svg, project);
  if (!data.incidents.length) { svg.appendChild(el("text", {x: 20, y: 30}, "No located incidents.")); return; }
  if (data.aggregated) {
    // One square per cell, coloured by its most serious listed outcome that passes the filters.
    for (const cell of data.cells) {
      const outcomes = cell.listed.map(i => incidentOutcome(data.incidents[i])).filter(o => o !== null);
      if (!outcomes.length) continue;
      const worst = ["violation", "undetermined", "no_violation", "none"].find(o => outcomes.includes(o));
      const [x0, y0] = project([cell.lon, cell.lat + data.cell_deg]);
      const [x1, y1] = project([cell.lon + data.cell_deg, cell.lat]);
      const size = Math.max(3, Math.min(x1 - x0, y1 - y0));
      const shade = 0.35 + 0.6 * Math.min(1, Math.log10(cell.total + 1) / 3);
      const rect = el("rect", {x: x0, y: y0, width: size, height: size, fill: colours[worst], "fill-opacity": shade,
                               class: "cell"});
      const c = cell.counts;
      rect.appendChild(el("title", {}, `${cell.total} incidents: ${c.violation} violation, ${c.undetermined} ` +
                                       `undetermined, ${c.no_violation} no violation, ${c.none} no provision`));
      rect.addEventListener("click", () => showCell(cell));
      svg.appendChild(rect);
    }
    return;
  }
  data.incidents.forEach((incident, index) => {
    const outcome = incidentOutcome(incident);
    if (outcome === null) return;
    const [x, y] = project([incident.lon, incident.lat]);
    const dot = el("circle", {cx: x, cy: y, r: 3 + Math.min(6, incident.report_count), fill: colours[outcome],
                              class: "incident"});
    dot.appendChild(el("title", {}, `${incident.id} ${incident.first.slice(0, 10)} ${incident.category} / ` +
                                    `${incident.target}, grade ${incident.grade}, ${outcomeNames[outcome]}`));
    dot.addEventListener("click", () => showIncident(index));
    svg.appendChild(dot);
  });
}

function showCell(cell) {
  const panel = document.getElementById("detail");
  panel.textContent = "";
  panel.appendChild(html("h3", `Cell ${cell.lat.toFixed(2)}°N ${cell.lon.toFixed(2)}°E: ${cell.total} incidents` +
                                (cell.total > cell.listed.length ? ` (the ${cell.listed.length} most serious listed; ` +
                                 "findings.json holds all)" : "")));
  const list = html("ul");
  for (const i of cell.listed) {
    const incident = data.incidents[i];
    if (incidentOutcome(incident) === null) continue;
    const item = html("li");
    const link = html("a", `${incident.id} ${incident.first.slice(0, 10)} ${incident.category} / ${incident.target}, ` +
                           `grade ${incident.grade}, ${outcomeNames[incident.worst]}`);
    link.href = "#detail";
    link.addEventListener("click", () => showIncident(i));
    item.appendChild(link);
    list.appendChild(item);
  }
  panel.appendChild(list);
}

function showIncident(index) {
  const incident = data.incidents[index];
  const panel = document.getElementById("detail");
  panel.textContent = "";
  panel.appendChild(html("h3", `${incident.id}: ${incident.category} / ${incident.target} (${incident.weapon})`));
  panel.appendChild(html("p", `${incident.first} – ${incident.last}; ${incident.lat}°N ${incident.lon}°E ` +
                              `± ${incident.uncertainty_m} m; grade ${incident.grade} (${incident.rationale}); ` +
                              `parties claimed: ${incident.parties.join(", ")}`));
  const findings = html("ul");
  for (const f of incident.findings)
    findings.appendChild(html("li", `${f.provision}: ${outcomeNames[f.outcome]} — ${f.reasons.join("; ")}`, f.outcome));
  panel.appendChild(findings);
  const table = html("table");
  const head = html("tr");
  for (const name of ["report", "time", "outlets", "claimant", "actor claimed", "place", "text", "read from"])
    head.appendChild(html("th", name));
  table.appendChild(head);
  for (const r of incident.reports) {
    const row = html("tr");
    for (const text of [r.id, r.time, r.outlets.join("; "), r.claimant, r.actor, r.place, r.text, r.origin])
      row.appendChild(html("td", text));
    table.appendChild(row);
  }
  panel.appendChild(table);
  if (incident.report_count > incident.reports.length)
    panel.appendChild(html("p", `${incident.report_count - incident.reports.length} more reports in findings.json.`));
  // Why the reports are one incident: the first started it, each later one merged by a rule.
  panel.appendChild(html("h4", "Why these reports are one incident"));
  const why = panel.appendChild(html("ul", undefined, "merges"));
  why.appendChild(html("li", `${incident.first_report}: first report, started the incident`));
  const rules = {distance_gate: "within the distance gate and the time window", same_area: "same admin area, within the time window"};
  for (const m of incident.merges)
    why.appendChild(html("li", `${m.report}: merged ${m.distance_m} m from the incident (gate ${m.gate_m} m), ` +
                               `${m.time_gap_s} s between the time spans; ${rules[m.rule] || m.rule}` +
                               (m.candidates > 1 ? `; closest of ${m.candidates} candidate incidents` : "")));
  if (incident.merge_count > incident.merges.length)
    why.appendChild(html("li", `${incident.merge_count - incident.merges.length} more merges in incidents.geojson.`));
}

// One row per provision and party; days on one axis from the first to the last finding, so days
// without findings stay visible as gaps; gaps of two days or more are labelled.
function drawTimeline() {
  const svg = document.getElementById("timeline");
  svg.textContent = "";
  const rows = data.timeline.filter(t => (!filters.provision || t.provision === filters.provision) &&
                                          (!filters.party || t.party === filters.party));
  if (!rows.length) { svg.setAttribute("height", 40); svg.appendChild(el("text", {x: 10, y: 25}, "No findings.")); return; }
  const dayMs = 86400000;
  const toDay = text => Date.parse(text + "T00:00:00Z") / dayMs;
  let first = Infinity, last = -Infinity;
  for (const row of rows) for (const [day] of row.days) { first = Math.min(first, toDay(day)); last = Math.max(last, toDay(day)); }
  const label = 230, width = 900, rowH = 26, span = Math.max(1, last - first + 1), dayW = (width - label) / span;
  svg.setAttribute("height", rows.length * rowH + 30);
  rows.forEach((row, r) => {
    const y = r * rowH;
    svg.appendChild(el("text", {x: 0, y: y + 16, class: "row-label"}, `${row.provision} · ${row.party}`));
    svg.appendChild(el("line", {x1: label, y1: y + rowH - 2, x2: width, y2: y + rowH - 2, class: "row-line"}));
    const max = Math.max(...row.days.map(d => d[1] + d[2] + d[3]));
    let previous = null;
    for (const [day, v, u, c] of row.days) {
      const d = toDay(day);
      if (previous !== null && d - previous >= 2) {
        const x = label + (previous + 1 - first) * dayW;
        svg.appendChild(el("rect", {x, y: y + 2, width: (d - previous - 1) * dayW, height: rowH - 6, class: "gap"}))
           .appendChild(el("title", {}, `no findings for ${d - previous - 1} days`));
      }
      previous = d;
      let top = y + rowH - 2;
      for (const [count, outcome] of [[v, "violation"], [u, "undetermined"], [c, "no_violation"]]) {
        if (!count || (filters.outcome && filters.outcome !== outcome)) continue;
        const h = Math.max(1, count / max * (rowH - 6));
        svg.appendChild(el("rect", {x: label + (d - first) * dayW, y: top - h, width: Math.max(1, dayW - 0.5), height: h,
                                    fill: colours[outcome]}))
           .appendChild(el("title", {}, `${day}: ${count} ${outcomeNames[outcome]}`));
        top -= h;
      }
    }
  });
  const axisY = rows.length * rowH + 20;
  svg.appendChild(el("text", {x: label, y: axisY, class: "axis"}, new Date(first * dayMs).toISOString().slice(0, 10)));
  svg.appendChild(el("text", {x: width - 70, y: axisY, class: "axis"}, new Date(last * dayMs).toISOString().slice(0, 10)));
}

function drawTables() {
  const root = document.getElementById("provisions");
  root.textContent = "";
  for (const p of data.provisions) {
    if (filters.provision && p.id !== filters.provision) continue;
    const section = html("section");
    section.appendChild(html("h3", `${p.title} (${p.id}): ${p.counts.violation} violations, ${p.counts.undetermined} ` +
                                   `undetermined, ${p.counts.no_violation} no violation`));
    section.appendChild(html("p", `Window ${p.window_from} – ${p.window_until || "open"}; parties ${p.parties.join(", ")}. ` +
                                  `Release clause: ${p.release_clause || "none"}. Sources: ${p.sources.join("; ")}`));
    const table = html("table");
    const head = html("tr");
    for (const name of ["incident", "date", "outcome", "grade", "parties claimed", "reasons", "reports"])
      head.appendChild(html("th", name));
    table.appendChild(head);
    let shown = 0;
    data.incidents.forEach((incident, index) => {
      if (incident.credibility > filters.credibility) return;
      if (filters.party && !incident.parties.includes(filters.party)) return;
      for (const f of incident.findings) {
        if (f.provision !== p.id || (filters.outcome && f.outcome !== filters.outcome)) continue;
        const row = html("tr", undefined, f.outcome);
        const link = html("a", incident.id);
        link.href = "#detail";
        link.addEventListener("click", () => showIncident(index));
        const cell = html("td");
        cell.appendChild(link);
        row.appendChild(cell);
        for (const text of [incident.first.slice(0, 10), outcomeNames[f.outcome], incident.grade,
                            incident.parties.join(", "), f.reasons.join("; "), String(incident.report_count)])
          row.appendChild(html("td", text));
        table.appendChild(row);
        ++shown;
      }
    });
    section.appendChild(table);
    const total = p.counts.violation + p.counts.undetermined + p.counts.no_violation;
    if (data.aggregated && shown < total)
      section.appendChild(html("p", `${shown} of ${total} findings listed (the most serious per map cell); ` +
                                    "findings.json holds all."));
    root.appendChild(section);
  }
}

function setUpFilters() {
  const provision = document.getElementById("f-provision");
  option(provision, "", "every provision");
  for (const p of data.provisions) option(provision, p.id, p.title);
  const party = document.getElementById("f-party");
  option(party, "", "every party");
  for (const name of [...new Set(data.timeline.map(t => t.party))].sort()) option(party, name, name);
  const credibility = document.getElementById("f-credibility");
  for (let c = 6; c >= 1; --c) option(credibility, String(c), c === 6 ? "every grade" : `credibility ${c} or better`);
  const outcome = document.getElementById("f-outcome");
  option(outcome, "", "every outcome");
  for (const o of ["violation", "undetermined", "no_violation"]) option(outcome, o, outcomeNames[o]);
  const redraw = () => {
    filters.provision = provision.value;
    filters.party = party.value;
    filters.credibility = Number(credibility.value);
    filters.outcome = outcome.value;
    drawMap(); drawTimeline(); drawTables();
  };
  for (const select of [provision, party, credibility, outcome]) select.addEventListener("change", redraw);
}

function drawSummary() {
  const c = data.counts;
  document.getElementById("counts").textContent =
      `${c.read} reports read, ${c.rejected} rejected, ${c.unlocated} unlocated; ${c.incidents} incidents; ` +
      `${c.violations} violations, ${c.undetermined} undetermined, ${c.no_violation} no violation` +
      (data.local_times ? `; ${data.local_times} clock times without a zone read as ${data.time_zone}` : "") +
      (data.log_head ? `; evidence log head ${data.log_head}` : "");
  if (data.aggregated)
    document.getElementById("aggregation").textContent =
        `${data.incident_total} incidents are shown as ${data.cell_deg}° cells; click a cell for its most serious ` +
        `incidents (${data.incidents.length} listed on this page).`;
  const list = document.getElementById("rejected");
  for (const r of data.rejected) list.appendChild(html("li", `${r.where}: ${r.reason}`));
  if (data.rejected_total > data.rejected.length)
    list.appendChild(html("li", `… and ${data.rejected_total - data.rejected.length} more (findings.json lists all)`));
}

setUpFilters();
drawSummary();
drawMap();
drawTimeline();
drawTables();
// Open on the most serious incident, so the panel shows what a reader looks for first.
if (data.incidents.length) {
  const rank = {violation: 0, undetermined: 1, no_violation: 2, none: 3};
  let first = 0;
  data.incidents.forEach((incident, i) => { if (rank[incident.worst] < rank[data.incidents[first].worst]) first = i; });
  showIncident(first);
}
