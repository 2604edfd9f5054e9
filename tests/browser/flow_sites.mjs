// The host nation's flow: every site in the table and on the map (crowded ones grouped), the kind
// filter followed by the map, the sites within a distance of a point or of the line of contact
// (nearest first), the API's message for a runway beyond range, an assessment recorded, and a
// candidate hub moved to "surveyed" with a lead nation and a comment.
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
  await distanceSearch(page, api, checks);
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

// Great-circle distance on the mean Earth radius, metres: the test's own measure of a site's
// distance from a point, apart from the server's.
function haversineM([lon1, lat1], [lon2, lat2]) {
  const radians = Math.PI / 180;
  const a = Math.sin(((lat2 - lat1) * radians) / 2) ** 2 +
    Math.cos(lat1 * radians) * Math.cos(lat2 * radians) * Math.sin(((lon2 - lon1) * radians) / 2) ** 2;
  return 2 * 6371008.8 * Math.asin(Math.sqrt(a));
}

// The distance filter (POST /api/v1/sites/search): candidate hubs 0-300 km from a point typed in
// are those the test measures within it, nearest first with their distance; a band from the line
// of contact keeps only sites within it; a bad band shows the API's message; "any distance" again
// lists every hub.
async function distanceSearch(page, sites, checks) {
  const kyiv = [30.5234, 50.4501];
  const hubs = sites.filter((site) => site.kind === 'candidate_hub');
  const measured = hubs.map((site) => ({ id: site.id, m: haversineM(kyiv, site.position) }));
  // Sites within 1 % of the edge are left out of the comparison: the server measures on the ellipsoid.
  const within = measured.filter((site) => site.m <= 300000 * 0.99).map((site) => site.id);
  const beyond = measured.filter((site) => site.m > 300000 * 1.01).map((site) => site.id);
  await page.fill('#site-distance-max', '300');
  await page.selectOption('#site-distance-from', 'point');
  await page.fill('#site-point-lat', String(kyiv[1]));
  await page.fill('#site-point-lon', String(kyiv[0]));
  await page.dispatchEvent('#site-point-lon', 'change');
  await page.waitForSelector('#site-distance[data-shown="point:0:300"]');
  const rows = await page.locator('tr.g-site-row').evaluateAll((items) => items.map((item) =>
    ({ id: item.dataset.site, km: Number(item.querySelector('.g-site-distance').textContent) })));
  const ids = rows.map((row) => row.id);
  checks.expect(within.length > 0 && within.every((id) => ids.includes(id)) && !beyond.some((id) => ids.includes(id)),
    `hubs within 300 km of Kyiv are listed (${ids.join(', ')}; measured within: ${within.join(', ')})`);
  checks.expect(rows.every((row, index) => index === 0 || rows[index - 1].km <= row.km) &&
    rows.every((row) => Math.abs(row.km * 1000 - measured.find((site) => site.id === row.id).m) <= 0.01 * 300000),
  `they come nearest first, each with its distance (${rows.map((row) => `${row.id} ${row.km} km`).join(', ')})`);
  const mapped = (await mapCounts(page, 'sites-map')).markers;
  checks.expect(mapped === rows.length, `the map shows the sites within the distance (${mapped} of ${rows.length})`);

  await page.fill('#site-distance-max', '100');
  await page.selectOption('#site-distance-from', 'line_of_contact');
  await page.waitForSelector('#site-distance[data-shown="line_of_contact:0:100"]');
  const fromContact = await page.locator('tr.g-site-row td.g-site-distance').allTextContents();
  checks.expect(fromContact.every((text) => Number(text) <= 100), `hubs within 100 km of the line of contact (${fromContact.join(', ')} km)`);

  checks.allowError(400, '/api/v1/sites/search');
  await page.fill('#site-distance-min', '200');
  await page.dispatchEvent('#site-distance-min', 'change');
  await page.waitForSelector('#site-distance-error:not(:empty)');
  const message = await page.locator('#site-distance-error').textContent();
  checks.expect(message.includes('from km'), `a band from 200 to 100 km is refused naming the field ("${message}")`);
  await page.fill('#site-distance-min', '0');
  await page.selectOption('#site-distance-from', '');
  await page.waitForFunction((count) => document.querySelectorAll('tr.g-site-row').length === count, hubs.length);
  checks.expect((await page.locator('tr.g-site-row').count()) === hubs.length, 'any distance lists every hub again');
}

export async function run({ origin, contextFor, tools, args, checks }) {
  await sitesFlow(await contextFor(), origin, tools, args, checks);
}
