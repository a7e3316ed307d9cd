"""Score place detection and toponym resolution on news geoparsing gold sets (LGL, TR-News, GeoVirus)."""

from __future__ import annotations

import hashlib
import statistics
import xml.etree.ElementTree as ET
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from parallax.errors import EvalDataError
from parallax.evaluate.paths import dataset_file
from parallax.extract.gazetteer import Gazetteer, km_between, load_gazetteer
from parallax.extract.place_toponyms import Toponym, resolve_toponyms
from parallax.extract.places import extract_places, extract_toponyms
from parallax.nlp.pipeline import load_nlp, parse_articles
from parallax.schema import Article, Place

CORPORA = {"lgl": "lgl.xml", "trnews": "TR-News.xml", "geovirus": "GeoVirus.xml"}
USUAL_FILES = {**CORPORA, "geowebnews": "GeoWebNews.xml"}  # `parallax eval geowebnews --data FILE`
ACCURATE_KM = 161.0  # 100 miles: the field's accuracy@161 threshold
ALIGN_WINDOW = 5  # TR-News and GeoVirus offsets are often one character off


@dataclass(frozen=True, slots=True)
class GoldToponym:
    """A gold place name: where it is in the text and, when annotated, where it is on the map."""

    text: str
    start: int
    end: int
    latitude: float | None
    longitude: float | None


@dataclass(frozen=True, slots=True)
class GoldArticle:
    article: Article
    toponyms: tuple[GoldToponym, ...]


@dataclass(slots=True)
class Tally:
    """Counts for one corpus: detection by span overlap, resolution by distance."""

    gold: int = 0
    predicted: int = 0
    gold_found: int = 0
    predicted_right: int = 0
    resolvable: int = 0
    errors: list[float] = field(default_factory=list)  # km, ours
    baseline_errors: list[float] = field(default_factory=list)  # km, the gazetteer's first entry
    end_to_end_errors: list[float] = field(default_factory=list)  # km, the detected place over the gold span
    event_place_errors: list[float] = field(default_factory=list)  # km, as above with extract_places' places only


def score_geoparsing(data_dir: Path, limit: int | None = None) -> dict:
    """Per corpus and overall: detection precision/recall of extract_toponyms (every place name of
    the text, those used for an actor or a people and those inside other names included; a predicted place is
    right when its span overlaps a gold toponym); resolution with gold toponyms given (every gold
    toponym with coordinates, resolved together with the article's other gold toponyms by
    resolve_toponyms): accuracy@161 km over all of them (no answer counts as wrong), median error
    over those answered; end to end (the place extract_toponyms detected over each such toponym,
    a missed toponym counting as wrong; also with extract_places' event places only, which leave
    those kinds out); and the gazetteer's context-free first entry as a
    baseline. `limit` caps the articles read per corpus."""
    gazetteer, nlp = load_gazetteer(), load_nlp()
    scores: dict[str, float] = {}
    total = Tally()
    for name, file_name in CORPORA.items():
        golds = list(read_corpus(data_dir / file_name))[:limit]
        tally = score_corpus(golds, gazetteer, nlp)
        scores.update(summarize(tally, f"{name}_"))
        merge(total, tally)
    scores.update(summarize(total, "all_"))
    return scores


def score_geoparsing_file(path: Path, limit: int | None = None, corpus: str = "lgl") -> dict:
    """The same measures on one gold file of LGL's or GeoVirus's XML format (`path`, or the
    corpus's usual file in the folder `path`), keys prefixed with the corpus name."""
    golds = list(read_corpus(dataset_file(path, USUAL_FILES[corpus])))[:limit]
    return summarize(score_corpus(golds, load_gazetteer(), load_nlp()), f"{corpus}_")


def score_corpus(golds: Sequence[GoldArticle], gazetteer: Gazetteer, nlp) -> Tally:
    tally = Tally()
    by_id = {g.article.id: g for g in golds}
    for article, doc in parse_articles([g.article for g in golds], nlp):
        places = extract_toponyms(doc, article, gazetteer)
        count_detection(tally, by_id[article.id].toponyms, places)
        count_resolution(tally, article.text, by_id[article.id].toponyms, gazetteer)
        count_end_to_end(tally.end_to_end_errors, by_id[article.id].toponyms, places)
        count_end_to_end(tally.event_place_errors, by_id[article.id].toponyms, extract_places(doc, article, gazetteer))
    return tally


def count_detection(tally: Tally, toponyms: Sequence[GoldToponym], places: Sequence[Place]) -> None:
    spans = [(p.span.start, p.span.end) for p in places if p.span]
    tally.gold += len(toponyms)
    tally.predicted += len(spans)
    tally.gold_found += sum(any(_overlap(t.start, t.end, s, e) for s, e in spans) for t in toponyms)
    tally.predicted_right += sum(any(_overlap(t.start, t.end, s, e) for t in toponyms) for s, e in spans)


def count_resolution(tally: Tally, text: str, toponyms: Sequence[GoldToponym], gazetteer: Gazetteer) -> None:
    chosen = resolve_toponyms(text, [Toponym(t.text, t.start, t.end) for t in toponyms], gazetteer)
    for toponym, place in zip(toponyms, chosen):
        if toponym.latitude is None:
            continue
        tally.resolvable += 1
        if place is not None:
            tally.errors.append(km_between(toponym.latitude, toponym.longitude, place.latitude, place.longitude))
        first = gazetteer.lookup(toponym.text)[:1]
        if first:
            tally.baseline_errors.append(
                km_between(toponym.latitude, toponym.longitude, first[0].latitude, first[0].longitude))


def count_end_to_end(errors: list[float], toponyms: Sequence[GoldToponym], places: Sequence[Place]) -> None:
    located = [p for p in places if p.span and p.latitude is not None]
    for toponym in (t for t in toponyms if t.latitude is not None):
        found = next((p for p in located if _overlap(toponym.start, toponym.end, p.span.start, p.span.end)), None)
        if found is not None:
            errors.append(
                km_between(toponym.latitude, toponym.longitude, found.latitude, found.longitude))


def summarize(tally: Tally, prefix: str) -> dict[str, float]:
    def accuracy(errors: list[float]) -> float:
        return round(sum(e <= ACCURATE_KM for e in errors) / tally.resolvable, 3) if tally.resolvable else 0.0

    def median(errors: list[float]) -> float:
        return round(statistics.median(errors), 1) if errors else 0.0

    return {
        f"{prefix}toponyms": tally.gold, f"{prefix}resolvable": tally.resolvable,
        f"{prefix}detection_precision": round(tally.predicted_right / tally.predicted, 3) if tally.predicted else 0.0,
        f"{prefix}detection_recall": round(tally.gold_found / tally.gold, 3) if tally.gold else 0.0,
        f"{prefix}answered": round(len(tally.errors) / tally.resolvable, 3) if tally.resolvable else 0.0,
        f"{prefix}acc161": accuracy(tally.errors), f"{prefix}median_km": median(tally.errors),
        f"{prefix}baseline_acc161": accuracy(tally.baseline_errors),
        f"{prefix}baseline_median_km": median(tally.baseline_errors),
        f"{prefix}end_to_end_acc161": accuracy(tally.end_to_end_errors),
        f"{prefix}end_to_end_median_km": median(tally.end_to_end_errors),
        f"{prefix}event_places_end_to_end_acc161": accuracy(tally.event_place_errors),
    }


def merge(total: Tally, part: Tally) -> None:
    for name in ("gold", "predicted", "gold_found", "predicted_right", "resolvable"):
        setattr(total, name, getattr(total, name) + getattr(part, name))
    total.errors += part.errors
    total.baseline_errors += part.baseline_errors
    total.end_to_end_errors += part.end_to_end_errors
    total.event_place_errors += part.event_place_errors


def _overlap(a_start: int, a_end: int, b_start: int, b_end: int) -> bool:
    return a_start < b_end and b_start < a_end


# ---------------------------------------------------------------- reading the gold XML

def read_corpus(path: Path) -> Iterator[GoldArticle]:
    """Articles of one gold file: LGL and TR-News use <toponym>/<gaztag>, GeoVirus <location>."""
    if not path.is_file():
        raise EvalDataError(f"gold file {path} not found", "pass --data pointing at the shared data folder")
    try:
        root = ET.parse(path).getroot()
    except ET.ParseError as exc:
        raise EvalDataError(f"cannot parse {path}: {exc}", "restore the file from its source") from exc
    for number, node in enumerate(root.iter("article")):
        text = node.findtext("text") or ""
        article_id = hashlib.sha1(f"{path.name}:{number}".encode()).hexdigest()[:16]
        toponyms = tuple(t for t in (*_toponyms(node, text), *_locations(node, text)) if t)
        yield GoldArticle(Article(id=article_id, text=text, source=f"{path.name}#{number}"), toponyms)


def _toponyms(node: ET.Element, text: str) -> Iterator[GoldToponym | None]:
    for item in node.iter("toponym"):
        tag = item.find("gaztag")
        tag = item if tag is None else tag  # GeoWebNews-style files put lat/lon on the toponym
        lat, lon = tag.findtext("lat"), tag.findtext("lon")
        phrase = item.findtext("phrase") or item.findtext("name") or ""
        yield _gold(text, phrase, int(item.findtext("start") or 0), lat, lon)


def _locations(node: ET.Element, text: str) -> Iterator[GoldToponym | None]:
    for item in node.iter("location"):
        yield _gold(text, item.findtext("name") or "", int(item.findtext("start") or 0),
                    item.findtext("lat"), item.findtext("lon"))


def _gold(text: str, phrase: str, start: int, lat: str | None, lon: str | None) -> GoldToponym | None:
    """The toponym at the offset nearest the annotated one (some corpora are off by one)."""
    for shift in sorted(range(-ALIGN_WINDOW, ALIGN_WINDOW + 1), key=abs):
        begin = start + shift
        if phrase and begin >= 0 and text[begin:begin + len(phrase)] == phrase:
            located = lat not in (None, "") and lon not in (None, "")
            return GoldToponym(phrase, begin, begin + len(phrase),
                               float(lat) if located else None, float(lon) if located else None)
    return None
