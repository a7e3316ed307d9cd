"""Outputs: HTML report and CSV / JSON / GeoJSON / Parquet exports."""
