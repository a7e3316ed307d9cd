"""The HTML report: hostile text escaped, one column per source, order, self-contained."""

from __future__ import annotations

from parallax.report.html import render_report, write_report
from parallax.report.views import highlight, run_counts
from parallax.schema import Rejected, RunSummary


def test_hostile_text_is_escaped(incidents, articles):
    html = render_report(incidents, articles)
    assert "<script>alert(1)</script>" not in html
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in html
    assert "<img src=x" not in html and "<u>Officials" not in html and "<SANA>" not in html
    assert 'href="javascript:' not in html


def test_each_source_has_a_column(incidents, articles):
    html = render_report(incidents, articles)
    assert 'rel="noopener noreferrer">The National</a></div>' in html
    assert '<div class="outlet">al-Masdar News</div>' in html
    assert '<div class="outlet">unknown outlet</div>' in html
    assert html.count('<th scope="col" class="source">') == 3


def test_figure_is_highlighted_inside_its_sentence(incidents, articles):
    html = render_report(incidents, articles)
    assert "<mark>eight</mark>" in html
    assert "&amp; 2 &lt;b&gt;children&lt;/b&gt; died." in html


def test_highlight_uses_offsets_when_the_figure_repeats(articles):
    from parallax.schema import Span
    text = "Two died, then two more died."
    article = articles["a1"].__class__("x", text)
    before, hit, after = highlight(Span("x", 15, 18, "two", text), article)
    assert (before, hit, after) == ("Two died, then ", "two", " more died.")


def test_main_incidents_first_background_collapsed(incidents, articles):
    html = render_report(incidents, articles)
    assert html.index('id="incident-i1"') < html.index('<details class="background">') \
        < html.index('id="incident-i2"')


def test_the_index_links_every_incident_background_ones_too(incidents, articles):
    """Regression (round 4b, B4): the Kangvai kidnapping (background) had a section but no index link."""
    html = render_report(incidents, articles)
    toc = html[html.index('<nav class="toc">'):html.index("</nav>")]
    assert 'href="#incident-i1"' in toc and 'href="#incident-i2"' in toc and "mentioned in passing" in toc
    assert all(f'href="#incident-{i.id}"' in toc for i in incidents)


def test_run_summary_in_header(incidents, articles, tmp_path):
    summary = RunSummary(read=4, new_articles=3, rejected=(Rejected("fr.txt", "language", "not English"),))
    path = write_report(incidents, articles, tmp_path / "report.html", summary)
    html = path.read_text(encoding="utf-8")
    assert "fr.txt" in html and "not English" in html and "inputs read" in html


def test_self_contained(incidents, articles):
    html = render_report(incidents, articles)
    assert "<link" not in html and "<script" not in html and "src=\"http" not in html


def test_empty_report_renders():
    assert "No incidents yet." in render_report([], {})


def test_run_counts_keep_files_of_other_formats_apart_from_skipped():
    """Regression: README.md met in a folder walk counted as a read input and a skipped one."""
    summary = RunSummary(read=3, new_articles=1, rejected=(Rejected("fr.txt", "language", "not English"),
                                                           Rejected("README.md", "ignored", "not an input format")))
    counts = dict(run_counts(summary))
    assert counts["inputs read"] == 2 and counts["skipped"] == 1 and counts["ignored (not an input format)"] == 1


def test_skipped_inputs_list_every_runs_rejections(incidents, articles):
    """A new user's report listed only the last run's one rejection though the store held nine."""
    last = RunSummary(read=1, new_articles=0, rejected=(Rejected("empty.txt", "empty", "no text"),))
    earlier = (Rejected("fr.txt", "language", "not English"), Rejected("empty.txt", "empty", "no text"))
    html = render_report(incidents, articles, last, rejected=earlier)
    assert "fr.txt" in html and "every run (2)" in html
