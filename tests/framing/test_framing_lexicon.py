"""The framing lexicon: shipped files, a user's override folder, and malformed files."""

from __future__ import annotations

import pytest

from framing_builders import article, incident, told
from parallax.errors import DataFileError
from parallax.framing import frame_incident, load_framing_lexicon
from parallax.framing.lexicon import term_pattern


def test_shipped_lexicon_has_every_kind_it_reads():
    lexicon = load_framing_lexicon()
    kinds = {t.kind for t in lexicon.terms}
    assert {"loaded", "distancing", "hedge", "certainty", "reporting", "history", "earlier", "motive"} <= kinds
    assert "forces" in lexicon.weak_heads and "militants" in lexicon.heads
    assert all(len(a.cue) >= len(b.cue) for a, b in zip(lexicon.parties, lexicon.parties[1:]))


def test_a_star_matches_any_ending_and_words_keep_their_boundaries():
    pattern = term_pattern("terroris*")
    assert [m.group() for m in pattern.finditer("terrorists, terrorism and counterterrorism")] == [
        "terrorists", "terrorism"]
    assert term_pattern("regime").search("pro-regime forces") is None  # a hyphen joins the word


def test_a_users_terms_file_replaces_the_shipped_one(tmp_path):
    (tmp_path / "framing").mkdir()
    (tmp_path / "framing" / "terms.tsv").write_text(
        "term\tkind\tcategory\nsaid\treporting\tneutral\nzealots\tloaded\tdelegitimising label\n", "utf-8")
    lexicon = load_framing_lexicon(str(tmp_path))
    doc = article("a0", "Zealots struck a convoy near Qasra on Tuesday, the army said.")
    (framing,) = frame_incident(incident("i1", told(doc, "struck")), {doc.id: doc}, lexicon).articles
    assert [(m.kind, m.span.text) for m in framing.markers] == [("loaded", "Zealots")]
    assert load_framing_lexicon().parties == lexicon.parties  # the other files stay the shipped ones


def test_an_unknown_kind_names_the_file_and_the_kinds_allowed(tmp_path):
    (tmp_path / "framing").mkdir()
    (tmp_path / "framing" / "terms.tsv").write_text("term\tkind\tcategory\nthugs\tinsult\tx\n", "utf-8")
    with pytest.raises(DataFileError, match=r"framing/terms.tsv.*'insult'") as caught:
        load_framing_lexicon(str(tmp_path))
    assert "loaded" in caught.value.hint


def test_a_referent_cue_without_a_referent_is_refused(tmp_path):
    (tmp_path / "framing").mkdir()
    (tmp_path / "framing" / "labels.tsv").write_text("term\tkind\treferent\npro-junta\treferent\t\n", "utf-8")
    with pytest.raises(DataFileError, match="pro-junta"):
        load_framing_lexicon(str(tmp_path))
