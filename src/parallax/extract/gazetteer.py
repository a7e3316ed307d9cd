"""Look place names up in the compact GeoNames-derived gazetteer shipped under parallax/data/gazetteer."""

from __future__ import annotations

import lzma
import math
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field, replace
from functools import lru_cache
from pathlib import Path
from types import MappingProxyType

import numpy as np
import shapely
from rapidfuzz import fuzz

from parallax.errors import DataFileError
from parallax.extract.place_additions import read_user_places
from parallax.extract.place_names import name_key, strip_suffix_words, variant_key
from parallax.extract.place_shapes import (  # km_between is re-exported: callers import it from here
    admin_shapes, box_part, country_shape, km_between, nearest_with_admin2,  # noqa: F401
)
from parallax.extract.place_terms import PlaceTerms, load_place_terms
from parallax.knowledge import data_file, read_table
from parallax.schema import GeoPrecision

FOLDER = "gazetteer"
USER_PLACES = "places.csv"  # in a --data-dir's gazetteer/ folder: added like --places FILE
KIND_PRECISION = {"country": GeoPrecision.COUNTRY, "region": GeoPrecision.COUNTRY, "admin1": GeoPrecision.REGION,
                  "admin2": GeoPrecision.NEAR, "landmark": GeoPrecision.NEAR, "place": GeoPrecision.EXACT}
VARIANT_MIN_SIMILARITY = 65
LOOKUP_CACHE_SIZE = 20_000  # name keys whose entries are kept; cleared when full, so memory stays flat
ALIAS_PENALTY = 0.8
SEAT_BONUS = 0.5
MINOR_PENALTY = 3.0
MINOR_POPULATION = 100_000
# Unit words GeoNames writes into the units' own names ("Cook County", "Orleans Parish"); news
# says "district" or "province" of units whatever their official names (Jordan's Karak governorate).
NAMED_UNIT_WORDS = frozenset({"county", "parish"})
# Prior of an entry that has no population: an admin-1 unit counts as a town of about 150,000
# people (so "Virginia" is the state before the South African town of 120,000).
KIND_PRIOR = {"country": 5.0, "region": 4.0, "added": 3.0, "landmark": 2.5, "admin1": 2.8, "admin2": 1.5}



@dataclass(frozen=True, slots=True)
class Candidate:
    """One gazetteer entry a name may refer to. `feature` is set when the name was qualified by a
    site word the gazetteer has no entry for ("Aleppo airport" -> Aleppo, near)."""

    name: str
    kind: str  # country, region (a continent, "Darfur"), admin1, admin2, landmark, place
    country: str
    latitude: float
    longitude: float
    admin1: str = ""
    admin2: str = ""
    population: int = 0
    geonameid: int | None = None
    feature: str = ""  # landmark kind ("air base"), or the site word that qualified a place
    variant: bool = False  # matched by transliteration skeleton only
    alias: bool = False  # matched by an alternate name, not the entry's own ("Missouri" for Bozeman)
    seat: bool = False  # a town named like the unit it lies in ("Idlib" the city in Idlib province)
    added: bool = False  # from the user's places file: preferred to GeoNames' namesakes
    minor: bool = False  # a small town named like another province of its country ("Florida", New York)

    @property
    def precision(self) -> GeoPrecision:
        if self.kind == "place" and self.feature:
            return GeoPrecision.NEAR
        if self.kind == "region" and not self.country:  # a continent: no ACLED level fits
            return GeoPrecision.UNKNOWN
        return KIND_PRECISION[self.kind]


class LineTable:
    """A sorted or numbered text table kept as one bytes buffer plus line offsets: loads in
    milliseconds and costs a fraction of a list of str."""

    __slots__ = ("data", "starts")

    def __init__(self, data: bytes) -> None:
        self.data = data
        ends = np.flatnonzero(np.frombuffer(data, dtype=np.uint8) == 10)
        self.starts = np.concatenate(([0], ends[:-1] + 1)).astype(np.int64)

    def __len__(self) -> int:
        return len(self.starts)

    def line(self, index: int) -> str:
        start = int(self.starts[index])
        return self.data[start:self.data.index(b"\n", start)].decode("utf-8")

    def _key(self, index: int) -> bytes:
        start = int(self.starts[index])
        return self.data[start:self.data.index(b"\t", start)]

    def find(self, key: str) -> str:
        """The value after the tab on the line whose first cell is `key` ("" when absent)."""
        wanted, low, high = key.encode("ascii", "ignore"), 0, len(self.starts)
        while low < high:
            middle = (low + high) // 2
            if self._key(middle) < wanted:
                low = middle + 1
            else:
                high = middle
        if low < len(self.starts) and self._key(low) == wanted:
            return self.line(low).split("\t", 1)[1]
        return ""


@dataclass(frozen=True, slots=True, eq=False)
class Gazetteer:
    """Places, admin units, countries and landmarks, looked up by normalised name."""

    names: LineTable  # "key<TAB>refs", sorted: refs are place rows ("12") or admin rows ("a3")
    places: LineTable  # one GeoNames place per line, header first
    admins: tuple[Candidate, ...]
    admin1_names: Mapping[str, str]  # "SY.10" -> "Hama"
    countries: Mapping[str, Candidate]
    country_keys: Mapping[str, str]  # name key -> ISO2
    capitals: frozenset[int]  # geonameids of national capitals ("Damascus condemned" is metonymy)
    adjectives: Mapping[str, str]  # "syrian" -> "SY"
    landmarks: tuple[Candidate, ...]
    landmark_keys: Mapping[str, tuple[int, ...]]
    alias_keys: Mapping[str, tuple[int, ...]]  # "w va" -> admin rows (admin_aliases.tsv)
    terms: PlaceTerms
    shapes_path: str
    # entries by name key: an article names its towns again and again, and each lookup decodes
    # GeoNames rows; the tables are immutable, so the entries of a key never change
    _found: dict[str, tuple[Candidate, ...]] = field(default_factory=dict, init=False, repr=False, compare=False)

    def lookup(self, name: str) -> list[Candidate]:
        """Every entry `name` may refer to, most likely first when nothing else is known.
        A trailing unit word ("Hama province") keeps admin units; a site word ("At-Tanf
        garrison") prefers landmarks, else the place itself at precision NEAR."""
        key = name_key(name)
        found = self._found.get(key)
        if found is None:
            if len(self._found) >= LOOKUP_CACHE_SIZE:
                self._found.clear()
            found = tuple(self._lookup_key(key))
            expanded = self.terms.expand(key)  # "Platte Co." is "Platte County"; a county is also its name
            # written out ("St. Johns County": GeoNames files the Florida county as "Saint Johns", St. John's
            # in Canada as written; towns are not widened: "St. Petersburg" has enough namesakes)
            widened = not found or expanded.split()[-1:] == ["county"]
            more = tuple(self._lookup_key(expanded)) if expanded != key and widened else ()
            found = self._found[key] = tuple(dict.fromkeys(found + more))
        return list(found)

    def names_entry(self, name: str) -> bool:
        """Whether some entry bears `name` itself (no alternate, transliteration or site word)."""
        return any(not (c.alias or c.variant or c.feature) for c in self.lookup(name))

    def _lookup_key(self, key: str) -> list[Candidate]:
        if not key or key in self.terms.not_places:
            return []
        bare, word = strip_suffix_words(key, self.terms.qualifier_words)
        if word:
            bare = self._strip_prefix(bare)
            # "Allenby Bridge" itself; "Iowa City", "Phenix City" are towns, not Iowa or Phoenix
            unit = word in NAMED_UNIT_WORDS  # units are ranked below, those named with the word first
            whole = [c for c in self._exact(key) if (c.kind == "landmark" or name_key(c.name) == key)
                     and not (unit and c.kind in {"admin1", "admin2"})]
            found = whole or self._qualified_from(self._exact(bare), word) or self._qualified_from(
                [replace(c, variant=True) for c in self._variants(bare) if _resembles(bare, c.name)], word)
            if found:
                return _unique(self._named_with_word(found, key) if unit else found)
        found = self._exact(key) + self._written_out(key)
        found = found or self._exact(self._strip_prefix(key))
        found = found or [replace(c, variant=True) for c in self._variants(key) if _resembles(key, c.name)]
        found = [c if self._own_name(c, key) else replace(c, alias=True) for c in found]
        return sorted(_mark_minor(_mark_seats(_unique(found))), key=prior, reverse=True)

    def _written_out(self, key: str) -> list[Candidate]:
        """Entries of the name with its abbreviations written out ("Mt. Pleasant" -> Mount
        Pleasant): all of them when the abbreviated name has none, else only the towns (the
        parishes named Saint Thomas would outvote St. Thomas, Ontario)."""
        expanded = self.terms.expand(key)
        if expanded == key:
            return []
        found = self._exact(expanded)
        return [c for c in found if c.kind == "place"] if self._exact(key) else found

    def _own_name(self, candidate: Candidate, key: str) -> bool:
        """Whether `key` is the entry's own name, abbreviations written out or not, or a
        newsroom abbreviation of it listed in admin_aliases.tsv ("Fla.", "W.Va.")."""
        own = name_key(candidate.name)
        return own == key or self.terms.expand(own) == self.terms.expand(key) \
            or any(self.admins[i] is candidate for i in self.alias_keys.get(key, ()))

    def country_of_adjective(self, word: str) -> str:
        """ISO2 of a demonym or adjective ("Syrian" -> "SY"), or of a country name; "" if none."""
        key = name_key(word)
        return self.adjectives.get(key) or self.country_keys.get(key, "")

    def country_name(self, code: str) -> str:
        country = self.countries.get(code)
        return country.name if country else ""

    def country(self, code: str) -> Candidate | None:
        return self.countries.get(code)

    def admin1_units(self, country: str) -> list[Candidate]:
        return [a for a in self.admins if a.kind == "admin1" and a.country == country]

    def part_of_country(self, code: str, direction: str) -> tuple[float | None, float | None]:
        """A point for "the east of" a country: inside the country, in that third of its bounding
        box (the middle ninth for "central"); the country's own point if that part is empty."""
        country = self.countries.get(code)
        if country is None:
            return None, None
        shape = country_shape(self.shapes_path, code)
        part = shape.intersection(box_part(shape.bounds, direction)) if shape is not None else None
        if part is None or part.is_empty:
            return country.latitude, country.longitude
        point = part.representative_point()
        return round(point.y, 4), round(point.x, 4)

    def reverse_admin(self, latitude: float, longitude: float) -> tuple[str, str]:
        """(admin-1 name, admin-2 name) at a point: admin-1 from Natural Earth's polygons, admin-2
        from the nearest place within 10 km that has one; "" where unknown."""
        tree, codes = admin_shapes(self.shapes_path)
        hits = tree.query(shapely.Point(longitude, latitude), predicate="intersects")
        code = codes[int(hits[0])] if len(hits) else ""
        nearest = nearest_with_admin2(self, latitude, longitude, code)
        admin1 = self.admin1_names.get(code, "") or (nearest.admin1 if nearest else "")
        return admin1, nearest.admin2 if nearest else ""

    def place_row(self, row: int) -> Candidate:
        cells = self.places.line(row + 1).split("\t")
        geonameid, name, lat, lon, country, admin1, admin2, population = cells
        return Candidate(name, "place", country, float(lat), float(lon),
                         self.admin1_names.get(f"{country}.{admin1}", ""), admin2,
                         int(population or 0), int(geonameid))

    def _refs(self, key: str) -> list[Candidate]:
        found = []
        for ref in filter(None, self.names.find(key).split(",")):
            found.append(self.admins[int(ref[1:])] if ref[0] == "a" else self.place_row(int(ref)))
        return found

    def _exact(self, key: str) -> list[Candidate]:
        found = [self.countries[self.country_keys[key]]] if key in self.country_keys else []
        found += [self.landmarks[i] for i in self.landmark_keys.get(key, ())]
        found += [self.admins[i] for i in self.alias_keys.get(key, ())]
        return found + self._refs(key)

    def _variants(self, key: str) -> list[Candidate]:
        variant = variant_key(key)
        if not variant:
            return []
        return [self.landmarks[i] for i in self.landmark_keys.get("~" + variant, ())] + self._refs("~" + variant)

    def _strip_prefix(self, key: str) -> str:
        for prefix in self.terms.admin_prefixes:
            if key.startswith(prefix + " "):
                return key[len(prefix) + 1:]
        return key

    def _named_with_word(self, units: list[Candidate], key: str) -> list[Candidate]:
        """The units whose own names carry the unit word the text used, when some do: "Cook
        County" is one of the counties so named (Illinois, Georgia, Minnesota), not the
        Queensland shire of Cook; "Hamilton County" not Bermuda's Hamilton Parish."""
        named = {c for c in self._exact(key) if c.kind in {"admin1", "admin2"}}
        return [c for c in units if c in named] or units

    def _qualified_from(self, found: list[Candidate], word: str) -> list[Candidate]:
        """The entries a qualified name may mean, best first: units of the named level, then of
        the other level; landmarks of the named kind, else the places marked with the site word."""
        found = sorted(found, key=prior, reverse=True)
        if word in self.terms.settlements:
            return [c for c in found if c.kind == "place"]
        if word in self.terms.admin_words:
            level = "admin1" if word in self.terms.admin1 else "admin2"
            units = [c for c in found if c.kind in {"admin1", "admin2"}]
            return sorted(units, key=lambda c: (c.kind != level, -_seat_population(c, found)))
        kinds = self.terms.features.get(word, ())
        sites = [c for c in found if c.kind == "landmark" and (not kinds or c.feature in kinds)]
        return sites or [replace(c, feature=word) for c in found if c.kind == "place"]


def _seat_population(unit: Candidate, found: list[Candidate]) -> int:
    """People in the largest namesake town inside a unit: "San Diego County" is the county of the
    city of 1.4 million, not the Colombian municipality of the town of 18,000."""
    inside = [c.population for c in found if c.kind == "place" and c.country == unit.country
              and c.admin1 == unit.admin1 and (unit.kind == "admin1" or c.admin2 in {"", unit.name, f"{unit.name} County"})]
    return max(inside, default=0)


def _resembles(key: str, name: str) -> bool:
    """A skeleton match must still look like the entry's own name ("Deir ez-Zour" ~ "Deir
    ez-Zor"), not merely share its consonants ("Sudanese" ~ "Sidon")."""
    return fuzz.ratio(key, name_key(name)) >= VARIANT_MIN_SIMILARITY


def prior(candidate: Candidate) -> float:
    """How likely an entry is when the text gives no other clue: countries over their namesakes,
    then size; an entry matched only by an alternate name ("Augusta" for Augsburg) far less."""
    base = KIND_PRIOR["added"] if candidate.added else KIND_PRIOR.get(candidate.kind)
    if base is None:
        base = 0.5 * math.log10(candidate.population + 10)
    if candidate.seat:  # the town beats the unit it is named like, however small (not every province)
        level = "admin1" if name_key(candidate.name) == name_key(candidate.admin1) else "admin2"
        base = max(base + SEAT_BONUS, KIND_PRIOR[level] + SEAT_BONUS / 5)
    penalty = (0.5 if candidate.variant else 0.0) + (ALIAS_PENALTY if candidate.alias else 0.0) \
        + (MINOR_PENALTY if candidate.minor else 0.0)
    return base - penalty


def _mark_seats(found: list[Candidate]) -> list[Candidate]:
    """Flag towns that share a name with a unit they lie in: news says "Idlib", "Menaka", "Marib"
    for the town (ACLED's convention too) and "Idlib province" for the unit."""
    units = {(c.country, c.name if c.kind == "admin1" else c.admin2) for c in found
             if c.kind in {"admin1", "admin2"}}

    def is_seat(c: Candidate) -> bool:
        return c.kind == "place" and bool({(c.country, c.admin1), (c.country, c.admin2)} & units)

    return [replace(c, seat=True) if is_seat(c) else c for c in found]


def _mark_minor(found: list[Candidate]) -> list[Candidate]:
    """Flag small towns named like another province of their own country: "Florida" in a story is
    the state, not Florida, New York. A foreign province does not count ("Alexandria" beside
    Minnesota's places is the Minnesotan town, not Egypt's governorate); a region or continent
    does, wherever it is: "the Middle East" is not Middle East, Maryland."""
    provinces = {(c.country, name_key(c.name)): c.admin1 for c in found
                 if c.kind == "admin1" and not (c.alias or c.variant)}
    regions = {name_key(c.name) for c in found if c.kind == "region" and not c.variant}

    def is_minor(c: Candidate) -> bool:
        if c.kind not in {"place", "admin2"} or c.seat or c.population >= MINOR_POPULATION:
            return False
        unit = provinces.get((c.country, name_key(c.name)))
        return (unit is not None and c.admin1 != unit) or name_key(c.name) in regions

    return [replace(c, minor=True) if is_minor(c) else c for c in found]


def _unique(found: Iterable[Candidate]) -> list[Candidate]:
    seen: dict[tuple, Candidate] = {}
    for candidate in found:
        seen.setdefault((candidate.kind, candidate.geonameid, candidate.name, candidate.country), candidate)
    return list(seen.values())


# ---------------------------------------------------------------- loading

def load_gazetteer(override_dir: str = "", places_file: str = "") -> Gazetteer:
    """The gazetteer, read once per process on first use; files in `override_dir`/gazetteer/
    replace the shipped ones of the same name (a user's own landmarks.tsv, say), and the rows of
    `places_file` (or of `override_dir`/gazetteer/places.csv) are added to it."""
    # one cache key however it is called: lru_cache tells load_gazetteer() from load_gazetteer("", "")
    return _load_gazetteer(override_dir, places_file)


@lru_cache(maxsize=4)
def _load_gazetteer(override_dir: str, places_file: str) -> Gazetteer:
    terms = load_place_terms(override_dir)
    admin_rows = _read_xz(_path("admins.tsv.xz", override_dir)).decode("utf-8").splitlines()[1:]
    admin1_names = MappingProxyType({c[1]: c[4] for c in map(_cells, admin_rows) if c[0] == "1"})
    names = LineTable(_read_xz(_path("names.tsv.xz", override_dir)))
    countries, country_keys, adjectives, capitals = _read_countries(override_dir, names)
    landmarks, landmark_keys = _read_sites(override_dir, places_file)
    admins = tuple(_admin_candidate(_cells(line)) for line in admin_rows)
    return Gazetteer(
        names=names, places=LineTable(_read_xz(_path("places.tsv.xz", override_dir))),
        admins=admins, alias_keys=_read_aliases(override_dir, admins),
        admin1_names=admin1_names, countries=countries, country_keys=country_keys, capitals=capitals,
        adjectives=adjectives, landmarks=landmarks, landmark_keys=landmark_keys,
        terms=terms, shapes_path=str(_path("admin1_shapes.tsv.xz", override_dir)))


def _path(name: str, override_dir: str):
    return data_file(f"{FOLDER}/{name}", override_dir)


def _read_xz(path) -> bytes:
    try:
        return lzma.decompress(path.read_bytes())
    except lzma.LZMAError as exc:
        raise DataFileError(f"gazetteer file {path} is not valid xz: {exc}",
                            "rebuild it with scripts/build_gazetteer.py") from exc


def _cells(line: str) -> list[str]:
    return line.split("\t")


def _admin_candidate(cells: list[str]) -> Candidate:
    level, _code, country, geonameid, name, admin1, lat, lon = cells
    kind = "admin1" if level == "1" else "admin2"
    return Candidate(name, kind, country, float(lat), float(lon), admin1=admin1,
                     admin2=name if kind == "admin2" else "", geonameid=int(geonameid) or None)


def _read_countries(override_dir: str, names: LineTable):
    """Countries by ISO2 with their common English names (demonyms.tsv) and every name key. A
    GeoNames alternate that is also a place's name ("Salvador") is left out: too ambiguous."""
    common = {r["iso2"]: r for r in read_table(f"{FOLDER}/demonyms.tsv", override_dir)}
    points = {r["iso2"]: _point(r, "country_points.tsv")
              for r in read_table(f"{FOLDER}/country_points.tsv", override_dir)}
    countries, keys, adjectives, capitals = {}, {}, {}, set()
    for row in read_table(f"{FOLDER}/countries.tsv", override_dir):
        code, extra = row["iso2"], common.get(row["iso2"], {})
        name = extra.get("name") or row["name"]
        point = points.get(code) or _point(row, "countries.tsv")
        countries[code] = Candidate(name, "country", code, *point,
                                    population=int(row["population"] or 0),
                                    geonameid=int(row["geonameid"] or 0) or None)
        alternates = [a for a in row["alternates"].split("|") if a and not names.find(name_key(a))]
        for alias in (row["name"], name, *alternates, *_split(extra.get("aliases", ""))):
            keys.setdefault(name_key(alias), code)
        for adjective in _split(extra.get("adjectives", "")):
            adjectives.setdefault(name_key(adjective), code)
        capitals.update(int(c) for c in [row.get("capital", "")] if c.isdigit())
    keys.pop("", None)
    return MappingProxyType(countries), MappingProxyType(keys), MappingProxyType(adjectives), frozenset(capitals)


def _split(cell: str) -> list[str]:
    return [part.strip() for part in cell.split("|") if part.strip()]


def _read_sites(override_dir: str, places_file: str) -> tuple[tuple[Candidate, ...], Mapping[str, tuple[int, ...]]]:
    """Landmarks, regions and the user's places, and the exact and skeleton keys of each one's
    name and alternates (built here, so a user's own files need no rebuild)."""
    sites = [*_read_landmarks(override_dir), *_read_regions(override_dir), *_read_added(override_dir, places_file)]
    keys: dict[str, list[int]] = {}
    for index, (_, names) in enumerate(sites):
        for name in names:
            key = name_key(name)
            for entry in filter(None, (key, "~" + variant_key(key) if variant_key(key) else "")):
                keys.setdefault(entry, []).append(index)
    return tuple(c for c, _ in sites), MappingProxyType({k: tuple(dict.fromkeys(v)) for k, v in keys.items()})


def _point(row: Mapping[str, str], file_name: str) -> tuple[float, float]:
    try:
        return float(row["lat"]), float(row["lon"])
    except ValueError as exc:
        raise DataFileError(f"{file_name}: bad coordinates for {row.get('name') or row.get('iso2')!r}",
                            "write decimal degrees, e.g. 33.50 and 38.63") from exc


def _read_landmarks(override_dir: str) -> list[tuple[Candidate, list[str]]]:
    return [(Candidate(row["name"], "landmark", row["country"], *_point(row, "landmarks.tsv"),
                       admin1=row["admin1"], feature=row["kind"]), [row["name"], *_split(row["alternates"])])
            for row in read_table(f"{FOLDER}/landmarks.tsv", override_dir)]


def _read_added(override_dir: str, places_file: str) -> list[tuple[Candidate, tuple[str, ...]]]:
    """The user's places: `places_file` (which must exist) and a places.csv in the data folder."""
    paths = [Path(places_file)] if places_file else []
    in_data_dir = Path(override_dir) / FOLDER / USER_PLACES if override_dir else None
    if in_data_dir is not None and in_data_dir.is_file():
        paths.append(in_data_dir)
    return [(Candidate(p.name, p.kind, p.country, p.latitude, p.longitude, admin1=p.admin1, feature=p.feature,
                       added=True), p.names) for path in paths for p in read_user_places(path)]


def _read_regions(override_dir: str) -> list[tuple[Candidate, list[str]]]:
    """Continents and regions; a region inside one country carries that country, and one inside
    one province (column admin1, optional) that province, so that it votes for it: "Long Island"."""
    found = []
    for row in read_table(f"{FOLDER}/regions.tsv", override_dir):
        countries = _split(row["countries"])
        country = countries[0] if len(countries) == 1 else ""
        found.append((Candidate(row["name"], "region", country, *_point(row, "regions.tsv"),
                                admin1=row.get("admin1", "") if country else ""),
                      [row["name"], *_split(row["alternates"])]))
    return found


def _read_aliases(override_dir: str, admins: tuple[Candidate, ...]) -> Mapping[str, tuple[int, ...]]:
    units = {(a.country, a.name): i for i, a in enumerate(admins) if a.kind == "admin1"}
    keys: dict[str, tuple[int, ...]] = {}
    for row in read_table(f"{FOLDER}/admin_aliases.tsv", override_dir):
        index = units.get((row["country"], row["admin1"]))
        if index is None:
            raise DataFileError(f"admin_aliases.tsv: no admin-1 unit {row['admin1']!r} in {row['country']}",
                                "use the unit's name as the gazetteer spells it")
        keys[name_key(row["alias"])] = (*keys.get(name_key(row["alias"]), ()), index)
    return MappingProxyType(keys)
