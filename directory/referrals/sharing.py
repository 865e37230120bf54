"""Share links: making one, showing it again to the staff member who made it (for the QR
code and the page that shows the link), revoking one at once, and the public, read-only
copy of a list that a link opens, with the services' details as they are today, in the
language the link carries (`?lang=es`: handouts and messages give links in their own). An
expired, revoked or unknown link says so and shows nothing of the list.

A link's token is a keyed hash of the link's id (HMAC with SECRET_KEY): the database
keeps only a hash of it and nothing keeps it in the clear, not even the session cookie
(signed, but readable by whoever holds it); the server derives it again when its maker
opens the list."""

import base64
import hashlib
import hmac

from flask import current_app, flash, redirect, render_template, url_for
from flask_babel import gettext as _

from ..extensions import db
from ..models.referral import find_share_link, token_digest
from . import bp, shared
from .confirming import confirmation_page, confirmed
from .forms import ConfirmForm
from .list_queries import get_list, list_or_404, manager_required, record, refer_required, who
from .sheet import build_sheet


def link_token(link_id):
    """Return the token of the share link `link_id`."""
    key = current_app.config["SECRET_KEY"]
    key = key.encode() if isinstance(key, str) else key
    digest = hmac.new(key, b"share-link:" + link_id.encode(), hashlib.sha256).digest()
    return base64.urlsafe_b64encode(digest).rstrip(b"=").decode()


def shown_token(referral_list):
    """Return the token of the newest active link the signed-in member made for the list,
    or None."""
    for link in sorted(referral_list.active_links(), key=lambda k: k.created_at, reverse=True):
        token = link_token(link.id)
        if link.created_by == who() and token_digest(token) == link.token_hash:
            return token
    return None


def share_url(token, language=None):
    """Return the full address of a share link, opening the list in `language` if given."""
    return url_for("shared.shared_list", token=token, lang=language,
                   _external=True) if token else None


def ensure_link(referral_list):
    """Return a token for an active link of the list, making a link when needed."""
    token = shown_token(referral_list)
    if token is None:
        _link, token = referral_list.share(current_app.config["SHARE_LINK_DAYS"], who(),
                                           token_for=link_token)
        record(referral_list, "shared")
        db.session.commit()
    return token


@bp.post("/lists/<list_id>/share")
@refer_required
def share(list_id):
    """Make a share link (or keep the one this session made) and show it."""
    referral_list = list_or_404(list_id)
    if ConfirmForm().validate_on_submit():
        ensure_link(referral_list)
        flash(_("Share link ready: it works for %(days)d days unless you revoke it.",
                days=current_app.config["SHARE_LINK_DAYS"]), "success")
    return redirect(url_for("referrals.show_list", list_id=list_id, _anchor="sharing"))


@bp.post("/lists/<list_id>/links/<link_id>/revoke")
@refer_required
def revoke(list_id, link_id):
    """Stop a share link from working, now."""
    referral_list = list_or_404(list_id)
    manager_required(referral_list)
    link = next((k for k in referral_list.share_links if k.id == link_id), None)
    back = url_for("referrals.show_list", list_id=list_id, _anchor="sharing")
    pressed = link is not None and ConfirmForm().validate_on_submit()
    if pressed and not confirmed():
        return confirmation_page(
            _("Revoke this share link?"),
            _("Whoever has it can no longer open the list, straight away. To share the list "
              "again, make a new link."), _("Revoke the link"), back)
    if pressed:
        link.revoke()
        referral_list.touch()
        record(referral_list, "revoked")
        db.session.commit()
        flash(_("The link is revoked: it no longer opens the list."), "success")
    return redirect(back)


@shared.get("/shared/<token>")
def shared_list(token):
    """Show the list behind a share link, read-only, with today's details."""
    link = find_share_link(token)
    if link is None:
        return render_template("referrals/link_gone.html", reason="unknown"), 404
    if link.revoked_at is not None:
        return render_template("referrals/link_gone.html", reason="revoked"), 410
    if not link.is_active():
        return render_template("referrals/link_gone.html", reason="expired"), 410
    sheet = build_sheet(get_list(link.referral_list_id))
    return render_template("referrals/shared.html", sheet=sheet, expires=link.expires_at)
