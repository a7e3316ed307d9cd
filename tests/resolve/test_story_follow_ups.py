"""An arrest story that tells the shooting it follows up: the article ties the two together, so its
arrest joins the shooting's incident as a follow-up report even when it names nobody the first report
names (GVA dev: an Ocala nightclub shooting and the arrests six weeks later)."""

from dataclasses import replace
from datetime import date

from parallax.resolve.incidents import resolve_incidents
from parallax.resolve.scoring import story_pairs
from parallax.settings import Settings

from builders import day, mention, place, span

TOWN = place("Marlow", "US", 29.18, -82.14, admin1="Florida")
SUNDAY = day(date(2015, 9, 13), "Sunday")
MONDAY = day(date(2015, 10, 26), "Monday")
CIVILIANS = dict(kind="Violence against civilians", sub="Attack")
ARRESTS = dict(kind="Strategic developments", sub="Arrests")


def told(article: str, trigger: str, when, text: str, start: int = 0, **kind):
    found = mention(article, TOWN, when, text, start=start, **kind)
    return replace(found, trigger=span(article, trigger, start))


SHOOTING = told("a", "shooting", SUNDAY, "A shooting in a nightclub's parking lot early Sunday left a man dead "
                "and four others hurt, deputies said.", **CIVILIANS)
ARREST = told("b", "arrested", MONDAY, "Deputies arrested two more suspects on Monday over the deadly "
              "nightclub shooting.", **ARRESTS)
RECALLED = told("b", "opening", SUNDAY, "Both are accused of opening fire on people gathered outside the club on "
                "Sept. 13.", start=200, **CIVILIANS)


def incident_of(incidents, mention_id):
    return next(i for i in incidents if mention_id in {m.id for m in i.mentions})


def test_an_arrest_story_telling_the_shooting_joins_its_incident():
    incidents = resolve_incidents([SHOOTING, ARREST, RECALLED], Settings())
    joined = incident_of(incidents, ARREST.id)
    assert {m.id for m in joined.mentions} == {SHOOTING.id, ARREST.id, RECALLED.id}
    assert any(e.name == "same story" for link in joined.links for e in link.evidence)


def test_the_pair_is_the_follow_up_and_the_event_before_it():
    assert story_pairs([SHOOTING, ARREST, RECALLED]) == [(ARREST, RECALLED)]
    later = told("b", "opening", day(date(2015, 11, 2), "Monday"), "Another man opened fire at the club in November.",
                 start=200, **CIVILIANS)
    assert story_pairs([ARREST, later]) == []  # an event told after the arrest is no event it follows up
    assert story_pairs([SHOOTING]) == []


def test_an_arrest_weeks_later_that_tells_no_event_stays_apart():
    incidents = resolve_incidents([SHOOTING, ARREST], Settings())
    assert incident_of(incidents, ARREST.id) != incident_of(incidents, SHOOTING.id)


def test_a_store_joins_the_arrest_story_in_either_order(tmp_path):
    from datetime import datetime

    from parallax.resolve.incremental import add_mentions
    from parallax.schema import Article
    from parallax.store.sqlite import open_store

    items = [(Article("a", SHOOTING.sentences[0].text, published=datetime(2015, 9, 13)), [SHOOTING]),
             (Article("b", ARREST.sentences[0].text, published=datetime(2015, 10, 27)), [ARREST, RECALLED])]
    for order, path in ((items, "one.sqlite"), (items[::-1], "two.sqlite")):
        with open_store(tmp_path / path) as store:
            for article, mentions in order:
                store.add_articles([article])
                store.replace_mentions(article.id, mentions)
                add_mentions(store, mentions, Settings())
            assert {frozenset(m.id for m in i.mentions) for i in store.incidents()} == {
                frozenset({SHOOTING.id, ARREST.id, RECALLED.id})}
