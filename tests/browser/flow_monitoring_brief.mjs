// The monitor's flow and the weekly brief: with week 1 closed and week 2 open, and DK-1's new
// caveat, the monitor uploads a report file, verifies it with the job's progress, reads, filters
// and exports the findings, drills down from map and table to the reports, and publishes (an
// observer then reads the published version); the secretariat closes week 2, reads its brief
// (DK-1 changed, R-LAND-2 worse, the findings new per provision and party, ILLUSTRATIVE) and
// downloads the server's PDF, read back with pdftotext and pdfinfo.
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { execFileSync } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { DK_LINE, addDenmarkPeaceDealCaveat, apiCall, checkAccessibility, logIn, mapCounts, screenshots, xlsxDownload } from './workspace_harness.mjs';

// The monitor uploads a report file (one row of it rejected, shown with its line), verifies it
// with the job's progress, reads the findings the API stored (every test and claim shown),
// filters them, saves the CSV and publishes; an observer then reads that published version only.
const REPORT_FILE = new URL('../fixtures/verify/reports_guarantor.csv', import.meta.url);
// The findings table reads its rows from the API after each change of the filters; it is
// aria-busy until they are drawn.
const findingsSettled = (page) => page.waitForSelector('#findings-table[aria-busy="false"]');

async function monitoringFlow(context, origin, tools, args, checks) {
  const page = await context.newPage();
  await logIn(page, origin, 'monitor', '/monitoring');
  checks.expect((await page.locator('h1').textContent()) === 'Monitoring', 'the monitor opens the monitoring page');
  await page.setInputFiles('#report-file', path.join(fileURLToPath(REPORT_FILE)));
  await page.click('text=Upload the report file');
  await page.waitForSelector('tr.g-report-file-row');
  const stored = await page.locator('#upload-status').textContent();
  checks.expect(/Stored reports_guarantor\.csv as report file 1: 3 reports read, 6 rejected/.test(stored), `the upload is reported ("${stored}")`);
  checks.expect((await page.locator('#upload-rejections li').first().textContent()).startsWith('reports_guarantor.csv:5: date'),
    'a rejected row is shown with its file and line');

  await page.evaluate(() => {
    window.progressTexts = [];
    const label = document.getElementById('verify-progress-label');
    new MutationObserver(() => window.progressTexts.push(label.textContent)).observe(label, { childList: true, characterData: true, subtree: true });
  });
  await page.click('#run-verify');
  await page.waitForSelector('#verify-progress-label:has-text("Findings version 1 is stored")', { timeout: 60000 });
  const texts = await page.evaluate(() => window.progressTexts);
  checks.expect(texts.some((text) => /steps/.test(text)), `the page showed the verify job's progress (${texts.join(' / ')})`);
  const bar = await page.evaluate(() => [document.getElementById('verify-progress').value, document.getElementById('verify-progress').max]);
  checks.expect(bar[0] === bar[1] && bar[1] > 1, `the verify progress bar ends full (${bar[0]} of ${bar[1]})`);

  await findingsSettled(page);
  const api = await page.evaluate(async () => (await fetch('/api/v1/findings/1')).json());
  const findings = api.findings.findings;
  checks.expect((await page.locator('tr.g-finding-row').count()) === findings.length && findings.length > 0,
    `every finding is listed (${findings.length})`);
  checks.expect((await page.locator('#g-illustrative').count()) === 1, 'findings graded with the example registry carry the ILLUSTRATIVE banner');
  const violation = findings.find((finding) => finding.outcome === 'violation');
  if (checks.expect(violation, 'the sample reports give a violation')) {
    const row = page.locator(`tr.g-finding-row[data-incident="${violation.incident}"][data-provision="${violation.provision}"]`);
    const text = await row.textContent();
    checks.expect(violation.tests.every((test) => text.includes(test.reason)) && text.includes(violation.grade.code) &&
      Object.keys(violation.claims).every((party) => text.includes(`${party}: `)),
    `the violation's row shows every test's reason, the grade and each party's claims ("${text.slice(0, 200)}")`);
    checks.expect((await page.locator('tr.g-finding-row').first().getAttribute('data-outcome')) === 'violation', 'violations are listed first');
  }
  await monitoringMapAndCharts(page, findings, checks);
  await page.selectOption('#filter-outcome', 'no_violation');
  await findingsSettled(page);
  const noViolation = findings.filter((finding) => finding.outcome === 'no_violation').length;
  checks.expect((await page.locator('tr.g-finding-row').count()) === noViolation, `the outcome filter shows the ${noViolation} findings of no violation`);
  await page.selectOption('#filter-party', 'RU');
  await findingsSettled(page);
  const ruNoViolation = findings.filter((finding) => finding.outcome === 'no_violation' && 'RU' in finding.claims).length;
  checks.expect((await page.locator('tr.g-finding-row').count()) === ruNoViolation, `with party RU, ${ruNoViolation} rows`);
  const ruIncidents = new Set(findings.filter((finding) => finding.outcome === 'no_violation' && 'RU' in finding.claims && finding.position).map((finding) => finding.incident)).size;
  const ruDrawn = (await mapCounts(page, 'monitoring-map')).markers;
  checks.expect(ruDrawn === ruIncidents, `the map follows the filters (${ruDrawn} incidents drawn of ${ruIncidents})`);
  await page.selectOption('#filter-party', '');
  await page.selectOption('#filter-outcome', '');
  await findingsSettled(page);
  const grade = findings[0].grade.code;
  await page.selectOption('#filter-grade', grade);
  await findingsSettled(page);
  const graded = findings.filter((finding) => finding.grade.code === grade).length;
  checks.expect((await page.locator('tr.g-finding-row').count()) === graded, `the grade filter ${grade} shows ${graded} rows`);
  await page.selectOption('#filter-grade', '');
  await findingsSettled(page);
  await page.fill('#filter-from', '2025-03-21');
  await page.dispatchEvent('#filter-from', 'change');
  await findingsSettled(page);
  const fromDay = findings.filter((finding) => finding.date >= '2025-03-21').length;
  checks.expect((await page.locator('tr.g-finding-row').count()) === fromDay, `from 2025-03-21, ${fromDay} rows`);
  const [download] = await Promise.all([page.waitForEvent('download'), page.click('#findings-csv')]);
  const csv = readFileSync(await download.path(), 'utf8').trimEnd().split('\r\n');
  checks.expect(csv[0].startsWith('findings_version,incident,date,provision,outcome') && csv.length === fromDay + 1 &&
    csv.slice(1).every((line) => line.endsWith(',ILLUSTRATIVE')), `the findings CSV has the rows shown, each labelled ILLUSTRATIVE (${csv.length - 1})`);
  const workbook = await xlsxDownload(page, '#findings-xlsx', checks, 'findings-1-ILLUSTRATIVE.xlsx');
  const incidentCount = new Set(findings.map((finding) => finding.incident)).size;
  checks.expect(workbook.rows(1) === findings.length + 1 && workbook.rows(2) === incidentCount + 1,
    `the findings workbook has every finding (${workbook.rows(1) - 1}) and incident (${workbook.rows(2) - 1} of ${incidentCount})`);
  // The version's incidents as their own CSV and workbook, made by the server: a row per incident.
  const [incidentDownload] = await Promise.all([page.waitForEvent('download'), page.click('#incidents-csv')]);
  const incidentRows = readFileSync(await incidentDownload.path(), 'utf8').trimEnd().split('\r\n');
  checks.expect(incidentDownload.suggestedFilename() === 'incidents-1-ILLUSTRATIVE.csv' &&
    incidentRows[0].startsWith('findings_version,incident,date,longitude,latitude') && incidentRows.length === incidentCount + 1 &&
    incidentRows.slice(1).every((line) => line.endsWith(',no,ILLUSTRATIVE')),
  `the incidents CSV (${incidentDownload.suggestedFilename()}) has a row per incident, unpublished and labelled ILLUSTRATIVE (${incidentRows.length - 1} of ${incidentCount})`);
  const incidentWorkbook = await xlsxDownload(page, '#incidents-xlsx', checks, 'incidents-1-ILLUSTRATIVE.xlsx');
  checks.expect(incidentWorkbook.rows(1) === incidentCount + 1, `the incidents workbook has a row per incident (${incidentWorkbook.rows(1) - 1} of ${incidentCount})`);
  await checkAccessibility(page, tools.axeSource, checks, 'monitoring (monitor)');
  await screenshots(page, args.out, 'monitoring', checks);
  await page.click('text=Publish findings version 1');
  await page.waitForSelector('tr.g-findings-version-row[data-version="1"]:has-text("published")');
  await page.close();

  const observer = await context.browser().newContext({ viewport: { width: 1366, height: 768 } });
  await checks.watch(observer, origin);
  const other = await observer.newPage();
  await logIn(other, origin, 'observer', '/monitoring');
  await findingsSettled(other);
  checks.expect((await other.locator('tr.g-findings-version-row').count()) === 1, 'an observer reads the published findings version');
  checks.expect((await other.locator('#report-file').count()) === 0 && (await other.locator('#run-verify').count()) === 0,
    'an observer can neither upload nor verify');
  checks.expect((await other.locator('tr.g-finding-row').count()) === findings.length, 'the observer sees the published findings');
  await checkAccessibility(other, tools.axeSource, checks, 'monitoring (observer)');
  await observer.close();
}

// Whether [lon, lat] lies in a GeoJSON multipolygon's coordinates (even-odd over every ring, so
// holes count out): the test's own answer, apart from the server's.
function insideParts(parts, [lon, lat]) {
  let inside = false;
  for (const ring of parts.flat()) {
    for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
      const [xi, yi] = ring[i];
      const [xj, yj] = ring[j];
      if ((yi > lat) !== (yj > lat) && lon < ((xj - xi) * (lat - yi)) / (yj - yi) + xi) inside = !inside;
    }
  }
  return inside;
}

// Incidents in an oblast chosen from the list (POST /api/v1/findings/{id}/incidents/search): the
// rows are the incidents the test finds inside the oblast's outline in the theatre file, and a
// row opens the incident's drill-down; the map's view as the area lists the incidents on the map.
async function incidentsInArea(page, findings, checks) {
  const theatre = await page.evaluate(async () => (await fetch('/assets/theatre.json')).json());
  const positions = new Map(findings.filter((finding) => finding.position).map((finding) => [finding.incident, finding.position]));
  const region = theatre.regions.find((candidate) => [...positions.values()].some((position) => insideParts(candidate.coords, position)));
  if (!checks.expect(region, 'an incident of the sample lies in an oblast of the theatre')) return;
  const expected = [...positions].filter(([, position]) => insideParts(region.coords, position)).map(([incident]) => incident).sort();
  await page.selectOption('#area-choice', region.iso);
  await page.click('#area-search');
  await page.waitForSelector('#area-headline:not(:empty)');
  const listed = (await page.locator('tr.g-area-row').evaluateAll((rows) => rows.map((row) => row.dataset.incident))).sort();
  const headline = await page.locator('#area-headline').textContent();
  checks.expect(listed.length === expected.length && listed.every((incident, index) => incident === expected[index]) &&
    headline.startsWith(`${expected.length} incident`) && headline.includes(region.iso),
  `the incidents in ${region.name} are those inside its outline (${listed.join(', ')} of ${expected.join(', ')}; "${headline}")`);
  await page.click(`tr.g-area-row[data-incident="${expected[0]}"] button`);
  await page.waitForSelector(`#incident-detail:has-text("${expected[0]}")`);
  checks.expect(true, `an incident of the area opens its drill-down (${expected[0]})`);

  // The map's view as the area: the incidents whose markers lie inside the map's frame.
  await page.selectOption('#area-choice', 'view');
  await page.click('#area-search');
  await page.waitForSelector('#area-headline:has-text("the area the map shows now")');
  const inView = await page.locator('tr.g-area-row').count();
  const shown = await page.evaluate(() => {
    const frame = document.getElementById('monitoring-map').getBoundingClientRect();
    return [...document.querySelectorAll('#monitoring-map .leaflet-marker-pane .leaflet-marker-icon')].reduce((sum, marker) => {
      const box = marker.getBoundingClientRect();
      const [x, y] = [box.left + box.width / 2, box.top + box.height / 2];
      const inside = x >= frame.left && x <= frame.right && y >= frame.top && y <= frame.bottom;
      return sum + (inside ? (marker.classList.contains('g-map-cluster') ? Number(marker.textContent) : 1) : 0);
    }, 0);
  });
  checks.expect(inView > 0 && inView === shown, `the map's view lists the incidents it shows (${inView} listed, ${shown} in the map's frame)`);
}

// The monitoring page's map (theatre, line of contact, the agreement's bands, an incident per
// marker), the drill-down from an incident to its reports and their stored rows, the timeline per
// provision and party, and the accusations of each side side by side, all from the API's findings.
async function monitoringMapAndCharts(page, findings, checks) {
  const incidents = new Set(findings.filter((finding) => finding.position).map((finding) => finding.incident));
  const drawn = await mapCounts(page, 'monitoring-map');
  checks.expect(drawn.countries >= 5 && drawn.regions >= 24 && drawn.occupied === 2 && drawn.bands >= 4 && drawn.markers === incidents.size,
    `the monitoring map draws the theatre, the occupied area and line of contact, the agreement's bands and every incident (${JSON.stringify(drawn)}, ${incidents.size} incidents)`);
  const legend = await page.locator('#monitoring-map-legend li').allTextContents();
  checks.expect(legend.some((text) => text.startsWith('line of contact')) && legend.some((text) => text.includes('buffer')),
    `the map's legend names the line of contact and the buffer zone (${legend.join(' | ')})`);

  await incidentsInArea(page, findings, checks);
  const violation = findings.find((finding) => finding.outcome === 'violation');
  if (violation) {
    await page.click(`tr.g-finding-row[data-incident="${violation.incident}"] button`);
    // The area step above left another incident's detail open: wait for this one's, which the
    // page draws (and focuses) only once the API has answered.
    await page.waitForSelector(`#incident-detail-title:text-is("Incident ${violation.incident}")`);
    const reports = [...new Set(violation.sources.map((source) => source.report))];
    const listed = await page.locator('li.g-incident-report').evaluateAll((items) => items.map((item) => item.dataset.report));
    checks.expect(listed.length === reports.length && reports.every((report) => listed.includes(report)),
      `incident ${violation.incident} lists its reports (${listed.join(', ')} of ${reports.join(', ')})`);
    await page.waitForSelector('li.g-incident-report pre.g-report-row:not([hidden])');
    const row = await page.locator(`li.g-incident-report[data-report="${reports[0]}"] pre`).textContent();
    // A report's id is its format and the file's own id ("guarantor_csv:g2"); the row begins with the latter.
    checks.expect(row.startsWith(`${reports[0].split(':').pop()},`), `${reports[0]}'s row is read from the stored file ("${row.slice(0, 60)}")`);
    // The same incident may be the one left open, so its title alone does not prove the redraw:
    // the focus, taken by the click, comes back to the detail when it is drawn again.
    const focused = await page.waitForFunction(() => document.activeElement?.id === 'incident-detail', null, { timeout: 15000 })
      .then(() => true, () => false);
    checks.expect(focused, 'opening an incident moves focus to its detail');
  }
  const marker = page.locator('#monitoring-map .leaflet-marker-icon.g-map-incident').first();
  const markerTitle = await marker.getAttribute('title');
  await marker.click();
  const opened = await page.locator('#incident-detail-title').textContent();
  checks.expect(markerTitle.startsWith(`${opened},`), `a marker opens its incident ("${opened}" from "${markerTitle}")`);

  const partiesOf = (finding) => (Object.keys(finding.claims).length ? Object.keys(finding.claims) : ['independent']);
  const pairs = new Set(findings.filter((finding) => finding.date).flatMap((finding) => partiesOf(finding).map((party) => `${finding.provision}/${party}`)));
  checks.expect((await page.locator('#monitoring-timeline .g-timeline-row').count()) === pairs.size,
    `the timeline has a row per provision and party (${pairs.size})`);
  const provisions = new Set(findings.map((finding) => finding.provision));
  checks.expect((await page.locator('tr.g-accusation-row').count()) === provisions.size, `the accusations table has a row per provision (${provisions.size})`);
  const accused = findings.find((finding) => Object.values(finding.claims).some((claim) => Object.keys(claim.claimed_actors ?? {}).length));
  if (checks.expect(accused, 'a report names an actor')) {
    const [party, claim] = Object.entries(accused.claims).find(([, value]) => Object.keys(value.claimed_actors ?? {}).length);
    const cell = await page.locator(`tr.g-accusation-row[data-provision="${accused.provision}"] td[data-party="${party}"]`).textContent();
    const actor = Object.keys(claim.claimed_actors)[0];
    checks.expect(cell.includes(`names as actor: ${actor}`), `${party}'s column names ${actor} for ${accused.provision} ("${cell}")`);
  }
}

async function briefFlow(context, origin, tools, args, checks) {
  const page = await context.newPage();
  page.on('dialog', (dialog) => dialog.accept());
  await page.goto(`${origin}/`);
  await page.waitForSelector('#close-week');
  await page.click('#close-week');
  await page.waitForSelector('h1:has-text("Week 2"):has-text("(closed)")');
  await page.goto(`${origin}/brief?week=2`);
  await page.waitForSelector('body[data-ready="true"]');
  checks.expect((await page.locator('h1').textContent()).startsWith('Weekly brief: week 2'), 'the brief of week 2 opens');
  const denmark = await page.locator('tr.g-brief-nation:has(th:text-is("DK"))').textContent().catch(() => '');
  checks.expect(denmark.includes('DK-1'), `the brief lists DK-1 among Denmark's changed pledges ("${denmark}")`);
  const line = await page.locator(`tr.g-brief-gap[data-line="${DK_LINE.id}"]`).textContent().catch(() => '');
  checks.expect(line.includes('worse'), `the brief shows ${DK_LINE.id} worse ("${line}")`);
  checks.expect((await page.locator('#g-illustrative').count()) === 1, 'the brief carries the ILLUSTRATIVE banner');
  // The findings published in the week (the monitor's version 1), per provision and party, each
  // new against week 1's close, which knew none.
  const week = await page.evaluate(async () => (await (await fetch('/api/v1/weeks/2')).json()).since_last_close.findings);
  const findingRows = await page.locator('tr.g-brief-finding').allTextContents();
  checks.expect(week.new_versions.length === 1 && week.by_provision_and_party.length > 0 &&
    findingRows.length === week.by_provision_and_party.length && findingRows.every((row) => row.endsWith('new')),
  `the brief lists the new findings per provision and party (${findingRows.length} rows of ${week.by_provision_and_party.length})`);
  const violated = week.by_provision_and_party.find((row) => row.after?.violation);
  if (checks.expect(violated, 'a provision was violated in the week\'s findings')) {
    const row = await page.locator(`tr.g-brief-finding[data-provision="${violated.provision}"][data-party="${violated.party}"]`).textContent();
    checks.expect(row.includes(`${violated.after.violation} violation`), `${violated.provision} (${violated.party}) shows its violations ("${row}")`);
  }
  await checkAccessibility(page, tools.axeSource, checks, 'weekly brief');
  await screenshots(page, args.out, 'brief', checks);
  // The secretariat downloads the server's print of the brief (GET /api/v1/weeks/2/brief.pdf).
  const [download] = await Promise.all([page.waitForEvent('download', { timeout: 60000 }), page.click('text=Download as PDF')]);
  const pdf = readFileSync(await download.path());
  writeFileSync(path.join(args.out, 'brief-week2.pdf'), pdf);
  checks.expect(download.suggestedFilename() === 'brief-week-2-ILLUSTRATIVE.pdf', `the PDF is named for the week and labelled (${download.suggestedFilename()})`);
  checks.expect(pdf.subarray(0, 5).toString() === '%PDF-' && pdf.length > 10000, `the brief downloads as a PDF (${pdf.length} bytes)`);
  // The printed brief read back (poppler-utils, installed by scripts/setup.sh): its headline,
  // the banner at the head of each page and "Page n of m" at the foot, m being the page count.
  if (checks.expect(existsSync('/usr/bin/pdftotext'), 'pdftotext is installed (scripts/setup.sh installs poppler-utils)')) {
    const file = path.join(args.out, 'brief-week2.pdf');
    const text = execFileSync('/usr/bin/pdftotext', ['-layout', file, '-'], { encoding: 'utf8' });
    const pages = Number(/Pages:\s+(\d+)/.exec(execFileSync('/usr/bin/pdfinfo', [file], { encoding: 'utf8' }))?.[1]);
    const counts = await page.evaluate(async () => (await (await fetch('/api/v1/weeks/2')).json()).since_last_close.gap_counts);
    const figures = `missing ${counts.before.missing} → ${counts.after.missing}`;
    checks.expect(text.includes('Weekly brief: week 2') && text.includes(figures), `the PDF carries the headline figures ("${figures}")`);
    checks.expect(text.includes('New findings by provision and party') && text.includes(`${week.new_versions[0].findings} finding${week.new_versions[0].findings === 1 ? '' : 's'} newly published`),
      `the PDF carries the new findings (${week.new_versions[0].findings})`);
    const banners = (text.match(/^\s*ILLUSTRATIVE\s*$/gm) ?? []).length;
    const footers = [...text.matchAll(/Page (\d+) of (\d+)/g)];
    checks.expect(pages >= 1 && banners === pages && footers.length === pages && footers.every((m) => Number(m[2]) === pages),
      `every one of the PDF's ${pages} pages has the banner (${banners}) and "Page n of ${pages}" (${footers.length})`);
  }
  await page.close();
}

// Week 1 opened and closed, week 2 opened, through the API (flow_week_cycle.mjs drives the same
// on the home page).
async function openWeeks(page) {
  for (const [number, starts] of [[1, '2026-11-30'], [2, '2026-12-07']]) {
    const opened = await apiCall(page, 'POST', '/weeks', { starts_on: starts });
    if (opened.status !== 201 && opened.status !== 200) throw new Error(`week ${number} was not opened (HTTP ${opened.status})`);
    if (number === 2) break;
    const { etag } = await apiCall(page, 'GET', `/weeks/${number}`);
    const closed = await apiCall(page, 'POST', `/weeks/${number}/close`, undefined, { 'If-Match': etag });
    if (closed.status !== 200) throw new Error(`week ${number} was not closed (HTTP ${closed.status})`);
  }
}

export async function run({ origin, contextFor, tools, args, checks }) {
  const secretariat = await contextFor();
  const page = await secretariat.newPage();
  await logIn(page, origin, 'sec', '/');
  await openWeeks(page);
  await addDenmarkPeaceDealCaveat(page);
  await page.close();
  await monitoringFlow(await contextFor(), origin, tools, args, checks);
  await briefFlow(secretariat, origin, tools, args, checks);
}
