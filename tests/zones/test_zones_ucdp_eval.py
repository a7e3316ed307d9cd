"""The zones_ucdp scorer on a tiny GED-shaped file we made up (the real one is not in tests)."""

from __future__ import annotations

import csv
import gzip

from parallax.evaluate.zones_ucdp import GED_FILE, score_zones_ucdp

COLUMNS = ("where_prec", "date_prec", "date_start", "latitude", "longitude", "adm_1", "adm_2")


def _write(folder, rows):
    with gzip.open(folder / GED_FILE, "wt", encoding="utf-8", newline="") as handle:
        writer = csv.DictWriter(handle, COLUMNS)
        writer.writeheader()
        writer.writerows(dict(zip(COLUMNS, r)) for r in rows)


def test_scorer_counts_kept_possibly_and_missed(tmp_path):
    _write(tmp_path, [
        # an exact event at the al-Tanf garrison, and its made-up district and province points
        ("1", "1", "2017-06-01", "33.50", "38.63", "Homs Governorate", "Tadmur district"),
        ("3", "1", "2017-06-02", "33.60", "38.70", "Homs Governorate", "Tadmur district"),  # 12 km off
        ("4", "1", "2017-06-03", "34.70", "37.50", "Homs Governorate", ""),  # ~165 km off
        # an exact event far from every zone
        ("1", "1", "2017-06-01", "36.20", "40.00", "Hasakah Governorate", ""),
    ])
    scores = score_zones_ucdp(tmp_path)
    assert scores["events"] == 2
    assert scores["town_pairs_inside"] == 1 and scores["town_inside_kept_%"] == 100.0
    assert scores["district_inside_kept_%"] == 100.0  # 12 km off: its 25 km disc is still inside the 55 km zone
    assert scores["province_inside_missed_%"] == 100.0  # 165 km off, beyond 100 km
    assert scores["town_outside_false_inside_%"] == 0.0
