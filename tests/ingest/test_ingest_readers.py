"""read_inputs: folders, sidecar precedence, duplicates, language and length checks, bad inputs."""

import json
from datetime import datetime

import pytest

from parallax.errors import InputError, SettingsError, UnsupportedFormat
from parallax.ingest.readers import read_inputs
from parallax.schema import Article, Rejected
from parallax.settings import Settings

HEADLINE = "Landmine kills two soldiers in northern Mali"
BODY = ("BAMAKO (Sahel Wire) - Two soldiers died after their armoured vehicle hit a roadside mine close "
        "to the village of Tessit on Sunday, military officials said.\n\nA third soldier was "
        "flown to Gao for treatment.")
OTHER_BODY = ("Police dispersed several hundred protesters with tear gas outside the provincial "
              "governor's office on Wednesday, witnesses said. No injuries were reported.")
FRENCH = ("Deux soldats ont été tués dimanche lorsque leur patrouille a sauté sur une mine "
          "près du village de Tessit, a indiqué l'armée dans un communiqué publié lundi soir.")
SPANISH = ("Dos soldados murieron el domingo cuando su patrulla pisó una mina cerca de la aldea "
           "de Tessit, informó el ejército en un comunicado difundido el lunes por la noche.")


def write(path, text):
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, "utf-8")
    return path


def articles(items):
    return [item for item in items if isinstance(item, Article)]


def rejections(items):
    return {item.source.rsplit("/", 1)[-1]: item for item in items if isinstance(item, Rejected)}


def test_folder_is_read_recursively_in_sorted_order(tmp_path):
    write(tmp_path / "b" / "two.txt", OTHER_BODY)
    write(tmp_path / "a.txt", f"{HEADLINE}\n\n{BODY}")
    write(tmp_path / "notes.docx", "not an article")
    write(tmp_path / ".git" / "config.txt", OTHER_BODY + " hidden")
    items = list(read_inputs([tmp_path], Settings()))
    expected = [str(tmp_path / "a.txt"), str(tmp_path / "b" / "two.txt")]
    assert [a.source for a in articles(items)] == expected
    assert rejections(items)["notes.docx"].code == "ignored"  # recorded, as not an input format
    assert len(items) == 3


def test_folder_walk_ignores_other_formats_but_a_named_file_is_refused(tmp_path):
    """Regression: examples/README.md and zones/*.geojson were "skipped [format]" like bad articles."""
    write(tmp_path / "a.txt", f"{HEADLINE}\n\n{BODY}")
    write(tmp_path / "README.md", "# notes")
    write(tmp_path / "zones" / "area.geojson", "{}")
    items = list(read_inputs([tmp_path], Settings()))
    ignored = rejections(items)
    assert sorted(ignored) == ["README.md", "area.geojson"]
    assert {item.code for item in ignored.values()} == {"ignored"}
    assert "not an input format ('.md')" in ignored["README.md"].reason
    with pytest.raises(UnsupportedFormat, match="README.md"):
        list(read_inputs([tmp_path / "README.md"], Settings()))


def test_sidecar_beats_file_metadata_which_beats_settings(tmp_path):
    page = write(tmp_path / "page.html", f"""<html><head><title>Page title</title>
        <meta property="og:site_name" content="Page Outlet"></head><body><article>
        <h1>Page title</h1><p>{BODY}</p></article></body></html>""")
    sidecar = {"published": "2023-08-07", "title": "Sidecar title", "language": "EN-gb"}
    write(tmp_path / "page.meta.json", json.dumps(sidecar))
    [article] = read_inputs([page], Settings(outlet="CLI Outlet", published="2020-01-01"))
    assert article.title == "Sidecar title"  # sidecar > page
    assert article.outlet == "Page Outlet"  # page > command line
    assert article.published == datetime(2023, 8, 7)  # sidecar > command line
    assert article.language == "en"  # declared by the sidecar, tag normalised


def test_settings_fill_what_nothing_else_gives(tmp_path):
    path = write(tmp_path / "plain.txt", BODY)
    [article] = read_inputs([path], Settings(outlet="CLI Outlet", published="2020-01-01"))
    assert (article.outlet, article.published) == ("CLI Outlet", datetime(2020, 1, 1))


def test_broken_and_orphan_sidecars_are_reported(tmp_path):
    write(tmp_path / "one.txt", BODY)
    write(tmp_path / "one.meta.json", json.dumps({"outlet": "X", "publishd": "2023-01-01"}))
    write(tmp_path / "lonely.meta.json", json.dumps({"outlet": "Y"}))
    items = list(read_inputs([tmp_path], Settings(outlet="CLI Outlet")))
    rejected = rejections(items)
    broken = rejected["one.meta.json"]
    assert broken.code == "sidecar" and "publishd" in broken.reason
    assert rejected["lonely.meta.json"].code == "sidecar"
    assert articles(items)[0].outlet == "CLI Outlet"


def test_same_text_twice_is_a_duplicate(tmp_path):
    write(tmp_path / "a.txt", BODY)
    write(tmp_path / "b.txt", "  " + BODY.replace(" ", "  ") + "\n\n")  # spacing differs only
    first, second = read_inputs([tmp_path], Settings())
    assert isinstance(first, Article)
    assert isinstance(second, Rejected) and second.code == "duplicate"
    assert first.id in second.reason and str(tmp_path / "a.txt") in second.reason


@pytest.mark.parametrize("text, language", [(FRENCH, "fr"), (SPANISH, "es")])
def test_other_languages_are_rejected(tmp_path, text, language):
    [item] = read_inputs([write(tmp_path / "foreign.txt", text)], Settings())
    assert isinstance(item, Rejected) and item.code == "language"
    assert f"'{language}'" in item.reason


def test_other_language_is_read_when_allowed(tmp_path):
    path = write(tmp_path / "foreign.txt", FRENCH)
    [item] = read_inputs([path], Settings(languages=("en", "fr")))
    assert isinstance(item, Article) and item.language == "fr"


def test_short_text_is_rejected_as_empty(tmp_path):
    [item] = read_inputs([write(tmp_path / "short.txt", "Two killed.")], Settings())
    assert isinstance(item, Rejected) and item.code == "empty" and "11 characters" in item.reason


def test_short_terse_english_is_not_turned_away_on_weak_evidence(tmp_path):
    # py3langid ranks Somali first for this name-heavy line, with low confidence.
    terse = "Mogadishu: al-Shabaab VBIED at Afgooye; AMISOM, SNA repel. Baidoa, Beledweyne hit too."
    [item] = read_inputs([write(tmp_path / "terse.txt", terse)], Settings())
    assert isinstance(item, Article) and item.language == "en"


def test_missing_path_fails_fast(tmp_path):
    with pytest.raises(InputError, match="does not exist"):
        read_inputs([tmp_path / "nope.txt"], Settings())


def test_unsupported_top_level_file_fails_fast(tmp_path):
    good = write(tmp_path / "good.txt", BODY)
    bad = write(tmp_path / "report.pdf", "%PDF")
    with pytest.raises(UnsupportedFormat, match="report.pdf") as caught:
        read_inputs([good, bad], Settings())
    assert ".txt" in caught.value.hint


def test_sidecar_on_command_line_fails_fast(tmp_path):
    with pytest.raises(UnsupportedFormat, match="sidecar"):
        read_inputs([write(tmp_path / "x.meta.json", "{}")], Settings())


def test_bad_default_date_fails_fast(tmp_path):
    with pytest.raises(SettingsError):
        read_inputs([write(tmp_path / "a.txt", BODY)], Settings(published="not a date at all"))


def test_unreadable_file_in_folder_does_not_stop_the_run(tmp_path):
    write(tmp_path / "a.txt", BODY)
    (tmp_path / "b.txt").symlink_to(tmp_path / "moved-away.txt")  # dangling: reading raises OSError
    write(tmp_path / "c.txt", OTHER_BODY)
    items = list(read_inputs([tmp_path], Settings()))
    assert len(articles(items)) == 2
    assert rejections(items)["b.txt"].code == "unreadable"


def test_choose_language_keeps_plausible_english_and_rules_out_the_rest():
    from parallax.ingest.language import choose_language
    terse = "Mogadishu: al-Shabaab VBIED at Afgooye; AMISOM, SNA repel. Baidoa, Beledweyne hit too."
    assert choose_language(terse, ("en",))[0] == "en"
    assert choose_language(terse * 3, ("en",))[0] == "en"
    names = "Ataque en Culiacán: CJNG y Sinaloa chocan; 4 muertos, dice la Sedena en un informe."
    assert choose_language(names, ("en",))[0] == "es"


def test_sidecar_numeric_published_is_a_unix_timestamp():
    from parallax.ingest.metadata import parse_sidecar
    meta = parse_sidecar(json.dumps({"outlet": "Epoch News", "published": 1788000000}), "a.meta.json")
    assert meta.published is not None and meta.published.year == 2026
