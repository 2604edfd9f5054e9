#include <gtest/gtest.h>

#include "guarantor/report/map_geometry.hpp"

namespace guarantor::report {
namespace {

TEST(SimplifyRing, DropsVerticesWithinTolerance) {
  // A 4 x 2 rectangle with extra points on its edges, one 0.01 off the bottom edge.
  const geo::Ring ring{{0, 0}, {1, 0.01}, {2, 0}, {4, 0}, {4, 1}, {4, 2}, {2, 2}, {0, 2}, {0, 1}};
  const geo::Ring simplified = simplify_ring(ring, 0.05);
  const geo::Ring expected{{0, 0}, {4, 0}, {4, 2}, {0, 2}};
  EXPECT_EQ(simplified, expected);
  EXPECT_EQ(simplify_ring(ring, 0.0), ring);  // zero tolerance keeps every vertex
  EXPECT_EQ(simplify_ring(ring, 0.001).size(), 6U);  // the bump and its foot survive a finer one
}

TEST(SimplifyRing, RingSmallerThanToleranceVanishes) {
  const geo::Ring islet{{10, 10}, {10.001, 10}, {10.001, 10.001}, {10, 10.001}};
  EXPECT_TRUE(simplify_ring(islet, 0.01).empty());
}

TEST(ClipRing, CutsToTheFrame) {
  geo::BoundingBox frame;
  frame.extend(geo::LonLat{0, 0});
  frame.extend(geo::LonLat{2, 2});
  const geo::Ring square{{-1, -1}, {1, -1}, {1, 1}, {-1, 1}};
  const geo::Ring clipped = clip_ring(square, frame);
  ASSERT_EQ(clipped.size(), 4U);
  for (const geo::LonLat p : clipped) EXPECT_TRUE(frame.contains(p));
  geo::MultiPolygon quarter({geo::Polygon{clipped, {}}});
  EXPECT_TRUE(quarter.contains({0.5, 0.5}));
  EXPECT_FALSE(quarter.contains({1.5, 0.5}));
  EXPECT_TRUE(clip_ring({{5, 5}, {6, 5}, {6, 6}}, frame).empty());
}

TEST(PrepareForDrawing, DropsFarPartsAndVanishingHoles) {
  geo::Polygon near{{{0, 0}, {2, 0}, {2, 2}, {0, 2}}, {{{0.5, 0.5}, {0.5001, 0.5}, {0.5001, 0.5001}}}};
  geo::Polygon far{{{100, 40}, {101, 40}, {101, 41}}, {}};
  geo::BoundingBox frame;
  frame.extend(geo::LonLat{-5, -5});
  frame.extend(geo::LonLat{5, 5});
  const geo::MultiPolygon drawn = prepare_for_drawing(geo::MultiPolygon({near, far}), {0.01, frame});
  ASSERT_EQ(drawn.parts().size(), 1U);
  EXPECT_EQ(drawn.parts()[0].outer.size(), 4U);
  EXPECT_TRUE(drawn.parts()[0].holes.empty());
}

}  // namespace
}  // namespace guarantor::report
