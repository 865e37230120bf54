"""Following referrals up: a staff member's open referrals, the follow-ups due today or
overdue, and the outcome counts a clinic reports to its funders (how many referred, how
many enrolled, per service and per category, over a period). Counts only: a count comes
from the status history, which names a service and a date and nothing about a client."""

from dataclasses import dataclass
from datetime import UTC, datetime, time, timedelta
from zoneinfo import ZoneInfo

from sqlalchemy import func, select
from sqlalchemy.orm import aliased, selectinload

from .. import coverage
from ..extensions import db
from ..models import (
    OPEN_STATUSES,
    Attribute,
    ReferralItem,
    ReferralList,
    ReferralStatusChange,
    Service,
    TaxonomyTerm,
)

COUNTED = ("referred", "enrolled")


@dataclass
class OutcomeRow:
    label: str
    referred: int = 0
    enrolled: int = 0


def open_items(user, limit=200):
    """Return the open referrals on `user`'s lists: follow-ups first, soonest first."""
    return db.session.scalars(
        select(ReferralItem).join(ReferralList)
        .where(ReferralList.created_by_id == user.id, ReferralItem.status.in_(OPEN_STATUSES))
        .options(selectinload(ReferralItem.service), selectinload(ReferralItem.referral_list))
        .order_by(ReferralItem.follow_up_on.is_(None), ReferralItem.follow_up_on,
                  ReferralItem.status_changed_at).limit(limit)).all()


def due_items(user, today):
    """Return `user`'s referrals whose follow-up date is today or past, oldest first,
    whatever their status: a date the coordinator set is a call to make (how it went after
    "enrolled", another try after "could not reach") until they clear or move it."""
    return db.session.scalars(
        select(ReferralItem).join(ReferralList)
        .where(ReferralList.created_by_id == user.id, ReferralItem.follow_up_on <= today)
        .options(selectinload(ReferralItem.service), selectinload(ReferralItem.referral_list))
        .order_by(ReferralItem.follow_up_on)).all()


def _utc_bounds(start, end):
    """Return the naive UTC moments where the local days `start` to `end` begin and end."""
    zone = ZoneInfo(coverage.timezone())

    def moment(day):
        local = datetime.combine(day, time(0), tzinfo=zone)
        return local.astimezone(UTC).replace(tzinfo=None)

    return moment(start), moment(end + timedelta(days=1))


def _counted(*columns, joins=(), start, end):
    low, high = _utc_bounds(start, end)
    change = ReferralStatusChange
    # A referral counts once per status, even if it went back and forth; after a purge the
    # change has no item any more and counts on its own.
    how_many = func.count(func.distinct(func.coalesce(change.item_id, change.id)))
    query = select(*columns, change.status, how_many)
    for target, condition in joins:
        query = query.join(target, condition)
    query = query.where(change.status.in_(COUNTED), change.changed_at >= low,
                        change.changed_at < high).group_by(*columns, change.status)
    return db.session.execute(query).all()


def _rows(found, label_of):
    rows = {}
    for *key, status, count in found:
        row = rows.setdefault(tuple(key), OutcomeRow(label_of(*key)))
        setattr(row, status, count)
    return sorted(rows.values(), key=lambda r: (-r.referred, -r.enrolled, r.label.lower()))


def per_service(start, end):
    """Return [OutcomeRow] per service for the local days `start` to `end`."""
    found = _counted(Service.id, Service.name, start=start, end=end,
                     joins=[(Service, Service.id == ReferralStatusChange.service_id)])
    return _rows(found, lambda _id, name: name)


def per_category(start, end, label=lambda code, name: name):
    """Return [OutcomeRow] per category (a service counts in each of its categories)."""
    parent = aliased(TaxonomyTerm)
    found = _counted(TaxonomyTerm.code, TaxonomyTerm.name, joins=[
        (Attribute, (Attribute.link_id == ReferralStatusChange.service_id)
         & (Attribute.link_entity == "service")),
        (TaxonomyTerm, TaxonomyTerm.id == Attribute.taxonomy_term_id),
        (parent, (parent.id == TaxonomyTerm.parent_id) & (parent.code == "category")),
    ], start=start, end=end)
    return _rows(found, lambda code, name: str(label(code, name)))
