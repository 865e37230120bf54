"""The search's filters as vector operations over the index's facts: each filter a person
can set (a category, a language, an age, open now, accepting, verified lately...) as a bool
array over the documents, and the result set as their conjunction."""

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
