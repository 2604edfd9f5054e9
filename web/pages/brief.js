// The weekly brief: a closed week compared with the last week closed before it - headline, pledges
// added / changed / withdrawn per nation, gap movement per requirement line, plan change, new
// findings per provision and party, decisions with owners, and the agenda carried to next week. Printed on A4 with page numbers
// (app.css @page), and ILLUSTRATIVE on every page when the pledges are illustrative. An open week
// reads as a draft: its figures are the workspace's now.
import { h, replace, plural } from '../dom.js';
import { api } from '../api.js';
import { showIllustrative } from '../app.js';

const STATUS_WORDS = { missing: 'missing', partial: 'partly covered', covered: 'covered' };

function signed(number) {
  return number > 0 ? `+${number}` : String(number);
}

function section(title, id, ...content) {
  return h('section.g-section.g-brief-section', { 'aria-labelledby': id }, h('h2', { id }, title), content);
}

// Lines unmet in either week, keyed by phase and line, with their fill then and now.
function gapMovement(before, after) {
  const key = (line) => `${line.phase}/${line.line_id}`;
  const was = new Map(before.map((line) => [key(line), line]));
  const now = new Map(after.map((line) => [key(line), line]));
  const rows = [];
  for (const k of new Set([...was.keys(), ...now.keys()])) {
    const a = was.get(k);
    const b = now.get(k);
    const fill = (line) => (line ? `${line.filled} of ${line.required}, ${STATUS_WORDS[line.status]}` : 'covered');
    if (a && b && a.filled === b.filled && a.status === b.status) continue;
    const line = b ?? a;
    const movement = !a ? 'worse: newly unmet' : !b ? 'better: now covered' : b.filled > a.filled ? 'better' : b.filled < a.filled ? 'worse' : 'changed';
    rows.push({ line, before: fill(a), after: fill(b), movement });
  }
  return rows.sort((x, y) => x.line.priority - y.line.priority || x.line.line_id.localeCompare(y.line.line_id));
}

function pledgesByNation(changes) {
  const nations = new Map();
  for (const change of changes) {
    if (!nations.has(change.nation)) nations.set(change.nation, { added: [], changed: [], withdrawn: [] });
    nations.get(change.nation)[change.change]?.push(`${change.pledge_id} (${change.capability})`);
  }
  return [...nations.entries()].sort(([a], [b]) => a.localeCompare(b));
}

const OUTCOME_WORDS = { violation: 'violation', undetermined: 'undetermined', no_violation: 'no violation' };

// One cell of outcome counts: "2 violation, 1 undetermined" ("-" when the party had none there).
function outcomes(counts) {
  if (!counts) return '-';
  const parts = Object.keys(OUTCOME_WORDS).filter((key) => counts[key]).map((key) => `${counts[key]} ${OUTCOME_WORDS[key]}`);
  return parts.join(', ') || '0';
}

function findingsMovement(before, after) {
  const violations = (counts) => counts?.violation ?? 0;
  if (!before) return 'new';
  if (!after) return 'no longer reported';
  const delta = violations(after) - violations(before);
  return delta > 0 ? `${delta} more violation${delta === 1 ? '' : 's'}` : delta < 0 ? `${-delta} fewer violation${delta === -1 ? '' : 's'}` : 'same violations';
}

// The findings versions published since the last close; the newest of them per provision and
// party, beside the newest version published by that close.
function findingsSection(since, week) {
  const findings = since?.findings;
  if (!findings) return h('p.g-empty', {}, 'Nothing to compare with.');
  if (findings.new_versions.length === 0) return h('p.g-empty', { id: 'brief-findings-note' }, `No findings version was published since week ${since.compared_with_week}.`);
  const count = findings.new_versions.reduce((sum, version) => sum + version.findings, 0);
  const versions = findings.new_versions.map((version) => version.id).join(', ');
  const was = findings.compared_with_version ? `version ${findings.compared_with_version}` : 'none';
  return [
    h('p', { id: 'brief-findings-note' }, `${plural(findings.new_versions.length, 'findings version')} (${versions}) published since week ${since.compared_with_week}, ` +
      `${plural(count, 'finding')}. Version ${findings.latest_version}, the newest, is compared with ${findings.compared_with_version ? `version ${findings.compared_with_version}, the newest published by week ${since.compared_with_week}'s close` : 'no earlier published version'}.`),
    h('table', {}, h('caption', {}, `Findings per provision and party: version ${findings.latest_version} against ${was}`),
      h('thead', {}, h('tr', {}, ['Provision', 'Party', `Week ${since.compared_with_week}`, `Week ${week.number}`, 'Movement'].map((header) => h('th', { scope: 'col' }, header)))),
      h('tbody', {}, findings.by_provision_and_party.map((row) => h('tr.g-brief-finding', { dataset: { provision: row.provision, party: row.party } },
        h('th', { scope: 'row' }, row.title ? `${row.provision}: ${row.title}` : row.provision),
        h('td', {}, row.party), h('td', {}, outcomes(row.before)), h('td', {}, outcomes(row.after)),
        h('td', {}, findingsMovement(row.before, row.after))))))];
}

// {weeks, number, asked}: the weeks, the week to brief, and, when the URL names the week, its
// request, made beside the list's.
async function chooseWeek() {
  const named = Number(new URLSearchParams(location.search).get('week'));
  const asked = named ? api('GET', `/weeks/${named}`) : null;
  asked?.catch(() => {});  // reported by render, which waits for it
  const weeks = (await api('GET', '/weeks?limit=1000')).data.items;
  if (named) return { weeks, number: named, asked };
  const closed = weeks.filter((week) => week.closed);
  return { weeks, number: (closed[closed.length - 1] ?? weeks[weeks.length - 1])?.number, asked };
}

export async function render(main) {
  const { weeks, number, asked } = await chooseWeek();
  if (!number) {
    replace(main, h('h1', {}, 'Weekly brief'), h('p', {}, 'No week has been opened yet.'));
    return;
  }
  const { data: week } = await (asked ?? api('GET', `/weeks/${number}`));
  const since = week.since_last_close;
  const previous = since ? (await api('GET', `/weeks/${since.compared_with_week}`)).data : null;
  if (week.agenda.illustrative) {
    showIllustrative();
    document.body.classList.add('g-illustrative-doc');
  }
  const picker = h('select', { id: 'brief-week', onchange: (event) => location.assign(`/brief?week=${event.target.value}`) },
    weeks.map((item) => h('option', { value: item.number, selected: item.number === number }, `week ${item.number}${item.closed ? '' : ' (open)'}`)));
  const counts = since?.gap_counts;
  const movement = previous ? gapMovement(previous.agenda.unmet_lines, week.agenda.unmet_lines) : [];
  const plan = since?.plan;
  const kinds = ['added', 'changed', 'withdrawn'].map((kind) => `${(since?.pledges ?? []).filter((p) => p.change === kind).length} ${kind}`);
  replace(main,
    h('div.g-toolbar', {}, h('label', { for: 'brief-week' }, 'Brief of '), picker,
      h('button', { type: 'button', onclick: () => window.print() }, 'Print or save as PDF'), ' ',
      // The server's own print of this page (GET /api/v1/weeks/{n}/brief.pdf), as a file.
      h('a', { href: `/api/v1/weeks/${week.number}/brief.pdf`, download: true }, 'Download as PDF')),
    h('h1', {}, `Weekly brief: week ${week.number}, starting ${week.starts_on}`),
    h('p.g-note', {}, week.closed ? 'Closed week: figures as frozen at the close.' : 'DRAFT: the week is open; figures are the workspace as it is now.',
      since ? ` Compared with week ${since.compared_with_week}.` : ' No earlier closed week to compare with.'),
    h('p.g-headline', { id: 'brief-headline' },
      counts ? `Requirement lines covered ${counts.before.covered ?? 0} → ${counts.after.covered ?? 0}, partly covered ${counts.before.partial ?? 0} → ${counts.after.partial ?? 0}, missing ${counts.before.missing ?? 0} → ${counts.after.missing ?? 0}. ` : '',
      since ? `Pledges: ${kinds.join(', ')}. ` : '',
      since?.findings?.new_versions.length ? `Findings: ${plural(since.findings.new_versions.reduce((sum, version) => sum + version.findings, 0), 'finding')} newly published. ` : '',
      plan?.change ? `Published plan: lines met ${signed(plan.change.lines_met)}, deployed ${signed(plan.change.deployed_personnel)}, closure day ${signed(plan.change.closure_day)}.`
        : week.plan ? `Published plan version ${week.plan.id}: ${week.plan.headline.lines_met} lines met, ${week.plan.headline.deployed_personnel} deployed, closure day D+${week.plan.headline.closure_day}.`
          : 'No plan published.'),
    section('Pledges by nation', 'brief-pledges', !since ? h('p.g-empty', {}, 'Nothing to compare with.') :
      since.pledges.length === 0 ? h('p.g-empty', {}, 'No pledge you can see was added, changed or withdrawn.') :
        h('table', {}, h('caption', {}, `Pledges added, changed or withdrawn since week ${since.compared_with_week}`),
          h('thead', {}, h('tr', {}, ['Nation', 'Added', 'Changed', 'Withdrawn'].map((header) => h('th', { scope: 'col' }, header)))),
          h('tbody', {}, pledgesByNation(since.pledges).map(([nation, lists]) => h('tr.g-brief-nation', {}, h('th', { scope: 'row' }, nation),
            h('td', {}, lists.added.join(', ') || '-'), h('td', {}, lists.changed.join(', ') || '-'), h('td', {}, lists.withdrawn.join(', ') || '-')))))),
    section('Gap movement by requirement line', 'brief-gaps', !previous ? h('p.g-empty', {}, 'Nothing to compare with.') :
      movement.length === 0 ? h('p.g-empty', {}, 'No requirement line moved.') :
        h('table', {}, h('caption', {}, `Lines whose fill changed since week ${previous.number}`),
          h('thead', {}, h('tr', {}, ['Line', 'Phase', 'Capability', `Week ${previous.number}`, `Week ${week.number}`, 'Movement'].map((header) => h('th', { scope: 'col' }, header)))),
          h('tbody', {}, movement.map((row) => h('tr.g-brief-gap', { dataset: { line: row.line.line_id } }, h('th', { scope: 'row' }, row.line.line_id),
            h('td', {}, row.line.phase), h('td', {}, row.line.capability), h('td', {}, row.before), h('td', {}, row.after), h('td', {}, row.movement)))))),
    section('Plan', 'brief-plan', plan?.change ? h('p', {}, `Version ${plan.before.id} → ${plan.after.id}: lines met ${plan.before.headline.lines_met} → ${plan.after.headline.lines_met}, ` +
      `deployed ${plan.before.headline.deployed_personnel} → ${plan.after.headline.deployed_personnel}, closure day D+${plan.before.headline.closure_day} → D+${plan.after.headline.closure_day}. The Plans page lists every change.`)
      : h('p', {}, week.plan ? `Published version ${week.plan.id}; no earlier published plan to compare with.` : 'No plan has been published.')),
    section('New findings by provision and party', 'brief-findings', findingsSection(since, week)),
    section('Decisions and owners', 'brief-decisions', week.decisions.length === 0 ? h('p.g-empty', {}, 'No decision recorded this week.') :
      h('table', {}, h('caption', {}, `Decisions of week ${week.number}`),
        h('thead', {}, h('tr', {}, ['Decision', 'Owner', 'Due', 'Status'].map((header) => h('th', { scope: 'col' }, header)))),
        h('tbody', {}, week.decisions.map((decision) => h('tr.g-brief-decision', {}, h('th', { scope: 'row' }, decision.text),
          h('td', {}, decision.owner), h('td', {}, `week ${decision.due_week}`), h('td', {}, decision.status)))))),
    section('Agenda for next week', 'brief-agenda', h('ul', {},
      h('li', {}, `${plural(week.agenda.unmet_lines.length, 'requirement line')} not met`),
      h('li', {}, `${plural(week.agenda.pledges_expiring.length, 'pledge')} expiring`),
      h('li', {}, `${plural(week.agenda.sites_awaiting_decision.length, 'site')} awaiting a decision`),
      h('li', {}, `${plural(week.agenda.decisions_due.length, 'decision')} due`),
      week.agenda.caveat_changes.length ? h('li', {}, `${plural(week.agenda.caveat_changes.length, 'caveat')} new or lifted`) : null)),
    since?.withheld || week.agenda.withheld ? h('p.g-note', {}, 'Items about pledges not shared with you in full are left out.') : null);
}
