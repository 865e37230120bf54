"""Running a search over the index and its facts: location first (a bounding box and exact
distances over the coordinate arrays pick the candidates), the filters as vector
operations, BM25 text scores as vector additions over cached posting lists, then ranking
(a service a directory lists twice is found once, at its better place), facet counts over
the result set, and one page of hits."""

from dataclasses import dataclass, field
from datetime import UTC, date, datetime
from zoneinfo import ZoneInfo

import numpy as np

from ..geo.precision import within_miles
from ..populations import FILTER_AUDIENCE, age_groups
from . import listings, scoring
from .filters import facet_counts, filter_mask
from .frequencies import text_query
from .placing import locate
from .textquery import build as build_text_query

NEARNESS_WEIGHT = 0.45
# A service that reaches the place (phone, video, a ride) counts as this near: as usable as
# one a short drive away (7.5 miles in the default 25), less than one round the corner.
REACH_NEARNESS = 0.7
# Round the corner counts more than a linear share of the radius says: a service at the
# place searched adds LOCAL_BONUS to its nearness, falling by e every LOCAL_MILES, so that
# in a city, where everything is within a few miles of a 25-mile radius, the pantry in the
# searcher's ZIP code comes before a name match across town (San Francisco 2-1-1).
LOCAL_BONUS, LOCAL_MILES = 0.4, 1.0
# A service for a specific group (veterans, women, teens...) when the search does not ask
# for that group: most people searching are not in it, so it ranks lower, never hidden.
LIMITED_WEIGHT = 0.6
# The same for an in-person service whose service area leaves out the place searched.
# A service held only in a language the searcher does not read ("Korean-Language
# Counselling" for someone reading English): lower, since they may still want it.
OTHER_LANGUAGE_WEIGHT = 0.75
# With no words to rank by (a place, perhaps filters), the nearest come first, and those
# penalties are distances: a service for a group not asked for, or serving another area,
# counts as LIMITED_MILES farther; one held only in another language, OTHER_LANGUAGE_MILES.
# A multiplier would put a teens' group a mile away below every county-wide phone line.
# Services at the same distance (a 2-1-1 export places a ZIP code's services at one point)
# come with the agencies' own listings first (a service named as its organization, of one
# that runs several: the door a specialist names for a place, listings.front_doors), then
# in order of how many of the directory's categories each helps with (breadth), then by
# name: a neighborhood center before a one-need office. Searching a city, every service
# within the city's spread of its centre is at the same distance (a city is not a point).
LIMITED_MILES, OTHER_LANGUAGE_MILES = 2.0, 5.0


@dataclass
class Hit:
    """One service found: its id, score, distance (None when matched by service area).
    `within_miles` is set when its nearest location is placed only at a ZIP code's or a
    city's centre: how far from that point it may really be (geo.precision)."""

    service_id: str
    score: float
    distance_miles: float | None
    area_names: list = field(default_factory=list)
    closed: bool = False
    within_miles: float | None = None
    related: bool = False  # meets only some of what the words ask (SearchResult.matched)


@dataclass
class SearchResult:
    hits: list
    total: int
    page: int
    per_page: int
    facets: dict
    suggestion: str | None = None
    corrections: dict = field(default_factory=dict)
    unknown: list = field(default_factory=list)  # words typed that no service mentions
    # Of `total`, how many meet every need the words name outright (textquery's `asked`;
    # with no words, all of them). The rest are related, marked on their hits and ranked as
    # their scores say: putting every match first lowered every judged group (bench/README).
    matched: int | None = None

    @property
    def total_pages(self):
        return max(1, -(-self.total // self.per_page))


@dataclass
class Ranked:
    """Every document a search finds, ranked: what run() pages and found() lists."""

    docs: np.ndarray  # document numbers found
    scores: np.ndarray
    met: np.ndarray  # meets every need the words name outright
    order: np.ndarray  # positions in `docs`, best first
    distance: np.ndarray  # per document of the index (inf: not placed or no place)
    reach: np.ndarray
    within: np.ndarray
    text: object  # textquery's answer, or None
    today: date


def run(searcher, facts, params, zone, now=None):
    """Return the SearchResult for `params` (a checked SearchParams)."""
    now = now or datetime.now(UTC)
    found = rank(searcher, facts, params, zone, now)
    docs, scores, met, order, text = found.docs, found.scores, found.met, found.order, found.text
    distance, reach, within = found.distance, found.reach, found.within
    total = int(docs.size)
    start = (params.page - 1) * params.per_page
    page_docs = docs[order[start:start + params.per_page]]
    page_scores = scores[order[start:start + params.per_page]]
    page_met = met[order[start:start + params.per_page]]
    hits = [
        Hit(facts.ids[d], float(s), None if not np.isfinite(distance[d]) else float(distance[d]),
            facts.area_names[d] if reach[d] else [], bool(facts.closed[d]),
            float(within[d]) if np.isfinite(distance[d]) and within[d] > 0 else None,
            not m)
        for d, s, m in zip(page_docs.tolist(), page_scores.tolist(), page_met.tolist(),
                           strict=True)
    ]
    suggestion = text.suggestion if text is not None else None
    # The filters count what the heading counts: the matches (the related, when none).
    counted = docs[met] if met.any() else docs
    facets = facet_counts(facts, counted, now, zone, found.today)
    if params.transit_routes is not None:  # a feed covers the place: the filter is offered
        facets["transit"] = int(np.count_nonzero(facts.tagged(params.transit_routes)[counted]))
    return SearchResult(hits, total, params.page, params.per_page, facets, suggestion,
                        dict(text.corrections) if text is not None else {},
                        list(text.unknown) if text is not None else [], int(np.count_nonzero(met)))


def found(searcher, facts, params, zone, now=None):
    """Return (the ids of every service the search finds, best first; the ids of those
    it found by their service area, not by a location in reach): what a listing of the
    whole answer needs, without a Hit per service."""
    ranked = rank(searcher, facts, params, zone, now or datetime.now(UTC))
    docs = ranked.docs[ranked.order]
    by_area = docs[~np.isfinite(ranked.distance[docs])]
    return [facts.ids[d] for d in docs.tolist()], {facts.ids[d] for d in by_area.tolist()}


def rank(searcher, facts, params, zone, now):
    """Return what the search finds, ranked (Ranked)."""
    today = now.astimezone(ZoneInfo(zone)).date() if isinstance(now, datetime) else date.today()
    mask = filter_mask(facts, params, now, zone, today)
    distance = ranked = within = np.full(facts.size, np.inf)
    reach = elsewhere = np.zeros(facts.size, bool)
    if params.place is not None:
        covered = facts.covering(params.place.area_keys)
        near, distance, reach, ranked, within = locate(facts, params.place,
                                                       params.radius_miles, covered)
        elsewhere = served_elsewhere(facts, covered)
        mask &= reach if params.reach_only else (near | reach)
    candidates = np.flatnonzero(mask)
    text = (text_query(build_text_query, searcher, facts.memo, params.text,
                       not params.as_typed, params.reads) if params.text else None)
    if text is not None and text.parts is not None:
        scope = scoring.Scope.of(facts.size, candidates)  # the candidates' postings only
        scores = scoring.text_scores(searcher, facts, text, scope)
        scores *= scoring.coordination(searcher, facts, text.needs, scope)
        met = scoring.meets_all(searcher, facts, text.asked, scope)
        scores, met = scope.on(scores, candidates), scope.on(met, candidates)
        scored = scores > 0
        docs, scores, met = candidates[scored], scores[scored], met[scored]
    else:
        docs, scores = candidates, np.ones(candidates.size)
        met = np.ones(docs.size, bool)
    order = _rank(facts, params, docs, scores, ranked, reach, _audience(params, text),
                  elsewhere)
    repeated = listings.repeated(facts, docs[order])
    if repeated.any():  # a service listed twice is found once: counts and pages agree
        kept = np.sort(order[~repeated])
        order = np.searchsorted(kept, order[~repeated])
        docs, scores, met = docs[kept], scores[kept], met[kept]
    return Ranked(docs, scores, met, order, distance, reach, within, text, today)


def _audience(params, text):
    """Return the groups and languages the searcher asks for or reads (ranking lowers the
    services limited to others)."""
    asked = set(text.audience) if text is not None else set()
    for code in (*params.terms.get("population", ()), *params.terms.get("category", ())):
        asked |= FILTER_AUDIENCE.get(code, set())
    asked |= age_groups(params.age)  # an age says which age-limited services are for them
    reads = set(params.languages) | set(params.reads) | (text.languages if text else set())
    asked |= {f"lang-{code}" for code in reads}
    return asked


def limited_elsewhere(facts, docs, asked):
    """Return two bool arrays over `docs`: for groups the search did not ask for; held only
    in languages the searcher does not read (when the search says which they read)."""
    limited = np.zeros(docs.size, bool)
    wanted = np.zeros(docs.size, bool)
    held = np.zeros(docs.size, bool)
    readable = np.zeros(docs.size, bool)
    reads_known = any(a.startswith("lang-") for a in asked)
    for tag, array in facts.tags.items():
        if tag.startswith("limited:"):
            limited |= array[docs]
            if tag[len("limited:"):] in asked:
                wanted |= array[docs]
        elif tag.startswith("held:") and reads_known:
            held |= array[docs]
            if f"lang-{tag[len('held:'):]}" in asked:
                readable |= array[docs]
    return limited & ~wanted, held & ~readable


def served_elsewhere(facts, covered):
    """Return the documents whose service area leaves the place out (`covered`: those whose
    area holds it): an Anaheim office that serves only Anaheim ZIP codes, for someone
    searching from Santa Ana."""
    has_area = facts.memo.get("has-area")
    if has_area is None:
        has_area = np.zeros(facts.size, bool)
        for segment, offset in zip(facts.segments, facts.offsets, strict=True):
            for area_docs in segment.areas.values():
                has_area[area_docs + offset] = True
        facts.memo["has-area"] = has_area
    return has_area & ~covered


def _rank(facts, params, docs, scores, distance, reach, asked=frozenset(), elsewhere=None):
    """Return the order of `docs`: open before temporarily closed, then by the sort."""
    if docs.size == 0:
        return np.zeros(0, np.int64)
    closed = facts.closed[docs]
    dist = distance[docs]
    if params.place is not None and params.sort == "distance":
        # in-person by distance, then services matched by area, each by score
        return np.lexsort((-scores, dist, closed))
    relevance = scores / scores.max() if scores.max() > 0 else scores
    for_others, other_language = limited_elsewhere(facts, docs, asked)
    names = np.arange(docs.size)  # stable: index order (name order after a rebuild)
    if params.place is not None:
        radius = max(params.radius_miles, 1.0)
        if params.place.kind == "city":
            # A city's name says the city, not its centre: within the city's own spread
            # (geo.precision) every service is as near as any other (browsing, the ties
            # decide; with words, relevance).
            dist = np.maximum(dist, within_miles([params.place.latitude],
                                                 [params.place.longitude])[0])
        share = np.where(np.isfinite(dist), np.minimum(dist / radius, 1.0),
                         1.0 - REACH_NEARNESS)
        if not params.text:  # browsing a place: distance alone, penalties in miles
            farther = LIMITED_MILES * (for_others | elsewhere[docs])
            farther = farther + OTHER_LANGUAGE_MILES * other_language
            doors = listings.front_doors(facts)[docs]
            return np.lexsort((names, -facts.breadth()[docs], ~doors,
                               -(1.0 - share - farther / radius), closed))
        nearness = 1.0 - share + LOCAL_BONUS * np.exp(-dist / LOCAL_MILES)
        blended = (1 - NEARNESS_WEIGHT) * relevance + NEARNESS_WEIGHT * nearness
    else:
        blended = relevance
    blended = np.where(for_others, blended * LIMITED_WEIGHT, blended)
    blended = np.where(other_language, blended * OTHER_LANGUAGE_WEIGHT, blended)
    if elsewhere is not None:  # they may live or work there; most who search here do not
        blended = np.where(elsewhere[docs], blended * LIMITED_WEIGHT, blended)
    return best_first(blended, closed)


def best_first(blended, closed):
    """Return the order of `blended` high to low, the closed after the open, and equal ones
    in index order: np.lexsort((-blended, closed)) without its stable sort of floats (0.8 ms
    for 11,000 candidates): an unstable sort, then each run of equal values put back in
    index order by a sort of unique integers."""
    key = -blended
    if np.isnan(key).any():
        return np.lexsort((key, closed))
    order = np.argsort(key)
    values = key[order]
    differs = values[1:] != values[:-1]
    if not differs.all():  # runs of equal values: in index order within each run
        run = np.concatenate(([0], np.cumsum(differs)))
        order = order[np.argsort(run * key.size + order)]
    if closed.any():
        shut = closed[order]
        order = np.concatenate((order[~shut], order[shut]))
    return order
