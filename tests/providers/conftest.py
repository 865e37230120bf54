"""Fixtures of the programs' own accounts: a provider of the referral directory's peer
group, signed in."""

import pytest

from tests.helpers.pages import signed_in_provider


@pytest.fixture
def peer_provider(app, referral_directory):
    """A test client signed in as the peer group's provider (Maria)."""
    return signed_in_provider(app, referral_directory["peer"], "maria@casa.example.org")
