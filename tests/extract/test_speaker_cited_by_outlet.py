"""An outlet that cites its source ("Local media, citing hospital officials, said ...") relays that
source's figure: the source speaks, the outlet is the relay (the outlet was the speaker). A monitor
citing "sources on the ground" stays the speaker. Sentences we wrote in wire style."""

from __future__ import annotations

from parallax.extract.claims import extract_claims
from parallax.schema import Article


def voices(nlp, text: str) -> list[tuple[str, tuple[str, ...]]]:
    return [(c.speaker.name if c.speaker else "", c.relay)
            for c in extract_claims(nlp(text), Article(id="c", text=text))]


def test_media_citing_officials_relays_them(nlp):
    text = "Local media, citing hospital officials, said 23 people were wounded."
    assert voices(nlp, text) == [("hospital officials", ("Local media",))]


def test_outlet_reporting_with_a_citation_relays_its_source(nlp):
    text = "Six villagers were killed, Al Arabiya reported, citing a security source."
    assert voices(nlp, text) == [("security source", ("Al Arabiya",))]


def test_monitor_citing_its_sources_still_speaks(nlp):
    text = "Eleven fighters died, the Syrian Observatory for Human Rights said, citing sources on the ground."
    assert voices(nlp, text) == [("Syrian Observatory for Human Rights", ())]
