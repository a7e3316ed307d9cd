"""Saved web pages: trafilatura's text, title, date and site name become the article's."""

from datetime import datetime

from parallax.ingest.readers import read_inputs
from parallax.schema import Article, Rejected
from parallax.settings import Settings

PAGE = """<!DOCTYPE html><html lang="en"><head>
<title>Shelling kills four in border town | The Daily Ledger</title>
<meta property="og:site_name" content="The Daily Ledger">
<meta property="og:url" content="https://ledger.example/world/shelling">
<meta property="article:published_time" content="2024-03-05T08:30:00Z">
</head><body><nav>Home | World | Sport</nav>
<article><h1>Shelling kills four in border town</h1>
<p>KHARTOUM (Ledger) - Artillery fire hit a market in the border town of Kassala on Monday,
killing four civilians, local officials said.</p>
<p>The army blamed a rival militia for the attack, which it said also wounded eleven people
and destroyed several shops near the bus station.</p></article>
<footer>All rights reserved</footer></body></html>"""


def test_html_page_becomes_article(tmp_path):
    path = tmp_path / "page.html"
    path.write_text(PAGE, "utf-8")
    [article] = read_inputs([path], Settings(outlet="Command Line Outlet"))
    assert isinstance(article, Article)
    assert article.title == "Shelling kills four in border town"
    assert article.text.startswith("KHARTOUM (Ledger) - Artillery fire")
    assert "Home | World" not in article.text and "rights reserved" not in article.text
    assert article.outlet == "The Daily Ledger"  # the page's own name beats the command line
    assert article.url == "https://ledger.example/world/shelling"
    assert article.published == datetime(2024, 3, 5, 8, 30)  # the page's time is kept
    assert article.dateline == "Khartoum"


def test_page_time_with_an_offset_is_read_in_utc_and_a_bare_date_stays_midnight(tmp_path):
    """21:40 at UTC-4 is 01:40 UTC the next day: the day relative dates are resolved against."""
    late = PAGE.replace("2024-03-05T08:30:00Z", "2024-03-05T21:40:00-04:00")
    bare = PAGE.replace("2024-03-05T08:30:00Z", "2024-03-05").replace("eleven", "twelve")  # not a duplicate
    (tmp_path / "late.html").write_text(late, "utf-8")
    (tmp_path / "bare.html").write_text(bare, "utf-8")
    articles = {a.source.rsplit("/", 1)[-1]: a for a in read_inputs(sorted(tmp_path.iterdir()), Settings())}
    assert articles["late.html"].published == datetime(2024, 3, 6, 1, 40)
    assert articles["bare.html"].published == datetime(2024, 3, 5)


def test_page_without_article_text_is_rejected(tmp_path):
    path = tmp_path / "blank.htm"
    path.write_text("<html><body><nav>Home</nav></body></html>", "utf-8")
    [rejected] = read_inputs([path], Settings())
    assert isinstance(rejected, Rejected) and rejected.code == "empty"
