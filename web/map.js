// Offline maps for the workspace pages: Leaflet with no tile layer. The base map is the theatre
// the server was started with (/assets/theatre.json: countries from Natural Earth via world-atlas
// with Crimea as Ukraine's, oblasts, the occupied area, populated places), drawn as vector
// layers; the libraries come from the server's npm packages (/assets/lib/). Nothing is fetched
// from anywhere else, so the pages' Content-Security-Policy stays strict.
import { h } from './dom.js';
import { bandPolygons, edgeLines } from './band_geometry.js';

export { edgeLines };

let leaflet = null;
let symbols = null;
let theatre = null;
let bands = null;

function script(src) {
  return new Promise((resolve, reject) => {
    const element = document.createElement('script');
    element.src = src;
    element.onload = resolve;
    element.onerror = () => reject(new Error(`${src} could not be loaded (map libraries not installed on the server?)`));
    document.head.append(element);
  });
}

function stylesheet(href) {
  return new Promise((resolve, reject) => {
    const element = h('link', { rel: 'stylesheet', href });
    element.onload = resolve;
    element.onerror = () => reject(new Error(`${href} could not be loaded`));
    document.head.append(element);
  });
}

/// Starts loading what a map needs - Leaflet, the theatre and, with `withSymbols`, milsymbol
/// (862 KB of script, parsed only by the pages that draw APP-6 symbols) - without waiting for
/// it, so a page can ask for it before reading its own data and both arrive together.
export function preloadMap({ withSymbols = false } = {}) {
  leaflet ??= Promise.all([script('/assets/lib/leaflet.js'), stylesheet('/assets/lib/leaflet.css')]);
  if (withSymbols) symbols ??= script('/assets/lib/milsymbol.js');
  theatre ??= fetch('/assets/theatre.json').then((response) => {
    if (!response.ok) throw new Error(`the theatre could not be loaded (${response.status})`);
    return response.json();
  });
  // Rejections are reported by loadMap, to the page that waits for the map.
  for (const pending of [leaflet, symbols, theatre]) pending?.catch(() => {});
}

/// Leaflet (window.L), milsymbol (window.ms, with `withSymbols`) and the theatre, each loaded
/// once per page.
export async function loadMap({ withSymbols = false } = {}) {
  preloadMap({ withSymbols });
  const [, , geography] = await Promise.all([leaflet, withSymbols ? symbols : null, theatre]);
  return geography;
}

const latLngs = (rings) => rings.map((ring) => ring.map(([lon, lat]) => [lat, lon]));
const multiLatLngs = (parts) => parts.map(latLngs);

// Area-weighted centre of the largest part's outer ring: where an oblast's name is written.
function labelPoint(parts) {
  let best = null;
  for (const part of parts) {
    const ring = part[0];
    let area = 0, x = 0, y = 0;
    for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
      const cross = ring[j][0] * ring[i][1] - ring[i][0] * ring[j][1];
      area += cross;
      x += (ring[j][0] + ring[i][0]) * cross;
      y += (ring[j][1] + ring[i][1]) * cross;
    }
    if (area !== 0 && (!best || Math.abs(area) > best.area)) best = { area: Math.abs(area), at: [y / (3 * area), x / (3 * area)] };
  }
  return best?.at ?? null;
}

function textLabel(L, at, text, className, pane) {
  return L.marker(at, { pane, interactive: false, keyboard: false,
    icon: L.divIcon({ className: `g-map-label ${className}`, html: h('span', {}, text), iconSize: null }) });
}

// Which places carry a name at a zoom: the larger the scale, the smaller the place named.
function placeMinimum(zoom) {
  if (zoom < 6) return 1000000;
  if (zoom < 7) return 300000;
  if (zoom < 8) return 100000;
  return 0;
}

/// Draws the theatre into `container` and returns {L, map, geography}. `caption` names the map
/// for screen readers; the attributions of the data are shown in the map's corner.
export async function theatreMap(container, caption, { withSymbols = false } = {}) {
  const geography = await loadMap({ withSymbols });
  const L = window.L;
  container.setAttribute('role', 'region');
  container.setAttribute('aria-label', caption);
  const map = L.map(container, { zoomSnap: 0.5, minZoom: 4, maxZoom: 11, attributionControl: true });
  for (const [name, zIndex] of [['countries', 200], ['regions', 250], ['bands', 300], ['occupied', 350], ['labels', 450]])
    map.createPane(name).style.zIndex = zIndex;
  map.getPane('bands').classList.add('g-map-bands');
  map.getPane('labels').style.pointerEvents = 'none';
  // The attributions are long (sources, licences, how each file was derived): the map's corner
  // names the sources and points to the full text, which follows the map.
  map.attributionControl.setPrefix(false);
  map.attributionControl.addAttribution('Natural Earth, GeoNames, OpenStreetMap, DeepStateMap: see "Map data and its sources" below the map');
  container.after(h('details.g-map-sources', {}, h('summary', {}, 'Map data and its sources'),
    h('ul', {}, (geography.attributions ?? []).map((line) => h('li', {}, line)))));

  let hostBounds = null;
  for (const country of geography.countries) {
    const outline = L.polygon(multiLatLngs(country.coords), { pane: 'countries', weight: 1.2, color: '#555',
      fillColor: country.role === 'host' ? '#fbf8ee' : '#e6e3dc', fillOpacity: 1 })
      .bindTooltip(`${country.name} (${country.iso2})`, { sticky: true }).addTo(map);
    if (country.role === 'host' && country.coords.length) hostBounds = outline.getBounds();
  }
  const regionLabels = L.layerGroup();
  for (const region of geography.regions) {
    L.polygon(multiLatLngs(region.coords), { pane: 'regions', weight: 0.7, color: '#7a7a7a', dashArray: '3 3', fill: true, fillOpacity: 0 })
      .bindTooltip(`${region.name} (${region.iso})`, { sticky: true }).addTo(map);
    const at = labelPoint(region.coords);
    if (at) textLabel(L, at, region.name.replace(/ Oblast$/, ''), 'g-map-region', 'labels').addTo(regionLabels);
  }
  const current = geography.areas.find((area) => area.current);
  if (current) {
    L.polygon(multiLatLngs(current.coords), { pane: 'occupied', weight: 1.5, color: '#8e1b1b', fillColor: '#b71c1c', fillOpacity: 0.18 })
      .bindTooltip(`Occupied area as of ${current.as_of}`, { sticky: true }).addTo(map);
  }
  const placeLabels = L.layerGroup().addTo(map);
  const drawPlaces = () => {
    placeLabels.clearLayers();
    const minimum = placeMinimum(map.getZoom());
    for (const place of geography.places) {
      if (place.population < minimum && !place.capital) continue;
      L.circleMarker([place.position[1], place.position[0]], { pane: 'labels', radius: place.capital ? 4 : 2.5, weight: 1,
        color: '#222', fillColor: place.capital ? '#222' : '#fff', fillOpacity: 1, interactive: false }).addTo(placeLabels);
      textLabel(L, [place.position[1], place.position[0]], place.name, place.capital ? 'g-map-place g-map-capital' : 'g-map-place', 'labels')
        .addTo(placeLabels);
    }
    if (map.getZoom() >= 6) regionLabels.addTo(map);
    else regionLabels.remove();
  };
  map.on('zoomend', drawPlaces);
  // The host country fills the map at first; the theatre's wider view is one zoom out.
  const [minLon, minLat, maxLon, maxLat] = geography.view ?? [22, 44, 41, 53];
  map.fitBounds(hostBounds ?? [[minLat, minLon], [maxLat, maxLon]]);
  drawPlaces();
  L.control.scale({ imperial: false }).addTo(map);
  return { L, map, geography };
}

// Band colours, one per kind; a legend names each band in words beside its swatch.
export const BAND_COLOURS = { standoff: '#b3261e', threat: '#e07b00', pullback: ['#5b2c83', '#7d4fa8', '#a07cc5', '#c4aee0'], buffer: '#1f5fbf' };

export function legendItem(colour, text) {
  return h('li', {}, h('span.g-map-swatch', { style: `background:${colour}` }), text);
}

/// The threat axes and the agreement's pull-back bands the server was started with, read once
/// per page (a page may ask for them early, beside the theatre).
export function referenceBands() {
  bands ??= fetch('/assets/bands.json').then((response) => (response.ok ? response.json() : { threat_axes: [], pull_back: [] }));
  return bands;
}

/// The line of contact: the current occupied area's outline without its map-frame edges.
export function contactLines(geography) {
  const occupied = geography.areas.find((area) => area.current);
  return occupied ? edgeLines(occupied.coords) : [];
}

/// The agreement's buffer zone and pull-back bands around the line of contact, widest first, as
/// a band group {name, bands, legend} for drawBands (null when there is no line or no band).
export function pullBackGroup(contact, reference) {
  if (!contact.length || !reference.pull_back?.length) return null;
  const pull = { name: 'Pull-back and buffer bands (agreement)', bands: [], legend: [] };
  [...reference.pull_back].sort((a, b) => b.distance_m - a.distance_m).forEach((band, index) => {
    const colour = band.kind === 'buffer' ? BAND_COLOURS.buffer : BAND_COLOURS.pullback[index % BAND_COLOURS.pullback.length];
    pull.bands.push({ lines: contact, distance_m: band.distance_m, colour });
    pull.legend.push(legendItem(colour, `${band.label}: ${band.distance_m / 1000} km from the line of contact (${band.provision})`));
  });
  return pull;
}

// Every band drawn on a map with its distance, so the bands of all groups stack widest first,
// whichever group was drawn or switched on last.
const drawnBands = new WeakMap();

function restack(map) {
  for (const { layer } of [...drawnBands.get(map)].sort((a, b) => b.distance_m - a.distance_m))
    if (map.hasLayer(layer)) layer.bringToFront();
}

/// Bands at distances from lines and points, each drawn once as the area it covers on the Earth
/// (band_geometry.js: great circles, so as wide in the north of the map as in the south, and
/// fixed on the ground at every zoom). The widest band on the map is drawn first and each
/// narrower one over it (across calls too: a standoff of 100 km shows over a pull-back band of
/// 150 km), in opaque colours inside a pane that is see-through as a whole, so each place shows
/// the narrowest band it lies in: the bands read as rings around their lines and never pile up
/// into darker discs. `bands`: [{lines, points, distance_m, colour}] with lines as [[lat, lon],
/// ...] polylines and points as [lat, lon]. Returns the bands as one layer (a group to switch).
export function drawBands(L, map, bands) {
  if (!drawnBands.has(map)) {
    drawnBands.set(map, []);
    map.on('overlayadd', () => restack(map));
  }
  const layers = L.layerGroup().addTo(map);
  for (const band of bands) {
    // "nonzero": the band's polygons overlap and all run clockwise, so their union fills once.
    const layer = L.polygon(bandPolygons(band, band.distance_m), { pane: 'bands', stroke: false, fillColor: band.colour, fillOpacity: 1,
      fillRule: 'nonzero', interactive: false }).addTo(layers);
    drawnBands.get(map).push({ layer, distance_m: band.distance_m });
  }
  restack(map);
  return layers;
}

/// Markers grouped by zoom: points closer than `cellPx` pixels on screen are drawn as one marker
/// with their count (clicking it zooms in, or at the deepest zoom lists its members); single
/// points get `iconFor(item)` and open with `onSelect(item)` or else a popup. `items`:
/// [{lat, lon, ...}]. Returns redraw(items?), which redraws with new items when given, and
/// redraw.remove() to take the markers off the map.
export function clusteredMarkers(L, map, items, { iconFor, titleFor, popupFor, onSelect, cellPx = 48, pane = 'markerPane' }) {
  const layer = L.layerGroup().addTo(map);
  const draw = (next) => {
    if (next) items = next;
    layer.clearLayers();
    const zoom = map.getZoom();
    const cells = new Map();
    for (const item of items) {
      const point = map.project([item.lat, item.lon], zoom);
      const key = `${Math.floor(point.x / cellPx)}:${Math.floor(point.y / cellPx)}`;
      if (!cells.has(key)) cells.set(key, []);
      cells.get(key).push(item);
    }
    for (const group of cells.values()) {
      const lat = group.reduce((sum, item) => sum + item.lat, 0) / group.length;
      const lon = group.reduce((sum, item) => sum + item.lon, 0) / group.length;
      if (group.length === 1) {
        const marker = L.marker([lat, lon], { pane, icon: iconFor(group[0]), title: titleFor(group[0]), alt: titleFor(group[0]) });
        if (onSelect) marker.on('click', () => onSelect(group[0]));
        else if (popupFor) marker.bindPopup(() => popupFor([group[0]]));
        marker.addTo(layer).getElement()?.classList.add('g-map-single');
        continue;
      }
      const title = `${group.length} here: ${group.slice(0, 5).map(titleFor).join('; ')}${group.length > 5 ? '; ...' : ''}`;
      const marker = L.marker([lat, lon], { pane, title, alt: title,
        icon: L.divIcon({ className: 'g-map-cluster', html: h('span', {}, String(group.length)), iconSize: [30, 30] }) });
      if (zoom < map.getMaxZoom()) {
        marker.on('click', () => map.fitBounds(L.latLngBounds(group.map((item) => [item.lat, item.lon])).pad(0.3),
          { maxZoom: Math.min(zoom + 2, map.getMaxZoom()) }));
      } else if (popupFor) {
        marker.bindPopup(() => popupFor(group));
      }
      marker.addTo(layer);
    }
  };
  const onZoom = () => draw();
  map.on('zoomend', onZoom);
  draw();
  // Removes the markers and stops following the zoom.
  draw.remove = () => {
    map.off('zoomend', onZoom);
    layer.remove();
  };
  return draw;
}

/// A milsymbol (APP-6) icon as an image (a data: URL, so no markup from the data is ever parsed).
const symbolCache = new Map();
export function symbolIcon(L, sidc, designation) {
  const key = `${sidc}|${designation}`;
  if (!symbolCache.has(key)) {
    const symbol = new window.ms.Symbol(sidc || '10031000000000000000', { size: 22, uniqueDesignation: designation });
    const canvas = symbol.asCanvas();
    const anchor = symbol.getAnchor();
    const size = symbol.getSize();
    symbolCache.set(key, L.icon({ iconUrl: canvas.toDataURL(), iconSize: [size.width, size.height], iconAnchor: [anchor.x, anchor.y] }));
  }
  return symbolCache.get(key);
}
