"""Framing: how each outlet tells the same incident, described side by side, never judged.

The API (pure functions over stored records; no I/O except loading the lexicon):

    from parallax.framing import load_framing_lexicon, describe_framing
    lexicon = load_framing_lexicon(settings.data_dir)          # cached per data_dir
    overview = describe_framing(incidents, articles_by_id, lexicon)
    overview.incidents   # tuple[IncidentFraming]: per incident, one ArticleFraming per stored article
    overview.outlets     # tuple[OutletFraming]: per outlet, its usual labels, own-voice markers,
                         # quoted-word shares per party and named/anonymous/official source counts

`frame_incident(incident, articles, lexicon, others=())` frames one incident (pass the other
incidents as `others` so their mentions in the same articles count as background context);
`frame_incidents` frames many, reading each article once; `summarise_outlets(framings)` builds the
outlet summaries. Every value that comes from text carries a Span into its article; every record is
JSON-ready through `parallax.report.jsonable.to_jsonable`. What is measured and how:
docs/framing.md.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence

from parallax.framing.incident import frame_incident, frame_incidents
from parallax.framing.lexicon import FramingLexicon, load_framing_lexicon
from parallax.framing.outlets import outlet_key, summarise_outlets
from parallax.schema import Article, FramingOverview, Incident

__all__ = ["FramingLexicon", "describe_framing", "frame_incident", "frame_incidents",
           "load_framing_lexicon", "outlet_key", "summarise_outlets"]


def describe_framing(incidents: Sequence[Incident], articles: Mapping[str, Article],
                     lexicon: FramingLexicon | None = None) -> FramingOverview:
    """Framing of every incident and the outlet summaries; `lexicon` defaults to the shipped one.
    Articles missing from `articles` (text not stored) are left out of the framing."""
    framings = frame_incidents(incidents, articles, lexicon or load_framing_lexicon())
    return FramingOverview(tuple(framings), summarise_outlets(framings))
