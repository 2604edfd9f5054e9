#include <gtest/gtest.h>

#include "guarantor/core/error.hpp"
#include "guarantor/geo/geodesic.hpp"

namespace guarantor::geo {
namespace {

// Reference distances: GeographicLib's own test case (JFK to Singapore Changi, Karney 2013,
// "Algorithms for geodesics", the worked example in GeographicLib's documentation) and
// Vincenty's inverse solution for Kyiv-Lviv computed independently from the same coordinates.
TEST(Geodesic, MatchesKarneyWorkedExample) {
  const LonLat jfk{-73.8, 40.6};
  const LonLat changi{103.8, 1.4};
  EXPECT_NEAR(geodesic_distance(jfk, changi).value, 15347.0e3, 1.0e3);  // 15347 km, Karney's example
}

TEST(Geodesic, QuarterMeridianIsKnownLength) {
  // The WGS84 quarter meridian is 10,001,965.729 m.
  EXPECT_NEAR(geodesic_distance(LonLat{0, 0}, LonLat{0, 90}).value, 10001965.729, 0.01);
}

TEST(Geodesic, EquatorDegreeIsKnownLength) {
  // One degree of longitude along the equator of the WGS84 ellipsoid: a * pi / 180.
  EXPECT_NEAR(geodesic_distance(LonLat{0, 0}, LonLat{1, 0}).value, 111319.4908, 0.001);
}

TEST(Geodesic, KyivToLvivIsAbout468Km) {
  const LonLat kyiv{30.5234, 50.4501};
  const LonLat lviv{24.0297, 49.8397};
  const double d = geodesic_distance(kyiv, lviv).km();
  EXPECT_NEAR(d, 468.0, 3.0);
  EXPECT_NEAR(haversine_distance(kyiv, lviv).km(), d, d * 0.005);
}

TEST(Geodesic, DestinationInvertsDistance) {
  const LonLat odesa{30.7233, 46.4825};
  const LonLat there = destination(odesa, 135.0, Meters{250000.0});
  EXPECT_NEAR(geodesic_distance(odesa, there).value, 250000.0, 1e-3);
  EXPECT_NEAR(initial_azimuth_deg(odesa, there), 135.0, 1e-6);
}

TEST(LonLatChecks, RejectsOutOfRangeWithLocation) {
  try {
    to_checked(UncheckedLonLat{200.0, 50.0}, "sites.json /sites/4/position");
    FAIL() << "expected an error";
  } catch (const Error& error) {
    EXPECT_EQ(error.code(), ErrorCode::Schema);
    EXPECT_EQ(error.where(), "sites.json /sites/4/position");
    EXPECT_NE(std::string(error.what()).find("got [200, 50]"), std::string::npos);
  }
  EXPECT_FALSE(is_valid(UncheckedLonLat{0.0, std::numeric_limits<double>::quiet_NaN()}));
  EXPECT_TRUE(is_valid(UncheckedLonLat{-180.0, -90.0}));
}

}  // namespace
}  // namespace guarantor::geo
