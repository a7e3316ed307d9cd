"""Incidents and their claims written as CSV, JSON, GeoJSON and Parquet, one exporter per format.

CSV: UTF-8, empty cell for unknown, booleans as true/false, article_ids joined with ";", notes
with "; " and a claim's relay chain with " > " (speaker first, outlet's immediate source last).
GeoJSON: only located incidents become (Point) features, so every map tool can draw every
feature; the others are kept with the same properties in the foreign member "unlocated"
(RFC 7946 section 6.1), so nothing is dropped silently.
"""

from __future__ import annotations

import csv
import json
from collections.abc import Callable, Mapping, Sequence
from datetime import date
from pathlib import Path
from types import MappingProxyType

import pyarrow as pa
import pyarrow.parquet as pq

from parallax.errors import UnsupportedFormat
from parallax.framing import describe_framing
from parallax.report.files import replaced
from parallax.report.jsonable import to_jsonable
from parallax.report.rows import (CLAIM_COLUMNS, INCIDENT_COLUMNS, RELAY_SEPARATOR, claim_rows,
                                  claim_summary, incident_row, incident_rows, unique_claims)
from parallax.schema import Article, Incident

Articles = Mapping[str, Article]
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")
Exporter = Callable[[Sequence[Incident], Articles, Path], list[Path]]

__all__ = ["EXPORTERS", "FORMATS", "check_formats", "export", "to_jsonable"]


# -- CSV -----------------------------------------------------------------------------------------

def csv_cell(column: str, value: object) -> str:
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, tuple):
        return as_text_cell({"notes": "; ", "parts": "; ", "relay": RELAY_SEPARATOR}.get(column, ";").join(value))
    return as_text_cell(value) if isinstance(value, str) else str(value)


def as_text_cell(text: str) -> str:
    """Text a spreadsheet would run as a formula ("=HYPERLINK(...)" in a hostile title) gets a
    leading apostrophe, which spreadsheets show as text (OWASP's advice on CSV injection).
    Numbers are never touched: a negative longitude stays a number."""
    return "'" + text if text.startswith(FORMULA_STARTS) else text


def _write_csv(path: Path, columns: Sequence[str], rows) -> Path:
    with replaced(path) as part, part.open("w", newline="", encoding="utf-8") as handle:
        writer = csv.writer(handle)
        writer.writerow(columns)
        writer.writerows([csv_cell(c, v) for c, v in zip(columns, row)] for row in rows)
    return path


def export_csv(incidents: Sequence[Incident], articles: Articles, out_dir: Path) -> list[Path]:
    return [_write_csv(out_dir / "incidents.csv", INCIDENT_COLUMNS, incident_rows(incidents, articles)),
            _write_csv(out_dir / "claims.csv", CLAIM_COLUMNS, claim_rows(incidents, articles)),
            *export_reconciliation_csv(incidents, out_dir)]


def export_reconciliation_csv(incidents: Sequence[Incident], out_dir: Path) -> list[Path]:
    """contradictions.csv, omissions.csv and merge_links.csv (docs/reconciliation.md)."""
    from parallax.report import reconciliation_rows as rr
    return [_write_csv(out_dir / "contradictions.csv", rr.CONTRADICTION_COLUMNS, rr.contradiction_rows(incidents)),
            _write_csv(out_dir / "omissions.csv", rr.OMISSION_COLUMNS, rr.omission_rows(incidents)),
            _write_csv(out_dir / "merge_links.csv", rr.LINK_COLUMNS, rr.link_rows(incidents))]


# -- JSON and GeoJSON ----------------------------------------------------------------------------

def _write_json(path: Path, value: object) -> Path:
    with replaced(path) as part:
        part.write_text(json.dumps(value, ensure_ascii=False, indent=1), encoding="utf-8")
    return path


def export_json(incidents: Sequence[Incident], articles: Articles, out_dir: Path) -> list[Path]:
    """incidents.json (full nested records) and framing.json (parallax.framing's overview)."""
    return [_write_json(out_dir / "incidents.json", [to_jsonable(i) for i in incidents]),
            _write_json(out_dir / "framing.json", to_jsonable(describe_framing(incidents, articles)))]


def feature_properties(incident: Incident, articles: Articles) -> dict[str, object]:
    """The CSV columns (lists joined the same way) plus a few-word summary of each claim."""
    row = incident_row(incident, articles)
    properties = {c: csv_cell(c, v) if isinstance(v, (tuple, date)) else v
                  for c, v in zip(INCIDENT_COLUMNS, row)}
    claims = [claim_summary(c, articles) for c in unique_claims(incident)]
    return properties | {"n_claims": len(claims), "claims": "; ".join(claims) or None}


def geojson_collection(incidents: Sequence[Incident], articles: Articles) -> dict[str, object]:
    located = [i for i in incidents if i.place and i.place.latitude is not None
               and i.place.longitude is not None]
    features = [{"type": "Feature", "id": i.id,
                 "geometry": {"type": "Point", "coordinates": [i.place.longitude, i.place.latitude]},
                 "properties": feature_properties(i, articles)} for i in located]
    placed = {i.id for i in located}
    unlocated = [feature_properties(i, articles) for i in incidents if i.id not in placed]
    return {"type": "FeatureCollection", "features": features, "unlocated": unlocated}


def export_geojson(incidents: Sequence[Incident], articles: Articles, out_dir: Path) -> list[Path]:
    return [_write_json(out_dir / "incidents.geojson", geojson_collection(incidents, articles))]


# -- Parquet -------------------------------------------------------------------------------------

TEXT, INT, FLOAT, FLAG, TEXTS = pa.string(), pa.int64(), pa.float64(), pa.bool_(), pa.list_(pa.string())

INCIDENT_TYPES = dict(zip(INCIDENT_COLUMNS, (
    TEXT, pa.date32(), pa.int8(), TEXT, TEXT, TEXT, TEXT, TEXT, TEXT, TEXT, TEXT, FLOAT, FLOAT,
    pa.int8(), pa.int8(), TEXT, INT, INT, INT, pa.int32(), TEXTS, FLAG, TEXT, pa.int32(), pa.int32(), TEXTS,
    pa.int8(), pa.int8(), pa.int8(), TEXT, TEXT, INT, INT, FLAG)))
CLAIM_TYPES = dict(zip(CLAIM_COLUMNS, (
    TEXT, TEXT, TEXT, TEXT, TEXT, TEXTS, TEXT, TEXT, INT, INT, TEXT, FLAG, FLAG, TEXT, INT, INT,
    TEXT, TEXT, TEXT, TEXT, TEXT, TEXTS, TEXT, TEXT)))


def arrow_table(types: Mapping[str, pa.DataType], rows) -> pa.Table:
    columns = list(zip(*rows)) or [()] * len(types)
    schema = pa.schema(list(types.items()))
    arrays = [pa.array(list(values), type=t) for values, t in zip(columns, types.values())]
    return pa.Table.from_arrays(arrays, schema=schema)


def export_parquet(incidents: Sequence[Incident], articles: Articles, out_dir: Path) -> list[Path]:
    written = []
    for name, types, rows in (("incidents", INCIDENT_TYPES, incident_rows(incidents, articles)),
                              ("claims", CLAIM_TYPES, claim_rows(incidents, articles))):
        path = out_dir / f"{name}.parquet"
        with replaced(path) as part:
            pq.write_table(arrow_table(types, rows), part)
        written.append(path)
    return written


# -- registry ------------------------------------------------------------------------------------

EXPORTERS: Mapping[str, Exporter] = MappingProxyType({
    "csv": export_csv, "json": export_json, "geojson": export_geojson, "parquet": export_parquet})
FORMATS = tuple(EXPORTERS)


def export(incidents: Sequence[Incident], articles_by_id: Articles, out_dir: Path,
           formats: Sequence[str] = FORMATS) -> list[Path]:
    """Write each requested format into out_dir; returns the files written, in format order."""
    formats = check_formats(formats)
    out_dir = Path(out_dir)
    out_dir.mkdir(parents=True, exist_ok=True)
    incidents = list(incidents)
    return [path for name in formats for path in EXPORTERS[name](incidents, articles_by_id, out_dir)]


def check_formats(formats: Sequence[str]) -> tuple[str, ...]:
    """The requested formats, each once and in order; UnsupportedFormat names any unknown one,
    so that callers can refuse a command line before they create anything."""
    unknown = [f for f in formats if f not in EXPORTERS]
    if unknown:
        raise UnsupportedFormat(f"unknown export format(s): {', '.join(unknown)}",
                                f"choose from {', '.join(FORMATS)}")
    return tuple(dict.fromkeys(formats))
