// One findings version on the monitoring page: filters (party claimed, provision, outcome, date),
// the findings that pass them with every test's verdict and reason, the grade and each party's
// claims kept apart, and the CSV of what is shown. Everything is drawn from the findings document
// `guarantor verify` writes (docs/verifier.md, "Agreements and findings").
import { h, replace, plural } from '../dom.js';
import { downloadCsv } from '../csv.js';

// Drawing a row costs far more than filtering one: past this many the table says how many it
// leaves out, and the CSV (made from the data, not the table) still holds every row.
const MAX_ROWS_SHOWN = 500;
const OUTCOMES = { violation: 'violation', undetermined: 'undetermined', no_violation: 'no violation' };
// Most serious first, so a reader meets violations before anything else.
const SEVERITY = { violation: 0, undetermined: 1, no_violation: 2 };
const VERDICT_MARKS = { in: '\u2713 in', out: '\u2717 out', edge: '\u25D1 edge', not_checked: '- not checked' };

function claimsText(claims) {
  return Object.entries(claims ?? {}).map(([party, claim]) => {
    const actors = Object.entries(claim.claimed_actors ?? {}).map(([actor, count]) => `${actor} \u00d7${count}`).join(', ');
    return `${party}: ${plural(claim.reports ?? 0, 'report')}${actors ? `, actor claimed ${actors}` : ', no actor claimed'}`;
  });
}

function testsText(tests) {
  return (tests ?? []).map((test) => `${test.test}: ${test.verdict} - ${test.reason}`);
}

/// The parties claiming anything, the provisions and the dates of a findings document.
function choices(document) {
  const parties = new Set();
  const dates = [];
  for (const finding of document.findings) {
    Object.keys(finding.claims ?? {}).forEach((party) => parties.add(party));
    if (finding.date) dates.push(finding.date);
  }
  dates.sort();
  const grades = [...new Set(document.findings.map((finding) => finding.grade?.code).filter(Boolean))].sort();
  return { parties: [...parties].sort(), grades, provisions: document.provisions.map((provision) => provision.id), first: dates[0] ?? '', last: dates[dates.length - 1] ?? '' };
}

function passes(finding, filter) {
  if (filter.provision && finding.provision !== filter.provision) return false;
  if (filter.grade && finding.grade?.code !== filter.grade) return false;
  if (filter.outcome && finding.outcome !== filter.outcome) return false;
  if (filter.party && !(filter.party in (finding.claims ?? {}))) return false;
  if (filter.from && (finding.date ?? '') < filter.from) return false;
  if (filter.until && (finding.date ?? '') > filter.until) return false;
  return true;
}

function findingRow(finding, onOpenIncident) {
  return h('tr.g-finding-row', { dataset: { incident: finding.incident, provision: finding.provision, outcome: finding.outcome } },
    h('th', { scope: 'row' }, onOpenIncident && Array.isArray(finding.position)
      ? h('button.g-link', { type: 'button', onclick: () => onOpenIncident(finding.incident), 'aria-label': `Open incident ${finding.incident}` }, String(finding.incident))
      : String(finding.incident)),
    h('td', {}, finding.date ?? '-'),
    h('td', {}, finding.provision),
    h('td', {}, h(`span.g-status.g-outcome-${finding.outcome}`, {}, OUTCOMES[finding.outcome] ?? finding.outcome)),
    h('td', {}, h('ul.g-reasons', {}, (finding.tests ?? []).map((test) =>
      h('li', {}, h('strong', {}, `${test.test}: ${VERDICT_MARKS[test.verdict] ?? test.verdict}`), ` - ${test.reason}`)))),
    h('td', {}, h('strong', {}, finding.grade?.code ?? '-'), finding.grade?.rationale ? ` ${finding.grade.rationale}` : ''),
    h('td', {}, h('ul.g-reasons', {}, claimsText(finding.claims).map((line) => h('li', {}, line)))));
}

function csvRows(version, findings, illustrative) {
  const header = ['findings_version', 'incident', 'date', 'provision', 'outcome', 'grade', 'reliability', 'credibility',
    'longitude', 'latitude', 'country', 'tests', 'reasons', 'claims', 'sources', 'published', 'illustrative'];
  return [header, ...findings.map((finding) => [
    version.id, finding.incident, finding.date ?? '', finding.provision, finding.outcome, finding.grade?.code ?? '',
    finding.grade?.reliability ?? '', finding.grade?.credibility ?? '', finding.position?.[0] ?? '', finding.position?.[1] ?? '',
    finding.country ?? '', testsText(finding.tests).join('; '), (finding.reasons ?? []).join('; '), claimsText(finding.claims).join('; '),
    (finding.sources ?? []).map((source) => `${source.report} (${source.origin})`).join('; '),
    version.published ? 'yes' : 'no', illustrative ? 'ILLUSTRATIVE' : 'no'])];
}

function select(id, label, options) {
  return h('div.g-field', {}, h('label', { for: id }, label),
    h('select', { id }, h('option', { value: '' }, 'all'), options.map(([value, text]) => h('option', { value }, text))));
}

/// The findings of `version` (with its `findings` document) with filters and CSV; `illustrative`
/// labels the export when the grades or provisions come from the project's examples.
/// `onShown(findings)` gets the findings that pass the filters at each change, `onOpenIncident(id)`
/// opens an incident from its row, and `between` (elements: the map, the charts) goes between the
/// filters and the table, so they follow the same filters.
export function findingsView(version, illustrative, { onShown = null, onOpenIncident = null, between = [] } = {}) {
  const document = version.findings;
  const { parties, grades, provisions, first, last } = choices(document);
  const titles = Object.fromEntries(document.provisions.map((provision) => [provision.id, provision.title]));
  const filters = h('form.g-inline-form', { id: 'findings-filters', 'aria-label': 'Filter the findings' },
    select('filter-party', 'Party claiming', parties.map((party) => [party, party])),
    select('filter-provision', 'Provision', provisions.map((id) => [id, `${id}: ${titles[id] ?? ''}`])),
    select('filter-outcome', 'Outcome (verdict)', Object.entries(OUTCOMES)),
    select('filter-grade', 'Grade', grades.map((code) => [code, code])),
    h('div.g-field', {}, h('label', { for: 'filter-from' }, 'From (date)'), h('input', { id: 'filter-from', type: 'date', value: first })),
    h('div.g-field', {}, h('label', { for: 'filter-until' }, 'Until (date)'), h('input', { id: 'filter-until', type: 'date', value: last })));
  const count = h('p', { id: 'findings-count', 'aria-live': 'polite' });
  const target = h('div', { id: 'findings-table' });
  let shown = [];
  const draw = () => {
    const value = (id) => filters.querySelector(`#${id}`).value;
    const filter = { party: value('filter-party'), provision: value('filter-provision'), outcome: value('filter-outcome'),
      grade: value('filter-grade'), from: value('filter-from'), until: value('filter-until') };
    shown = document.findings.filter((finding) => passes(finding, filter))
      .sort((a, b) => (SEVERITY[a.outcome] ?? 3) - (SEVERITY[b.outcome] ?? 3) || (a.date ?? '').localeCompare(b.date ?? '') || a.incident.localeCompare(b.incident));
    const tally = Object.keys(OUTCOMES).map((outcome) => `${shown.filter((finding) => finding.outcome === outcome).length} ${OUTCOMES[outcome]}`).join(', ');
    count.textContent = `${plural(shown.length, 'finding')} of ${document.findings.length} shown (${tally}).` +
      (shown.length > MAX_ROWS_SHOWN ? ` The first ${MAX_ROWS_SHOWN} are listed; the CSV holds all ${shown.length}.` : '');
    replace(target, shown.length === 0 ? h('p.g-empty', {}, 'No finding passes these filters.') : h('table', { id: 'findings' },
      h('caption', {}, `Findings of version ${version.id}, most serious first`),
      h('thead', {}, h('tr', {}, ['Incident', 'Date', 'Provision', 'Outcome', 'Tests (verdict and reason)', 'Grade', 'Claims by party']
        .map((header) => h('th', { scope: 'col' }, header)))),
      h('tbody', {}, shown.slice(0, MAX_ROWS_SHOWN).map((finding) => findingRow(finding, onOpenIncident)))));
    onShown?.(shown);
  };
  filters.addEventListener('change', draw);
  filters.addEventListener('submit', (event) => event.preventDefault());
  draw();
  const download = h('button', { type: 'button', id: 'findings-csv', onclick: () =>
    downloadCsv(`findings-${version.id}${illustrative ? '-ILLUSTRATIVE' : ''}.csv`, csvRows(version, shown, illustrative)) },
  'Download the findings shown as CSV');
  const counts = document.counts ?? {};
  return h('section.g-section', { id: 'findings-view', 'aria-labelledby': 'findings-title' },
    h('h2', { id: 'findings-title' }, `Findings version ${version.id}${version.published ? ' (published)' : ' (not published)'}`),
    h('p', {}, `Agreement: ${document.agreement}. Read ${counts.read ?? 0} reports (rejected ${counts.rejected ?? 0}, unlocated ` +
      `${counts.unlocated ?? 0}), ${plural(counts.incidents ?? 0, 'incident')}, ${plural(counts.findings ?? 0, 'finding')}: ` +
      `${counts.violations ?? 0} violation, ${counts.undetermined ?? 0} undetermined, ${counts.no_violation ?? 0} no violation.`),
    filters, h('div.g-toolbar', {}, download,
      h('a.g-button-link', { id: 'findings-xlsx', href: `/api/v1/findings/${version.id}.xlsx`, download: true }, 'Download the whole version as XLSX (findings and incidents)')),
    count, between, target,
    h('details', {}, h('summary', {}, 'What the outcomes and grades mean'),
      h('dl.g-definitions', {},
        h('dt', {}, 'violation'), h('dd', {}, 'every test is in and the grade is credible enough (the verifier\'s max_credibility_for_violation).'),
        h('dt', {}, 'undetermined'), h('dd', {}, 'a test is at the edge (time window straddled, target or weapon not named, too close to a zone\'s edge, location too coarse) or the grade is not credible enough.'),
        h('dt', {}, 'no violation'), h('dd', {}, 'a test is out: outside the window, target kind, zone or territory of the provision.'),
        h('dt', {}, 'grade'), h('dd', {}, 'Admiralty code: source reliability A-F from the source registry, information credibility 1-6 from how many independent source groups report it.'),
        h('dt', {}, 'claims by party'), h('dd', {}, 'who reports the incident (the report\'s claimant, else its outlet\'s party, else independent) and the actors each side names; no actor is inferred.'))));
}
