// One findings version on the monitoring page: filters (party claimed, provision, outcome, grade,
// date), the counts of the findings that pass them, a page of those findings at a time with every
// test's verdict and reason, the grade and each party's claims kept apart, and the CSV of all of
// them. The counts come from the version's summary and the rows from its paged list (GET
// /api/v1/findings/{id}/summary and /findings, docs/workspace.md), so a version of 100,000
// reports is never downloaded whole; the CSV reads the list page by page when asked for.
import { h, replace, plural } from '../dom.js';
import { downloadCsv } from '../csv.js';
import { api } from '../api.js';

// Rows per page of the table, and per request when the CSV reads every finding that passes.
const PAGE_ROWS = 100;
const CSV_PAGE_ROWS = 1000;
const OUTCOMES = { violation: 'violation', undetermined: 'undetermined', no_violation: 'no violation' };
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

/// A page of the findings of `version` that pass `query` (filterQuery's text), from `offset`.
export async function findingsPage(version, query, offset) {
  return (await api('GET', `/findings/${version.id}/findings?${query}&limit=${PAGE_ROWS}&offset=${offset}`)).data;
}

/// The query of `filter` ({party, provision, outcome, grade, from, until}), empty values left out.
export function filterQuery(filter) {
  return new URLSearchParams(Object.entries(filter).filter(([, value]) => value)).toString();
}

/// The findings of `version` (a findings version as GET /findings lists it) from `summary`, its
/// summary without filters, with filters, a paged table and CSV; `illustrative` labels the export
/// when the grades or provisions come from the project's examples. At each change of the filters
/// the summary is asked again: `onSummary(summary, query)` gets it (the map and charts follow the
/// same filters), `onOpenIncident(id)` opens an incident from its row, `firstPage` (a promise of
/// findingsPage(version, '', 0), asked beside the summary) is the table's first page when given,
/// and `between` (elements: the map, the charts) goes between the filters and the table.
export function findingsView(version, summary, illustrative, { onSummary = null, onOpenIncident = null, firstPage = null, between = [] } = {}) {
  const { parties, grades, provisions, first_date: first, last_date: last } = summary.choices;
  const titles = Object.fromEntries(provisions.map((provision) => [provision.id, provision.title]));
  const base = `/findings/${version.id}`;
  const filters = h('form.g-inline-form', { id: 'findings-filters', 'aria-label': 'Filter the findings' },
    select('filter-party', 'Party claiming', parties.map((party) => [party, party])),
    select('filter-provision', 'Provision', provisions.map(({ id }) => [id, `${id}: ${titles[id] ?? ''}`])),
    select('filter-outcome', 'Outcome (verdict)', Object.entries(OUTCOMES)),
    select('filter-grade', 'Grade', grades.map((code) => [code, code])),
    h('div.g-field', {}, h('label', { for: 'filter-from' }, 'From (date)'), h('input', { id: 'filter-from', type: 'date', value: first })),
    h('div.g-field', {}, h('label', { for: 'filter-until' }, 'Until (date)'), h('input', { id: 'filter-until', type: 'date', value: last })));
  const count = h('p', { id: 'findings-count', 'aria-live': 'polite' });
  // aria-busy while a summary or page is read, so assistive technology (and the browser tests)
  // wait for the rows that follow the filters.
  const target = h('div', { id: 'findings-table', 'aria-busy': 'true' });
  const filterNow = () => {
    const value = (id) => filters.querySelector(`#${id}`).value;
    return { party: value('filter-party'), provision: value('filter-provision'), outcome: value('filter-outcome'),
      grade: value('filter-grade'), from: value('filter-from'), until: value('filter-until') };
  };
  // The first view is every finding, as the summary it starts from counts them (the date fields
  // show the version's first and last day); each change of the filters then asks for their query.
  let query = '';
  let total = summary.findings;
  let asked = 0;
  const showPage = async (offset, ready = null) => {
    const ticket = asked;
    target.setAttribute('aria-busy', 'true');
    const data = await (ready ?? findingsPage(version, query, offset));
    if (ticket !== asked) return;
    target.setAttribute('aria-busy', 'false');
    const pager = h('div.g-toolbar', { id: 'findings-pager' },
      h('button.g-secondary', { type: 'button', id: 'findings-previous', disabled: offset === 0, onclick: () => showPage(Math.max(0, offset - PAGE_ROWS)) }, `Previous ${PAGE_ROWS}`),
      h('span', { id: 'findings-page' }, `Findings ${offset + 1}-${offset + data.items.length} of ${data.total}`),
      h('button.g-secondary', { type: 'button', id: 'findings-next', disabled: offset + PAGE_ROWS >= data.total, onclick: () => showPage(offset + PAGE_ROWS) }, `Next ${PAGE_ROWS}`));
    replace(target, data.total === 0 ? h('p.g-empty', {}, 'No finding passes these filters.') : [h('table', { id: 'findings' },
      h('caption', {}, `Findings of version ${version.id}, most serious first`),
      h('thead', {}, h('tr', {}, ['Incident', 'Date', 'Provision', 'Outcome', 'Tests (verdict and reason)', 'Grade', 'Claims by party']
        .map((header) => h('th', { scope: 'col' }, header)))),
      h('tbody', {}, data.items.map((finding) => findingRow(finding, onOpenIncident)))), data.total > PAGE_ROWS ? pager : null]);
  };
  const showCounts = (shown) => {
    total = shown.findings;
    const tally = Object.keys(OUTCOMES).map((outcome) => `${shown.by_outcome[outcome] ?? 0} ${OUTCOMES[outcome]}`).join(', ');
    count.textContent = `${plural(shown.findings, 'finding')} of ${shown.total_findings} shown (${tally}).` +
      (shown.findings > PAGE_ROWS ? ` They are listed ${PAGE_ROWS} at a time; the CSV holds all ${shown.findings}.` : '');
  };
  const draw = async () => {
    query = filterQuery(filterNow());
    const ticket = ++asked;
    target.setAttribute('aria-busy', 'true');
    try {
      const { data } = await api('GET', `${base}/summary?${query}`);
      if (ticket !== asked) return;
      showCounts(data);
      onSummary?.(data, query);
      await showPage(0);
    } catch (error) {
      if (ticket !== asked) return;
      target.setAttribute('aria-busy', 'false');
      replace(target, h('p.g-form-error', { role: 'alert' }, `The findings could not be read: ${error.message}`));
    }
  };
  filters.addEventListener('change', draw);
  filters.addEventListener('submit', (event) => event.preventDefault());
  showCounts(summary);
  onSummary?.(summary, query);
  // The first page: the one asked beside the summary when there is one.
  showPage(0, firstPage).catch((error) => {
    target.setAttribute('aria-busy', 'false');
    replace(target, h('p.g-form-error', { role: 'alert' }, `The findings could not be read: ${error.message}`));
  });
  const download = h('button', { type: 'button', id: 'findings-csv', onclick: async () => {
    const rows = [];
    const csvQuery = query;
    for (let offset = 0; offset === 0 || offset < total; offset += CSV_PAGE_ROWS) {
      const { data } = await api('GET', `${base}/findings?${csvQuery}&limit=${CSV_PAGE_ROWS}&offset=${offset}`);
      rows.push(...data.items);
      if (data.items.length < CSV_PAGE_ROWS) break;
    }
    downloadCsv(`findings-${version.id}${illustrative ? '-ILLUSTRATIVE' : ''}.csv`, csvRows(version, rows, illustrative));
  } }, 'Download the findings shown as CSV');
  const counts = version.summary ?? {};
  return h('section.g-section', { id: 'findings-view', 'aria-labelledby': 'findings-title' },
    h('h2', { id: 'findings-title' }, `Findings version ${version.id}${version.published ? ' (published)' : ' (not published)'}`),
    h('p', {}, `Agreement: ${summary.agreement}. Read ${counts.read ?? 0} reports (rejected ${counts.rejected ?? 0}, unlocated ` +
      `${counts.unlocated ?? 0}), ${plural(counts.incidents ?? 0, 'incident')}, ${plural(counts.findings ?? 0, 'finding')}: ` +
      `${counts.violations ?? 0} violation, ${counts.undetermined ?? 0} undetermined, ${counts.no_violation ?? 0} no violation.`),
    filters, h('div.g-toolbar', {}, download,
      h('a.g-button-link', { id: 'findings-xlsx', href: `/api/v1/findings/${version.id}.xlsx`, download: true }, 'Download the whole version as XLSX (findings and incidents)'),
      // The version's incidents, one row each, made by the server (GET /api/v1/findings/{id}/incidents.csv, .xlsx).
      h('a.g-button-link', { id: 'incidents-csv', href: `/api/v1/findings/${version.id}/incidents.csv`, download: true }, 'Download the version\'s incidents as CSV'),
      h('a.g-button-link', { id: 'incidents-xlsx', href: `/api/v1/findings/${version.id}/incidents.xlsx`, download: true }, 'Download the version\'s incidents as XLSX')),
    count, between, target,
    h('details', {}, h('summary', {}, 'What the outcomes and grades mean'),
      h('dl.g-definitions', {},
        h('dt', {}, 'violation'), h('dd', {}, 'every test is in and the grade is credible enough (the verifier\'s max_credibility_for_violation).'),
        h('dt', {}, 'undetermined'), h('dd', {}, 'a test is at the edge (time window straddled, target or weapon not named, too close to a zone\'s edge, location too coarse) or the grade is not credible enough.'),
        h('dt', {}, 'no violation'), h('dd', {}, 'a test is out: outside the window, target kind, zone or territory of the provision.'),
        h('dt', {}, 'grade'), h('dd', {}, 'Admiralty code: source reliability A-F from the source registry, information credibility 1-6 from how many independent source groups report it.'),
        h('dt', {}, 'claims by party'), h('dd', {}, 'who reports the incident (the report\'s claimant, else its outlet\'s party, else independent) and the actors each side names; no actor is inferred.'))));
}
