"""Share links: making one (its token lives only in the maker's signed session, for the
QR code and the page that shows the link), revoking one at once, and the public,
read-only copy of a list that a link opens, with the services' details as they are today.
An expired, revoked or unknown link says so and shows nothing of the list."""

from flask import current_app, flash, redirect, render_template, session, url_for
from flask_babel import gettext as _

from ..extensions import db
from ..models.referral import find_share_link
from . import bp, printing, shared
from .forms import ConfirmForm
from .records import get_list, list_or_404, refer_required, who

SESSION_KEY = "share_tokens"
MAX_REMEMBERED = 20


def shown_token(referral_list):
    """Return the token of a still active link this session made for the list, or None."""
    token = session.get(SESSION_KEY, {}).get(referral_list.id)
    link = find_share_link(token)
    if link is None or link.referral_list_id != referral_list.id or not link.is_active():
        return None
    return token


def forget_token(list_id):
    """Drop the token this session keeps for a list (the list is gone)."""
    remembered = dict(session.get(SESSION_KEY, {}))
    if remembered.pop(list_id, None) is not None:
        session[SESSION_KEY] = remembered


def share_url(token):
    return url_for("shared.shared_list", token=token, _external=True) if token else None


def ensure_link(referral_list):
    """Return a token for an active link of the list, making a link when needed."""
    token = shown_token(referral_list)
    if token is None:
        _link, token = referral_list.share(current_app.config["SHARE_LINK_DAYS"], who())
        db.session.commit()
        remembered = dict(session.get(SESSION_KEY, {}))
        remembered[referral_list.id] = token
        session[SESSION_KEY] = dict(list(remembered.items())[-MAX_REMEMBERED:])
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
    link = next((k for k in referral_list.share_links if k.id == link_id), None)
    if link is not None and ConfirmForm().validate_on_submit():
        link.revoke()
        referral_list.touch()
        db.session.commit()
        flash(_("The link is revoked: it no longer opens the list."), "success")
    return redirect(url_for("referrals.show_list", list_id=list_id, _anchor="sharing"))


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
    sheet = printing.build_sheet(get_list(link.referral_list_id))
    return render_template("referrals/shared.html", sheet=sheet, expires=link.expires_at)
