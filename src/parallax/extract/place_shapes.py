"""Where the gazetteer's shapes and grids live: admin-1 polygons and country shapes (read on the
first reverse lookup only), compass parts of a country, places with an admin-2 name by
half-degree cell, and distances on the sphere."""

from __future__ import annotations

import lzma
import math
from collections.abc import Mapping
from functools import lru_cache
from types import MappingProxyType
from typing import TYPE_CHECKING

import shapely
from shapely.strtree import STRtree

if TYPE_CHECKING:
    from parallax.extract.gazetteer import Candidate, Gazetteer

ADMIN2_NEAREST_KM = 10.0
GRID_DEGREES = 0.5
# Which thirds of a bounding box (columns west..east, rows south..north) each compass part covers.
COMPASS_CELLS = {"north": ((0, 3), (2, 3)), "south": ((0, 3), (0, 1)), "east": ((2, 3), (0, 3)),
                 "west": ((0, 1), (0, 3)), "northeast": ((2, 3), (2, 3)), "northwest": ((0, 1), (2, 3)),
                 "southeast": ((2, 3), (0, 1)), "southwest": ((0, 1), (0, 1)), "centre": ((1, 2), (1, 2))}


@lru_cache(maxsize=2)
def admin_shapes(path: str) -> tuple[STRtree, tuple[str, ...]]:
    """Admin-1 polygons, read on the first reverse lookup only (loading the gazetteer skips them)."""
    lines = lzma.decompress(open(path, "rb").read()).decode("utf-8").splitlines()[1:]
    cells = [line.split("\t") for line in lines]
    geometries = shapely.from_wkb([c[2] for c in cells])
    return STRtree(geometries), tuple(c[0] for c in cells)


@lru_cache(maxsize=64)
def country_shape(path: str, code: str):
    """The union of a country's admin-1 polygons, or None if it has none."""
    tree, codes = admin_shapes(path)
    parts = [tree.geometries[i] for i, c in enumerate(codes) if c.split(".")[0] == code]
    return shapely.union_all(parts) if parts else None


def box_part(bounds: tuple[float, float, float, float], direction: str):
    west, south, east, north = bounds
    (c0, c1), (r0, r1) = COMPASS_CELLS.get(direction, ((0, 3), (0, 3)))
    width, height = (east - west) / 3, (north - south) / 3
    return shapely.box(west + c0 * width, south + r0 * height, west + c1 * width, south + r1 * height)


@lru_cache(maxsize=2)
def _admin2_grid(gazetteer: Gazetteer) -> Mapping[tuple[int, int], tuple[int, ...]]:
    """Places that carry an admin-2 name, bucketed by half-degree cell."""
    grid: dict[tuple[int, int], list[int]] = {}
    for row in range(len(gazetteer.places) - 1):
        cells = gazetteer.places.line(row + 1).split("\t", 7)
        if cells[6]:
            cell = (int(float(cells[2]) // GRID_DEGREES), int(float(cells[3]) // GRID_DEGREES))
            grid.setdefault(cell, []).append(row)
    return MappingProxyType({cell: tuple(rows) for cell, rows in grid.items()})


def km_between(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    p1, p2, dl = math.radians(lat1), math.radians(lat2), math.radians(lon2 - lon1)
    h = math.sin((p2 - p1) / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(dl / 2) ** 2
    return 6371.0 * 2 * math.asin(math.sqrt(min(1.0, h)))


def nearest_with_admin2(gazetteer: Gazetteer, lat: float, lon: float, admin1_code: str) -> Candidate | None:
    """The closest place with an admin-2 name, within ADMIN2_NEAREST_KM, in the same admin-1 if known."""
    grid, (row0, col0) = _admin2_grid(gazetteer), (int(lat // GRID_DEGREES), int(lon // GRID_DEGREES))
    rows = [r for dr in (-1, 0, 1) for dc in (-1, 0, 1) for r in grid.get((row0 + dr, col0 + dc), ())]
    candidates = [gazetteer.place_row(r) for r in rows]
    if admin1_code:
        name = gazetteer.admin1_names.get(admin1_code, "")
        candidates = [c for c in candidates if c.admin1 == name] or candidates
    scored = [(km_between(lat, lon, c.latitude, c.longitude), c) for c in candidates]
    scored = [(d, c) for d, c in scored if d <= ADMIN2_NEAREST_KM]
    return min(scored, key=lambda pair: pair[0])[1] if scored else None
