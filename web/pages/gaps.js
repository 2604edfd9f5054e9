// The gap board: every requirement line by phase, covered / partly covered / missing, the reason
// for each gap in words, and for each pledge of the line's capability whether it counts or what
// blocks it (caveat, condition, readiness, phase). The numbers are GET /api/v1/gap-board, the
// same JSON as `guarantor forcegen` writes, so the page and the CLI never disagree.
import { h, replace, plural } from '../dom.js';
import { api } from '../api.js';
import { showIllustrative } from '../app.js';
import { downloadCsv } from '../csv.js';

const STATUS_WORDS = { covered: 'covered', partial: 'partly covered', missing: 'missing' };
// Verdicts of force generation (force::Verdict) in words a staff officer uses.
const VERDICT_WORDS = {
  counted: 'counts',
  blocked_by_caveat: 'blocked by a caveat',
  condition_unmet: 'waiting on a condition',
  too_late: 'ready too late',
  wrong_phase: 'not in this phase',
  expired: 'no longer valid',
  committed_elsewhere: 'committed to another line',
  undisclosed: 'not usable under terms not shared',
};

function verdictWords(verdict) {
  return VERDICT_WORDS[verdict] ?? verdict.replaceAll('_', ' ');
}

// A pledge by id and nation; for a liaison, the pledges of nations sharing only totals come
// summed, without either (docs/workspace.md, "The gap board as shared").
function pledgeName(pledge) {
  return pledge.pledge ?? plural(pledge.pledges, 'pledge') + ' of nations sharing only totals';
}

// What could close the line: pledges of the capability that do not count yet, with the blocker.
function closers(line) {
  const waiting = line.pledges.filter((pledge) => pledge.committed === 0 && pledge.verdict !== 'counted');
  if (line.status === 'covered') return 'not needed';
  if (waiting.length === 0) return line.pledges.length ? 'no other pledge of this capability' : 'no pledge offers this capability';
  return h('ul.g-closers', {}, waiting.map((pledge) =>
    h('li', {}, h('strong', {}, `${pledgeName(pledge)} (${pledge.nation ? `${pledge.nation}, ` : ''}${pledge.offered} offered)`), `: ${verdictWords(pledge.verdict)} - `,
      pledge.reason.replace(/^[^:]*: /, ''))));
}

function statusCell(status) {
  // Words, not colour alone: the status reads the same in print and to a screen reader.
  return h(`span.g-status.g-status-${status}`, {}, STATUS_WORDS[status] ?? status);
}

function lineRow(phase, line) {
  const counted = line.pledges.filter((pledge) => pledge.committed > 0).map((pledge) => `${pledgeName(pledge)} (${pledge.committed})`);
  const reasons = line.gap_reasons.length ? h('ul.g-reasons', {}, line.gap_reasons.map((reason) => h('li', {}, reason))) : '-';
  return h('tr.g-gap-row', { dataset: { status: line.status, line: line.id, phase: phase.phase } },
    h('th', { scope: 'row' }, line.id),
    h('td', {}, line.capability),
    h('td.g-num', {}, line.priority),
    h('td.g-num', {}, `${line.filled} / ${line.required}`),
    h('td', {}, statusCell(line.status)),
    h('td', {}, counted.length ? counted.join(', ') : 'none'),
    h('td', {}, reasons),
    h('td', {}, closers(line)));
}

function phaseSection(phase, filter) {
  const lines = phase.lines.filter((line) => filter === 'all' || line.status === filter || (filter === 'unmet' && line.status !== 'covered'));
  const counts = ['covered', 'partial', 'missing'].map((status) => `${phase.lines.filter((line) => line.status === status).length} ${STATUS_WORDS[status]}`);
  const rotation = phase.rotation;
  const id = `phase-${phase.phase}`;
  return h('section.g-section.g-phase', { 'aria-labelledby': id },
    h('h2', { id }, `Phase ${phase.phase} (opens day ${phase.opens_day})`),
    h('p.g-headline', {}, `${plural(phase.lines.length, 'line')}: ${counts.join(', ')}.`,
      rotation ? ` Deployed ${rotation.deployed_personnel} personnel; rotation pool needs ${rotation.required_pool}, has ${rotation.pool_personnel} (shortfall ${rotation.shortfall}).` : ''),
    lines.length === 0 ? h('p.g-empty', {}, 'No line of this phase matches the filter.') :
      h('table.g-gap-table', {},
        h('caption', {}, `Requirement lines of phase ${phase.phase}`),
        h('thead', {}, h('tr', {}, ['Line', 'Capability', 'Priority', 'Filled / required', 'Status', 'Counted pledges',
          'Reason for the gap', 'Which pledge could close it, and what blocks it'].map((header) => h('th', { scope: 'col' }, header)))),
        h('tbody', {}, lines.map((line) => lineRow(phase, line)))));
}

function csvRows(board) {
  const rows = [['phase', 'line', 'capability', 'priority', 'required', 'filled', 'shortfall', 'status', 'pledge', 'nation', 'offered', 'committed', 'verdict', 'reason']];
  for (const phase of board.phases)
    for (const line of phase.lines) {
      const base = [phase.phase, line.id, line.capability, line.priority, line.required, line.filled, line.shortfall, line.status];
      if (line.pledges.length === 0) rows.push([...base, '', '', '', '', '', line.gap_reasons.join('; ')]);
      for (const pledge of line.pledges)
        rows.push([...base, pledgeName(pledge), pledge.nation ?? '', pledge.offered, pledge.committed, pledge.verdict, pledge.reason]);
    }
  return rows;
}

export async function render(main) {
  const { data: board } = await api('GET', '/gap-board');
  if (board.illustrative) showIllustrative(board.notice?.replace(/^ILLUSTRATIVE:\s*/, ''));
  const all = board.phases.flatMap((phase) => phase.lines);
  const filter = h('select', { id: 'gap-filter' },
    [['all', 'every line'], ['unmet', 'missing or partly covered'], ['missing', 'missing'], ['partial', 'partly covered'], ['covered', 'covered']]
      .map(([value, label]) => h('option', { value }, label)));
  const phases = h('div', { id: 'gap-phases' });
  const draw = () => replace(phases, board.phases.map((phase) => phaseSection(phase, filter.value)));
  filter.addEventListener('change', draw);
  const exportButton = h('button', { type: 'button', id: 'gap-csv', onclick: () => downloadCsv('gap-board.csv', csvRows(board)) },
    'Download as CSV');
  const xlsxLink = h('a.g-button-link', { id: 'gap-xlsx', href: '/api/v1/gap-board.xlsx', download: true }, 'Download as XLSX');
  replace(main,
    h('h1', {}, 'Gap board'),
    h('p.g-headline', { id: 'gap-headline' },
      `${board.lines_covered_by_pledges} of ${all.length} requirement lines covered by pledges; `,
      `${all.filter((line) => line.status === 'partial').length} partly covered, ${all.filter((line) => line.status === 'missing').length} missing.`),
    h('p.g-note', {}, `Scenario "${board.scenario?.name ?? ''}" as of ${board.scenario?.as_of ?? '-'}. `,
      'The same figures as `guarantor forcegen` on an export of this workspace.'),
    h('div.g-toolbar', {}, h('label', { for: 'gap-filter' }, 'Show '), filter, ' ', exportButton, ' ', xlsxLink),
    phases,
    h('details.g-definitions', {}, h('summary', {}, 'What the figures mean'),
      h('dl', {}, Object.entries(board.definitions ?? {}).map(([term, meaning]) => [h('dt', {}, term), h('dd', {}, meaning)]))));
  draw();
}
