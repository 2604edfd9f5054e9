// The plan page's map: the theatre, the plan's hubs and its assigned units as APP-6 symbols
// (milsymbol) grouped by zoom, and the bands a plan keeps out of - the posture's standoff from the
// line of contact, the threat axes' bands (data/planning/threat_axes.json) and the agreement's
// pull-back and buffer bands - each drawn as the area between two distances, never as discs
// laid over one another.
import { h } from '../dom.js';
import { theatreMap, clusteredMarkers, drawBands, edgeLines, symbolIcon, BAND_COLOURS as COLOURS, contactLines, legendItem, pullBackGroup,
  referenceBands } from '../map.js';

async function bandsOf(geography, plan) {
  const reference = await referenceBands();
  const contact = contactLines(geography);
  const groups = [];
  const standoffKm = plan.provenance?.standoff_km;
  if (contact.length && standoffKm > 0) {
    groups.push({ name: `Standoff ${standoffKm} km from the line of contact`, bands: [{ lines: contact, distance_m: standoffKm * 1000, colour: COLOURS.standoff }],
      legend: [legendItem(COLOURS.standoff, `standoff: no hub or unit within ${standoffKm} km of the occupied area (the plan's posture)`)] });
  }
  const threat = { name: 'Threat axes', bands: [], legend: [] };
  for (const axis of reference.threat_axes ?? []) {
    // A border axis is measured from the country's outline, a point axis from its places.
    const country = geography.countries.find((candidate) => candidate.iso2 === axis.country);
    const lines = country ? edgeLines(country.coords) : [];
    const points = (axis.points ?? []).map(([lon, lat]) => [lat, lon]);
    if (!lines.length && !points.length) continue;
    threat.bands.push({ lines, points, distance_m: axis.band_km * 1000, colour: COLOURS.threat });
    threat.legend.push(legendItem(COLOURS.threat, `${axis.name}: ${axis.band_km} km band`));
  }
  if (threat.legend.length) groups.push(threat);
  const pull = pullBackGroup(contact, reference);
  if (pull) groups.push(pull);
  return groups;
}

/// {element, ready}: the map section of plan version `version` (with its `plan` document).
export function planMap(version) {
  const plan = version.plan;
  const container = h('div.g-map', { id: 'plan-map' });
  const legend = h('ul.g-map-legend', { id: 'plan-map-legend' });
  const element = h('section.g-section', { 'aria-labelledby': 'plan-map-title' },
    h('h2', { id: 'plan-map-title' }, `Map of plan version ${version.id}`), container, legend,
    h('p.g-note', {}, 'Units are APP-6 symbols labelled with their nation; a number is a group of units or hubs close together at this zoom: open it to zoom in (at the deepest zoom it lists them). Bands can be switched on and off in the map\'s corner.'));
  const ready = (async () => {
    referenceBands();  // read beside the theatre, not after it
    const { L, map, geography } = await theatreMap(container, `Map of plan version ${version.id}: hubs, units, standoff and threat bands`, { withSymbols: true });
    const overlays = {};
    for (const group of await bandsOf(geography, plan)) {
      overlays[group.name] = drawBands(L, map, group.bands);
      legend.append(...group.legend);
    }
    if (Object.keys(overlays).length) L.control.layers(null, overlays, { collapsed: false }).addTo(map);
    const sites = new Map(geography.sites.map((site) => [site.id, site]));
    const positions = new Map((plan.positions ?? []).map((position) => [position.id, position]));
    const hubs = (plan.hubs ?? []).map((hub) => ({ kind: 'hub', hub, lon: hub.position[0], lat: hub.position[1],
      name: sites.get(hub.site)?.name ?? hub.site }));
    const units = (plan.assignments ?? []).flatMap((unit) => {
      const at = positions.get(unit.position)?.position;
      return at ? [{ kind: 'unit', unit, lon: at[0], lat: at[1], name: sites.get(unit.site)?.name ?? unit.site }] : [];
    });
    const title = (item) => item.kind === 'hub'
      ? `Hub ${item.name}: ${Math.round(item.hub.load_personnel)} of ${Math.round(item.hub.capacity_personnel)} personnel`
      : `${item.unit.unit} ${item.unit.capability} (${item.unit.nation}) for ${item.unit.line} at ${item.name}, in place D+${item.unit.arrival_day}`;
    clusteredMarkers(L, map, [...hubs, ...units], {
      iconFor: (item) => (item.kind === 'hub'
        ? L.divIcon({ className: 'g-map-site g-map-site-agreed', html: h('span', {}, 'HUB'), iconSize: [30, 18] })
        : symbolIcon(L, item.unit.app6_sidc, item.unit.nation)),
      titleFor: title,
      popupFor: (group) => h('ul.g-map-list', {}, group.map((item) => h('li', {}, title(item)))),
    });
    legend.prepend(legendItem('#b71c1c', `occupied area${geography.areas.find((area) => area.current) ? ` as of ${geography.areas.find((area) => area.current).as_of}` : ''}`));
    return map;
  })();
  return { element, ready };
}
