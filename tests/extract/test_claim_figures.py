"""parse_figure: every row of docs/numbers.md, read from the shipped data files."""

from __future__ import annotations

import pytest

from parallax.extract.claims import load_claim_lexicon, parse_figure

FIGURES = [
    ("eight", 8, 8),
    ("twenty-one", 21, 21),
    ("one hundred and five", 105, 105),
    ("2,000", 2000, 2000),
    ("1.5 million", 1500000, 1500000),
    ("a dozen", 12, 12),
    ("two dozen", 24, 24),
    ("half a dozen", 6, 6),
    ("both", 2, 2),
    ("between 30 and 40", 30, 40),
    ("30-40", 30, 40),
    ("five or six", 5, 6),
    ("at least 52", 52, None),
    ("no fewer than 7", 7, None),
    ("40 or more", 40, None),
    ("50+", 50, None),
    ("more than 320,000", 320001, None),
    ("over 40", 41, None),
    ("more than a dozen", 13, None),
    ("nearly 50", 45, 49),
    ("almost 10", 9, 9),
    ("about 50", 45, 55),
    ("some 3", 3, 3),
    ("up to 10", 1, 10),
    ("as many as 4", 1, 4),
    ("fewer than 10", 1, 9),
    ("a number of", 2, None),
    ("several", 3, None),
    ("a few", 2, None),
    ("many", 2, None),
    ("many more", 2, None),
    ("tens", 10, None),
    ("dozens", 12, None),
    ("several dozen", 24, None),
    ("scores", 20, None),
    ("hundreds", 100, None),
    ("several hundred", 200, None),
    ("thousands", 1000, None),
    ("tens of thousands", 10000, None),
    ("millions", 1000000, None),
]


@pytest.mark.parametrize(("text", "low", "high"), FIGURES)
def test_parse_figure(text, low, high):
    figure = parse_figure(text, load_claim_lexicon())
    assert (figure.low, figure.high, figure.text) == (low, high, text)


@pytest.mark.parametrize("text", ["hello", "no", "11/24/2013", ""])
def test_not_a_figure(text):
    assert parse_figure(text, load_claim_lexicon()) is None


def test_lexicon_is_cached_and_read_only():
    lexicon = load_claim_lexicon()
    assert load_claim_lexicon() is lexicon
    with pytest.raises(TypeError):
        lexicon.vague["dozens"] = (24, None)  # type: ignore[index]


def test_user_override_replaces_a_data_file(tmp_path):
    (tmp_path / "figure_terms.tsv").write_text("phrase\tkind\tlow\thigh\ndozens\tvague\t24\n", "utf-8")
    lexicon = load_claim_lexicon(str(tmp_path))
    assert parse_figure("dozens", lexicon).low == 24
    assert parse_figure("at least 5", lexicon) is None  # the override replaced the whole file
