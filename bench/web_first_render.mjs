// First render of each workspace page in headless Chromium on the default workspace, with a
// week open, a plan run and the test fixture's reports verified, so every page draws what its
// users see (the plan's map and timeline, the findings' map and charts). For each page: the time
// from navigation to the first paint of content, to the page module done (web/app.js sets
// window.guarantorRenderedMs), to the page complete (its map or table drawn: the element checked
// per page), and the bytes over the wire at the first load and at later ones (the files a page
// loads are revalidated by ETag). Each page is loaded RUNS times in one logged-in browser; the
// figures are the median with min and max. A page that did not draw its content is an error,
// never a time.
//
// --baseline BIN serves a second workspace, made the same way, from another build (e.g. main's)
// and loads each page from the two servers alternately, so both see the same machine load; the
// ratio of the medians (this build / baseline) is printed per page.
//
// --detail prints, for each page's last load, where its time went: every request with its start
// and end (ms from navigation) and bytes, the first contentful paint, and the main thread's long
// tasks (over 50 ms: script parsing and evaluation, drawing) during the load.
//
// --incidents N then measures the monitoring page on a workspace of its own with N synthetic
// reports verified, each far enough from the others in place or time (placed inside the host
// country on a grid of cells, neighbouring cells used on days apart) that each is an incident of
// its own: the bytes the page transfers, the time to its first view, the time a filter takes to
// redraw it, and the longest task on the main thread after the first view (a PerformanceObserver
// of long tasks, while the filter redraws the page and the map is zoomed and moved).
//
//   node bench/web_first_render.mjs --guarantor build/release/apps/cli/guarantor [--runs 7]
//        [--baseline OTHER_BIN] [--detail] [--incidents 100000]
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { CHROMIUM, apiCall, loadTools, logIn, startWorkspace, uploadAndVerify, runJob } from '../tests/browser/workspace_harness.mjs';

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
// Goals of the large monitoring page (docs/web.md, "Figures").
const GOAL_BYTES = 20 * 2 ** 20;
const GOAL_LONG_TASK_MS = 200;

function parseArgs(argv) {
  const here = path.dirname(fileURLToPath(import.meta.url));
  const args = { runs: 7, incidents: 0, detail: false, nodeModules: path.resolve(here, '../node_modules') };
  for (let i = 0; i < argv.length; i += 1) {
    const value = () => argv[++i];
    if (argv[i] === '--guarantor') args.guarantor = path.resolve(value());
    else if (argv[i] === '--baseline') args.baseline = path.resolve(value());
    else if (argv[i] === '--runs') args.runs = Number(value());
    else if (argv[i] === '--incidents') args.incidents = Number(value());
    else if (argv[i] === '--node-modules') args.nodeModules = path.resolve(value());
    else if (argv[i] === '--detail') args.detail = true;
    else throw new Error(`unknown option ${argv[i]}`);
  }
  if (!args.guarantor || !(args.runs > 0) || !(args.incidents >= 0))
    throw new Error('usage: --guarantor BIN [--runs N] [--baseline BIN] [--detail] [--incidents N] [--node-modules DIR]');
  return args;
}

const median = (values) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];
const spread = (values) => `${median(values).toFixed(0).padStart(5)} ms [${Math.min(...values).toFixed(0)}, ${Math.max(...values).toFixed(0)}]`;

// Installed before any script of the page runs: the long tasks of the main thread from the
// page's start, kept in window.guarantorLongTasks ({start, duration} in ms from navigation), and
// the moment the proof element (its selector left in sessionStorage by load()) enters the
// document, window.guarantorProofMs - measured in the page, so the bench's own round trips to
// the browser, slow on a loaded machine, do not count.
function watchPage() {
  window.guarantorLongTasks = [];
  new PerformanceObserver((list) => {
    for (const entry of list.getEntries()) window.guarantorLongTasks.push({ start: entry.startTime, duration: entry.duration });
  }).observe({ type: 'longtask' });
  // The monitoring page's table is drawn when it is no longer aria-busy: window.guarantorTableMs.
  new MutationObserver((_, observer) => {
    if (!document.querySelector('#findings-table[aria-busy="false"]')) return;
    window.guarantorTableMs = performance.now();
    observer.disconnect();
  }).observe(document, { childList: true, subtree: true, attributes: true, attributeFilter: ['aria-busy'] });
  const proof = sessionStorage.getItem('guarantorProof');
  if (!proof) return;
  new MutationObserver((_, observer) => {
    if (!document.querySelector(proof)) return;
    window.guarantorProofMs = performance.now();
    observer.disconnect();
  }).observe(document, { childList: true, subtree: true });
}

// Bytes over the wire, headers included: a file the browser revalidated (304) counts its
// headers only, one it kept without asking counts nothing.
const transferred = (page) => page.evaluate(() => [...performance.getEntriesByType('navigation'), ...performance.getEntriesByType('resource')]
  .reduce((sum, entry) => sum + (entry.transferSize || 0), 0));

// Loads `url` and returns {paint, drawn, complete, bytes}: the first contentful paint, the page
// module done and the proof element there, all in ms from the navigation's start.
async function load(page, origin, url, proof, timeout = 60000) {
  await page.evaluate((selector) => sessionStorage.setItem('guarantorProof', selector), proof);
  await page.goto(`${origin}${url}`);
  await page.waitForSelector('body[data-ready="true"]', { timeout });
  const complete = await (await page.waitForFunction(() => window.guarantorProofMs, null, { timeout })).jsonValue();
  const { drawn, paint } = await page.evaluate(() => ({ drawn: window.guarantorRenderedMs,
    paint: performance.getEntriesByName('first-contentful-paint')[0]?.startTime ?? NaN }));
  return { paint, drawn, complete, bytes: await transferred(page) };
}

// Where a load's time went: each request (start and end from navigation, bytes over the wire
// and decoded), the first contentful paint and the long tasks so far.
async function printDetail(page, url) {
  const detail = await page.evaluate(() => ({
    requests: performance.getEntriesByType('resource').map((entry) => ({ name: new URL(entry.name).pathname + new URL(entry.name).search,
      start: entry.startTime, end: entry.responseEnd, wire: entry.transferSize, size: entry.decodedBodySize })),
    document: performance.getEntriesByType('navigation')[0]?.responseEnd ?? NaN,
    paint: performance.getEntriesByName('first-contentful-paint')[0]?.startTime ?? NaN,
    tasks: window.guarantorLongTasks ?? [],
  }));
  console.log(`  ${url}: shell received ${detail.document.toFixed(0)} ms, first contentful paint ${detail.paint.toFixed(0)} ms`);
  for (const request of detail.requests.sort((a, b) => a.start - b.start))
    console.log(`    ${request.start.toFixed(0).padStart(5)}-${request.end.toFixed(0).padStart(5)} ms  ${(request.wire / 1024).toFixed(1).padStart(6)} KiB wire ` +
      `${(request.size / 1024).toFixed(1).padStart(7)} KiB  ${request.name.slice(0, 90)}`);
  for (const task of detail.tasks) console.log(`    long task ${task.start.toFixed(0).padStart(5)} ms for ${task.duration.toFixed(0)} ms`);
}

// A served default workspace made ready for the pages: logged in as the secretariat, a week open,
// a plan run and the test fixture's reports verified.
async function preparedWorkspace(guarantor, browser) {
  const workspace = await startWorkspace(guarantor, [{ name: 'sec', role: 'secretariat' }]);
  const context = await browser.newContext({ viewport: { width: 1366, height: 768 } });
  await context.addInitScript(watchPage);
  const page = await context.newPage();
  await logIn(page, workspace.origin, 'sec', '/');
  const week = await apiCall(page, 'POST', '/weeks', { starts_on: '2026-11-30' });
  if (week.status !== 201) throw new Error(`the week was not opened: HTTP ${week.status}`);
  await runJob(page, { kind: 'plan' });
  await uploadAndVerify(page, 'reports_guarantor.csv', readFileSync(REPORT_FILE, 'utf8'));
  return { workspace, page };
}

// Even-odd test of a point against a country's outline ([[ring, ...holes], ...] of [lon, lat]).
function inside([lon, lat], parts) {
  let within = false;
  for (const rings of parts) {
    for (const ring of rings) {
      for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
        const [xi, yi] = ring[i];
        const [xj, yj] = ring[j];
        if ((yi > lat) !== (yj > lat) && lon < ((xj - xi) * (lat - yi)) / (yj - yi) + xi) within = !within;
      }
    }
  }
  return within;
}

// Cells of the grid over the host country whose centre lies in it, in four classes by the
// parity of their column and row: two cells of one class are at least two cells apart.
const CELL_DEG = 0.25;
function hostCells(theatre) {
  const host = theatre.countries.find((country) => country.role === 'host');
  const points = host.coords.flat(2);
  const [west, east] = [Math.min(...points.map((p) => p[0])), Math.max(...points.map((p) => p[0]))];
  const [south, north] = [Math.min(...points.map((p) => p[1])), Math.max(...points.map((p) => p[1]))];
  const classes = [[], [], [], []];
  for (let row = 0; south + row * CELL_DEG < north; ++row) {
    for (let column = 0; west + column * CELL_DEG < east; ++column) {
      const cell = [west + column * CELL_DEG, south + row * CELL_DEG];
      if (inside([cell[0] + CELL_DEG / 2, cell[1] + CELL_DEG / 2], host.coords)) classes[(column % 2) + 2 * (row % 2)].push(cell);
    }
  }
  return classes;
}

// N reports in the Guarantor CSV format of tests/fixtures/verify/reports_guarantor.csv, each an
// incident of its own: a day's reports lie in cells of one class, one report a cell, at a
// random point of the cell's middle 40 %, and the class changes each day, so two reports a day or
// three apart lie in different cells and at least 0.6 of a cell apart (over 9 km, where the
// verifier merges precise reports within 5 km plus their uncertainties of 1 km each,
// docs/verifier.md), and two reports of one cell are four days apart (the verifier's time
// window is 12 hours). Claimants and weapons alternate.
function syntheticReports(count, theatre) {
  const classes = hostCells(theatre);
  const perDay = Math.min(...classes.map((cells) => cells.length));
  const lines = ['id,date,outlet,claimant,claimed_actor,category,target_kind,weapon_class,place,admin1,lon,lat,location_uncertainty_m,fatalities,description'];
  const parties = [['Ministry of Defence of Ukraine', 'UA', 'RU'], ['Ministry of Defence of the Russian Federation', 'RU', 'UA'], ['Reuters', '', 'RU']];
  // The verifier's weapon classes (docs/verifier.md): a report naming another is rejected.
  const weapons = ['drone', 'artillery_100mm_plus', 'long_range_rocket_missile'];
  let state = 12345;
  const next = () => ((state = (Math.imul(state, 1664525) + 1013904223) >>> 0) / 2 ** 32);
  for (let i = 0; i < count; i++) {
    const day = Math.floor(i / perDay);
    const cells = classes[day % classes.length];
    const [west, south] = cells[(i % perDay) * Math.floor(cells.length / perDay)];
    const [outlet, claimant, actor] = parties[i % parties.length];
    const date = new Date(Date.UTC(2025, 2, 20 + day)).toISOString().slice(0, 10);
    const lon = (west + CELL_DEG * (0.3 + 0.4 * next())).toFixed(4);
    const lat = (south + CELL_DEG * (0.3 + 0.4 * next())).toFixed(4);
    lines.push(`s${i},${date},${outlet},${claimant},${actor},strike,power_generation_transmission,${weapons[i % weapons.length]},,,${lon},${lat},1000,0,synthetic report ${i}`);
  }
  return { csv: `${lines.join('\n')}\n`, days: Math.ceil(count / perDay), perDay };
}

const nextFrame = (page) => page.evaluate(() => new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve))));

async function largeMonitoring(args, browser) {
  const probe = await startWorkspace(args.guarantor, []);
  const theatre = await (await fetch(`${probe.origin}/assets/theatre.json`)).json();
  probe.stop();
  const { csv, days, perDay } = syntheticReports(args.incidents, theatre);
  const workspace = await startWorkspace(args.guarantor, [{ name: 'sec', role: 'secretariat' }],
    ['--max-body', String(Math.ceil(csv.length * 1.2) + 65536)]);
  try {
    const context = await browser.newContext({ viewport: { width: 1366, height: 768 } });
    await context.addInitScript(watchPage);
    const page = await context.newPage();
    await logIn(page, workspace.origin, 'sec', '/');
    let started = performance.now();
    await uploadAndVerify(page, 'synthetic.csv', csv);
    console.log(`\n${args.incidents} synthetic reports (${(csv.length / 2 ** 20).toFixed(1)} MiB, ${perDay} a day over ${days} days) uploaded and verified in ` +
      `${((performance.now() - started) / 1000).toFixed(1)} s`);
    const { body: version } = await apiCall(page, 'GET', '/findings/1/summary?only=map');
    const { body: listed } = await apiCall(page, 'GET', '/findings?limit=1');
    const counts = listed.items[0].summary;
    console.log(`findings version 1: ${counts.incidents} incidents, ${counts.findings} findings (${counts.read} reports read, ` +
      `${counts.rejected ?? 0} rejected, ${counts.unlocated ?? 0} unlocated), ${version.map.incidents} incidents on the map`);
    if (counts.read !== args.incidents) throw new Error(`${args.incidents - counts.read} of the synthetic reports were not read: the generator is wrong`);
    const first = await load(page, workspace.origin, '/monitoring', '#monitoring-map .leaflet-marker-icon', 600000);
    // The first view: the table's first page of findings drawn as well as the map.
    const table = await (await page.waitForFunction(() => window.guarantorTableMs, null, { timeout: 600000 })).jsonValue();
    const firstView = Math.max(first.complete, table);
    console.log(`/monitoring first view ${firstView.toFixed(0)} ms (first paint ${first.paint.toFixed(0)} ms, module done ${first.drawn.toFixed(0)} ms, ` +
      `map ${first.complete.toFixed(0)} ms, table ${table.toFixed(0)} ms), ${(first.bytes / 2 ** 20).toFixed(2)} MiB transferred ` +
      `(goal ${GOAL_BYTES / 2 ** 20} MiB: ${first.bytes <= GOAL_BYTES ? 'met' : 'NOT met'})`);
    if (args.detail) await printDetail(page, '/monitoring (large)');
    const viewEnd = await page.evaluate(() => performance.now());
    // Interactive: a filter redraws the counts, map, charts and the table's first page from the
    // version's summary and list (the table is aria-busy until its rows are drawn); then the map
    // is zoomed in and moved, each asking the server for its view's cells.
    started = performance.now();
    await page.selectOption('#filter-outcome', 'no_violation');
    await page.waitForSelector('#findings-table[aria-busy="false"]', { timeout: 600000 });
    await nextFrame(page);
    console.log(`the outcome filter redrew the page in ${(performance.now() - started).toFixed(0)} ms`);
    started = performance.now();
    await page.selectOption('#filter-outcome', '');
    await page.waitForSelector('#findings-table[aria-busy="false"]', { timeout: 600000 });
    await nextFrame(page);
    console.log(`and back to every outcome in ${(performance.now() - started).toFixed(0)} ms`);
    for (const [action, key] of [['zoomed in', '+'], ['moved east', 'ArrowRight'], ['zoomed out', '-']]) {
      started = performance.now();
      await page.focus('#monitoring-map');
      // The map's note is rewritten when the view's incidents are drawn.
      const moved = page.evaluate(() => new Promise((resolve, reject) => {
        const note = document.getElementById('monitoring-map-note');
        const timer = setTimeout(() => reject(new Error('the map did not redraw its incidents within 60 s')), 60000);
        new MutationObserver((_, observer) => {
          observer.disconnect();
          clearTimeout(timer);
          resolve();
        }).observe(note, { childList: true, characterData: true, subtree: true });
      }));
      await page.keyboard.press(key);
      await moved;
      await nextFrame(page);
      console.log(`the map ${action} and redrew its incidents in ${(performance.now() - started).toFixed(0)} ms`);
    }
    await page.waitForTimeout(500);
    const tasks = await page.evaluate((from) => window.guarantorLongTasks.filter((task) => task.start >= from), viewEnd);
    const longest = tasks.reduce((most, task) => Math.max(most, task.duration), 0);
    console.log(`after the first view: ${tasks.length} long tasks over 50 ms, the longest ${longest.toFixed(0)} ms ` +
      `(goal: none over ${GOAL_LONG_TASK_MS} ms: ${longest <= GOAL_LONG_TASK_MS ? 'met' : 'NOT met'})`);
  } finally {
    workspace.stop();
  }
}

async function main() {
  const args = parseArgs(process.argv.slice(2));
  const tools = loadTools(args.nodeModules);
  if (tools.skip) throw new Error(tools.skip);
  const browser = await tools.playwright.chromium.launch({ executablePath: CHROMIUM, args: ['--no-sandbox', '--disable-gpu'] });
  const servers = [];
  try {
    servers.push({ name: 'this build', ...(await preparedWorkspace(args.guarantor, browser)) });
    if (args.baseline) servers.push({ name: 'baseline', ...(await preparedWorkspace(args.baseline, browser)) });
    console.log(`first render, default workspace, ${args.runs} runs each (median [min, max]), Chromium 1366x768` +
      (args.baseline ? `, alternating with the baseline ${args.baseline}` : ''));
    console.log('page        server      first paint            module done            complete (map/table)   transferred');
    for (const [url, proof] of PAGES) {
      const runs = servers.map(() => []);
      for (let run = 0; run < args.runs; ++run)
        for (const [index, server] of servers.entries()) runs[index].push(await load(server.page, server.workspace.origin, url, proof));
      for (const [index, server] of servers.entries()) {
        const mine = runs[index];
        const later = mine.length > 1 ? mine.slice(1) : mine;
        console.log(`${url.padEnd(11)} ${server.name.padEnd(11)} ${spread(mine.map((r) => r.paint)).padEnd(22)} ${spread(mine.map((r) => r.drawn)).padEnd(22)} ` +
          `${spread(mine.map((r) => r.complete)).padEnd(22)} first ${(mine[0].bytes / 1024).toFixed(0)} KiB, later ${(median(later.map((r) => r.bytes)) / 1024).toFixed(0)} KiB`);
      }
      if (args.baseline) {
        const ratio = (key) => (median(runs[0].map((r) => r[key])) / median(runs[1].map((r) => r[key]))).toFixed(2);
        console.log(`${url.padEnd(11)} ratio (this build / baseline, medians): first paint ${ratio('paint')}, module done ${ratio('drawn')}, complete ${ratio('complete')}`);
      }
      if (args.detail) for (const server of servers) await printDetail(server.page, `${url} (${server.name})`);
    }
    if (args.incidents > 0) await largeMonitoring(args, browser);
  } finally {
    await browser.close();
    for (const server of servers) server.workspace.stop();
  }
}

main().catch((error) => {
  console.error(`web_first_render: ${error.stack || error}`);
  process.exit(1);
});
