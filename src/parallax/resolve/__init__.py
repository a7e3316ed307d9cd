"""Incident resolution: blocking, pairwise scoring and clustering of event mentions."""
