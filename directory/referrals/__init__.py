"""Referral work: intake matching, referral lists (print, PDF, CSV, share links) and the
follow-up dashboard, for every staff role that may refer (coordinators, editors, admins).

Two blueprints: `referrals` (everything under /referrals, each view checking the role on
the server) and `shared` (the public, read-only copy of a list behind an unguessable
link, /shared/<token>). Views are thin: the work is in `directory.matching`, the
referral models, and the small modules here (sheet, pdf, qr, spreadsheet, outcomes).
"""

from flask import Blueprint

bp = Blueprint("referrals", __name__, url_prefix="/referrals")
shared = Blueprint("shared", __name__)

from . import dashboard, handout, intake, lists, sending, sharing  # noqa: F401 (routes register)


@bp.after_request
@shared.after_request
def _private(response):
    # Lists are about a client: no search engine lists them (and security.py keeps every
    # referral page out of caches, with the staff and provider pages).
    response.headers.setdefault("X-Robots-Tag", "noindex, nofollow")
    return response


@bp.app_context_processor
def _reference_rule():
    # Every page that names a list shows its client reference through this one rule.
    from .list_queries import shown_reference

    return {"shown_reference": shown_reference}


def init_app(app):
    """Register the referral blueprints on `app`."""
    app.register_blueprint(bp)
    app.register_blueprint(shared)
