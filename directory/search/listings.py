"""A directory's listings, as a reader counts them: the one home of "a service listed twice
is one service" (ServiceFacts.listing_key, numbered by documents.listing_number) and of
"an agency's own listing" (the front door of an organization that runs several), over a
FactTable's arrays, worked out once per index version (FactTable.memo).

A 2-1-1 export lists some services twice: the same name, organization and building, each
listing with part of the record's words or categories. Every list the public and staff
read (search results, a category, an organization's page, intake matching) shows such a
service once, at the first place it earns in that list, and counts it once."""

import numpy as np

from .documents import AGENCY_TAG


def _twins(facts):
    """Return {document number: listing number} of the live documents whose listing
    number another live document shares (small: most directories have none)."""
    if "twins" not in facts.memo:
        numbers = facts.listing[facts.live & (facts.listing != 0)]
        shared, counts = np.unique(numbers, return_counts=True)
        shared = shared[counts > 1]
        docs = np.flatnonzero(facts.live & np.isin(facts.listing, shared)) \
            if shared.size else np.zeros(0, np.int64)
        facts.memo["twins"] = dict(zip(docs.tolist(), facts.listing[docs].tolist(),
                                       strict=True))
    return facts.memo["twins"]


def repeated(facts, docs):
    """Return a bool array over `docs` (in the list's order): True where the same service
    was listed before in it, so that it takes one place, the first it earns."""
    if not _twins(facts):
        return np.zeros(docs.size, bool)
    numbers = facts.listing[docs]
    first = np.zeros(docs.size, bool)
    first[np.unique(numbers, return_index=True)[1]] = True
    return ~first & (numbers != 0)


def first_listings(facts, ids):
    """Return `ids` (service ids, in a list's order) without a service's second listing
    in them; ids the index does not hold are kept."""
    twins = _twins(facts)
    if not twins:
        return list(ids)
    by_id = facts.memo.get("twin ids")
    if by_id is None:
        by_id = facts.memo["twin ids"] = {facts.ids[d]: n for d, n in twins.items()}
    seen, kept = set(), []
    for service_id in ids:
        number = by_id.get(service_id)
        if number is None or number not in seen:
            kept.append(service_id)
            seen.add(number)
    return kept


def count_once(facts, array):
    """Return how many live documents `array` (bool, over every document) holds, a
    service listed twice counted once."""
    total = int(np.count_nonzero(array & facts.live))
    twins = _twins(facts)
    if twins:
        docs = np.fromiter(twins, np.int64, len(twins))
        held = docs[array[docs]]
        total -= held.size - np.unique(facts.listing[held]).size
    return total


def front_doors(facts):
    """Return the bool array of agencies' own listings (a service named as its
    organization) of organizations that run several services (one listed twice counts
    once); in array operations."""
    if "front doors" not in facts.memo:
        agency = facts.tag(AGENCY_TAG) & facts.live
        several = np.zeros(facts.size, bool)
        if agency.any():
            docs, owners = _organizations(facts)
            alive = facts.live[docs]
            docs, owners = docs[alive], owners[alive]
            numbers = facts.listing[docs]  # a service listed twice is one
            numbers = np.where(numbers != 0, numbers, -1 - docs)  # no key: its own
            order = np.lexsort((numbers, owners))
            owner, number = owners[order], numbers[order]
            first = np.r_[True, (owner[1:] != owner[:-1]) | (number[1:] != number[:-1])]
            several[docs] = np.bincount(owner[first])[owners] >= 2
        facts.memo["front doors"] = several & agency
    return facts.memo["front doors"]


def _organizations(facts):
    """Return (document numbers, organization numbers), numbered across segments (an
    organization's services may lie in several); a segment's part is made once."""
    numbered, docs, owners = {}, [], []
    for seg, offset in zip(facts.segments, facts.offsets, strict=True):
        if seg.organizations is None:
            names = [tag for tag in seg.sparse if tag.startswith("org:")]
            arrays = [seg.sparse[n] for n in names] or [np.zeros(0, np.int64)]
            seg.organizations = (names, np.array([a.size for a in arrays[:len(names)]],
                                                 np.int64), np.concatenate(arrays))
        names, sizes, local = seg.organizations
        docs.append(local + offset)
        owners.append(np.repeat(np.array([numbered.setdefault(n, len(numbered))
                                          for n in names], np.int64), sizes))
    return np.concatenate(docs), np.concatenate(owners)
