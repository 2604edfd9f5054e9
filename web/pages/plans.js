// Plans: run a plan of the workspace as a background job with a progress bar (server-sent
// events), the stored plan versions with their headline figures, publishing, and the comparison
// of two versions - headline figures first (lines met, deployed, closure day), then every change
// from one plan to the other with its kind. Roles without full plan access see the published
// versions' headlines only, as the API gives them.
import { h, replace, plural } from '../dom.js';
import { api } from '../api.js';
import { showIllustrative } from '../app.js';
import { downloadCsv } from '../csv.js';
import { planMap } from './plan_map.js';
import { planTimeline } from './plan_timeline.js';
import { preloadMap, referenceBands } from '../map.js';

const STARTERS = ['secretariat', 'planner'];
const FULL_READERS = ['secretariat', 'planner', 'host_nation'];
const HEADLINE = [
  ['lines_met', 'Requirement lines met'],
  ['deployed_units', 'Units deployed'],
  ['deployed_personnel', 'Personnel deployed'],
  ['closure_day', 'Closure day (last unit in place, D+)'],
];
const CHANGE_KINDS = {
  input: 'input changed', hub: 'hub', unit_added: 'unit added', unit_removed: 'unit removed', unit_moved: 'unit moved',
  line: 'requirement line', nation: 'nation', rotation: 'rotation',
};

function signed(number) {
  return number > 0 ? `+${number}` : String(number);
}

function text(value) {
  if (value === null || value === undefined) return '-';
  return typeof value === 'object' ? JSON.stringify(value) : String(value);
}

function versionsTable(versions, session) {
  const mayPublish = STARTERS.includes(session.user.role);
  return h('table', { id: 'plan-versions' }, h('caption', {}, 'Plan versions, newest first'),
    h('thead', {}, h('tr', {}, ['Version', 'Made (UTC)', 'By', 'Lines met', 'Units', 'Personnel', 'Closure day', 'Published']
      .map((header) => h('th', { scope: 'col' }, header)))),
    h('tbody', {}, [...versions].reverse().map((version) => h('tr.g-version-row', { dataset: { version: version.id } },
      h('th', { scope: 'row' }, `${version.id}`), h('td', {}, version.created_at ?? '-'), h('td', {}, version.created_by ?? '-'),
      h('td.g-num', {}, `${version.headline.lines_met} of ${version.headline.lines_total}`),
      h('td.g-num', {}, version.headline.deployed_units), h('td.g-num', {}, version.headline.deployed_personnel),
      h('td.g-num', {}, `D+${version.headline.closure_day}`),
      h('td', {}, version.published ? 'published' : mayPublish
        ? h('button.g-secondary', { type: 'button', onclick: async (event) => {
          // Only this cell changes, so a comparison on screen stays where it is.
          const cell = event.target.parentElement;
          try {
            await api('POST', `/plans/${version.id}/publish`);
            replace(cell, 'published');
          } catch (error) {
            replace(cell, `not published: ${error.message}`);
          }
        } }, `Publish version ${version.id}`) : 'not published')))));
}

function comparison(result) {
  const headlineRows = HEADLINE.map(([key, label]) => h('tr.g-headline-row', {},
    h('th', { scope: 'row' }, label), h('td.g-num', {}, result.from.headline[key]), h('td.g-num', {}, result.to.headline[key]),
    h('td.g-num', {}, signed(result.headline_change[key] ?? 0))));
  const counts = Object.entries(result.changes.reduce((tally, change) => ({ ...tally, [change.kind]: (tally[change.kind] ?? 0) + 1 }), {}))
    .map(([kind, count]) => `${count} ${CHANGE_KINDS[kind] ?? kind}`).join(', ');
  const change = result.headline_change;
  return h('section.g-section', { id: 'plan-comparison', 'aria-labelledby': 'comparison-title' },
    h('h2', { id: 'comparison-title' }, `Version ${result.from.id} compared with version ${result.to.id}`),
    h('p.g-headline', { id: 'comparison-headline' },
      `Lines met ${signed(change.lines_met)}, personnel deployed ${signed(change.deployed_personnel)}, closure day ${signed(change.closure_day)} days.`),
    h('table', {}, h('caption', {}, 'Headline figures'),
      h('thead', {}, h('tr', {}, ['Figure', `Version ${result.from.id}`, `Version ${result.to.id}`, 'Change'].map((header) => h('th', { scope: 'col' }, header)))),
      h('tbody', {}, headlineRows)),
    h('h3', {}, 'What moved and why'),
    result.changes.length === 0 ? h('p.g-empty', {}, 'The two plans are the same.') : [
      h('p', {}, `${plural(result.changes.length, 'change')}: ${counts}.`),
      h('div.g-toolbar', {}, h('button', { type: 'button', onclick: () => downloadCsv(`plan-${result.from.id}-to-${result.to.id}.csv`,
        [['kind', 'subject', 'before', 'after'], ...result.changes.map((item) => [item.kind, item.subject, text(item.before), text(item.after)])]) },
      'Download the changes as CSV')),
      h('table', {}, h('caption', {}, 'Every change, as guarantor diff finds it'),
        h('thead', {}, h('tr', {}, ['Kind', 'Subject', 'Before', 'After'].map((header) => h('th', { scope: 'col' }, header)))),
        h('tbody', {}, result.changes.map((item) => h('tr.g-change-row', {},
          h('th', { scope: 'row' }, CHANGE_KINDS[item.kind] ?? item.kind), h('td', {}, text(item.subject)),
          h('td', {}, text(item.before)), h('td', {}, text(item.after))))))]);
}

function compareForm(versions, target) {
  const ids = versions.map((version) => version.id);
  const select = (id, chosen) => h('select', { id }, ids.map((value) => h('option', { value, selected: value === chosen }, `version ${value}`)));
  const from = select('compare-from', ids[ids.length - 2]);
  const to = select('compare-to', ids[ids.length - 1]);
  const status = h('p.g-form-error', { role: 'alert' });
  const form = h('form.g-inline-form', { id: 'compare-form' },
    h('div.g-field', {}, h('label', { for: 'compare-from' }, 'Compare'), from),
    h('div.g-field', {}, h('label', { for: 'compare-to' }, 'with'), to),
    h('button', { type: 'submit' }, 'Compare'), status);
  const run = async () => {
    try {
      replace(target, comparison((await api('GET', `/plans/compare?from=${from.value}&to=${to.value}`)).data));
    } catch (error) {
      status.textContent = error.message;
    }
  };
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    run();
  });
  return { form, run };
}

function endText(state) {
  return state.state === 'succeeded' ? `Plan version ${state.result.plan_version} is stored.`
    : `The plan job ${state.state}${state.error ? `: ${state.error.message ?? JSON.stringify(state.error)}` : ''}.`;
}

// Starts a plan job and follows it on its event stream until it ends; `done` gets the job.
// `last` is the job that ended before the page was redrawn, so its outcome stays shown.
function runPanel(done, last) {
  const bar = h('progress', { id: 'plan-progress', max: last?.progress.total || 8, value: last?.progress.done ?? 0,
    'aria-labelledby': 'plan-progress-label' });
  const label = h('p', { id: 'plan-progress-label', 'aria-live': 'polite' }, last ? endText(last) : 'No plan is running.');
  const cancel = h('button.g-secondary', { type: 'button', id: 'cancel-plan', hidden: true }, 'Cancel');
  const start = h('button', { type: 'button', id: 'run-plan' }, 'Run a plan of the workspace now');
  start.addEventListener('click', async () => {
    start.disabled = true;
    try {
      const { data: job } = await api('POST', '/jobs', { kind: 'plan' });
      label.textContent = `Plan job ${job.id} is waiting for a worker.`;
      cancel.hidden = false;
      cancel.onclick = () => api('DELETE', `/jobs/${job.id}`).catch(() => {});
      const stream = new EventSource(`/api/v1/jobs/${job.id}/events`);
      const show = (event) => {
        const state = JSON.parse(event.data);
        bar.max = state.progress.total || 8;
        bar.value = state.progress.done;
        label.textContent = `Plan job ${state.state}: ${state.progress.done} of ${state.progress.total || 8} stages` +
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
      label.textContent = `The plan could not be started: ${error.message}`;
      start.disabled = false;
    }
  });
  return h('section.g-section', { 'aria-labelledby': 'run-title' }, h('h2', { id: 'run-title' }, 'Run a plan'),
    h('p', {}, 'The plan is made from the workspace as it is now: pledges, requirement lines, posture and site negotiation.'),
    h('div.g-actions', {}, start, cancel), bar, label);
}

export async function render(main, { session, compareLatest = false, lastJob = null }) {
  const full = FULL_READERS.includes(session.user.role);
  // The map (APP-6 symbols included) loads while the plans are read, for the roles shown it.
  if (full) {
    preloadMap({ withSymbols: true });
    referenceBands();
  }
  const { data } = await api('GET', '/plans?limit=1000');
  const versions = [...data.items].sort((a, b) => a.id - b.id);
  if (versions.some((version) => version.headline.illustrative)) showIllustrative();
  const reload = (options = {}) => render(main, { session, ...options });
  const comparisonTarget = h('div', { id: 'comparison' });
  const compare = full && versions.length >= 2 ? compareForm(versions, comparisonTarget) : null;
  const latest = versions[versions.length - 1];
  // The map and the timeline show the latest version to those who read plans in full (the API
  // gives the others headline figures only).
  const latestDocument = full && latest ? (await api('GET', `/plans/${latest.id}`)).data : null;
  const mapOf = latestDocument ? planMap(latestDocument) : null;
  replace(main,
    h('h1', {}, 'Plans'),
    h('p.g-headline', { id: 'plans-headline' }, versions.length === 0 ? (full ? 'No plan has been made yet.' : 'No plan has been published yet.')
      : `Latest version ${latest.id}: ${latest.headline.lines_met} of ${latest.headline.lines_total} lines met, ` +
        `${latest.headline.deployed_personnel} personnel deployed, closure day D+${latest.headline.closure_day}.`),
    STARTERS.includes(session.user.role) ? runPanel((job) => job.state === 'succeeded' && reload({ compareLatest: true, lastJob: job }), lastJob) : null,
    versions.length ? versionsTable(versions, session) : null,
    compare ? h('section.g-section', { 'aria-labelledby': 'compare-title' }, h('h2', { id: 'compare-title' }, 'Compare two versions'),
      compare.form, comparisonTarget) : null,
    mapOf ? mapOf.element : null,
    latestDocument ? planTimeline(latestDocument, latest.headline.illustrative) : null,
    full ? null : h('p.g-note', {}, 'Your role sees the published versions\' headline figures; the plans themselves go to the secretariat, planners and the host nation.'));
  if (compare && compareLatest) await compare.run();
  if (mapOf) {
    try {
      await mapOf.ready;
    } catch (error) {
      replace(mapOf.element.querySelector('#plan-map'), h('p.g-form-error', { role: 'alert' }, `The map could not be drawn: ${error.message}`));
    }
  }
}
