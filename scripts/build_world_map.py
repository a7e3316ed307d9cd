"""Build the compact country outlines the web map draws: src/parallax/data/map/countries.json.

Reads Natural Earth admin-0 polygons as TopoJSON (the world-atlas 50m conversion), simplifies each
country with shapely and writes one SVG path per country in an equirectangular projection
(x = longitude, y = -latitude, one decimal), so the browser draws it without any map library.

    .venv/bin/python scripts/build_world_map.py /work/shared/data/boundaries_natural_earth
"""

from __future__ import annotations

import argparse
import json
from pathlib import Path

from shapely.geometry import MultiPolygon, Polygon
from shapely.geometry.base import BaseGeometry

OUT = Path(__file__).resolve().parent.parent / "src" / "parallax" / "data" / "map" / "countries.json"
SOURCE = "world-atlas_countries-50m.topo.json"
TOLERANCE = 0.08  # degrees: about 9 km, finer than a pixel at world and country zoom
MIN_AREA = 0.02  # square degrees: drops islets that would be a dot


def decode_arcs(topology: dict) -> list[list[tuple[float, float]]]:
    """Absolute lon/lat points of every arc (TopoJSON quantizes and delta-encodes them)."""
    (sx, sy), (tx, ty) = topology["transform"]["scale"], topology["transform"]["translate"]
    arcs = []
    for arc in topology["arcs"]:
        x = y = 0
        points = []
        for dx, dy in arc:
            x, y = x + dx, y + dy
            points.append((x * sx + tx, y * sy + ty))
        arcs.append(points)
    return arcs


def ring(indexes: list[int], arcs: list[list[tuple[float, float]]]) -> list[tuple[float, float]]:
    points: list[tuple[float, float]] = []
    for index in indexes:
        arc = arcs[index] if index >= 0 else arcs[~index][::-1]
        points.extend(arc if not points else arc[1:])
    return points


def geometry(shape: dict, arcs: list[list[tuple[float, float]]]) -> BaseGeometry | None:
    polygons = shape["arcs"] if shape["type"] == "MultiPolygon" else [shape["arcs"]]
    built = [Polygon(ring(p[0], arcs), [ring(h, arcs) for h in p[1:]]) for p in polygons if p]
    valid = [p.buffer(0) for p in built if len(p.exterior.coords) >= 4]
    return MultiPolygon([g for p in valid for g in getattr(p, "geoms", [p])]) if valid else None


def svg_path(shape: BaseGeometry) -> str:
    """'M x y L ... Z' for every ring of every polygon large enough to see."""
    commands = []
    for polygon in getattr(shape, "geoms", [shape]):
        if polygon.is_empty or polygon.area < MIN_AREA:
            continue
        for coords in [polygon.exterior.coords, *(h.coords for h in polygon.interiors)]:
            points = [f"{x:.1f} {-y:.1f}" for x, y in coords]
            points = [p for i, p in enumerate(points) if i == 0 or p != points[i - 1]]
            if len(points) >= 4:
                commands.append("M" + "L".join(points[:-1]) + "Z")
    return "".join(commands)


def build(folder: Path) -> list[dict[str, str]]:
    topology = json.loads((folder / SOURCE).read_text("utf-8"))
    arcs = decode_arcs(topology)
    countries = []
    for shape in topology["objects"]["countries"]["geometries"]:
        outline = geometry(shape, arcs)
        if outline is None:
            continue
        path = svg_path(outline.simplify(TOLERANCE, preserve_topology=True))
        if path:
            countries.append({"id": shape.get("id", ""), "name": shape["properties"]["name"], "d": path})
    return sorted(countries, key=lambda c: c["name"])


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("folder", type=Path, help="folder holding " + SOURCE)
    parser.add_argument("--out", type=Path, default=OUT)
    args = parser.parse_args()
    countries = build(args.folder)
    args.out.parent.mkdir(parents=True, exist_ok=True)
    document = {"projection": "equirectangular: x = longitude, y = -latitude (degrees)",
                "source": "Natural Earth admin-0 via world-atlas 2.0.2 (50m), simplified",
                "countries": countries}
    args.out.write_text(json.dumps(document, ensure_ascii=False, separators=(",", ":")), "utf-8")
    print(f"{len(countries)} countries, {args.out.stat().st_size // 1024} KiB -> {args.out}")


if __name__ == "__main__":
    main()
