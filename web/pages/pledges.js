// Nation pledges: a liaison's own nation's pledges, each editable in a form whose lists are
// the API's controlled lists (GET /api/v1/catalogue: capabilities of the catalogue, caveat kinds
// and the list each takes its values from, phases, conditions, statuses, sharing levels), the API's validation messages
// shown at the field they name, the nation's sharing level, and each pledge's history. Other
// nations' pledges are listed at the level each shares; the secretariat edits any nation's.
import { h, replace, plural } from '../dom.js';
import { api, ApiError } from '../api.js';
import { showIllustrative } from '../app.js';
import { downloadCsv } from '../csv.js';

// Words for the catalogue's names; the lists themselves (which kinds and values exist) are the
// API's. A name without words here is shown as it is.
const CAVEAT_WORDS = { where: 'only where', when: 'only from phase', condition: 'only if condition met', excluded_role: 'excluded role' };
const SHARING_WORDS = { full: 'full (every field)', capability_only: 'capability only', aggregate: 'aggregate (totals only)' };

function option(value, label, selected) {
  return h('option', { value, selected: value === selected }, label ?? value);
}

function fieldError(id) {
  return h('p.g-field-error', { id: `${id}-error`, role: 'alert' });
}

// One caveat row: kind, values from the kind's list, and the source the format requires.
function caveatRow(caveat, index, lists, onRemove) {
  const prefix = `caveat-${index}`;
  const kind = h('select', { id: `${prefix}-kind` }, lists.caveatKinds.map(({ kind: value }) => option(value, CAVEAT_WORDS[value], caveat.kind)));
  const values = h('div.g-caveat-values', {});
  const source = h('input', { id: `${prefix}-source`, value: caveat.source ?? '', size: 40 });
  const drawValues = () => {
    const chosen = new Set(caveat.kind === kind.value ? caveat.values ?? [] : []);
    const from = lists.caveatKinds.find((entry) => entry.kind === kind.value)?.values_from;
    // Values the pledge holds stay offered even if the list no longer names them, so a save
    // never drops one unseen (the API then says what is wrong with it).
    const choices = [...new Set([...(lists[from] ?? []), ...chosen])];
    replace(values, h('fieldset', { id: `${prefix}-values` }, h('legend', {}, 'Values'),
      choices.map((value) => h('label.g-check', {}, h('input', { type: 'checkbox', value, checked: chosen.has(value) }), ` ${value}`))));
  };
  kind.addEventListener('change', drawValues);
  drawValues();
  const row = h('div.g-caveat', { dataset: { index } },
    h('div.g-field', {}, h('label', { for: `${prefix}-kind` }, `Caveat ${index + 1}`), kind),
    values,
    h('div.g-field', {}, h('label', { for: `${prefix}-source` }, 'Source'), source),
    h('button.g-secondary', { type: 'button', onclick: onRemove }, `Remove caveat ${index + 1}`),
    fieldError(prefix));
  row.read = () => ({ kind: kind.value, values: [...values.querySelectorAll('input:checked')].map((box) => box.value), source: source.value });
  return row;
}

function pledgeForm(item, lists, onSaved) {
  const pledge = structuredClone(item.pledge);
  const input = (name, attributes) => h('input', { id: `pledge-${name}`, name, 'aria-describedby': `pledge-${name}-error`, ...attributes });
  const fields = {
    capability: h('select', { id: 'pledge-capability', 'aria-describedby': 'pledge-capability-error' },
      lists.capabilities.map((capability) => option(capability.code, `${capability.code} (${capability.name})`, pledge.capability))),
    quantity: input('quantity', { type: 'number', min: 0, step: 1, value: pledge.quantity }),
    readiness_days: input('readiness_days', { type: 'number', min: 0, step: 1, value: pledge.readiness_days }),
    status: h('select', { id: 'pledge-status', 'aria-describedby': 'pledge-status-error' }, lists.pledgeStatuses.map((status) => option(status, status, pledge.status))),
    valid_until: input('valid_until', { type: 'date', value: pledge.valid_until }),
    source: h('textarea', { id: 'pledge-source', rows: 2, cols: 60, 'aria-describedby': 'pledge-source-error' }, pledge.source ?? ''),
  };
  const labels = { capability: 'Capability', quantity: 'Units', readiness_days: 'Ready (days after the phase opens)', status: 'Status',
    valid_until: 'Valid until (empty: open-ended)', source: 'Source' };
  const caveats = h('div.g-caveats', {});
  let rows = [];
  const drawCaveats = () => {
    rows = (pledge.caveats ?? []).map((caveat, index) => caveatRow(caveat, index, lists, () => {
      pledge.caveats = rows.map((row) => row.read()).filter((_, other) => other !== index);
      drawCaveats();
    }));
    replace(caveats, rows.length ? rows : h('p.g-empty', {}, 'No caveat: the pledge may serve anywhere, in any phase.'));
  };
  drawCaveats();
  const summary = h('div.g-form-error', { id: 'pledge-errors', role: 'alert' });
  const preview = h('div.g-preview', { id: 'pledge-preview', 'aria-live': 'polite' });
  const readBody = () => ({ ...pledge, capability: fields.capability.value, quantity: Number(fields.quantity.value),
    readiness_days: Number(fields.readiness_days.value), status: fields.status.value, valid_until: fields.valid_until.value,
    source: fields.source.value, caveats: rows.map((row) => row.read()) });
  const clearErrors = () => {
    for (const node of form.querySelectorAll('.g-field-error')) node.textContent = '';
    summary.textContent = '';
  };
  // novalidate: the API's own checks and messages are the ones shown, at the field they name.
  const form = h('form.g-pledge-form', { id: 'pledge-form', 'aria-labelledby': 'pledge-form-title', novalidate: true },
    h('h2', { id: 'pledge-form-title' }, `Edit ${pledge.id} (version ${item.version})`),
    summary,
    Object.entries(fields).map(([name, control]) =>
      h('div.g-field', {}, h('label', { for: control.id }, labels[name]), control, fieldError(`pledge-${name}`))),
    h('h3', {}, 'Caveats and conditions'), caveats,
    h('button.g-secondary', { type: 'button', id: 'add-caveat', onclick: () => {
      pledge.caveats = [...rows.map((row) => row.read()), { kind: 'where', values: [], source: '' }];
      drawCaveats();
      form.querySelector(`#caveat-${pledge.caveats.length - 1}-kind`)?.focus();
    } }, 'Add a caveat'),
    preview,
    h('div.g-actions', {},
      h('button.g-secondary', { type: 'button', id: 'preview-pledge', onclick: async () => {
        clearErrors();
        try {
          const { data } = await api('POST', `/pledges/${encodeURIComponent(pledge.id)}/preview`, readBody());
          replace(preview, previewTable(data));
        } catch (error) {
          replace(preview);
          showErrors(form, summary, error);
        }
      } }, 'Preview the effect'), ' ',
      h('button', { type: 'submit' }, `Save ${pledge.id}`)));
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    clearErrors();
    try {
      await api('PUT', `/pledges/${encodeURIComponent(pledge.id)}`, readBody(), { 'If-Match': item.etag });
      await onSaved(pledge.id);
    } catch (error) {
      showErrors(form, summary, error);
    }
  });
  return form;
}

const STATUS_WORDS = { covered: '✓ covered', partial: '◑ partly covered', missing: '✗ missing' };

// The preview's answer: each requirement line the edit moves, before and after, and why.
function previewTable(data) {
  if (data.lines.length === 0) return h('p.g-empty', {}, 'Not saved yet. This edit changes no requirement line.');
  return h('table', {},
    h('caption', {}, `Effect of this edit on the requirement lines (not saved yet; force generation's numbers, as on the gap board)`),
    h('thead', {}, h('tr', {}, ['Line', 'Phase', 'Filled / required', 'Status', `Units of ${data.pledge_id}`, 'Why'].map((header) => h('th', { scope: 'col' }, header)))),
    h('tbody', {}, data.lines.map((line) => h('tr.g-preview-line', { dataset: { line: line.line_id, effect: line.effect } },
      h('th', { scope: 'row' }, `${line.line_id} (${line.capability})`),
      h('td', {}, line.phase),
      h('td', {}, `${line.before.filled} → ${line.after.filled} of ${line.required}`),
      h('td', {}, `${STATUS_WORDS[line.before.status] ?? line.before.status} → ${STATUS_WORDS[line.after.status] ?? line.after.status}`),
      h('td', {}, `${line.before.committed} → ${line.after.committed}: ${line.effect}`),
      h('td', {}, [line.after.reason ?? line.before.reason, ...(line.gap_reasons ?? [])].filter(Boolean).join('; ') || '-')))));
}

// The API names the offending field by JSON pointer: /quantity, /caveats/0/values/1.
function showErrors(form, summary, error) {
  if (!(error instanceof ApiError)) {
    summary.textContent = String(error);
    return;
  }
  if (error.status === 412) {
    summary.textContent = 'Someone saved this pledge after you opened it. Reload the page to see their version, then edit again.';
    return;
  }
  const problems = error.errors.length ? error.errors : [{ where: error.where, message: error.message }];
  summary.textContent = `Not saved: ${plural(problems.length, 'problem')}.`;
  for (const problem of problems) {
    const [, field, index] = /^\/([a-z_]+)(?:\/(\d+))?/.exec(problem.where ?? '') ?? [];
    const target = field === 'caveats' ? form.querySelector(`#caveat-${index}-error`) : form.querySelector(`#pledge-${field}-error`);
    if (target) target.textContent = problem.message;
    else summary.append(h('span', {}, ` ${problem.where ? `${problem.where}: ` : ''}${problem.message}`));
  }
}

function describeCaveats(pledge) {
  if (!pledge.caveats) return 'not shared';
  if (pledge.caveats.length === 0) return 'none';
  return pledge.caveats.map((caveat) => `${CAVEAT_WORDS[caveat.kind] ?? caveat.kind} ${caveat.values.join(', ')}`).join('; ');
}

function historyTable(entries) {
  const changed = (before, after) => {
    if (!before) return 'created';
    if (!after) return 'deleted';
    const keys = [...new Set([...Object.keys(before), ...Object.keys(after)])]
      .filter((key) => JSON.stringify(before[key]) !== JSON.stringify(after[key]));
    return keys.map((key) => `${key}: ${JSON.stringify(before[key] ?? null)} → ${JSON.stringify(after[key] ?? null)}`).join('; ') || 'no field changed';
  };
  return h('table', {}, h('caption', {}, 'History, oldest first'),
    h('thead', {}, h('tr', {}, ['When (UTC)', 'Who', 'Action', 'What changed'].map((header) => h('th', { scope: 'col' }, header)))),
    h('tbody', {}, entries.map((entry) => h('tr.g-history-row', {}, h('th', { scope: 'row' }, entry.at), h('td', {}, entry.actor),
      h('td', {}, entry.action), h('td', {}, changed(entry.before, entry.after))))));
}

// The controlled lists, as GET /api/v1/catalogue gives them; a caveat kind's `values_from`
// names the list its values come from (locations, phases, conditions or roles).
async function controlledLists() {
  const { data: catalogue } = await api('GET', '/catalogue');
  return {
    capabilities: catalogue.capabilities,
    locations: catalogue.locations,
    phases: catalogue.phases.map((gate) => gate.phase),
    conditions: catalogue.conditions.map((condition) => condition.key),
    roles: catalogue.roles,
    caveatKinds: catalogue.caveat_kinds,
    pledgeStatuses: catalogue.pledge_statuses,
    sharingLevels: catalogue.sharing_levels,
  };
}

export async function render(main, { session, openPledge = null }) {
  const own = session.user.nation;
  const mayEdit = (pledge) => session.user.role === 'secretariat' || (session.user.role === 'liaison' && pledge.nation === own);
  const listed = api('GET', '/pledges?limit=1000');
  const [{ data: list }, lists, { data: nations }] = await Promise.all([listed, controlledLists(), api('GET', '/nations')]);
  if (list.items.some((item) => item.pledge.illustrative)) showIllustrative();
  const editor = h('div', { id: 'pledge-editor' });
  const open = async (id) => {
    const { data: pledge, etag } = await api('GET', `/pledges/${encodeURIComponent(id)}`);
    const item = { pledge, etag, version: Number(etag.replaceAll('"', '')) };
    const { data: history } = await api('GET', `/history?entity=pledge&id=${encodeURIComponent(id)}`);
    replace(editor, mayEdit(item.pledge) ? pledgeForm(item, lists, () => render(main, { session, openPledge: id })) :
      h('h2', {}, `${id}`), historyTable(history.items));
    editor.querySelector('h2')?.scrollIntoView();
    editor.querySelector('select, input')?.focus();
  };
  const rows = list.items.map((item) => {
    const pledge = item.pledge;
    return h('tr.g-pledge-row', { dataset: { pledge: pledge.id, visibility: item.visibility } },
      h('th', { scope: 'row' }, pledge.id), h('td', {}, pledge.nation), h('td', {}, pledge.capability),
      h('td.g-num', {}, pledge.quantity), h('td.g-num', {}, pledge.readiness_days), h('td', {}, pledge.status),
      h('td', {}, describeCaveats(pledge)), h('td', {}, item.visibility === 'full' ? pledge.valid_until || 'open-ended' : 'not shared'),
      h('td', {}, item.visibility === 'full' || mayEdit(pledge)
        ? h('button.g-secondary', { type: 'button', onclick: () => open(pledge.id) }, `${mayEdit(pledge) ? 'Edit' : 'History of'} ${pledge.id}`) : ''));
  });
  const mine = nations.items.find((nation) => nation.iso2 === own);
  replace(main,
    h('h1', {}, own ? `Pledges of ${mine?.name ?? own}` : 'Pledges'),
    h('p.g-headline', {}, `${plural(list.total, 'pledge')} you can see`,
      own ? `, ${list.items.filter((item) => item.pledge.nation === own).length} of them your nation's.` : '.'),
    mine ? sharingForm(mine, lists.sharingLevels) : null,
    h('div.g-toolbar', {}, h('button', { type: 'button', id: 'pledges-csv', onclick: () => downloadCsv('pledges.csv', [
      ['id', 'nation', 'capability', 'quantity', 'readiness_days', 'status', 'caveats', 'valid_until', 'visibility'],
      ...list.items.map((item) => [item.pledge.id, item.pledge.nation, item.pledge.capability, item.pledge.quantity,
        item.pledge.readiness_days, item.pledge.status, describeCaveats(item.pledge), item.pledge.valid_until ?? '', item.visibility])]) },
      'Download as CSV'),
    // The server's spreadsheet of the same list (GET /api/v1/pledges.xlsx), cut to the caller as the list is.
    h('a.g-button-link', { id: 'pledges-xlsx', href: '/api/v1/pledges.xlsx', download: true }, 'Download as XLSX')),
    h('table', {}, h('caption', {}, 'Pledges by nation, at the level each nation shares'),
      h('thead', {}, h('tr', {}, ['Pledge', 'Nation', 'Capability', 'Units', 'Ready (days)', 'Status', 'Caveats', 'Valid until', ''].map((header) =>
        h('th', { scope: 'col' }, header)))),
      h('tbody', {}, rows)),
    list.aggregates?.length ? h('p.g-note', {}, `${plural(list.aggregates.length, 'capability total')} of nations sharing only totals are not listed pledge by pledge.`) : null,
    editor);
  // After a save the page is drawn afresh (the list shows the new values) and the pledge reopened.
  if (openPledge) await open(openPledge);
}

function sharingForm(nation, levels) {
  const select = h('select', { id: 'sharing-level' }, levels.map((level) => option(level, SHARING_WORDS[level], nation.sharing)));
  const status = h('p.g-form-status', { role: 'status' });
  const form = h('form.g-inline-form', {}, h('div.g-field', {}, h('label', { for: 'sharing-level' }, 'Other nations see our pledges'), select),
    h('button', { type: 'submit' }, 'Save sharing level'), status);
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    try {
      const { data } = await api('PUT', `/nations/${nation.iso2}/sharing`, { sharing: select.value }, { 'If-Match': `"${nation.version}"` });
      nation.version = data.version;
      status.textContent = `Saved: ${SHARING_WORDS[data.sharing] ?? data.sharing}.`;
    } catch (error) {
      status.textContent = `Not saved: ${error.message}`;
    }
  });
  return form;
}
