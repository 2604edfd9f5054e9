// The monitoring page's two summaries of the findings that pass its filters: a timeline per
// provision and party (a row for each pair, a mark for each day or week with findings, coloured
// by the most serious outcome that day), and the accusations of each side side by side (per
// provision: the incidents each party reports, whom it names as the actor, and how the verifier
// judged them). A party is the claimant of a report (the finding's "claims" keys); findings no
// party claims are "independent". Drawn as SVG and tables from the version's summary
// (GET /api/v1/findings/{id}/summary, its by_provision_party), counted by the server.
import { h, plural } from '../dom.js';

const SVG = 'http://www.w3.org/2000/svg';
const SEVERITY = { violation: 0, undetermined: 1, no_violation: 2 };
const OUTCOME_WORDS = { violation: 'violation', undetermined: 'undetermined', no_violation: 'no violation' };
const DAY_MS = 86400000;
// Past this many days the timeline marks weeks, so a mark stays wider than a hairline.
const DAYS_MARKED_ONE_BY_ONE = 120;
const LABEL_WIDTH = 230;
const PLOT_WIDTH = 640;
const ROW_HEIGHT = 20;

function svg(name, attributes = {}, ...children) {
  const element = document.createElementNS(SVG, name);
  for (const [key, value] of Object.entries(attributes)) element.setAttribute(key, value);
  for (const child of children.flat()) if (child !== null && child !== undefined) element.append(child);
  return element;
}

const dayOf = (date) => Date.parse(`${date.slice(0, 10)}T00:00:00Z`);

/// Rows of the timeline from the summary's per provision and party counts (`pairs`, as
/// GET /findings/{id}/summary gives them): [{provision, party, marks: Map(binStart -> {count,
/// worst})}], sorted.
export function timelineRows(pairs) {
  const days = pairs.flatMap((pair) => Object.keys(pair.days ?? {}).map(dayOf));
  if (days.length === 0) return { rows: [], first: 0, last: 0, binDays: 1 };
  const first = Math.min(...days);
  const last = Math.max(...days);
  const binDays = (last - first) / DAY_MS + 1 > DAYS_MARKED_ONE_BY_ONE ? 7 : 1;
  const rows = [];
  for (const pair of pairs) {
    const marks = new Map();
    for (const [date, day] of Object.entries(pair.days ?? {})) {
      const bin = first + Math.floor((dayOf(date) - first) / (binDays * DAY_MS)) * binDays * DAY_MS;
      const mark = marks.get(bin) ?? { count: 0, worst: day.worst };
      mark.count += day.findings;
      if ((SEVERITY[day.worst] ?? 3) < (SEVERITY[mark.worst] ?? 3)) mark.worst = day.worst;
      marks.set(bin, mark);
    }
    if (marks.size) rows.push({ provision: pair.provision, party: pair.party, marks });
  }
  rows.sort((a, b) => a.provision.localeCompare(b.provision) || a.party.localeCompare(b.party));
  return { rows, first, last, binDays };
}

/// The timeline as an SVG figure with its caption.
export function timeline(pairs, titles) {
  const { rows, first, last, binDays } = timelineRows(pairs);
  if (rows.length === 0) return h('p.g-empty', { id: 'monitoring-timeline' }, 'No dated finding passes these filters.');
  const span = last - first + binDays * DAY_MS;
  const x = (time) => LABEL_WIDTH + ((time - first) / span) * PLOT_WIDTH;
  const width = Math.max(2, (binDays * DAY_MS * PLOT_WIDTH) / span);
  const height = rows.length * ROW_HEIGHT + 24;
  const day = (time) => new Date(time).toISOString().slice(0, 10);
  const figure = svg('svg', { viewBox: `0 0 ${LABEL_WIDTH + PLOT_WIDTH + 10} ${height}`, role: 'img', 'aria-labelledby': 'monitoring-timeline-caption', class: 'g-timeline' },
    svg('text', { x: LABEL_WIDTH, y: 12, class: 'g-axis' }, day(first)),
    svg('text', { x: LABEL_WIDTH + PLOT_WIDTH, y: 12, 'text-anchor': 'end', class: 'g-axis' }, day(last)),
    rows.map((row, index) => {
      const y = 20 + index * ROW_HEIGHT;
      return svg('g', { class: 'g-timeline-row', 'data-provision': row.provision, 'data-party': row.party },
        svg('text', { x: 0, y: y + 13, class: 'g-axis' }, `${row.provision} \u00b7 ${row.party}`),
        svg('line', { x1: LABEL_WIDTH, x2: LABEL_WIDTH + PLOT_WIDTH, y1: y + 9, y2: y + 9, class: 'g-timeline-rule' }),
        [...row.marks.entries()].map(([bin, mark]) => svg('rect', { x: x(bin), y: y + 2, width, height: ROW_HEIGHT - 6, class: `g-timeline-mark g-timeline-${mark.worst}` },
          svg('title', {}, `${row.provision} (${titles[row.provision] ?? ''}), claimed by ${row.party}, ${binDays === 7 ? 'week of ' : ''}${day(bin)}: ` +
            `${plural(mark.count, 'finding')}, most serious ${OUTCOME_WORDS[mark.worst] ?? mark.worst}`))));
    }));
  return h('figure', { id: 'monitoring-timeline' }, figure,
    h('figcaption', { id: 'monitoring-timeline-caption' }, `Findings over time per provision and party claiming, ${binDays === 7 ? 'one mark per week' : 'one mark per day'} ` +
      `from ${day(first)} to ${day(last)}; the colour is the day's most serious outcome (red violation, amber undetermined, green no violation). ` +
      `${plural(rows.length, 'row')}.`));
}

/// Per provision and party: findings reported, actors named and outcomes, from the summary.
export function accusationCells(pairs) {
  const cells = new Map();
  const parties = new Set();
  for (const pair of pairs) {
    parties.add(pair.party);
    cells.set(`${pair.provision}\u0000${pair.party}`, { incidents: pair.findings, actors: new Map(Object.entries(pair.actors ?? {})), outcomes: pair.outcomes ?? {} });
  }
  return { cells, parties: [...parties].sort((a, b) => (a === 'independent') - (b === 'independent') || a.localeCompare(b)) };
}

function cellText(cell) {
  if (!cell) return '-';
  const actors = [...cell.actors.entries()].map(([actor, count]) => `${actor} (${plural(count, 'report')})`).join(', ');
  const outcomes = Object.keys(OUTCOME_WORDS).filter((key) => cell.outcomes[key]).map((key) => `${cell.outcomes[key]} ${OUTCOME_WORDS[key]}`).join(', ');
  return `${plural(cell.incidents, 'incident')}; names as actor: ${actors || 'no one'}; judged: ${outcomes}`;
}

/// The accusations table: a row per provision, a column per party.
export function accusations(pairs, titles) {
  const { cells, parties } = accusationCells(pairs);
  const provisions = [...new Set(pairs.map((pair) => pair.provision))].sort();
  if (provisions.length === 0) return h('p.g-empty', { id: 'accusations' }, 'No finding passes these filters.');
  return h('table', { id: 'accusations' },
    h('caption', {}, 'Accusations by each side, side by side: per provision, the incidents each party reports, whom its reports name as the actor, and the verifier\'s outcomes'),
    h('thead', {}, h('tr', {}, h('th', { scope: 'col' }, 'Provision'), parties.map((party) => h('th', { scope: 'col' }, `Reported by ${party}`)))),
    h('tbody', {}, provisions.map((provision) => h('tr.g-accusation-row', { dataset: { provision } },
      h('th', { scope: 'row' }, titles[provision] ? `${provision}: ${titles[provision]}` : provision),
      parties.map((party) => h('td', { dataset: { party } }, cellText(cells.get(`${provision}\u0000${party}`))))))));
}
