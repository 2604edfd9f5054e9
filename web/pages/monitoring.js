// Monitoring: a monitor (or the secretariat) uploads incident report files, runs a verify job on
// them with a progress bar (the job's event stream), reads the findings version it stores and
// publishes it; every other role reads the published findings versions only, as the API gives
// them (docs/workspace.md, "Monitoring"). The findings are drawn by findings_view.js (filters,
// table, CSV), monitoring_map.js (the map), monitoring_charts.js (timeline, accusations),
// incident_detail.js (an incident's reports and sources) and incident_area.js (the incidents in
// an oblast, the occupied area or the map's view).
import { h, replace, plural } from '../dom.js';
import { api } from '../api.js';
import { showIllustrative } from '../app.js';
import { findingsPage, findingsView } from './findings_view.js';
import { monitoringMap } from './monitoring_map.js';
import { accusations, timeline } from './monitoring_charts.js';
import { showIncident } from './incident_detail.js';
import { incidentArea } from './incident_area.js';
import { preloadMap, referenceBands } from '../map.js';
import { EXAMPLE_AGREEMENT_SHA256, EXAMPLE_SOURCE_REGISTRY_SHA256 } from '../example_inputs.js';

const MONITORS = ['secretariat', 'monitor'];

/// True when a findings version was judged or graded with the project's example files.
function illustrative(version) {
  return version.inputs?.agreement_sha256 === EXAMPLE_AGREEMENT_SHA256 ||
    version.inputs?.source_registry_sha256 === EXAMPLE_SOURCE_REGISTRY_SHA256;
}

function uploadedText(data) {
  return [h('p', {}, `Stored ${data.name} as report file ${data.id}: ${plural(data.reports, 'report')} read, ${data.rejected} rejected.`),
    data.rejections?.length ? h('ul.g-reasons', { id: 'upload-rejections' }, data.rejections.map((row) => h('li', {}, `${row.where}: ${row.reason}`))) : null];
}

// `uploaded` is the file stored just before the page was redrawn, so its outcome stays shown.
function uploadForm(onStored, uploaded) {
  const file = h('input', { id: 'report-file', type: 'file', accept: '.csv,.json,.geojson', 'aria-describedby': 'report-file-help' });
  const status = h('div', { id: 'upload-status', role: 'status' }, uploaded ? uploadedText(uploaded) : null);
  const form = h('form.g-inline-form', { id: 'upload-form' },
    h('div.g-field', {}, h('label', { for: 'report-file' }, 'Report file'), file,
      h('p.g-note', { id: 'report-file-help' }, 'Guarantor CSV, JSON or GeoJSON, ACLED or UCDP GED CSV; the name ends in .csv, .json or .geojson.')),
    h('button', { type: 'submit' }, 'Upload the report file'));
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    const chosen = file.files?.[0];
    if (!chosen) {
      replace(status, h('p.g-form-error', { role: 'alert' }, 'Choose a file first.'));
      return;
    }
    try {
      const { data } = await api('POST', '/reports', { name: chosen.name, content: await chosen.text() });
      onStored(data);
    } catch (error) {
      replace(status, h('p.g-form-error', { role: 'alert' }, `Not stored: ${error.message}${error.where ? ` (at ${error.where})` : ''}`));
    }
  });
  return { form, status };
}

function filesTable(files) {
  return h('table', { id: 'report-files' }, h('caption', {}, 'Stored report files'),
    h('thead', {}, h('tr', {}, ['Verify', 'File', 'Format', 'Reports read', 'Rejected', 'Uploaded (UTC)', 'By']
      .map((header) => h('th', { scope: 'col' }, header)))),
    h('tbody', {}, files.map((file) => h('tr.g-report-file-row', { dataset: { file: file.id } },
      h('td', {}, h('input', { type: 'checkbox', checked: true, value: file.id, id: `verify-file-${file.id}`, 'aria-label': `Verify ${file.name}` })),
      h('th', { scope: 'row' }, `${file.id}: ${file.name}`), h('td', {}, file.format), h('td.g-num', {}, file.reports),
      h('td.g-num', {}, file.rejected), h('td', {}, file.uploaded_at), h('td', {}, file.uploaded_by)))));
}

function endText(state) {
  return state.state === 'succeeded' ? `Findings version ${state.result.findings_version} is stored.`
    : `The verify job ${state.state}${state.error ? `: ${state.error.message ?? JSON.stringify(state.error)}` : ''}.`;
}

// Starts a verify job of the ticked files and follows its event stream; `done` gets the job.
function verifyPanel(files, done, last) {
  const bar = h('progress', { id: 'verify-progress', max: last?.progress.total || 1, value: last?.progress.done ?? 0,
    'aria-labelledby': 'verify-progress-label' });
  const label = h('p', { id: 'verify-progress-label', 'aria-live': 'polite' }, last ? endText(last) : 'No verification is running.');
  const cancel = h('button.g-secondary', { type: 'button', id: 'cancel-verify', hidden: true }, 'Cancel');
  const start = h('button', { type: 'button', id: 'run-verify', disabled: files.length === 0 }, 'Verify the ticked report files');
  start.addEventListener('click', async () => {
    const ticked = [...document.querySelectorAll('#report-files input[type="checkbox"]:checked')].map((box) => Number(box.value));
    if (ticked.length === 0) {
      label.textContent = 'Tick at least one report file.';
      return;
    }
    start.disabled = true;
    try {
      const { data: job } = await api('POST', '/jobs', { kind: 'verify', report_files: ticked });
      label.textContent = `Verify job ${job.id} is waiting for a worker.`;
      cancel.hidden = false;
      cancel.onclick = () => api('DELETE', `/jobs/${job.id}`).catch(() => {});
      const stream = new EventSource(`/api/v1/jobs/${job.id}/events`);
      const show = (event) => {
        const state = JSON.parse(event.data);
        bar.max = state.progress.total || 1;
        bar.value = state.progress.done;
        label.textContent = `Verify job ${state.state}: ${state.progress.done} of ${state.progress.total} steps` +
          (state.progress.stage ? `, last finished: ${state.progress.stage}` : '') + '.';
        return state;
      };
      stream.addEventListener('progress', show);
      stream.addEventListener('end', (event) => {
        stream.close();
        const state = show(event);
        cancel.hidden = true;
        start.disabled = false;
        label.textContent = endText(state);
        done(state);
      });
    } catch (error) {
      label.textContent = `The verification could not be started: ${error.message}`;
      start.disabled = false;
    }
  });
  return h('div', {}, h('p', {}, 'Each ticked file is read, then the verifier geocodes, clusters, grades and judges the reports against the agreement\'s provisions.'),
    h('div.g-actions', {}, start, cancel), bar, label);
}

function versionsTable(versions, mayPublish, onOpen, onPublished) {
  return h('table', { id: 'findings-versions' }, h('caption', {}, 'Findings versions, newest first'),
    h('thead', {}, h('tr', {}, ['Version', 'Made (UTC)', 'By', 'Report files', 'Incidents', 'Violations', 'Undetermined', 'No violation', 'Published', 'Open']
      .map((header) => h('th', { scope: 'col' }, header)))),
    h('tbody', {}, [...versions].reverse().map((version) => h('tr.g-findings-version-row', { dataset: { version: version.id } },
      h('th', { scope: 'row' }, `${version.id}${illustrative(version) ? ' (illustrative)' : ''}`),
      h('td', {}, version.created_at ?? '-'), h('td', {}, version.created_by ?? '-'),
      h('td', {}, (version.inputs?.report_files ?? []).map((file) => `${file.id}: ${file.name}`).join(', ')),
      h('td.g-num', {}, version.summary?.incidents ?? '-'), h('td.g-num', {}, version.summary?.violations ?? '-'),
      h('td.g-num', {}, version.summary?.undetermined ?? '-'), h('td.g-num', {}, version.summary?.no_violation ?? '-'),
      h('td', {}, version.published ? `published ${version.published_at ?? ''}` : mayPublish
        ? h('button.g-secondary', { type: 'button', onclick: async (event) => {
          const cell = event.target.parentElement;
          try {
            await api('POST', `/findings/${version.id}/publish`);
            onPublished(version.id);
          } catch (error) {
            replace(cell, `not published: ${error.message}`);
          }
        } }, `Publish findings version ${version.id}`) : 'not published'),
      h('td', {}, h('button.g-secondary', { type: 'button', onclick: () => onOpen(version.id) }, `Show version ${version.id}`))))));
}

// The findings of a version with the map, the incident drill-down, the timeline and the
// accusations, all following the findings view's filters and drawn from the version's summary;
// an incident's findings are read when it is opened.
function monitoringView(version, summary, monitor, firstPage) {
  const titles = Object.fromEntries(summary.choices.provisions.map((provision) => [provision.id, provision.title]));
  const incidentTarget = h('div', { id: 'incident-target' });
  const openIncident = async (id, point = null) => {
    const { data } = await api('GET', `/findings/${version.id}/findings?incident=${encodeURIComponent(id)}&limit=1000`);
    const first = data.items[0];
    if (!first) return;
    const [lon, lat] = first.position ?? [point?.lon ?? 0, point?.lat ?? 0];
    showIncident(incidentTarget, { incident: id, date: first.date, lon, lat, findings: data.items }, { readsFiles: monitor, titles });
  };
  const map = monitoringMap((point) => openIncident(point.incident, point));
  const charts = h('div', { id: 'monitoring-charts' });
  let shown = null;
  let update = null;
  const loadView = (query) => async ({ zoom, bbox }) =>
    (await api('GET', `/findings/${version.id}/summary?${query}${query ? '&' : ''}only=map&zoom=${zoom}&bbox=${bbox}`)).data.map;
  map.ready.then((redraw) => {
    update = redraw;
    if (shown) update(shown.summary.map, loadView(shown.query));
  }, (error) => map.element.append(h('p.g-form-error', { role: 'alert' }, `The map could not be drawn: ${error.message}`)));
  const onSummary = (next, query) => {
    shown = { summary: next, query };
    update?.(next.map, loadView(query));
    replace(charts,
      h('section.g-section', { 'aria-labelledby': 'timeline-title' }, h('h2', { id: 'timeline-title' }, 'Timeline per provision and party'), timeline(next.by_provision_party, titles)),
      h('section.g-section', { 'aria-labelledby': 'accusations-title' }, h('h2', { id: 'accusations-title' }, 'Accusations by each side'), accusations(next.by_provision_party, titles)));
  };
  const area = incidentArea(version, { mapView: map.view, onOpen: (point) => openIncident(point.incident, point), onArea: map.focus });
  return findingsView(version, summary, illustrative(version), { onSummary, onOpenIncident: (id) => openIncident(id), firstPage,
    between: [map.element, area.element, incidentTarget, charts] });
}

export async function render(main, { session, open = null, lastJob = null, uploaded = null }) {
  const monitor = MONITORS.includes(session.user.role);
  // The map's libraries, theatre and bands load while the page reads its data; the versions and
  // the report files are read at once, then the chosen version's summary and first page of
  // findings at once.
  preloadMap();
  referenceBands();
  const [versionList, fileList] = await Promise.all([api('GET', '/findings?limit=1000'), monitor ? api('GET', '/reports?limit=1000') : null]);
  const versions = [...versionList.data.items].sort((a, b) => a.id - b.id);
  const files = fileList ? fileList.data.items : [];
  const reload = (options = {}) => render(main, { session, ...options });
  const asked = new URLSearchParams(location.search).get('version');
  const chosenId = open ?? (asked ? Number(asked) : null);
  const chosen = versions.find((version) => version.id === chosenId) ?? versions[versions.length - 1];
  // The first view is the version's summary (counts, charts, map); findings are read a page at a time.
  const firstPage = chosen ? findingsPage(chosen, '', 0) : null;
  firstPage?.catch(() => {});  // reported by the findings view, which waits for it
  const summary = chosen ? (await api('GET', `/findings/${chosen.id}/summary`)).data : null;
  if (chosen && illustrative(chosen)) {
    showIllustrative('these findings are judged against the example agreement or graded with the example source registry, whose ratings are not an assessment of any outlet.');
  }
  const latest = versions[versions.length - 1];
  const upload = monitor ? uploadForm((data) => reload({ open: chosen?.id ?? null, uploaded: data }), uploaded) : null;
  replace(main,
    h('h1', {}, 'Monitoring'),
    h('p.g-headline', { id: 'monitoring-headline' }, !latest
      ? (monitor ? 'No findings have been made yet: upload report files and verify them.' : 'No findings have been published yet.')
      : `Latest findings version ${latest.id}${latest.published ? ' (published)' : ' (not published)'}: ` +
        `${plural(latest.summary?.incidents ?? 0, 'incident')}, ${latest.summary?.violations ?? 0} violation, ` +
        `${latest.summary?.undetermined ?? 0} undetermined, ${latest.summary?.no_violation ?? 0} no violation.`),
    monitor ? h('section.g-section', { 'aria-labelledby': 'reports-title' }, h('h2', { id: 'reports-title' }, 'Report files'),
      upload.form, upload.status, files.length ? filesTable(files) : h('p.g-empty', {}, 'No report file is stored yet.'),
      h('h3', {}, 'Verify'),
      verifyPanel(files, (job) => job.state === 'succeeded' && reload({ open: job.result.findings_version, lastJob: job }), lastJob)) : null,
    versions.length ? h('section.g-section', { 'aria-labelledby': 'versions-title' }, h('h2', { id: 'versions-title' }, 'Findings versions'),
      versionsTable(versions, monitor, (id) => reload({ open: id }), (id) => reload({ open: id }))) : null,
    summary ? monitoringView(chosen, summary, monitor, firstPage) : null,
    monitor ? null : h('p.g-note', {}, 'Your role reads the published findings; monitors and the secretariat upload reports, verify and publish.'));
}
