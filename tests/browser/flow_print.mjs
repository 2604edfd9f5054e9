// Every page printed on A4: with a week open, a plan made and the fixture's reports verified
// (through the API), the secretariat opens each page, which is then laid out as print lays it
// out - print media, at the width A4 leaves between the margins of app.css's @page (210 mm less
// 2 x 12 mm) - and checked: no element reaches past the printable width and no box cuts off
// content it would scroll on screen, the navigation and the buttons are gone, every map and
// table shown on screen is still there (maps with their drawing), and where colour carries
// meaning (maps, outcome and status marks, timeline, Gantt chart, the ILLUSTRATIVE banner) the
// print keeps it (print-color-adjust: exact; browsers otherwise leave out backgrounds). Each page
// is also printed to an A4 PDF and a screenshot of the print layout, kept with the other
// screenshots (<page>-print-A4.pdf, <page>-print-A4.png).
import { mkdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { apiCall, logIn, runJob, screenshotInk, uploadAndVerify } from './workspace_harness.mjs';

// A4 less the @page margins of web/app.css (12 mm each side), in CSS pixels (96 per inch).
const MM = 96 / 25.4;
const PRINT_WIDTH = Math.floor((210 - 2 * 12) * MM);
const PRINT_HEIGHT = Math.floor((297 - 2 * 14) * MM);
const REPORT_FILE = new URL('../fixtures/verify/reports_guarantor.csv', import.meta.url);

// Each page with the element that proves it drew its content.
const PRINTED_PAGES = [
  ['home', '/', 'tr.g-agenda-row'],
  ['pledges', '/pledges', 'tr.g-pledge-row'],
  ['gaps', '/gaps', 'tr.g-gap-row'],
  ['sites', '/sites', '#sites-map .leaflet-marker-icon'],
  ['plans', '/plans', '#plan-map .leaflet-marker-icon'],
  ['monitoring', '/monitoring', '#monitoring-map .leaflet-marker-icon'],
  ['brief', '/brief', '#brief-week'],
  ['users', '/users', 'tr.g-user-row'],
  ['account', '/account', '#account-who'],
];
// Where colour tells something: the maps, the outcome and status marks, the charts, the banner.
const COLOURED = ['.g-map', '.g-map-legend', '.g-status', '.g-outcome-violation', '.g-outcome-undetermined', '.g-outcome-no_violation',
  '.g-timeline', '.g-gantt', '.g-illustrative'];

// What the page shows as laid out now: visible tables and maps, and the elements in the way.
function layout({ coloured }) {
  const width = document.documentElement.clientWidth;
  const shown = (element) => element.getClientRects().length > 0 && getComputedStyle(element).visibility !== 'hidden';
  const name = (element) => `${element.tagName.toLowerCase()}${element.id ? `#${element.id}` : ''}${[...element.classList].map((c) => `.${c}`).join('')}`;
  const overflowing = [];
  const walk = (element) => {
    const style = getComputedStyle(element);
    if (style.display === 'none') return;
    const rect = element.getBoundingClientRect();
    if (rect.width > 0 && (rect.right > width + 1 || rect.left < -1)) overflowing.push(`${name(element)} spans ${rect.left.toFixed(0)}..${rect.right.toFixed(0)} px`);
    // A box that scrolls on screen cuts its content off on paper.
    if (['auto', 'scroll'].includes(style.overflowX) && element.scrollWidth > element.clientWidth + 1)
      overflowing.push(`${name(element)} cuts off ${element.scrollWidth - element.clientWidth} px of its content`);
    // Clipped content (the map's panes) is drawn inside its box: the box is what counts.
    if (style.overflowX !== 'visible') return;
    for (const child of element.children) walk(child);
  };
  walk(document.body);
  const colourLost = [];
  for (const selector of coloured) {
    for (const element of document.querySelectorAll(selector)) {
      if (!shown(element)) continue;
      const style = getComputedStyle(element);
      const adjust = style.getPropertyValue('print-color-adjust') || style.getPropertyValue('-webkit-print-color-adjust');
      if (adjust !== 'exact') colourLost.push(`${name(element)} (${adjust})`);
    }
  }
  const maps = [...document.querySelectorAll('.g-map')].filter(shown);
  return {
    width,
    pageOverflow: document.documentElement.scrollWidth - document.documentElement.clientWidth,
    overflowing: overflowing.slice(0, 8),
    overflowCount: overflowing.length,
    colourLost: [...new Set(colourLost)].slice(0, 8),
    tables: [...document.querySelectorAll('table')].filter(shown).length,
    maps: maps.map((map) => ({ id: map.id, height: map.getBoundingClientRect().height, paths: map.querySelectorAll('path').length,
      markers: map.querySelectorAll('.leaflet-marker-icon').length })),
    // Buttons are controls, but for the links that name a row (an incident's id), which print as text.
    visible: ['#nav', '.g-who', '.g-skip', 'button:not(.g-link)', '.g-toolbar', '.g-button-link'].filter((selector) =>
      [...document.querySelectorAll(selector)].some(shown)),
  };
}

async function checkPrint(page, origin, label, url, proof, out, checks) {
  await page.setViewportSize({ width: 1366, height: 768 });
  await page.emulateMedia({ media: 'screen' });
  await page.goto(`${origin}${url}`);
  await page.waitForSelector('body[data-ready="true"]');
  await page.waitForSelector(proof, { timeout: 30000 });
  await page.waitForFunction(() => !document.querySelector('[aria-busy="true"]'));
  const screen = await page.evaluate(layout, { coloured: COLOURED });
  await page.emulateMedia({ media: 'print' });
  await page.setViewportSize({ width: PRINT_WIDTH, height: PRINT_HEIGHT });
  // The maps follow the new size (Leaflet redraws on resize) before the print is read.
  await page.evaluate(() => new Promise((resolve) => setTimeout(() => requestAnimationFrame(() => requestAnimationFrame(resolve)), 300)));
  const print = await page.evaluate(layout, { coloured: COLOURED });
  const where = `${label} printed on A4 (${print.width} px between the margins)`;
  checks.expect(print.pageOverflow <= 0 && print.overflowCount === 0,
    `${where}: nothing may reach past the printable width (page ${print.pageOverflow} px wider; ${print.overflowCount} elements: ${print.overflowing.join('; ')})`);
  checks.expect(print.visible.length === 0, `${where}: navigation and controls are left out (still shown: ${print.visible.join(', ')})`);
  checks.expect(print.tables >= screen.tables, `${where}: every table is kept (${print.tables} of the ${screen.tables} on screen)`);
  checks.expect(print.maps.length === screen.maps.length && print.maps.every((map, index) => map.height > 200 && map.paths > 0 &&
    map.markers >= Math.min(1, screen.maps[index].markers)),
  `${where}: every map is kept with its drawing (${JSON.stringify(print.maps)} against ${JSON.stringify(screen.maps)} on screen)`);
  checks.expect(print.colourLost.length === 0, `${where}: colours that carry meaning print as shown (print-color-adjust not exact on ${print.colourLost.join(', ')})`);
  mkdirSync(out, { recursive: true });
  const png = path.join(out, `${label}-print-A4.png`);
  const ink = await screenshotInk(page, await page.screenshot({ path: png, fullPage: true }));
  checks.expect(ink.inked >= 0.002 && ink.colours >= 8, `${png} is blank: ${(ink.inked * 100).toFixed(2)} % drawn, ${ink.colours} colours`);
  const pdf = path.join(out, `${label}-print-A4.pdf`);
  await page.pdf({ path: pdf, format: 'A4', preferCSSPageSize: true });
  const head = readFileSync(pdf).subarray(0, 5).toString();
  checks.expect(head === '%PDF-', `${pdf} is a PDF (${head})`);
  await page.emulateMedia({ media: 'screen' });
  await page.setViewportSize({ width: 1366, height: 768 });
}

export async function run({ origin, contextFor, args, checks }) {
  const context = await contextFor();
  const page = await context.newPage();
  // The login page first, logged out.
  await page.goto(`${origin}/login`);
  await page.waitForSelector('#login-user');
  await checkPrint(page, origin, 'login', '/login', '#login-user', args.out, checks);
  await logIn(page, origin, 'sec', '/');
  const week = await apiCall(page, 'POST', '/weeks', { starts_on: '2026-11-30' });
  if (week.status !== 201) throw new Error(`the week was not opened: HTTP ${week.status}`);
  await runJob(page, { kind: 'plan' });
  await uploadAndVerify(page, 'reports_guarantor.csv', readFileSync(REPORT_FILE, 'utf8'));
  for (const [label, url, proof] of PRINTED_PAGES) await checkPrint(page, origin, label, url, proof, args.out, checks);
  await page.close();
}
