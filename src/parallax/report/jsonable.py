"""Records to JSON-ready values: dataclasses become objects, dates ISO strings, enums their values."""

from __future__ import annotations

from dataclasses import fields, is_dataclass
from datetime import date, datetime
from enum import Enum


def to_jsonable(record: object) -> object:
    """A value json.dumps accepts, recursively; field order follows the schema."""
    if is_dataclass(record) and not isinstance(record, type):
        return {f.name: to_jsonable(getattr(record, f.name)) for f in fields(record)}
    if isinstance(record, Enum):
        return record.value
    if isinstance(record, (date, datetime)):
        return record.isoformat()
    if isinstance(record, (list, tuple)):
        return [to_jsonable(item) for item in record]
    if isinstance(record, dict):
        return {str(key): to_jsonable(value) for key, value in record.items()}
    return record
