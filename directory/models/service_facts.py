"""What every part of the directory asks of a service, answered in one place: whether the
public sees it (listed), whether it is temporarily closed, which schedules are its hours,
how it reaches a client's place without a visit (delivered remotely, a ride, its service
areas) and where a ride takes people, its current capacity, and whether it counts beds or
seats that staff must keep fresh, the first step without a phone call
(first_contact.py), whether it is its agency's own listing, and what tells its listing
from another's (`listing_key`). `Service` (the model) and
`search.service_rows.ServiceRecord` (the rows the index reads in bulk) both take these
from `ServiceFacts`, so search, the pages, matching, the handouts and the staff workspace
cannot answer differently.

A class using the mixin has `status`, `minimum_age`, `maximum_age`, `schedules`, `terms`
(each with `code` and `group`), `capacities`, `service_areas`, `physical_locations`, and
`name`, `organization` and its id, `languages`, and `locations` (each with `id`,
`location_type`, `address` and `languages`).
"""

import re
from datetime import datetime, timedelta
from types import SimpleNamespace

from sqlalchemy import or_, select
from sqlalchemy.orm import aliased

from ..geo import extent_keys, nearest_place
from ..languages import held_in
from .first_contact import FirstContactFacts, is_walk_in

TEMPORARILY_CLOSED = "temporarily closed"
# The statuses the public sees: search, the pages, matching and the API list these.
LISTED = ("active", TEMPORARILY_CLOSED)
# The ways of delivery that need no trip by the client: sessions by video, online or phone,
# and home visits (the worker comes to them). A client who cannot leave home is served by
# every one of these, and a service delivered this way is found by its service area.
REMOTE_DELIVERY = ("telehealth-video", "online-group", "phone", "home-visit")
# A ride service takes the client to a visit: no visit of its own, whatever its delivery.
RIDE_CATEGORY = "transportation"
# Categories whose places are counted (beds, group seats): their availability is shown to
# the public and matching, so staff and providers are asked to keep it fresh.
AVAILABILITY_CATEGORIES = ("residential-treatment", "group-therapy-peer-support")
# The building a street address names, as an export that lists a service twice types it
# either way: case, spacing and punctuation aside, the suite, room or floor left out (USPS
# secondary unit designators: "995 Market Street Suite 1202" is "995 Market Street"), and
# the commonest street suffixes in their USPS abbreviations ("Geary Blvd", "Geary Boulevard").
UNIT = re.compile(r",|#|\b(?:suite|ste|room|rm|floor|fl|unit|apt)\b")
NOT_ADDRESS_WORD = re.compile(r"[^\w]+")
SUFFIXES = {"street": "st", "avenue": "ave", "boulevard": "blvd", "road": "rd", "drive": "dr",
            "place": "pl", "lane": "ln", "court": "ct", "terrace": "ter", "highway": "hwy"}


# The language the directory's records are written in, which a place's list leaves out.
RECORDS_LANGUAGE = SimpleNamespace(name="English", code="en")


def _each_once(languages):
    """Return `languages` each once (by code, else name), in the order given."""
    kept = {}
    for lang in languages:
        if lang.code or lang.name:
            kept.setdefault((lang.code or lang.name).lower(), lang)
    return list(kept.values())


def building(street):
    """Return the building a street address names, as `UNIT` and `SUFFIXES` read it."""
    words = NOT_ADDRESS_WORD.sub(" ", UNIT.split(street.casefold())[0]).split()
    return " ".join(SUFFIXES.get(word, word) for word in words)


class ServiceFacts(FirstContactFacts):
    """The answers about a service that search, pages, matching and handouts share."""

    SNAPSHOT = False  # a snapshot never changes, so it keeps what is worked out for it

    def _worked_out(self, key, work):
        if not self.SNAPSHOT:
            return work()
        kept = self.__dict__.setdefault("_answers", {})
        if key not in kept:
            kept[key] = work()
        return kept[key]

    def term_codes(self, group_code=None):
        """Return the codes of this service's terms, optionally within one group."""
        return self._worked_out(("term_codes", group_code), lambda: {
            t.code for t in self.terms if t.code and (group_code is None or t.group == group_code)})

    def age_fits(self, age):
        """Return whether a person of `age` is within the service's age range."""
        if age is None:
            return True
        if self.minimum_age is not None and age < self.minimum_age:
            return False
        return not (self.maximum_age is not None and age > self.maximum_age)

    @property
    def described(self):
        """Return the service's description, else its agency's (a branch listed by name
        alone is described by the organization that runs it), or None."""
        organization = self.organization
        return self.description or (organization.description if organization else None)

    @property
    def spoken_languages(self):
        """Return the languages the service is offered in, each once: those its record
        lists, else those spoken at its places (HSDS puts a language on a service or on a
        location; a 2-1-1 export lists them on the place, for every service there) with
        English, the records' own: a place's list names the languages spoken besides it
        (91 of the 94 San Francisco places that list any leave English out)."""
        def work():
            if self._speaks_own:
                return _each_once(self.languages)
            places = sorted((lang for place in self.locations
                             for lang in getattr(place, "languages", None) or ()
                             if lang.code or lang.name),  # rows come in no set order
                            key=lambda lang: (lang.code or "", lang.name or ""))
            return _each_once([RECORDS_LANGUAGE, *places]) if places else []
        return self._worked_out("spoken_languages", work)

    @property
    def speaks_at_places(self):
        """Return whether the spoken languages are its places' (the record lists none)."""
        return not self._speaks_own and bool(self.spoken_languages)

    @property
    def _speaks_own(self):
        return any(lang.code or lang.name for lang in self.languages)

    @property
    def held_languages(self):
        """Return the languages every session is held in, or an empty set when the record
        does not say so (languages.held_in: its name, description and eligibility)."""
        return self._worked_out("held_languages", lambda: held_in(
            self.name, self.description, self.eligibility_description,
            listed=[lang.code for lang in self.languages if lang.code]))

    @property
    def is_listed(self):
        """Return whether the public sees this service (not inactive or defunct)."""
        return self.status in LISTED

    @property
    def is_temporarily_closed(self):
        """Return whether the service is listed but not taking anyone for now."""
        return self.status == TEMPORARILY_CLOSED

    @property
    def hours_schedules(self):
        """Return the schedules that are this service's opening hours: its own.

        A location's schedules say when the building is open, not when the service runs
        (a group meets two evenings in a centre open all week), so they are never taken
        for the service's: a service listing no hours of its own says so everywhere.
        Walk-in hours are a first step (first_contact.py), inside the opening hours, unless
        they are all the hours the service lists.
        """
        hours = [s for s in self.schedules if not is_walk_in(s)]
        return hours or list(self.schedules)

    @property
    def remote_ways(self):
        """Return the ways this service is delivered without a trip (REMOTE_DELIVERY order)."""
        delivery = self.term_codes("delivery")
        return tuple(code for code in REMOTE_DELIVERY if code in delivery)

    @property
    def is_ride(self):
        """Return whether this is a ride service (it takes the client to a visit)."""
        return RIDE_CATEGORY in self.term_codes("category")

    @property
    def reaches_without_visit(self):
        """Return whether the service comes to the client: delivered remotely, or a ride."""
        return bool(self.remote_ways) or self.is_ride

    @property
    def served_area_keys(self):
        """Return the area keys ("postal_code:92630", "state:CA") its service areas cover."""
        return {key for area in self.service_areas if area.extent_type == "text"
                for key in extent_keys(area.extent)}

    def takes_trips_to(self, service):
        """Return whether this ride goes where `service` is: its service areas hold one of
        the service's places. A ride that lists no area says nothing of where it drives,
        and is not ruled out; a service with no place to visit needs no ride."""
        areas = self.served_area_keys
        places = service.physical_locations
        if not places:
            return False
        return not areas or any(areas & nearest_place(loc.latitude, loc.longitude).area_keys
                                for loc in places)

    @property
    def matched_by_area(self):
        """Return whether searches find this service by the area it serves rather than by
        distance: it has service areas, and no place to visit or no need of one."""
        return bool(self.served_area_keys) and (
            not self.physical_locations or self.reaches_without_visit)

    @property
    def is_agency_listing(self):
        """Return whether the service is named as its organization (case and spacing
        aside): the agency's own listing rather than one of its programmes."""
        organization = self.organization
        return bool(self.name and organization is not None and organization.name) and \
            " ".join(self.name.casefold().split()) == " ".join(organization.name.casefold().split())

    @property
    def listing_key(self):
        """Return what a reader tells this listing from another by: its name (case and
        spacing aside), its organization and each place it is offered at (the building its
        street address names and its ZIP code, or the location itself with no address). Two listings
        with one key are the same service listed twice (a 2-1-1 export does that); one
        with no place to visit has no key (None), and is never taken for another."""
        places = set()
        for location in self.locations:
            if location.location_type != "physical":
                continue
            address = location.address
            street = building(address.address_1 or "") if address else ""
            places.add(f"{address.postal_code or ''} {street}" if street
                       else f"location {location.id}")
        if not places or not self.name:
            return None
        return "|".join([" ".join(self.name.casefold().split()), self.organization_id or "",
                         *sorted(places)])

    @property
    def current_capacity(self):
        """Return the most recently updated capacity row, or None."""
        rows = [c for c in self.capacities if c.updated is not None] or list(self.capacities)
        return max(rows, key=lambda c: c.updated or datetime.min) if rows else None

    @property
    def needs_fresh_availability(self):
        """Return whether the service counts beds or seats: residential or group, or any
        service that already has a capacity row (see needs_fresh_availability_clause)."""
        return bool(self.capacities) or bool(
            self.term_codes("category") & set(AVAILABILITY_CATEGORIES))

    def availability_outdated(self, now, days):
        """Return whether it needs fresh availability and none was given in `days`."""
        if not self.needs_fresh_availability:
            return False
        current = self.current_capacity
        return current is None or current.updated is None or \
            current.updated < now - timedelta(days=days)


def needs_fresh_availability_clause(service_id):
    """Return `ServiceFacts.needs_fresh_availability` as a SQL condition on a column of
    service ids, for lists that cannot load every service."""
    from .service import ServiceCapacity
    from .taxonomy import Attribute, TaxonomyTerm

    group = aliased(TaxonomyTerm)
    counting = (select(Attribute.link_id)
                .join(TaxonomyTerm, TaxonomyTerm.id == Attribute.taxonomy_term_id)
                .join(group, group.id == TaxonomyTerm.parent_id)
                .where(Attribute.link_entity == "service", group.code == "category",
                       TaxonomyTerm.code.in_(AVAILABILITY_CATEGORIES)))
    return or_(service_id.in_(counting), service_id.in_(select(ServiceCapacity.service_id)))
