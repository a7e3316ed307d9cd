"""Synthetic wire articles for benchmarks: invented incidents told the way agencies tell them.

Each article has a dateline lede, one or two attributed casualty figures, a quote, background
and context paragraphs that name no new incident (as real wire copy does), so the generator
exercises the extractors the way a real corpus does, at any size and without copying anyone's
text. The same seed always gives the same articles; several articles tell each incident, with
different figures and speakers, so resolution has something to merge.
"""

from __future__ import annotations

import random
from collections.abc import Iterator
from datetime import date, timedelta

from parallax.ingest.ids import content_id
from parallax.schema import Article

PLACES = (  # (dateline city, place of the incident, country adjective)
    ("MOGADISHU", "Afgoye", "Somali"), ("MOGADISHU", "Baidoa", "Somali"),
    ("MAIDUGURI", "Bama", "Nigerian"), ("MAIDUGURI", "Gwoza", "Nigerian"),
    ("BAMAKO", "Mopti", "Malian"), ("BAMAKO", "Gao", "Malian"),
    ("KABUL", "Kunduz", "Afghan"), ("KABUL", "Ghazni", "Afghan"),
    ("BAGHDAD", "Tikrit", "Iraqi"), ("BAGHDAD", "Ramadi", "Iraqi"),
    ("KYIV", "Kharkiv", "Ukrainian"), ("KYIV", "Kherson", "Ukrainian"),
    ("SANAA", "Taiz", "Yemeni"), ("ADEN", "Marib", "Yemeni"),
    ("GOMA", "Rutshuru", "Congolese"), ("BENI", "Oicha", "Congolese"),
)
EVENTS = (  # (what happened, the verb for the dead, victims, headline: plain, with the toll)
    ("A car bomb exploded outside a police station in {place}", "killed", "people",
     ("Car bomb explodes outside police station in {place}", "Car bomb kills {dead} outside police station in {place}")),
    ("Gunmen attacked a village near {place}", "killed", "villagers",
     ("Gunmen attack village near {place}", "Gunmen kill {dead} villagers near {place}")),
    ("An air strike hit a market in {place}", "killed", "civilians",
     ("Air strike hits market in {place}", "Air strike on {place} market kills {dead} civilians")),
    ("Militants ambushed an army convoy on the road to {place}", "killed", "soldiers",
     ("Militants ambush army convoy on {place} road", "{dead} soldiers killed in ambush near {place}")),
    ("Artillery shells struck a residential district of {place}", "killed", "residents",
     ("Shelling hits residential district of {place}", "Shelling of {place} kills {dead}, officials say")),
    ("A suicide bomber blew himself up at a checkpoint in {place}", "killed", "people",
     ("Suicide bomber strikes checkpoint in {place}", "Suicide bombing at {place} checkpoint kills {dead}")),
    ("Clashes broke out between rival armed groups in {place}", "left dead", "fighters",
     ("Rival armed groups clash in {place}", "{dead} fighters dead in {place} clashes")),
)
SPEAKERS = ("a local official", "the district governor", "a police spokesman", "a hospital director",
            "the health ministry", "a military source", "witnesses", "a rights group")
OUTLETS = ("Horn Wire", "Sahel Daily", "Continental Press", "Gulf Tribune", "Levant Wire",
           "Northern Herald", "Eastern Dispatch", "River Post")
NUMBER_WORDS = ("two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "a dozen")
WEEKDAYS = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")
CONTEXT = (
    "The region has seen repeated violence in recent months, and aid agencies say access to "
    "the worst-hit districts remains limited.",
    "Parliament is due to debate a new budget next week, with spending on roads and schools "
    "expected to dominate the session.",
    "Prices of flour and fuel have risen sharply since the start of the year, traders in the "
    "central market said.",
    "The government has promised to hold local elections before the end of the year, although "
    "opposition parties say the timetable is unrealistic.",
    "Schools in the area reopened last month after the long holiday, and teachers said attendance "
    "had been lower than usual.",
    "The United Nations has appealed for more funding for its humanitarian programme in the "
    "country, which it says is less than a third funded.",
    "Farmers in the surrounding districts said the rains had come late this year, delaying the "
    "planting season by several weeks.",
    "The national football team won its qualifying match on Saturday, sparking celebrations in "
    "several cities.",
)
QUOTES = (
    '"We heard a huge blast and then shooting that went on for almost an hour," one resident said.',
    '"The wounded were brought in on motorbikes and in private cars," a nurse said.',
    '"People are afraid to leave their homes after dark," a shopkeeper told reporters.',
)
CLOSINGS = (
    "No group has yet said it was behind the attack.",
    "Security forces cordoned off the district and began hunting for the gunmen.",
    "The authorities said an investigation had been opened.",
)


def wire_articles(count: int, seed: int = 7, tellings: int = 3,
                  start: date = date(2024, 1, 1)) -> Iterator[Article]:
    """`count` articles, streamed; about `tellings` articles describe each invented incident."""
    rng = random.Random(seed)
    incident = None
    for index in range(count):
        if index % tellings == 0:
            incident = _incident(rng, start + timedelta(days=index // (tellings * 4)))
        yield _article(rng, incident, index)


def _incident(rng: random.Random, day: date) -> dict:
    dateline, place, adjective = rng.choice(PLACES)
    event, verb, victims, headlines = rng.choice(EVENTS)
    return {"dateline": dateline, "place": place, "adjective": adjective, "event": event,
            "verb": verb, "victims": victims, "headlines": headlines, "day": day, "dead": rng.randint(2, 40)}


def _article(rng: random.Random, incident: dict, index: int) -> Article:
    published = incident["day"] + timedelta(days=rng.choice((0, 0, 1)))
    weekday = WEEKDAYS[incident["day"].weekday()]
    lede, dead = _lede(rng, incident, weekday)
    paragraphs = [lede, _second_source(rng, incident)]
    paragraphs += rng.sample(QUOTES, 1) + rng.sample(CONTEXT, rng.randint(2, 4))
    paragraphs.append(rng.choice(CLOSINGS))
    text = "\n\n".join(paragraphs)
    # every other outlet puts its own toll in the headline; choosing by index keeps the bodies' random stream
    title = incident["headlines"][index % 2].format(place=incident["place"], dead=dead)
    return Article(content_id(text), text, title=title,
                   outlet=rng.choice(OUTLETS), published=_midday(published), language="en",
                   source=f"wire:{index}")


def _lede(rng: random.Random, incident: dict, weekday: str) -> tuple[str, int]:
    dead = max(incident["dead"] + rng.choice((-1, 0, 0, 2)), 2)  # the sources disagree a little
    event = incident["event"].format(place=incident["place"])
    bound = "at least " if rng.random() < 0.4 else ""
    if rng.random() < 0.5:
        return (f"{incident['dateline']} - {event} on {weekday}, killing {bound}{dead} "
                f"{incident['victims']}, {rng.choice(SPEAKERS)} said."), dead
    return (f"{incident['dateline']} - {event} on {weekday}. {bound.capitalize() or ''}{dead} "
            f"{incident['victims']} were killed, {rng.choice(SPEAKERS)} said."), dead


def _second_source(rng: random.Random, incident: dict) -> str:
    wounded = rng.choice(NUMBER_WORDS)
    return (f"{rng.choice(SPEAKERS).capitalize()} told the {incident['adjective']} news agency that "
            f"{wounded} more people were hurt and brought to hospital in {incident['place']}.")


def _midday(day: date):
    from datetime import datetime, timezone
    return datetime(day.year, day.month, day.day, 12, tzinfo=timezone.utc)
