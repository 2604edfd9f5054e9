/* The theatre map: reads the embedded JSON, draws every layer without a tile layer, and
   reports what it drew in window.guarantorMap (read by the browser test). Every string from the
   data is escaped before it reaches HTML (tooltips, legend, attribution). */
(function () {
  'use strict';
  var state = window.guarantorMap = { ready: false, counts: {}, invalidSymbols: [] };
  var data = JSON.parse(document.getElementById('guarantor-data').textContent);
  var glyphs = window.GuarantorGlyphs;

  function esc(value) {
    return String(value === undefined || value === null ? '' : value).replace(/[&<>"']/g, function (c) {
      return { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' }[c];
    });
  }
  function toLatLngs(coords) {
    return coords.map(function (polygon) {
      return polygon.map(function (ring) { return ring.map(function (p) { return [p[1], p[0]]; }); });
    });
  }
  function latLng(position) { return [position[1], position[0]]; }
  function fmtInt(n) { return Number(n).toLocaleString('en-GB'); }

  var map = L.map('map', { zoomSnap: 0.25, zoomDelta: 0.5, minZoom: 3, maxZoom: 13 });
  /* Panes order the layers: areas below points, symbols on top; tooltips stay above all. */
  [['countries', 300], ['regions', 320], ['areas', 340], ['places', 450], ['sites', 610], ['symbols', 620]]
    .forEach(function (pane) { map.createPane('g-' + pane[0]).style.zIndex = pane[1]; });

  var overlays = {};
  /* Registers a layer with the control; only layers shown at start are counted, because only
     they are in the DOM for the browser test to find. */
  function addLayer(key, label, group, shown) {
    var count = group.getLayers().length;
    if (shown !== false) {
      state.counts[key] = (state.counts[key] || 0) + count;
      group.addTo(map);
    }
    overlays['<span class="g-ctl" data-layer="' + key + '">' + label + ' <small>(' + count +
             ')</small></span>'] = group;
  }

  /* Country outlines, styled by the country's role towards the mission. */
  var COUNTRY_STYLES = {
    host: { fillColor: '#fbf7ea', color: '#3d3d3d', weight: 1.6 },
    neighbour_nato: { fillColor: '#e3eaf4', color: '#6f819c', weight: 1.0 },
    neighbour_other: { fillColor: '#eeeeea', color: '#8a8a84', weight: 1.0 },
    adversary: { fillColor: '#efe3df', color: '#8f7c75', weight: 1.0 }
  };
  var countries = L.featureGroup();
  data.countries.forEach(function (c) {
    if (!c.coords.length) return;
    var style = COUNTRY_STYLES[c.role] || COUNTRY_STYLES.neighbour_other;
    L.polygon(toLatLngs(c.coords), {
      pane: 'g-countries', className: 'g-layer-countries g-role-' + c.role, fillOpacity: 1,
      fillColor: style.fillColor, color: style.color, weight: style.weight, gName: c.name
    }).bindTooltip('<b>' + esc(c.name) + '</b> (' + esc(c.iso2) + ')<br>' + esc(c.role.replace(/_/g, ' ')) +
                   (c.gauge_mm ? '<br>rail gauge ' + esc(c.gauge_mm) + ' mm' : ''), { sticky: true, className: 'g-tip' })
      .addTo(countries);
  });
  addLayer('countries', 'Countries', countries);
  /* Country names at the centre of their largest drawn part, as on a printed map. */
  var countryLabels = L.layerGroup();
  countries.eachLayer(function (layer) {
    var rings = layer.getLatLngs();
    var largest = null, largestSize = -1;
    (Array.isArray(rings[0][0]) ? rings : [rings]).forEach(function (polygon) {
      var bounds = L.latLngBounds(polygon[0]);
      var size = (bounds.getEast() - bounds.getWest()) * (bounds.getNorth() - bounds.getSouth());
      if (size > largestSize) { largestSize = size; largest = L.polygon(polygon); }
    });
    if (!largest) return;
    L.tooltip({ permanent: true, direction: 'center', className: 'g-country-label', interactive: false,
                pane: 'g-regions' }).setLatLng(largest.getBounds().getCenter()).setContent(esc(layer.options.gName)).addTo(countryLabels);
  });
  countryLabels.addTo(map);

  var regions = L.featureGroup();
  data.regions.forEach(function (r) {
    if (!r.coords.length) return;
    L.polygon(toLatLngs(r.coords), {
      pane: 'g-regions', className: 'g-layer-regions', fill: true, fillColor: '#fff', fillOpacity: 0,
      color: '#9a8b70', weight: 0.8, dashArray: '4 3'
    }).bindTooltip('<b>' + esc(r.name) + '</b> ' + esc(r.iso) + (r.name_uk ? '<br>' + esc(r.name_uk) : ''),
                   { sticky: true, className: 'g-tip' }).addTo(regions);
  });
  addLayer('regions', 'Oblasts (ISO 3166-2)', regions);

  /* Dated areas: the one in force on the scenario's date is shown; the others are layers of
     their own, off by default, so a reader can compare the line over time. */
  var byDate = data.areas.slice().sort(function (a, b) { return a.as_of < b.as_of ? 1 : a.as_of > b.as_of ? -1 : 0; });
  byDate.forEach(function (a, idx) {
    var latest = a.current === true || (idx === 0 && !data.areas.some(function (x) { return x.current === true; }));
    var group = L.featureGroup();
    if (a.coords.length) {
      L.polygon(toLatLngs(a.coords), {
        pane: 'g-areas', className: latest ? 'g-layer-areas' : 'g-layer-areas-earlier',
        fillColor: latest ? 'url(#g-hatch)' : '#c62828', fillOpacity: latest ? 1 : 0.08,
        color: latest ? '#b71c1c' : '#e65100', weight: latest ? 1.6 : 1.4, dashArray: latest ? null : '6 4'
      }).bindTooltip('<b>Occupied area</b> as of ' + esc(a.as_of) + '<br>Source: ' + esc(a.source),
                     { sticky: true, className: 'g-tip' }).addTo(group);
    }
    addLayer(latest ? 'areas' : 'areas-earlier', 'Occupied area (as of ' + esc(a.as_of) + ')', group, latest);
  });

  /* Places: area of the circle grows with population (radius with its square root). */
  var places = L.featureGroup();
  data.places.forEach(function (p) {
    var radius = Math.min(9, 2 + 3.2 * Math.sqrt(p.population / 1e6));
    var marker = L.circleMarker(latLng(p.position), {
      pane: 'g-places', className: 'g-layer-places', radius: radius, weight: p.capital ? 2.5 : 1,
      color: p.capital ? '#1d2733' : '#fff', fillColor: '#37414d', fillOpacity: 0.9
    });
    marker.bindTooltip('<b>' + esc(p.name) + '</b> (' + esc(p.country) + ')<br>population ' + fmtInt(p.population),
                       { className: 'g-tip' });
    marker.addTo(places);
    if (p.label) {
      L.tooltip({ permanent: true, direction: 'right', offset: [radius, 0], className: 'g-label', pane: 'g-places',
                  interactive: false })
        .setLatLng(latLng(p.position)).setContent(esc(p.name)).addTo(places);
    }
  });
  state.counts.places = data.places.length;
  places.addTo(map);
  overlays['<span class="g-ctl" data-layer="places">Populated places <small>(' + data.places.length +
           ')</small></span>'] = places;

  /* Sites, one layer per kind. */
  var SITE_LAYERS = [['energy', 'Energy sites'], ['airfield', 'Airfields'], ['port', 'Ports'],
                     ['border_crossing', 'Border crossings'], ['rail_junction', 'Rail junctions'],
                     ['candidate_hub', 'Candidate hub sites']];
  SITE_LAYERS.forEach(function (entry) {
    var kind = entry[0];
    var group = L.featureGroup();
    data.sites.filter(function (s) { return s.kind === kind; }).forEach(function (s) {
      var glyph = glyphs.site(s);
      var details = [esc(s.kind.replace(/_/g, ' ')) + (s.subkind ? ' / ' + esc(s.subkind.replace(/_/g, ' ')) : ''),
                     'status: <b style="color:' + glyphs.statusColour(s.status) + '">' + esc(s.status) + '</b>'];
      if (s.capacity) details.push('capacity ' + fmtInt(s.capacity) + ' ' + esc(s.capacity_unit));
      if (s.runway_m) details.push('runway ' + fmtInt(s.runway_m) + ' m');
      if (s.gauge_change) details.push('rail gauge change 1435/1520 mm (transshipment)');
      details.push('<small>source: ' + esc(s.source) + '</small>');
      L.marker(latLng(s.position), {
        pane: 'g-sites', keyboard: false,
        icon: L.divIcon({ html: glyph.svg, className: 'g-site-icon g-layer-' + kind.replace(/_/g, '-'),
                          iconSize: [glyph.size, glyph.size] })
      }).bindTooltip('<b>' + esc(s.name) + '</b> (' + esc(s.country) + ')<br>' + details.join('<br>'),
                     { className: 'g-tip', direction: 'top' }).addTo(group);
    });
    if (group.getLayers().length || kind !== 'rail_junction') addLayer(kind.replace(/_/g, '-'), entry[1], group);
  });

  /* Pledged units as APP-6 symbols. Several pledges at one place are laid out on a small grid
     around it so none hides another. */
  var symbols = L.featureGroup();
  var byPlace = {};
  data.pledges.forEach(function (p) {
    var key = p.position[0].toFixed(2) + ',' + p.position[1].toFixed(2);
    (byPlace[key] = byPlace[key] || []).push(p);
  });
  Object.keys(byPlace).forEach(function (key) {
    var group = byPlace[key];
    var columns = Math.ceil(Math.sqrt(group.length));
    group.forEach(function (p, idx) {
      var symbol = new ms.Symbol(p.sidc || '', { size: 20, quantity: String(p.quantity),
                                                 uniqueDesignation: p.nation, infoFields: true });
      if (!p.sidc || !symbol.isValid()) state.invalidSymbols.push(p.id);
      var anchor = symbol.getAnchor();
      var size = symbol.getSize();
      var col = idx % columns, row = Math.floor(idx / columns);
      var rows = Math.ceil(group.length / columns);
      var dx = (col - (columns - 1) / 2) * 62, dy = (row - (rows - 1) / 2) * 40;
      var caveats = p.caveats.length ? p.caveats.map(esc).join('<br>') : 'none stated';
      L.marker(latLng(p.position), {
        pane: 'g-symbols', keyboard: false,
        icon: L.divIcon({ html: symbol.asSVG(), className: 'g-symbol-icon g-layer-symbols',
                          iconSize: [size.width, size.height], iconAnchor: [anchor.x - dx, anchor.y - dy] })
      }).bindTooltip('<b>' + esc(p.id) + '</b> ' + esc(p.nation_name) + '<br>' + esc(p.capability_name) +
                     ' &times;' + esc(p.quantity) + '<br><code>' + esc(p.capability) + '</code><br>readiness ' +
                     esc(p.readiness_days) + ' days, ' + esc(p.status) + (p.illustrative ? ', <b>illustrative</b>' : '') +
                     '<br>caveats: ' + caveats, { className: 'g-tip', direction: 'top' }).addTo(symbols);
    });
  });
  addLayer('symbols', 'Pledged units (APP-6)', symbols);

  L.control.layers(null, overlays, { collapsed: false, position: 'topright' }).addTo(map);
  L.control.scale({ metric: true, imperial: false, maxWidth: 160 }).addTo(map);
  map.attributionControl.setPrefix('Leaflet');
  data.attributions.forEach(function (line) { map.attributionControl.addAttribution(esc(line)); });

  if (data.view) {
    map.fitBounds([[data.view[1], data.view[0]], [data.view[3], data.view[2]]], { padding: [4, 4] });
  } else {
    map.setView([49, 31], 5);
  }
  window.GuarantorLegend.render(document.getElementById('g-legend'), data, esc);
  state.ready = true;
  document.body.setAttribute('data-map-ready', 'true');
})();
