"""The Flask extensions, created once here and bound to an app in create_app(), and
`listen_once` for the session's listeners (the change log, data stamp and audit)."""

from flask import current_app
from flask_babel import Babel
from flask_limiter import Limiter
from flask_limiter.util import get_remote_address
from flask_login import LoginManager
from flask_migrate import Migrate
from flask_sqlalchemy import SQLAlchemy
from flask_wtf import CSRFProtect
from sqlalchemy import MetaData, event

# Stable constraint names, so Alembic migrations name the same thing on SQLite and PostgreSQL.
NAMING_CONVENTION = {
    "ix": "ix_%(column_0_label)s",
    "uq": "uq_%(table_name)s_%(column_0_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}

db = SQLAlchemy(metadata=MetaData(naming_convention=NAMING_CONVENTION))
migrate = Migrate()
csrf = CSRFProtect()
login_manager = LoginManager()
babel = Babel()
# Limits are declared on the views that need them (sign-in, suggestions); the storage
# comes from RATELIMIT_STORAGE_URI (memory:// by default, redis:// to share between workers).
limiter = Limiter(key_func=get_remote_address)


def listen_once(target, handlers, **options):
    """Listen to `target`'s events with `handlers` ({event name: function}), each once for
    the whole process: every app made shares the one session, and a second listener
    would run its handler twice."""
    for name, handler in handlers.items():
        if not event.contains(target, name, handler):
            event.listen(target, name, handler, **options)


def kept_by_app(name, make):
    """Return what this app keeps under `name` in this process (a cache), made by `make()`
    on first use."""
    found = current_app.extensions.get(name)
    if found is None:
        found = current_app.extensions[name] = make()
    return found
