/* The plan map: reads the embedded JSON and draws the occupied area, the standoff band, hubs,
   coverage footprints and the assigned units as APP-6 symbols. Reports what it drew in
   window.guarantorMap (read by the browser test); strings are escaped before reaching HTML. */
(function () {
  'use strict';
  var state = window.guarantorMap = { ready: false, counts: {}, invalidSymbols: [] };
  var data = JSON.parse(document.getElementById('guarantor-plan-data').textContent);

  function esc(value) {
    return String(value === undefined || value === null ? '' : value).replace(/[&<>"']/g, function (c) {
      return { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' }[c];
    });
  }
  function latLng(p) { return [p[1], p[0]]; }
  function toLatLngs(coords) {
    return coords.map(function (polygon) {
      return polygon.map(function (ring) { return ring.map(latLng); });
    });
  }

  var map = L.map('map', { zoomSnap: 0.25, minZoom: 3, maxZoom: 13 });
  map.fitBounds([[data.view[1], data.view[0]], [data.view[3], data.view[2]]]);
  L.control.scale({ imperial: false }).addTo(map);
  var overlays = {};
  function addLayer(key, label, group) {
    state.counts[key] = (state.counts[key] || 0) + group.getLayers().length;
    group.addTo(map);
    overlays['<span data-layer="' + key + '">' + esc(label) + ' (' + group.getLayers().length + ')</span>'] = group;
  }

  var countries = L.layerGroup();
  data.countries.forEach(function (c) {
    L.polygon(toLatLngs(c.coordinates), { className: 'g-layer-countries', color: '#555', weight: 1, fillColor: '#f4f1e8',
                                          fillOpacity: 1 }).bindTooltip(esc(c.name)).addTo(countries);
  });
  addLayer('countries', 'Countries', countries);

  /* The standoff band as the one area it covers on the Earth (bandPolygons and edgeLines of
     web/band_geometry.js, embedded before this script, as on the workspace's plan map): every
     point within the distance of the occupied area's edge, less the edges its clipping to the
     map frame made. Its pieces overlap and run clockwise, so the nonzero fill draws their union
     at one shade instead of darker where discs would pile up. */
  var band = L.layerGroup();
  var contact = data.occupied ? edgeLines(data.occupied.coordinates) : [];
  if (contact.length) {
    L.polygon(bandPolygons({ lines: contact }, data.standoff.radius_m), {
      className: 'g-layer-standoff', stroke: false, fillColor: '#d9822b', fillOpacity: 0.25, fillRule: 'nonzero',
      interactive: false }).addTo(band);
  }
  addLayer('standoff', 'Standoff band (' + data.standoff.radius_m / 1000 + ' km)', band);

  var occupied = L.layerGroup();
  if (data.occupied) {
    L.polygon(toLatLngs(data.occupied.coordinates), { className: 'g-layer-occupied', color: '#a11', weight: 1,
                                                      fillColor: '#c33', fillOpacity: 0.35 })
      .bindTooltip('Occupied area as of ' + esc(data.occupied.as_of)).addTo(occupied);
  }
  addLayer('occupied', 'Occupied area', occupied);

  var footprints = L.layerGroup();
  data.footprints.forEach(function (f) {
    L.circle(latLng(f.position), { radius: f.reach_m, className: 'g-layer-footprints', color: f.color, weight: 1,
                                   fillOpacity: 0.06 })
      .bindTooltip(esc(f.line) + ' ' + esc(f.capability) + ': ' + Math.round(f.reach_m / 1000) + ' km').addTo(footprints);
  });
  addLayer('footprints', 'Coverage footprints', footprints);

  var hubs = L.layerGroup();
  data.hubs.forEach(function (h) {
    L.marker(latLng(h.position), { icon: L.divIcon({ className: 'g-layer-hubs g-hub-icon', iconSize: [16, 16] }) })
      .bindTooltip('Hub ' + esc(h.name) + ': ' + Math.round(h.load) + ' personnel based').addTo(hubs);
  });
  addLayer('hubs', 'Hubs', hubs);

  var symbols = L.layerGroup();
  data.units.forEach(function (u, i) {
    var symbol = new ms.Symbol(u.sidc, { size: 18, uniqueDesignation: u.label });
    if (!symbol.isValid()) state.invalidSymbols.push(u.unit);
    /* Units sharing a site fan out on a small circle so each symbol stays readable. */
    var angle = (u.slot || 0) * 0.9;
    var offset = u.slot ? 0.06 + 0.012 * u.slot : 0;
    var position = [u.position[1] + offset * Math.sin(angle), u.position[0] + offset * Math.cos(angle) * 1.5];
    var anchor = symbol.getAnchor();
    L.marker(position, { icon: L.divIcon({ className: 'g-layer-symbols', html: symbol.asSVG(),
                                          iconAnchor: [anchor.x, anchor.y] }) })
      .bindTooltip(esc(u.unit) + ' (' + esc(u.nation) + ') ' + esc(u.capability) + ' for ' + esc(u.line) +
                   ', in place day ' + u.arrival_day).addTo(symbols);
  });
  addLayer('symbols', 'Assigned units (APP-6)', symbols);

  L.control.layers(null, overlays, { collapsed: true }).addTo(map);
  map.attributionControl.addAttribution(data.attribution.map(esc).join('; '));
  state.ready = true;
})();
