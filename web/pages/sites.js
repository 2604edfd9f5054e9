// Sites: the theatre's candidate sites with their negotiation status (proposed -> surveyed ->
// offered -> agreed, or rejected), lead nation and infrastructure assessment; one site opens
// with its comments, the next legal step (with a comment), the assessment form and the record
// of who changed what. Who may do what follows the API's role matrix (docs/workspace.md).
import { h, replace, plural } from '../dom.js';
import { api, ApiError } from '../api.js';
import { downloadCsv } from '../csv.js';
import { sitesMap } from './sites_map.js';
import { preloadMap } from '../map.js';

const NEGOTIATORS = ['secretariat', 'host_nation'];
const SURVEYORS = ['secretariat', 'host_nation', 'planner'];
const COMMENTERS = ['secretariat', 'host_nation', 'planner', 'liaison'];
// The negotiation's legal steps (docs/workspace.md, "Sites and negotiation").
const NEXT = { proposed: ['surveyed', 'rejected'], surveyed: ['offered', 'rejected'], offered: ['agreed', 'rejected'], agreed: [], rejected: [] };
const STATUSES = Object.keys(NEXT);
const KINDS = ['candidate_hub', 'airfield', 'port', 'rail_junction', 'border_crossing', 'energy'];
// The assessment's members with their labels and inputs (docs/workspace.md: units and ranges).
const ASSESSMENT = [
  ['runway_m', 'Longest usable runway (m)', 'number'],
  ['rail_siding', 'Rail siding', 'yesno'],
  ['rail_gauge_mm', 'Rail gauge (mm)', ['', '1520', '1435']],
  ['housing_personnel', 'Housing (beds)', 'number'],
  ['protected_storage_m2', 'Protected storage (m²)', 'number'],
  ['power_mw', 'Assured power (MW)', 'number'],
  ['medical', 'Medical care', ['', 'none', 'role1', 'role2', 'role3']],
  ['assessed_on', 'Assessed on', 'date'],
  ['notes', 'Notes', 'text'],
];

function assessmentText(assessment) {
  const parts = [];
  if (assessment.runway_m !== undefined) parts.push(`runway ${assessment.runway_m} m`);
  if (assessment.rail_siding !== undefined) parts.push(assessment.rail_siding ? `rail siding${assessment.rail_gauge_mm ? ` ${assessment.rail_gauge_mm} mm` : ''}` : 'no rail siding');
  if (assessment.housing_personnel !== undefined) parts.push(`${assessment.housing_personnel} beds`);
  if (assessment.protected_storage_m2 !== undefined) parts.push(`${assessment.protected_storage_m2} m² storage`);
  if (assessment.power_mw !== undefined) parts.push(`${assessment.power_mw} MW`);
  if (assessment.medical) parts.push(`medical ${assessment.medical}`);
  return parts.length ? parts.join(', ') : 'not assessed';
}

function fieldErrors(form, summary, error) {
  summary.textContent = error instanceof ApiError && error.status === 412
    ? 'Someone changed this site after you opened it: open it again to see their change.' : `Not saved: ${error.message}`;
  const problems = error.errors?.length ? error.errors : [{ where: error.where, message: error.message }];
  for (const problem of problems) {
    const field = /^\/([a-z_0-9]+)/.exec(problem.where ?? '')?.[1];
    const target = field && form.querySelector(`[id$="-${field}-error"]`);
    if (target) target.textContent = problem.message;
  }
}

function stepForm(site, etag, nations, onSaved) {
  const status = site.negotiation.status;
  const next = NEXT[status] ?? [];
  if (next.length === 0) return h('p', {}, `The negotiation is ${status}: no further step.`);
  const step = h('select', { id: 'step-status' }, next.map((value) => h('option', { value }, value)));
  const lead = h('select', { id: 'step-lead_nation' }, h('option', { value: '' }, '(none)'),
    nations.map((nation) => h('option', { value: nation.iso2, selected: nation.iso2 === site.negotiation.lead_nation }, `${nation.iso2} ${nation.name}`)));
  const comment = h('textarea', { id: 'step-comment', rows: 2, cols: 50 });
  const summary = h('p.g-form-error', { role: 'alert' });
  const form = h('form.g-inline-form', { id: 'step-form', novalidate: true },
    h('div.g-field', {}, h('label', { for: 'step-status' }, `Next step (now ${status})`), step, h('p.g-field-error', { id: 'step-status-error' })),
    h('div.g-field', {}, h('label', { for: 'step-lead_nation' }, 'Lead nation'), lead, h('p.g-field-error', { id: 'step-lead_nation-error' })),
    h('div.g-field', {}, h('label', { for: 'step-comment' }, 'Comment (kept with the step)'), comment),
    h('button', { type: 'submit' }, 'Record the step'), summary);
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    const body = { status: step.value, lead_nation: lead.value };
    if (comment.value.trim()) body.comment = comment.value.trim();
    try {
      await api('PUT', `/sites/${encodeURIComponent(site.id)}/negotiation`, body, { 'If-Match': etag });
      await onSaved();
    } catch (error) {
      fieldErrors(form, summary, error);
    }
  });
  return form;
}

function assessmentForm(site, etag, onSaved) {
  const current = site.negotiation.assessment ?? {};
  const controls = ASSESSMENT.map(([name, label, type]) => {
    const id = `assessment-${name}`;
    const value = current[name];
    let control;
    if (Array.isArray(type)) control = h('select', { id }, type.map((option) => h('option', { value: option, selected: String(value ?? '') === option }, option || '(not assessed)')));
    else if (type === 'yesno') control = h('select', { id }, [['', '(not assessed)'], ['true', 'yes'], ['false', 'no']].map(([option, text]) =>
      h('option', { value: option, selected: String(value ?? '') === option }, text)));
    else control = h('input', { id, type: type === 'number' ? 'number' : type, value: value ?? '' });
    return { name, type, control, field: h('div.g-field', {}, h('label', { for: id }, label), control, h('p.g-field-error', { id: `${id}-error` })) };
  });
  const summary = h('p.g-form-error', { role: 'alert' });
  const form = h('form.g-inline-form', { id: 'assessment-form', novalidate: true }, controls.map((item) => item.field),
    h('button', { type: 'submit' }, 'Save the assessment'), summary);
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    for (const node of form.querySelectorAll('.g-field-error')) node.textContent = '';
    const body = {};
    for (const { name, type, control } of controls) {
      if (control.value === '') continue;  // left out: not assessed yet
      body[name] = type === 'number' || name === 'rail_gauge_mm' ? Number(control.value) : type === 'yesno' ? control.value === 'true' : control.value;
    }
    try {
      await api('PUT', `/sites/${encodeURIComponent(site.id)}/assessment`, body, { 'If-Match': etag });
      await onSaved();
    } catch (error) {
      fieldErrors(form, summary, error);
    }
  });
  return form;
}

function commentForm(site, onSaved) {
  const text = h('textarea', { id: 'comment-text', rows: 2, cols: 60 });
  const summary = h('p.g-form-error', { role: 'alert' });
  const form = h('form.g-inline-form', { id: 'comment-form' }, h('div.g-field', {}, h('label', { for: 'comment-text' }, 'Add a comment'), text),
    h('button', { type: 'submit' }, 'Add the comment'), summary);
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    try {
      await api('POST', `/sites/${encodeURIComponent(site.id)}/comments`, { text: text.value });
      await onSaved();
    } catch (error) {
      summary.textContent = `Not saved: ${error.message}`;
    }
  });
  return form;
}

async function siteDetail(target, id, session, nations, onChanged) {
  const { data: site, etag } = await api('GET', `/sites/${encodeURIComponent(id)}`);
  const role = session.user.role;
  const reopen = async () => {
    await onChanged();
    await siteDetail(target, id, session, nations, onChanged);
  };
  const comments = site.comments ?? [];
  replace(target, h('section.g-section.g-site', { id: 'site-detail', 'aria-labelledby': 'site-title' },
    h('h2', { id: 'site-title', tabindex: -1 }, `${site.name} (${site.id})`),
    h('p.g-headline', { id: 'site-status' }, `Negotiation: ${site.negotiation.status}`,
      site.negotiation.lead_nation ? `, lead nation ${site.negotiation.lead_nation}` : ', no lead nation',
      site.negotiation.updated_at ? ` (last changed ${site.negotiation.updated_at})` : '', '.'),
    h('p', {}, `${site.kind.replaceAll('_', ' ')} in ${site.country}; position ${site.position[1].toFixed(3)}° N, ${site.position[0].toFixed(3)}° E. `,
      `Assessment: ${assessmentText(site.negotiation.assessment ?? {})}.`),
    NEGOTIATORS.includes(role) ? [h('h3', {}, 'Negotiation step'), stepForm(site, etag, nations, reopen)] : null,
    SURVEYORS.includes(role) ? [h('h3', {}, 'Infrastructure assessment'), assessmentForm(site, etag, reopen)] : null,
    h('h3', {}, `Comments (${comments.length})`),
    comments.length ? h('ol.g-comments', {}, comments.map((comment) => h('li.g-comment', {}, h('strong', {}, `${comment.author}, ${comment.at}: `), comment.text)))
      : h('p.g-empty', {}, 'No comment yet.'),
    COMMENTERS.includes(role) ? commentForm(site, reopen) : null,
    h('p.g-note', {}, `Source: ${site.source ?? '-'}`)));
  target.querySelector('#site-title').focus();
}

// The distance filter (POST /api/v1/sites/search): sites within a band of distances from the
// line of contact or from a point (typed, or picked on the map), nearest first. Returns
// {element, distances, setPoint}: `distances()` is null while no distance is asked, else a Map of
// site id to metres; `onChange()` runs after each answer.
function distanceFilter(onChange) {
  const from = h('select', { id: 'site-distance-from' }, h('option', { value: '' }, 'any distance'),
    h('option', { value: 'line_of_contact' }, 'the line of contact'), h('option', { value: 'point' }, 'a point (type it or click the map)'));
  const minimum = h('input', { id: 'site-distance-min', type: 'number', min: 0, step: 'any', value: 0, size: 6 });
  const maximum = h('input', { id: 'site-distance-max', type: 'number', min: 0, step: 'any', value: 100, size: 6 });
  const lat = h('input', { id: 'site-point-lat', type: 'number', step: 'any', min: -90, max: 90, size: 8 });
  const lon = h('input', { id: 'site-point-lon', type: 'number', step: 'any', min: -180, max: 180, size: 8 });
  const message = h('p.g-field-error', { id: 'site-distance-error', role: 'alert' });
  const pointFields = h('span.g-point-fields', { hidden: true },
    h('div.g-field', {}, h('label', { for: 'site-point-lat' }, 'Latitude (° N)'), lat),
    h('div.g-field', {}, h('label', { for: 'site-point-lon' }, 'Longitude (° E)'), lon));
  let found = null;
  let asked = 0;
  let element = null;
  const search = async () => {
    const ticket = ++asked;
    pointFields.hidden = from.value !== 'point';
    message.textContent = '';
    if (!from.value || (from.value === 'point' && (lat.value === '' || lon.value === ''))) {
      found = null;
      element.dataset.shown = '';
      onChange();
      return;
    }
    const body = { min_m: Number(minimum.value || 0) * 1000, max_m: Number(maximum.value || 0) * 1000 };
    if (from.value === 'point') body.point = [Number(lon.value), Number(lat.value)];
    else body.line_of_contact = true;
    try {
      const { data } = await api('POST', '/sites/search?limit=1000', body);
      if (ticket !== asked) return;
      found = new Map(data.items.map((item) => [item.id, item.distance_m]));
      // What the list shows now (read by the browser test): where from and the band in km.
      element.dataset.shown = `${from.value}:${minimum.value}:${maximum.value}`;
    } catch (error) {
      if (ticket !== asked) return;
      // The API names the field: /min_m, /max_m, /point/0 (longitude) or /point/1 (latitude).
      const field = { '/min_m': 'from km', '/max_m': 'to km', '/point/0': 'longitude', '/point/1': 'latitude' }[error.where];
      message.textContent = `Distance not applied${field ? ` (${field})` : ''}: ${error.message}`;
      found = null;
    }
    onChange();
  };
  for (const control of [from, minimum, maximum, lat, lon]) control.addEventListener('change', search);
  element = h('fieldset.g-toolbar', { id: 'site-distance' }, h('legend', {}, 'Distance'),
    h('div.g-field', {}, h('label', { for: 'site-distance-from' }, 'Measured from'), from),
    h('div.g-field', {}, h('label', { for: 'site-distance-min' }, 'From km'), minimum),
    h('div.g-field', {}, h('label', { for: 'site-distance-max' }, 'To km'), maximum),
    pointFields, message);
  // A point picked on the map measures from there.
  const setPoint = (latitude, longitude) => {
    from.value = 'point';
    lat.value = latitude.toFixed(4);
    lon.value = longitude.toFixed(4);
    search();
  };
  return { element, distances: () => found, setPoint };
}

export async function render(main, { session }) {
  preloadMap();  // the map's libraries and theatre load while the sites are read
  const [{ data: list }, { data: nations }] = await Promise.all([api('GET', '/sites?limit=1000'), api('GET', '/nations')]);
  const kind = h('select', { id: 'site-kind' }, h('option', { value: '' }, 'every kind'), KINDS.map((value) => h('option', { value }, value.replaceAll('_', ' '))));
  const status = h('select', { id: 'site-status-filter' }, h('option', { value: '' }, 'every status'), STATUSES.map((value) => h('option', { value }, value)));
  const search = h('input', { id: 'site-search', type: 'search' });
  const body = h('tbody', {});
  const count = h('p.g-headline', { id: 'sites-headline' });
  const detail = h('div', { id: 'site-panel' });
  let sites = list.items;
  const openSite = (site) => siteDetail(detail, site.id, session, nations.items, refresh);
  let draw = () => {};
  const distance = distanceFilter(() => draw());
  const siteMap = sitesMap(openSite, (lat, lon) => distance.setPoint(lat, lon));
  let updateMap = null;
  const km = (metres) => (metres / 1000).toFixed(1);
  // Within the distance asked the sites come nearest first, as the search lists them.
  const shown = () => {
    const distances = distance.distances();
    const rows = sites.filter((site) => (!kind.value || site.kind === kind.value) && (!status.value || site.negotiation.status === status.value) &&
      (!search.value || `${site.name} ${site.id}`.toLowerCase().includes(search.value.toLowerCase())) && (!distances || distances.has(site.id)));
    return distances ? rows.sort((a, b) => distances.get(a.id) - distances.get(b.id)) : rows;
  };
  draw = () => {
    const rows = shown();
    const distances = distance.distances();
    updateMap?.(rows);
    const awaiting = sites.filter((site) => site.negotiation.status === 'surveyed' || site.negotiation.status === 'offered').length;
    count.textContent = `${plural(rows.length, 'site')} shown of ${sites.length}; ${awaiting} awaiting a decision, ` +
      `${sites.filter((site) => site.negotiation.status === 'agreed').length} agreed.`;
    replace(body, rows.map((site) => h('tr.g-site-row', { dataset: { site: site.id, status: site.negotiation.status } },
      h('th', { scope: 'row' }, site.name), h('td', {}, site.kind.replaceAll('_', ' ')), h('td', {}, site.country),
      h('td', {}, site.negotiation.status), h('td', {}, site.negotiation.lead_nation || '-'),
      h('td', {}, assessmentText(site.negotiation.assessment ?? {})),
      h('td.g-num.g-site-distance', {}, distances ? km(distances.get(site.id)) : '-'),
      h('td', {}, h('button.g-secondary', { type: 'button', onclick: () => openSite(site) }, `Open ${site.name}`)))));
  };
  const refresh = async () => {
    sites = (await api('GET', '/sites?limit=1000')).data.items;
    draw();
  };
  for (const control of [kind, status]) control.addEventListener('change', draw);
  search.addEventListener('input', draw);
  replace(main,
    h('h1', {}, 'Sites'),
    count,
    h('div.g-toolbar', {},
      h('div.g-field', {}, h('label', { for: 'site-kind' }, 'Kind'), kind),
      h('div.g-field', {}, h('label', { for: 'site-status-filter' }, 'Negotiation status'), status),
      h('div.g-field', {}, h('label', { for: 'site-search' }, 'Name contains'), search),
      h('button', { type: 'button', id: 'sites-csv', onclick: () => downloadCsv('sites.csv', [
        ['id', 'name', 'kind', 'country', 'status', 'lead_nation', 'assessment', 'lon', 'lat', 'distance_km'],
        ...shown().map((site) => [site.id, site.name, site.kind, site.country, site.negotiation.status, site.negotiation.lead_nation,
          assessmentText(site.negotiation.assessment ?? {}), site.position[0], site.position[1],
          distance.distances() ? km(distance.distances().get(site.id)) : ''])]) }, 'Download as CSV')),
    distance.element,
    detail,
    siteMap.element,
    h('table', {}, h('caption', {}, 'Candidate sites with negotiation status, lead nation and assessment'),
      h('thead', {}, h('tr', {}, ['Site', 'Kind', 'Country', 'Status', 'Lead nation', 'Assessment', 'Distance (km)', ''].map((header) => h('th', { scope: 'col' }, header)))),
      body));
  draw();
  // The table is usable at once; the map follows when its libraries have loaded, and a map that
  // cannot be drawn says why where it would be.
  try {
    updateMap = await siteMap.ready;
    updateMap(shown());
  } catch (error) {
    replace(siteMap.element.querySelector('#sites-map'), h('p.g-form-error', { role: 'alert' }, `The map could not be drawn: ${error.message}`));
  }
}
