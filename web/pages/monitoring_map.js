// The monitoring page's map: the theatre (borders, oblasts, occupied area), the line of contact,
// the agreement's buffer zone and pull-back bands, and the incidents of the findings that pass
// the page's filters, coloured by their most serious outcome, as the version's summary gives them
// (GET /api/v1/findings/{id}/summary, its "map"). Up to a few thousand incidents come one by one
// and are grouped here only where markers would overlap; beyond that the server groups them into
// cells of the screen at the map's zoom, and the map asks again for its view when moved, so
// 100,000 incidents stay a few hundred markers and are never sent to the browser.
// Opening an incident shows its findings, its reports and their sources (drill-down below).
import { h, plural } from '../dom.js';
import { theatreMap, clusteredMarkers, drawBands, contactLines, legendItem, pullBackGroup, referenceBands } from '../map.js';

// Incidents one marker wide: markers closer than this are grouped.
const OVERLAP_PX = 14;
// Extra area asked around the view, so a small pan needs no new request to look complete.
const VIEW_PADDING = 0.25;
// The same colours as the page's outcome words (app.css: --missing, --partial, --covered).
const OUTCOME_COLOURS = { violation: '#a1161c', undetermined: '#8a5a00', no_violation: '#1d6b35' };
const OUTCOME_LETTERS = { violation: '\u2717', undetermined: '\u25D1', no_violation: '\u2713' };

function title(point) {
  const area = point.area ? `, located only to ${point.area_name || point.area} (the marker stands for the area)` : '';
  return `Incident ${point.incident}, ${point.date || 'undated'}${area}: ${plural(point.findings, 'finding')}, most serious ${point.worst.replace('_', ' ')}`;
}

/// {element, ready, view, focus}: `ready` resolves to update(part, loadView), which draws the
/// summary's map part; when the server grouped it into cells, loadView({zoom, bbox}) gets the
/// part for the view the map shows after each move. `onOpen(point)` opens an incident's
/// drill-down. view() is the map's view as [west, south, east, north] degrees (null before the
/// map is drawn); focus(box) shows such a box.
export function monitoringMap(onOpen) {
  let shownMap = null;
  const view = () => {
    if (!shownMap) return null;
    const bounds = shownMap.getBounds();
    return [bounds.getWest(), bounds.getSouth(), bounds.getEast(), bounds.getNorth()]
      .map((value, index) => Math.max(index % 2 ? -90 : -180, Math.min(index % 2 ? 90 : 180, value)));
  };
  const focus = ([west, south, east, north]) => shownMap?.fitBounds([[south, west], [north, east]], { padding: [20, 20], maxZoom: 9 });
  const container = h('div.g-map', { id: 'monitoring-map' });
  const legend = h('ul.g-map-legend', { id: 'monitoring-map-legend' });
  const note = h('p.g-note', { id: 'monitoring-map-note', 'aria-live': 'polite' });
  const element = h('section.g-section', { 'aria-labelledby': 'monitoring-map-title' },
    h('h2', { id: 'monitoring-map-title' }, 'Map of the incidents shown'), container, legend, note);
  const ready = (async () => {
    const reference = referenceBands();  // read beside the theatre, not after it
    const { L, map, geography } = await theatreMap(container, 'Map of the incidents shown, with borders, oblasts, the occupied area, the line of contact and the agreement\'s bands');
    shownMap = map;
    const contact = contactLines(geography);
    const pull = pullBackGroup(contact, await reference);
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
    legend.append(h('li', {}, h('span.g-map-swatch.g-map-incident-area'), 'dashed ring: incident located only to an admin area (the marker stands for the area)'));
    if (Object.keys(overlays).length) L.control.layers(null, overlays, { collapsed: false }).addTo(map);
    const options = {
      iconFor: (incident) => L.divIcon({ className: `g-map-incident g-map-incident-${incident.worst}${incident.area ? ' g-map-incident-area' : ''}`, html: h('span', {}, OUTCOME_LETTERS[incident.worst] ?? '?'), iconSize: [18, 18] }),
      titleFor: title,
      onSelect: onOpen,
      popupFor: (group) => h('ul.g-map-list', {}, group.slice(0, 50).map((incident) => h('li', {}, h('button.g-secondary', { type: 'button',
        onclick: () => onOpen(incident) }, `Open incident ${incident.incident}`)))),
    };
    let points = null;
    const cells = L.layerGroup().addTo(map);
    let follow = null;
    const drawCells = (part) => {
      cells.clearLayers();
      for (const cell of part.cells) {
        const text = `${plural(cell.incidents, 'incident')} here, most serious ${cell.worst.replace('_', ' ')}: open to zoom in`;
        const marker = L.marker([cell.lat, cell.lon], { title: text, alt: text,
          icon: L.divIcon({ className: `g-map-cluster g-map-cluster-${cell.worst}`, html: h('span', {}, String(cell.incidents)), iconSize: [30, 30] }) });
        const [west, south, east, north] = cell.bounds;
        marker.on('click', () => map.fitBounds(L.latLngBounds([[south, west], [north, east]]).pad(0.3), { maxZoom: Math.min(map.getZoom() + 2, map.getMaxZoom()) }));
        marker.addTo(cells);
      }
    };
    const describe = (part, grouped) => {
      note.textContent = `${plural(part.incidents, 'incident')} on the map` + (part.unplaced ? `, ${part.unplaced} findings without a position left out` : '') +
        (grouped ? `; more than ${part.max_points} in view, so incidents are grouped by area at each zoom (open a number to zoom in).`
          : '; a number is incidents at one spot: open it to zoom in.');
    };
    const show = (part) => {
      if (part.aggregated) {
        points?.remove();
        points = null;
        drawCells(part);
      } else {
        cells.clearLayers();
        if (points) points(part.points);
        else points = clusteredMarkers(L, map, part.points, { ...options, cellPx: OVERLAP_PX });
      }
      describe(part, part.aggregated);
    };
    let asked = 0;
    const askView = async (loadView) => {
      const ticket = ++asked;
      const bounds = map.getBounds().pad(VIEW_PADDING);
      const clamp = (value, limit) => Math.max(-limit, Math.min(limit, value)).toFixed(4);
      const bbox = [clamp(bounds.getWest(), 180), clamp(bounds.getSouth(), 90), clamp(bounds.getEast(), 180), clamp(bounds.getNorth(), 90)].join(',');
      try {
        const part = await loadView({ zoom: Math.round(map.getZoom()), bbox });
        if (ticket === asked) show(part);
      } catch (error) {
        if (ticket === asked) note.textContent = `The incidents of this view could not be read: ${error.message}`;
      }
    };
    return (part, loadView) => {
      if (follow) map.off('moveend', follow);
      follow = null;
      asked += 1;  // answers for an earlier filter are dropped
      show(part);
      // The whole theatre's part is grouped: the view's own part is asked now and after each move.
      if (part.aggregated) {
        follow = () => askView(loadView);
        map.on('moveend', follow);
        follow();
      }
    };
  })();
  return { element, ready, view, focus };
}
