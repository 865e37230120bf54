"""The referral directory: a Flask application that keeps an HSDS 3.0 directory of
mental-health recovery resources and helps people find, match and hand them out.

`create_app()` builds the app: configuration, extensions, blueprints and commands.
"""

import logging
from pathlib import Path

from flask import Flask

from . import config, logs
from .extensions import babel, csrf, db, limiter, login_manager, migrate

ROOT = Path(__file__).resolve().parent.parent


def create_app(test_config=None):
    """Create and configure the application."""
    app = Flask(
        __name__,
        instance_path=str(ROOT / "instance"),
        template_folder=str(ROOT / "templates"),
        static_folder=str(ROOT / "static"),
    )
    app.config.from_mapping(config.defaults(app.instance_path))
    app.config.update(config.from_environment())
    if test_config:
        app.config.update(test_config)
    Path(app.instance_path).mkdir(parents=True, exist_ok=True)
    app.config["SECRET_KEY"] = config.secret_key(app)
    if config.is_production():
        config.check_cluster(app.config)

    db.init_app(app)
    migrate.init_app(app, db, directory=str(ROOT / "migrations"), render_as_batch=True)
    csrf.init_app(app)
    login_manager.init_app(app)
    from . import throttle  # noqa: F401 (registers the database:// rate-limit storage)

    limiter.init_app(app)
    app.config.setdefault("BABEL_TRANSLATION_DIRECTORIES", str(ROOT / "directory" / "translations"))
    from .i18n import keep_in_links, select_locale

    babel.init_app(app, locale_selector=select_locale)
    app.url_defaults(keep_in_links)
    _enable_sqlite_foreign_keys(app)

    from . import accounts, cli, errors, health, search, template_helpers  # noqa: F401 (accounts)
    from .public import bp as public_bp

    search.init_app(app)
    app.register_blueprint(public_bp)
    app.register_blueprint(health.bp)
    from .api import bp as api_bp

    csrf.exempt(api_bp)  # read-only GETs for other systems
    app.register_blueprint(api_bp)
    from . import audit, datastamp, security, staff

    audit.register(db.session)
    datastamp.register(db.session)
    security.init_app(app)
    from . import maps

    maps.init_app(app)
    staff.init_app(app)
    from . import referrals

    referrals.init_app(app)
    from . import providers

    providers.init_app(app)
    errors.init_app(app)
    template_helpers.init_app(app)
    cli.init_app(app)
    from . import transit

    transit.init_app(app)  # import-gtfs

    if not app.debug and not app.testing:
        logging.basicConfig(level=logging.INFO)
    # werkzeug's logger writes the development server's request lines (`flask run`).
    logs.install_filter(app.logger, logging.getLogger("werkzeug"))
    return app


def _enable_sqlite_foreign_keys(app):
    """Make SQLite enforce foreign keys and cascades, as PostgreSQL does."""
    from sqlalchemy import event

    if not app.config["SQLALCHEMY_DATABASE_URI"].startswith("sqlite"):
        return

    def _pragma(dbapi_connection, _record):
        cursor = dbapi_connection.cursor()
        cursor.execute("PRAGMA foreign_keys=ON")
        cursor.close()

    with app.app_context():
        event.listen(db.engine, "connect", _pragma)
