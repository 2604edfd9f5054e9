// Incidents in an area of the monitoring page (POST /api/v1/findings/{id}/incidents/search): an
// oblast, the occupied area, or the area the map shows now (its view as a polygon: zoom or pan
// the map to draw it). The server tests the incidents' stored positions against the area, so a
// version of 100,000 incidents is never sent to the browser; the page lists the incidents found
// with their findings and violations, flags those located only to an admin area (their position
// is the area's centre), and opens an incident's drill-down like its marker does.
import { h, replace, plural } from '../dom.js';
import { api } from '../api.js';
import { loadMap } from '../map.js';

// Incidents listed per request; the headline gives the total.
const AREA_ROWS = 200;
const VIEW = 'view';
const OCCUPIED = 'occupied';

// The map's view as a GeoJSON polygon (a ring of [lon, lat], closed, counter-clockwise).
function viewPolygon([west, south, east, north]) {
  return { type: 'Polygon', coordinates: [[[west, south], [east, south], [east, north], [west, north], [west, south]]] };
}

/// {element}: the area chooser and its list for findings version `version`. `mapView()` gives
/// the map's view as [west, south, east, north] degrees (null before the map is drawn);
/// `onOpen(incident)` opens an incident's drill-down; `onArea(bounds)` shows the area on the map.
export function incidentArea(version, { mapView, onOpen, onArea }) {
  const choice = h('select', { id: 'area-choice' }, h('option', { value: VIEW }, 'the area the map shows now'),
    h('option', { value: OCCUPIED }, 'the occupied area'));
  const button = h('button', { type: 'submit', id: 'area-search' }, 'List the incidents in this area');
  const headline = h('p.g-headline', { id: 'area-headline', 'aria-live': 'polite' });
  const results = h('div', { id: 'area-results' });
  const form = h('form.g-toolbar', { id: 'area-form' },
    h('div.g-field', {}, h('label', { for: 'area-choice' }, 'Area'), choice), button);
  // The oblasts are the theatre's regions (the map's own file, loaded once per page).
  loadMap().then((geography) => {
    const regions = [...geography.regions].sort((a, b) => a.name.localeCompare(b.name));
    choice.append(...regions.map((region) => h('option', { value: region.iso }, `${region.name} (${region.iso})`)));
  }, () => {});
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    const label = choice.selectedOptions[0]?.textContent ?? choice.value;
    let body;
    if (choice.value === VIEW) {
      const view = mapView();
      if (!view) {
        headline.textContent = 'The map is not drawn yet: choose an oblast or the occupied area.';
        return;
      }
      body = { polygon: viewPolygon(view) };
    } else if (choice.value === OCCUPIED) {
      body = { occupied_area: true };
    } else {
      body = { oblast: choice.value };
    }
    results.setAttribute('aria-busy', 'true');
    try {
      const { data } = await api('POST', `/findings/${version.id}/incidents/search?limit=${AREA_ROWS}`, body);
      const violating = data.items.filter((item) => item.violations > 0).length;
      headline.textContent = `${plural(data.total, 'incident')} in ${label}` +
        (data.located_only_to_area ? `, ${data.located_only_to_area} of them located only to an admin area` : '') +
        (data.total > data.items.length ? `; the first ${data.items.length} listed` : '') +
        `; ${plural(violating, 'incident')} listed with a violation.`;
      replace(results, data.items.length ? h('table', { id: 'area-incidents' },
        h('caption', {}, `Incidents in ${label}, by incident id`),
        h('thead', {}, h('tr', {}, ['Incident', 'Date', 'Country', 'Findings', 'Violations', 'Located'].map((text) => h('th', { scope: 'col' }, text)))),
        h('tbody', {}, data.items.map((item) => h('tr.g-area-row', { dataset: { incident: item.incident } },
          h('th', { scope: 'row' }, h('button.g-link', { type: 'button', 'aria-label': `Open incident ${item.incident}`,
            onclick: () => onOpen({ incident: item.incident, lon: item.position[0], lat: item.position[1] }) }, item.incident)),
          h('td', {}, item.date || '-'), h('td', {}, item.country || '-'), h('td.g-num', {}, item.findings),
          h('td.g-num', {}, item.violations),
          h('td', {}, item.located_only_to_area ? `only to ${item.located_only_to_area} (its centre)` : 'at its position'))))) : null);
      const lons = data.items.map((item) => item.position[0]);
      const lats = data.items.map((item) => item.position[1]);
      if (choice.value !== VIEW && data.items.length) onArea([Math.min(...lons), Math.min(...lats), Math.max(...lons), Math.max(...lats)]);
    } catch (error) {
      headline.textContent = `The incidents of ${label} could not be listed: ${error.message}`;
      replace(results);
    } finally {
      results.removeAttribute('aria-busy');
    }
  });
  const element = h('section.g-section', { 'aria-labelledby': 'area-title', id: 'incident-area' },
    h('h2', { id: 'area-title' }, 'Incidents in an area'),
    h('p.g-note', {}, 'Choose an oblast or the occupied area, or move the map to the area you want and list the incidents it shows. ' +
      'The findings filters above do not apply here: every incident of the version in the area is listed.'),
    form, headline, results);
  return { element };
}
