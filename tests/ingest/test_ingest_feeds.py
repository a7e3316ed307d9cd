"""RSS and Atom feeds: each entry is an article with the feed's title as its outlet."""

from datetime import datetime

from parallax.ingest.feeds import strip_html
from parallax.ingest.readers import read_inputs
from parallax.schema import Article, Rejected
from parallax.settings import Settings

RSS = """<?xml version="1.0" encoding="utf-8"?>
<rss version="2.0"><channel><title>Border Wire</title><link>https://wire.example</link>
<item><title>Four killed in market shelling</title><link>https://wire.example/1</link>
<pubDate>Tue, 05 Mar 2024 10:00:00 +0200</pubDate>
<description>&lt;p&gt;Artillery &lt;b&gt;fire&lt;/b&gt; hit a crowded market in Kassala on Monday,
killing four civilians and wounding eleven, officials said.&lt;/p&gt;&lt;p&gt;The army blamed
a rival militia.&lt;/p&gt;</description></item>
<item><title>Empty item</title><link>https://wire.example/2</link></item>
</channel></rss>"""

ATOM = """<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom"><title>Atom Desk</title><id>urn:desk</id>
<updated>2024-03-06T12:00:00Z</updated>
<entry><title>Gunmen raid village</title><id>urn:desk:1</id>
<link href="https://atom.example/raid"/><updated>2024-03-06T12:00:00Z</updated>
<summary>Short version.</summary>
<content type="html">&lt;p&gt;Gunmen on motorbikes raided the village of Dinga overnight,
burning granaries and abducting six herders, residents told reporters.&lt;/p&gt;</content>
</entry></feed>"""


def test_rss_entries(tmp_path):
    path = tmp_path / "wire.rss"
    path.write_text(RSS, "utf-8")
    first, empty = read_inputs([path], Settings())
    assert isinstance(first, Article)
    assert first.title == "Four killed in market shelling"
    assert first.text.startswith("Artillery fire hit a crowded market")
    assert "<" not in first.text and "\n\nThe army blamed" in first.text
    assert first.outlet == "Border Wire" and first.url == "https://wire.example/1"
    assert first.published == datetime(2024, 3, 5, 8, 0)
    assert first.source == f"{path}#1"
    assert isinstance(empty, Rejected) and empty.code == "empty" and empty.source == f"{path}#2"


def test_atom_entry_prefers_full_content(tmp_path):
    path = tmp_path / "desk.xml"
    path.write_text(ATOM, "utf-8")
    [entry] = read_inputs([path], Settings())
    assert entry.text.startswith("Gunmen on motorbikes raided")
    assert entry.outlet == "Atom Desk" and entry.url == "https://atom.example/raid"
    assert entry.published == datetime(2024, 3, 6, 12, 0)


def test_xml_that_is_not_a_feed_is_rejected(tmp_path):
    path = tmp_path / "catalog.xml"
    path.write_text("<?xml version='1.0'?><catalog><book>Maps</book></catalog>", "utf-8")
    [item] = read_inputs([path], Settings())
    assert isinstance(item, Rejected) and item.code == "format"


def test_strip_html_drops_scripts_and_decodes_entities():
    fragment = "<p>A&amp;B <script>x()</script>met</p><p>Then  left</p>"
    assert strip_html(fragment) == "A&B met\n\nThen left"
