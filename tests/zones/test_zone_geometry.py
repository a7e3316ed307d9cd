"""Geodesic distances: haversine, the azimuthal equidistant projection, polygons and circles."""

from __future__ import annotations

import numpy as np
import pytest

from zone_builders import circle_zone, square_zone
from parallax.zones.geometry import (circle_polygon, distance_to_zone_edge_km, distance_to_zone_km,
                                     haversine_km, project_aeqd)

KM_PER_DEGREE_LAT = 111.195  # 2*pi*6371.0088/360


def test_haversine_one_degree_of_latitude():
    assert haversine_km(35.0, 36.0, 36.0, 36.0) == pytest.approx(KM_PER_DEGREE_LAT, rel=1e-4)


def test_haversine_shrinks_with_latitude_along_a_parallel():
    # one degree of longitude at 60N is half of one at the equator: buffering in degrees would not know
    assert haversine_km(60.0, 10.0, 60.0, 11.0) == pytest.approx(haversine_km(0, 10, 0, 11) / 2, rel=2e-3)


def test_projection_keeps_distance_from_its_centre():
    forward = project_aeqd(33.5, 38.63)
    points = np.array([[36.29, 33.51], [37.16, 36.2], [38.63, 33.5]])
    xy = forward(points)
    for (lon, lat), (x, y) in zip(points, xy):
        assert float(np.hypot(x, y)) == pytest.approx(haversine_km(33.5, 38.63, lat, lon), abs=1e-6)


def test_distance_to_polygon_north_of_its_edge():
    # half a degree north of the square's top edge (36N), on a meridian through it
    assert distance_to_zone_km(square_zone(), 36.5, 36.5) == pytest.approx(KM_PER_DEGREE_LAT / 2, rel=2e-3)


def test_distance_to_polygon_east_of_its_edge_uses_the_latitude():
    # 0.5 degree of longitude at 35.5N is ~45 km, not the ~55 km a degree-based buffer would assume
    expected = haversine_km(35.5, 37.0, 35.5, 37.5)
    assert distance_to_zone_km(square_zone(), 35.5, 37.5) == pytest.approx(expected, rel=5e-3)
    assert 44 < expected < 46


def test_point_inside_polygon_is_zero_away_and_knows_its_edge():
    zone = square_zone()
    assert distance_to_zone_km(zone, 35.5, 36.5) == 0.0
    # the centre is half a degree of longitude from the east and west edges, half a degree of latitude
    # from the others: the nearest edge is the longitude one
    assert distance_to_zone_edge_km(zone, 35.5, 36.5) == pytest.approx(haversine_km(35.5, 36.5, 35.5, 36.0), rel=5e-3)


def test_circle_zone_distances():
    zone = circle_zone()
    inside = distance_to_zone_km(zone, 33.5, 38.63)
    assert inside == 0.0
    assert distance_to_zone_edge_km(zone, 33.5, 38.63) == pytest.approx(55.0)
    # one degree north of the centre: 111 km from it, 56 km beyond the 55 km edge
    assert distance_to_zone_km(zone, 34.5, 38.63) == pytest.approx(KM_PER_DEGREE_LAT - 55.0, rel=1e-3)


def test_circle_polygon_vertices_lie_on_the_radius():
    ring = circle_polygon(33.5, 38.63, 55.0, steps=12)
    for lon, lat in list(ring.exterior.coords)[:-1]:
        assert haversine_km(33.5, 38.63, lat, lon) == pytest.approx(55.0, rel=1e-6)


def test_bounding_cap_shortcut_never_changes_an_inside_outside_decision():
    # the shortcut used by place_relation: a lower bound, returned only when it already exceeds `beyond`
    zone = square_zone()
    for lat in np.arange(33.0, 38.01, 0.25):
        for lon in np.arange(34.0, 39.01, 0.25):
            exact = distance_to_zone_km(zone, lat, lon)
            for radius in (5.0, 25.0, 100.0):
                quick = distance_to_zone_km(zone, lat, lon, beyond=radius)
                assert (quick > radius) == (exact > radius) and quick <= exact + 1e-9
