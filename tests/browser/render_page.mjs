// Opens a Guarantor page in headless Chromium from file:// and checks that it renders offline.
//
//   node render_page.mjs --html PAGE.html --screenshot OUT.png [--node-modules DIR]
//                        [--expect NAME=N]... [--expect-min NAME=N]...
//
// NAME is a map layer (countries, regions, areas, places, energy, airfield, port, border-crossing,
// rail-junction, candidate-hub, symbols: elements with class g-layer-NAME) or gap-rows,
// summary-rows, illustrative. Always checked: the map script finished, every layer's DOM count
// equals what the script says it drew, every APP-6 code was valid for milsymbol, no console error,
// no uncaught exception, no failed request and no request to anything but file: or data: (the
// page must be offline), and no markup from the data ran (window.__pwned stays unset).
// Saves a full-page screenshot to OUT.png and one of the map alone to OUT.map.png.
// Exit codes: 0 pass, 1 a check failed, 2 usage, 77 skipped (no Chromium or playwright-core).
import { createRequire } from 'node:module';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const CHROMIUM = '/usr/bin/chromium';
const SKIP = 77;

function parseArgs(argv) {
  const here = path.dirname(fileURLToPath(import.meta.url));
  const args = { expect: {}, expectMin: {}, nodeModules: path.resolve(here, '../../node_modules') };
  for (let i = 0; i < argv.length; i += 2) {
    const [flag, value] = [argv[i], argv[i + 1]];
    if (value === undefined) throw new Error(`${flag} needs a value`);
    if (flag === '--html') args.html = path.resolve(value);
    else if (flag === '--screenshot') args.screenshot = path.resolve(value);
    else if (flag === '--node-modules') args.nodeModules = path.resolve(value);
    else if (flag === '--expect' || flag === '--expect-min') {
      const match = /^([a-z-]+)=(\d+)$/.exec(value);
      if (!match) throw new Error(`${flag} ${value}: expected NAME=COUNT`);
      (flag === '--expect' ? args.expect : args.expectMin)[match[1]] = Number(match[2]);
    } else throw new Error(`unknown option ${flag}`);
  }
  if (!args.html || !args.screenshot) throw new Error('--html and --screenshot are required');
  return args;
}

// CSS selector counted for each expectation name.
function selectorFor(name) {
  if (name === 'gap-rows') return 'tr.g-gap-row';
  if (name === 'summary-rows') return 'tr.g-summary-row';
  if (name === 'illustrative') return '#g-illustrative';
  if (name === 'symbols') return '.g-layer-symbols svg';
  return `.g-layer-${name}`;
}

async function main() {
  let args;
  try {
    args = parseArgs(process.argv.slice(2));
  } catch (error) {
    console.error(`render_page: ${error.message}`);
    return 2;
  }
  if (!existsSync(CHROMIUM)) {
    console.log(`SKIP: ${CHROMIUM} not found (apt-get install chromium)`);
    return SKIP;
  }
  let playwright;
  try {
    playwright = createRequire(path.join(args.nodeModules, 'package.json'))('playwright-core');
  } catch {
    console.log(`SKIP: playwright-core not found under ${args.nodeModules} (run scripts/setup.sh)`);
    return SKIP;
  }
  if (!existsSync(args.html)) {
    console.error(`FAIL: ${args.html} does not exist`);
    return 1;
  }

  const failures = [];
  const userDataDir = mkdtempSync(path.join(tmpdir(), 'guarantor-chromium-'));
  const context = await playwright.chromium.launchPersistentContext(userDataDir, {
    executablePath: CHROMIUM,
    headless: true,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
           '--disable-background-networking', '--disable-component-update', '--disable-sync'],
    viewport: { width: 1600, height: 1000 },
    timeout: 60000,
  });
  try {
    // Anything but a local file or inline data is a network request: fail it and never send it.
    await context.route('**/*', (route) => {
      const url = route.request().url();
      if (url.startsWith('file:') || url.startsWith('data:')) return route.continue();
      failures.push(`network request to ${url}`);
      return route.abort();
    });
    const page = context.pages()[0] ?? (await context.newPage());
    page.on('console', (message) => {
      if (message.type() === 'error') failures.push(`console error: ${message.text()}`);
    });
    page.on('pageerror', (error) => failures.push(`uncaught exception: ${error.message}`));
    page.on('requestfailed', (request) =>
      failures.push(`request failed: ${request.url()} (${request.failure()?.errorText})`));

    await page.goto(pathToFileURL(args.html).href, { waitUntil: 'load', timeout: 60000 });
    await page.waitForFunction(() => window.guarantorMap && window.guarantorMap.ready === true, null,
                               { timeout: 30000 }).catch(() => failures.push('the map script never finished'));
    const report = await page.evaluate(() => ({
      counts: (window.guarantorMap && window.guarantorMap.counts) || {},
      invalidSymbols: (window.guarantorMap && window.guarantorMap.invalidSymbols) || [],
      pwned: window.__pwned,
      layerControlEntries: document.querySelectorAll('.leaflet-control-layers-overlays label').length,
      scaleBar: document.querySelectorAll('.leaflet-control-scale-line').length,
      tiles: document.querySelectorAll('.leaflet-tile').length,
      legendItems: document.querySelectorAll('#g-legend li').length,
      // Bands are areas filled once by the nonzero rule (band_geometry.js), never piled discs.
      bandsNotNonzero: [...document.querySelectorAll('path.g-layer-standoff')]
        .filter((path) => path.getAttribute('fill-rule') !== 'nonzero').length,
    }));
    const count = (selector) => page.locator(selector).count();

    for (const [name, drawn] of Object.entries(report.counts)) {
      const found = await count(selectorFor(name));
      if (found !== drawn) failures.push(`layer ${name}: script drew ${drawn}, DOM has ${found}`);
    }
    for (const [name, expected] of Object.entries(args.expect)) {
      const found = await count(selectorFor(name));
      if (found !== expected) failures.push(`${name}: expected ${expected}, found ${found}`);
      else console.log(`ok ${name} = ${found}`);
    }
    for (const [name, minimum] of Object.entries(args.expectMin)) {
      const found = await count(selectorFor(name));
      if (found < minimum) failures.push(`${name}: expected at least ${minimum}, found ${found}`);
      else console.log(`ok ${name} = ${found} (>= ${minimum})`);
    }
    if (report.invalidSymbols.length) failures.push(`invalid APP-6 codes for pledges ${report.invalidSymbols.join(', ')}`);
    if (report.pwned !== undefined) failures.push(`markup from the data ran (window.__pwned = ${report.pwned})`);
    if (report.layerControlEntries === 0) failures.push('no layer control');
    if (report.scaleBar === 0) failures.push('no scale bar');
    if (report.tiles !== 0) failures.push(`${report.tiles} tile images: the page must have no tile layer`);
    if (report.legendItems === 0) failures.push('empty legend');
    if (report.bandsNotNonzero) failures.push(`${report.bandsNotNonzero} standoff band paths not filled by the nonzero rule`);

    await page.screenshot({ path: args.screenshot, fullPage: true });
    const mapShot = args.screenshot.replace(/\.png$/, '') + '.map.png';
    await page.locator('#map').screenshot({ path: mapShot });
    console.log(`screenshots ${args.screenshot} ${mapShot}`);
  } finally {
    await context.close();
    rmSync(userDataDir, { recursive: true, force: true });
  }
  for (const failure of failures) console.error(`FAIL: ${failure}`);
  if (failures.length === 0) console.log(`PASS: ${args.html}`);
  return failures.length === 0 ? 0 : 1;
}

main().then((code) => process.exit(code), (error) => {
  console.error(`FAIL: ${error.stack || error}`);
  process.exit(1);
});
