// A national liaison's flow (Denmark): France shares only totals, so Denmark sees no French
// pledge and is refused FR-1; the API's field message for a bad quantity; a caveat added to DK-1
// with its effect previewed before saving and its history after; the liaison's gap board has a
// row per line and names no French pledge; the secretariat's gap board then shows the line DK-1
// filled as missing.
import { DK_LINE, checkAccessibility, lineStatus, logIn, screenshots, xlsxDownload } from './workspace_harness.mjs';

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
  checks.expect(nav.includes('Gap board'), 'a liaison is offered the gap board');
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
  const board = await page.evaluate(async () => (await (await fetch('/api/v1/gap-board')).json()));
  const lines = board.phases.reduce((count, phase) => count + phase.lines.length, 0);
  checks.expect((await page.locator('tr.g-gap-row').count()) === lines, `the liaison's gap board has the API's ${lines} line rows`);
  checks.expect(!/FR-\d/.test(await page.locator('main').textContent()), 'the liaison\'s gap board names no French pledge');
  await page.close();
}

export async function run({ origin, contextFor, tools, args, checks }) {
  const secretariat = await contextFor();
  const page = await secretariat.newPage();
  await logIn(page, origin, 'sec', '/gaps');
  checks.expect(await lineStatus(page, origin, DK_LINE) === 'partial', `${DK_LINE.id} starts partly covered`);
  checks.expect(await franceSharesTotals(page), 'the secretariat sets France to share only totals');
  await liaisonFlow(await contextFor(), origin, tools, args, checks);
  const after = await lineStatus(page, origin, DK_LINE);
  checks.expect(after === 'missing', `after DK-1's new caveat the gap board shows ${DK_LINE.id} missing (got ${after})`);
}
