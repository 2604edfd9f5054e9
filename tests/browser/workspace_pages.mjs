// The workspace in the browser, end to end: `guarantor serve` on a throwaway workspace, real
// logins, the pages driven as their users drive them, in headless Chromium.
//
//   node workspace_pages.mjs --guarantor BIN [--node-modules DIR] [--out DIR]
//
// Flows: the secretariat logs in (after being sent to the login page), opens a week, records a
// decision, closes the week and opens the next, whose home shows what changed; the gap board
// shows every requirement line with the API's numbers, filters and exports CSV; France shares
// only totals; Denmark's liaison cannot open a French pledge, sees the API's field message for a
// bad quantity, adds a caveat to DK-1 ("only from the peace-deal phase") and its history; the
// gap board then shows the line DK-1 filled as missing; the liaison is not offered the gap
// board and is refused it; the planner runs a plan before and after that edit, following the
// job's progress, compares the two versions (headline figures first) and publishes the second,
// which an observer then sees; the host nation filters the sites, gets the API's message for a
// runway beyond range, records an assessment and moves a candidate hub to "surveyed" with a lead
// nation and a comment; the secretariat closes week 2 and reads its brief (DK-1 changed, R-LAND-2
// worse, the monitor's findings new per provision and party, ILLUSTRATIVE) and downloads the
// server's PDF of it; login failures are shown. On every page: no request
// outside the server, no console error, axe-core finds no serious violation, screenshots at
// 1366x768 and 1920x1080 into --out. Exit codes: 0 pass, 1 a check failed, 2 usage, 77 skipped.
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { execFileSync } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { Checks, CHROMIUM, SKIP, checkAccessibility, loadTools, logIn, screenshots, startWorkspace } from './workspace_harness.mjs';

const USERS = [
  { name: 'sec', role: 'secretariat' },
  { name: 'planner', role: 'planner' },
  { name: 'liaison-dk', role: 'liaison', nation: 'DK' },
  { name: 'observer', role: 'observer' },
  { name: 'host', role: 'host_nation' },
  { name: 'monitor', role: 'monitor' },
];

function parseArgs(argv) {
  const here = path.dirname(fileURLToPath(import.meta.url));
  const args = { nodeModules: path.resolve(here, '../../node_modules'), out: path.resolve('workspace-screens') };
  for (let i = 0; i < argv.length; i += 2) {
    const [flag, value] = [argv[i], argv[i + 1]];
    if (value === undefined) throw new Error(`${flag} needs a value`);
    if (flag === '--guarantor') args.guarantor = path.resolve(value);
    else if (flag === '--node-modules') args.nodeModules = path.resolve(value);
    else if (flag === '--out') args.out = path.resolve(value);
    else throw new Error(`unknown option ${flag}`);
  }
  if (!args.guarantor) throw new Error('--guarantor is required');
  return args;
}

// The CSV writer neutralises formulas and quotes as RFC 4180 says; checked without a browser.
async function checkCsv(checks) {
  // Imported from its text: web/ has no package.json of its own to declare ES modules to node.
  const source = readFileSync(new URL('../../web/csv.js', import.meta.url), 'utf8');
  const { toCsv } = await import(`data:text/javascript,${encodeURIComponent(source)}`);
  const csv = toCsv([['a', 'b'], ['=HYPERLINK("x")', -3], ['+1', 'say "hi", then go'], ['@SUM(A1)', '-x']]);
  checks.expect(csv === `a,b\r\n"'=HYPERLINK(""x"")",-3\r\n'+1,"say ""hi"", then go"\r\n'@SUM(A1),'-x\r\n`,
    `CSV formula neutralising: got ${JSON.stringify(csv)}`);
}

async function secretariatFlow(context, origin, tools, args, checks) {
  const page = await context.newPage();
  page.on('dialog', (dialog) => dialog.accept());
  checks.allowError(401, '/api/v1/session');  // before login: the shell asks who is calling
  await logIn(page, origin, 'sec', '/');
  await checkAccessibility(page, tools.axeSource, checks, 'home (no week)');
  checks.expect(await page.locator('h1').textContent() === 'No week has been opened yet', 'home without a week says so');

  // Keyboard: the first Tab reaches the skip link, which moves focus to the page content.
  await page.keyboard.press('Tab');
  checks.expect(await page.evaluate(() => document.activeElement.className) === 'g-skip', 'the first Tab reaches the skip link');
  await page.keyboard.press('Enter');
  checks.expect(await page.evaluate(() => document.activeElement.id) === 'main', 'the skip link moves focus to the content');

  await page.fill('#week-start', '2026-11-30');
  await page.click('text=Open the next week');
  await page.waitForSelector('h1:has-text("Week 1")');
  checks.expect((await page.locator('#g-illustrative').count()) === 1, 'home shows the ILLUSTRATIVE banner for illustrative pledges');
  const unmet = await page.locator('tr.g-agenda-row').count();
  const api = await page.evaluate(async () => (await (await fetch('/api/v1/weeks/1')).json()).agenda.unmet_lines.length);
  checks.expect(unmet === api && unmet > 0, `agenda rows ${unmet} = the API's unmet lines ${api}`);

  // Markup in the data must be shown as text and never run or load anything.
  const decision = 'Ask NO to review NO-1 <img src=x onerror="window.__pwned=1">';
  await page.fill('#decision-text', decision);
  await page.fill('#decision-owner', 'NO');
  await page.click('text=Record decision');
  await page.waitForSelector('tr.g-decision-row');
  checks.expect((await page.locator('tr.g-decision-row th').textContent()) === decision, 'a decision with markup reads as text');
  checks.expect(await page.evaluate(() => window.__pwned === undefined && document.querySelectorAll('main img').length === 0),
    'markup in a decision did not become an element');
  await checkAccessibility(page, tools.axeSource, checks, 'home (week 1)');
  await screenshots(page, args.out, 'home', checks);

  await page.click('#close-week');
  await page.waitForSelector('h1:has-text("(closed)")');
  await page.fill('#week-start', '2026-12-07');
  await page.click('text=Open the next week');
  await page.waitForSelector('h1:has-text("Week 2")');
  const changes = await page.locator('#changes').textContent();
  checks.expect(changes === 'What changed since week 1', `week 2 compares with week 1 (got "${changes}")`);
  checks.expect((await page.locator('tr.g-gapcount-row').count()) === 3, 'the change section counts lines by status');
  await page.close();
}

async function gapBoardFlow(context, origin, tools, args, checks) {
  const page = await context.newPage();
  await page.goto(`${origin}/gaps`);
  await page.waitForSelector('body[data-ready="true"]');
  const board = await page.evaluate(async () => (await fetch('/api/v1/gap-board')).json());
  const lines = board.phases.flatMap((phase) => phase.lines.map((line) => ({ ...line, phase: phase.phase })));
  checks.expect((await page.locator('tr.g-gap-row').count()) === lines.length, `gap board shows all ${lines.length} lines`);
  const headline = await page.locator('#gap-headline').textContent();
  checks.expect(headline.startsWith(`${board.lines_covered_by_pledges} of ${lines.length} requirement lines covered`),
    `gap board headline uses the API's figures: "${headline}"`);
  for (const line of lines.slice(0, 5)) {
    const row = page.locator(`tr.g-gap-row[data-phase="${line.phase}"][data-line="${line.id}"]`);
    const filled = await row.locator('td').nth(2).textContent();
    checks.expect(filled === `${line.filled} / ${line.required}`, `${line.id}: filled ${filled}, API ${line.filled} / ${line.required}`);
  }
  const blocked = lines.find((line) => line.pledges.some((pledge) => pledge.verdict === 'blocked_by_caveat' && line.status !== 'covered'));
  if (checks.expect(blocked, 'the default scenario has a line blocked by a caveat')) {
    const closers = await page.locator(`tr.g-gap-row[data-phase="${blocked.phase}"][data-line="${blocked.id}"] .g-closers`).textContent();
    checks.expect(closers.includes('blocked by a caveat'), `${blocked.id}: the blocker is named in words ("${closers}")`);
  }
  await page.selectOption('#gap-filter', 'missing');
  const missing = lines.filter((line) => line.status === 'missing').length;
  checks.expect((await page.locator('tr.g-gap-row').count()) === missing, `filter "missing" shows ${missing} lines`);
  await page.selectOption('#gap-filter', 'all');
  await checkAccessibility(page, tools.axeSource, checks, 'gap board');
  await screenshots(page, args.out, 'gaps', checks);

  const [download] = await Promise.all([page.waitForEvent('download'), page.click('#gap-csv')]);
  const csv = readFileSync(await download.path(), 'utf8').trimEnd().split('\r\n');
  const pledgeRows = lines.reduce((sum, line) => sum + Math.max(1, line.pledges.length), 0);
  checks.expect(csv[0].startsWith('phase,line,capability') && csv.length === pledgeRows + 1,
    `gap-board.csv has a header and ${pledgeRows} rows (got ${csv.length - 1})`);
  const xlsx = await xlsxDownload(page, '#gap-xlsx', checks, 'gap-board-ILLUSTRATIVE.xlsx');
  checks.expect(xlsx.rows() === pledgeRows + 1, `gap-board.xlsx has the CSV's rows (${xlsx.rows() - 1} of ${pledgeRows})`);
  await page.close();
}

// A downloaded XLSX read back (unzip, installed by scripts/setup.sh): its name, the ZIP magic,
// and the rows of a sheet, header included.
async function xlsxDownload(page, selector, checks, name) {
  const [download] = await Promise.all([page.waitForEvent('download'), page.click(selector)]);
  const file = await download.path();
  checks.expect(download.suggestedFilename() === name && readFileSync(file).subarray(0, 2).toString() === 'PK',
    `${selector} saves ${name} (got ${download.suggestedFilename()})`);
  return {
    rows: (sheet = 1) => (execFileSync('/usr/bin/unzip', ['-p', file, `xl/worksheets/sheet${sheet}.xml`], { encoding: 'utf8' }).match(/<row /g) ?? []).length,
    strings: () => execFileSync('/usr/bin/unzip', ['-p', file, 'xl/sharedStrings.xml'], { encoding: 'utf8' }),
  };
}

// The line DK-1 helps fill in the ceasefire phase of the default scenario (1 of 4 units).
const DK_LINE = { phase: 'ceasefire', id: 'R-LAND-2' };

async function lineStatus(page, origin, line) {
  await page.goto(`${origin}/gaps`);
  await page.waitForSelector('body[data-ready="true"]');
  return page.locator(`tr.g-gap-row[data-phase="${line.phase}"][data-line="${line.id}"]`).getAttribute('data-status');
}

// As the secretariat, through the API the pages use: France shares only totals.
async function franceSharesTotals(page) {
  const status = await page.evaluate(async () => {
    const { csrf_token: csrf } = await (await fetch('/api/v1/session')).json();
    const nations = (await (await fetch('/api/v1/nations')).json()).items;
    const france = nations.find((nation) => nation.iso2 === 'FR');
    const answer = await fetch('/api/v1/nations/FR/sharing', { method: 'PUT', body: JSON.stringify({ sharing: 'aggregate' }),
      headers: { 'Content-Type': 'application/json', 'X-CSRF-Token': csrf, 'If-Match': `"${france.version}"` } });
    return answer.status;
  });
  return status === 200;
}

async function liaisonFlow(context, origin, tools, args, checks) {
  const page = await context.newPage();
  await logIn(page, origin, 'liaison-dk', '/pledges');
  const nav = await page.locator('#nav').textContent();
  checks.expect(!nav.includes('Gap board'), 'a liaison is not offered the gap board');
  checks.expect((await page.locator('h1').textContent()) === 'Pledges of Denmark', 'the liaison sees its nation\'s pledges');
  const api = await page.evaluate(async () => (await (await fetch('/api/v1/pledges?limit=1000')).json()));
  checks.expect((await page.locator('tr.g-pledge-row').count()) === api.items.length, `pledge rows = the ${api.items.length} the API lists`);
  checks.expect((await page.locator('tr.g-pledge-row[data-pledge^="FR-"]').count()) === 0, 'no French pledge is listed to Denmark');
  const xlsx = await xlsxDownload(page, '#pledges-xlsx', checks, 'pledges-ILLUSTRATIVE.xlsx');
  checks.expect(xlsx.rows() === api.items.length + 1 && !/<t[^>]*>FR-/.test(xlsx.strings()),
    `Denmark's pledges.xlsx has the ${api.items.length} pledges the API lists and no French one (${xlsx.rows() - 1})`);
  checks.allowError(404, '/api/v1/pledges/FR-1');
  const french = await page.evaluate(async () => (await fetch('/api/v1/pledges/FR-1')).status);
  checks.expect(french === 404, `a French pledge shared only in total answers 404 to Denmark (got ${french})`);

  await page.click('text=Edit DK-1');
  await page.waitForSelector('#pledge-form');
  const quantity = await page.inputValue('#pledge-quantity');
  checks.allowError(400, '/api/v1/pledges/DK-1');
  await page.fill('#pledge-quantity', '-2');
  await page.click('text=Save DK-1');
  await page.waitForSelector('#pledge-quantity-error:not(:empty)');
  const message = await page.locator('#pledge-quantity-error').textContent();
  checks.expect(message.includes('expected an integer'), `the API's message is shown at the quantity field ("${message}")`);
  await page.fill('#pledge-quantity', quantity);

  const caveats = await page.locator('.g-caveat').count();
  await page.click('#add-caveat');
  await page.selectOption(`#caveat-${caveats}-kind`, 'when');
  await page.check(`#caveat-${caveats}-values input[value="peace_deal"]`);
  await page.fill(`#caveat-${caveats}-source`, 'Danish parliament mandate covers only a peace-deal deployment (test)');
  // Before saving, the preview names the line the edit stops filling, with the API's numbers,
  // and writes nothing: the stored pledge is still version 1.
  await page.click('#preview-pledge');
  await page.waitForSelector('#pledge-preview table, #pledge-preview .g-empty');
  const preview = page.locator(`#pledge-preview tr.g-preview-line[data-line="${DK_LINE.id}"]`);
  const previewText = await preview.textContent().catch(() => '');
  checks.expect((await preview.getAttribute('data-effect').catch(() => null)) === 'no longer fills' &&
    previewText.includes('1 → 0: no longer fills') && previewText.includes(DK_LINE.phase),
  `the preview shows DK-1 no longer filling ${DK_LINE.id} in the ${DK_LINE.phase} phase ("${previewText}")`);
  const stored = await page.evaluate(async () => (await fetch('/api/v1/pledges/DK-1')).headers.get('ETag'));
  checks.expect(stored === '"1"', `the preview wrote nothing (DK-1's ETag is still ${stored})`);
  await page.click('text=Save DK-1');
  await page.waitForSelector('#pledge-form-title:has-text("version 2")', { timeout: 10000 }).catch(async (error) => {
    const shown = await page.locator('#pledge-form [role="alert"]').allTextContents();
    throw new Error(`DK-1 was not saved; the form says: ${shown.filter(Boolean).join(' | ')} (${error.message.split('\n')[0]})`);
  });
  const history = await page.locator('tr.g-history-row').allTextContents();
  checks.expect(history.length === 2 && history[1].includes('liaison-dk') && history[1].includes('peace_deal'),
    `DK-1's history shows the import and the liaison's caveat (${history.length} rows)`);
  await checkAccessibility(page, tools.axeSource, checks, 'pledges (editing)');
  await screenshots(page, args.out, 'pledges', checks);

  await page.goto(`${origin}/gaps`);
  await page.waitForSelector('body[data-ready="true"]');
  checks.expect((await page.locator('main').textContent()).includes('does not use this page'), 'a liaison opening /gaps is told why not');
  checks.expect((await page.locator('tr.g-gap-row').count()) === 0, 'a liaison sees no gap row');
  await page.close();
}

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
    checks.expect(drawn.bands >= 5 && legend.some((text) => text.startsWith('standoff')) && legend.some((text) => text.includes('Russian border')) &&
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

// What a map (web/map.js) shows: country and oblast outlines, place names, and the markers in
// #id, where a group marker counts as the number it shows.
async function mapCounts(page, id) {
  await page.waitForSelector(`#${id} .leaflet-marker-pane .leaflet-marker-icon`, { timeout: 20000 });
  return page.evaluate((mapId) => {
    const map = document.getElementById(mapId);
    const clusters = [...map.querySelectorAll('.g-map-cluster')].map((element) => Number(element.textContent));
    return {
      countries: map.querySelectorAll('.leaflet-countries-pane path').length,
      regions: map.querySelectorAll('.leaflet-regions-pane path').length,
      occupied: map.querySelectorAll('.leaflet-occupied-pane path').length,
      places: map.querySelectorAll('.g-map-place').length,
      bands: map.querySelectorAll('.leaflet-bands-pane path').length,
      symbols: map.querySelectorAll('.leaflet-marker-pane img.leaflet-marker-icon').length,
      markers: map.querySelectorAll('.leaflet-marker-pane .leaflet-marker-icon:not(.g-map-cluster)').length + clusters.reduce((sum, n) => sum + n, 0),
      clusters: clusters.length,
    };
  }, id);
}

async function sitesFlow(context, origin, tools, args, checks) {
  const page = await context.newPage();
  await logIn(page, origin, 'host', '/sites');
  const api = (await page.evaluate(async () => (await fetch('/api/v1/sites?limit=1000')).json())).items;
  checks.expect((await page.locator('tr.g-site-row').count()) === api.length, `all ${api.length} sites are listed`);
  const drawn = await mapCounts(page, 'sites-map');
  checks.expect(drawn.countries >= 5 && drawn.regions >= 24 && drawn.occupied === 1 && drawn.places >= 5,
    `the sites map draws countries, oblasts, the occupied area and place names (${JSON.stringify(drawn)})`);
  checks.expect(drawn.markers === api.length && drawn.clusters > 0, `every site is on the map, crowded ones grouped (${drawn.markers} of ${api.length})`);
  await page.selectOption('#site-kind', 'candidate_hub');
  const hubs = api.filter((site) => site.kind === 'candidate_hub');
  checks.expect((await page.locator('tr.g-site-row').count()) === hubs.length, `kind filter shows the ${hubs.length} candidate hubs`);
  const hubMarkers = (await mapCounts(page, 'sites-map')).markers;
  checks.expect(hubMarkers === hubs.length, `the map follows the filter (${hubMarkers} markers for ${hubs.length} hubs)`);
  const hub = hubs[0];
  await page.click(`tr.g-site-row[data-site="${hub.id}"] button`);
  await page.waitForSelector('#site-detail');

  checks.allowError(400, `/api/v1/sites/${hub.id}/assessment`);
  await page.fill('#assessment-runway_m', '9000');
  await page.click('text=Save the assessment');
  await page.waitForSelector('#assessment-runway_m-error:not(:empty)');
  await page.fill('#assessment-runway_m', '2500');
  await page.selectOption('#assessment-rail_siding', 'true');
  await page.selectOption('#assessment-rail_gauge_mm', '1520');
  await page.click('text=Save the assessment');
  await page.waitForSelector('#site-detail:has-text("runway 2500 m, rail siding 1520 mm")');

  await page.selectOption('#step-status', 'surveyed');
  await page.selectOption('#step-lead_nation', 'FR');
  await page.fill('#step-comment', 'Survey done; the runway needs repair of 300 m');
  await page.click('text=Record the step');
  await page.waitForSelector('#site-status:has-text("surveyed, lead nation FR")');
  checks.expect((await page.locator('li.g-comment').count()) === 1, 'the step\'s comment is among the site\'s comments');
  const row = await page.locator(`tr.g-site-row[data-site="${hub.id}"]`).getAttribute('data-status');
  checks.expect(row === 'surveyed', `the table shows ${hub.id} surveyed (got ${row})`);
  await checkAccessibility(page, tools.axeSource, checks, 'sites (one open)');
  await screenshots(page, args.out, 'sites', checks);
  await page.close();
}

async function briefFlow(context, origin, tools, args, checks) {
  const page = await context.newPage();
  page.on('dialog', (dialog) => dialog.accept());
  await page.goto(`${origin}/`);
  await page.waitForSelector('#close-week');
  await page.click('#close-week');
  await page.waitForSelector('h1:has-text("Week 2"):has-text("(closed)")');
  await page.goto(`${origin}/brief?week=2`);
  await page.waitForSelector('body[data-ready="true"]');
  checks.expect((await page.locator('h1').textContent()).startsWith('Weekly brief: week 2'), 'the brief of week 2 opens');
  const denmark = await page.locator('tr.g-brief-nation:has(th:text-is("DK"))').textContent().catch(() => '');
  checks.expect(denmark.includes('DK-1'), `the brief lists DK-1 among Denmark's changed pledges ("${denmark}")`);
  const line = await page.locator(`tr.g-brief-gap[data-line="${DK_LINE.id}"]`).textContent().catch(() => '');
  checks.expect(line.includes('worse'), `the brief shows ${DK_LINE.id} worse ("${line}")`);
  checks.expect((await page.locator('#g-illustrative').count()) === 1, 'the brief carries the ILLUSTRATIVE banner');
  // The findings published in the week (the monitor's version 1), per provision and party, each
  // new against week 1's close, which knew none.
  const week = await page.evaluate(async () => (await (await fetch('/api/v1/weeks/2')).json()).since_last_close.findings);
  const findingRows = await page.locator('tr.g-brief-finding').allTextContents();
  checks.expect(week.new_versions.length === 1 && week.by_provision_and_party.length > 0 &&
    findingRows.length === week.by_provision_and_party.length && findingRows.every((row) => row.endsWith('new')),
  `the brief lists the new findings per provision and party (${findingRows.length} rows of ${week.by_provision_and_party.length})`);
  const violated = week.by_provision_and_party.find((row) => row.after?.violation);
  if (checks.expect(violated, 'a provision was violated in the week\'s findings')) {
    const row = await page.locator(`tr.g-brief-finding[data-provision="${violated.provision}"][data-party="${violated.party}"]`).textContent();
    checks.expect(row.includes(`${violated.after.violation} violation`), `${violated.provision} (${violated.party}) shows its violations ("${row}")`);
  }
  await checkAccessibility(page, tools.axeSource, checks, 'weekly brief');
  await screenshots(page, args.out, 'brief', checks);
  // The secretariat downloads the server's print of the brief (GET /api/v1/weeks/2/brief.pdf).
  const [download] = await Promise.all([page.waitForEvent('download', { timeout: 60000 }), page.click('text=Download as PDF')]);
  const pdf = readFileSync(await download.path());
  writeFileSync(path.join(args.out, 'brief-week2.pdf'), pdf);
  checks.expect(download.suggestedFilename() === 'brief-week-2-ILLUSTRATIVE.pdf', `the PDF is named for the week and labelled (${download.suggestedFilename()})`);
  checks.expect(pdf.subarray(0, 5).toString() === '%PDF-' && pdf.length > 10000, `the brief downloads as a PDF (${pdf.length} bytes)`);
  // The printed brief read back (poppler-utils, installed by scripts/setup.sh): its headline,
  // the banner at the head of each page and "Page n of m" at the foot, m being the page count.
  if (checks.expect(existsSync('/usr/bin/pdftotext'), 'pdftotext is installed (scripts/setup.sh installs poppler-utils)')) {
    const file = path.join(args.out, 'brief-week2.pdf');
    const text = execFileSync('/usr/bin/pdftotext', ['-layout', file, '-'], { encoding: 'utf8' });
    const pages = Number(/Pages:\s+(\d+)/.exec(execFileSync('/usr/bin/pdfinfo', [file], { encoding: 'utf8' }))?.[1]);
    const counts = await page.evaluate(async () => (await (await fetch('/api/v1/weeks/2')).json()).since_last_close.gap_counts);
    const figures = `missing ${counts.before.missing} → ${counts.after.missing}`;
    checks.expect(text.includes('Weekly brief: week 2') && text.includes(figures), `the PDF carries the headline figures ("${figures}")`);
    checks.expect(text.includes('New findings by provision and party') && text.includes(`${week.new_versions[0].findings} finding${week.new_versions[0].findings === 1 ? '' : 's'} newly published`),
      `the PDF carries the new findings (${week.new_versions[0].findings})`);
    const banners = (text.match(/^\s*ILLUSTRATIVE\s*$/gm) ?? []).length;
    const footers = [...text.matchAll(/Page (\d+) of (\d+)/g)];
    checks.expect(pages >= 1 && banners === pages && footers.length === pages && footers.every((m) => Number(m[2]) === pages),
      `every one of the PDF's ${pages} pages has the banner (${banners}) and "Page n of ${pages}" (${footers.length})`);
  }
  await page.close();
}

// The monitor uploads a report file (one row of it rejected, shown with its line), verifies it
// with the job's progress, reads the findings the API stored (every test and claim shown),
// filters them, saves the CSV and publishes; an observer then reads that published version only.
const REPORT_FILE = new URL('../fixtures/verify/reports_guarantor.csv', import.meta.url);

async function monitoringFlow(context, origin, tools, args, checks) {
  const page = await context.newPage();
  await logIn(page, origin, 'monitor', '/monitoring');
  checks.expect((await page.locator('h1').textContent()) === 'Monitoring', 'the monitor opens the monitoring page');
  await page.setInputFiles('#report-file', path.join(fileURLToPath(REPORT_FILE)));
  await page.click('text=Upload the report file');
  await page.waitForSelector('tr.g-report-file-row');
  const stored = await page.locator('#upload-status').textContent();
  checks.expect(/Stored reports_guarantor\.csv as report file 1: 3 reports read, 6 rejected/.test(stored), `the upload is reported ("${stored}")`);
  checks.expect((await page.locator('#upload-rejections li').first().textContent()).startsWith('reports_guarantor.csv:5: date'),
    'a rejected row is shown with its file and line');

  await page.evaluate(() => {
    window.progressTexts = [];
    const label = document.getElementById('verify-progress-label');
    new MutationObserver(() => window.progressTexts.push(label.textContent)).observe(label, { childList: true, characterData: true, subtree: true });
  });
  await page.click('#run-verify');
  await page.waitForSelector('#verify-progress-label:has-text("Findings version 1 is stored")', { timeout: 60000 });
  const texts = await page.evaluate(() => window.progressTexts);
  checks.expect(texts.some((text) => /steps/.test(text)), `the page showed the verify job's progress (${texts.join(' / ')})`);
  const bar = await page.evaluate(() => [document.getElementById('verify-progress').value, document.getElementById('verify-progress').max]);
  checks.expect(bar[0] === bar[1] && bar[1] > 1, `the verify progress bar ends full (${bar[0]} of ${bar[1]})`);

  const api = await page.evaluate(async () => (await fetch('/api/v1/findings/1')).json());
  const findings = api.findings.findings;
  checks.expect((await page.locator('tr.g-finding-row').count()) === findings.length && findings.length > 0,
    `every finding is listed (${findings.length})`);
  checks.expect((await page.locator('#g-illustrative').count()) === 1, 'findings graded with the example registry carry the ILLUSTRATIVE banner');
  const violation = findings.find((finding) => finding.outcome === 'violation');
  if (checks.expect(violation, 'the sample reports give a violation')) {
    const row = page.locator(`tr.g-finding-row[data-incident="${violation.incident}"][data-provision="${violation.provision}"]`);
    const text = await row.textContent();
    checks.expect(violation.tests.every((test) => text.includes(test.reason)) && text.includes(violation.grade.code) &&
      Object.keys(violation.claims).every((party) => text.includes(`${party}: `)),
    `the violation's row shows every test's reason, the grade and each party's claims ("${text.slice(0, 200)}")`);
    checks.expect((await page.locator('tr.g-finding-row').first().getAttribute('data-outcome')) === 'violation', 'violations are listed first');
  }
  await monitoringMapAndCharts(page, findings, checks);
  await page.selectOption('#filter-outcome', 'no_violation');
  const noViolation = findings.filter((finding) => finding.outcome === 'no_violation').length;
  checks.expect((await page.locator('tr.g-finding-row').count()) === noViolation, `the outcome filter shows the ${noViolation} findings of no violation`);
  await page.selectOption('#filter-party', 'RU');
  const ruNoViolation = findings.filter((finding) => finding.outcome === 'no_violation' && 'RU' in finding.claims).length;
  checks.expect((await page.locator('tr.g-finding-row').count()) === ruNoViolation, `with party RU, ${ruNoViolation} rows`);
  const ruIncidents = new Set(findings.filter((finding) => finding.outcome === 'no_violation' && 'RU' in finding.claims && finding.position).map((finding) => finding.incident)).size;
  const ruDrawn = (await mapCounts(page, 'monitoring-map')).markers;
  checks.expect(ruDrawn === ruIncidents, `the map follows the filters (${ruDrawn} incidents drawn of ${ruIncidents})`);
  await page.selectOption('#filter-party', '');
  await page.selectOption('#filter-outcome', '');
  const grade = findings[0].grade.code;
  await page.selectOption('#filter-grade', grade);
  const graded = findings.filter((finding) => finding.grade.code === grade).length;
  checks.expect((await page.locator('tr.g-finding-row').count()) === graded, `the grade filter ${grade} shows ${graded} rows`);
  await page.selectOption('#filter-grade', '');
  await page.fill('#filter-from', '2025-03-21');
  await page.dispatchEvent('#filter-from', 'change');
  const fromDay = findings.filter((finding) => finding.date >= '2025-03-21').length;
  checks.expect((await page.locator('tr.g-finding-row').count()) === fromDay, `from 2025-03-21, ${fromDay} rows`);
  const [download] = await Promise.all([page.waitForEvent('download'), page.click('#findings-csv')]);
  const csv = readFileSync(await download.path(), 'utf8').trimEnd().split('\r\n');
  checks.expect(csv[0].startsWith('findings_version,incident,date,provision,outcome') && csv.length === fromDay + 1 &&
    csv.slice(1).every((line) => line.endsWith(',ILLUSTRATIVE')), `the findings CSV has the rows shown, each labelled ILLUSTRATIVE (${csv.length - 1})`);
  const workbook = await xlsxDownload(page, '#findings-xlsx', checks, 'findings-1-ILLUSTRATIVE.xlsx');
  const incidentCount = new Set(findings.map((finding) => finding.incident)).size;
  checks.expect(workbook.rows(1) === findings.length + 1 && workbook.rows(2) === incidentCount + 1,
    `the findings workbook has every finding (${workbook.rows(1) - 1}) and incident (${workbook.rows(2) - 1} of ${incidentCount})`);
  await checkAccessibility(page, tools.axeSource, checks, 'monitoring (monitor)');
  await screenshots(page, args.out, 'monitoring', checks);
  await page.click('text=Publish findings version 1');
  await page.waitForSelector('tr.g-findings-version-row[data-version="1"]:has-text("published")');
  await page.close();

  const observer = await context.browser().newContext({ viewport: { width: 1366, height: 768 } });
  await checks.watch(observer, origin);
  const other = await observer.newPage();
  await logIn(other, origin, 'observer', '/monitoring');
  checks.expect((await other.locator('tr.g-findings-version-row').count()) === 1, 'an observer reads the published findings version');
  checks.expect((await other.locator('#report-file').count()) === 0 && (await other.locator('#run-verify').count()) === 0,
    'an observer can neither upload nor verify');
  checks.expect((await other.locator('tr.g-finding-row').count()) === findings.length, 'the observer sees the published findings');
  await checkAccessibility(other, tools.axeSource, checks, 'monitoring (observer)');
  await observer.close();
}

// The monitoring page's map (theatre, line of contact, the agreement's bands, an incident per
// marker), the drill-down from an incident to its reports and their stored rows, the timeline per
// provision and party, and the accusations of each side side by side, all from the API's findings.
async function monitoringMapAndCharts(page, findings, checks) {
  const incidents = new Set(findings.filter((finding) => finding.position).map((finding) => finding.incident));
  const drawn = await mapCounts(page, 'monitoring-map');
  checks.expect(drawn.countries >= 5 && drawn.regions >= 24 && drawn.occupied === 2 && drawn.bands >= 4 && drawn.markers === incidents.size,
    `the monitoring map draws the theatre, the occupied area and line of contact, the agreement's bands and every incident (${JSON.stringify(drawn)}, ${incidents.size} incidents)`);
  const legend = await page.locator('#monitoring-map-legend li').allTextContents();
  checks.expect(legend.some((text) => text.startsWith('line of contact')) && legend.some((text) => text.includes('buffer')),
    `the map's legend names the line of contact and the buffer zone (${legend.join(' | ')})`);

  const violation = findings.find((finding) => finding.outcome === 'violation');
  if (violation) {
    await page.click(`tr.g-finding-row[data-incident="${violation.incident}"] button`);
    await page.waitForSelector('#incident-detail');
    const reports = [...new Set(violation.sources.map((source) => source.report))];
    const listed = await page.locator('li.g-incident-report').evaluateAll((items) => items.map((item) => item.dataset.report));
    checks.expect(listed.length === reports.length && reports.every((report) => listed.includes(report)),
      `incident ${violation.incident} lists its reports (${listed.join(', ')} of ${reports.join(', ')})`);
    await page.waitForSelector('li.g-incident-report pre.g-report-row:not([hidden])');
    const row = await page.locator(`li.g-incident-report[data-report="${reports[0]}"] pre`).textContent();
    // A report's id is its format and the file's own id ("guarantor_csv:g2"); the row begins with the latter.
    checks.expect(row.startsWith(`${reports[0].split(':').pop()},`), `${reports[0]}'s row is read from the stored file ("${row.slice(0, 60)}")`);
    checks.expect(await page.evaluate(() => document.activeElement?.id) === 'incident-detail', 'opening an incident moves focus to its detail');
  }
  const marker = page.locator('#monitoring-map .leaflet-marker-icon.g-map-incident').first();
  const markerTitle = await marker.getAttribute('title');
  await marker.click();
  const opened = await page.locator('#incident-detail-title').textContent();
  checks.expect(markerTitle.startsWith(`${opened},`), `a marker opens its incident ("${opened}" from "${markerTitle}")`);

  const partiesOf = (finding) => (Object.keys(finding.claims).length ? Object.keys(finding.claims) : ['independent']);
  const pairs = new Set(findings.filter((finding) => finding.date).flatMap((finding) => partiesOf(finding).map((party) => `${finding.provision}/${party}`)));
  checks.expect((await page.locator('#monitoring-timeline .g-timeline-row').count()) === pairs.size,
    `the timeline has a row per provision and party (${pairs.size})`);
  const provisions = new Set(findings.map((finding) => finding.provision));
  checks.expect((await page.locator('tr.g-accusation-row').count()) === provisions.size, `the accusations table has a row per provision (${provisions.size})`);
  const accused = findings.find((finding) => Object.values(finding.claims).some((claim) => Object.keys(claim.claimed_actors ?? {}).length));
  if (checks.expect(accused, 'a report names an actor')) {
    const [party, claim] = Object.entries(accused.claims).find(([, value]) => Object.keys(value.claimed_actors ?? {}).length);
    const cell = await page.locator(`tr.g-accusation-row[data-provision="${accused.provision}"] td[data-party="${party}"]`).textContent();
    const actor = Object.keys(claim.claimed_actors)[0];
    checks.expect(cell.includes(`names as actor: ${actor}`), `${party}'s column names ${actor} for ${accused.provision} ("${cell}")`);
  }
}

async function loginFailureFlow(context, origin, checks) {
  const page = await context.newPage();
  checks.allowError(401, '/api/v1/login');
  await page.goto(`${origin}/login`);
  await page.fill('#login-user', 'sec');
  await page.fill('#login-password', 'not the password at all');
  await page.press('#login-password', 'Enter');
  await page.waitForSelector('#login-error:not(:empty)');
  checks.expect(page.url().includes('/login'), 'a wrong password stays on the login page');
  await page.close();
}

// Each flow's wall time, printed so a slow step shows in the test log.
async function timed(label, flow) {
  const start = performance.now();
  const result = await flow();
  console.log(`${label}: ${((performance.now() - start) / 1000).toFixed(2)} s`);
  return result;
}

async function main() {
  let args;
  try {
    args = parseArgs(process.argv.slice(2));
  } catch (error) {
    console.error(`workspace_pages: ${error.message}`);
    return 2;
  }
  const tools = loadTools(args.nodeModules);
  if (tools.skip) {
    console.log(`SKIP: ${tools.skip}`);
    return SKIP;
  }
  const checks = new Checks();
  await checkCsv(checks);
  const workspace = await timed('start', () => startWorkspace(args.guarantor, USERS));
  const browser = await tools.playwright.chromium.launch({
    executablePath: CHROMIUM,
    args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking',
           '--disable-component-update', '--disable-sync'],
  });
  try {
    const contextFor = async () => {
      const context = await browser.newContext({ viewport: { width: 1366, height: 768 }, acceptDownloads: true });
      await checks.watch(context, workspace.origin);
      return context;
    };
    const secretariat = await contextFor();
    await timed('secretariat', () => secretariatFlow(secretariat, workspace.origin, tools, args, checks));
    await timed('gap board', () => gapBoardFlow(secretariat, workspace.origin, tools, args, checks));
    const page = await secretariat.newPage();
    checks.expect(await lineStatus(page, workspace.origin, DK_LINE) === 'partial', `${DK_LINE.id} starts partly covered`);
    checks.expect(await franceSharesTotals(page), 'the secretariat sets France to share only totals');
    const planner = await contextFor();
    const plannerPage = await planner.newPage();
    await logIn(plannerPage, workspace.origin, 'planner', '/plans');
    await plannerPage.close();
    await timed('plan 1', () => planFlow(planner, workspace.origin, tools, args, checks, 1));
    await timed('liaison', async () => liaisonFlow(await contextFor(), workspace.origin, tools, args, checks));
    await timed('plan 2', () => planFlow(planner, workspace.origin, tools, args, checks, 2));
    await timed('observer', async () => observerFlow(await contextFor(), workspace.origin, checks));
    await timed('sites', async () => sitesFlow(await contextFor(), workspace.origin, tools, args, checks));
    await timed('monitoring', async () => monitoringFlow(await contextFor(), workspace.origin, tools, args, checks));
    await timed('brief', () => briefFlow(secretariat, workspace.origin, tools, args, checks));
    const after = await lineStatus(page, workspace.origin, DK_LINE);
    checks.expect(after === 'missing', `after DK-1's new caveat the gap board shows ${DK_LINE.id} missing (got ${after})`);
    await timed('login failure', async () => loginFailureFlow(await contextFor(), workspace.origin, checks));
  } catch (error) {
    checks.fail(error.stack || String(error));
  } finally {
    await browser.close();
    workspace.stop();
  }
  return checks.report('workspace pages');
}

main().then((code) => process.exit(code), (error) => {
  console.error(`FAIL: ${error.stack || error}`);
  process.exit(1);
});
