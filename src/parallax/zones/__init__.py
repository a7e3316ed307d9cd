"""Zones: declared areas (deconfliction, de-escalation, ceasefire), incidents in them, alerts and
the escalation steps before a strike. See docs/zones.md."""
