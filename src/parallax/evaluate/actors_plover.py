"""Score actor roles on the PLOVER gold-standard records: source (actor1) and target (actor2)."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path

from spacy.language import Language
from spacy.tokens import Doc

from parallax.errors import EvalDataError
from parallax.evaluate.actor_matching import count_matches, half_of, prf
from parallax.evaluate.paths import dataset_file
from parallax.extract.actors import CountryNamer, load_actor_dictionary, sentence_actors
from parallax.extract.event_type import find_triggers
from parallax.extract.frames import MIN_TRIGGER_SCORE
from parallax.schema import ActorRole, Article

PLOVER_FILE = "PLOVER_GSR_CAMEO.json"
ROLES = {"source": ActorRole.PERPETRATOR, "target": ActorRole.TARGET}


def read_records(folder: Path, limit: int | None = None) -> list[dict]:
    """The sentence records (those with a text) of the gold file, in order."""
    path = dataset_file(folder, PLOVER_FILE)
    try:
        records = json.loads(path.read_text("utf-8"))
    except json.JSONDecodeError as exc:
        raise EvalDataError(f"{path}: not JSON ({exc})", "use the PLOVER gold-standard records file") from exc
    if not isinstance(records, list):
        raise EvalDataError(f"{path}: not a JSON array of records", "use the PLOVER gold-standard records file")
    return [r for r in records if isinstance(r, dict) and r.get("text")][:limit]


def gold_actors(record: dict, field: str) -> list[list[str]]:
    """Each gold actor of `field` as a one-mention entity ("" or a missing field: none)."""
    actors = record.get(field) or []
    return [[a["actorText"]] for a in actors if isinstance(a, dict) and a.get("actorText")]


def country_namer() -> CountryNamer:
    """Country adjectives and names from the shipped gazetteer ("Syrian" -> ("SY", "Syria"))."""
    from parallax.extract.gazetteer import load_gazetteer

    gazetteer = load_gazetteer()

    def name_country(word: str) -> tuple[str, str] | None:
        code = gazetteer.country_of_adjective(word)
        return (code, gazetteer.country_name(code)) if code else None
    return name_country


def doc_roles(doc: Doc, article: Article, name_country: CountryNamer) -> dict[ActorRole, list[str]]:
    """The phrases parallax gives each role in a parsed text (every sentence, see sentence_actors)."""
    dictionary = load_actor_dictionary()
    found: dict[ActorRole, list[str]] = {role: [] for role in ActorRole}
    for sent in doc.sents:
        heads = [doc[t.start_token:t.end_token].root for t in find_triggers(sent) if t.score >= MIN_TRIGGER_SCORE]
        for actor in sentence_actors(sent, heads, article, dictionary, name_country):
            found[actor.role].append(actor.name)
    return found


def score_plover(data_dir: Path, limit: int | None = None, nlp: Language | None = None,
                 name_country: Callable | None = None) -> dict:
    """Micro precision/recall/F1 of sources and targets, relaxed (one phrase inside the other:
    "Senior Czech and Polish officials" finds "Czech") and exact (same words); relaxed
    F1 also per fixed half of the records (see half_of)."""
    if nlp is None:
        from parallax.nlp.pipeline import load_nlp

        nlp = load_nlp()
    records = read_records(data_dir, limit)
    namer = name_country or country_namer()
    counts: dict[tuple[str, bool], list] = {(f, e): [] for f in ROLES for e in (False, True)}
    halves: dict[tuple[str, str], list] = {(h, f): [] for h in ("dev", "heldout") for f in ROLES}
    for record, doc in zip(records, nlp.pipe((r["text"] for r in records), batch_size=64)):
        record_id = str(record.get("id", ""))
        roles = doc_roles(doc, Article(record_id, record["text"]), namer)
        for field, role in ROLES.items():
            gold = gold_actors(record, field)
            for exact in (False, True):
                right, found, predicted = count_matches(roles[role], gold, exact)
                counts[(field, exact)].append((right, predicted, found, len(gold)))
            halves[(half_of(record_id), field)].append(counts[(field, False)][-1])
    scores: dict = {"n": len(records)}
    for (field, exact), rows in counts.items():
        prefix = f"{field}_{'exact_' if exact else ''}"
        scores.update({prefix + k: v for k, v in prf(rows).items()})
    for (half, field), rows in halves.items():  # dev: the half studied while writing the rules
        scores[f"{half}_{field}_f1"] = prf(rows)["f1"]
    return scores
