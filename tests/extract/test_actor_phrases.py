"""The words an actor's phrase keeps."""

from parallax.extract.actor_roles import phrase_of


def head_phrase(nlp, text: str, head: str) -> str:
    return phrase_of(next(t for t in nlp(text) if t.text == head)).text


def test_regression_shot_dead_keeps_dead_out_of_the_victims(nlp):
    """Regression (a Maiduguri checkpoint attack): "shot dead three policemen" gave actor2
    "dead three policemen": the parser hangs the verb's "dead" on the noun, before its numeral."""
    text = "Unidentified gunmen shot dead four soldiers at a checkpoint near Dikwa on Monday, an official said."
    assert head_phrase(nlp, text, "soldiers") == "four soldiers"
    assert head_phrase(nlp, "Rebels killed the first two hostages on Monday.", "hostages") == "the first two hostages"


def test_regression_policemen_are_the_police_forces(nlp):
    """Regression (a Maiduguri checkpoint attack): "three policemen" was reported as an actor in its
    own words; policemen are the police forces of the country the attack is in."""
    from parallax.extract.actors import load_actor_dictionary, normalize_actor

    nigeria = ("NG", "Nigeria")
    assert normalize_actor("four policemen", load_actor_dictionary(), lambda word: None, nigeria) == (
        "Police Forces of Nigeria", "State Forces", "NG")
