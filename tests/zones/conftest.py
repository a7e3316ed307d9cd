"""Zone test fixtures."""

from __future__ import annotations

import pytest

from parallax.zones.rules import ZoneRules, load_zone_rules


@pytest.fixture(scope="session")
def rules() -> ZoneRules:
    return load_zone_rules()
