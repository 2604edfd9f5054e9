#include <gtest/gtest.h>

#include "guarantor/io/geojson_geometry.hpp"

namespace guarantor::io::detail {
namespace {

// The same two adjacent unit squares, quantised and not: both decodings must agree, and the
// shared arc must be stitched once per ring (reversed for the second square).
TEST(TopoJson, DecodesQuantisedAndPlainArcsAlike) {
  const Json quantised = Json::parse(R"({"type":"Topology","transform":{"scale":[0.5,0.5],"translate":[10,20]},
    "arcs":[[[2,0],[0,2]],[[2,2],[-2,0],[0,-2],[2,0]],[[2,0],[2,0],[0,2],[-2,0]]],
    "objects":{"o":{"type":"GeometryCollection","geometries":[
      {"type":"Polygon","id":"a","arcs":[[0,1]]},{"type":"Polygon","id":"b","arcs":[[2,-1]]},
      {"type":"Point","coordinates":[0,0]}]}}})");
  const Json plain = Json::parse(R"({"type":"Topology",
    "arcs":[[[11,20],[11,21]],[[11,21],[10,21],[10,20],[11,20]],[[11,20],[12,20],[12,21],[11,21]]],
    "objects":{"o":{"type":"GeometryCollection","geometries":[
      {"type":"Polygon","id":"a","arcs":[[0,1]]},{"type":"Polygon","id":"b","arcs":[[2,-1]]}]}}})");
  DiagnosticSink sink;
  FieldReader reader("t.topojson", sink);
  const auto q = read_topojson_polygons(quantised, "o", reader);
  const auto p = read_topojson_polygons(plain, "o", reader);
  ASSERT_TRUE(sink.empty()) << sink.diagnostics().front().to_string();
  ASSERT_EQ(q.size(), 2u) << "the point geometry carries no area";
  ASSERT_EQ(p.size(), 2u);
  for (std::size_t i = 0; i < 2; ++i) {
    EXPECT_EQ(q[i].id, p[i].id);
    EXPECT_EQ(q[i].area.parts().front().outer, p[i].area.parts().front().outer);
    EXPECT_EQ(q[i].area.parts().front().outer.size(), 4u);
  }
  EXPECT_TRUE(q[0].area.contains({10.5, 20.5}));
  EXPECT_TRUE(q[1].area.contains({11.5, 20.5}));
  EXPECT_FALSE(q[1].area.contains({10.5, 20.5}));
}

TEST(TopoJson, BadArcIndexIsReportedWithItsPointer) {
  const Json topology = Json::parse(R"({"type":"Topology","arcs":[[[0,0],[1,0],[1,1],[0,0]]],
    "objects":{"o":{"type":"GeometryCollection","geometries":[{"type":"Polygon","id":"x","arcs":[[7]]}]}}})");
  DiagnosticSink sink;
  FieldReader reader("t.topojson", sink);
  EXPECT_TRUE(read_topojson_polygons(topology, "o", reader).empty());
  ASSERT_EQ(sink.size(), 1u);
  EXPECT_EQ(sink.diagnostics().front().where, "t.topojson /objects/o/geometries/0/arcs");
}

}  // namespace
}  // namespace guarantor::io::detail
