// The plan page's deployment timeline: a Gantt chart of the assigned units from the day each is
// ready to the day it is in place, with the day it enters the theatre at its entry node, the
// day of its transshipment (the 1435/1520 mm gauge change), the day its line needs it, the
// phase gates and D+ markers; beside it the same movements as a TPFDD-style table that saves as
// CSV. Everything comes from the plan version's own document (its assignments' schedule).
import { h } from '../dom.js';
import { downloadCsv } from '../csv.js';

const SVG = 'http://www.w3.org/2000/svg';
const ROW_PX = 16;
const LABEL_PX = 290;
const AXIS_PX = 28;

function svg(tag, attributes = {}, text = null) {
  const element = document.createElementNS(SVG, tag);
  for (const [name, value] of Object.entries(attributes)) element.setAttribute(name, String(value));
  if (text !== null) element.textContent = text;
  return element;
}

const day = (value) => (value === undefined || value === null || value < 0 ? '' : value);

function rows(plan) {
  return [...(plan.assignments ?? [])].sort((a, b) => a.arrival_day - b.arrival_day || a.unit.localeCompare(b.unit));
}

// Round D+ steps, so the axis has between about 5 and 12 marks at any plan length.
function tickStep(lastDay) {
  return [7, 14, 30, 60, 90, 180, 365].find((step) => lastDay / step <= 12) ?? 365;
}

function chart(units, width) {
  const lastDay = Math.max(1, ...units.map((unit) => Math.max(unit.arrival_day, unit.required_by_day ?? 0)));
  const scale = (width - LABEL_PX - 10) / lastDay;
  const x = (value) => LABEL_PX + value * scale;
  const height = AXIS_PX + units.length * ROW_PX + 6;
  const gates = [...new Set(units.map((unit) => unit.phase_gate_day).filter((value) => value >= 0))].sort((a, b) => a - b);
  const late = units.filter((unit) => unit.required_by_day >= 0 && unit.arrival_day > unit.required_by_day).length;
  const root = svg('svg', { class: 'g-gantt', width, height, viewBox: `0 0 ${width} ${height}`, role: 'img',
    'aria-label': `Deployment timeline: ${units.length} units, the last in place on D+${Math.max(0, ...units.map((unit) => unit.arrival_day))}` +
      `; phase gates on ${gates.map((gate) => `D+${gate}`).join(', ') || 'none'}; ${late} in place after their line needs them. The table below lists the same.` });
  const step = tickStep(lastDay);
  for (let mark = 0; mark <= lastDay; mark += step) {
    root.append(svg('line', { x1: x(mark), x2: x(mark), y1: AXIS_PX - 6, y2: height, class: 'g-gantt-tick' }),
      svg('text', { x: x(mark), y: AXIS_PX - 10, 'text-anchor': 'middle', class: 'g-gantt-axis' }, `D+${mark}`));
  }
  for (const gate of gates) {
    root.append(svg('line', { x1: x(gate), x2: x(gate), y1: 0, y2: height, class: 'g-gantt-gate' }),
      svg('text', { x: x(gate) + 3, y: 10, class: 'g-gantt-gate-label' }, `phase gate D+${gate}`));
  }
  units.forEach((unit, index) => {
    const y = AXIS_PX + index * ROW_PX;
    const row = svg('g', { class: 'g-gantt-row' });
    row.append(svg('title', {}, `${unit.unit} (${unit.nation}) ${unit.capability} for ${unit.line}: ready D+${unit.ready_day}, ` +
      `enters at ${unit.entry_node || '-'} D+${day(unit.entry_day)}${unit.transshipment ? `, transships at ${unit.transshipment} D+${day(unit.transshipment_day)}` : ''}` +
      `, in place D+${unit.arrival_day}${unit.required_by_day >= 0 ? `, needed by D+${unit.required_by_day}` : ''}`));
    row.append(svg('text', { x: LABEL_PX - 6, y: y + ROW_PX - 4, 'text-anchor': 'end', class: 'g-gantt-label' }, `${unit.unit} ${unit.capability}`));
    const start = Math.min(unit.ready_day, unit.arrival_day);
    row.append(svg('rect', { x: x(start), y: y + 4, width: Math.max(2, x(unit.arrival_day) - x(start)), height: ROW_PX - 8,
      class: unit.required_by_day >= 0 && unit.arrival_day > unit.required_by_day ? 'g-gantt-bar g-gantt-late' : 'g-gantt-bar' }));
    if (unit.entry_day >= 0) row.append(svg('path', { d: `M${x(unit.entry_day)} ${y + 2} l5 6 l-5 6 l-5 -6 z`, class: 'g-gantt-entry' }));
    if (unit.transshipment && unit.transshipment_day >= 0) {
      row.append(svg('rect', { x: x(unit.transshipment_day) - 4, y: y + 4, width: 8, height: 8, class: 'g-gantt-transship' }));
    }
    if (unit.required_by_day >= 0) row.append(svg('line', { x1: x(unit.required_by_day), x2: x(unit.required_by_day), y1: y + 1, y2: y + ROW_PX - 1, class: 'g-gantt-need' }));
    root.append(row);
  });
  return root;
}

const COLUMNS = [
  ['unit', 'Unit'], ['nation', 'Nation'], ['capability', 'Capability'], ['line', 'Line'], ['phase_gate_day', 'Phase gate (D+)'],
  ['ready_day', 'Ready (D+)'], ['entry_node', 'Entry node'], ['entry_day', 'Enters (D+)'], ['transshipment', 'Transshipment'],
  ['transshipment_day', 'Transships (D+)'], ['arrival_day', 'In place (D+)'], ['required_by_day', 'Needed by (D+)'], ['site', 'Site'],
  ['personnel', 'Personnel'], ['route', 'Route'],
];

/// The timeline section of plan version `version` (with its `plan`); `illustrative` names the CSV.
export function planTimeline(version, illustrative) {
  const units = rows(version.plan);
  const cell = (unit, key) => (key.endsWith('_day') ? day(unit[key]) : unit[key] ?? '');
  const table = h('table', { id: 'tpfdd' }, h('caption', {}, `Movements of plan version ${version.id} (TPFDD style), by day in place`),
    h('thead', {}, h('tr', {}, COLUMNS.map(([, label]) => h('th', { scope: 'col' }, label)))),
    h('tbody', {}, units.map((unit) => h('tr.g-tpfdd-row', { dataset: { unit: unit.unit } },
      COLUMNS.map(([key], index) => (index === 0 ? h('th', { scope: 'row' }, unit.unit) : h('td', {}, String(cell(unit, key)))))))));
  const holder = h('div.g-gantt-holder', { id: 'plan-timeline' });
  const section = h('section.g-section', { 'aria-labelledby': 'timeline-title' },
    h('h2', { id: 'timeline-title' }, `Deployment timeline of plan version ${version.id}`),
    h('p.g-note', {}, 'Each bar runs from the day the unit is ready to the day it is in place (D+ days from the start of the deployment); ' +
      '\u25C6 the day it enters the theatre at its entry node, \u25A0 its transshipment (rail gauge change), | the day its requirement line needs it; ' +
      'a hatched bar arrives after that day. Dashed lines are phase gates. Hover a bar for its details; the table lists the same.'),
    holder,
    h('div.g-toolbar', {}, h('button', { type: 'button', id: 'tpfdd-csv', onclick: () => downloadCsv(
      `plan-${version.id}-movements${illustrative ? '-ILLUSTRATIVE' : ''}.csv`,
      [[...COLUMNS.map(([key]) => key), 'illustrative'], ...units.map((unit) => [...COLUMNS.map(([key]) => cell(unit, key)), illustrative ? 'ILLUSTRATIVE' : 'no'])]) },
    'Download the movements as CSV'),
    h('a.g-button-link', { id: 'tpfdd-xlsx', href: `/api/v1/plans/${version.id}/movements.xlsx`, download: true }, 'Download the movements as XLSX')),
    h('details', {}, h('summary', {}, `Movements table (${units.length} units)`), table));
  // Drawn once the section is in the page, at the width it has there.
  requestAnimationFrame(() => holder.append(chart(units, Math.max(640, holder.clientWidth || 1200))));
  return section;
}
