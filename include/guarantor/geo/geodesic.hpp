#pragma once
// Geodesic computations on the WGS84 ellipsoid (Karney's algorithms via GeographicLib).
#include "guarantor/geo/lon_lat.hpp"

namespace guarantor::geo {

/// Shortest distance along the WGS84 ellipsoid between two positions.
Meters geodesic_distance(LonLat from, LonLat to);

/// Initial azimuth from `from` towards `to`, degrees clockwise from north in (-180, 180].
double initial_azimuth_deg(LonLat from, LonLat to);

/// The position reached from `from` after `distance` along azimuth `azimuth_deg`.
LonLat destination(LonLat from, double azimuth_deg, Meters distance);

/// Fast spherical (haversine) distance on the mean Earth radius; within 0.5 % of the geodesic.
/// For screening candidates before an exact geodesic_distance, never for reported figures.
Meters haversine_distance(LonLat from, LonLat to) noexcept;

}  // namespace guarantor::geo
