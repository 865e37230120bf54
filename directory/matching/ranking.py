"""The ranking of intake matching: a client's needs and barriers in, a short ranked list
of services out, each with the reasons it fits ("Takes Medi-Cal", "Spanish spoken", "0.4
miles") and the ones it does not ("Waitlist 6 weeks", "3.2 miles: too far to walk").

Candidates come from the search engine (the categories, or the free text, near the
client); each is then judged here on its record (candidates.py: the rows read in bulk,
kept while the data holds; only the services shown are loaded whole), in three steps.

1. Membership (hard requirements). A service is left out, and counted, when it is not
   listed, when the client's age is outside its range, when it serves only the residents of
   another city ("Anaheim residents"), when its service areas leave out the client's place
   (rides for south-county ZIP codes, a client in Santa Ana), or when it is limited to a
   group the client is not in (veterans, trans and nonbinary people, women, healthcare
   workers, people leaving a hospital: see `directory.populations`). The coordinator can
   show the group-limited ones again; they then rank last, marked.
2. Tiers (requirements that can bend). A temporarily closed service ranks below every open
   one. A service that offers none of the client's languages and lists no interpreters ranks
   below every service that does; then a service that takes none of the client's payment
   options, or has no room now, ranks below those that do. Each says why, in its misfits.
3. Order within a tier (preferences), as points (matching/weights.py), then distance. The
   weights say what a 211 specialist weighs first:
   - what was asked: a chosen category +35 (a service filed under telehealth alone counts
     as counselling: it is counselling by video), the free text up to +30, against the
     best match among the services of the same chosen category the client can use (in
     "uninsured, needs rehab" the fund that pays for rehab leads the financial help,
     though a residential program matches the words more). The notes describe the client;
     a service they alone found (of no chosen category) comes after those of the chosen
     categories in its tier (step 4), so a long note's words ("anxiety", "working")
     cannot pull in counselling or a clubhouse ahead of the group and the ride the
     coordinator asked for.
   - language, the strongest preference: the client's first language +35 (another of
     theirs +10), only through interpreters -20. A counsellor who speaks the client's
     language comes before one who takes their insurance through an interpreter
     (35 + 20 > 25).
   - payment that fits +25 (free +20, sliding scale +18; without insurance free +25,
     sliding scale +18, self-pay +10, as sober living always is), none -20; for a client
     without insurance, a service made for the uninsured (a fund that pays for rehab when
     insurance does not) +25 more, as a service made for their group.
   - a service made for a group the client is in (a seniors' service for a client of 75,
     a veterans' program for a veteran; not family services, which all serve relatives)
     +25, as much as a payment fit: it is what a specialist hands out first. A service for
     the relatives of the person affected ("Family members of someone who had a crisis")
     -25 for a client who is not a relative, unless family support was asked for; one for
     people in a crisis ("Adults in a mental-health crisis": a crisis residential program)
     -25 unless crisis support was asked for.
   - distance up to +15 (the nearer, the more), a service reaching the client's place
     (phone, video, a ride) +7.5; room now +10 (+30 when urgent), none -10 (-30), a
     waitlist -10; for an urgent need, open around the clock +15 and a short wait +20.
   - barriers: remote for "prefers remote" +20, in person -5 (never for a ride, which is
     no visit), and a first contact without a phone call +10 (a text, a form, email,
     walk-in hours: social anxiety makes the call the hardest step); for "no car" or a wheelchair, no travel +10, and for "no car" within
     walking distance +10, near transit +12, not near -8 (where transit feeds cover both
     places: a route from near the client to near the service +12, with one change +8, and
     neither -8, and a service it reaches is no walk too far); wheelchair access +15, not listed
     -20, and a ride made for wheelchair users -20 for a client who uses none (the van is
     scarce); evenings or weekends +12 each, daytime only -12, hours not listed -4; families
     welcome or from home +8 for "childcare".
   - never verified -8; verified longer ago than STALE_AFTER_DAYS -2 (said, and a tie breaker:
     it most likely still fits, and the coordinator calls first); temporarily closed -40.
   For a client with no car, an in-person service more than WALKING_MILES away is a misfit
   ("too far to walk"), not a reason, unless a ride the client can use goes from their place
   to the service's (its service areas hold both: `takes_trips_to`) or public transit does;
   those rides are listed beside the result.
4. Several needs take turns: within a tier the best service of each chosen category
   comes before the second best of any, so "a group and a ride" shows both at the top;
   the services found by the free text alone follow them.
"""

from dataclasses import dataclass, field

from flask import current_app

from .. import coverage, populations, search
from ..geo import extent_keys
from ..models import utcnow
from ..search.params import RADIUS_DEFAULT as RADIUS_MILES
from ..search.params import SearchParams
from . import candidates, travel
from .rules import RULES, TIER_ORDER, Context, Match, hard_mismatch
from .weights import CATEGORY_POINTS, TEXT_POINTS

BARRIERS = ("no-car", "wheelchair", "remote", "childcare", "evenings", "urgent")
MAX_CANDIDATES = 400
SIDE_OPTIONS = 3


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
    groups: set = field(default_factory=set)  # specific groups the client belongs to
    show_limited: bool = False  # show services limited to groups the client is not in


@dataclass
class MatchResult:
    needs: ClientNeeds
    matches: list = field(default_factory=list)
    excluded: dict = field(default_factory=dict)  # reason -> how many were left out
    transport: list = field(default_factory=list)
    childcare: list = field(default_factory=list)


def match(needs, now=None, limit=30, load=None):
    """Return the MatchResult for `needs`: the best `limit` services, best first (judged
    as `load` reads the candidates: see rank)."""
    now = now or utcnow()
    hits = {}
    if needs.categories:
        hits = _hits(SearchParams(place=needs.place, radius=needs.radius_miles,
                                  terms={"category": search_codes(needs.categories)}))
    text_scores = {}
    if needs.text:
        text_hits = _hits(SearchParams(text=needs.text, place=needs.place,
                                       radius=needs.radius_miles))
        text_scores = {sid: h.score for sid, h in text_hits.items()}
        for sid, hit in text_hits.items():
            hits.setdefault(sid, hit)
    result = MatchResult(needs)
    if "no-car" in needs.barriers and needs.place is not None:
        result.transport = _side_options(needs, now, load, terms={"category": ["transportation"]})
    context = Context(needs, now, current_app.config["STALE_AFTER_DAYS"],
                      rides=result.transport, zone=coverage.timezone(),
                      transit=travel.from_place(needs.place) if "no-car" in needs.barriers
                      else None)
    ranked = rank(hits, context, result.excluded, text_scores, load)
    once = set(search.first_listings([i.service.id for i in ranked]))  # one of two listings
    ranked = [item for item in ranked if item.service.id in once][:limit]
    if "childcare" in needs.barriers and needs.place is not None:
        result.childcare = _side_options(needs, now, load, text="childcare")
    # Judged on records; what is shown is loaded whole, in one go.
    shown = candidates.models([*(item.service for item in ranked), *result.transport,
                               *result.childcare])
    result.transport = context.rides = [shown[r.id] for r in result.transport if r.id in shown]
    result.childcare = [shown[s.id] for s in result.childcare if s.id in shown]
    for item in ranked:
        if item.service.id in shown:
            item.service = shown[item.service.id]
            result.matches.append(item)
            if item.in_person:
                item.transport = travel.rides_there(item, context)
    return result


def _hits(params):
    """Return {service id: Hit} of the first MAX_CANDIDATES a search finds, in its order."""
    params.page, params.per_page = 1, MAX_CANDIDATES
    return {hit.service_id: hit for hit in search.search(params).hits}


def _side_options(needs, now, load, **query):
    """Return the best few services of another kind (rides, childcare) the client can use.

    Services the client cannot use (limited to another group, no language in common and
    no interpreters, none of their payment options) are not offered.
    """
    hits = _hits(SearchParams(place=needs.place, radius=needs.radius_miles, **query))
    plain = ClientNeeds(place=needs.place, radius_miles=needs.radius_miles, age=needs.age,
                        languages=needs.languages, payment=needs.payment, groups=needs.groups)
    context = Context(plain, now, current_app.config["STALE_AFTER_DAYS"],
                      zone=coverage.timezone())
    usable = [m for m in rank(hits, context, {}, load=load) if not m.tiers]
    return [m.service for m in usable[:SIDE_OPTIONS]]


def rank(hits, context, excluded, text_scores=None, load=None):
    """Return the Matches of the services behind `hits`, best first; count the excluded.

    The services are judged as `load` reads them: their records by default
    (candidates.py), models for a caller that has them loaded anyway; both answer alike.
    """
    text_scores = text_scores or {}
    needs = context.needs
    kept, chosen = [], set(needs.categories)
    for service in (load or candidates.records)(list(hits)):
        if chosen and not chosen & asked_codes(service) and service.id not in text_scores:
            continue  # found by a category searched beside the chosen ones, and not theirs
        left_out = hard_mismatch(service, needs) or _elsewhere(service, needs)
        limited = left_out is None and populations.excludes(service, needs.groups)
        if limited and not needs.show_limited:
            left_out = "groups"
        if left_out:
            excluded[left_out] = excluded.get(left_out, 0) + 1
        else:
            kept.append((service, limited))
    best = _best_text(kept, text_scores, needs.categories)
    matches = []
    for service, limited in kept:
        item = Match(service, hits[service.id].distance_miles, list(hits[service.id].area_names))
        if limited:
            item.misfit("groups", populations.only_words(service) or "", 0)
            item.tiers.add("groups")
        if set(needs.categories) & asked_codes(service):
            item.score += CATEGORY_POINTS
        top = best.get(_bucket(service, needs.categories)) or best.get(None) or 1.0
        item.score += TEXT_POINTS * min(text_scores.get(service.id, 0) / top, 1.0)
        for rule in RULES:
            rule(item, context)
        matches.append(item)
    return interleave(sorted(matches, key=Match.sort_key), needs.categories)


def _elsewhere(service, needs):
    """Return "residence" when a service serves only another city's residents, "area"
    when its service areas (ZIP codes, cities) leave out the client's place."""
    if needs.place is None:
        return None
    city = populations.residents_of(service)
    where = needs.place.city
    if city and where and city.lower() != where.lower():
        return "residence"
    areas = {key for a in service.service_areas if a.extent_type == "text"
             for key in extent_keys(a.extent)}
    return "area" if areas and not areas & set(needs.place.area_keys) else None


def _best_text(kept, text_scores, categories):
    """Return {chosen category: the free text's best score among its services}, and under
    None the best over all: among the services the client can use, not those left out.

    The notes rank the services within each need: in "uninsured, needs rehab for alcohol"
    the fund that pays for rehab is the best financial help, though a residential program
    matches the words more.
    """
    best = {}
    for service, limited in kept:
        if limited:
            continue
        found = text_scores.get(service.id, 0)
        for key in {None, _bucket(service, categories)}:
            best[key] = max(best.get(key, 0), found)
    return best


def _bucket(service, categories):
    """Return the first chosen category a service is of, or None."""
    codes = asked_codes(service)
    return next((c for c in categories if c in codes), None)


def asked_codes(service):
    """Return the categories a service counts for when a coordinator chooses categories.

    A service filed under telehealth alone ("Mandarin-Language Video Counselling") is
    counselling by video: Open Eligibility files Telehealth beside Counseling, under Mental
    Health Care, so it counts for outpatient counselling too.
    """
    codes = service.term_codes("category")
    return codes | {"outpatient-counselling"} if codes == {"telehealth"} else codes


def search_codes(categories):
    """Return the category codes to search for the chosen `categories` (see asked_codes)."""
    codes = list(categories)
    if "outpatient-counselling" in codes and "telehealth" not in codes:
        codes.append("telehealth")
    return codes


def interleave(ranked, categories):
    """Return `ranked` with the needs taken in turn within each tier.

    A client who needs a group and a ride should see the best group and the best ride
    first, not five groups before any ride: each round takes the best remaining service of
    each chosen category. Services found by the free text alone (of none of the chosen
    categories) come after those of the chosen categories in their tier: the notes
    describe the client, the categories say what the coordinator is looking for.
    """
    if not categories:
        return ranked
    out, tier, buckets = [], None, {}
    for item in [*ranked, None]:
        key = None if item is None else item.sort_key()[:len(TIER_ORDER)]
        if key != tier and buckets:
            out.extend(_rounds(buckets))
            buckets = {}
        if item is None:
            break
        tier = key
        buckets.setdefault(_bucket(item.service, categories), []).append(item)
    return out


def _rounds(buckets):
    # the chosen categories in turn, in the order of their best service; then the others
    queues = sorted((q for b, q in buckets.items() if b is not None),
                    key=lambda q: q[0].sort_key())
    while any(queues):
        for queue in queues:
            if queue:
                yield queue.pop(0)
    yield from buckets.get(None, [])
