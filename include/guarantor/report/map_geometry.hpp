#pragma once
// Geometry prepared for drawing: clipped to the map's frame and simplified, so a page carries
// the shape a reader can see at theatre scale and not every vertex of the source data.
#include "guarantor/geo/polygon.hpp"

namespace guarantor::report {

/// How much detail to keep when drawing areas.
struct DrawingTolerance {
  double simplify_deg = 0.0;  ///< Douglas-Peucker tolerance in degrees; 0 keeps every vertex
  geo::BoundingBox frame;     ///< parts outside are dropped, parts across it clipped; empty = none
};

/// Douglas-Peucker simplification of a closed ring (planar in degrees, which is how the page
/// projects nothing finer than the tolerance). Returns an empty ring when fewer than three
/// vertices survive, i.e. the ring is smaller than the tolerance.
geo::Ring simplify_ring(const geo::Ring& ring, double tolerance_deg);

/// Sutherland-Hodgman clip of a closed ring to an axis-aligned box; empty when fully outside.
geo::Ring clip_ring(const geo::Ring& ring, const geo::BoundingBox& frame);

/// Clips then simplifies every ring; parts whose outer ring vanishes are dropped, holes that
/// vanish are dropped. The result may be empty.
geo::MultiPolygon prepare_for_drawing(const geo::MultiPolygon& area, const DrawingTolerance& tolerance);

}  // namespace guarantor::report
