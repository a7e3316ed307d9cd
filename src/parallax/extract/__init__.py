"""Extractors: event type, actors, places, dates and claims, one module each."""
