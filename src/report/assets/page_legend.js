/* The legend beside the map. Swatches come from the same glyph functions as the map. */
(function () {
  'use strict';
  var glyphs = window.GuarantorGlyphs;

  function item(swatch, text) { return '<li>' + swatch + '<span>' + text + '</span></li>'; }
  function box(fill, stroke, extra) {
    return '<span class="g-swatch" style="background:' + fill + ';border-color:' + stroke + ';' + (extra || '') + '"></span>';
  }
  function section(title, items) { return '<h3>' + title + '</h3><ul>' + items.join('') + '</ul>'; }

  function render(element, data, esc) {
    var html = '';
    html += section('Countries and regions', [
      item(box('#fbf7ea', '#3d3d3d', 'border-width:2px'), 'Host nation'),
      item(box('#e3eaf4', '#6f819c'), 'NATO neighbour'),
      item(box('#eeeeea', '#8a8a84'), 'Other neighbour'),
      item(box('#efe3df', '#8f7c75'), 'Adversary'),
      item(box('transparent', '#9a8b70', 'border-style:dashed'), 'Oblast boundary (hover: name, ISO 3166-2 code)')
    ]);
    var latestDate = data.areas.reduce(function (max, a) { return a.as_of > max ? a.as_of : max; }, '');
    var areaItems = data.areas.map(function (a) {
      var latest = a.as_of === latestDate;
      var swatch = latest
        ? '<rect x="1" y="1" width="22" height="14" fill="url(#g-hatch)" stroke="#b71c1c" stroke-width="1.6"/>'
        : '<rect x="1" y="1" width="22" height="14" fill="#c62828" fill-opacity="0.08" stroke="#e65100" ' +
          'stroke-width="1.4" stroke-dasharray="6 4"/>';
      return item('<svg width="24" height="16">' + swatch + '</svg>',
                  'Occupied area as of <b>' + esc(a.as_of) + '</b>' + (latest ? '' : ' (earlier; off at start)') +
                  '<div class="g-source">Source: ' + esc(a.source) + '</div>');
    });
    if (areaItems.length) html += section('Dated areas', areaItems);
    var t = data.place_thresholds;
    html += section('Populated places', [
      item('<svg width="24" height="16"><circle cx="6" cy="8" r="2.5" fill="#37414d"/><circle cx="16" cy="8" r="6.5" ' +
           'fill="#37414d"/></svg>', 'Circle area by population; ' + (t.host_country ? esc(t.host_country) + ' &ge; ' +
           Number(t.host).toLocaleString('en-GB') + ', abroad &ge; ' + Number(t.abroad).toLocaleString('en-GB')
           : '&ge; ' + Number(t.host).toLocaleString('en-GB'))),
      item('<svg width="24" height="16"><circle cx="12" cy="8" r="6" fill="#37414d" stroke="#1d2733" ' +
           'stroke-width="2.5"/></svg>', 'Capital')
    ]);
    var letters = glyphs.ENERGY_LETTERS;
    html += section('Energy sites (letter: type; colour: status)', [
      item(glyphs.site({ kind: 'energy', subkind: 'nuclear', status: 'operating' }).svg,
           Object.keys(letters).slice(0, 7).map(function (k) { return letters[k] + ' ' + k.replace(/_/g, ' '); })
             .join(', '))
    ].concat(Object.keys(glyphs.STATUS_COLOURS).map(function (status) {
      return item(box(glyphs.STATUS_COLOURS[status], '#fff', 'border-radius:7px;width:14px'), status);
    })));
    html += section('Transport and basing', [
      item(glyphs.site({ kind: 'airfield', subkind: 'military', status: 'operating' }).svg, 'Airfield, military'),
      item(glyphs.site({ kind: 'airfield', subkind: 'civil', status: 'operating' }).svg,
           'Airfield, civil (ring: status colour)'),
      item(glyphs.site({ kind: 'port', status: 'operating' }).svg, 'Port'),
      item(glyphs.site({ kind: 'border_crossing', subkind: 'road', status: 'operating' }).svg, 'Border crossing, road'),
      item(glyphs.site({ kind: 'border_crossing', subkind: 'rail', status: 'operating' }).svg, 'Border crossing, rail'),
      item(glyphs.site({ kind: 'border_crossing', subkind: 'rail', gauge_change: true, status: 'operating' }).svg,
           'Rail gauge change 1435 / 1520 mm (transshipment)'),
      item(glyphs.site({ kind: 'candidate_hub', status: 'operating' }).svg, 'Candidate hub site')
    ]);
    var sample = data.pledges.filter(function (p) { return p.sidc; })[0];
    if (sample) {
      var symbol = new ms.Symbol(sample.sidc, { size: 14, quantity: '2', uniqueDesignation: 'FR' });
      html += section('Pledged units (APP-6)', [
        item(symbol.asSVG(), 'Friendly unit at its home or staging location; above: quantity pledged; left: nation ' +
             '(ISO 3166-1). Hover for capability, readiness and caveats.')
      ]);
    }
    element.innerHTML = html;
  }

  window.GuarantorLegend = { render: render };
})();
