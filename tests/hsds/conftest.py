"""Fixtures of the HSDS tests."""

import pytest

from directory.extensions import db
from tests.helpers.apps import make_app


@pytest.fixture
def fresh_app(database_factory, tmp_path):
    """Another directory, empty, on its own database (where an export is imported)."""
    other = make_app(database_factory(f"fresh{tmp_path.name[-12:]}"), tmp_path / "fresh-index")
    with other.app_context():
        db.create_all()
        db.session.remove()
    yield other
    with other.app_context():
        db.engine.dispose()
