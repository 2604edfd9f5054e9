// First render of each workspace page in headless Chromium on the default workspace: the time
// from navigation to the page drawn with its data (web/app.js sets window.guarantorRenderedMs
// when the page module has finished), and the bytes the page transferred. Each page is loaded
// RUNS times in one logged-in browser; the figures are the median with min and max. Before a
// time counts the page must have drawn its content (checked per page), so an error page is
// never timed.
//
//   node bench/web_first_render.mjs --guarantor build/release/apps/cli/guarantor [--runs 7]
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { CHROMIUM, loadTools, logIn, startWorkspace } from '../tests/browser/workspace_harness.mjs';

// Each page with the element that proves it drew its data.
const PAGES = [
  ['/', 'tr.g-agenda-row'],
  ['/pledges', 'tr.g-pledge-row'],
  ['/gaps', 'tr.g-gap-row'],
  ['/sites', 'tr.g-site-row'],
  ['/plans', '#plans-headline'],
];

function parseArgs(argv) {
  const here = path.dirname(fileURLToPath(import.meta.url));
  const args = { runs: 7, nodeModules: path.resolve(here, '../node_modules') };
  for (let i = 0; i < argv.length; i += 2) {
    if (argv[i] === '--guarantor') args.guarantor = path.resolve(argv[i + 1]);
    else if (argv[i] === '--runs') args.runs = Number(argv[i + 1]);
    else if (argv[i] === '--node-modules') args.nodeModules = path.resolve(argv[i + 1]);
    else throw new Error(`unknown option ${argv[i]}`);
  }
  if (!args.guarantor || !(args.runs > 0)) throw new Error('usage: --guarantor BIN [--runs N] [--node-modules DIR]');
  return args;
}

const median = (values) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];

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
    // The home page needs a week to show an agenda.
    await page.evaluate(async () => {
      const { csrf_token: csrf } = await (await fetch('/api/v1/session')).json();
      await fetch('/api/v1/weeks', { method: 'POST', body: JSON.stringify({ starts_on: '2026-11-30' }),
        headers: { 'Content-Type': 'application/json', 'X-CSRF-Token': csrf } });
    });
    console.log(`first render, default workspace, ${args.runs} runs each (median [min, max]), Chromium 1366x768`);
    for (const [url, proof] of PAGES) {
      const times = [];
      let bytes = 0;
      for (let run = 0; run < args.runs; ++run) {
        await page.goto(`${workspace.origin}${url}`);
        await page.waitForSelector('body[data-ready="true"]');
        if ((await page.locator(proof).count()) === 0) throw new Error(`${url}: the page drew no ${proof}`);
        times.push(await page.evaluate(() => window.guarantorRenderedMs));
        bytes = await page.evaluate(() => [...performance.getEntriesByType('navigation'), ...performance.getEntriesByType('resource')]
          .reduce((sum, entry) => sum + (entry.encodedBodySize || 0), 0));
      }
      console.log(`${url.padEnd(9)} ${median(times).toFixed(0).padStart(5)} ms [${Math.min(...times).toFixed(0)}, ` +
        `${Math.max(...times).toFixed(0)}]  ${(bytes / 1024).toFixed(0)} KiB transferred`);
    }
  } finally {
    await browser.close();
    workspace.stop();
  }
}

main().catch((error) => {
  console.error(`web_first_render: ${error.stack || error}`);
  process.exit(1);
});
