"""Intake matching: a client's needs and barriers in, a short ranked list of services out,
each with the reasons it fits ("Takes Medi-Cal", "Spanish spoken", "4.2 miles") and the
ones it does not ("Waitlist 6 weeks", "Not verified since 2024").

Candidates come from the search engine (the categories, or the free text, near the
client); each is then scored here on the loaded rows. Hard mismatches (outside the age
range, not listed) are left out and counted; soft ones lower the score and are shown.
Barriers change the ranking: "prefers remote" puts telehealth and online groups first,
"urgent" puts services with room now first, "no car" prefers services near transit and
puts the rides that serve the client beside every in-person result.
"""

import re
from dataclasses import dataclass, field
from datetime import timedelta

from flask import current_app
from flask_babel import lazy_gettext as _l
from flask_babel import lazy_ngettext

from . import catalogue, search
from .hours import open_evenings_or_weekends
from .labels import LANGUAGES, TERMS
from .models import utcnow
from .search.params import SearchParams

BARRIERS = ("no-car", "wheelchair", "remote", "childcare", "evenings", "urgent")
REMOTE_DELIVERY = ("telehealth-video", "online-group", "phone")
RADIUS_MILES = 25.0
MAX_CANDIDATES = 400
SIDE_OPTIONS = 3
FREE = ("free", TERMS["free"], 20)
PAYMENT = {  # answer -> ([(code that fits, words, weight), ...], words when none does)
    "medi-cal": ([("medi-cal", _l("Takes Medi-Cal"), 25), FREE], _l("Medi-Cal not listed")),
    "medicare": ([("medicare", _l("Takes Medicare"), 25), FREE], _l("Medicare not listed")),
    "private-insurance": ([("private-insurance", _l("Takes private insurance"), 25), FREE],
                          _l("Private insurance not listed")),
    "none": ([("free", TERMS["free"], 25), ("sliding-scale", TERMS["sliding-scale"], 18)],
             _l("No free or sliding-scale option listed")),
}
UNITS = {"beds": _l("beds"), "seats": _l("seats"), "places": _l("places")}
QUICK_WAIT = re.compile(r"\b(no wait|same[- ]day|walk[- ]in|minutes|right away|within \d+ hours"
                        r"|next day|same week)\b", re.IGNORECASE)
WAITLIST = re.compile(r"waitlist\D*(\d+)\s*week", re.IGNORECASE)


def _term(code):  # lookups, so the words stay lazy until a page shows them)
    return TERMS.get(code, code)


def _language(code):
    return LANGUAGES.get(code, code)


@dataclass
class ClientNeeds:
    """What the coordinator entered: nothing here names the client."""

    categories: list = field(default_factory=list)
    text: str = ""
    place: object = None
    radius_miles: float = RADIUS_MILES
    age: int | None = None
    languages: list = field(default_factory=list)
    payment: str | None = None
    barriers: set = field(default_factory=set)


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
    first: int = 0  # how many "rank first" barriers the service meets
    fits: list = field(default_factory=list)
    misfits: list = field(default_factory=list)
    transport: list = field(default_factory=list)  # rides beside in-person results

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
        return (-self.first, -round(self.score, 6), distance, self.service.name.lower())


@dataclass
class MatchResult:
    needs: ClientNeeds
    matches: list = field(default_factory=list)
    excluded: dict = field(default_factory=dict)  # reason -> how many were left out
    transport: list = field(default_factory=list)
    childcare: list = field(default_factory=list)


def match(needs, now=None, limit=30):
    """Return the MatchResult for `needs`: the best `limit` services, best first."""
    now = now or utcnow()
    hits = {}
    if needs.categories:
        hits = _hits(SearchParams(place=needs.place, radius=needs.radius_miles, per_page=100,
                                  terms={"category": list(needs.categories)}))
    text_scores = {}
    if needs.text:
        text_hits = _hits(SearchParams(text=needs.text, place=needs.place, per_page=100,
                                       radius=needs.radius_miles))
        top = max((h.score for h in text_hits.values()), default=0) or 1.0
        text_scores = {sid: h.score / top for sid, h in text_hits.items()}
        for sid, hit in text_hits.items():
            hits.setdefault(sid, hit)
    result = MatchResult(needs)
    result.matches = rank(hits, needs, now, result.excluded, text_scores)[:limit]
    if "no-car" in needs.barriers and needs.place is not None:
        result.transport = _side_options(needs, now, terms={"category": ["transportation"]})
        for item in result.matches:
            if item.in_person:
                item.transport = [s for s in result.transport if s.id != item.service.id]
    if "childcare" in needs.barriers and needs.place is not None:
        result.childcare = _side_options(needs, now, text="childcare")
    return result


def _hits(params):
    """Return {service id: Hit} over the pages of a search, up to MAX_CANDIDATES."""
    found = {}
    while len(found) < MAX_CANDIDATES:
        result = search.search(params)
        for hit in result.hits:
            found.setdefault(hit.service_id, hit)
        if params.page >= result.total_pages:
            break
        params.page += 1
    return found


def _side_options(needs, now, **query):
    """Return the best few services of another kind (rides, childcare) for the client."""
    hits = _hits(SearchParams(place=needs.place, radius=needs.radius_miles, per_page=50,
                              **query))
    plain = ClientNeeds(place=needs.place, radius_miles=needs.radius_miles, age=needs.age,
                        languages=needs.languages, payment=needs.payment)
    return [m.service for m in rank(hits, plain, now, {})[:SIDE_OPTIONS]]


def rank(hits, needs, now, excluded, text_scores=None):
    """Return the Matches of the services behind `hits`, best first; count the excluded."""
    text_scores = text_scores or {}
    stale_days = current_app.config["STALE_AFTER_DAYS"]
    matches = []
    for service in catalogue.get_services(list(hits)):
        hit = hits[service.id]
        left_out = _hard_mismatch(service, needs)
        if left_out:
            excluded[left_out] = excluded.get(left_out, 0) + 1
            continue
        item = Match(service, hit.distance_miles, list(hit.area_names))
        if set(needs.categories) & service.term_codes("category"):
            item.score += 20
        item.score += 15 * text_scores.get(service.id, 0)
        for rule in RULES:
            rule(item, needs, now, stale_days)
        matches.append(item)
    return sorted(matches, key=Match.sort_key)


def _hard_mismatch(service, needs):
    if not service.is_listed:
        return "not-listed"
    if needs.age is not None and not service.age_fits(needs.age):
        return "age"
    return None


def _where(item, needs, now, stale_days):
    delivery = item.service.term_codes("delivery")
    if item.in_person:
        miles = item.distance_miles
        shown = f"{miles:.{1 if miles < 10 else 0}f}"
        item.fit("distance", _l("%(distance)s miles", distance=shown),
                 15 * (1 - min(miles / max(needs.radius_miles, 1), 1)))
    else:
        item.score += 7.5
        for code in (*REMOTE_DELIVERY, "home-visit"):
            if code in delivery:
                item.fit(f"delivery-{code}", _term(code), 0)
    if item.service.status != "active":
        item.misfit("closed", _l("Temporarily closed"), 40)


def _languages(item, needs, now, stale_days):
    spoken = {lang.code for lang in item.service.languages if lang.code}
    for rank_, code in enumerate(needs.languages):
        if code in spoken:
            item.fit(f"language-{code}", _l("%(language)s spoken",
                                            language=_language(code)), 25 if rank_ == 0
                     else 10)
            return
    if needs.languages:
        language = _language(needs.languages[0])
        if item.service.interpretation_services:
            item.misfit("language", _l("%(language)s not listed; interpreters available",
                                       language=language), 10)
        else:
            item.misfit("language", _l("%(language)s not listed", language=language), 25)


def _payment(item, needs, now, stale_days):
    options, none_fits = PAYMENT.get(needs.payment, ((), None))
    accepted = item.service.term_codes("payment")
    for code, words, weight in options:
        if code in accepted:
            return item.fit("payment", words, weight)
    if none_fits is not None:
        item.misfit("payment", none_fits, 20)


def _availability(item, needs, now, stale_days):
    urgent = "urgent" in needs.barriers
    service, capacity = item.service, item.service.current_capacity
    if capacity is not None and service.status == "active":
        unit = capacity.unit.name if capacity.unit else "places"
        unit = UNITS.get(unit, unit)
        if capacity.available > 0:
            days = max((now - (capacity.updated or now)).days, 0)
            updated = _l("updated today") if days == 0 else lazy_ngettext(
                "updated %(num)d day ago", "updated %(num)d days ago", days)
            item.fit("availability", _l("%(count)d %(unit)s available (%(updated)s)",
                                        count=capacity.available, unit=unit,
                                        updated=updated), 30 if urgent else 10)
            item.first += urgent
        else:
            item.misfit("availability", _l("No %(unit)s available now", unit=unit),
                        30 if urgent else 10)
    elif urgent and service.status == "active" and QUICK_WAIT.search(service.wait_time or ""):
        item.fit("availability", _l("Short wait"), 20)
        item.first += 1
    weeks = WAITLIST.search(service.wait_time or "")
    if weeks:
        item.misfit("waitlist", lazy_ngettext("Waitlist %(num)d week", "Waitlist %(num)d weeks",
                                              int(weeks.group(1))), 10)


def _eligibility(item, needs, now, stale_days):
    service = item.service
    low, high = service.minimum_age, service.maximum_age
    if needs.age is None and (low is not None or high is not None):
        item.misfit("age", _l("Ages %(low)d+ only", low=low) if high is None
                    else _l("Up to age %(high)d only", high=high) if low is None
                    else _l("Ages %(low)d to %(high)d only", low=low, high=high), 0)
    assured = service.assured_date
    if assured is None:
        item.misfit("verified", _l("Never verified"), 8)
    elif assured < (now - timedelta(days=stale_days)).date():
        months = (now.date() - assured).days // 30
        item.misfit("verified", _l("Not verified since %(year)d", year=assured.year)
                    if assured.year < now.year else
                    lazy_ngettext("Not verified in %(num)d month", "Not verified in %(num)d months",
                                  months), 8)


def _barriers(item, needs, now, stale_days):
    service, barriers = item.service, needs.barriers
    delivery, access = service.term_codes("delivery"), service.term_codes("accessibility")
    schedules = service.schedules or [s for loc in service.physical_locations
                                      for s in loc.schedules]
    remote = bool(set(REMOTE_DELIVERY) & delivery)
    no_travel = not item.in_person
    if "remote" in barriers:
        if remote:
            item.fit("remote", _l("Can be done from home"), 30)
            item.first += 1
        else:
            item.misfit("remote", _l("In person only"), 10)
    if barriers & {"no-car", "wheelchair"} and no_travel:
        item.fit("travel", _l("No travel needed"), 10)
    if "no-car" in barriers and item.in_person:
        if "near-transit" in access:
            item.fit("transit", _term("near-transit"), 12)
        else:
            item.misfit("transit", _l("Not listed as near public transit"), 8)
    if "wheelchair" in barriers and item.in_person:
        if "wheelchair-access" in access:
            item.fit("wheelchair", _term("wheelchair-access"), 15)
        else:
            item.misfit("wheelchair", _l("Wheelchair access not listed"), 20)
    if "childcare" in barriers:
        if "families" in service.term_codes("population"):
            item.fit("childcare", _l("Families welcome"), 8)
        elif remote:
            item.fit("childcare", _l("From home: no childcare needed"), 8)
    if "evenings" in barriers:
        evenings, weekends = open_evenings_or_weekends(schedules)
        if evenings:
            item.fit("evenings", _l("Open evenings"), 12)
        if weekends:
            item.fit("weekends", _l("Open weekends"), 12)
        if not schedules:
            item.misfit("hours", _l("Hours not listed"), 4)
        elif not (evenings or weekends):
            item.misfit("hours", _l("Weekday daytime hours only"), 12)


RULES = (_where, _languages, _payment, _availability, _eligibility, _barriers)
