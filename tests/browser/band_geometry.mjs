// The maps' bands (web/band_geometry.js) against an independent measure, without a browser: on
// lines with sharp and gentle turns, segments shorter and longer than the band, a closed outline
// and lone points, every sampled point nearer than the band's distance (great-circle, measured
// here from the segments) lies inside the union of the band's polygons and every point farther
// lies outside it; every ring runs clockwise, so the maps' "nonzero" fill draws the union once;
// and edgeLines leaves the map frame's sides out of a clipped area's edge.
//
//   node band_geometry.mjs        Exit codes: 0 pass, 1 a check failed.
import { readFileSync } from 'node:fs';

const source = readFileSync(new URL('../../web/band_geometry.js', import.meta.url), 'utf8');
// Imported from its text: web/ has no package.json of its own to declare ES modules to node.
const { bandPolygons, bearing, distance, edgeLines } = await import(`data:text/javascript,${encodeURIComponent(source)}`);

const RADIUS = 6371008.8;
const RADIANS = Math.PI / 180;

// Great-circle distance from p to the segment a-b: cross-track where the foot falls inside it,
// else to the nearer end.
function segmentDistance(p, a, b) {
  const d13 = distance(a, p) / RADIUS;
  const crossTrack = Math.asin(Math.sin(d13) * Math.sin((bearing(a, p) - bearing(a, b)) * RADIANS));
  const alongTrack = Math.acos(Math.min(1, Math.cos(d13) / Math.cos(crossTrack))) * RADIUS;
  const ahead = Math.cos((bearing(a, p) - bearing(a, b)) * RADIANS) >= 0;
  if (ahead && alongTrack <= distance(a, b)) return Math.abs(crossTrack) * RADIUS;
  return Math.min(distance(p, a), distance(p, b));
}

function nearest(p, { lines, points }) {
  let best = Infinity;
  for (const point of points) best = Math.min(best, distance(p, point));
  for (const line of lines) {
    if (line.length === 1) best = Math.min(best, distance(p, line[0]));
    for (let i = 0; i + 1 < line.length; i++) best = Math.min(best, segmentDistance(p, line[i], line[i + 1]));
  }
  return best;
}

// Even-odd test on one ring, in degrees (the rings' edges are a few kilometres long, where a
// straight edge in degrees and a great circle part by metres).
function inRing([lat, lon], ring) {
  let inside = false;
  for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
    const [latI, lonI] = ring[i];
    const [latJ, lonJ] = ring[j];
    if ((latI > lat) !== (latJ > lat) && lon < ((lonJ - lonI) * (lat - latI)) / (latJ - latI) + lonI) inside = !inside;
  }
  return inside;
}

// Twice the signed area with x east and y south (a north-up screen): positive is clockwise.
function clockwiseArea(ring) {
  let area = 0;
  for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) area += ring[j][1] * -ring[i][0] - ring[i][1] * -ring[j][0];
  return area;
}

// A seeded generator, so a failure is reproduced exactly.
function random(seed) {
  let state = seed >>> 0;
  return () => {
    state = (Math.imul(state, 1664525) + 1013904223) >>> 0;
    return state / 2 ** 32;
  };
}

const CASES = [
  { name: 'zigzag with 5 km segments under a 30 km band', distance_m: 30000,
    geometry: { lines: [[[48.0, 30.0], [48.03, 30.05], [47.99, 30.1], [48.05, 30.12], [48.0, 30.2], [48.2, 30.25], [48.19, 30.6]]], points: [] } },
  { name: 'closed outline with a hairpin, 50 km band at 52 N', distance_m: 50000,
    geometry: { lines: [[[52.0, 31.0], [52.5, 32.0], [52.0, 33.0], [52.45, 32.05], [51.5, 32.0], [52.0, 31.0]]], points: [] } },
  { name: 'lone points and a two-point line, 25 km', distance_m: 25000,
    geometry: { lines: [[[46.8, 29.6], [46.83, 29.48]]], points: [[47.77, 29.01], [46.84, 29.63]] } },
];

const failures = [];
for (const { name, distance_m, geometry } of CASES) {
  const polygons = bandPolygons(geometry, distance_m);
  const rings = polygons.map((polygon) => polygon[0]);
  const anticlockwise = rings.filter((ring) => clockwiseArea(ring) < 0).length;
  if (anticlockwise) failures.push(`${name}: ${anticlockwise} of ${rings.length} rings run anticlockwise`);
  const all = [...geometry.points, ...geometry.lines.flat()];
  const margin = (distance_m * 1.5) / 111000;
  const [minLat, maxLat] = [Math.min(...all.map((p) => p[0])) - margin, Math.max(...all.map((p) => p[0])) + margin];
  const [minLon, maxLon] = [Math.min(...all.map((p) => p[1])) - margin * 1.6, Math.max(...all.map((p) => p[1])) + margin * 1.6];
  const next = random(42);
  let near = 0;
  let far = 0;
  for (let sample = 0; sample < 20000; sample++) {
    const p = [minLat + next() * (maxLat - minLat), minLon + next() * (maxLon - minLon)];
    const measured = nearest(p, geometry);
    const inside = rings.some((ring) => inRing(p, ring));
    // Arcs are chords of 1/32 of a turn: up to 0.5 % inside the true circle.
    if (measured < distance_m * 0.994 && !inside) failures.push(`${name}: [${p}] is ${measured.toFixed(0)} m away but outside the band`);
    if (measured > distance_m * 1.001 && inside) failures.push(`${name}: [${p}] is ${measured.toFixed(0)} m away but inside the band`);
    if (measured < distance_m) near += 1;
    else far += 1;
  }
  if (near < 1000 || far < 1000) failures.push(`${name}: the samples do not test both sides (${near} near, ${far} far)`);
  console.log(`${name}: ${polygons.length} polygons, ${rings.flat().length} points; ${near} samples inside, ${far} outside`);
}
// edgeLines: an area clipped to a map frame (west 30, east 40) keeps its own edges, as [lat, lon]
// lines, and drops the runs along the frame's sides: what the line of contact is measured from.
const clipped = [[[[30, 47], [33, 46], [36, 47.5], [40, 47], [40, 49], [35, 50], [30, 49], [30, 47]]]];
const edges = JSON.stringify(edgeLines(clipped));
const expectedEdges = JSON.stringify([[[47, 30], [46, 33], [47.5, 36], [47, 40]], [[49, 40], [50, 35], [49, 30]]]);
if (edges !== expectedEdges) failures.push(`edgeLines of a clipped area: got ${edges}; expected ${expectedEdges}`);
else console.log('edgeLines: the frame\'s sides are left out of a clipped area\'s edge');

for (const failure of failures.slice(0, 20)) console.error(`FAIL: ${failure}`);
if (failures.length > 20) console.error(`... and ${failures.length - 20} more`);
if (failures.length === 0) console.log('PASS: band geometry');
process.exit(failures.length === 0 ? 0 : 1);
