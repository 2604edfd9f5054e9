// The monitoring page's map: the theatre (borders, oblasts, occupied area), the line of contact,
// the agreement's buffer zone and pull-back bands, and one marker per incident of the findings
// that pass the page's filters, coloured by its most serious outcome. A few thousand incidents
// are drawn one by one (only markers that would overlap are grouped); beyond that they are
// aggregated by screen cell at each zoom, so 100,000 incidents stay a few hundred markers.
// Opening an incident shows its findings, its reports and their sources (drill-down below).
import { h } from '../dom.js';
import { theatreMap, clusteredMarkers, drawBands, contactLines, legendItem, pullBackGroup, referenceBands } from '../map.js';

// Up to this many incidents, markers are grouped only where they would overlap (one marker's
// width); past it, by 48-pixel cells, which bounds the markers drawn by the screen, not the data.
export const DRAW_EACH_UP_TO = 3000;
const OVERLAP_PX = 14;
const CELL_PX = 48;
const SEVERITY = { violation: 0, undetermined: 1, no_violation: 2 };
// The same colours as the page's outcome words (app.css: --missing, --partial, --covered).
const OUTCOME_COLOURS = { violation: '#a1161c', undetermined: '#8a5a00', no_violation: '#1d6b35' };
const OUTCOME_LETTERS = { violation: '\u2717', undetermined: '\u25D1', no_violation: '\u2713' };

/// The incidents of `findings`: {incident, lat, lon, date, worst, findings: [...]}, those without
/// a position left out (the count is returned beside them).
export function incidentsOf(findings) {
  const byId = new Map();
  let unplaced = 0;
  for (const finding of findings) {
    if (!Array.isArray(finding.position)) {
      unplaced += 1;
      continue;
    }
    let incident = byId.get(finding.incident);
    if (!incident) {
      incident = { incident: finding.incident, lon: finding.position[0], lat: finding.position[1], date: finding.date, worst: finding.outcome, findings: [] };
      byId.set(finding.incident, incident);
    }
    incident.findings.push(finding);
    if ((SEVERITY[finding.outcome] ?? 3) < (SEVERITY[incident.worst] ?? 3)) incident.worst = finding.outcome;
  }
  return { incidents: [...byId.values()], unplaced };
}

function title(incident) {
  const provisions = incident.findings.map((finding) => `${finding.provision} ${finding.outcome.replace('_', ' ')}`).join(', ');
  return `Incident ${incident.incident}, ${incident.date ?? 'undated'}: ${provisions}`;
}

/// {element, ready}: `ready` resolves to update(findings), which redraws the incidents of the
/// findings given. `onOpen(incident)` opens an incident's drill-down.
export function monitoringMap(onOpen) {
  const container = h('div.g-map', { id: 'monitoring-map' });
  const legend = h('ul.g-map-legend', { id: 'monitoring-map-legend' });
  const note = h('p.g-note', { id: 'monitoring-map-note', 'aria-live': 'polite' });
  const element = h('section.g-section', { 'aria-labelledby': 'monitoring-map-title' },
    h('h2', { id: 'monitoring-map-title' }, 'Map of the incidents shown'), container, legend, note);
  const ready = (async () => {
    const { L, map, geography } = await theatreMap(container, 'Map of the incidents shown, with borders, oblasts, the occupied area, the line of contact and the agreement\'s bands');
    const contact = contactLines(geography);
    const pull = pullBackGroup(contact, await referenceBands());
    const overlays = {};
    if (pull) {
      overlays[pull.name] = drawBands(L, map, pull.bands);
      legend.append(...pull.legend);
    }
    if (contact.length) {
      overlays['Line of contact'] = L.polyline(contact, { pane: 'occupied', color: '#5c0f0f', weight: 2.5, interactive: false }).addTo(map);
      legend.prepend(legendItem('#5c0f0f', 'line of contact (edge of the occupied area)'));
    }
    const current = geography.areas.find((area) => area.current);
    if (current) legend.prepend(legendItem('#b71c1c', `occupied area as of ${current.as_of}`));
    for (const [outcome, colour] of Object.entries(OUTCOME_COLOURS))
      legend.append(legendItem(colour, `incident: ${OUTCOME_LETTERS[outcome]} most serious finding ${outcome.replace('_', ' ')}`));
    if (Object.keys(overlays).length) L.control.layers(null, overlays, { collapsed: false }).addTo(map);
    const options = {
      iconFor: (incident) => L.divIcon({ className: `g-map-incident g-map-incident-${incident.worst}`, html: h('span', {}, OUTCOME_LETTERS[incident.worst] ?? '?'), iconSize: [18, 18] }),
      titleFor: title,
      onSelect: onOpen,
      popupFor: (group) => h('ul.g-map-list', {}, group.slice(0, 50).map((incident) => h('li', {}, h('button.g-secondary', { type: 'button',
        onclick: () => onOpen(incident) }, `Open incident ${incident.incident}`)))),
    };
    let redraw = null;
    let cellPx = 0;
    return (findings) => {
      const { incidents, unplaced } = incidentsOf(findings);
      const wanted = incidents.length > DRAW_EACH_UP_TO ? CELL_PX : OVERLAP_PX;
      // The grouping distance is fixed per layer: a change of regime draws a new layer.
      if (wanted !== cellPx) {
        redraw?.remove();
        cellPx = wanted;
        redraw = clusteredMarkers(L, map, incidents, { ...options, cellPx });
      } else {
        redraw(incidents);
      }
      note.textContent = `${incidents.length} incidents on the map` + (unplaced ? `, ${unplaced} findings without a position left out` : '') +
        (incidents.length > DRAW_EACH_UP_TO ? `; more than ${DRAW_EACH_UP_TO}, so incidents are grouped by area at each zoom (open a number to zoom in).`
          : '; a number is incidents at one spot: open it to zoom in.');
    };
  })();
  return { element, ready };
}
