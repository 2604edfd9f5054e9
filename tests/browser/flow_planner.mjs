// The planner's flow: a plan run as a job from the page with its progress; DK-1's new caveat;
// a second run compared with the first (headline figures first, every change listed), its map
// (every unit and hub, the standoff, threat and pull-back bands), its timeline and movements
// table (CSV, XLSX); the second version published, which an observer then sees alone.
import { readFileSync } from 'node:fs';
import { addDenmarkPeaceDealCaveat, checkAccessibility, logIn, mapCounts, screenshots, xlsxDownload } from './workspace_harness.mjs';

// Runs a plan from the page and waits for its version; returns every progress text shown.
async function runPlan(page, version) {
  await page.evaluate(() => {
    window.progressTexts = [];
    const label = document.getElementById('plan-progress-label');
    new MutationObserver(() => window.progressTexts.push(label.textContent)).observe(label, { childList: true, characterData: true, subtree: true });
  });
  await page.click('#run-plan');
  // A stored version redraws the page (list and comparison); wait for the redrawn list.
  await page.waitForSelector(`tr.g-version-row[data-version="${version}"]`, { timeout: 90000 });
  await page.waitForSelector(`#plan-progress-label:has-text("Plan version ${version} is stored")`);
  const bar = await page.evaluate(() => [document.getElementById('plan-progress').value, document.getElementById('plan-progress').max]);
  return { texts: await page.evaluate(() => window.progressTexts), bar };
}

async function planFlow(context, origin, tools, args, checks, version) {
  const page = await context.newPage();
  await page.goto(`${origin}/plans`);
  await page.waitForSelector('body[data-ready="true"]');
  const { texts, bar } = await runPlan(page, version);
  checks.expect(texts.some((text) => /stages/.test(text)), `the page showed the job's progress (${texts.join(' / ')})`);
  checks.expect(bar[0] === bar[1] && bar[1] > 0, `the progress bar ends full (${bar[0]} of ${bar[1]})`);
  if (version >= 2) {
    await page.waitForSelector('#plan-comparison');
    const api = await page.evaluate(async (to) => (await fetch(`/api/v1/plans/compare?from=${to - 1}&to=${to}`)).json(), version);
    const headline = await page.locator('#plan-comparison tr.g-headline-row').allTextContents();
    checks.expect(headline.length === 4 && headline[0].startsWith('Requirement lines met'), 'the comparison starts with the headline figures');
    checks.expect(headline[2].includes(String(api.to.headline.deployed_personnel)), `personnel deployed as the API says (${headline[2]})`);
    const rows = await page.locator('#plan-comparison tr.g-change-row').count();
    checks.expect(rows === api.changes.length && rows > 0, `every change is listed (${rows} of ${api.changes.length})`);
    const plan = await page.evaluate(async (id) => (await (await fetch(`/api/v1/plans/${id}`)).json()).plan, version);
    const drawn = await mapCounts(page, 'plan-map');
    const expected = plan.assignments.length + plan.hubs.length;
    checks.expect(drawn.markers === expected && drawn.symbols > 0, `the plan map shows every unit and hub (${drawn.markers} of ${expected}, ${drawn.symbols} APP-6 symbols)`);
    const legend = await page.locator('#plan-map-legend li').allTextContents();
    checks.expect(drawn.bands >= 5 && drawn.nonzeroBands === drawn.bands && legend.some((text) => text.startsWith('standoff')) && legend.some((text) => text.includes('Russian border')) &&
      legend.some((text) => text.includes('150 km from the line of contact')), `the standoff, threat and pull-back bands are drawn with their legend (${drawn.bands} bands: ${legend.join(' | ')})`);
    await page.waitForSelector('#plan-timeline svg .g-gantt-row');
    const bars = await page.locator('#plan-timeline .g-gantt-row').count();
    const gates = [...new Set(plan.assignments.map((unit) => unit.phase_gate_day))].length;
    checks.expect(bars === plan.assignments.length && (await page.locator('#plan-timeline .g-gantt-gate').count()) === gates,
      `the timeline has a bar per unit (${bars} of ${plan.assignments.length}) and a line per phase gate (${gates})`);
    const [movements] = await Promise.all([page.waitForEvent('download'), page.click('#tpfdd-csv')]);
    const lines = readFileSync(await movements.path(), 'utf8').trimEnd().split('\r\n');
    const first = [...plan.assignments].sort((a, b) => a.arrival_day - b.arrival_day || a.unit.localeCompare(b.unit))[0];
    checks.expect(lines.length === plan.assignments.length + 1 && lines[0].startsWith('unit,nation,capability,line,phase_gate_day,ready_day,entry_node') &&
      lines[1].startsWith(`${first.unit},${first.nation},${first.capability}`) && lines[1].endsWith(',ILLUSTRATIVE'),
    `the movements CSV has a row per unit, earliest in place first, labelled ILLUSTRATIVE (${lines.length - 1} rows; "${lines[1]}")`);
    const xlsx = await xlsxDownload(page, '#tpfdd-xlsx', checks, `plan-${version}-movements-ILLUSTRATIVE.xlsx`);
    checks.expect(xlsx.rows() === plan.assignments.length + 1, `the movements XLSX has a row per unit (${xlsx.rows() - 1})`);
    await page.click(`text=Publish version ${version}`);
    await page.waitForSelector(`tr.g-version-row[data-version="${version}"]:has-text("published")`);
    await checkAccessibility(page, tools.axeSource, checks, 'plans (compared)');
    await screenshots(page, args.out, 'plans', checks);
  }
  await page.close();
}

async function observerFlow(context, origin, checks) {
  const page = await context.newPage();
  await logIn(page, origin, 'observer', '/plans');
  const rows = await page.locator('tr.g-version-row').count();
  checks.expect(rows === 1, `an observer sees only the published version (${rows} rows)`);
  checks.expect((await page.locator('#run-plan').count()) === 0, 'an observer cannot run a plan');
  await page.close();
}

export async function run({ origin, contextFor, tools, args, checks }) {
  const planner = await contextFor();
  const login = await planner.newPage();
  await logIn(login, origin, 'planner', '/plans');
  await login.close();
  await planFlow(planner, origin, tools, args, checks, 1);
  const secretariat = await (await contextFor()).newPage();
  await logIn(secretariat, origin, 'sec', '/');
  await addDenmarkPeaceDealCaveat(secretariat);
  await planFlow(planner, origin, tools, args, checks, 2);
  await observerFlow(await contextFor(), origin, checks);
}
