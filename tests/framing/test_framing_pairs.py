"""Pairs of hand-written articles about one strike that differ in one controlled way."""

from __future__ import annotations

import pytest

from framing_builders import article, incident, told
from parallax.framing import describe_framing, frame_incident, load_framing_lexicon

BASE = ("Warplanes struck a convoy of {label} near the border town of Qasra on Tuesday, killing nine "
        "people, {speaker} said.")


@pytest.fixture(scope="module")
def lexicon():
    return load_framing_lexicon()


def framed(lexicon, *texts: str, trigger: str = "struck", actors=()):
    docs = [article(f"a{i}", text, outlet=f"Outlet {i}") for i, text in enumerate(texts)]
    event = incident("i1", *(told(d, trigger, actors) for d in docs))
    return frame_incident(event, {d.id: d for d in docs}, lexicon).articles


def own_terms(framing, kind: str) -> list[str]:
    return [m.span.text.lower() for m in framing.markers if m.kind == kind and not m.quoted]


def test_terrorists_versus_militants_is_a_loaded_term_in_one_outlet_only(lexicon):
    one, other = framed(lexicon, BASE.format(label="terrorists", speaker="the army"),
                        BASE.format(label="militants", speaker="the army"),
                        actors=(("convoy", "Armed Group X"),))
    assert own_terms(one, "loaded") == ["terrorists"]
    assert own_terms(other, "loaded") == []
    labels_one, labels_other = {lb.label for lb in one.labels}, {lb.label for lb in other.labels}
    assert (labels_one - labels_other, labels_other - labels_one) == ({"terrorists"}, {"militants"})


def test_an_outlet_quoting_only_officials_gives_them_every_quoted_word(lexicon):
    officials = ("Warplanes struck a convoy near Qasra on Tuesday. “We hit a legitimate military target,” "
                 "the Pentagon said in a statement.")
    mixed = officials + (" “Most of the dead were civilians from the town,” the Syrian Observatory for "
                         "Human Rights said.")
    only, both = framed(lexicon, officials, mixed)
    assert [(s.party, s.share) for s in only.shares] == [("US and coalition", 1.0)]
    assert {s.party for s in both.shares} == {"US and coalition", "monitors, rights and aid groups"}
    assert sum(s.share for s in both.shares) == pytest.approx(1.0, abs=0.01)


def test_scare_quotes_and_so_called_distance_the_outlet_from_a_word(lexicon):
    plain = "Warplanes struck the coalition's threat near Qasra on Tuesday, residents said."
    scare = "Warplanes struck the so-called “threat” near Qasra on Tuesday, residents said."
    flat, distanced = framed(lexicon, plain, scare)
    assert own_terms(flat, "distancing") == [] and own_terms(flat, "scare_quote") == []
    assert own_terms(distanced, "distancing") == ["so-called"]
    assert own_terms(distanced, "scare_quote") == ["threat"]


def test_hedged_and_certain_tellings_differ_only_in_their_markers(lexicon):
    hedged = "Warplanes apparently struck a convoy near Qasra on Tuesday, and the toll may have risen."
    certain = "Warplanes clearly struck a convoy near Qasra on Tuesday, and the toll in fact rose."
    one, other = framed(lexicon, hedged, certain)
    assert own_terms(one, "hedge") == ["apparently", "may have"] and own_terms(one, "certainty") == []
    assert own_terms(other, "certainty") == ["clearly", "in fact"] and own_terms(other, "hedge") == []


def test_named_anonymous_and_official_sources_are_told_apart(lexicon):
    named = "Warplanes struck a convoy near Qasra. “Nine died,” Defence Minister Ali Hassan Karim said."
    anonymous = "Warplanes struck a convoy near Qasra. “Nine died,” a military source said."
    official = "Warplanes struck a convoy near Qasra. “Nine died,” the Pentagon said."
    kinds = [[(t.term, t.count) for t in f.source_kinds] for f in framed(lexicon, named, anonymous, official)]
    assert kinds == [[("named", 1)], [("anonymous", 1)], [("official", 1)]]


def test_he_said_takes_the_speaker_named_a_sentence_earlier(lexicon):
    text = ("Warplanes struck a convoy near Qasra. Russian Deputy Foreign Minister Pavel Orlov condemned the raid. "
            "“This is a gross violation of sovereignty,” he said.")
    (only,) = framed(lexicon, text)
    assert [(q.speaker, q.party, q.source_kind) for q in only.quotes if q.direct] == [
        ("Pavel Orlov", "Russian government and state media", "named")]


def test_a_loaded_word_inside_a_quote_is_the_speakers_not_the_outlets(lexicon):
    own = "Warplanes struck a terrorist convoy near Qasra on Tuesday, the army said."
    quoted = "Warplanes struck what the army called “a terrorist convoy” near Qasra on Tuesday."
    mine, theirs = framed(lexicon, own, quoted)
    assert own_terms(mine, "loaded") == ["terrorist"]
    assert own_terms(theirs, "loaded") == []
    assert [m.term for m in theirs.markers if m.kind == "loaded" and m.quoted] == ["terrorist*"]


def test_background_sentences_raise_the_context_share(lexicon):
    bare = "Warplanes struck a convoy near Qasra on Tuesday, killing nine people."
    history = bare + (" The war erupted in 2011 and has since killed hundreds of thousands."
                      " The raid was designed to stop reinforcements reaching the front.")
    short, long = framed(lexicon, bare, history)
    assert short.context == () and short.context_share == 0.0
    assert [c.kind for c in long.context] == ["history", "motive"]
    assert 0.5 < long.context_share < 1.0


def test_other_incidents_in_the_article_count_as_background_context(lexicon):
    doc = article("a0", "Warplanes struck a convoy near Qasra on Tuesday. Last month a market was shelled in Deir.")
    main, earlier = incident("i1", told(doc, "struck")), incident("i2", told(doc, "shelled", background=True))
    (framing,) = frame_incident(main, {doc.id: doc}, lexicon, others=[earlier]).articles
    assert framing.background == ("m-a0-shelled",)
    assert [(c.kind, c.cue) for c in framing.context] == [("background", "shelled")]


def test_labels_for_one_actor_are_grouped_under_its_referent(lexicon):
    one = "Warplanes struck pro-regime forces near Qasra on Tuesday."
    other = "Warplanes struck a paramilitary group aligned with Assad near Qasra on Tuesday."
    a, b = framed(lexicon, one, other)
    assert [(lb.label, lb.referent) for lb in a.labels if lb.referent] == [
        ("pro-regime forces", "Pro-Government Forces")]
    assert [(lb.label, lb.referent) for lb in b.labels if lb.referent] == [
        ("paramilitary group aligned with Assad", "Pro-Government Forces")]


def test_an_article_missing_from_the_store_is_left_out_not_invented(lexicon):
    doc = article("a0", BASE.format(label="militants", speaker="the army"))
    event = incident("i1", told(doc, "struck"))
    assert frame_incident(event, {}, lexicon).articles == ()
    assert describe_framing([event], {}).outlets == ()


def test_a_bare_head_names_what_the_articles_fuller_label_named(lexicon):
    """Regression: "the coalition" in a Yemen story was read as the anti-IS coalition."""
    text = ("Jets of the Saudi-led coalition struck a market in Saada on Thursday. "
            "The coalition said it had hit a weapons depot.")
    (framing,) = framed(lexicon, text)
    assert [(lb.label, lb.referent, lb.how) for lb in framing.labels if lb.referent] == [
        ("Saudi-led coalition", "Saudi-led Coalition", "actor dictionary"),
        ("coalition", "Saudi-led Coalition", "earlier label")]


def test_reported_speech_counts_as_a_statement_but_adds_no_quoted_words(lexicon):
    direct = "Warplanes struck a convoy near Qasra. “Nine people died,” the Syrian Observatory said."
    reported = "Warplanes struck a convoy near Qasra. Nine people died, the Syrian Observatory said."
    one, other = framed(lexicon, direct, reported)
    monitors = "monitors, rights and aid groups"
    assert [(s.party, s.quotes, s.words, s.statements) for s in one.shares] == [(monitors, 1, 3, 1)]
    assert [(s.party, s.quotes, s.words, s.statements) for s in other.shares] == [(monitors, 0, 0, 1)]
    assert [m.kind for m in other.markers] == []  # a reported sentence is no scare quote


def test_a_country_adjective_fills_the_actor_dictionary_pattern(lexicon):
    """Regression: "Malian army" had no referent (the {adj} patterns were skipped)."""
    (framing,) = framed(lexicon, "Militants struck a Malian army convoy near Gao. The army said nine died.")
    assert [(lb.label, lb.referent) for lb in framing.labels if lb.referent.startswith("Military")] == [
        ("Malian army", "Military Forces of Mali"), ("army", "Military Forces of Mali")]


def test_a_word_capitalised_only_because_it_opens_the_sentence_is_not_part_of_the_label(lexicon):
    (framing,) = framed(lexicon, "Suspected bandits struck a convoy near Gusau. Riot police arrived later.")
    assert [lb.label for lb in framing.labels] == ["bandits", "convoy", "Riot police"]


def test_regression_beni_a_sentence_giving_the_incidents_toll_is_no_context(lexicon):
    """Regression (Beni bus attack): "A Red Cross official ... said volunteers had recovered 19
    bodies" gave one of the incident's figures yet was counted as context ("other")."""
    from dataclasses import replace

    from framing_builders import span_of
    from parallax.schema import Claim, Figure, Measure

    doc = article("a0", "Gunmen ambushed a bus near Beni on Thursday. A Red Cross official said volunteers "
                  "had recovered 19 bodies. The region has seen years of raids.", outlet="Outlet 0")
    toll = Claim("c1", "a0", Measure.KILLED, Figure(19, 19, "19"), span_of(doc, "19"))
    event = incident("i1", replace(told(doc, "ambushed", sentences=("Gunmen ambushed a bus",)), claims=(toll,)))
    (framing,) = frame_incident(event, {doc.id: doc}, lexicon).articles
    assert [c.span.text for c in framing.context] == ["The region has seen years of raids."]
