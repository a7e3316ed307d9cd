"""Readers that turn files, feeds and JSON lines into Article records."""
