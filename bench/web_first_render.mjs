// First render of each workspace page in headless Chromium on the default workspace, with a
// week open, a plan run and the test fixture's reports verified, so every page draws what its
// users see (the plan's map and timeline, the findings' map and charts). For each page: the time
// from navigation to the page module done (web/app.js sets window.guarantorRenderedMs), the time
// to the page complete (its map or table drawn: the element checked per page), and the bytes
// over the wire at the first load and at later ones (the files a page loads are revalidated by
// ETag). Each page is loaded RUNS times in one logged-in browser; the figures are the median
// with min and max. A page that did not draw its content is an error, never a time.
//
// --incidents N then measures the monitoring page on a workspace of its own with N synthetic
// reports at N places verified: the bytes it transfers and whether it stays interactive (the
// time until it is drawn, and the time a filter takes to redraw it).
//
//   node bench/web_first_render.mjs --guarantor build/release/apps/cli/guarantor [--runs 7] [--incidents 100000]
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { CHROMIUM, apiCall, loadTools, logIn, startWorkspace } from '../tests/browser/workspace_harness.mjs';

// Each page with the element that proves it drew its content.
const PAGES = [
  ['/', 'tr.g-agenda-row'],
  ['/pledges', 'tr.g-pledge-row'],
  ['/gaps', 'tr.g-gap-row'],
  ['/sites', '#sites-map .leaflet-marker-icon'],
  ['/plans', '#plan-map .leaflet-marker-icon'],
  ['/monitoring', '#monitoring-map .leaflet-marker-icon'],
  ['/brief', '#brief-week'],
];
const REPORT_FILE = new URL('../tests/fixtures/verify/reports_guarantor.csv', import.meta.url);

function parseArgs(argv) {
  const here = path.dirname(fileURLToPath(import.meta.url));
  const args = { runs: 7, incidents: 0, nodeModules: path.resolve(here, '../node_modules') };
  for (let i = 0; i < argv.length; i += 2) {
    if (argv[i] === '--guarantor') args.guarantor = path.resolve(argv[i + 1]);
    else if (argv[i] === '--runs') args.runs = Number(argv[i + 1]);
    else if (argv[i] === '--incidents') args.incidents = Number(argv[i + 1]);
    else if (argv[i] === '--node-modules') args.nodeModules = path.resolve(argv[i + 1]);
    else throw new Error(`unknown option ${argv[i]}`);
  }
  if (!args.guarantor || !(args.runs > 0) || !(args.incidents >= 0))
    throw new Error('usage: --guarantor BIN [--runs N] [--incidents N] [--node-modules DIR]');
  return args;
}

const median = (values) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];
const spread = (values) => `${median(values).toFixed(0).padStart(5)} ms [${Math.min(...values).toFixed(0)}, ${Math.max(...values).toFixed(0)}]`;

// Runs a job through the API and waits for it; throws unless it succeeded.
async function runJob(page, request) {
  const started = await apiCall(page, 'POST', '/jobs', request);
  if (started.status !== 202) throw new Error(`job ${JSON.stringify(request)}: HTTP ${started.status} ${JSON.stringify(started.body)}`);
  for (;;) {
    const { body } = await apiCall(page, 'GET', `/jobs/${started.body.id}`);
    if (body.state === 'succeeded') return body;
    if (body.state !== 'queued' && body.state !== 'running') throw new Error(`job ${started.body.id} ended ${body.state}: ${JSON.stringify(body)}`);
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
}

async function uploadAndVerify(page, name, content) {
  const stored = await apiCall(page, 'POST', '/reports', { name, content });
  if (stored.status !== 201) throw new Error(`upload of ${name}: HTTP ${stored.status} ${JSON.stringify(stored.body)}`);
  await runJob(page, { kind: 'verify', report_files: [stored.body.id] });
}

// Bytes over the wire, headers included: a file the browser revalidated (304) counts its
// headers only, one it kept without asking counts nothing.
const transferred = (page) => page.evaluate(() => [...performance.getEntriesByType('navigation'), ...performance.getEntriesByType('resource')]
  .reduce((sum, entry) => sum + (entry.transferSize || 0), 0));

// Loads `url` and returns {drawn, complete, bytes}: the page module done, and the proof element
// there, both in ms from the navigation's start.
async function load(page, origin, url, proof, timeout = 60000) {
  await page.goto(`${origin}${url}`);
  await page.waitForSelector('body[data-ready="true"]', { timeout });
  const complete = await (await page.waitForFunction((selector) => document.querySelector(selector) && performance.now(), proof,
    { polling: 'raf', timeout })).jsonValue();
  return { drawn: await page.evaluate(() => window.guarantorRenderedMs), complete, bytes: await transferred(page) };
}

// N reports at N places over a year across Ukraine, alternating claimants and weapons, in the
// Guarantor CSV format of tests/fixtures/verify/reports_guarantor.csv. Spread so thin that few
// reports merge into one incident: the page is measured by its incidents.
function syntheticReports(count) {
  const lines = ['id,date,outlet,claimant,claimed_actor,category,target_kind,weapon_class,place,admin1,lon,lat,location_uncertainty_m,fatalities,description'];
  const parties = [['Ministry of Defence of Ukraine', 'UA', 'RU'], ['Ministry of Defence of the Russian Federation', 'RU', 'UA'], ['Reuters', '', 'RU']];
  const weapons = ['drone', 'artillery', 'missile'];
  let state = 12345;
  const next = () => ((state = (Math.imul(state, 1664525) + 1013904223) >>> 0) / 2 ** 32);
  for (let i = 0; i < count; i++) {
    const [outlet, claimant, actor] = parties[i % parties.length];
    const day = new Date(Date.UTC(2025, 2, 20 + (i % 365))).toISOString().slice(0, 10);
    const lon = (23 + next() * 17).toFixed(4);
    const lat = (45 + next() * 7).toFixed(4);
    lines.push(`s${i},${day},${outlet},${claimant},${actor},strike,power_generation_transmission,${weapons[i % weapons.length]},,,${lon},${lat},1000,0,synthetic report ${i}`);
  }
  return `${lines.join('\n')}\n`;
}

async function largeMonitoring(args, tools, browser) {
  const csv = syntheticReports(args.incidents);
  const workspace = await startWorkspace(args.guarantor, [{ name: 'sec', role: 'secretariat' }],
    ['--max-body', String(Math.ceil(csv.length * 1.2) + 65536)]);
  try {
    const page = await (await browser.newContext({ viewport: { width: 1366, height: 768 } })).newPage();
    await logIn(page, workspace.origin, 'sec', '/');
    let started = performance.now();
    await uploadAndVerify(page, 'synthetic.csv', csv);
    console.log(`\n${args.incidents} synthetic reports (${(csv.length / 2 ** 20).toFixed(1)} MiB) uploaded and verified in ` +
      `${((performance.now() - started) / 1000).toFixed(1)} s`);
    const { body } = await apiCall(page, 'GET', '/findings/1');
    const incidents = new Set(body.findings.findings.map((finding) => finding.incident)).size;
    started = performance.now();
    const first = await load(page, workspace.origin, '/monitoring', '#monitoring-map .leaflet-marker-icon', 600000);
    console.log(`/monitoring with ${incidents} incidents (${body.findings.findings.length} findings): drawn ${first.drawn.toFixed(0)} ms, ` +
      `map complete ${first.complete.toFixed(0)} ms, ${(first.bytes / 2 ** 20).toFixed(1)} MiB transferred`);
    // Where the time went: the slowest requests of the load.
    const slowest = await page.evaluate(() => performance.getEntriesByType('resource').sort((a, b) => b.duration - a.duration).slice(0, 3)
      .map((entry) => `${new URL(entry.name).pathname} ${entry.duration.toFixed(0)} ms, ${(entry.transferSize / 1024).toFixed(0)} KiB over the wire (${(entry.decodedBodySize / 2 ** 20).toFixed(1)} MiB decoded)`));
    console.log(`slowest requests: ${slowest.join('; ')}`);
    // Interactive: a filter redraws the counts, map, charts and the table's first page from the
    // version's summary and list (the table is aria-busy until its rows are drawn).
    await page.waitForSelector('#findings-table[aria-busy="false"]', { timeout: 600000 });
    started = performance.now();
    await page.selectOption('#filter-outcome', 'violation');
    await page.waitForSelector('#findings-table[aria-busy="false"]', { timeout: 600000 });
    await page.evaluate(() => new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve))));
    console.log(`the outcome filter redrew the page in ${(performance.now() - started).toFixed(0)} ms`);
  } finally {
    workspace.stop();
  }
}

async function main() {
  const args = parseArgs(process.argv.slice(2));
  const tools = loadTools(args.nodeModules);
  if (tools.skip) throw new Error(tools.skip);
  const workspace = await startWorkspace(args.guarantor, [{ name: 'sec', role: 'secretariat' }]);
  const browser = await tools.playwright.chromium.launch({ executablePath: CHROMIUM, args: ['--no-sandbox', '--disable-gpu'] });
  try {
    const context = await browser.newContext({ viewport: { width: 1366, height: 768 } });
    const page = await context.newPage();
    await logIn(page, workspace.origin, 'sec', '/');
    // A week with its agenda (the home page and the brief), a plan (its map and timeline) and
    // findings (the monitoring page's map and charts).
    const week = await apiCall(page, 'POST', '/weeks', { starts_on: '2026-11-30' });
    if (week.status !== 201) throw new Error(`the week was not opened: HTTP ${week.status}`);
    await runJob(page, { kind: 'plan' });
    await uploadAndVerify(page, 'reports_guarantor.csv', readFileSync(REPORT_FILE, 'utf8'));
    console.log(`first render, default workspace, ${args.runs} runs each (median [min, max]), Chromium 1366x768`);
    console.log('page        module done            complete (map/table)   transferred');
    for (const [url, proof] of PAGES) {
      const runs = [];
      for (let run = 0; run < args.runs; ++run) runs.push(await load(page, workspace.origin, url, proof));
      const later = runs.length > 1 ? runs.slice(1) : runs;
      console.log(`${url.padEnd(11)} ${spread(runs.map((r) => r.drawn)).padEnd(22)} ${spread(runs.map((r) => r.complete)).padEnd(22)} ` +
        `first ${(runs[0].bytes / 1024).toFixed(0)} KiB, later ${(median(later.map((r) => r.bytes)) / 1024).toFixed(0)} KiB`);
    }
    if (args.incidents > 0) await largeMonitoring(args, tools, browser);
  } finally {
    await browser.close();
    workspace.stop();
  }
}

main().catch((error) => {
  console.error(`web_first_render: ${error.stack || error}`);
  process.exit(1);
});
