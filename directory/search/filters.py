"""The search's filters as vector operations over the index's facts: each filter a person
can set (a category, a language, an age, open now, accepting, verified lately...) as a bool
array over the documents, the result set as their conjunction, and the facet counts: how
many of the results each filter would keep."""

from datetime import UTC

import numpy as np

from ..schedules import open_signature
from .documents import NO_CALL_TAG


def open_now_mask(facts, moment, zone):
    """Return the documents open at `moment`: the schedule engine asked once for each
    distinct schedule (most services share a few), as the service page asks it."""
    mask = np.zeros(facts.size, bool)
    for text, docs in facts.schedules.items():
        if open_signature(text, moment, zone):
            mask[docs] = True
    return mask


def accepting(facts):
    return (facts.available > 0) | ((facts.available < 0) & ~facts.closed)


def verified_within(facts, months, today):
    return facts.assured >= today.toordinal() - int(months * 30.44)


def any_tag(facts, tags):
    """Return the bool array of documents carrying at least one of `tags`."""
    found = np.zeros(facts.size, bool)
    for tag in tags:
        found |= facts.tag(tag)
    return found


def filter_mask(facts, params, now, zone, today, modified=None):
    """Return the bool array of documents that pass every filter in `params`."""
    mask = facts.live.copy()
    for group, codes in params.terms.items():
        if codes:
            mask &= any_tag(facts, [f"{group}:{code}" for code in codes])
    if params.languages:
        mask &= any_tag(facts, [f"lang:{code}" for code in params.languages])
    if params.age is not None:
        mask &= (np.isnan(facts.min_age) | (facts.min_age <= params.age))
        mask &= (np.isnan(facts.max_age) | (facts.max_age >= params.age))
    if params.wheelchair:
        mask &= facts.tag("accessibility:wheelchair-access")
    if params.open_now:
        mask &= open_now_mask(facts, now, zone)
    if params.accepting:
        mask &= accepting(facts)
    if params.no_call:
        mask &= facts.tag(NO_CALL_TAG)
    if params.transit:  # no routes (no place, or no feed covers it): nothing is reachable
        mask &= facts.tagged(params.transit_routes or ())
    if params.verified_within_months:
        mask &= verified_within(facts, params.verified_within_months, today)
    if params.organization_id:
        mask &= facts.tag(f"org:{params.organization_id}")
    if params.taxonomy_term_ids:
        mask &= any_tag(facts, [f"term:{term_id}" for term_id in params.taxonomy_term_ids])
    if params.modified_after is not None:
        mask &= facts.modified >= params.modified_after.replace(tzinfo=UTC).timestamp()
    return mask


FACET_GROUPS = ("category", "delivery", "payment", "population", "accessibility")


def facet_counts(facts, docs, now, zone, today):
    """Return {facet: {value: count}} over the documents `docs`."""
    counts = {group: {} for group in FACET_GROUPS}
    counts["language"] = {}
    if docs.size:
        for tag, array in facts.tags.items():
            group, _, value = tag.partition(":")
            if group in counts or group == "lang":
                n = int(np.count_nonzero(array[docs]))
                if n:
                    counts["language" if group == "lang" else group][value] = n
    counts["open_now"] = int(np.count_nonzero(open_now_mask(facts, now, zone)[docs]))
    counts["accepting"] = int(np.count_nonzero(accepting(facts)[docs]))
    counts["wheelchair"] = counts["accessibility"].get("wheelchair-access", 0)
    counts["no_call"] = int(np.count_nonzero(facts.tag(NO_CALL_TAG)[docs]))
    counts["verified_within_months"] = {
        str(m): int(np.count_nonzero(verified_within(facts, m, today)[docs]))
        for m in (3, 6, 12)
    }
    return counts
