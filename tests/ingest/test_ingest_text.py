"""Plain-text reading: headline detection, decoding fallbacks and the two seed articles."""

from pathlib import Path

import pytest

from parallax.ingest.decoding import decode_bytes
from parallax.ingest.ids import content_id
from parallax.ingest.readers import read_inputs
from parallax.ingest.text import looks_like_headline, split_headline
from parallax.schema import Article
from parallax.settings import Settings

EXAMPLES = Path(__file__).parents[2] / "examples"
BODY = ("Militants stormed a police post outside the town of Kaya before dawn on Tuesday, "
        "killing three officers, a regional official said.\n\nThe attackers fled on motorbikes.")


@pytest.mark.parametrize("line, expected", [
    ("Gunmen kill three police officers in Burkina Faso", True),
    ("Sudan: shelling hits Omdurman market", True),
    ("Militants stormed a police post before dawn.", False),
    ("Is the truce over?", False),
    ("BEIRUT (Reuters) - Shells landed near the port", False),
    ("Three officers died, an official said,", False),
    ("x" * 200, False),
    ("2024", False),
    ("By Amina Diallo", False),
])
def test_looks_like_headline(line, expected):
    assert looks_like_headline(line) is expected


def test_headline_before_blank_line_becomes_title():
    title, body = split_headline("Gunmen kill three police officers\n\n" + BODY)
    assert title == "Gunmen kill three police officers"
    assert body == BODY


def test_hard_wrapped_first_sentence_is_not_a_headline():
    wrapped = "Militants stormed a police post outside the town of\nkaya before dawn on Tuesday."
    assert split_headline(wrapped) == ("", wrapped)


def test_single_paragraph_has_no_headline():
    line = "Gunmen kill three police officers"
    assert split_headline(line) == ("", line)


def test_seed_000_has_dateline_and_no_headline():
    [article] = read_inputs([EXAMPLES / "000_2b680c7acdd794e0.txt"], Settings())
    assert isinstance(article, Article)
    assert article.title == ""
    assert article.dateline == "Washington/Damascus"
    assert article.text.startswith("washington/DAMASCUS - ")
    assert article.text[article.dateline_end:].startswith("A pro-regime convoy")
    assert article.id == content_id(article.text) and len(article.id) == 16
    assert article.language == "en"


def test_seed_003_headline_is_title_not_text():
    [article] = read_inputs([EXAMPLES / "003_e687d20cb4895ef2.txt"], Settings())
    assert article.title == "US airstrike targets pro-Assad forces in Syria"
    assert article.text.startswith("American warplanes launched")
    assert article.dateline == "" and article.dateline_end == 0


def test_cp1252_file_is_read_with_a_fallback():
    text, note = decode_bytes("Troops entered the caf\u00e9 \u2013 witnesses said".encode("cp1252"))
    assert text == "Troops entered the caf\u00e9 \u2013 witnesses said"
    assert "cp1252" in note


def test_damaged_utf8_keeps_good_characters():
    data = "Shelling near Ḥamā".encode("utf-8") + b"\xff" + " killed two".encode("utf-8")
    text, note = decode_bytes(data)
    assert text == "Shelling near Ḥamā\ufffd killed two"
    assert "replaced" in note


def test_clean_utf8_has_no_note():
    assert decode_bytes("\ufeffRaid in Ḥamā".encode("utf-8")) == ("Raid in Ḥamā", "")


def test_windows_line_ends_are_normalised(tmp_path):
    path = tmp_path / "crlf.txt"
    text = "Gunmen kill three police officers\n\n" + BODY
    path.write_bytes(text.replace("\n", "\r\n").encode())
    [article] = read_inputs([path], Settings())
    assert article.title == "Gunmen kill three police officers"
    assert "\r" not in article.text
