"""Readers that turn files, feeds and JSON lines into Article records."""

from parallax.ingest.readers import read_inputs

__all__ = ["read_inputs"]
