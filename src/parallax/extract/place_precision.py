"""The precision codes of the two event datasets parallax exports to: UCDP GED's where_prec (1-7)
and ACLED's geo_precision (1-3), from a Place's own precision and relation."""

from __future__ import annotations

from parallax.schema import GeoPrecision, Place

# UCDP GED codebook: 1 exact place, 2 within about 25 km of a known point, 3 second-order
# administrative unit, 4 first-order unit, 5 a part of a country (a border area, a region),
# 6 the country, 7 international waters or airspace.
_UCDP = {GeoPrecision.EXACT: 1, GeoPrecision.NEAR: 2, GeoPrecision.REGION: 4, GeoPrecision.COUNTRY: 6}


def ucdp_where_prec(place: Place | None) -> int | None:
    """UCDP where_prec of a place; None when it has no coordinates."""
    if place is None or place.latitude is None:
        return None
    relation = place.relation.lower()
    if "border" in relation or (place.precision == GeoPrecision.REGION and relation.startswith("in the ")):
        return 5  # "near the border with Jordan", "in the east of" Syria: part of a country
    if place.precision == GeoPrecision.NEAR and place.admin2 and place.name == place.admin2 and not relation:
        return 3  # the district itself
    return _UCDP.get(place.precision)


def acled_geo_precision(place: Place | None) -> int | None:
    """ACLED geo_precision: 1 the town, 2 near it or its district, 3 a province or larger (ACLED
    codes country-wide events as 3 at the capital or centroid); None without coordinates."""
    if place is None or place.latitude is None or place.precision == GeoPrecision.UNKNOWN:
        return None
    return min(int(place.precision), 3)
