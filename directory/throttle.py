"""The rate-limit counts every worker shares: a storage for the `limits` library (which
Flask-Limiter uses) kept in the application's own database, so `make run`'s gunicorn
workers, or several servers on one database, count sign-in attempts and suggestions
together with no extra service. It is the default (`RATELIMIT_STORAGE_URI=database://`);
`redis://` remains the choice for a busy production site.

Each count is one row, incremented atomically by an upsert (SQLite and PostgreSQL both
have `INSERT ... ON CONFLICT DO UPDATE ... RETURNING`); a window that has ended starts
again at the next hit, and ended windows are deleted as hits come in. Keys are stored
hashed, so the table never holds an email or a network address."""

import hashlib
import time
from typing import ClassVar

from flask import has_app_context
from limits.storage import Storage
from sqlalchemy import case, delete, func, select
from sqlalchemy.dialects import postgresql, sqlite
from sqlalchemy.exc import SQLAlchemyError

from .extensions import db
from .models import RateLimitCount

SCHEME = "database"


def _key(key):
    return hashlib.sha256(key.encode()).hexdigest()


class DatabaseStorage(Storage):
    """Fixed-window counts in the `rate_limit_count` table of the app's database."""

    STORAGE_SCHEME: ClassVar[list[str]] = [SCHEME]

    @property
    def base_exceptions(self):
        return SQLAlchemyError

    def _engine(self):
        # The storage is made once per process; the engine is the app's (each app its own).
        return db.engine

    def incr(self, key, expiry, amount=1):
        now, table = time.time(), RateLimitCount.__table__
        dialect = postgresql if self._engine().dialect.name == "postgresql" else sqlite
        ended = table.c.expires_at <= now
        statement = dialect.insert(table).values(
            key=_key(key), count=amount, expires_at=now + expiry)
        statement = statement.on_conflict_do_update(
            index_elements=[table.c.key],
            set_={"count": case((ended, amount), else_=table.c.count + amount),
                  "expires_at": case((ended, now + expiry), else_=table.c.expires_at)},
        ).returning(table.c.count)
        with self._engine().begin() as connection:
            connection.execute(delete(table).where(table.c.expires_at < now - 1))
            return connection.execute(statement).scalar_one()

    def _row(self, key):
        table = RateLimitCount.__table__
        with self._engine().connect() as connection:
            return connection.execute(select(table.c.count, table.c.expires_at).where(
                table.c.key == _key(key), table.c.expires_at > time.time())).first()

    def get(self, key):
        row = self._row(key)
        return row.count if row else 0

    def get_expiry(self, key):
        row = self._row(key)
        return row.expires_at if row else time.time()

    def check(self):
        if not has_app_context():
            return True
        try:
            with self._engine().connect() as connection:
                connection.execute(select(func.count()).select_from(
                    RateLimitCount.__table__))
        except SQLAlchemyError:
            return False
        return True

    def reset(self):
        with self._engine().begin() as connection:
            return connection.execute(delete(RateLimitCount.__table__)).rowcount

    def clear(self, key):
        with self._engine().begin() as connection:
            connection.execute(delete(RateLimitCount.__table__).where(
                RateLimitCount.__table__.c.key == _key(key)))
