"""Contradictions, omissions, independent sources and grades on hand-built reports of one strike."""

from dataclasses import replace
from datetime import date

from parallax.reconcile.contradictions import find_contradictions, object_words
from parallax.reconcile.dates import incident_date
from parallax.reconcile.grade import reconcile_sources, source_groups
from parallax.reconcile.omissions import find_omissions
from parallax.schema import ContradictionKind, DatePrecision, EventDate, Grade, Measure, Stance

from builders import claim, day, mention, place, span

TOWN = place("Baidoa", lat=3.11, lon=43.65)
SUNDAY = day(date(2024, 3, 3), "Sunday")
WARNED = "The army said it fired warning shots before the strike hit the depot."
NOT_WARNED = "Residents said they never received any warning before the strike."


def report(article, text, *claims, outlet=""):
    return mention(article, TOWN, SUNDAY, text, claims=tuple(claims), outlet=outlet or article)


def killed(article, n, speaker, victims="", start=0):
    return replace(claim(article, n, n, speaker, start=start), victim_group=victims)


def hit(article, things, speaker):
    return replace(claim(article, None, None, speaker, Measure.DAMAGED), object_text=things)


def test_tolls_victims_targets_and_warnings_contradict_with_both_speakers():
    a = report("a1", WARNED, killed("a1", 8, "army", "militants"), hit("a1", "a depot and two trucks", "army"))
    b = report("b2", NOT_WARNED, killed("b2", 3, "residents", "civilians"), hit("b2", "a school", "residents"))
    found = find_contradictions([a, b])
    kinds = {c.kind for c in found}
    assert kinds >= {ContradictionKind.NUMBER, ContradictionKind.VICTIMS, ContradictionKind.TARGET,
                     ContradictionKind.SEQUENCE}
    toll = next(c for c in found if c.kind == ContradictionKind.NUMBER)
    assert {toll.speaker_a, toll.speaker_b} == {"army", "residents"}
    assert {toll.span_a.article_id, toll.span_b.article_id} == {"a1", "b2"}
    warning = next(c for c in found if c.kind == ContradictionKind.SEQUENCE)
    assert "warning" in warning.span_a.text and "warning" in warning.span_b.text


def test_overlapping_and_vague_figures_do_not_contradict():
    a = report("a1", "x", replace(claim("a1", 5, 8, "army"), victim_group=""))
    b = report("b2", "y", killed("b2", 6, "police"))
    c = report("c3", "z", claim("c3", 2, None, "medics"))  # "a number of": vague
    assert not [x for x in find_contradictions([a, b, c]) if x.kind == ContradictionKind.NUMBER]


def test_attackers_dead_are_no_rival_toll_regression_beni_bus():
    """Regression (tester's Beni bus story): "soldiers ... killed two of them" (the attackers) is a part
    that adds to the nine civilians, neither a rival figure nor another account of who died."""
    a = report("a1", "x", killed("a1", 9, "army", "civilians"), killed("a1", 2, "spokesman", "attackers", start=90))
    b = report("b2", "y", killed("b2", 19, "Red Cross", "people"))
    found = find_contradictions([a, b])
    told = {frozenset((c.value_a, c.value_b)) for c in found if c.kind == ContradictionKind.NUMBER}
    assert told == {frozenset(("9 [9]", "19 [19]"))}
    assert not [c for c in found if c.kind == ContradictionKind.VICTIMS]


def test_the_same_list_of_things_hit_is_no_contradiction():
    assert object_words("two trucks and a depot") == object_words("a depot, two trucks")


def test_one_thing_told_more_or_less_fully_is_no_contradiction():
    """Regression (fresh-clone user): 'the Souq Libya market' against 'the Souq Libya market in
    Omdurman', and 'a crowded vegetable market' against 'a market', were 'what was hit' disputes."""
    from parallax.reconcile.contradictions import object_heads
    assert object_heads("the Souq Libya market") == object_heads("the Souq Libya market in Omdurman")
    assert object_heads("a crowded vegetable market") == object_heads("a market")
    assert object_heads("a market") != object_heads("a hospital")
    assert object_heads("two front-end loaders, a tank") == {"loader", "tank"}


def test_each_source_omits_what_only_the_other_reports():
    a = report("a1", WARNED, killed("a1", 8, "army", "militants"))
    b = report("b2", "The strike hit the depot on Sunday.", hit("b2", "a depot", "residents"))
    omitted = {(o.article_id, o.kind) for o in find_omissions([a, b])}
    assert ("b2", "killed") in omitted and ("b2", "warning") in omitted and ("b2", "victims") in omitted
    assert ("a1", "what was hit") in omitted
    assert not [o for o in find_omissions([a]) if o]  # a single source omits nothing


def test_wire_reposts_count_as_one_independent_source():
    text = "Mortar shells hit the livestock market in Baidoa on Sunday, killing seven traders, officials said."
    a, b = report("a1", text, outlet="Wire"), report("b2", text, outlet="Reposter")
    c = report("c3", "Seven traders died in a mortar attack on a market, a local elder told reporters.")
    assert sorted(map(sorted, source_groups([a, b, c]))) == [["a1", "b2"], ["c3"]]
    rec = reconcile_sources([a, b, c], (a.event_type, a.sub_event_type), TOWN)
    assert rec.independent_sources == 2 and rec.source_groups == (("a1", "b2"),)


def test_two_articles_of_one_outlet_are_one_independent_source():
    """Regression (Beni bus attack): a Lakes Wire funeral story joined Lakes Wire's first report and
    the incident counted 5 independent sources for 4 outlets."""
    first = report("a1", "Rebels attacked a passenger bus near Beni on Thursday, killing 12 civilians.",
                   outlet="Lakes Wire")
    later = report("b2", "Mourners gathered in Beni on Sunday to bury the victims of the attack.",
                   outlet="lakes wire ")
    other = report("c3", "Gunmen ambushed a bus near Beni, the Red Cross said.", outlet="Kivu Observer")
    assert sorted(map(sorted, source_groups([first, later, other]))) == [["a1", "b2"], ["c3"]]
    rec = reconcile_sources([first, later, other], (first.event_type, first.sub_event_type), TOWN)
    assert rec.independent_sources == 2


def test_grades_single_several_contested_denied():
    one = report("a1", "x", killed("a1", 8, "army"))
    agree = report("b2", "y", killed("b2", 8, "police"))
    differ = report("c3", "z", killed("c3", 3, "medics"))
    denial = report("d4", "w", replace(killed("d4", 8, "ministry"), stance=Stance.DENIED))
    kind = (one.event_type, one.sub_event_type)
    assert reconcile_sources([one], kind, TOWN).grade == Grade.SINGLE_SOURCE
    assert reconcile_sources([one, agree], kind, TOWN).grade == Grade.SEVERAL_SOURCES
    assert reconcile_sources([one, differ], kind, TOWN).grade == Grade.CONTESTED
    assert reconcile_sources([one, denial], kind, TOWN).grade == Grade.DENIED


def test_fatalities_per_victim_group():
    a = report("a1", "x", killed("a1", 8, "army", "militants"))
    b = report("b2", "y", killed("b2", 3, "residents", "civilians"))
    groups = {g.victim_group: g.fatalities.best for g in reconcile_sources([a, b], ("", ""), TOWN).by_victim_group}
    assert groups == {"combatants": 8, "civilians": 3}


def test_an_open_ended_figure_does_not_contradict_a_larger_one():
    """Regression: "at least five" and "14" were reported as contradicting; only "at least 12"
    against "three" does."""
    at_least = report("a1", "x", claim("a1", 5, None, "police"))
    larger = report("b2", "y", killed("b2", 14, "ministry"))
    smaller = report("c3", "z", killed("c3", 3, "officer"))
    found = [c for c in find_contradictions([at_least, larger]) if c.kind == ContradictionKind.NUMBER]
    assert not found
    found = [c for c in find_contradictions([at_least, smaller]) if c.kind == ContradictionKind.NUMBER]
    assert len(found) == 1


def test_incident_takes_the_day_most_reports_give_and_the_outlier_is_a_date_contradiction():
    """Regression (Beni bus attack): 'gave differing tolls on Friday for Thursday's attack' dated one
    report to the Friday, and the incident took that day over three reports of the Thursday."""
    thursday, friday = date(2026, 11, 19), date(2026, 11, 20)
    def dated(article, value, weekday):
        when = EventDate(value, DatePrecision.DAY, f"on {weekday}", weekday, span(article, weekday))
        return mention(article, TOWN, when, "Rebels attacked a bus near Beni.", outlet=article)
    outlier = dated("a1", friday, "Friday")
    rest = [dated(a, thursday, "Thursday") for a in ("b2", "c3", "d4")]
    assert incident_date([outlier, *rest]).value == thursday
    assert incident_date([rest[0], outlier]).value == thursday  # a tie: the earlier day
    assert incident_date([outlier, replace(rest[0], date=replace(rest[0].date, precision=DatePrecision.WEEK))]).value == friday
    found = [c for c in find_contradictions([outlier, *rest]) if c.kind == ContradictionKind.DATE]
    assert found and {found[0].value_a, found[0].value_b} == {"2026-11-19", "2026-11-20"}


def test_a_perpetrator_is_the_account_of_whoever_the_sentence_quotes():
    """Regression (fresh-clone user): 'Artillery fire by the RSF hit the market ..., the army said'
    against 'The RSF said army artillery had fired the shells' was listed as the two outlets'
    perpetrator dispute; it is the army's account against the RSF's."""
    from parallax.schema import Actor, ActorRole, Span
    army_says = "Artillery fire by the RSF hit the market on Monday, the army said."
    rsf_says = "The RSF said army artillery had fired the shells."
    a = replace(report("a1", army_says, outlet="Nile Wire"), actors=(
        Actor("the RSF", "Rapid Support Forces", ActorRole.PERPETRATOR, "Rebel Groups",
              span=Span("a1", 22, 29, "the RSF", army_says)),))
    b = replace(report("b2", rsf_says, outlet="Horn Wire"), actors=(
        Actor("army", "Military Forces of Sudan", ActorRole.PERPETRATOR, "State Forces",
              span=Span("b2", 12, 16, "army", rsf_says)),))
    (found,) = [c for c in find_contradictions([a, b]) if c.kind == ContradictionKind.PERPETRATOR]
    assert {found.speaker_a, found.speaker_b} == {"the army", "The RSF"}


def test_a_denied_damage_claim_lists_nothing_hit():
    """Regression (fresh-clone user): the army 'rejecting opposition claims that a market had been
    hit' was listed as the army saying a market was hit, against the medics' 'the bakery'."""
    denied = replace(hit("a1", "a market", "army"), stance=Stance.DENIED)
    a = report("a1", "The army rejected claims that a market had been hit.", denied)
    b = report("b2", "Medics said the strike hit the bakery.", hit("b2", "the bakery", "medics"))
    assert not [c for c in find_contradictions([a, b]) if c.kind == ContradictionKind.TARGET]
    told = report("a1", "The army said a market had been hit.", hit("a1", "a market", "army"))
    assert [c for c in find_contradictions([told, b]) if c.kind == ContradictionKind.TARGET]


def test_a_denial_of_civilian_dead_contradicts_civilians_not_combatants():
    """A spokesman denying that civilians were killed was listed as saying 'civilians' against the
    army's 'combatants' (an invented Djibo case): the denial agrees with the army and contradicts
    the residents, and says so."""
    denial = replace(killed("g3", 0, "government spokesman", "civilians"), stance=Stance.DENIED, negated=True)
    army = report("a1", WARNED, killed("a1", 15, "army", "militants"))
    residents = report("b2", NOT_WARNED, killed("b2", 23, "residents", "civilians"))
    found = [c for c in find_contradictions([army, residents, report("g3", "", denial)])
             if c.kind == ContradictionKind.VICTIMS]
    told = {frozenset({(c.speaker_a, c.value_a), (c.speaker_b, c.value_b)}) for c in found}
    assert told == {frozenset({("army", "combatants"), ("residents", "civilians")}),
                    frozenset({("residents", "civilians"), ("government spokesman", "denies civilians")})}
