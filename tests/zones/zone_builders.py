"""Hand-built zones and incidents for the zone tests (no spaCy model needed)."""

from __future__ import annotations

from datetime import date

from builders import EXAMPLES, mention
from parallax.schema import (Actor, ActorRole, DatePrecision, EventDate, Fatalities, GeoPrecision, Incident,
                             Place, Zone)

SYRIA_ZONES = EXAMPLES / "zones" / "syria_2017.geojson"
SQUARE = "POLYGON ((36 35, 37 35, 37 36, 36 36, 36 35))"  # 1 degree square in northern Syria


def square_zone(**overrides) -> Zone:
    values = dict(id="square", name="Square zone", kind="de-escalation", geometry_wkt=SQUARE,
                  parties=("Russia", "Turkey"))
    return Zone(**(values | overrides))


def circle_zone(**overrides) -> Zone:
    values = dict(id="circle", name="Circle zone", kind="deconfliction", geometry_wkt="POINT (38.63 33.5)",
                  radius_km=55.0, parties=("United States", "Russia"))
    return Zone(**(values | overrides))


def incident(lat: float | None, lon: float | None, precision: GeoPrecision = GeoPrecision.EXACT,
             when: date | None = date(2017, 6, 1), date_precision: DatePrecision = DatePrecision.DAY,
             event_type: str = "Explosions/Remote violence", actor1: str = "Military Forces of Russia",
             actor2: str = "Civilians", ident: str = "i1", background: bool = False,
             best: int | None = 3, mentions: int = 1) -> Incident:
    where = Place("Somewhere", "SY", "Syria", "", "", lat, lon, precision)
    told = EventDate(when, date_precision if when else DatePrecision.UNKNOWN)
    found = tuple(mention(f"{ident}-a{n}", where, told, "An air strike hit the town.", actor=actor1)
                  for n in range(mentions))
    found = tuple(_with_actor(m, actor2) for m in found)
    return Incident(ident, found, event_type, "Air/drone strike", told, where, actor1, actor2,
                    Fatalities(best, best, best), background=background)


def _with_actor(m, name: str):
    from dataclasses import replace
    return replace(m, actors=m.actors + (Actor(name, name, ActorRole.TARGET),))
