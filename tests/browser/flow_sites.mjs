// The host nation's flow: every site in the table and on the map (crowded ones grouped), the kind
// filter followed by the map, the API's message for a runway beyond range, an assessment
// recorded, and a candidate hub moved to "surveyed" with a lead nation and a comment.
import { checkAccessibility, logIn, mapCounts, screenshots } from './workspace_harness.mjs';

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

export async function run({ origin, contextFor, tools, args, checks }) {
  await sitesFlow(await contextFor(), origin, tools, args, checks);
}
