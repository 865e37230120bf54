"""BM25 text scoring as numpy operations over posting lists read once per segment.

Whoosh scores one posting at a time in Python; here each term's postings become two arrays
(document numbers, term frequencies), cached with the segment, and a query's score is a
few vector additions, whatever the number of matching documents. A term found in several
fields of one document counts in full in its best field and OTHER_FIELDS in the others.

A search scores only its candidates (a Scope: the documents near the place and passing
the filters): a posting outside them is dropped before any arithmetic, and every array is
as long as the candidates, not the directory. A word in most of a national directory's
records costs a look-up per posting, and its arithmetic only what the place holds."""

import math

import numpy as np

from .asked import CONCEPT_CODE, QUALIFYING_WORD
from .frequencies import kept

K1, B = 1.2, 0.75
# The organization field joins the names of who runs a service and of each of its places
# (documents._names): its length counts places, not how diluted a match is, so an agency
# with many sites is barely penalised for it (measured 0.0, 0.3 and 0.75; bench/README).
FIELD_B = {"organization": 0.3}
# A service meeting some of the needs a query names scores (met / named) ** COORDINATION of
# its sum: for "text a peer", a peer group that cannot be texted comes after the peer text
# line, however often it says "peer". Past MOST_COORDINATED needs the words describe (an
# intake note) rather than ask, and every one is not expected.
COORDINATION, MOST_COORDINATED = 0.5, 6
# A word found in several fields of one record (its name, its terms and its description
# all say "shelter") counts fully in the field where it scores most and OTHER_FIELDS of its
# score in each other: a record that says the word everywhere is not three times the
# record that says it once in its description (the idea of DisMax's tie breaker). Summed
# in full, a name repeating its description's word outranked the services whose terms and
# description say the whole need (bench/README, issue 28).
OTHER_FIELDS = 0.7
# A word that only qualifies a need's phrase ("social" of "social anxiety": qualifiers.py)
# found without the rest of the phrase or the need counts this share: the service is
# related, found, never ranked on the one word ("Social-Model Detox").
QUALIFIER_ALONE = 0.1
# A concept's code (a category, a payment, a way of delivery) on a service whose words do
# not say the concept counts this share: the category of "replace lost ID" is legal help,
# which the court and the elections office share (asked.codes_said). Measured at 0.3 to 0.75
# on the judged sets (bench/README).
CODES_ALONE = 0.6
ALONE = {QUALIFYING_WORD: QUALIFIER_ALONE, CONCEPT_CODE: CODES_ALONE}
CACHE_TERMS = 20000  # posting lists kept per segment
# Conditions' holders kept per index version (holders), as packed bits: what fits in
# HOLDERS_BYTES (6,400 sets at 100,000 services, 512 at a million), at least 64.
HOLDERS_BYTES, HOLDERS_LEAST = 64 * 2**20, 64
SCOPED_SHARE = 0.5  # candidates up to this share of the index are scored alone (Scope)


class Scope:
    """The documents a search scores: positions 0..size-1 stand for `docs` (sorted global
    document numbers), or for every document of the index when `docs` is None."""

    def __init__(self, total, docs=None):
        self.docs = docs
        self.size = total if docs is None else int(docs.size)
        self._position = None
        if docs is not None:  # global document number -> position, -1 outside
            self._position = np.full(total, -1, np.int32)
            self._position[docs] = np.arange(docs.size, dtype=np.int32)

    def take(self, ids):
        """Return (the positions of the documents of `ids` in scope, a mask of `ids` saying
        which they are; None when all)."""
        if self._position is None:
            return ids, None
        positions = self._position[ids]
        kept = positions >= 0
        return positions[kept], kept

    def positions(self, ids):
        """Return the positions of the documents of `ids` in scope."""
        return self.take(ids)[0]

    @classmethod
    def of(cls, total, candidates):
        """Return the scope for a search's `candidates` (sorted global document numbers):
        theirs, unless they are most of the index (no place, few filters), where looking
        each posting up would cost more than scoring it."""
        return cls(total, candidates if candidates.size <= total * SCOPED_SHARE else None)

    def on(self, values, candidates):
        """Return `values` (over the scope's positions) for the candidates it was made of."""
        return values if self.docs is not None else values[candidates]


def read_postings(reader, field, text):
    """Return (document numbers, frequencies) of a term in one segment, as arrays."""
    if (field, text) not in reader:
        return np.zeros(0, np.int64), np.zeros(0, np.float32)
    matcher = reader.postings(field, text)
    while hasattr(matcher, "child") and not hasattr(matcher, "_read_ids"):
        matcher = matcher.child  # deletions are filtered by the live mask instead
    ids, weights = [], []
    if hasattr(matcher, "_read_ids") and hasattr(matcher, "_next_block"):
        # whole blocks at a time: the codec already decodes them as arrays
        while matcher.is_active():
            matcher._read_ids()
            matcher._read_weights()
            ids.extend(matcher._ids[matcher._i:])
            weights.extend(matcher._weights[matcher._i:])
            matcher._next_block()
    else:
        while matcher.is_active():
            ids.append(matcher.id())
            weights.append(matcher.weight())
            matcher.next()
    return np.asarray(ids, np.int64), np.asarray(weights, np.float32)


def field_lengths(reader, fields):
    """Return {field: array of each document's length in that field} for one segment."""
    n = reader.doc_count_all()
    return {field: np.array([reader.doc_field_length(d, field) or 0 for d in range(n)],
                            np.float32) for field in fields}


def postings(segment, reader, field, text):
    """Return the cached posting arrays of a term in a segment (reading them once)."""
    return kept(segment.postings, (field, text), lambda: read_postings(reader, field, text),
                CACHE_TERMS)


def _leaves(searcher):
    # The leaves FactTable.build kept, in its order: a fresh index has a leaf and no segment.
    return [(leaf.reader(), offset) for leaf, offset in searcher.leaf_searchers()
            if leaf.reader().segment() is not None]


def score(searcher, facts, parts, scope):
    """Return an array of scores over the scope's positions for weighted terms.

    `parts` is [(field, term, weight)]; terms of the `tags` field add their weight flat.
    The same term in several fields of a document counts as OTHER_FIELDS says.
    """
    scores = np.zeros(scope.size, np.float64)
    leaves = _leaves(searcher)
    live = max(int(np.count_nonzero(facts.live)), 1)
    by_term = {}  # term -> [each field's (positions, scores) per segment]
    best = None  # a term's best score per document, made once when a term needs it
    for field, text, weight in parts:
        found = list(_part(facts, leaves, live, field, text, weight, scope))
        if field == "tags":
            for docs, values in found:
                scores[docs] += values
        else:
            by_term.setdefault(text, []).append(found)
    for fields in by_term.values():
        if len(fields) == 1:
            for docs, values in fields[0]:
                scores[docs] += values
            continue
        # in full where it scores most, OTHER_FIELDS in the others: every field's score
        # at OTHER_FIELDS, the best's at the rest. Only the term's postings are touched (no
        # sort, no pass over every document): `scores[touched] +=` adds once per document
        # however often it is listed, and `best` is left at zero for the next term.
        best = best if best is not None else np.zeros(scope.size, np.float64)
        touched = []
        for found in fields:
            for docs, values in found:
                best[docs] = np.maximum(best[docs], values)
                scores[docs] += OTHER_FIELDS * values
                touched.append(docs)
        if not touched:  # in none of the fields: nothing to count
            continue
        touched = np.concatenate(touched)
        scores[touched] += (1 - OTHER_FIELDS) * best[touched]
        best[touched] = 0.0
    return scores


def text_scores(searcher, facts, text, scope):
    """Return the scores of a textquery.TextQuery's terms over the scope's positions: its
    parts, and each conditional part in full where a document meets its condition, else at
    ALONE's share for its kind (a phrase's qualifying word: another word of the phrase or
    its need met, qualifiers.py; a concept's code: a word saying the concept, asked.py)."""
    scores = score(searcher, facts, text.parts, scope)
    for parts, alternatives, kind in text.conditional:
        held = holders(searcher, facts, alternatives, scope)
        scores += np.where(held, 1.0, ALONE[kind]) * score(searcher, facts, parts, scope)
    return scores


def _part(facts, leaves, live, field, text, weight, scope):
    """Yield (positions in scope, their scores) for one weighted term, per segment. Its
    document frequency counts every live document, in scope or not: a score does not
    depend on where the search looks."""
    lists = [(facts.segments[i], postings(facts.segments[i], reader, field, text), offset)
             for i, (reader, offset) in enumerate(leaves)]
    if field == "tags":
        for _, (ids, _), offset in lists:
            positions = scope.positions(ids + offset)
            yield positions, np.full(positions.size, weight)
        return
    df = _live_frequency(facts, lists, field, text)
    if not df:
        return
    idf = math.log(1 + (live - df + 0.5) / (df + 0.5))  # > 0 since df <= live
    average = facts.average_length(field)
    for segment, (ids, tf), offset in lists:
        positions, kept = scope.take(ids + offset)
        if kept is not None:
            ids, tf = ids[kept], tf[kept]
        lengths = segment.lengths[field][ids]
        b = FIELD_B.get(field, B)
        yield positions, weight * idf * tf * (K1 + 1) / (
            tf + K1 * (1 - b + b * lengths / average))


def _live_frequency(facts, lists, field, text):
    """Return how many live documents hold a term, remembered with the index version (its
    live mask is the version's): counting them read the whole posting list each search."""
    return kept(facts.memo.setdefault("live frequencies", {}), (field, text),
                lambda: sum(int(np.count_nonzero(facts.live[ids + offset]))
                            for _, (ids, _), offset in lists), CACHE_TERMS)


def coordination(searcher, facts, needs, scope):
    """Return the factor of each document's score (over the scope's positions) for the
    share of `needs` it meets.

    `needs` is [parts] for each need the words name (textquery.TextQuery.needs); a document
    meets a need when it holds any of its terms.
    """
    if not 1 < len(needs) <= MOST_COORDINATED:
        return np.ones(scope.size)
    leaves = _leaves(searcher)
    met = np.zeros(scope.size, np.float64)
    for need in needs:
        holds = np.zeros(scope.size, bool)
        for field, text, _ in need:
            for i, (reader, offset) in enumerate(leaves):
                ids, _ = postings(facts.segments[i], reader, field, text)
                holds[scope.positions(ids + offset)] = True
        met += holds
    return (met / len(needs)) ** COORDINATION


def holders(searcher, facts, alternatives, scope):
    """Return meets_all(searcher, facts, [alternatives], scope): which documents hold one
    of the alternatives, worked out over the whole index once per index version (as packed
    bits, HOLDERS_BYTES of them at most) and read for the scope. A conditional part's
    condition is the same for every search of the same words; the first search of them
    after an index change pays for the whole index (a few ms at 100,000 services)."""
    key = tuple(tuple(tuple(group) for group in alternative) for alternative in alternatives)
    most = max(HOLDERS_LEAST, HOLDERS_BYTES // max(1, facts.size // 8))
    packed = kept(facts.memo.setdefault("holders", {}), key, lambda: np.packbits(
        meets_all(searcher, facts, [alternatives], Scope(facts.size))), most)
    docs = scope.docs if scope.docs is not None else np.arange(scope.size)
    return ((packed[docs >> 3] >> (7 - (docs & 7))) & 1).astype(bool)


def meets_all(searcher, facts, asked, scope):
    """Return a bool array over the scope's positions: which documents meet every need
    outright (`asked` is textquery.TextQuery.asked; no need: every document)."""
    leaves = _leaves(searcher)
    size = scope.size

    def holds(field, text):
        found = np.zeros(size, bool)
        for i, (reader, offset) in enumerate(leaves):
            ids, _ = postings(facts.segments[i], reader, field, text)
            found[scope.positions(ids + offset)] = True
        return found

    met = np.ones(size, bool)
    for alternatives in asked:
        need = np.zeros(size, bool)
        for groups in alternatives:
            every = np.ones(size, bool)
            for group in groups:
                anyone = np.zeros(size, bool)
                for field, text in group:
                    anyone |= holds(field, text)
                every &= anyone
            need |= every
        met &= need
    return met
