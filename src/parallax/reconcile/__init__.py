"""Reconciliation of an incident's mentions into one record: figures, contradictions."""
