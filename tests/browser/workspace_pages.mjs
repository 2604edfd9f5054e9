// The workspace in the browser, end to end: `guarantor serve` on a throwaway workspace, real
// logins, the pages driven as their users drive them, in headless Chromium. One flow per run, so
// ctest runs the flows side by side, each on a workspace of its own, and a failure names its flow:
//
//   node workspace_pages.mjs --flow NAME --guarantor BIN [--node-modules DIR] [--out DIR]
//
// Flows (one file each): week_cycle (the secretariat's week, the gap board, login failures),
// liaison (Denmark's pledges, sharing limits, a caveat previewed and saved, the gap board after
// it), planner (plans run, compared, mapped, scheduled and published; an observer), sites (the
// host nation's sites, assessments and negotiation steps), monitoring_brief (reports uploaded,
// verified, read, exported and published; the week closed and its brief read and printed to PDF),
// print (every page laid out for A4: nothing past the printable width, navigation left out, maps,
// tables and meaningful colours kept), accounts (the secretariat's users page: adding, disabling,
// enabling and resetting a user; a user's own account page: its password and API tokens).
// On every page: no request outside the server, no console error, axe-core finds no serious
// violation, screenshots at 1366x768 and 1920x1080 into --out. Exit codes: 0 pass, 1 a check
// failed, 2 usage, 77 skipped.
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { Checks, CHROMIUM, SKIP, loadTools, startWorkspace } from './workspace_harness.mjs';
import * as weekCycle from './flow_week_cycle.mjs';
import * as liaison from './flow_liaison.mjs';
import * as planner from './flow_planner.mjs';
import * as sites from './flow_sites.mjs';
import * as monitoringBrief from './flow_monitoring_brief.mjs';
import * as print from './flow_print.mjs';
import * as accounts from './flow_accounts.mjs';

const FLOWS = { week_cycle: weekCycle, liaison, planner, sites, monitoring_brief: monitoringBrief, print, accounts };

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
    if (flag === '--flow') args.flow = value;
    else if (flag === '--guarantor') args.guarantor = path.resolve(value);
    else if (flag === '--node-modules') args.nodeModules = path.resolve(value);
    else if (flag === '--out') args.out = path.resolve(value);
    else throw new Error(`unknown option ${flag}`);
  }
  if (!args.guarantor) throw new Error('--guarantor is required');
  if (!(args.flow in FLOWS)) throw new Error(`--flow must be one of ${Object.keys(FLOWS).join(', ')} (got ${args.flow})`);
  return args;
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
  let started = performance.now();
  const workspace = await startWorkspace(args.guarantor, USERS);
  // Each step's wall time, printed so a slow one shows in the test log.
  console.log(`workspace started: ${((performance.now() - started) / 1000).toFixed(2)} s`);
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
    // A request before login (the shell asking who is calling) is answered 401 on purpose.
    checks.allowError(401, '/api/v1/session');
    started = performance.now();
    await FLOWS[args.flow].run({ origin: workspace.origin, contextFor, tools, args, checks });
    console.log(`flow ${args.flow}: ${((performance.now() - started) / 1000).toFixed(2)} s`);
  } catch (error) {
    checks.fail(error.stack || String(error));
  } finally {
    await browser.close();
    workspace.stop();
  }
  return checks.report(`workspace pages, flow ${args.flow}`);
}

main().then((code) => process.exit(code), (error) => {
  console.error(`FAIL: ${error.stack || error}`);
  process.exit(1);
});
