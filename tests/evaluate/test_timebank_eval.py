"""The TimeBank scorer on a TimeML file of our own: granularities, peers and bad files."""

from __future__ import annotations

from pathlib import Path

import pytest

from parallax.errors import EvalDataError
from parallax.evaluate.timebank import granularity, score_timebank

# Our own invented story, in TimeBank's markup; the creation time is a Friday.
STORY = """<?xml version="1.0" ?>
<TimeML>
<DCT><TIMEX3 tid="t0" type="DATE" value="2021-03-12" functionInDocument="CREATION_TIME">20210312</TIMEX3></DCT>
<TEXT>
Ferry crews struck <TIMEX3 tid="t1" type="DATE" value="2021-03-11">Thursday</TIMEX3> after talks
<TIMEX3 tid="t2" type="DATE" value="2021-02">last month</TIMEX3> failed. Fares have doubled since
<TIMEX3 tid="t3" type="DATE" value="2019">2019</TIMEX3>; managers met
<TIMEX3 tid="t4" type="DATE" value="2021-W10">this week</TIMEX3> and
<TIMEX3 tid="t5" type="DATE" value="PAST_REF">recently</TIMEX3> offered a deal that
<TIMEX3 tid="t6" type="DURATION" value="P2D">two days</TIMEX3> of talks did not save.
</TEXT>
</TimeML>
"""


@pytest.fixture()
def corpus(tmp_path: Path) -> Path:
    folder = tmp_path / "TimeBank"
    folder.mkdir()
    (folder / "story.tml").write_text(STORY, "utf-8")
    (folder / "broken.tml").write_text("<TimeML><TEXT>no end", "utf-8")
    return tmp_path


def test_scores_each_granularity_and_skips_bad_files(corpus):
    scores = score_timebank(corpus)
    assert (scores["documents"], scores["skipped_documents"]) == (1, 1)
    assert (scores["day_n"], scores["day_accuracy"]) == (1, 1.0)
    assert (scores["month_n"], scores["month_accuracy"]) == (1, 1.0)
    assert (scores["week_n"], scores["week_accuracy"]) == (1, 1.0)
    assert (scores["year_declined"], scores["other_declined"]) == (1, 1)
    assert scores["dateparser_year_over_precise"] == 1  # the peer gives a bare year a full date


def test_granularity_of_gold_values():
    assert [granularity(v) for v in ("1998-02-13", "1998-W07", "1998-W07-WE", "1998-02", "1998",
                                      "PAST_REF", "1998-Q3", "1998-WXX")] == \
        ["day", "week", "week", "month", "year", "other", "other", "unresolved"]


def test_empty_folder_is_an_error(tmp_path):
    with pytest.raises(EvalDataError):
        score_timebank(tmp_path)
