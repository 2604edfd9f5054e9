// The sites page's map: the theatre (countries, oblasts, occupied area, places) and the sites the
// table shows, grouped when they crowd at the zoom; a site's marker opens it like its row does.
import { h } from '../dom.js';
import { theatreMap, clusteredMarkers } from '../map.js';

// One letter per kind, written in the marker, so kinds read apart without colour.
const KIND_LETTERS = { candidate_hub: 'H', airfield: 'A', port: 'P', rail_junction: 'R', border_crossing: 'B', energy: 'E' };

/// Draws the map into a new element and returns {element, ready}; `ready` resolves to
/// update(sites), which redraws the markers for the sites given. `onOpen(site)` opens a site;
/// a click on the map elsewhere gives `onPoint(lat, lon)` (the distance filter's point).
export function sitesMap(onOpen, onPoint) {
  const container = h('div.g-map', { id: 'sites-map' });
  const note = h('p.g-note', { id: 'sites-map-note' }, 'Markers: H candidate hub, A airfield, P port, R rail junction, B border crossing, ' +
    'E energy site; the outline tells the negotiation (solid: agreed, dashed: open, crossed: rejected). A number is a group of sites: open it to zoom in. ' +
    'A click elsewhere on the map lists the sites within the distance asked of that point.');
  const element = h('section.g-section', { 'aria-labelledby': 'sites-map-title' }, h('h2', { id: 'sites-map-title' }, 'Map of the sites shown'), container, note);
  const ready = (async () => {
    const { L, map } = await theatreMap(container, 'Map of the sites shown, with countries, oblasts, the occupied area and places');
    const redraw = clusteredMarkers(L, map, [], {
      iconFor: (item) => L.divIcon({ className: `g-map-site g-map-site-${item.site.negotiation.status}`,
        html: h('span', {}, KIND_LETTERS[item.site.kind] ?? '?'), iconSize: [20, 20] }),
      titleFor: (item) => `${item.site.name}: ${item.site.kind.replaceAll('_', ' ')}, ${item.site.negotiation.status}`,
      onSelect: (item) => onOpen(item.site),
      popupFor: (group) => h('ul.g-map-list', {}, group.map((item) => h('li', {}, h('button.g-secondary', { type: 'button',
        onclick: () => onOpen(item.site) }, `Open ${item.site.name}`)))),
    });
    map.on('click', (event) => onPoint(event.latlng.lat, event.latlng.lng));
    return (sites) => redraw(sites.map((site) => ({ site, lon: site.position[0], lat: site.position[1] })));
  })();
  return { element, ready };
}
