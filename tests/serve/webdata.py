"""What the web app tests share: the seed ids, the test token and one hostile article."""

from __future__ import annotations

from builders import EXAMPLES
from parallax.ingest.ids import content_id

TOKEN = "test-token-5f1c"
SEEDS = ("4ff7e5becbbe4e1c", "a44207d37afc3f0c")  # the two al-Tanf seed articles' content ids
ZONES = EXAMPLES / "zones" / "syria_2017.geojson"

# An article written to attack the pages: markup and attribute-breaking quotes in every field
# the UI shows. It also reports a real incident, so it has an incident page and a list row.
HOSTILE = {
    "title": '<script>window.__pwned = "title"</script>Bomb "onmouseover="window.__pwned=1" x=\'',
    "outlet": 'Evil" onload="window.__pwned=2',
    "published": "2026-10-05T08:00:00",
    "url": "javascript:window.__pwned=3",
    "text": ("KISMAYO, Somalia (Evil Wire) - A roadside bomb killed three soldiers near Kismayo on "
             "Monday, a police officer said. <script>window.__pwned = 4</script> Witnesses said "
             "the blast <img src=x onerror=\"window.__pwned=5\"> hit a military truck on the road "
             "to the airport, and two passers-by were wounded, the officer said \"'><svg onload=alert(1)>."),
}
MARKERS = ("<script>window.__pwned", "<img src=x onerror", "<svg onload", 'onmouseover="window')


def hostile_id() -> str:
    return content_id(HOSTILE["text"])
