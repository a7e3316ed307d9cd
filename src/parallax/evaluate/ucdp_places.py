"""Score place descriptions -> coordinates on UCDP GED Syria: each event's where_coordinates text
("Kafr Nabl town", "Northern Aleppo Governorate") geocoded with the gazetteer, against the
event's coded point; and our UCDP where_prec against UCDP's own."""

from __future__ import annotations

import csv
import re
import statistics
from collections import Counter
from collections.abc import Iterator
from pathlib import Path

from parallax.evaluate.paths import dataset_file, open_text
from parallax.extract.gazetteer import Gazetteer, km_between, load_gazetteer
from parallax.extract.place_precision import ucdp_where_prec
from parallax.extract.place_toponyms import Toponym, resolve_toponyms
from parallax.schema import GeoPrecision, Place

GED_FILE = "ged_syria_2016_2017.csv.gz"
COUNTRY, COUNTRY_CODE = "Syria", "SY"  # the file's one country, given as the description's context
ACCURATE_KM = 161.0
CLOSE_KM = 25.0
GROUPS = {"1": "exact", "2": "near", "3": "district", "4": "province", "5": "area", "6": "country"}
_ALTERNATIVE = re.compile(r"/\S+")  # "Qalat Jabar/Jaebar castle": the first spelling
_ASIDE = re.compile(r"\s*\([^)]*\)")  # "Al-Rai town (Choban Bey)", "Tiyas Military Airbase (T4)"
_REPEATED = re.compile(r"\b(\w+) \1\b")  # "As Suwar town/Sur town" -> "As Suwar town town"
# "Silos east of Palmyra", "river near Kobane", "countryside of Raqqa": the place named last
_REFERENCE = re.compile(r"^(?P<what>.+?)\s+(?:(?P<compass>\w+) of|near|of)\s+(?P<name>[^,]+)$")


def score_ucdp_places(folder: Path, limit: int | None = None) -> dict:
    """acc@161 km, acc@25 km and median error per UCDP where_prec group and overall (a
    description the gazetteer cannot place counts as wrong), and how often our where_prec equals
    UCDP's. `limit` takes an even sample of that many events."""
    gazetteer = load_gazetteer()
    errors: dict[str, list[float]] = {group: [] for group in (*GROUPS.values(), "all")}
    counts, same_prec = Counter(), 0
    rows = list(_rows(folder))
    for row in rows[::max(1, len(rows) // limit)][:limit] if limit else rows:
        group = GROUPS.get(row["where_prec"], "other")
        counts[group] += 1
        counts["all"] += 1
        place = geocode_description(row["where_coordinates"], gazetteer)
        same_prec += ucdp_where_prec(place) == int(row["where_prec"])
        if place is not None and place.latitude is not None:
            error = km_between(float(row["latitude"]), float(row["longitude"]), place.latitude, place.longitude)
            errors.setdefault(group, []).append(error)
            errors["all"].append(error)
    scores = {f"{group}_{key}": value for group in errors if counts[group]
              for key, value in _summary(errors[group], counts[group]).items()}
    scores["where_prec_agreement"] = round(same_prec / counts["all"], 3) if counts["all"] else 0.0
    return scores


def geocode_description(description: str, gazetteer: Gazetteer) -> Place | None:
    """A UCDP place description as a Place: a compass word leading it ("Northern Aleppo
    Governorate") is kept as the relation, the rest resolved inside the country; a description
    the gazetteer does not know that ends in "east of X", "near X" or "of X" is placed at X,
    with that relation ("Silos east of Palmyra/Tadmur"). Asides in brackets are dropped."""
    text = _REPEATED.sub(r"\1", _ALTERNATIVE.sub("", _ASIDE.sub("", " ".join(description.split()))))
    first, _, rest = text.partition(" ")
    direction = gazetteer.terms.directions.get(first.lower(), "") if rest else ""
    name = rest if direction else text
    relation = f"in the {direction} of" if direction else ""
    reference = _REFERENCE.match(name)
    if reference and not gazetteer.lookup(name):
        compass = gazetteer.terms.directions.get((reference.group("compass") or "").lower(), "")
        name, relation = reference.group("name"), f"{compass} of" if compass else "near"
    if not name:
        return None
    context = f"{name}, {COUNTRY}"
    chosen = resolve_toponyms(context, [Toponym(name, 0, len(name)), Toponym(COUNTRY, len(name) + 2, len(context))],
                              gazetteer)[0]
    if chosen is None or chosen.country != COUNTRY_CODE:  # a namesake abroad is no answer
        return None
    near = reference is not None and name == reference.group("name")
    precision = max(chosen.precision, GeoPrecision.NEAR) if near else chosen.precision
    return Place(name=chosen.name, country=chosen.country, admin1=chosen.admin1, admin2=chosen.admin2,
                 latitude=chosen.latitude, longitude=chosen.longitude, precision=precision,
                 geonameid=chosen.geonameid, relation=relation)


def _summary(errors: list[float], total: int) -> dict[str, float]:
    return {"events": total, "answered": round(len(errors) / total, 3),
            "acc161": round(sum(e <= ACCURATE_KM for e in errors) / total, 3),
            "acc25": round(sum(e <= CLOSE_KM for e in errors) / total, 3),
            "median_km": round(statistics.median(errors), 1) if errors else 0.0}


def _rows(folder: Path) -> Iterator[dict[str, str]]:
    with open_text(dataset_file(folder, GED_FILE)) as handle:
        yield from csv.DictReader(handle)

