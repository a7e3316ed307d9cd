"""Datelines are found in their many wire forms, and ordinary sentence starts are left alone."""

from pathlib import Path

import pytest

from parallax.ingest.dateline import find_dateline

SEED_000 = Path(__file__).parents[2] / "examples" / "000_2b680c7acdd794e0.txt"


@pytest.mark.parametrize("text, place, rest", [
    ("WASHINGTON/DAMASCUS - Officials met on Friday.", "Washington/Damascus", "Officials"),
    ("washington/DAMASCUS - Officials met on Friday.", "Washington/Damascus", "Officials"),
    ("BEIRUT (Reuters) - Shells landed near the port.", "Beirut", "Shells"),
    ("KABUL, May 3 (AP) — Gunmen stormed a checkpoint.", "Kabul", "Gunmen"),
    ("Mosul, Iraq (AP) – A roadside bomb exploded.", "Mosul, Iraq", "A roadside"),
    ("AL-HASAKAH, Syria — Kurdish fighters advanced.", "Al-Hasakah, Syria", "Kurdish"),
    ("BAMAKO, 4 June 2023 (dpa) -- Troops withdrew.", "Bamako", "Troops"),
    ("GOMA: Rebels entered the town at dawn.", "Goma", "Rebels"),
    ("Beirut (AFP) -\nShells landed near the port.", "Beirut", "Shells"),
])
def test_dateline_forms(text, place, rest):
    found, end = find_dateline(text)
    assert found == place
    assert text[end:].startswith(rest)


@pytest.mark.parametrize("text", [
    "Government forces - backed by air power - advanced on the town.",
    "The army said - without giving details - that four soldiers died.",
    "US - Iran talks resumed in Oman on Sunday.",
    "The UN (in a statement) - said aid convoys were blocked.",
    "Gaza City - the largest town in the strip - lost power.",
    "Aleppo: the city has been quiet for a week.",
    "Rebels shelled the town overnight, killing four people.",
    "Pro-government militias - not the army - held the road.",
])
def test_ordinary_sentence_start_is_not_a_dateline(text):
    assert find_dateline(text) == ("", 0)


def test_dateline_of_seed_000_is_the_newsroom():
    text = SEED_000.read_text("utf-8")
    place, end = find_dateline(text)
    assert place == "Washington/Damascus"
    assert text[end:].startswith("A pro-regime convoy")
