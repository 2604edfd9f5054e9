// The weekly cycle as the secretariat works it: sent to the login page first, the home page
// without a week, keyboard access (skip link), a week opened, a decision recorded (markup in it
// stays text), the week closed and the next opened, whose home shows what changed; the gap board
// with the API's numbers, its filter, CSV and XLSX; a wrong password; the CSV writer's formula
// neutralising.
import { readFileSync } from 'node:fs';
import { checkAccessibility, logIn, screenshotInk, screenshots, xlsxDownload } from './workspace_harness.mjs';

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
  // The blank-screenshot check itself tells an empty page from a drawn one.
  await page.setContent('<!doctype html><title>empty</title>');
  const empty = await screenshotInk(page, await page.screenshot());
  checks.expect(empty.inked === 0 && empty.colours === 1, `an empty page reads as blank (${JSON.stringify(empty)})`);
  // The login page itself: accessible, and drawn (a screenshot that is not blank).
  await page.goto(`${origin}/login`);
  await page.waitForSelector('#login-user');
  await checkAccessibility(page, tools.axeSource, checks, 'login');
  await screenshots(page, args.out, 'login', checks);
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

export async function run({ origin, contextFor, tools, args, checks }) {
  await checkCsv(checks);
  const secretariat = await contextFor();
  await secretariatFlow(secretariat, origin, tools, args, checks);
  await gapBoardFlow(secretariat, origin, tools, args, checks);
  await loginFailureFlow(await contextFor(), origin, checks);
}
