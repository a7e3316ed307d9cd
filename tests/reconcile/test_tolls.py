"""Reported tolls (reconcile.tolls): killed and injured per article, then across articles, the way the Gun
Violence Archive counts; claims built by hand (no model, no dataset)."""

from __future__ import annotations

from dataclasses import replace

from parallax.reconcile.incident import reconcile_incident
from parallax.reconcile.tolls import article_toll, incident_toll, reported_toll
from parallax.schema import Claim, EventMention, Figure, Measure, Span


def claim(measure: Measure, low: int | None, high: int | None, text: str, *, scope: str = "incident",
          negated: bool = False, start: int = 0) -> Claim:
    span = Span("a", start, start + len(text), text, text)
    return Claim(id=f"{measure}{low}{text}", article_id="a", measure=measure, figure=Figure(low, high, text),
                 span=span, scope=scope, negated=negated)


def counts(articles: list[list[Claim]]) -> tuple[int | None, int | None]:
    toll = incident_toll(articles)
    return toll.killed, toll.injured


K, I = Measure.KILLED, Measure.INJURED


def test_largest_exact_figure_across_articles():
    first = [claim(K, 1, 1, "one"), claim(I, 2, 2, "two")]
    later = [claim(K, 2, 2, "two"), claim(I, 3, None, "at least 3")]
    assert counts([first, later]) == (2, 2)


def test_vague_only_when_nothing_is_exact():
    assert counts([[claim(I, 12, None, "dozens")]]) == (None, 12)


def test_war_wide_and_negated_claims_do_not_count():
    claims = [claim(K, 320001, None, "more than 320,000", scope="cumulative"),
              claim(I, 0, 0, "no", negated=True), claim(K, 3, 3, "three")]
    assert counts([claims]) == (3, None)


def test_single_injury_beside_a_death_is_that_death():
    headline = [claim(I, 1, 1, "the girl")]
    body = [claim(K, 1, 1, "she"), claim(I, 2, 2, "two")]
    assert counts([headline]) == (None, 1)
    assert counts([headline, body]) == (1, 2)


def test_nothing_reported_is_zero():
    assert counts([[]]) == (None, None)


def test_shooter_who_killed_himself_counts_among_the_dead():
    """Regression: "shot his wife and two sons before killing himself" is four dead for GVA, not three."""
    sentence = "A man fatally shot his wife and two sons before killing himself."
    victims = Claim(id="v", article_id="a", measure=K, figure=Figure(3, 3, "his wife and two sons"),
                    span=Span("a", 20, 41, "his wife and two sons", sentence))
    shooter = Claim(id="s", article_id="a", measure=K, figure=Figure(1, 1, "himself"),
                    span=Span("a", 57, 64, "himself", sentence))
    assert counts([[victims, shooter]]) == (4, None)
    assert counts([[victims], [shooter]]) == (3, None)  # told apart, he may be one of the three


def test_headline_listing_a_death_and_an_injury_keeps_both():
    """Regression: "Mother injured, child killed" is one dead and one hurt; in a body sentence a single
    injured person beside a death is still read as that death told earlier."""
    title = "Mother injured, child killed in shooting"
    hurt = Claim(id="h", article_id="t", measure=I, figure=Figure(1, 1, "Mother"), span=Span("t", 0, 6, "Mother", title))
    dead = Claim(id="d", article_id="t", measure=K, figure=Figure(1, 1, "child"), span=Span("t", 17, 22, "child", title))
    assert counts([[hurt, dead]]) == (1, 1)
    body = "A boy was killed and his mother was hurt."
    hurt_b = Claim(id="hb", article_id="b", measure=I, figure=Figure(1, 1, "his mother"),
                   span=Span("b", 21, 31, "his mother", body))
    dead_b = Claim(id="db", article_id="b", measure=K, figure=Figure(1, 1, "A boy"), span=Span("b", 0, 5, "A boy", body))
    assert counts([[hurt_b, dead_b]]) == (1, None)
    both = "A man was killed and a woman was wounded."
    woman = Claim(id="w", article_id="c", measure=I, figure=Figure(1, 1, "a woman"),
                  span=Span("c", 26, 33, "a woman", both))
    man = Claim(id="m", article_id="c", measure=K, figure=Figure(1, 1, "A man"), span=Span("c", 0, 5, "A man", both))
    assert counts([[woman, man]]) == (1, 1)  # the "1 killed, 1 injured"


def test_unnumbered_injury_beside_a_death_is_that_death():
    """Regression: "Two people were killed ... they were shot in a parked car" is (2, 0), not (2, 2);
    a numbered vague injury ("dozens hurt") beside deaths stays."""
    dead = claim(K, 2, 2, "Two")
    they = claim(I, 2, None, "they", start=40)
    assert counts([[dead, they]]) == (2, None)
    assert counts([[dead, claim(I, 12, None, "dozens", start=40)]]) == (2, 12)


def test_person_introduced_beside_counted_dead_is_hurt():
    """Regression (GVA 628791-like): "Two brothers were killed and a teen girl was injured" is (2, 1); the
    girl is introduced as new beside dead counted by a numeral, not the dead told again."""
    sentence = "Two brothers were killed and a teen girl was injured outside a party, deputies said."
    dead = Claim(id="d", article_id="a", measure=K, figure=Figure(2, 2, "Two"), span=Span("a", 0, 3, "Two", sentence))
    girl = Claim(id="g", article_id="a", measure=I, figure=Figure(1, 1, "a teen girl"),
                 span=Span("a", 29, 40, "a teen girl", sentence))
    assert counts([[dead, girl]]) == (2, 1)
    later = Claim(id="l", article_id="a", measure=I, figure=Figure(1, 1, "a teen girl"),
                  span=Span("a", 90, 101, "a teen girl", "Police said a teen girl was shot."))
    assert counts([[dead, later]]) == (2, None)  # told in a sentence of her own: maybe one of the two


def test_a_lone_outlier_count_does_not_decide():
    """Regression (GVA: 'eight wounded' told early, five in every later report): the upper median of the
    articles' counts, so one outlier does not win; of two counts the larger (tolls rise)."""
    five, eight = [claim(I, 5, 5, "five")], [claim(I, 8, 8, "eight")]
    assert counts([five, eight, five]) == (None, 5)
    assert counts([five, eight]) == (None, 8)


def test_hurt_person_set_apart_from_the_dead_is_kept():
    """Regression (GVA 767690-like): "A second teenager suffered a wound" and "his mother was also shot"
    name someone besides the dead; "the boy was shot" beside his death is still that death."""
    dead = claim(K, 1, 1, "A teenager")
    second = Claim(id="s", article_id="a", measure=I, figure=Figure(1, 1, "A second teenager"),
                   span=Span("a", 40, 57, "A second teenager", "A second teenager suffered a wound."))
    assert counts([[dead, second]]) == (1, 1)
    also = Claim(id="m", article_id="a", measure=I, figure=Figure(1, 1, "his mother"),
                 span=Span("a", 40, 50, "his mother", "The boy died, and his mother was also shot."))
    assert counts([[dead, also]]) == (1, 1)
    boy = Claim(id="b", article_id="a", measure=I, figure=Figure(1, 1, "the boy"),
                span=Span("a", 40, 47, "the boy", "Police said the boy was shot."))
    assert counts([[dead, boy]]) == (1, None)


def test_killer_who_killed_self_is_counted_once():
    """Regression (GVA 710344-like): "Man kills self after shooting girlfriend ... he then killed himself"
    names the same dead man twice in one sentence."""
    sentence = "Man kills self after shooting girlfriend; police said he killed himself."
    self_ = Claim(id="s", article_id="a", measure=K, figure=Figure(1, 1, "self"), span=Span("a", 9, 13, "self", sentence))
    himself = Claim(id="h", article_id="a", measure=K, figure=Figure(1, 1, "himself"),
                    span=Span("a", 60, 67, "himself", sentence))
    assert counts([[self_, himself]]) == (1, None)


def test_article_toll_is_the_largest_exact_sentence_total():
    claims = [claim(K, 1, 1, "a man"), claim(K, 3, 3, "three", start=30), claim(K, 5, None, "at least 5", start=60)]
    assert article_toll(claims, K) == 3
    assert article_toll([claim(K, 5, None, "at least 5")], K) == 5
    assert article_toll([claim(K, 5, 5, "five", scope="cumulative")], K) is None


def mention(mention_id: str, article_id: str, claims: tuple[Claim, ...]) -> EventMention:
    return EventMention(id=mention_id, article_id=article_id, trigger=Span(article_id, 0, 4, "shot", "shot"),
                        event_type="Violence against civilians", sub_event_type="Attack", claims=claims)


def test_incident_record_carries_the_reported_toll():
    """The incident record counts per article: two mentions of one article are one article's count, and
    the upper median across three articles ignores the lone early 'eight wounded'."""
    five, eight = claim(I, 5, 5, "five"), claim(I, 8, 8, "eight")
    dead = claim(K, 1, 1, "one man", start=20)
    mentions = [mention("m1", "a1", (five,)), mention("m2", "a1", (dead,)), mention("m3", "a2", (eight,)),
                mention("m4", "a3", (five,))]
    toll = reported_toll(mentions)
    assert (toll.killed, toll.injured) == (1, 5)
    incident = reconcile_incident("i", mentions)
    assert incident.reported == toll
    assert incident.fatalities.best == 1


def test_no_toll_when_no_report_gives_one():
    assert reported_toll([mention("m1", "a1", ())]) is None
    assert reconcile_incident("i", [mention("m1", "a1", ())]).reported is None


def test_a_headline_is_a_report_of_its_own():
    """A headline's claims (spans in Article.title) are counted apart from its body's: 'Teen killed, 2
    hurt' over a body that tells three hurt is two reports, and with a third report of two hurt the
    upper median is two (counted in the body, the headline's two would be outranked by the three)."""
    def on_title(c: Claim) -> Claim:
        return replace(c, id=c.id + "-title", span=replace(c.span, field="title"))
    body = (claim(K, 1, 1, "a teen"), claim(I, 3, 3, "three", start=30))
    headline = (on_title(claim(K, 1, 1, "Teen")), on_title(claim(I, 2, 2, "2", start=13)))
    other = (claim(K, 1, 1, "one"), claim(I, 2, 2, "two", start=10))
    toll = reported_toll([mention("m1", "a1", body + headline), mention("m2", "a2", other)])
    assert (toll.killed, toll.injured) == (1, 2)
    merged = reported_toll([mention("m1", "a1", body + tuple(replace(c, span=replace(c.span, field="text"))
                                                              for c in headline)), mention("m2", "a2", other)])
    assert merged.injured == 3


def test_a_victim_told_by_rank_counts_the_ones_before():
    """Regression (GVA): '<four> victims ... A fifth victim later turned up at a hospital' is five hurt;
    'A woman was hit in the hip, another woman in the arm and a man in the neck. A fourth victim was
    also hurt' is four; 'two men died and a fourth person was wounded' beside three dead is one hurt."""
    four, fifth = claim(I, 4, 4, "four"), claim(I, 1, 1, "A fifth male adult victim", start=40)
    assert article_toll([four, fifth], I) == 5
    listed = [claim(I, 1, 1, "A woman"), claim(I, 1, 1, "another woman", start=8),
              claim(I, 1, 1, "a man", start=20), claim(I, 1, 1, "A fourth victim", start=60)]
    listed = [replace(c, span=replace(c.span, sentence="one" if c.span.start < 60 else "two")) for c in listed]
    assert article_toll(listed, I) == 4
    dead = [claim(K, 3, 3, "three"), claim(I, 1, 1, "a fourth", start=30)]
    assert article_toll(dead, I) == 1 and article_toll(dead, K) == 3


def test_armed_sides_dead_add_to_the_victims_regression_gao_ambush():
    """Regression (examples' Gao ambush): seven soldiers and 15 assailants killed in one article are 22."""
    soldiers = replace(claim(K, 7, 7, "seven"), victim_group="soldiers")
    assailants = replace(claim(K, 15, 15, "15", start=90), victim_group="assailants")
    assert counts([[soldiers, assailants]]) == (22, None)
    assert counts([[soldiers], [replace(claim(K, 9, 9, "nine"), victim_group="civilians")]]) == (9, None)


def test_one_hurt_in_a_first_report_is_the_death_the_later_ones_tell():
    """A first report of one person flown to a trauma centre with grave wounds, two later ones her death
    and nobody hurt: killed 1, hurt 0 (GVA: a teenager's death counted one hurt too); "two others were
    also injured" stays, and so does a hurt count that more reports give."""
    early = [claim(I, 1, 1, "one")]
    later = [claim(K, 1, 1, "the 16-year-old girl")]
    title = [claim(K, 1, 1, "Teen")]
    assert counts([early, later, title]) == (1, None)
    others = [claim(I, 2, 2, "Two others")]
    assert counts([others, later, title]) == (1, 2)
    assert counts([early, [claim(I, 1, 1, "a boy")], later]) == (1, 1)


def test_a_body_that_tells_no_death_counts_the_dead_among_those_shot():
    """ "A 12-year-old boy and five other people were shot" in a body that never says the boy died, under a
    headline "boy killed, 5 others shot": five hurt, not six; "two others were shot" stays two."""
    def told(measure: Measure, n: int, text: str, sentence: str, field: str = "text") -> Claim:
        span = Span("a", 0, len(text), text, sentence, field=field)
        return Claim(id=f"{measure}{n}{field}", article_id="a", measure=measure, figure=Figure(n, n, text), span=span)
    body = [told(I, 6, "A 12-year-old boy and five other people",
                 "A 12-year-old boy and five other people were shot near a laundromat on Saturday.")]
    title = [told(K, 1, "boy", "Boy, 12, killed and 5 others shot at corner store", "title"),
             told(I, 5, "5", "Boy, 12, killed and 5 others shot at corner store", "title")]
    assert counts([body, title]) == (1, 5)
    others = [told(I, 2, "Two others", "Two others were shot in the same attack.")]
    assert counts([others, title]) == (1, 5)
    assert counts([others, [told(K, 1, "a man", "A man was killed.")]]) == (1, 2)



def test_a_headline_that_tells_no_death_counts_the_dead_among_those_shot():
    """ "2 teens shot in the head in Easton" over a body that says nothing more, beside a later report of
    two teens dead and a third hurt: the headline's two shot are the dead, so it counts no one hurt
    (GVA 2 killed, 1 hurt came out as 2 hurt); with no death reported it stays two hurt."""
    def told(article: str, measure: Measure, n: int, text: str, sentence: str, field: str = "text") -> Claim:
        span = Span(article, 0, len(text), text, sentence, field=field)
        return Claim(id=f"{article}{measure}{n}{field}", article_id=article, measure=measure,
                     figure=Figure(n, n, text), span=span)
    later = [told("a", K, 2, "Two teens", "Two teens died after a triple shooting in Easton."),
             told("a", I, 1, "A third teen", "A third teen was wounded.")]
    title = [told("b", I, 2, "2 teens", "2 teens shot in the head in Easton", "title")]
    early = [told("b", I, 3, "Three teenagers", "Three teenagers were hurt in a shooting in Easton.")]
    assert counts([later, title, early]) == (2, 1)
    assert counts([title, early]) == (None, 3)

def said(article: str, measure: Measure, n: int, text: str, sentence: str) -> Claim:
    span = Span(article, 0, len(text), text, sentence)
    return Claim(id=f"{article}{measure}{n}", article_id=article, measure=measure, figure=Figure(n, n, text),
                 span=span)


def test_a_death_fewer_articles_tell_than_the_hurt_is_another_death():
    """Regression (GVA 632020-like): two articles tell a boy of 7 wounded and nobody dead; a third, a
    profile of the officer, recalls "the smell of death". The death is none of this incident's: (0, 1),
    not (1, 0). A death told as the victim dying later ("has died") is the toll risen: kept."""
    hurt = [[said(a, I, 1, "a 7-year-old boy", "A 7-year-old boy was wounded on Elm Street.")] for a in "bc"]
    profile = [said("p", K, 1, "death", "Twenty years on, he says, the sirens still bring back the smell of death.")]
    assert counts([*hurt, profile]) == (0, 1)
    died = [said("d", K, 1, "The boy", "The boy who was shot on Elm Street has died, police said.")]
    assert counts([*hurt, died]) == (1, None)
    assert counts([hurt[0], profile]) == (1, None)  # one article against one: the death stands


def test_a_ranked_victim_after_the_articles_count_is_the_toll_grown():
    """Regression (GVA 293883-like): two reports count four wounded; a later article counts "four victims"
    and then "A fifth victim later turned up at a hospital". Five is the toll grown, like a toll told as
    risen: the fours are earlier counts, (None, 5), not the median's 4. "A third person was injured"
    beside two dead counts all the victims, not the hurt: it raises nothing."""
    early = [said("b", I, 4, "Four", "Four men were wounded when shots were fired from a car late Sunday.")]
    title = [replace(early[0], id="bt", span=replace(early[0].span, field="title"))]
    later = [said("c", I, 4, "four", "On the porch, officers came upon four victims, all with bullet wounds."),
             replace(said("c", I, 1, "A fifth victim", "A fifth victim later turned up at a hospital."), id="c5")]
    assert counts([early, title, later]) == (None, 5)
    third = [said("d", K, 2, "Two", "Two teens who were shot on Monday have died."),
             replace(said("d", I, 1, "A third person", "A third person suffered minor injuries."), id="d3")]
    assert counts([third, early, title]) == (2, 4)
