// Drill-down from an incident (opened on the map or from its row): its findings per provision
// with every test's reason and the grade, then the reports the verifier clustered into it and
// their sources - each report's id, its outlets, and where it was read (`file:line` of the stored
// report file). Monitors and the secretariat, who may read the stored files, also get the row
// itself as the file holds it; other roles get the reference only.
import { h, replace, plural } from '../dom.js';
import { api } from '../api.js';

const OUTCOME_WORDS = { violation: '\u2717 violation', undetermined: '\u25D1 undetermined', no_violation: '\u2713 no violation' };
// The server names a stored file "<id>/<name>" to the verifier, so an origin reads "3/week12.csv:5".
const ORIGIN = /^(\d+)\/(.+):(\d+)$/;

/// The reports of an incident: every finding lists the same ones, so they are read once.
function reportsOf(incident) {
  const byId = new Map();
  for (const finding of incident.findings)
    for (const source of finding.sources ?? []) if (!byId.has(source.report)) byId.set(source.report, source);
  return [...byId.values()];
}

// The stored files' text, fetched once per page for the rows asked.
const fileText = new Map();
async function storedLine(fileId, line) {
  if (!fileText.has(fileId)) fileText.set(fileId, api('GET', `/reports/${fileId}`).then(({ data }) => data.content.split(/\r?\n/)));
  return (await fileText.get(fileId))[line - 1] ?? null;
}

function reportItem(source, readsFiles) {
  const origin = ORIGIN.exec(source.origin ?? '');
  const row = h('pre.g-report-row', { hidden: true });
  const item = h('li.g-incident-report', { dataset: { report: source.report } },
    h('strong', {}, `Report ${source.report}`),
    `: ${(source.outlets ?? []).join(', ') || 'no outlet named'}; read from ${origin ? `report file ${origin[1]} (${origin[2]}), line ${origin[3]}` : source.origin ?? 'unknown'}`,
    row);
  if (readsFiles && origin) {
    storedLine(Number(origin[1]), Number(origin[3])).then((text) => {
      if (text === null) return;
      row.textContent = text;
      row.hidden = false;
    }, (error) => {
      row.textContent = `The stored file could not be read: ${error.message}`;
      row.hidden = false;
    });
  }
  return item;
}

/// Where an incident is: its point, or the admin area it is located only to (the verifier's
/// "area" precision), whose centre the point merely stands for.
function locatedAt(incident) {
  const area = incident.findings.find((finding) => finding.area)?.area ?? incident.area;
  const point = `${incident.lat.toFixed(4)}\u00b0 N ${incident.lon.toFixed(4)}\u00b0 E`;
  if (!area) return `at ${point}`;
  const name = incident.findings.find((finding) => finding.area_name)?.area_name ?? incident.area_name;
  return `located only to the area ${name ? `${name} (${area})` : area}: the point ${point} stands for the whole area`;
}

/// The detail of `incident` ({incident, date, lat, lon, findings}) into `target`.
export function showIncident(target, incident, { readsFiles, titles }) {
  const reports = reportsOf(incident);
  replace(target, h('section.g-section', { id: 'incident-detail', 'aria-labelledby': 'incident-detail-title', tabindex: '-1' },
    h('h2', { id: 'incident-detail-title' }, `Incident ${incident.incident}`),
    h('p', {}, `${incident.date ?? 'Undated'}, ${locatedAt(incident)}` +
      `${incident.findings[0]?.country ? ` (${incident.findings[0].country})` : ''}: ${plural(incident.findings.length, 'finding')}, ${plural(reports.length, 'report')}.`),
    h('h3', {}, 'Findings'),
    h('ul.g-reasons', {}, incident.findings.map((finding) => h('li.g-incident-finding', { dataset: { provision: finding.provision } },
      h('strong', {}, `${finding.provision}${titles[finding.provision] ? ` (${titles[finding.provision]})` : ''}: ${OUTCOME_WORDS[finding.outcome] ?? finding.outcome}`),
      `, grade ${finding.grade?.code ?? '-'}${finding.grade?.rationale ? ` (${finding.grade.rationale})` : ''}. `,
      (finding.tests ?? []).map((test) => `${test.test}: ${test.verdict} - ${test.reason}`).join('; ')))),
    h('h3', {}, 'Reports and their sources'),
    h('ul', { id: 'incident-reports' }, reports.map((source) => reportItem(source, readsFiles))),
    readsFiles ? null : h('p.g-note', {}, 'The stored report files are read by monitors and the secretariat; the references above name the file and line.')));
  target.querySelector('#incident-detail').focus();
}
