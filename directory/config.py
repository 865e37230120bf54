"""Configuration: defaults, then environment variables, then a test mapping.

Everything a deployment changes comes from the environment (DATABASE_URL,
SECRET_KEY, SEARCH_INDEX_DIR, GEOCODER ...), so nothing secret is committed.
"""

import os
import secrets
from pathlib import Path

ENV_KEYS = {
    # environment variable -> (config key, converter)
    "DATABASE_URL": ("SQLALCHEMY_DATABASE_URI", str),
    "SECRET_KEY": ("SECRET_KEY", str),
    "SEARCH_INDEX_DIR": ("SEARCH_INDEX_DIR", str),
    "SEARCH_REBUILD_MEMORY_MB": ("SEARCH_REBUILD_MEMORY_MB", int),
    "SEARCH_REBUILD_WORKERS": ("SEARCH_REBUILD_WORKERS", int),
    "SEARCH_SERVER_NAME": ("SEARCH_SERVER_NAME", str),
    "SEARCH_POLL_SECONDS": ("SEARCH_POLL_SECONDS", float),
    "SEARCH_READY_LAG": ("SEARCH_READY_LAG", float),
    "RESULT_CARDS_KEPT": ("RESULT_CARDS_KEPT", int),
    "MATCH_CANDIDATES_KEPT": ("MATCH_CANDIDATES_KEPT", int),
    "API_SERVICES_KEPT": ("API_SERVICES_KEPT", int),
    "HEALTH_PROBE_SECONDS": ("HEALTH_PROBE_SECONDS", float),
    "SEARCH_SERVER_LIVE_SECONDS": ("SEARCH_SERVER_LIVE_SECONDS", float),
    "SERVERS": ("SERVERS", int),
    "GEOCODER": ("GEOCODER", str),
    "GEOCODER_USER_AGENT": ("GEOCODER_USER_AGENT", str),
    "GEOCODER_TIMEOUT": ("GEOCODER_TIMEOUT", float),
    "GEOCODER_DOMAIN": ("GEOCODER_DOMAIN", str),
    "GEOCODER_SCHEME": ("GEOCODER_SCHEME", str),
    "DIRECTORY_TIMEZONE": ("DIRECTORY_TIMEZONE", str),
    "DIRECTORY_NAME": ("DIRECTORY_NAME", str),
    "CLINIC_NAME": ("CLINIC_NAME", str),
    "DIRECTORY_AREA": ("DIRECTORY_AREA", str),
    "RATELIMIT_STORAGE_URI": ("RATELIMIT_STORAGE_URI", str),
    "SESSION_HOURS": ("SESSION_HOURS", float),
    "STALE_AFTER_DAYS": ("STALE_AFTER_DAYS", int),
    "TRANSIT_WALK_MILES": ("TRANSIT_WALK_MILES", float),
    "REFERRAL_RETENTION_DAYS": ("REFERRAL_RETENTION_DAYS", int),
    **{name: (name, int) for name in (
        "MAX_CONTENT_LENGTH", "API_MAX_BODY_BYTES", "JSON_MAX_DEPTH", "TEXT_MAX_CHARS",
        "HSDS_IMPORT_MAX_BYTES", "HSDS_IMPORT_MAX_RECORDS", "HSDS_IMPORT_MAX_MEMBERS",
        "HSDS_IMPORT_MAX_RATIO", "HSDS_IMPORT_MAX_FIELD_CHARS", "HSDS_FEED_MAX_BYTES")},
    "SHARE_LINK_DAYS": ("SHARE_LINK_DAYS", int),
    "CONTACT_REQUEST_DAYS": ("CONTACT_REQUEST_DAYS", int),
    "CONTACT_REQUEST_LIMIT_PER_ADDRESS": ("CONTACT_REQUEST_LIMIT_PER_ADDRESS", str),
    "CONTACT_REQUEST_LIMIT_PER_NETWORK": ("CONTACT_REQUEST_LIMIT_PER_NETWORK", str),
    "AVAILABILITY_STALE_DAYS": ("AVAILABILITY_STALE_DAYS", int),
    "PROVIDER_INVITE_DAYS": ("PROVIDER_INVITE_DAYS", int),
    "DIRECTORY_URL": ("DIRECTORY_URL", str),
    "PROVIDER_LINK_DAYS": ("PROVIDER_LINK_DAYS", int),
    "PROVIDER_TEXT_REVIEW": ("PROVIDER_TEXT_REVIEW", lambda text: text.lower() in
                             ("1", "true", "yes", "on")),
    "LOGIN_LIMIT_PER_ACCOUNT": ("LOGIN_LIMIT_PER_ACCOUNT", str),
    "LOGIN_LIMIT_PER_ADDRESS": ("LOGIN_LIMIT_PER_ADDRESS", str),
    "SUGGESTION_LIMIT": ("SUGGESTION_LIMIT", str),
    "SESSION_COOKIE_SECURE": ("SESSION_COOKIE_SECURE", lambda text: text.lower() in
                              ("1", "true", "yes", "on")),
    "PROXY_FIX": ("PROXY_FIX", int),
    "EXIT_URL": ("EXIT_URL", str),
    "MAP_TILE_URL": ("MAP_TILE_URL", str),
    "MAP_ATTRIBUTION": ("MAP_ATTRIBUTION", str),
    "MAIL_SERVER": ("MAIL_SERVER", str),
    "MAIL_PORT": ("MAIL_PORT", int),
    "MAIL_USERNAME": ("MAIL_USERNAME", str),
    "MAIL_PASSWORD": ("MAIL_PASSWORD", str),
    "MAIL_SECURITY": ("MAIL_SECURITY", str),
    "MAIL_FROM": ("MAIL_FROM", str),
    "SMS_API_URL": ("SMS_API_URL", str),
    "SMS_ACCOUNT": ("SMS_ACCOUNT", str),
    "SMS_API_KEY": ("SMS_API_KEY", str),
    "SMS_FROM": ("SMS_FROM", str),
    "SEND_LIMIT": ("SEND_LIMIT", str),
    "PDF_FONT_DIR": ("PDF_FONT_DIR", str),
}

# What one request, import or feed page may hold, so hostile input is refused in words at a
# bounded cost (issue 29). Callers outside a request read these when there is no app.
LIMITS = {
    "MAX_CONTENT_LENGTH": 2 * 1024 * 1024,  # any request body (Flask answers 413); a service
    # form with every field full of Vietnamese, percent-encoded, is about 1 MB
    "API_MAX_BODY_BYTES": 64 * 1024,  # a POST to the API carries search parameters only
    "JSON_MAX_DEPTH": 64,  # nesting of any JSON from outside; HSDS nests about 6 deep
    "TEXT_MAX_CHARS": 10_000,  # free text (descriptions...): the forms and imports alike
    # One HSDS import at most: uncompressed bytes and records (counted as read, never taken
    # from a zip's headers), files in a zip, how many times a zipped file may expand, and
    # the longest value a CSV cell may hold
    "HSDS_IMPORT_MAX_BYTES": 1024 * 1024 * 1024,
    "HSDS_IMPORT_MAX_RECORDS": 2_000_000,
    "HSDS_IMPORT_MAX_MEMBERS": 1000,
    "HSDS_IMPORT_MAX_RATIO": 100,
    "HSDS_IMPORT_MAX_FIELD_CHARS": 131_072,  # Python's csv default
    "HSDS_FEED_MAX_BYTES": 32 * 1024 * 1024,  # one page of another directory's API
}


def defaults(instance_path):
    """Return the built-in defaults for an app whose instance folder is instance_path."""
    instance = Path(instance_path)
    return {
        "SQLALCHEMY_DATABASE_URI": f"sqlite:///{instance / 'directory.db'}",
        # hide_parameters: a database error is logged without the values (search words, a
        # client reference) that were bound into its statement.
        "SQLALCHEMY_ENGINE_OPTIONS": {"pool_pre_ping": True, "hide_parameters": True},
        "SEARCH_INDEX_DIR": str(instance / "search-index"),
        # A reindex of 100,000 services took 48 s with 4 GiB of write buffer and 78 s with
        # 1 GiB (bench/README.md): Whoosh spills to disk and merges when the buffer is full.
        "SEARCH_REBUILD_MEMORY_MB": 4096,
        "SEARCH_REBUILD_WORKERS": os.cpu_count() or 1,
        # The change log: each server's follower wakes on NOTIFY (PostgreSQL) or polls this
        # often; /healthz says 503 when the index is more than SEARCH_READY_LAG seconds
        # behind; a server not heard from for SEARCH_SERVER_LIVE_SECONDS no longer holds
        # back the trim (and rebuilds if it comes back behind it).
        "SEARCH_SERVER_NAME": "",  # default: host name and index folder
        "SEARCH_POLL_SECONDS": 1.0,
        "SEARCH_READY_LAG": 5.0,
        # Result cards kept rendered per worker (public/cards.py), about 2 kB each: the
        # cards of the services people find most answer without a load or a render.
        "RESULT_CARDS_KEPT": 10000,
        # Services intake matching keeps read per worker (matching/candidates.py), a few
        # kB each: a coordinator's next search nearby reads none of them again.
        "MATCH_CANDIDATES_KEPT": 5000,
        # HSDS service objects /api/services keeps per worker (api/services.py), 2 kB
        # each (14 kB fully nested): the services most asked for are not read again.
        "API_SERVICES_KEPT": 2000,
        "HEALTH_PROBE_SECONDS": 1.0,  # how long /healthz trusts its last test write
        "SEARCH_SERVER_LIVE_SECONDS": 600.0,
        "SERVERS": 1,  # app servers behind the load balancer (production checks its settings)
        "GEOCODER": "",
        "GEOCODER_USER_AGENT": "referral-directory",
        "GEOCODER_TIMEOUT": 5.0,
        # empty: the zone most in-person services are in, from their ZIP codes
        # (coverage.timezone; America/Los_Angeles while there are none)
        "DIRECTORY_TIMEZONE": "",
        "DIRECTORY_NAME": "Recovery Resource Directory",
        "CLINIC_NAME": "",
        "DIRECTORY_AREA": "",  # empty: named from the in-person services' counties or states
        "RATELIMIT_STORAGE_URI": "database://",  # directory/throttle.py: one count for all workers
        "SESSION_HOURS": 8.0,
        "STALE_AFTER_DAYS": 180,
        # A transit stop this near a place (great circle) counts as a short walk: it links
        # the place to the stop's routes (import-gtfs) and to the transit filter.
        "TRANSIT_WALK_MILES": 0.5,
        "REFERRAL_RETENTION_DAYS": 90,
        "SHARE_LINK_DAYS": 30,
        # An unanswered "Ask them to contact me" request is deleted this long after it was
        # sent; an answered one at once (contact_requests.py)
        "CONTACT_REQUEST_DAYS": 30,
        "AVAILABILITY_STALE_DAYS": 14,
        "DIRECTORY_URL": "http://localhost:5000",  # links in mail sent from commands
        "PROVIDER_INVITE_DAYS": 7,  # an invitation link works once, for this many days
        "PROVIDER_LINK_DAYS": 14,  # a reminder's "still accurate" link
        "PROVIDER_TEXT_REVIEW": False,  # True: providers' text edits wait for an editor
        "LOGIN_LIMIT_PER_ACCOUNT": "5 per 15 minutes",
        "LOGIN_LIMIT_PER_ADDRESS": "30 per 15 minutes",
        "SUGGESTION_LIMIT": "5 per hour",
        # Requests sent: to one number or address (counted by a keyed hash of it), and
        # from one network address
        "CONTACT_REQUEST_LIMIT_PER_ADDRESS": "3 per day",
        "CONTACT_REQUEST_LIMIT_PER_NETWORK": "10 per day",
        "SESSION_COOKIE_SECURE": False,
        "PROXY_FIX": 0,
        # Where "Leave this site" goes: a site nobody would wonder about in a history.
        "EXIT_URL": "https://www.weather.gov/",
        "MAP_TILE_URL": "https://tile.openstreetmap.org/{z}/{x}/{y}.png",
        "MAP_ATTRIBUTION": "© OpenStreetMap contributors",
        "MAIL_SERVER": "",
        "MAIL_PORT": 587,
        "MAIL_USERNAME": "",
        "MAIL_PASSWORD": "",
        "MAIL_SECURITY": "starttls",  # starttls | ssl | none
        "MAIL_FROM": "",
        "SMS_API_URL": "",
        "SMS_ACCOUNT": "",
        "SMS_API_KEY": "",
        "SMS_FROM": "",
        "SEND_LIMIT": "20 per hour",
        # DejaVu Sans for PDFs in every language (Debian: fonts-dejavu-core).
        "PDF_FONT_DIR": "/usr/share/fonts/truetype/dejavu",
        "SESSION_COOKIE_HTTPONLY": True,
        "SESSION_COOKIE_SAMESITE": "Lax",
        "REMEMBER_COOKIE_HTTPONLY": True,
        "REMEMBER_COOKIE_SAMESITE": "Lax",
        "WTF_CSRF_TIME_LIMIT": None,
        **LIMITS,
    }


def from_environment(environ=None):
    """Return the configuration keys set in the environment, converted to their types."""
    environ = os.environ if environ is None else environ
    found = {}
    for name, (key, convert) in ENV_KEYS.items():
        if environ.get(name):
            found[key] = convert(environ[name])
    uri = found.get("SQLALCHEMY_DATABASE_URI", "")
    # Heroku-style URLs name the old driver; psycopg 3 is the one installed.
    if uri.startswith("postgres://"):
        uri = "postgresql://" + uri[len("postgres://"):]
    if uri.startswith("postgresql://"):
        found["SQLALCHEMY_DATABASE_URI"] = "postgresql+psycopg://" + uri[len("postgresql://"):]
    return found


class MissingSecretKey(RuntimeError):
    """Raised when production starts without a SECRET_KEY."""


class ClusterMisconfigured(RuntimeError):
    """Raised when production starts with settings that break several servers."""


def is_production():
    """Return whether this process runs in production (FLASK_ENV or DIRECTORY_ENV)."""
    return "production" in (os.environ.get("FLASK_ENV"), os.environ.get("DIRECTORY_ENV"))


def check_cluster(config):
    """Refuse (in production) settings that would make several servers disagree: each
    would sign sessions and CSRF tokens with its own key, count rate limits apart, or
    keep its own database."""
    problems = []
    servers = config.get("SERVERS", 1)
    if not config.get("SECRET_KEY"):
        problems.append("SECRET_KEY is not set: set one key, the same on every server")
    if servers > 1:
        if str(config.get("RATELIMIT_STORAGE_URI", "")).startswith("memory://"):
            problems.append(f"RATELIMIT_STORAGE_URI is memory:// with SERVERS={servers}: "
                            "each server would count apart; use redis://... (or database://)")
        if str(config.get("SQLALCHEMY_DATABASE_URI", "")).startswith("sqlite"):
            problems.append(f"the database is SQLite with SERVERS={servers}: every server "
                            "needs the same PostgreSQL (DATABASE_URL)")
    if problems:
        raise ClusterMisconfigured("Refusing to start: " + "; ".join(problems) + ".")


def secret_key(app):
    """Return the secret key: configured, or (outside production) one kept in instance/."""
    if app.config.get("SECRET_KEY"):
        return app.config["SECRET_KEY"]
    if is_production():
        raise MissingSecretKey(
            "SECRET_KEY is not set. In production set the SECRET_KEY environment variable "
            "to a long random string, e.g. `python -c 'import secrets; print(secrets.token_hex(32))'`."
        )
    key_file = Path(app.instance_path) / "secret_key"
    if not key_file.exists():
        key_file.parent.mkdir(parents=True, exist_ok=True)
        key_file.write_text(secrets.token_hex(32))
        key_file.chmod(0o600)
    return key_file.read_text().strip()


def limit(name):
    """Return the bound `name` (one of LIMITS) of the running app, or its default."""
    from flask import current_app, has_app_context

    return current_app.config.get(name, LIMITS[name]) if has_app_context() else LIMITS[name]
