"""Event frames read the run's trigger lexicon, so a --data-dir event_triggers.tsv takes effect."""

from __future__ import annotations

import shutil
from importlib.resources import files

from parallax.pipeline import analyse_doc, load_knowledge
from parallax.schema import Article
from parallax.settings import load_settings

TEXT = "MOGADISHU - Militants zorched a police post in the city on Monday, officials said."


def test_a_trigger_added_in_the_data_dir_opens_an_incident(nlp, tmp_path):
    """Regression: sentence_frames used the shipped lexicon whatever --data-dir said."""
    shipped = files("parallax") / "data" / "event_triggers.tsv"
    lexicon = tmp_path / "event_triggers.tsv"
    shutil.copy(str(shipped), lexicon)
    with lexicon.open("a", encoding="utf-8") as handle:
        handle.write("zorche\tverb\tATTACK\t1.2\t0.9\ta made-up verb, for this test\n")
    article = Article(id="z1", text=TEXT)
    assert analyse_doc(nlp(TEXT), article, load_knowledge(load_settings())) == []
    mentions = analyse_doc(nlp(TEXT), article, load_knowledge(load_settings(data_dir=str(tmp_path))))
    assert [m.trigger.text for m in mentions] == ["zorched"]
