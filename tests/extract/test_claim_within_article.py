"""Round 7 of reading casualties within one sentence (GVA misses of the studied sample, sentences written
by us): a dateline the parser takes for a second object, ..."""

from __future__ import annotations

from spacy.tokens import Doc

from parallax.extract.claims import extract_claims
from parallax.reconcile.tolls import incident_toll
from parallax.schema import Article


def figures(nlp, text: str) -> list[tuple[str, int | None, int | None, str]]:
    return [(c.measure.value, c.figure.low, c.figure.high, c.figure.text)
            for c in extract_claims(nlp(text), Article(id="w", text=text))]


def rewired(doc: Doc, word: str, dep: str, head: str) -> Doc:
    """`doc` with `word` hung on `head` as `dep`: a parse the model gives some datelines, fixed here so
    the test does not hang on the model's mood."""
    at = {t.text: t.i for t in doc}
    heads = [t.head.i for t in doc]
    deps = [t.dep_ for t in doc]
    heads[at[word]], deps[at[word]] = at[head], dep
    ents = [f"{'B' if t.ent_iob_ == 'B' else 'I'}-{t.ent_type_}" if t.ent_type_ else "O" for t in doc]
    return Doc(doc.vocab, words=[t.text for t in doc], spaces=[bool(t.whitespace_) for t in doc],
               heads=heads, deps=deps, pos=[t.pos_ for t in doc], tags=[t.tag_ for t in doc],
               lemmas=[t.lemma_ for t in doc], ents=ents)


def test_a_dateline_parsed_as_an_object_is_not_the_victim(nlp):
    """ "MILLBROOK, Oregon – A farmer shot and killed his stepson ...": the parser made the dateline a first
    object of "killed" (as it does for some towns); the victim is the object after the verb (was only
    "himself")."""
    text = "MILLBROOK, Oregon – A farmer shot and killed his stepson before turning the weapon on himself at dawn."
    doc = rewired(nlp(text), "MILLBROOK", "dobj", "killed")
    found = [(c.measure.value, c.figure.low, c.figure.text) for c in extract_claims(doc, Article(id="w", text=text))]
    assert found == [("killed", 1, "his stepson"), ("killed", 1, "himself")]


def test_whom_before_the_verb_is_still_its_victim(nlp):
    assert [f[:3] for f in figures(nlp, "The clerk, whom the robber killed, was 34.")] == [("killed", 1, 1)]


def speakers(nlp, text: str) -> list[tuple[int | None, str | None]]:
    return [(c.figure.low, c.speaker.normalized if c.speaker else None)
            for c in extract_claims(nlp(text), Article(id="w", text=text))]


def test_who_calls_for_an_inquiry_into_deaths_speaks_for_them(nlp):
    """ "X called for a full inquiry into the killing of <n> civilians": the caller speaks for
    the deaths it calls to investigate or condemns (was no speaker)."""
    text = "Human Rights Watch called for a full inquiry into the killing of at least 23 civilians."
    assert speakers(nlp, text) == [(23, "Human Rights Watch")]
    text = "Amnesty International condemned the killing of 14 villagers in the raid on Tuesday."
    assert speakers(nlp, text) == [(14, "Amnesty International")]


def test_who_calls_the_police_after_a_shooting_does_not_speak_for_it(nlp):
    assert speakers(nlp, "A neighbour called the police after two brothers were shot outside the garage.") == [(2, None)]


def test_the_shooter_who_killed_himself_is_none_of_those_he_shot(nlp):
    text = "A father shot his two young daughters before turning the weapon on himself."
    found = incident_toll([extract_claims(nlp(text), Article(id="w", text=text))])
    assert (found.killed, found.injured) == (1, 2)  # was (1, 1): his death came out of the two hit
