"""`parallax eval NAME --data PATH`: run a stage's scorer on its dataset and keep a scores table."""

from __future__ import annotations

import argparse
import json
import time
from collections.abc import Callable
from datetime import date
from functools import partial
from importlib import import_module
from pathlib import Path

from rich.console import Console

from parallax.errors import EvalDataError

# name -> (module, function, dataset folder under --data); scorers take (folder, limit).
EVALUATIONS: dict[str, tuple[str, str, str]] = {
    "claims": ("parallax.evaluate.claims_gva", "score_gva", "semeval2018t5_gva_incidents_articles"),
    "claims_gold": ("parallax.evaluate.claims_gold", "score_claims_gold", "."),  # ships in tests/extract
    "resolution": ("parallax.evaluate.resolution_gva", "score_resolution",
                   "semeval2018t5_gva_incidents_articles"),
    "event_types": ("parallax.evaluate.event_types", "score_event_types", "case2021_task2_acled_types"),
    "event_types_rules": ("parallax.evaluate.event_types", "score_event_types_rules",
                          "case2021_task2_acled_types"),
    "event_types_minilm": ("parallax.evaluate.event_types", "score_event_types_minilm",
                           "case2021_task2_acled_types"),
    # the same typer on text by other authors, read at a coarser grain (docs/event_types.md)
    "event_types_satp": ("parallax.evaluate.event_types_satp", "score_event_types_satp", "conflibert_satp_relevant"),
    "geoparsing": ("parallax.evaluate.geoparsing", "score_geoparsing", "geoparsing_news_gold"),
    "plover": ("parallax.evaluate.actors_plover", "score_plover", "plover_gold_standard_records"),
    "muc4": ("parallax.evaluate.actors_muc4", "score_muc4", "muc4_terrorism_templates"),
    "dates": ("parallax.evaluate.timebank", "score_timebank", "tempeval3_tbaq_timex"),
    # resolution (issue 5): `gva` scores any folder holding gva_articles.jsonl.gz (or the shared one)
    "gva": ("parallax.evaluate.resolution_gva", "score_gva_folder", "."),
    "gvc": ("parallax.evaluate.resolution_cdcr", "score_gvc", "cdcr_gvc_gun_violence"),
    # zones (issue 7): place-uncertainty radii against exact UCDP points and the example zones
    "zones_ucdp": ("parallax.evaluate.zones_ucdp", "score_zones_ucdp", "ucdp_ged_syria_2016_2019"),
    # geoparsing (issue 4): UCDP GED place descriptions -> coordinates
    "ucdp": ("parallax.evaluate.ucdp_places", "score_ucdp_places", "ucdp_ged_syria_2016_2019"),
}


# One dataset format each, for `parallax eval NAME --data FILE` on any file of that format (issue 4):
# name -> (module, function, folder under the shared data root, keyword arguments). `all` runs
# EVALUATIONS only: these score the same data as `event_types`, `dates` and `geoparsing`.
FORMATS: dict[str, tuple[str, str, str, dict]] = {
    "case2021": ("parallax.evaluate.event_types", "score_event_types", "case2021_task2_acled_types", {}),
    "timebank": ("parallax.evaluate.timebank", "score_timebank", "tempeval3_tbaq_timex", {}),
    **{corpus: ("parallax.evaluate.geoparsing", "score_geoparsing_file", "geoparsing_news_gold",
                {"corpus": corpus}) for corpus in ("lgl", "trnews", "geovirus", "geowebnews")},
}


# what each scorer reads inside its folder, for `parallax eval --help`
FILES: dict[str, str] = {
    "claims": "gva_articles.jsonl.gz, gva_incidents.jsonl.gz",
    "claims_gold": "nothing: its 75 sentences ship in tests/extract/claims_gold.jsonl",
    "resolution": "gva_articles.jsonl.gz, gva_incidents.jsonl.gz",
    "event_types": "dev.tsv", "event_types_rules": "dev.tsv", "event_types_minilm": "dev.tsv",
    "event_types_satp": "dev.tsv (or train.tsv): SATP summaries, text and four 0/1 label columns",
    "geoparsing": "lgl.xml, TR-News.xml, GeoVirus.xml",
    "plover": "PLOVER_GSR_CAMEO.json or any JSON array of PLOVER records",
    "muc4": "dev.json or any GRIT-format MUC-4 JSON",
    "dates": "*.tml (or TimeBank/*.tml)",
    "gva": "gva_articles.jsonl.gz, gva_incidents.jsonl.gz (else the shared GVA folder under DIR)",
    "gvc": "val/dataset.conll (and ../cdcr_ecbplus/val/dataset.conll for ECB+)",
    "zones_ucdp": "ged_syria_2016_2017.csv.gz",
    "ucdp": "ged_syria_2016_2017.csv.gz or any UCDP GED CSV (.csv or .csv.gz)",
    "case2021": "dev.tsv or any CASE 2021 Task 2 TSV (id, EventSnippet, SubType)",
    "timebank": "*.tml (or TimeBank/*.tml), or one .tml file",
    "lgl": "lgl.xml or any LGL-format XML", "trnews": "TR-News.xml or any LGL-format XML",
    "geovirus": "GeoVirus.xml or any GeoVirus-format XML",
    "geowebnews": "GeoWebNews.xml: <article><text>, <toponym> with <start>, <phrase> and lat/lon",
}


def _entry(name: str) -> tuple[str, str, str, dict]:
    return FORMATS[name] if name in FORMATS else (*EVALUATIONS[name], {})


def scorer(name: str) -> Callable[[Path, int | None], dict]:
    module, function, _, options = _entry(name)
    return partial(getattr(import_module(module), function), **options)


def dataset_path(name: str, data: Path) -> Path:
    """What the scorer reads: a file named by --data, the dataset's folder under the shared data
    root, or the folder --data names (which must hold the dataset's files)."""
    shared = data / _entry(name)[2]
    if data.is_file() or not shared.is_dir():
        if not data.exists():
            raise EvalDataError(f"{data} not found", "pass --data the shared data folder (e.g. "
                                "../shared/data), a dataset's folder or one file of its format")
        return data
    return shared


def run_evaluation(name: str, data_root: Path, limit: int | None = None) -> dict:
    """Scores of one evaluation as a flat dict of numbers and short strings."""
    folder = dataset_path(name, data_root)
    started = time.perf_counter()
    scores = scorer(name)(folder, limit)
    scores["seconds"] = round(time.perf_counter() - started, 1)
    return scores


def write_scores(path: Path, results: dict[str, dict], command: str) -> None:
    """Rewrite the table for the evaluations just run, keeping the others' rows."""
    saved = path.with_suffix(".json")
    table: dict[str, dict] = json.loads(saved.read_text()) if saved.is_file() else {}
    for name, scores in results.items():
        table[name] = {"date": date.today().isoformat(), "command": command, **scores}
    saved.write_text(json.dumps(table, indent=1, sort_keys=True))
    lines = ["# parallax scores", "", "Produced by `make eval` (`parallax eval all --data ../shared/data`);",
             "each row names the command that produced it. Raw numbers: scores.json.", ""]
    for name in sorted(table):
        lines += [f"## {name}", "", "| measure | value |", "|---|---|"]
        lines += [f"| {k} | {v} |" for k, v in table[name].items() if k not in {"command"}]
        lines += ["", f"command: `{table[name]['command']}`", ""]
    path.write_text("\n".join(lines))


def cmd_eval(args: argparse.Namespace) -> int:
    """Score each named evaluation and print its scores as one JSON line on stdout (with `all`, one
    line per evaluation, its name under "evaluation"); progress goes to stderr, so stdout parses."""
    progress = Console(stderr=True)
    if args.name != "all":
        results = {args.name: run_evaluation(args.name, args.data, args.limit)}
        print(json.dumps(results[args.name], default=str), flush=True)
    else:
        results = _run_all(args.data, args.limit, progress)
    if args.scores:
        limit = f" --limit {args.limit}" if args.limit else ""
        for name in results:
            write_scores(args.scores, {name: results[name]},
                         f"parallax eval {name} --data DATA{limit}")
    return 0


def _run_all(data_root: Path, limit: int | None, progress: Console) -> dict[str, dict]:
    """Every evaluation whose dataset is under `data_root`; one missing is skipped with a JSON line
    saying why ({"evaluation": name, "skipped": reason}), and only all of them missing is an error."""
    results, skipped = {}, []
    for name in sorted(EVALUATIONS):
        progress.print(f"scoring {name} ...")
        try:
            results[name] = run_evaluation(name, data_root, limit)
        except EvalDataError as exc:
            skipped.append(name)
            progress.print(f"  skipped {name}: {exc.args[0]}")
            print(json.dumps({"evaluation": name, "skipped": exc.args[0]}), flush=True)
            continue
        print(json.dumps({"evaluation": name, **results[name]}, default=str), flush=True)
    if not results:
        raise EvalDataError(f"no dataset found under {data_root}", "pass --data pointing at the shared "
                            "data folder (`parallax eval --help` lists each dataset's folder)")
    return results


def dataset_layout() -> str:
    """What `--data DIR` must hold, one evaluation per line, for `parallax eval --help`."""
    folders = {name: _entry(name)[2] for name in sorted({*EVALUATIONS, *FORMATS})}
    rows = [f"  {name:<19} {'DIR/' + folder if folder != '.' else 'DIR'}: {FILES.get(name, '')}"
            for name, folder in folders.items()]
    return ("each evaluation reads these files under --data DIR (DIR the shared data folder, or --data\n"
            "names the dataset's folder or one file of its format):\n" + "\n".join(rows))
