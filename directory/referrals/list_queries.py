"""Reading referral lists for the views: one list with its items and their services loaded,
the lists of a staff member or of everyone, and the refusal when a list is not there."""

from flask import abort
from flask_babel import gettext as _
from flask_babel import lazy_gettext as _l
from flask_login import current_user
from sqlalchemy import select
from sqlalchemy.orm import selectinload

from .. import catalogue
from ..extensions import db
from ..models import ReferralItem, ReferralList
from ..staff.access import role_required

refer_required = role_required("refer")


def get_list(list_id):
    """Return the list with its items, services and share links, or None."""
    return db.session.scalar(
        select(ReferralList).where(ReferralList.id == list_id).options(
            selectinload(ReferralList.share_links),
            selectinload(ReferralList.items).selectinload(ReferralItem.history),
            selectinload(ReferralList.items).selectinload(ReferralItem.service)
            .options(*catalogue.service_loader_options())))


def list_or_404(list_id):
    """Return the list, or answer 404 in words."""
    referral_list = get_list(list_id)
    if referral_list is None:
        abort(404, description=_("There is no such referral list. Lists are removed after "
                                 "their retention period."))
    return referral_list


def item_or_404(referral_list, item_id):
    """Return the list's item `item_id`, or answer 404."""
    item = next((i for i in referral_list.items if i.id == item_id), None)
    if item is None:
        abort(404, description=_("That service is no longer on this list."))
    return item


def lists_of(user=None, limit=200):
    """Return the lists `user` made (everyone's when None), most recently changed first."""
    query = select(ReferralList).options(selectinload(ReferralList.items),
                                         selectinload(ReferralList.created_by))
    if user is not None:
        query = query.where(ReferralList.created_by_id == user.id)
    return db.session.scalars(query.order_by(ReferralList.updated_at.desc()).limit(limit)).all()


def who():
    """Return how the signed-in staff member is recorded on a change."""
    return current_user.email


def may_manage(referral_list):
    """Return whether the signed-in member may delete the list, revoke its links and see
    its client reference among everyone's lists: its maker and admins. Colleagues may
    still open it and follow it up."""
    return current_user.can("admin") or referral_list.created_by_id == current_user.id


def shown_reference(referral_list):
    """Return the list's client reference for its maker and admins, and None for anyone
    else: a colleague following the list up has no need to know whose it is."""
    return referral_list.reference if may_manage(referral_list) else None


def manager_required(referral_list):
    """Refuse (403) anyone but the list's maker or an admin."""
    if not may_manage(referral_list):
        abort(403, description=_("Only the coordinator who made this list, or an admin, can "
                                 "do that."))


def record(referral_list, action, detail=None):
    """Note on the list that the signed-in member changed it (see CHANGE_LABELS)."""
    referral_list.record(action, who(), detail)


CHANGE_LABELS = {
    "edited": _l("Changed the title, reference, contact or notes"),
    "added": _l("Added a service"),
    "removed": _l("Removed a service"),
    "moved": _l("Changed the order"),
    "item": _l("Updated a service's status, follow-up or note"),
    "referred": _l("Marked the suggested services referred"),
    "shared": _l("Made a share link"),
    "revoked": _l("Revoked a share link"),
}
