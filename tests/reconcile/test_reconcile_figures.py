"""Reconciliation: low/best/high by the written rule, disagreements and denials noted."""

from datetime import date

from parallax.reconcile.figures import reconcile_fatalities
from parallax.reconcile.incident import reconcile_incident
from parallax.schema import Measure

from builders import claim, day, mention, place


def _pairs(*claims):
    return [(c, "Wire") for c in claims]


def test_sources_disagreeing_give_low_best_high():
    f = reconcile_fatalities(_pairs(claim("a", 12, 12, "ministry"), claim("b", 19, 19, "monitor"),
                                    claim("c", 30, 30, "rebels")))
    assert (f.low, f.best, f.high) == (12, 19, 30)


def test_rising_toll_from_one_source_keeps_the_latest_largest():
    f = reconcile_fatalities(_pairs(claim("a", 5, None, "police", start=0), claim("a", 14, 14, "police", start=90)))
    assert (f.low, f.best, f.high) == (14, 14, 14)


def test_open_ended_figure_never_invents_an_upper_bound():
    f = reconcile_fatalities(_pairs(claim("a", 40, None, "monitor")))
    assert (f.low, f.best, f.high) == (40, 40, 40)


def test_vague_and_hedged_figures_yield_best_to_precise_ones():
    f = reconcile_fatalities(_pairs(claim("a", 8, 8, "observatory"), claim("a", 2, None, "military source"),
                                    claim("a", 24, None, "minister", hedged=True)))
    assert f.best == 8 and f.low == 8 and f.high == 24  # 'a number of' [2, -] holds 8: no low of its own


def test_vague_headline_beside_a_precise_toll_is_neither_the_low_nor_a_disagreement():
    """Regression (Gao landmine): the headline 'Mine blast kills soldiers' (killed [1, -]) beside 'Four
    soldiers were killed, the army said' made a one-source incident contested with fatalities_low 1."""
    where = place("Gao", "ML", 16.27, -0.04)
    headline = claim("a", 1, None, "")
    four = claim("a", 4, 4, "army", start=40)
    incident = reconcile_incident("i1", [mention("a", where, day(date(2026, 11, 9)), "x", (headline, four))])
    f = incident.fatalities
    assert (f.low, f.best, f.high) == (4, 4, 4)
    assert not incident.contested and not incident.notes
    alone = reconcile_fatalities(_pairs(headline))  # with nothing precise, the vague figure stands
    assert (alone.low, alone.high) == (1, 1)
    apart = reconcile_fatalities(_pairs(claim("a", 2, None, "residents"), claim("b", 1, 1, "police")))
    assert apart.low == 1 and apart.high == 2  # 'a number of' [2, -] cannot hold one: it still counts


def test_denials_and_war_tolls_do_not_count():
    f = reconcile_fatalities(_pairs(claim("a", 0, 0, "army", negated=True),
                                    claim("a", 320001, None, "", scope="cumulative")))
    assert (f.low, f.best, f.high) == (None, None, None)


def test_injuries_do_not_count_as_fatalities():
    f = reconcile_fatalities(_pairs(claim("a", 3, 3, "hospital", measure=Measure.INJURED)))
    assert f.best is None


def test_incident_notes_disagreement_and_denial():
    where = place("Gao", "ML", 16.27, -0.04)
    m1 = mention("a", where, day(date(2024, 1, 2)), "x", (claim("a", 12, 12, "ministry"),))
    m2 = mention("b", where, day(date(2024, 1, 2)), "x", (claim("b", 0, 0, "army", negated=True, start=4),
                                                          claim("b", 19, 19, "monitor", start=9)))
    incident = reconcile_incident("i1", [m1, m2])
    assert incident.contested
    assert any("disagree on killed" in n and "ministry" in n and "monitor" in n for n in incident.notes)
    assert any(n.startswith("army denies") for n in incident.notes)
    assert incident.fatalities.best in (12, 19)


def test_a_part_of_a_group_is_not_a_total():
    total = claim("a", 52, None, "", start=0)
    part = claim("a", 9, 9, "coroner", start=80)
    part = type(part)(**{**{f: getattr(part, f) for f in part.__slots__},
                         "span": type(part.span)("a", 80, 84, "nine", "He said nine of the children died.")})
    f = reconcile_fatalities(_pairs(total, part))
    assert (f.low, f.best, f.high) == (52, 52, 52)


def test_armed_sides_dead_add_to_the_victims_regression_gao_ambush():
    """Regression (examples' Gao ambush, tester's Beni bus): "killing seven soldiers ... 15 assailants were
    killed" is 22 dead, not 15; an attackers' count from another source adds to each bound."""
    from dataclasses import replace
    soldiers = replace(claim("a", 7, 7, "army"), victim_group="soldiers")
    assailants = replace(claim("a", 15, 15, "army", start=80), victim_group="assailants")
    f = reconcile_fatalities(_pairs(soldiers, assailants))
    assert (f.low, f.best, f.high) == (22, 22, 22)
    civilians = [replace(claim(a, n, n, who), victim_group="civilians") for a, n, who in
                 (("b", 9, "army"), ("c", 19, "Red Cross"))]
    attackers = replace(claim("b", 2, 2, "spokesman", start=90), victim_group="attackers")
    f = reconcile_fatalities(_pairs(*civilians, attackers))
    assert (f.low, f.best, f.high) == (11, 11, 21)


def test_a_denial_with_no_speaker_is_the_outlets_own_and_says_so():
    """Regression (fresh-clone user): 'the outlet denies killed civilians' named no outlet and
    hid that no speaker was named."""
    from dataclasses import replace
    where = place("Gao", "ML", 16.27, -0.04)
    unsaid = replace(claim("b", 0, 0, "army", negated=True), speaker=None, victim_group="civilians")
    m = mention("b", where, day(date(2024, 1, 2)), "x", (unsaid,), outlet="Sahel Post")
    incident = reconcile_incident("i1", [m])
    assert "Sahel Post (no speaker named) denies killed civilians" in incident.notes
