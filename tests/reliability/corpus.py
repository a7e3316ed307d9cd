"""Many small wire-style articles written for these tests (invented incidents), and a database
snapshot that compares two runs' contents while ignoring when rows were written."""

from __future__ import annotations

import sqlite3
from pathlib import Path

TOWNS = ("Maiduguri", "Kaduna", "Mogadishu", "Kismayo", "Goma", "Bunia", "Gao", "Mopti", "Aleppo",
         "Idlib", "Mosul", "Kirkuk", "Sanaa", "Taiz", "Benghazi", "Misrata")
ACTS = (("A suicide bomber blew himself up at a market in {town}", "killing {n} people"),
        ("Gunmen attacked a village outside {town}", "killing {n} villagers"),
        ("An air strike hit a compound on the edge of {town}", "killing {n} fighters"),
        ("Mortar shells fell on a residential district of {town}", "killing {n} civilians"))
DAYS = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")
SPEAKERS = ("police said", "a local official told reporters", "the health ministry said",
            "residents said")
# Columns that record when a row was written: two runs of the same input differ only there.
CLOCK_COLUMNS = frozenset({"added", "extracted", "created", "updated", "started", "finished", "recorded"})
SKIPPED_TABLES = frozenset({"runs", "sqlite_sequence"})


def article_text(index: int) -> str:
    town = TOWNS[index % len(TOWNS)]
    lead, toll = ACTS[index % len(ACTS)]
    day, speaker = DAYS[index % len(DAYS)], SPEAKERS[index % len(SPEAKERS)]
    n, wounded = 3 + index % 17, 2 + index % 5
    return (f"{town.upper()} - {lead.format(town=town)} on {day}, {toll.format(n=n)} and wounding "
            f"{wounded} others, {speaker}.\n\nNo group said it carried out the attack. Report "
            f"number {index} from the area this year.\n")


def write_corpus(folder: Path, count: int, start: int = 0) -> Path:
    """`count` articles as text files in `folder`, numbered so a folder walk reads them in order."""
    folder.mkdir(parents=True, exist_ok=True)
    for index in range(start, start + count):
        (folder / f"{index:04d}.txt").write_text(article_text(index), encoding="utf-8")
    return folder


def _columns(db: sqlite3.Connection, table: str) -> list[str]:
    return [row[1] for row in db.execute(f"PRAGMA table_info({table})")]  # names from the schema


def db_contents(path: Path) -> dict[str, list[tuple]]:
    """Every table's rows (sorted, duplicates kept) without the clock columns and the runs log."""
    db = sqlite3.connect(path)
    try:
        tables = [r[0] for r in db.execute("SELECT name FROM sqlite_master WHERE type = 'table'")]
        contents = {}
        for table in sorted(set(tables) - SKIPPED_TABLES):
            kept = [c for c in _columns(db, table) if c not in CLOCK_COLUMNS]
            select = ", ".join(f'"{c}"' for c in kept)
            contents[table] = sorted((tuple(r) for r in db.execute(f'SELECT {select} FROM "{table}"')),
                                     key=repr)
        return contents
    finally:
        db.close()
