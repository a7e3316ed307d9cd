"""Flat, typed rows of incidents and claims: the one definition every tabular export shares.

A row is a tuple aligned with INCIDENT_COLUMNS or CLAIM_COLUMNS; unknown values are None (the CSV
writer turns them into empty cells). Counting sources: an incident's `n_sources` is the number of
distinct outlets among its articles; an article whose outlet is unknown counts as a source of its
own, so two unattributed wire copies count twice rather than zero times. `geo_precision` is
ACLED's (1 town, 2 near it or its district, 3 province or wider) and `where_prec` UCDP's (1-7);
see docs/geoparsing.md.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping, Sequence

from parallax.extract.actors import inter_code
from parallax.extract.place_precision import acled_geo_precision, ucdp_where_prec
from parallax.schema import Actor, ActorRole, Article, Claim, Incident

INCIDENT_COLUMNS = (
    "event_id", "event_date", "date_precision", "event_type", "sub_event_type", "actor1", "actor2",
    "country", "admin1", "admin2", "location", "latitude", "longitude", "geo_precision", "where_prec", "place_relation",
    "fatalities_low", "fatalities_best", "fatalities_high", "n_sources", "article_ids", "contested",
    "grade", "independent_sources", "contradictions", "notes",
    "inter1", "inter2", "interaction", "actor1_country", "actor2_country",  # appended, as claim_time below
    "reported_killed", "reported_injured",  # counted per article, then across (reconcile/tolls.py)
    "background",  # every report tells it only in passing ("has stepped up attacks in recent months")
)

CLAIM_COLUMNS = (
    "claim_id", "incident_id", "article_id", "outlet", "speaker", "relay", "measure", "victim_group",
    "value_low", "value_high", "value_text", "hedged", "negated", "sentence", "start", "end",
    "claim_time", "stance", "verb", "hedge",  # appended: readers of the older columns keep working
    "span_field",  # what start/end index: "text" (the body) or "title" (the headline)
    "parts", "scope", "damaged",  # "women: 11; children: 17"; incident, cumulative or earlier; what was hit
)

# A relay is a chain (speaker told X, X told the outlet), so it reads as a path.
RELAY_SEPARATOR = " > "


def outlet_of(article_id: str, articles_by_id: Mapping[str, Article], fallback: str = "") -> str:
    article = articles_by_id.get(article_id)
    return (article.outlet if article else "") or fallback


def source_keys(incident: Incident, articles_by_id: Mapping[str, Article]) -> list[str]:
    """One key per distinct source: the outlet's name, or the article id when it has none."""
    keys = []
    for mention in incident.mentions:
        outlet = outlet_of(mention.article_id, articles_by_id, mention.outlet)
        keys.append(f"outlet:{outlet.casefold()}" if outlet else f"article:{mention.article_id}")
    return list(dict.fromkeys(keys))


def n_sources(incident: Incident, articles_by_id: Mapping[str, Article]) -> int:
    return len(source_keys(incident, articles_by_id))


def incident_row(incident: Incident, articles_by_id: Mapping[str, Article]) -> tuple[object, ...]:
    when, place, deaths = incident.date, incident.place, incident.fatalities
    row = (incident.id, when.value if when else None, int(when.precision) if when else None,
           incident.event_type, incident.sub_event_type, incident.actor1, incident.actor2,
           (place.country_name or place.country) if place else None,
           place.admin1 if place else None, place.admin2 if place else None,
           place.name if place else None, place.latitude if place else None,
           place.longitude if place else None, acled_geo_precision(place),
           ucdp_where_prec(place), place.relation if place else None,
           deaths.low, deaths.best, deaths.high, n_sources(incident, articles_by_id),
           incident.article_ids, incident.contested, *_reconciled(incident), incident.notes,
           *_actor_codes(incident),
           incident.reported.killed if incident.reported else None,
           incident.reported.injured if incident.reported else None, incident.background)
    return tuple(_blank_to_none(v) for v in row)


def _actor_codes(incident: Incident) -> tuple[object, ...]:
    """inter1, inter2, interaction (ACLED's codes: 1 state forces ... 8 external/other; an
    interaction is the two codes, lower first, or inter1 and 0 for an actor acting alone) and each
    actor's ISO country. An actor parallax could not classify has no code, and then no interaction."""
    first = _actor_named(incident, incident.actor1, ActorRole.PERPETRATOR)
    second = _actor_named(incident, incident.actor2, ActorRole.TARGET)
    inter1, inter2 = (inter_code(a) if a else 0 for a in (first, second))
    if inter1 and second is None:
        interaction = inter1 * 10
    elif inter1 and inter2:
        interaction = min(inter1, inter2) * 10 + max(inter1, inter2)
    else:
        interaction = None
    return (inter1 or None, inter2 or None, interaction,
            first.country if first else None, second.country if second else None)


def _actor_named(incident: Incident, name: str, role: ActorRole) -> Actor | None:
    """The first actor of the incident's mentions with this normalised name and role."""
    if not name:
        return None
    return next((a for m in incident.mentions for a in m.actors if a.role == role and a.normalized == name), None)


def _reconciled(incident: Incident) -> tuple[object, object, object]:
    """grade, independent_sources, contradictions (a count): see docs/reconciliation.md."""
    rec = incident.reconciliation
    return (rec.grade.value, rec.independent_sources, len(rec.contradictions)) if rec else (None, None, None)


def unique_claims(incident: Incident) -> list[Claim]:
    """The incident's claims once each, even when two of its mentions carry the same one."""
    return list({c.id: c for c in incident.claims}.values())


def claim_row(claim: Claim, incident: Incident, articles_by_id: Mapping[str, Article]) -> tuple[object, ...]:
    speaker = (claim.speaker.normalized or claim.speaker.name) if claim.speaker else None
    row = (claim.id, incident.id, claim.article_id, outlet_of(claim.article_id, articles_by_id),
           speaker, claim.relay, claim.measure.value, claim.victim_group, claim.figure.low,
           claim.figure.high, claim.figure.text, claim.hedged, claim.negated, claim.span.sentence,
           claim.span.start, claim.span.end, claim.claim_time, claim.stance.value, claim.verb, claim.hedge,
           claim.span.field, tuple(f"{p.victim_group or 'people'}: {p.figure.text}" for p in claim.parts),
           claim.scope, claim.object_text)
    return tuple(_blank_to_none(v) for v in row)


def incident_rows(incidents: Sequence[Incident],
                  articles_by_id: Mapping[str, Article]) -> Iterator[tuple[object, ...]]:
    return (incident_row(i, articles_by_id) for i in incidents)


def claim_rows(incidents: Sequence[Incident],
               articles_by_id: Mapping[str, Article]) -> Iterator[tuple[object, ...]]:
    return (claim_row(c, i, articles_by_id) for i in incidents for c in unique_claims(i))


def claim_summary(claim: Claim, articles_by_id: Mapping[str, Article]) -> str:
    """'SOHR: eight killed (hedged)': one claim in a few words, for map pop-ups."""
    who = (claim.speaker.normalized or claim.speaker.name) if claim.speaker else \
        outlet_of(claim.article_id, articles_by_id, "the outlet")
    flags = [flag for flag, on in (("denied", claim.negated), ("hedged", claim.hedged)) if on]
    text = f"{who}: {claim.figure.text} {claim.measure.value}"
    return f"{text} ({', '.join(flags)})" if flags else text


def _blank_to_none(value: object) -> object:
    return None if value == "" or value == () else value
