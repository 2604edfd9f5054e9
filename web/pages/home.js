// Home: the current week (the newest one), its agenda generated from the workspace, the
// decisions taken in it, and what changed since the last closed week - all cut by the server to
// what this user may see. The secretariat opens and closes weeks and records decisions here.
import { h, replace, table, plural } from '../dom.js';
import { api } from '../api.js';
import { showIllustrative, showError } from '../app.js';

const STATUS_WORDS = { missing: 'missing', partial: 'partly covered', covered: 'covered' };

function section(title, id, ...content) {
  return h('section.g-section', { 'aria-labelledby': id }, h('h2', { id }, title), content);
}

// An agenda item: a section one level below the "Agenda" heading.
function item(title, id, ...content) {
  return h('section.g-section', { 'aria-labelledby': id }, h('h3', { id }, title), content);
}

function emptyOr(items, text, build) {
  return items.length ? build(items) : h('p.g-empty', {}, text);
}

function agendaSections(agenda) {
  return [
    item('Requirement lines not met', 'agenda-unmet', emptyOr(agenda.unmet_lines, 'Every requirement line is covered.', (lines) =>
      table(`${plural(lines.length, 'line')} missing or partly covered, by priority`,
        ['Line', 'Capability', 'Phase', 'Priority', 'Filled of required', 'Status', 'Why'],
        lines.map((line) => [line.line_id, line.capability, line.phase, line.priority, `${line.filled} of ${line.required}`,
          STATUS_WORDS[line.status] ?? line.status,
          line.reasons ? h('ul.g-reasons', {}, line.reasons.map((reason) => h('li', {}, reason))) : 'see the gap board']),
        'g-agenda-row'))),
    item('Caveats new or lifted', 'agenda-caveats', agenda.caveats_compared_with_week === null
      ? h('p.g-empty', {}, 'No week has been closed yet: caveat changes are counted from the first close.')
      : emptyOr(agenda.caveat_changes, `No caveat changed since week ${agenda.caveats_compared_with_week}.`, (changes) =>
        table(`Compared with week ${agenda.caveats_compared_with_week}`, ['Pledge', 'Nation', 'Change', 'Caveat'],
          changes.map((change) => [change.pledge_id, change.nation, change.change, JSON.stringify(change.caveat)])))),
    item('Pledges expiring', 'agenda-expiring', emptyOr(agenda.pledges_expiring, 'No pledge expires within the agenda window.', (items) =>
      table('Pledges whose validity ends soon', ['Pledge', 'Nation', 'Capability', 'Valid until', 'Days left'],
        items.map((item) => [item.pledge_id, item.nation, item.capability, item.valid_until, item.days_left])))),
    item('Sites awaiting a decision', 'agenda-sites', emptyOr(agenda.sites_awaiting_decision, 'No site awaits a decision.', (items) =>
      table('Sites surveyed or offered', ['Site', 'Name', 'Status', 'Lead nation', 'Awaiting'],
        items.map((item) => [item.site_id, item.name, item.status, item.lead_nation || '-', item.awaiting])))),
    item('Findings', 'agenda-findings', h('p', {}, agenda.findings?.stored ? `${agenda.findings.count ?? 0} new findings` : agenda.findings?.note ?? '')),
  ];
}

function changesSection(since) {
  if (!since) return section('What changed since the last closed week', 'changes', h('p.g-empty', {}, 'No week has been closed yet.'));
  const byKind = (kind) => since.pledges.filter((pledge) => pledge.change === kind);
  const counts = ['added', 'changed', 'withdrawn'].map((kind) => `${byKind(kind).length} ${kind}`).join(', ');
  const before = since.gap_counts?.before ?? {};
  const after = since.gap_counts?.after ?? {};
  const plan = since.plan?.change;
  return section(`What changed since week ${since.compared_with_week}`, 'changes',
    h('p.g-headline', {}, `Pledges: ${counts}.`,
      plan ? ` Plan: lines met ${signed(plan.lines_met)}, deployed ${signed(plan.deployed_personnel)}, closure day ${signed(plan.closure_day)}.` : ''),
    table('Requirement lines by status', ['Status', `Week ${since.compared_with_week}`, 'Now'],
      ['covered', 'partial', 'missing'].map((status) => [STATUS_WORDS[status], before[status] ?? 0, after[status] ?? 0]), 'g-gapcount-row'),
    emptyOr(since.pledges, 'No pledge you can see changed.', (pledges) =>
      table('Pledges added, changed or withdrawn', ['Pledge', 'Nation', 'Capability', 'Change'],
        pledges.map((pledge) => [pledge.pledge_id, pledge.nation, pledge.capability, pledge.change]), 'g-change-row')),
    since.withheld ? h('p.g-note', {}, `${plural(since.withheld, 'item')} about pledges shared with you only in part or in total are not listed.`) : null);
}

function signed(number) {
  return number > 0 ? `+${number}` : String(number);
}

function decisionsSection(week, decisions, session, reload) {
  const rows = decisions.map((decision) => [decision.text, decision.owner, `week ${decision.due_week}`, decision.status]);
  const content = [emptyOr(rows, 'No decision recorded this week.', () => table('Decisions with owner and due week', ['Decision', 'Owner', 'Due', 'Status'], rows, 'g-decision-row'))];
  if (session.user.role === 'secretariat' && !week.closed) {
    const text = h('input', { id: 'decision-text', required: true });
    const owner = h('input', { id: 'decision-owner', required: true });
    const due = h('input', { id: 'decision-due', type: 'number', min: week.number, value: week.number + 1, required: true });
    const status = h('p.g-form-error', { role: 'alert' });
    const form = h('form.g-inline-form', {},
      h('div.g-field', {}, h('label', { for: 'decision-text' }, 'Decision'), text),
      h('div.g-field', {}, h('label', { for: 'decision-owner' }, 'Owner (nation, role or user)'), owner),
      h('div.g-field', {}, h('label', { for: 'decision-due' }, 'Due week'), due),
      h('button', { type: 'submit' }, 'Record decision'), status);
    form.addEventListener('submit', async (event) => {
      event.preventDefault();
      try {
        await api('POST', `/weeks/${week.number}/decisions`, { text: text.value, owner: owner.value, due_week: Number(due.value) });
        await reload();
      } catch (error) {
        status.textContent = `${error.message}${error.where ? ` (${error.where})` : ''}`;
      }
    });
    content.push(form);
  }
  return section('Decisions', 'decisions', content);
}

function weekActions(week, etag, session, reload) {
  if (session.user.role !== 'secretariat') return null;
  const status = h('p.g-form-error', { role: 'alert' });
  if (!week || week.closed) {
    const date = h('input', { id: 'week-start', type: 'date', required: true, value: new Date().toISOString().slice(0, 10) });
    const form = h('form.g-inline-form', {}, h('div.g-field', {}, h('label', { for: 'week-start' }, 'Next week starts on'), date),
      h('button', { type: 'submit' }, 'Open the next week'), status);
    form.addEventListener('submit', async (event) => {
      event.preventDefault();
      try {
        await api('POST', '/weeks', { starts_on: date.value });
        await reload();
      } catch (error) {
        status.textContent = error.message;
      }
    });
    return form;
  }
  const close = h('button', { type: 'button', id: 'close-week', onclick: async () => {
    if (!window.confirm(`Close week ${week.number}? Its pledges, plan and agenda are frozen for comparison.`)) return;
    try {
      await api('POST', `/weeks/${week.number}/close`, undefined, { 'If-Match': etag });
      await reload();
    } catch (error) {
      status.textContent = error.message;
    }
  } }, `Close week ${week.number}`);
  return h('div.g-actions', {}, close, status);
}

export async function render(main, { session }) {
  const reload = () => render(main, { session }).catch((error) => showError(main, error));
  const weeks = (await api('GET', '/weeks?limit=1000')).data.items;
  if (weeks.length === 0) {
    replace(main, h('h1', {}, 'No week has been opened yet'),
      h('p', {}, 'The secretariat opens the first week; its agenda is then generated from the workspace.'),
      weekActions(null, null, session, reload));
    return;
  }
  const latest = weeks[weeks.length - 1];
  const { data: week, etag } = await api('GET', `/weeks/${latest.number}`);
  if (week.agenda?.illustrative) showIllustrative();
  const headline = week.closed ? `closed` : 'open';
  replace(main,
    h('h1', {}, `Week ${week.number}, starting ${week.starts_on} (${headline})`),
    h('p.g-headline', { id: 'week-headline' }, `${plural(week.agenda.unmet_lines.length, 'requirement line')} not met; `,
      `${plural(week.agenda.sites_awaiting_decision.length, 'site')} awaiting a decision; `,
      `${plural(week.agenda.decisions_due.length, 'decision')} due; `,
      week.plan ? `published plan version ${week.plan.id}: ${week.plan.headline.lines_met} lines met, ${week.plan.headline.deployed_personnel} deployed, closure day ${week.plan.headline.closure_day}.`
        : 'no plan published yet.'),
    weekActions(week, etag, session, reload),
    changesSection(week.since_last_close),
    h('h2.g-part', {}, 'Agenda'),
    agendaSections(week.agenda),
    decisionsSection(week, week.decisions, session, reload),
    week.agenda.withheld ? h('p.g-note', {}, `${plural(week.agenda.withheld, 'agenda item')} about pledges not shared with you in full are not listed.`) : null);
}
