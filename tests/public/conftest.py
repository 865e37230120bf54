"""Fixtures of the public pages' tests."""

import pytest

from directory.public import cards


@pytest.fixture
def uncached(seeded_app):
    """Swap in a card and page cache of a given size (0: everything from the database)
    while in use: `uncached(0)`, then `uncached(1000)` to keep again."""
    kept = seeded_app.extensions.get("result_cards")

    def use(size):
        seeded_app.extensions["result_cards"] = cards.CardCache(size)

    yield use
    seeded_app.extensions["result_cards"] = kept
