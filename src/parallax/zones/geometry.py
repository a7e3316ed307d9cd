"""Geodesic distances between a point and a zone, on a sphere, never by buffering in degrees.

A polygon is measured in an azimuthal equidistant projection centred on the incident's point: in
that projection the distance from the centre to any point is the great-circle distance, so the
planar distance from the origin to the (densified) projected outline is the geodesic distance to
the zone's edge, to within the densification step.
"""

from __future__ import annotations

import math
from functools import lru_cache

import numpy as np
import shapely
from shapely import wkt
from shapely.geometry import Point, Polygon
from shapely.geometry.base import BaseGeometry

from parallax.schema import Zone

EARTH_RADIUS_KM = 6371.0088  # mean radius (IUGG)
DENSIFY_DEGREES = 0.05  # ~5 km: outline vertices are added so projected edges stay near-geodesic
ORIGIN = Point(0.0, 0.0)  # the incident's point in its own projection


def haversine_km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    """Great-circle distance in km between two WGS84 points (spherical Earth)."""
    p1, p2 = math.radians(lat1), math.radians(lat2)
    dp, dl = p2 - p1, math.radians(lon2 - lon1)
    a = math.sin(dp / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(dl / 2) ** 2
    return 2 * EARTH_RADIUS_KM * math.asin(min(1.0, math.sqrt(a)))


def project_aeqd(lat0: float, lon0: float):
    """A function from an (n, 2) array of (lon, lat) to (x km, y km) in the azimuthal equidistant
    projection centred on (lat0, lon0)."""
    phi0, lam0 = math.radians(lat0), math.radians(lon0)

    def forward(coords: np.ndarray) -> np.ndarray:
        phi, dlam = np.radians(coords[:, 1]), np.radians(coords[:, 0]) - lam0
        cos_c = math.sin(phi0) * np.sin(phi) + math.cos(phi0) * np.cos(phi) * np.cos(dlam)
        c = np.arccos(np.clip(cos_c, -1.0, 1.0))
        k = np.where(c > 1e-12, c / np.where(c > 1e-12, np.sin(c), 1.0), 1.0)
        x = k * np.cos(phi) * np.sin(dlam)
        y = k * (math.cos(phi0) * np.sin(phi) - math.sin(phi0) * np.cos(phi) * np.cos(dlam))
        return EARTH_RADIUS_KM * np.column_stack([x, y])

    return forward


@lru_cache(maxsize=256)
def zone_shape(geometry_wkt: str) -> BaseGeometry:
    """The zone's outline in lon/lat, densified so edges can be projected; parsed once per WKT."""
    return wkt.loads(geometry_wkt).segmentize(DENSIFY_DEGREES)


def _centre_km(zone: Zone, lat: float, lon: float) -> float:
    centre = zone_shape(zone.geometry_wkt).centroid
    return haversine_km(lat, lon, centre.y, centre.x)


def _projected(zone: Zone, lat: float, lon: float) -> BaseGeometry:
    return shapely.transform(zone_shape(zone.geometry_wkt), project_aeqd(lat, lon))


@lru_cache(maxsize=256)
def _cap(geometry_wkt: str) -> tuple[float, float, float]:
    """(lat, lon, radius km) of a spherical cap around the outline's centroid holding all its vertices."""
    shape = zone_shape(geometry_wkt)
    centre = shape.centroid
    vertices = shapely.get_coordinates(shape)
    return centre.y, centre.x, max(haversine_km(centre.y, centre.x, y, x) for x, y in vertices)


def distance_to_zone_km(zone: Zone, lat: float, lon: float, beyond: float | None = None) -> float:
    """Geodesic distance in km from a point to the zone: 0 when the point is inside it.

    With `beyond`, a zone that is certainly farther than `beyond` km (its bounding cap is) returns
    that cap's distance, a lower bound, without the exact computation."""
    if zone.radius_km is not None:
        return max(0.0, _centre_km(zone, lat, lon) - zone.radius_km)
    if beyond is not None:
        cap_lat, cap_lon, cap_km = _cap(zone.geometry_wkt)
        bound = haversine_km(lat, lon, cap_lat, cap_lon) - cap_km
        if bound > beyond:
            return bound
    if zone_shape(zone.geometry_wkt).covers(Point(lon, lat)):
        return 0.0
    return float(_projected(zone, lat, lon).distance(ORIGIN))


def distance_to_zone_edge_km(zone: Zone, lat: float, lon: float) -> float:
    """Geodesic distance in km from a point to the zone's boundary, inside or out."""
    if zone.radius_km is not None:
        return abs(zone.radius_km - _centre_km(zone, lat, lon))
    return float(_projected(zone, lat, lon).boundary.distance(ORIGIN))


def circle_polygon(lat: float, lon: float, radius_km: float, steps: int = 72) -> Polygon:
    """A geodesic circle as a lon/lat polygon (for maps and GeoJSON exports, not for tests of
    inclusion, which use the exact distance)."""
    d = radius_km / EARTH_RADIUS_KM
    phi1, lam1 = math.radians(lat), math.radians(lon)
    ring = []
    for i in range(steps):
        bearing = 2 * math.pi * i / steps
        phi2 = math.asin(math.sin(phi1) * math.cos(d) + math.cos(phi1) * math.sin(d) * math.cos(bearing))
        lam2 = lam1 + math.atan2(math.sin(bearing) * math.sin(d) * math.cos(phi1),
                                 math.cos(d) - math.sin(phi1) * math.sin(phi2))
        ring.append((math.degrees(lam2), math.degrees(phi2)))
    return Polygon(ring)
