"""The rules of intake matching, one function per concern: where the service is, the
languages, payment, room now, eligibility and the barriers. Each adds the reasons a
service fits or does not and moves its score; `matching/ranking.py` explains the weights
and the tiers they feed."""

import re
from dataclasses import dataclass, field
from datetime import UTC, timedelta
from zoneinfo import ZoneInfo

from flask_babel import lazy_gettext as _l
from flask_babel import lazy_ngettext

from .. import populations
from ..labels import TERMS, lazy_language_label
from ..schedules import evenings_or_weekends, opening_at
from . import first_contact, travel
from . import weights as w
from .weights import PAYMENT, WALKING_MILES

UNITS = {"beds": _l("beds"), "seats": _l("seats"), "places": _l("places")}
QUICK_WAIT = re.compile(r"\b(no wait|same[- ]day|walk[- ]in|minutes?|right away|within \d+ hours"
                        r"|next day|same week)\b", re.IGNORECASE)
WAITLIST = re.compile(r"waitlist\D*(\d+)\s*week", re.IGNORECASE)
# "Anyone who needs a wheelchair-accessible vehicle": made for wheelchair users, a misfit
# for a client who did not say they use one (the van is scarce and booked days ahead).
FOR_WHEELCHAIR_USERS = re.compile(r"\bneeds? an? wheelchair|\bwheelchair[- ]accessible "
                                  r"(vehicle|van)|\bwheelchair users?\b", re.IGNORECASE)
# Services for a situation rather than a group: for the relatives of the person affected,
# for people in a crisis. Not for a client in neither, unless the categories asked say so.
SITUATIONS = {"families": _l("For relatives of the person affected"),
              "in-crisis": _l("For people in a crisis")}
# "Orange County adults without insurance coverage for the treatment": a fund made for the
# uninsured, the first thing a specialist hands a client who has no insurance.
FOR_UNINSURED = re.compile(r"\b(uninsured|without (health )?(insurance|coverage)|no (health )?"
                           r"(insurance|coverage))\b", re.IGNORECASE)
# A service with one of these misses ranks below every service without: language first.
TIER_ORDER = (("groups",), ("closed",), ("language",), ("payment", "capacity"))


def _term(code):  # lookups, so the words stay lazy until a page shows them)
    return TERMS.get(code, code)


@dataclass
class Context:
    """What every rule reads: the needs, the moment, the staleness limit, rides nearby."""

    needs: object
    now: object
    stale_days: int
    rides: list = field(default_factory=list)  # rides the client can use, from their place
    zone: str = "UTC"  # the directory's time zone: hours are read in it
    transit: object = None  # travel.TransitFrom the client's place (no car), None: no feed


@dataclass(frozen=True)
class Reason:
    """One plain-words reason a service fits or does not."""

    kind: str
    text: object

    def __str__(self):
        return str(self.text)


@dataclass
class Match:
    """A service that may take the client: its score, distance and reasons."""

    service: object
    distance_miles: float | None = None
    area_names: list = field(default_factory=list)
    score: float = 0.0
    fits: list = field(default_factory=list)
    misfits: list = field(default_factory=list)
    transport: list = field(default_factory=list)  # rides beside in-person results
    tiers: set = field(default_factory=set)  # requirements missed: language, payment...

    @property
    def in_person(self):
        return self.distance_miles is not None

    def fit(self, kind, text, weight):
        if all(r.kind != kind for r in self.fits):
            self.fits.append(Reason(kind, text))
        self.score += weight

    def misfit(self, kind, text, weight):
        self.misfits.append(Reason(kind, text))
        self.score -= weight

    def sort_key(self):
        distance = self.distance_miles if self.distance_miles is not None else 1e9
        missed = tuple(bool(self.tiers.intersection(kinds)) for kinds in TIER_ORDER)
        return (*missed, -round(self.score, 6), distance, self.service.name.lower())


def hard_mismatch(service, needs):
    """Return why a service is left out for these needs (not listed, age), or None."""
    if not service.is_listed:
        return "not-listed"
    if needs.age is not None and not service.age_fits(needs.age):
        return "age"
    return None


def _where(item, context):
    needs = context.needs
    if item.in_person:
        miles = item.distance_miles
        shown = f"{miles:.{1 if miles < 10 else 0}f}"
        nearness = w.DISTANCE_POINTS * (1 - min(miles / max(needs.radius_miles, 1), 1))
        if "no-car" in needs.barriers and miles > WALKING_MILES and not (
                travel.rides_there(item, context) or travel.ride_to(item, context)):
            item.misfit("distance", _l("%(distance)s miles: too far to walk, and no ride "
                                       "listed goes there", distance=shown),
                        w.DISTANCE_POINTS - nearness)
        else:
            item.fit("distance", _l("%(distance)s miles", distance=shown), nearness)
    else:
        item.score += w.REACH_POINTS  # served where the client is, at no distance
        for code in item.service.remote_ways:
            item.fit(f"delivery-{code}", _term(code), 0)
    if item.service.is_temporarily_closed:
        item.misfit("closed", _l("Temporarily closed"), w.CLOSED_POINTS)
        item.tiers.add("closed")


def _languages(item, context):
    needs = context.needs
    service = item.service
    spoken = {lang.code.lower() for lang in service.spoken_languages if lang.code}
    if not spoken:  # a record that lists no language is taken to be in English
        spoken = {"en"}
    # "A group held entirely in Spanish": the sessions' language, whatever staff speak.
    held = service.held_languages
    if held and needs.languages and not held & set(needs.languages):
        names = ", ".join(str(lazy_language_label(code)) for code in sorted(held))
        item.misfit("language", _l("Held in %(languages)s", languages=names),
                    w.NO_LANGUAGE_POINTS)
        item.tiers.add("language")
        return
    for rank_, code in enumerate(needs.languages):
        if code in spoken:
            item.fit(f"language-{code}", _l("%(language)s spoken",
                                            language=lazy_language_label(code)),
                     w.FIRST_LANGUAGE_POINTS if rank_ == 0 else w.OTHER_LANGUAGE_POINTS)
            return
    if needs.languages:
        language = lazy_language_label(needs.languages[0])
        if item.service.interpretation_services:
            item.misfit("language", _l("%(language)s not listed; interpreters available",
                                       language=language), w.INTERPRETER_POINTS)
        else:
            item.misfit("language", _l("%(language)s not listed", language=language),
                        w.NO_LANGUAGE_POINTS)
            item.tiers.add("language")


def _payment(item, context):
    needs = context.needs
    options, none_fits = PAYMENT.get(needs.payment, ((), None))
    accepted = item.service.term_codes("payment")
    eligibility = item.service.eligibility_description or ""
    if needs.payment == "none" and FOR_UNINSURED.search(eligibility):
        item.fit("uninsured", _l("Made for people without insurance"), w.AUDIENCE_POINTS)
    for code, words, weight in options:
        if code in accepted:
            return item.fit("payment", words, weight)
    if none_fits is not None:
        item.misfit("payment", none_fits, w.NO_PAYMENT_POINTS)
        item.tiers.add("payment")


def _availability(item, context):
    needs = context.needs
    urgent = "urgent" in needs.barriers
    service, capacity = item.service, item.service.current_capacity
    room = w.URGENT_ROOM_POINTS if urgent else w.ROOM_POINTS
    taking = not service.is_temporarily_closed
    if capacity is not None and taking:
        unit = capacity.unit.name if capacity.unit else "places"
        unit = UNITS.get(unit, unit)
        if capacity.available > 0:
            days = max((context.now - (capacity.updated or context.now)).days, 0)
            updated = _l("updated today") if days == 0 else lazy_ngettext(
                "updated %(num)d day ago", "updated %(num)d days ago", days)
            item.fit("availability", _l("%(count)d %(unit)s available (%(updated)s)",
                                        count=capacity.available, unit=unit,
                                        updated=updated), room)
        else:
            item.misfit("availability", _l("No %(unit)s available now", unit=unit), room)
            item.tiers.add("capacity")
    elif urgent and taking and QUICK_WAIT.search(service.wait_time or ""):
        item.fit("availability", _l("Short wait"), w.SHORT_WAIT_POINTS)
    if urgent and taking:
        moment = context.now.replace(tzinfo=context.now.tzinfo or UTC)
        if opening_at(service.hours_schedules, moment, context.zone).around_the_clock:
            item.fit("hours", _l("Open 24 hours"), w.ALWAYS_OPEN_POINTS)
    weeks = WAITLIST.search(service.wait_time or "")
    if weeks:
        item.misfit("waitlist", lazy_ngettext("Waitlist %(num)d week", "Waitlist %(num)d weeks",
                                              int(weeks.group(1))), w.WAITLIST_POINTS)


def _audience(item, context):
    """A service made for a group the client is in gains (a seniors' service for a client
    of 75); one made for a situation the client is not in loses (for the relatives of the
    person affected, for people in a crisis), unless the categories asked say they are."""
    needs = context.needs
    theirs = populations.client_groups(needs.groups) | populations.age_groups(needs.age)
    for code in needs.categories:  # asked for family support: a relative; crisis: in one
        theirs |= populations.FILTER_AUDIENCE.get(code, set())
    limits = populations.audience_limits(item.service)
    for situation, words in SITUATIONS.items():
        if situation in limits and situation not in theirs:
            item.misfit("audience", words, w.AUDIENCE_POINTS)
    # not a situation: every family service serves relatives, whatever its wording says
    shared = sorted(limits & theirs - set(SITUATIONS))
    if shared:
        group = TERMS.get(shared[0]) or populations.LABELS.get(shared[0], shared[0])
        item.fit("audience", _l("For the client's group: %(group)s", group=group),
                 w.AUDIENCE_POINTS)


def _eligibility(item, context):
    needs = context.needs
    service = item.service
    low, high = service.minimum_age, service.maximum_age
    if needs.age is None and (low is not None or high is not None):
        item.misfit("age", _l("Ages %(low)d+ only", low=low) if high is None
                    else _l("Up to age %(high)d only", high=high) if low is None
                    else _l("Ages %(low)d to %(high)d only", low=low, high=high), 0)
    assured = service.assured_date
    if assured is None:
        item.misfit("verified", _l("Never verified"), w.NEVER_VERIFIED_POINTS)
    elif assured < (context.now - timedelta(days=context.stale_days)).date():
        months = (context.now.date() - assured).days // 30
        item.misfit("verified", _l("Not verified since %(year)d", year=assured.year)
                    if assured.year < context.now.year else
                    lazy_ngettext("Not verified in %(num)d month", "Not verified in %(num)d months",
                                  months), w.STALE_POINTS)


def _barriers(item, context):
    needs = context.needs
    service, barriers = item.service, needs.barriers
    access = service.term_codes("accessibility")
    schedules = service.hours_schedules
    remote = bool(service.remote_ways)
    if "remote" in barriers:
        if remote:
            item.fit("remote", _l("Can be done from home"), w.REMOTE_POINTS)
        elif not service.is_ride:  # a ride is no visit
            item.misfit("remote", _l("In person only"), w.IN_PERSON_POINTS)
    if barriers & {"no-car", "wheelchair"} and not item.in_person:
        item.fit("travel", _l("No travel needed"), w.NO_TRAVEL_POINTS)
    elif "no-car" in barriers and item.distance_miles <= WALKING_MILES:
        item.fit("travel", _l("Within walking distance"), w.WALKING_POINTS)
    if "no-car" in barriers and item.in_person:
        travel.by_transit(item, context, access)
    if "wheelchair" not in barriers and FOR_WHEELCHAIR_USERS.search(
            service.eligibility_description or ""):
        item.misfit("wheelchair", _l("For wheelchair users"), w.FOR_WHEELCHAIR_USERS_POINTS)
    if "wheelchair" in barriers and item.in_person:
        travel.listed(item, access, "wheelchair", "wheelchair-access", w.WHEELCHAIR_ACCESS_POINTS,
                _l("Wheelchair access not listed"), w.NO_WHEELCHAIR_ACCESS_POINTS)
    if "childcare" in barriers:
        if "families" in service.term_codes("population"):
            item.fit("childcare", _l("Families welcome"), w.CHILDCARE_POINTS)
        elif remote:
            item.fit("childcare", _l("From home: no childcare needed"), w.CHILDCARE_POINTS)
    if "evenings" in barriers:
        _hours(item, context, schedules)


def _hours(item, context, schedules):
    """For a client who needs evenings or weekends: which of them the hours hold."""
    today = context.now.replace(tzinfo=context.now.tzinfo or UTC).astimezone(
        ZoneInfo(context.zone)).date()
    evenings, weekends = evenings_or_weekends(schedules, today, context.zone)
    if evenings:
        item.fit("evenings", _l("Open evenings"), w.OPEN_LATE_POINTS)
    if weekends:
        item.fit("weekends", _l("Open weekends"), w.OPEN_LATE_POINTS)
    if not schedules:
        item.misfit("hours", _l("Hours not listed"), w.NO_HOURS_POINTS)
    elif not (evenings or weekends):
        item.misfit("hours", _l("Weekday daytime hours only"), w.DAYTIME_ONLY_POINTS)


RULES = (_where, _languages, _payment, _availability, _audience, _eligibility, _barriers,
         first_contact.without_calling)
