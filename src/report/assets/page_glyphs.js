/* Point symbols for theatre sites, shared by the map and the legend so both always agree.
   Shape says the kind (and letter the energy subkind); colour says the status. */
(function () {
  'use strict';
  var STATUS_COLOURS = {
    operating: '#2e7d32', damaged: '#ef6c00', destroyed: '#212121', occupied: '#c62828', closed: '#78909c'
  };
  var ENERGY_LETTERS = {
    nuclear: 'N', thermal: 'T', hydro: 'H', chp: 'C', refinery: 'R', gas_storage: 'G', substation: 'S',
    pumped_storage: 'P', solar: 'V', wind: 'W'
  };
  var AIRFIELD_COLOURS = { military: '#1f3a5f', joint: '#6a1b9a', civil: '#1565c0' };
  var PLANE = 'M12 2.5l1.4 7 7.6 3.6v1.7l-7.6-2-0.5 5.3 2.6 1.9v1.4l-3.5-1-3.5 1v-1.4l2.6-1.9-0.5-5.3-7.6 2v-1.7' +
              'l7.6-3.6z';

  function statusColour(status) { return STATUS_COLOURS[status] || '#555'; }

  function svg(size, body) {
    return '<svg xmlns="http://www.w3.org/2000/svg" width="' + size + '" height="' + size +
           '" viewBox="0 0 24 24">' + body + '</svg>';
  }

  function energy(subkind, status) {
    var letter = ENERGY_LETTERS[subkind] || 'E';
    return svg(18, '<circle cx="12" cy="12" r="10" fill="' + statusColour(status) +
               '" stroke="#fff" stroke-width="2"/><text x="12" y="16.5" text-anchor="middle" font-size="13" ' +
               'font-weight="bold" font-family="DejaVu Sans, sans-serif" fill="#fff">' + letter + '</text>');
  }

  function airfield(subkind, status) {
    var plane = AIRFIELD_COLOURS[subkind] || AIRFIELD_COLOURS.civil;
    return svg(20, '<circle cx="12" cy="12" r="11" fill="#fff" stroke="' + statusColour(status) +
               '" stroke-width="2.2"/><path d="' + PLANE + '" fill="' + plane + '"/>');
  }

  function port(status) {
    return svg(20, '<rect x="1.5" y="1.5" width="21" height="21" rx="3" fill="#fff" stroke="' + statusColour(status) +
               '" stroke-width="2.2"/><g fill="none" stroke="#0d47a1" stroke-width="2" stroke-linecap="round">' +
               '<circle cx="12" cy="6.5" r="2"/><path d="M12 8.5v10M8 11.5h8M5.5 14.5c1 3 3.5 4.5 6.5 4.5' +
               's5.5-1.5 6.5-4.5"/></g>');
  }

  /* A diamond; when the rail gauge changes (1435 mm meets 1520 mm) its halves show both gauges. */
  function crossing(subkind, gaugeChange, status) {
    var stroke = statusColour(status);
    var fill = subkind === 'road' ? '#8d6e63' : '#37474f';
    if (gaugeChange) {
      return svg(20, '<path d="M12 1.5L1.5 12L12 22.5z" fill="#1e88e5"/><path d="M12 1.5L22.5 12L12 22.5z" ' +
                 'fill="#fdd835"/><path d="M12 1.5L22.5 12L12 22.5L1.5 12z" fill="none" stroke="' + stroke +
                 '" stroke-width="2"/><path d="M12 4v16" stroke="#fff" stroke-width="1.4"/>');
    }
    return svg(16, '<path d="M12 1.5L22.5 12L12 22.5L1.5 12z" fill="' + fill + '" stroke="' + stroke +
               '" stroke-width="2"/>');
  }

  function hub(status) {
    return svg(17, '<path d="M12 1.5l3.1 6.6 7.2.9-5.3 5 1.4 7.1L12 17.6l-6.4 3.5 1.4-7.1-5.3-5 7.2-.9z" ' +
               'fill="#43a047" stroke="' + (status === 'operating' ? '#1b5e20' : statusColour(status)) +
               '" stroke-width="1.6"/>');
  }

  function railJunction(status) {
    return svg(14, '<rect x="4" y="4" width="16" height="16" fill="#263238" stroke="' + statusColour(status) +
               '" stroke-width="2.5"/>');
  }

  /* Returns the SVG markup and its pixel size for a site record of the embedded data. */
  function site(record) {
    var markup;
    switch (record.kind) {
      case 'energy': markup = energy(record.subkind, record.status); break;
      case 'airfield': markup = airfield(record.subkind, record.status); break;
      case 'port': markup = port(record.status); break;
      case 'border_crossing': markup = crossing(record.subkind, record.gauge_change, record.status); break;
      case 'candidate_hub': markup = hub(record.status); break;
      default: markup = railJunction(record.status);
    }
    var size = Number(/width="(\d+)"/.exec(markup)[1]);
    return { svg: markup, size: size };
  }

  window.GuarantorGlyphs = {
    site: site, statusColour: statusColour, STATUS_COLOURS: STATUS_COLOURS, ENERGY_LETTERS: ENERGY_LETTERS,
    AIRFIELD_COLOURS: AIRFIELD_COLOURS
  };
})();
