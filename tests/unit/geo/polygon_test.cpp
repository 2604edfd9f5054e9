#include <random>

#include <boost/geometry.hpp>
#include <boost/geometry/geometries/point_xy.hpp>
#include <boost/geometry/geometries/polygon.hpp>
#include <gtest/gtest.h>

#include "guarantor/geo/geodesic.hpp"
#include "guarantor/geo/polygon.hpp"

namespace guarantor::geo {
namespace {

namespace bg = boost::geometry;
using BgPoint = bg::model::d2::point_xy<double>;
using BgPolygon = bg::model::polygon<BgPoint>;

// An L-shaped polygon with a square hole: concave corners exercise the crossing rule.
MultiPolygon l_shape_with_hole() {
  Polygon polygon;
  polygon.outer = {{0, 0}, {4, 0}, {4, 1}, {1, 1}, {1, 4}, {0, 4}};
  polygon.holes = {{{0.2, 0.2}, {0.2, 0.6}, {0.6, 0.6}, {0.6, 0.2}}};
  return MultiPolygon({polygon});
}

TEST(Polygon, ContainsHandPickedPoints) {
  const MultiPolygon shape = l_shape_with_hole();
  EXPECT_TRUE(shape.contains({3.5, 0.5}));
  EXPECT_TRUE(shape.contains({0.5, 3.5}));
  EXPECT_FALSE(shape.contains({2.0, 2.0}));  // in the notch of the L
  EXPECT_FALSE(shape.contains({0.4, 0.4}));  // in the hole
  EXPECT_TRUE(shape.contains({4.0, 0.5}));   // on an edge counts as inside
  EXPECT_FALSE(shape.contains({5.0, 0.5}));
}

TEST(Polygon, AgreesWithBoostGeometryOnRandomPoints) {
  const MultiPolygon shape = l_shape_with_hole();
  BgPolygon reference;
  bg::read_wkt("POLYGON((0 0,0 4,1 4,1 1,4 1,4 0,0 0),(0.2 0.2,0.6 0.2,0.6 0.6,0.2 0.6,0.2 0.2))", reference);
  std::mt19937 rng(42);
  std::uniform_real_distribution<double> coord(-0.5, 4.5);
  int disagreements = 0;
  for (int i = 0; i < 20000; ++i) {
    const LonLat p{coord(rng), coord(rng)};
    if (shape.contains(p) != bg::within(BgPoint(p.lon, p.lat), reference)) ++disagreements;
  }
  EXPECT_EQ(disagreements, 0);
}

TEST(Polygon, AreaOfOneDegreeCellAtEquator) {
  // A 1 x 1 degree cell at the equator on WGS84 covers 12,308.8 km^2.
  const MultiPolygon cell({Polygon{{{0, 0}, {1, 0}, {1, 1}, {0, 1}}, {}}});
  EXPECT_NEAR(cell.area_km2(), 12308.8, 1.0);
}

TEST(Polygon, DistanceToBoundaryMatchesGeodesicToNearestEdge) {
  // A square 30-31 E, 49-50 N; from a point 0.5 degrees east of its east edge the nearest
  // boundary point lies on that edge at (nearly) the same latitude.
  const MultiPolygon square({Polygon{{{30, 49}, {31, 49}, {31, 50}, {30, 50}}, {}}});
  const LonLat outside{31.5, 49.5};
  const double expected = geodesic_distance(outside, LonLat{31.0, 49.5}).value;
  EXPECT_NEAR(square.distance_to_boundary(outside).value, expected, expected * 0.001);
  const LonLat inside{30.5, 49.1};  // 0.1 degree of latitude from the south edge
  EXPECT_NEAR(square.distance_to_boundary(inside).km(), 11.1, 0.1);
}

TEST(Polygon, BoundsCoverAllVertices) {
  const MultiPolygon shape = l_shape_with_hole();
  EXPECT_DOUBLE_EQ(shape.bounds().min_lon, 0.0);
  EXPECT_DOUBLE_EQ(shape.bounds().max_lat, 4.0);
  EXPECT_EQ(shape.vertex_count(), 10u);
}

}  // namespace
}  // namespace guarantor::geo
