"""`parallax eval NAME --data FILE` scores any file of a dataset's format (issue 4), not only the
shared data folder's copy."""

import argparse
import gzip
import json

import pytest

from parallax.evaluate import runner
from parallax.evaluate.geoparsing import read_corpus
from parallax.evaluate.paths import dataset_file, open_text
from parallax.evaluate.timebank import tml_files

SNIPPETS = ("id\tEventSnippet\tSubType\n"
            "a1\tGunmen attacked an army checkpoint outside the town, killing four soldiers.\tARMED_CLASH\n"
            "a2\tThousands marched peacefully through the capital demanding higher wages.\tPEACE_PROTEST\n")


def test_a_file_a_dataset_folder_and_the_shared_root_are_all_accepted(tmp_path):
    shared = tmp_path / "data"
    (shared / "case2021_task2_acled_types").mkdir(parents=True)
    own = tmp_path / "mine.tsv"
    own.write_text(SNIPPETS)
    assert runner.dataset_path("case2021", own) == own
    assert runner.dataset_path("case2021", shared) == shared / "case2021_task2_acled_types"
    assert runner.dataset_path("lgl", tmp_path) == tmp_path  # a folder holding lgl.xml itself
    with pytest.raises(runner.EvalDataError, match="nowhere"):
        runner.dataset_path("lgl", tmp_path / "nowhere")


def test_a_folder_without_the_usual_file_names_both(tmp_path):
    with pytest.raises(runner.EvalDataError) as raised:
        dataset_file(tmp_path, "dev.tsv")
    assert str(tmp_path / "dev.tsv") in str(raised.value) and "dev.tsv" in raised.value.hint


def test_case2021_scores_a_tsv_of_any_name(tmp_path, capsys):
    own = tmp_path / "unseen_snippets.tsv"
    own.write_text(SNIPPETS)
    args = argparse.Namespace(name="case2021", data=own, limit=None, scores=None)
    assert runner.cmd_eval(args) == 0
    scores = json.loads(capsys.readouterr().out)
    assert scores["n"] == 2 and 0.0 <= scores["weighted_f1"] <= 1.0


def test_geowebnews_style_toponyms_carry_their_coordinates_themselves(tmp_path):
    text = "Rockets hit Kharkiv overnight."
    xml = (f"<articles><article><text>{text}</text><toponyms><toponym><start>12</start><end>19</end>"
           "<phrase>Kharkiv</phrase><lat>49.98</lat><lon>36.25</lon></toponym></toponyms></article></articles>")
    path = tmp_path / "GeoWebNews.xml"
    path.write_text(xml)
    [gold] = read_corpus(path)
    [toponym] = gold.toponyms
    assert (toponym.text, toponym.start, toponym.latitude, toponym.longitude) == ("Kharkiv", 12, 49.98, 36.25)


def test_one_tml_file_is_a_timebank_of_one(tmp_path):
    one = tmp_path / "wsj_0001.tml"
    one.write_text("<TimeML></TimeML>")
    assert tml_files(one) == [one]


def test_gold_csv_is_read_plain_or_gzipped(tmp_path):
    plain, packed = tmp_path / "ged.csv", tmp_path / "ged.csv.gz"
    plain.write_text("id,where_coordinates\n1,Aleppo\n")
    with gzip.open(packed, "wt") as handle:
        handle.write("id,where_coordinates\n1,Aleppo\n")
    for path in (plain, packed):
        with open_text(path) as handle:
            assert handle.read().splitlines()[1] == "1,Aleppo"


def test_every_format_is_offered_on_the_command_line():
    layout = runner.dataset_layout()
    for name in ("case2021", "lgl", "trnews", "geovirus", "geowebnews", "ucdp", "timebank", "plover", "muc4", "gva"):
        assert f"  {name} " in layout
