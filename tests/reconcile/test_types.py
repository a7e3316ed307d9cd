"""The incident's type: one vote per article, the catch-all only when nothing else is told, and a
Battles reading yielding a tie to a one-sided one."""

from datetime import date

from parallax.reconcile.incident import reconcile_incident
from parallax.reconcile.types import incident_type

from builders import day, mention, place

BENI = place("Beni", "CD", 0.49, 29.47)
THURSDAY = day(date(2026, 11, 19), "Thursday")


def report(article, kind, sub, start=0, background=False):
    return mention(article, BENI, THURSDAY, "Rebels attacked a bus near Beni.", kind=kind, sub=sub,
                   outlet=article, start=start, background=background)


def test_the_catch_all_type_never_beats_a_specific_one():
    """Regression (Beni bus attack): two reports the extractor typed Strategic developments/Other
    outvoted 'Rebels attacked a passenger bus' (Violence against civilians/Attack)."""
    reports = [report("a1", "Strategic developments", "Other"), report("b2", "Strategic developments", "Other"),
               report("c3", "Violence against civilians", "Attack")]
    assert incident_type(reports) == ("Violence against civilians", "Attack")
    assert reconcile_incident("i1", reports).event_type == "Violence against civilians"
    assert incident_type(reports[:2]) == ("Strategic developments", "Other")  # nothing else told


def test_an_armed_clash_yields_a_tie_to_a_protest_met_by_force():
    """Regression (Lusaka market): 'Traders clashed with police' (Battles/Armed clash) against 'Police
    fired tear gas to disperse hundreds of traders protesting' (Protests/Protest with intervention)."""
    clash = report("a1", "Battles", "Armed clash")
    protest = report("b2", "Protests", "Protest with intervention")
    assert incident_type([clash, protest]) == ("Protests", "Protest with intervention")
    assert incident_type([clash, protest, report("c3", "Battles", "Armed clash")]) == ("Battles", "Armed clash")


def test_one_article_votes_once_and_background_does_not_vote():
    many = [report("a1", "Battles", "Armed clash", start=s) for s in (0, 40, 80)]
    attack = report("b2", "Violence against civilians", "Attack")
    other = report("c3", "Violence against civilians", "Attack", background=True)
    shelling = report("d4", "Explosions/Remote violence", "Shelling/artillery/missile attack")
    assert incident_type([*many, attack]) == ("Violence against civilians", "Attack")
    assert incident_type([shelling, other]) == ("Explosions/Remote violence", "Shelling/artillery/missile attack")
