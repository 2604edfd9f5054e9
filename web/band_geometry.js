// Bands as areas on the Earth: every point within a distance of some lines or points, as polygons
// whose union is the band. Computed on the sphere (great circles on the mean radius, within
// 0.5 % of the WGS84 ellipsoid's geodesics), so a band is as wide at 52 degrees north as at 44,
// where a width in screen pixels would follow the Mercator scale (8 % apart across Ukraine).
// Positions are [lat, lon] in degrees, as Leaflet takes them.

// IUGG mean Earth radius, metres.
const EARTH_RADIUS_M = 6371008.8;
const RADIANS = Math.PI / 180;
// Points on a full circle: the chord of 1/32 of a turn falls 0.5 % of the radius inside the arc.
export const CIRCLE_STEPS = 32;
// Longest segment drawn as one quadrilateral: its straight offset edge then stays within metres
// of the true equidistant curve; longer ones are cut along their great circle.
const MAX_SEGMENT_M = 20000;
// A turn whose wedge is narrower than this at its arc leaves no gap anyone could see.
const MIN_WEDGE_M = 1;

/// The point `distanceM` metres from `from` along the great circle leaving it at `bearingDeg`
/// (clockwise from north).
export function destination([lat, lon], bearingDeg, distanceM) {
  const phi = lat * RADIANS;
  const theta = bearingDeg * RADIANS;
  const delta = distanceM / EARTH_RADIUS_M;
  const sinPhi2 = Math.sin(phi) * Math.cos(delta) + Math.cos(phi) * Math.sin(delta) * Math.cos(theta);
  const phi2 = Math.asin(Math.min(1, Math.max(-1, sinPhi2)));
  const lambda = Math.atan2(Math.sin(theta) * Math.sin(delta) * Math.cos(phi), Math.cos(delta) - Math.sin(phi) * sinPhi2);
  return [phi2 / RADIANS, lon + lambda / RADIANS];
}

/// Initial bearing of the great circle from `from` to `to`, degrees clockwise from north.
export function bearing([lat1, lon1], [lat2, lon2]) {
  const phi1 = lat1 * RADIANS;
  const phi2 = lat2 * RADIANS;
  const dLambda = (lon2 - lon1) * RADIANS;
  const y = Math.sin(dLambda) * Math.cos(phi2);
  const x = Math.cos(phi1) * Math.sin(phi2) - Math.sin(phi1) * Math.cos(phi2) * Math.cos(dLambda);
  return Math.atan2(y, x) / RADIANS;
}

/// Great-circle distance in metres (haversine).
export function distance([lat1, lon1], [lat2, lon2]) {
  const dPhi = (lat2 - lat1) * RADIANS;
  const dLambda = (lon2 - lon1) * RADIANS;
  const a = Math.sin(dPhi / 2) ** 2 + Math.cos(lat1 * RADIANS) * Math.cos(lat2 * RADIANS) * Math.sin(dLambda / 2) ** 2;
  return 2 * EARTH_RADIUS_M * Math.asin(Math.min(1, Math.sqrt(a)));
}

// The arc around `centre` from bearing `fromDeg` clockwise to `toDeg` (toDeg >= fromDeg), its
// end points included, with a point at least every 1/CIRCLE_STEPS of a turn.
function arc(centre, fromDeg, toDeg, radiusM) {
  const steps = Math.max(1, Math.ceil(((toDeg - fromDeg) / 360) * CIRCLE_STEPS));
  const points = [];
  for (let step = 0; step <= steps; step++) points.push(destination(centre, fromDeg + ((toDeg - fromDeg) * step) / steps, radiusM));
  return points;
}

/// A disc as a ring of CIRCLE_STEPS points, clockwise on a north-up map.
export function disc(centre, radiusM) {
  return arc(centre, 0, 360, radiusM).slice(0, -1);
}

// Turn from bearing a to bearing b, in (-180, 180]: positive is to the right (clockwise).
function turn(a, b) {
  let delta = (b - a) % 360;
  if (delta <= -180) delta += 360;
  if (delta > 180) delta -= 360;
  return delta;
}

// The gap two segments' quadrilaterals leave on the outside of their turn at `vertex`: a right
// turn opens it on the left, from the incoming segment's left normal clockwise to the outgoing
// one's; a left turn on the right, from the outgoing normal to the incoming. Null where the turn
// is too small to leave a visible gap (a cut segment continuing its great circle).
function turnWedge(vertex, incoming, outgoing, distanceM) {
  const delta = turn(incoming, outgoing);
  if (Math.abs(delta) * RADIANS * distanceM < MIN_WEDGE_M) return null;
  if (delta > 0) return [vertex, ...arc(vertex, incoming - 90, incoming - 90 + delta, distanceM)];
  return [vertex, ...arc(vertex, outgoing + 90, outgoing + 90 - delta, distanceM)];
}

// The line with consecutive repeats dropped and segments longer than MAX_SEGMENT_M cut into
// equal parts along their great circle.
function densified(line) {
  const out = [];
  for (const point of line) {
    const last = out[out.length - 1];
    if (last && last[0] === point[0] && last[1] === point[1]) continue;
    if (last) {
      const length = distance(last, point);
      const parts = Math.ceil(length / MAX_SEGMENT_M);
      const heading = bearing(last, point);
      for (let part = 1; part < parts; part++) out.push(destination(last, heading, (length * part) / parts));
    }
    out.push(point);
  }
  return out;
}

/// Polygons (Leaflet multipolygon form: [[ring], ...]) whose union is every point within
/// `distanceM` of `lines` (polylines of [lat, lon]) or of `points`. Every point of a band has a
/// nearest point on the lines: inside a segment (it lies in that segment's quadrilateral), at an
/// interior vertex (it lies in the wedge on the outside of the turn between the two segments'
/// normals) or at an end (its disc), so those three shapes cover the band and nothing beyond it.
/// All rings run clockwise, so a fill with the "nonzero" rule draws their union at one depth.
export function bandPolygons({ lines = [], points = [] }, distanceM) {
  const polygons = [];
  for (const point of points) polygons.push([disc(point, distanceM)]);
  for (const raw of lines) {
    const line = densified(raw);
    if (line.length === 0) continue;
    polygons.push([disc(line[0], distanceM)]);
    if (line.length === 1) continue;
    polygons.push([disc(line[line.length - 1], distanceM)]);
    let incoming = null;  // bearing of the previous segment where it reaches this vertex
    for (let index = 0; index + 1 < line.length; index++) {
      const [a, b] = [line[index], line[index + 1]];
      const out = bearing(a, b);
      const arrive = (bearing(b, a) + 180) % 360;
      polygons.push([[destination(a, out - 90, distanceM), destination(b, arrive - 90, distanceM),
        destination(b, arrive + 90, distanceM), destination(a, out + 90, distanceM)]]);
      if (incoming !== null) {
        const wedge = turnWedge(a, incoming, out, distanceM);
        if (wedge) polygons.push([wedge]);
      }
      incoming = arrive;
    }
  }
  return polygons;
}

/// Lines of a multipolygon's outer rings (GeoJSON order: parts of rings of [lon, lat]) without
/// the edges its clipping to the map frame made (runs along the frame's sides), as [[lat, lon],
/// ...] polylines: what a band is measured from (the line of contact is the occupied area's edge).
/// One function for the workspace maps and the offline pages, which embed this file.
export function edgeLines(parts) {
  const lines = [];
  for (const part of parts) {
    const ring = part[0];
    const lons = ring.map((p) => p[0]);
    const lats = ring.map((p) => p[1]);
    const sides = [Math.min(...lons), Math.max(...lons), Math.min(...lats), Math.max(...lats)];
    const onFrame = (a, b) => (a[0] === b[0] && (a[0] === sides[0] || a[0] === sides[1])) ||
      (a[1] === b[1] && (a[1] === sides[2] || a[1] === sides[3]));
    let line = [];
    for (let i = 0; i + 1 < ring.length; i++) {
      if (onFrame(ring[i], ring[i + 1])) {
        if (line.length > 1) lines.push(line);
        line = [];
        continue;
      }
      if (line.length === 0) line.push([ring[i][1], ring[i][0]]);
      line.push([ring[i + 1][1], ring[i + 1][0]]);
    }
    if (line.length > 1) lines.push(line);
  }
  return lines;
}
