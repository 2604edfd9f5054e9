// What the workspace browser tests share: a throwaway workspace served by the real `guarantor
// serve` on a free loopback port, users of every role, headless Chromium (Debian's) through
// playwright-core, and the checks every page must pass: no request outside the server, no
// console error or uncaught exception, no unexpected HTTP error, no serious accessibility
// violation (axe-core), and screenshots at two window sizes kept as artefacts.
import { spawn, execFileSync } from 'node:child_process';
import { createRequire } from 'node:module';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

export const CHROMIUM = '/usr/bin/chromium';
export const SKIP = 77;
export const PASSWORD = 'a long test password';
// Window sizes the pages must be readable at: the common staff laptop, and a desktop screen.
export const SIZES = [{ width: 1366, height: 768 }, { width: 1920, height: 1080 }];

/// Loads playwright-core and axe-core from node_modules; null (skip) when either is missing.
export function loadTools(nodeModules) {
  if (!existsSync(CHROMIUM)) return { skip: `${CHROMIUM} not found (apt-get install chromium)` };
  const require = createRequire(path.join(nodeModules, 'package.json'));
  try {
    return { playwright: require('playwright-core'), axeSource: readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8') };
  } catch {
    return { skip: `playwright-core or axe-core not found under ${nodeModules} (run scripts/setup.sh)` };
  }
}

/// A new workspace database served by `guarantor serve --port 0 [serveOptions...]`, seeded from
/// the default scenario, with one user per entry of `users` ({name, role, nation?}).
export async function startWorkspace(guarantor, users, serveOptions = []) {
  const dir = mkdtempSync(path.join(tmpdir(), 'guarantor-web-'));
  const db = path.join(dir, 'workspace.db');
  const server = spawn(guarantor, ['serve', '--db', db, '--port', '0', ...serveOptions], { stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  const origin = await new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`guarantor serve did not start: ${output}`)), 30000);
    const read = (chunk) => {
      output += chunk;
      const match = /on (http:\/\/127\.0\.0\.1:\d+)\/api\/v1/.exec(output);
      if (match) {
        clearTimeout(timer);
        resolve(match[1]);
      }
    };
    server.stdout.on('data', read);
    server.stderr.on('data', read);
    server.on('exit', (code) => reject(new Error(`guarantor serve exited with ${code}: ${output}`)));
  });
  // Users are added beside the running server (SQLite in WAL mode lets both write): a liaison
  // needs its nation, which exists once the server has seeded the workspace.
  for (const user of users) {
    const args = ['workspace', 'add-user', user.name, '--role', user.role, '--db', db];
    if (user.nation) args.push('--nation', user.nation);
    execFileSync(guarantor, args, { input: `${PASSWORD}\n`, stdio: ['pipe', 'ignore', 'pipe'] });
  }
  return {
    origin,
    db,
    stop() {
      server.kill('SIGTERM');
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/// Collects every failure of the run; `expectedErrors` lists [status, url-substring] pairs a
/// flow provokes on purpose (a 401 before login, a 403 for another nation's pledge).
export class Checks {
  constructor() {
    this.failures = [];
    this.expectedErrors = [];
    this.requests = [];
  }

  fail(message) {
    this.failures.push(message);
  }

  expect(condition, message) {
    if (!condition) this.fail(message);
    return condition;
  }

  allowError(status, urlPart) {
    this.expectedErrors.push([status, urlPart]);
  }

  /// Watches a browser context: request log, outside requests aborted, errors recorded.
  async watch(context, origin) {
    await context.route('**/*', (route) => {
      const url = route.request().url();
      this.requests.push(url);
      if (url.startsWith(`${origin}/`) || url.startsWith('data:') || url.startsWith('blob:')) return route.continue();
      this.fail(`request outside the server: ${url}`);
      return route.abort();
    });
    context.on('page', (page) => this.watchPage(page));
  }

  watchPage(page) {
    page.on('pageerror', (error) => this.fail(`uncaught exception on ${page.url()}: ${error.message}`));
    page.on('console', (message) => {
      // A failed fetch is logged by Chromium as "Failed to load resource"; those are judged by
      // their response below, where the expected ones are known.
      if (message.type() === 'error' && !message.text().startsWith('Failed to load resource'))
        this.fail(`console error on ${page.url()}: ${message.text()}`);
    });
    page.on('response', (response) => {
      const status = response.status();
      if (status < 400) return;
      const expected = this.expectedErrors.some(([code, part]) => code === status && response.url().includes(part));
      if (!expected) this.fail(`HTTP ${status} for ${response.url()}`);
    });
  }

  report(name) {
    for (const failure of this.failures) console.error(`FAIL: ${failure}`);
    if (this.failures.length === 0) console.log(`PASS: ${name} (${this.requests.length} requests, all to the server)`);
    return this.failures.length === 0 ? 0 : 1;
  }
}

/// Runs axe-core on the page (WCAG 2 A and AA rules); serious and critical violations fail.
export async function checkAccessibility(page, axeSource, checks, label) {
  // Evaluated through the DevTools protocol, so the page's Content-Security-Policy (scripts only
  // from the server) stays in force for everything else.
  await page.evaluate(axeSource);
  const violations = await page.evaluate(async () => {
    const result = await window.axe.run(document, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21aa'] } });
    return result.violations.map((v) => ({ id: v.id, impact: v.impact, nodes: v.nodes.length, help: v.help }));
  });
  for (const violation of violations) {
    const line = `${label}: axe ${violation.impact} ${violation.id} (${violation.nodes} elements): ${violation.help}`;
    if (violation.impact === 'serious' || violation.impact === 'critical') checks.fail(line);
    else console.log(`note ${line}`);
  }
}

// A screenshot counts as blank when fewer than this share of its pixels differ from its most
// common colour (a page of text and a form is a few per cent; an empty or white page is 0), or
// when it has fewer than this many colours.
const MIN_INKED_SHARE = 0.002;
const MIN_COLOURS = 8;

/// {inked, colours} of a PNG screenshot: the share of pixels not of its most common colour, and
/// how many colours it has. Decoded by the browser on a canvas (a data: image, which the pages'
/// Content-Security-Policy admits).
export async function screenshotInk(page, png) {
  return page.evaluate(async (base64) => {
    const image = new Image();
    image.src = `data:image/png;base64,${base64}`;
    await image.decode();
    const canvas = document.createElement('canvas');
    canvas.width = image.naturalWidth;
    canvas.height = image.naturalHeight;
    const context = canvas.getContext('2d', { willReadFrequently: true });
    context.drawImage(image, 0, 0);
    const pixels = context.getImageData(0, 0, canvas.width, canvas.height).data;
    const counts = new Map();
    for (let at = 0; at < pixels.length; at += 4) {
      const colour = (pixels[at] << 16) | (pixels[at + 1] << 8) | pixels[at + 2];
      counts.set(colour, (counts.get(colour) ?? 0) + 1);
    }
    const total = pixels.length / 4;
    return { inked: 1 - Math.max(...counts.values()) / total, colours: counts.size };
  }, png.toString('base64'));
}

/// Screenshots of what the window shows at each of SIZES into outDir/<label>-<width>x<height>.png,
/// each checked not to be blank; the page's main content must fit the narrower width without
/// horizontal scrolling.
export async function screenshots(page, outDir, label, checks) {
  mkdirSync(outDir, { recursive: true });
  for (const size of SIZES) {
    await page.setViewportSize(size);
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    checks.expect(overflow <= 0, `${label} at ${size.width}x${size.height}: the page scrolls sideways by ${overflow} px`);
    const file = path.join(outDir, `${label}-${size.width}x${size.height}.png`);
    const ink = await screenshotInk(page, await page.screenshot({ path: file }));
    checks.expect(ink.inked >= MIN_INKED_SHARE && ink.colours >= MIN_COLOURS,
      `${file} is blank: ${(ink.inked * 100).toFixed(2)} % of its pixels drawn, ${ink.colours} colours`);
  }
  await page.setViewportSize(SIZES[0]);
}

/// Logs in through the login page and waits for the page the login leads to.
export async function logIn(page, origin, user, startPath = '/') {
  await page.goto(`${origin}${startPath}`);
  await page.waitForURL(/\/login/);
  await page.fill('#login-user', user);
  await page.fill('#login-password', PASSWORD);
  await Promise.all([page.waitForURL((url) => !url.pathname.startsWith('/login')), page.press('#login-password', 'Enter')]);
  await page.waitForSelector('body[data-ready="true"]');
}

// A downloaded XLSX read back (unzip, installed by scripts/setup.sh): its name, the ZIP magic,
// and the rows of a sheet, header included.
export async function xlsxDownload(page, selector, checks, name) {
  const [download] = await Promise.all([page.waitForEvent('download'), page.click(selector)]);
  const file = await download.path();
  checks.expect(download.suggestedFilename() === name && readFileSync(file).subarray(0, 2).toString() === 'PK',
    `${selector} saves ${name} (got ${download.suggestedFilename()})`);
  return {
    rows: (sheet = 1) => (execFileSync('/usr/bin/unzip', ['-p', file, `xl/worksheets/sheet${sheet}.xml`], { encoding: 'utf8' }).match(/<row /g) ?? []).length,
    strings: () => execFileSync('/usr/bin/unzip', ['-p', file, 'xl/sharedStrings.xml'], { encoding: 'utf8' }),
  };
}

// What a map (web/map.js) shows: country and oblast outlines, place names, and the markers in
// #id, where a group marker counts as the number it shows.
export async function mapCounts(page, id) {
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
      // Bands are unions of overlapping polygons, filled once only under the nonzero rule.
      nonzeroBands: map.querySelectorAll('.leaflet-bands-pane path[fill-rule="nonzero"]').length,
      symbols: map.querySelectorAll('.leaflet-marker-pane img.leaflet-marker-icon').length,
      markers: map.querySelectorAll('.leaflet-marker-pane .leaflet-marker-icon:not(.g-map-cluster)').length + clusters.reduce((sum, n) => sum + n, 0),
      clusters: clusters.length,
    };
  }, id);
}

// The line DK-1 helps fill in the ceasefire phase of the default scenario (1 of 4 units).
export const DK_LINE = { phase: 'ceasefire', id: 'R-LAND-2' };

export async function lineStatus(page, origin, line) {
  await page.goto(`${origin}/gaps`);
  await page.waitForSelector('body[data-ready="true"]');
  return page.locator(`tr.g-gap-row[data-phase="${line.phase}"][data-line="${line.id}"]`).getAttribute('data-status');
}

/// A call to the JSON API as the user logged in on `page` (its session cookie and CSRF token),
/// as the pages make it: {status, etag, body}. For the steps a flow needs but does not test.
export async function apiCall(page, method, apiPath, body, headers = {}) {
  return page.evaluate(async (request) => {
    const { csrf_token: csrf } = await (await fetch('/api/v1/session')).json();
    const response = await fetch(`/api/v1${request.apiPath}`, { method: request.method,
      body: request.body === undefined ? undefined : JSON.stringify(request.body),
      headers: { 'Content-Type': 'application/json', 'X-CSRF-Token': csrf, ...request.headers } });
    const text = await response.text();
    return { status: response.status, etag: response.headers.get('ETag'), body: text ? JSON.parse(text) : null };
  }, { method, apiPath, body, headers });
}

/// Runs a job through the API as the user of `page` and waits for it; throws unless it succeeded.
export async function runJob(page, request) {
  const started = await apiCall(page, 'POST', '/jobs', request);
  if (started.status !== 202) throw new Error(`job ${JSON.stringify(request)}: HTTP ${started.status} ${JSON.stringify(started.body)}`);
  for (;;) {
    const { body } = await apiCall(page, 'GET', `/jobs/${started.body.id}`);
    if (body.state === 'succeeded') return body;
    if (body.state !== 'queued' && body.state !== 'running') throw new Error(`job ${started.body.id} ended ${body.state}: ${JSON.stringify(body)}`);
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
}

/// Stores report file `name` and verifies it alone (findings version made by the job).
export async function uploadAndVerify(page, name, content) {
  const stored = await apiCall(page, 'POST', '/reports', { name, content });
  if (stored.status !== 201) throw new Error(`upload of ${name}: HTTP ${stored.status} ${JSON.stringify(stored.body)}`);
  await runJob(page, { kind: 'verify', report_files: [stored.body.id] });
}

/// DK-1 gets the caveat "only in the peace-deal phase" through the API, as its liaison sets it
/// on the pledge page (flow_liaison.mjs): R-LAND-2 in the ceasefire phase loses its DK unit.
export async function addDenmarkPeaceDealCaveat(page) {
  const { body, etag } = await apiCall(page, 'GET', '/pledges/DK-1');
  const pledge = { ...body, caveats: [...(body.caveats ?? []),
    { kind: 'when', values: ['peace_deal'], source: 'Danish parliament mandate covers only a peace-deal deployment (test)' }] };
  const { status } = await apiCall(page, 'PUT', '/pledges/DK-1', pledge, { 'If-Match': etag });
  if (status !== 200) throw new Error(`DK-1's caveat was not saved (HTTP ${status})`);
}
