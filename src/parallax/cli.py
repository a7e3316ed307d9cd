"""The command line: each command parses its arguments and calls one library function."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from rich.console import Console
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn
from rich.table import Table

from parallax.errors import InputError, ParallaxError
from parallax.ingest.rejects import RejectCode, count_by_code
from parallax.schema import Rejected, RunSummary
from parallax.settings import Settings, load_settings

console = Console(stderr=True)
DB_NAME = "parallax.sqlite"
MAX_LISTED_REJECTS = 50
INPUTS_HELP = "article files (.txt, .html, .jsonl, feeds) or folders of them, read recursively"
DB_HELP = "parallax SQLite database to read"
FORMATS_HELP = "comma-separated export formats (csv, json, geojson, parquet)"


class HelpFormat(argparse.ArgumentDefaultsHelpFormatter):
    """Each argument's help ends with its default, unless it has none (None, or a flag left off)."""

    def _get_help_string(self, action: argparse.Action) -> str | None:
        if action.default is None or action.default is False:
            return action.help
        return super()._get_help_string(action)


HELP_FORMAT = HelpFormat


class LayoutHelpFormat(argparse.RawDescriptionHelpFormatter, HelpFormat):
    """HelpFormat, with the epilog's lines kept as written (a table of folders)."""


def _settings(args: argparse.Namespace) -> Settings:
    settings = load_settings(args.config, outlet=getattr(args, "outlet", None),
                             published=getattr(args, "published", None),
                             data_dir=getattr(args, "data_dir", None),
                             engine=getattr(args, "engine", None), workers=getattr(args, "workers", None),
                             zones_file=str(args.zones) if getattr(args, "zones", None) else None,
                             places_file=str(args.places) if getattr(args, "places", None) else None)
    if settings.places_file:  # read now, so that a bad places file fails before a long ingest
        from parallax.extract.place_additions import read_user_places
        read_user_places(settings.places_file)
    if settings.zones_file:  # read now, so that a bad zones file fails before a long ingest
        from parallax.zones.files import check_zones_file
        check_zones_file(Path(settings.zones_file), settings.data_dir)
    return settings


def _check_inputs(paths: list[Path]) -> None:
    for path in paths:
        if not path.exists():
            raise InputError(f"input {path} does not exist", "pass files or folders that exist")


def _ingest(paths: list[Path], db_path: Path, settings: Settings, command: str) -> RunSummary:
    from parallax.pipeline import ingest_paths  # spaCy loads only for commands that need it
    with Progress(TextColumn("{task.description}"), BarColumn(), MofNCompleteColumn(),
                  TimeElapsedColumn(), console=console, transient=True) as bar:
        task = bar.add_task("extracting", total=None)
        summary = ingest_paths(paths, db_path, settings, lambda n: bar.advance(task, n))
    _print_summary(summary, f"parallax {command}", zones=bool(settings.zones_file))
    if summary.read == sum(item.code == RejectCode.IGNORED for item in summary.rejected):
        _print_no_inputs(paths)
    return summary


def _print_no_inputs(paths: list[Path]) -> None:
    """Say so when the folders named hold no file of an input format (the run still exits 0)."""
    from parallax.ingest.readers import SUPPORTED
    folders = ", ".join(str(path) for path in paths)
    console.print(f"no inputs found in {folders} (readable formats: {SUPPORTED})",
                  markup=False, highlight=False, soft_wrap=True)


def cmd_run(args: argparse.Namespace) -> int:
    formats = _formats(args.formats)
    _check_inputs(args.inputs)
    _check_new_or_db(args.out / DB_NAME)
    args.out.mkdir(parents=True, exist_ok=True)
    _ingest(args.inputs, args.out / DB_NAME, _settings(args), "run")
    _write_outputs(args.out / DB_NAME, args.out, formats, settings=_settings(args))
    return 0


def cmd_ingest(args: argparse.Namespace) -> int:
    _check_inputs(args.inputs)
    _check_new_or_db(args.db)
    args.db.parent.mkdir(parents=True, exist_ok=True)
    _ingest(args.inputs, args.db, _settings(args), "ingest")
    return 0


def cmd_export(args: argparse.Namespace) -> int:
    formats = _formats(args.formats)
    _require_db(args.db)
    args.out.mkdir(parents=True, exist_ok=True)
    _write_outputs(args.db, args.out, formats, report=False)
    return 0


def cmd_report(args: argparse.Namespace) -> int:
    _require_db(args.db)
    from parallax.pipeline import stored_incidents
    from parallax.report.html import write_report
    from parallax.zones.survey import report_survey
    stored = stored_incidents(args.db)
    args.out.parent.mkdir(parents=True, exist_ok=True)
    write_report(stored.incidents, stored.articles, args.out, summary=stored.last_run, rejected=stored.rejected,
                 zones=report_survey(stored.incidents, stored.articles, _settings(args)))
    console.print(f"report written to {args.out}")
    return 0


def _require_db(path: Path) -> None:
    from parallax.store.sqlite import check_database
    if not path.exists():
        raise InputError(f"database {path} does not exist", "create it with `parallax ingest` or `parallax run`")
    check_database(path)


def _check_new_or_db(path: Path) -> None:
    """A database path to write: a new one is created, an existing one must be parallax's."""
    from parallax.store.sqlite import check_database
    if path.exists():
        check_database(path, new_ok=True)


def _formats(text: str) -> tuple[str, ...]:
    """The --formats list, checked before anything is created."""
    from parallax.report.exports import check_formats
    return check_formats([f.strip() for f in text.split(",") if f.strip()])


def _write_outputs(db_path: Path, out: Path, formats: tuple[str, ...], report: bool = True,
                   settings: Settings | None = None) -> None:
    from parallax.pipeline import stored_incidents
    from parallax.report.exports import export
    from parallax.report.html import write_report
    from parallax.report.resolution_log import export_follow_ups, export_resolution_log
    stored = stored_incidents(db_path)
    written = export(stored.incidents, stored.articles, out, formats)
    published = {a.id: a.published for a in stored.articles.values()}
    written += [export_resolution_log(stored.resolution_log, out), export_follow_ups(stored.incidents, out, published)]
    if report:
        from parallax.zones.survey import report_survey
        zones = report_survey(stored.incidents, stored.articles, settings) if settings else None
        write_report(stored.incidents, stored.articles, out / "report.html", summary=stored.last_run,
                     zones=zones, rejected=stored.rejected)
        written.append(out / "report.html")
    console.print("wrote " + ", ".join(str(p) for p in written))


def _print_summary(summary: RunSummary, title: str = "parallax run", zones: bool = False) -> None:
    ignored = [item for item in summary.rejected if item.code == RejectCode.IGNORED]
    rejected = [item for item in summary.rejected if item.code != RejectCode.IGNORED]
    table = Table(title=title, show_header=False)
    for label, value in (("inputs read", summary.read - len(ignored)), ("new articles", summary.new_articles),
                         ("already stored", summary.duplicates), ("skipped", len(rejected)),
                         ("ignored (not an input format)", len(ignored)),
                         ("event mentions", summary.mentions), ("claims", summary.claims),
                         ("incidents", summary.incidents),
                         ("incidents with 2+ sources", summary.multi_source_incidents)):
        table.add_row(label, str(value))
    if zones:  # without a zones file no alert can be raised: a 0 row would say nothing
        table.add_row("zone alerts raised", str(summary.alerts))
    console.print(table)
    # File names and reasons are data, not rich markup: "[/x]" in a name would crash the print.
    for code, count in count_by_code(rejected).items():
        console.print(f"  skipped {count} x {code}", markup=False, highlight=False)
    for item in rejected[:MAX_LISTED_REJECTS]:
        console.print(f"  skipped {item.source}: [{item.code}] {item.reason}", markup=False, highlight=False)
    if len(rejected) > MAX_LISTED_REJECTS:
        console.print(f"  ... and {len(rejected) - MAX_LISTED_REJECTS} more "
                      "(all are in the database's rejected table)", markup=False)
    _print_ignored(ignored)


def _print_ignored(ignored: list[Rejected]) -> None:
    """Files of other formats in an input folder: named on one line, apart from bad articles."""
    if not ignored:
        return
    names = [Path(item.source).name for item in ignored[:MAX_LISTED_REJECTS]]
    more = f" and {len(ignored) - len(names)} more" if len(ignored) > len(names) else ""
    console.print(f"  ignored (not an input format): {len(ignored)}: {', '.join(names)}{more}",
                  markup=False, highlight=False)


def exit_status(exc: ParallaxError) -> int:
    """2 + the code's hundreds digit (P1xx input 3, settings 4, data file 5, model 6, store 7,
    eval data 8); 2 for a bad command line, as argparse does. See docs/reliability.md."""
    family = exc.code[1:2]
    return 2 + int(family) if family.isdigit() and family != "0" else 2


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="parallax", description=__doc__, formatter_class=HELP_FORMAT)
    parser.add_argument("--config", type=Path, help="TOML settings file with a [parallax] table")
    sub = parser.add_subparsers(dest="command", required=True, help="what to do (`parallax COMMAND --help`)")
    formats = "csv,json,geojson,parquet"

    run = sub.add_parser("run", help="ingest inputs into OUT/parallax.sqlite and write every output",
                         formatter_class=HELP_FORMAT)
    run.add_argument("inputs", nargs="+", type=Path, help=INPUTS_HELP)
    run.add_argument("--out", type=Path, default=Path("out"),
                     help="folder for the database, exports and report")
    run.add_argument("--formats", default=formats, help=FORMATS_HELP)
    ingest = sub.add_parser("ingest", help="add articles to a database, incrementally",
                            formatter_class=HELP_FORMAT)
    ingest.add_argument("inputs", nargs="+", type=Path, help=INPUTS_HELP)
    ingest.add_argument("--db", type=Path, default=Path("out") / DB_NAME,
                        help="database to add to (created if new)")
    for command in (run, ingest):
        command.add_argument("--outlet", help="outlet for inputs that name none")
        command.add_argument("--published", help="publication date (YYYY-MM-DD) for inputs without one")
        command.add_argument("--data-dir", help="folder whose knowledge files override the shipped ones")
        command.add_argument("--engine", choices=("local", "spark"), help="where extraction runs (default local)")
        command.add_argument("--workers", type=int, help="extraction processes (default: one per core)")
        command.add_argument("--zones", type=Path, help="zones GeoJSON file: alert on incidents inside them")
        command.add_argument("--places", type=Path, metavar="FILE",
                             help="CSV of places the gazetteer lacks: name,lat,lon,country,admin1,feature,aliases")
        command.set_defaults(func=cmd_run if command is run else cmd_ingest)

    export = sub.add_parser("export", help="write CSV/JSON/GeoJSON/Parquet from a database",
                            formatter_class=HELP_FORMAT)
    export.add_argument("--db", type=Path, default=Path("out") / DB_NAME, help=DB_HELP)
    export.add_argument("--out", type=Path, default=Path("out"), help="folder to write the exports into")
    export.add_argument("--formats", default=formats, help=FORMATS_HELP)
    export.set_defaults(func=cmd_export)
    report = sub.add_parser("report", help="write the HTML report from a database",
                            formatter_class=HELP_FORMAT)
    report.add_argument("--db", type=Path, default=Path("out") / DB_NAME, help=DB_HELP)
    report.add_argument("--out", type=Path, default=Path("out") / "report.html",
                        help="HTML file to write")
    report.add_argument("--zones", type=Path, help="zones GeoJSON file: add the zones section (docs/zones.md)")
    report.set_defaults(func=cmd_report)
    _add_eval(sub)
    _add_classify(sub)
    _add_serve(sub)
    _add_zones(sub)
    return parser


def _add_zones(sub) -> None:
    zones = sub.add_parser("zones", help="incidents inside declared zones, violations and their escalation",
                           formatter_class=HELP_FORMAT)
    zones.add_argument("--db", type=Path, default=Path("out") / DB_NAME, help=DB_HELP)
    zones.add_argument("--zones", type=Path, required=True, help="zones GeoJSON file (docs/zones.md)")
    zones.add_argument("--data-dir", help="folder whose knowledge files override the shipped ones")
    zones.add_argument("--escalation", action="store_true",
                       help="also read each violation's escalation steps (parses its articles)")
    zones.set_defaults(func=cmd_zones)


def cmd_zones(args: argparse.Namespace) -> int:
    _require_db(args.db)
    from parallax.zones.survey import survey_zones
    from parallax.zones.tables import print_survey
    survey = survey_zones(args.db, args.zones, _settings(args), escalation=args.escalation)
    print_survey(survey, Console())
    return 0


def _add_serve(sub) -> None:
    serve = sub.add_parser("serve", help="the web app and JSON API over a database (docs/serve.md)",
                           formatter_class=HELP_FORMAT)
    serve.add_argument("--db", type=Path, default=Path("out") / DB_NAME, help=DB_HELP)
    serve.add_argument("--host", default="127.0.0.1", help="address to listen on (loopback: this machine only)")
    serve.add_argument("--port", type=int, default=8000, help="port to listen on")
    serve.add_argument("--token", help="bearer token for the write API (else $PARALLAX_TOKEN or settings)")
    serve.add_argument("--zones", type=Path, metavar="FILE", help="zones GeoJSON file to draw and filter by (docs/zones.md)")
    serve.set_defaults(func=cmd_serve)


def cmd_serve(args: argparse.Namespace) -> int:
    _require_db(args.db)
    from parallax.serve.app import run_server
    run_server(args.db, load_settings(args.config), args.host, args.port, args.token, args.zones)
    return 0


def _add_classify(sub) -> None:
    classify = sub.add_parser("classify", help="print id<TAB>sub_event_type for each snippet of a TSV/JSONL file",
                              formatter_class=HELP_FORMAT)
    classify.add_argument("file", type=Path, help="TSV with id and text columns, or JSONL objects with id and text")
    classify.add_argument("--model", choices=("hashing", "minilm", "rules"), default="hashing",
                          help="minilm needs `make embeddings` (docs/event_types.md)")
    classify.add_argument("--codes", action="store_true", help="print CASE 2021 codes instead of ACLED names")
    classify.add_argument("--none", action="store_true", help="allow NONE for a snippet that reports no event")
    classify.set_defaults(func=cmd_classify)


def cmd_classify(args: argparse.Namespace) -> int:
    from parallax.classify import classify_snippets, read_snippet_file
    snippets = read_snippet_file(args.file)
    for problem in snippets.skipped:
        print(f"skipped {problem}", file=sys.stderr)
    for typed in classify_snippets(snippets.items, args.model, args.none):
        print(f"{typed.id}\t{typed.code if args.codes else typed.sub_event_type}", flush=True)
    if snippets.skipped:
        print(f"classified {len(snippets.items)} snippets of {args.file}; skipped {len(snippets.skipped)} "
              "lines (named above)", file=sys.stderr)
    return 0


def _add_eval(sub) -> None:
    from parallax.evaluate.runner import EVALUATIONS, FORMATS, cmd_eval, dataset_layout
    evaluate = sub.add_parser("eval", help="score the stages on gold datasets", epilog=dataset_layout(),
                              formatter_class=LayoutHelpFormat)
    evaluate.add_argument("name", choices=sorted({*EVALUATIONS, *FORMATS}) + ["all"],
                          help="evaluation to run, or all of them")
    evaluate.add_argument("--data", type=Path, required=True,
                          help="the shared data folder, a dataset's folder, or one file of its format")
    evaluate.add_argument("--limit", type=int, help="score only the first N items of each dataset")
    evaluate.add_argument("--scores", type=Path, help="markdown file to (re)write the scores table into")
    evaluate.set_defaults(func=cmd_eval)


def main(argv: list[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    try:
        return args.func(args)
    except ParallaxError as exc:
        console.print("[red]error[/red] ", end="")
        console.print(str(exc), markup=False, highlight=False)
        return exit_status(exc)
    except KeyboardInterrupt:
        console.print("interrupted")
        return 130


if __name__ == "__main__":
    sys.exit(main())
