"""Per-document facts as numpy arrays, indexed by Whoosh document number, so filters,
distances and facet counts are vector operations over the candidates. Arrays are built
per segment and kept while the segment lives; only deletions are re-read on a change."""

import json
from dataclasses import dataclass

import numpy as np

from . import listings
from .fields import SCORED_FIELDS
from .scoring import field_lengths

# Tags kept as one bool array each (they are filtered and counted as facets); others
# (organization ids, taxonomy term ids: thousands of them) as lists of document numbers.
DENSE_PREFIXES = ("category:", "delivery:", "payment:", "population:", "accessibility:",
                  "lang:", "limited:", "held:", "first:")


@dataclass
class SegmentFacts:
    """The facts of one segment's documents (local document numbers)."""

    ids: list
    tags: dict  # facet tag -> bool array
    sparse: dict  # other tag -> array of document numbers
    areas: dict  # area extent -> array of document numbers
    point_doc: np.ndarray
    point_lat: np.ndarray
    point_lng: np.ndarray
    reaches: np.ndarray
    min_age: np.ndarray
    max_age: np.ndarray
    assured: np.ndarray
    closed: np.ndarray
    available: np.ndarray  # -1 when no capacity is recorded
    schedules: dict  # schedule signature (directory.schedules) -> array of document numbers
    area_names: list
    modified: np.ndarray
    listing: np.ndarray  # ServiceFacts.listing_key as a number (documents.listing_number)
    lengths: dict = None  # text field -> each document's length (for BM25)
    postings: dict = None  # (field, term) -> (document numbers, frequencies)
    organizations: tuple = None  # listings._organizations' part of this segment

    @classmethod
    def read(cls, reader):
        segment = cls._read(reader)
        segment.lengths = field_lengths(reader, SCORED_FIELDS)
        segment.postings = {}
        return segment

    @classmethod
    def _read(cls, reader):
        n = reader.doc_count_all()
        ids = [None] * n
        tags, areas, sparse = {}, {}, {}
        p_doc, p_lat, p_lng, names = [], [], [], [None] * n
        reaches = np.zeros(n, bool)
        min_age = np.full(n, np.nan)
        max_age = np.full(n, np.nan)
        assured = np.full(n, -1, np.int64)
        closed = np.zeros(n, bool)
        available = np.full(n, -1, np.int64)
        schedules = {}
        modified = np.full(n, -np.inf)
        listing = np.zeros(n, np.int64)  # 0: no key (an index from before: reindex)
        for docnum, stored in reader.iter_docs():
            ids[docnum] = stored["id"]
            facts = json.loads(stored["facts"])
            for tag in facts["tags"]:
                if tag.startswith(DENSE_PREFIXES):
                    tags.setdefault(tag, np.zeros(n, bool))[docnum] = True
                else:
                    sparse.setdefault(tag, []).append(docnum)
            for area in facts["areas"]:
                areas.setdefault(area, []).append(docnum)
            for lat, lng in facts["points"]:
                p_doc.append(docnum)
                p_lat.append(lat)
                p_lng.append(lng)
            reaches[docnum] = facts["reaches"]
            names[docnum] = facts.get("area_names") or []
            if facts["min_age"] is not None:
                min_age[docnum] = facts["min_age"]
            if facts["max_age"] is not None:
                max_age[docnum] = facts["max_age"]
            if facts["assured"] is not None:
                assured[docnum] = facts["assured"]
            closed[docnum] = facts["closed"]
            if facts.get("modified") is not None:
                modified[docnum] = facts["modified"]
            listing[docnum] = facts.get("listing") or 0
            if facts["available"] is not None:
                available[docnum] = facts["available"]
            if isinstance(facts.get("schedule"), str):  # (an index from before: reindex)
                schedules.setdefault(facts["schedule"], []).append(docnum)
        sparse = {tag: np.array(docs, np.int64) for tag, docs in sparse.items()}
        areas = {area: np.array(docs, np.int64) for area, docs in areas.items()}
        schedules = {text: np.array(docs, np.int64) for text, docs in schedules.items()}
        return cls(ids, tags, sparse, areas, np.array(p_doc, np.int64), np.array(p_lat, float),
                   np.array(p_lng, float), reaches, min_age, max_age, assured,
                   closed, available, schedules, names, modified, listing)


class FactTable:
    """Facts of every document of a searcher, in global document numbers."""

    def __init__(self, segments, offsets, live, total):
        self.segments = segments
        self.offsets = offsets
        self.size = total
        self.live = live
        self._averages = {}
        self._tag_counts = {}
        self.memo = {}  # what callers derived from this index version (search.remember)
        self.ids = [None] * total
        for seg, offset in zip(segments, offsets, strict=True):
            self.ids[offset:offset + len(seg.ids)] = seg.ids
        self._concat()

    def _cat(self, name, dtype=None):
        parts = [getattr(s, name) for s in self.segments]
        if not parts:
            return np.zeros(0, dtype or bool)
        return np.concatenate(parts)

    def _concat(self):
        segs, offs = self.segments, self.offsets
        self.reaches = self._cat("reaches")
        self.min_age = self._cat("min_age", float)
        self.max_age = self._cat("max_age", float)
        self.assured = self._cat("assured", np.int64)
        self.closed = self._cat("closed")
        self.available = self._cat("available", np.int64)
        self.modified = self._cat("modified", float)
        self.listing = self._cat("listing", np.int64)
        # In document order (each segment's read in order, the segments by offset): placing
        # a search relies on it (placing._per_document).
        self.point_doc = (np.concatenate([s.point_doc + o for s, o in zip(segs, offs)])
                          if segs else np.zeros(0, np.int64))
        self.point_lat = self._cat("point_lat", float)
        self.point_lng = self._cat("point_lng", float)
        self.tags = self._merge_masks("tags")
        self.area_names = [name for s in segs for name in s.area_names]
        schedules = {}
        for seg, offset in zip(segs, offs, strict=True):
            for text, docs in seg.schedules.items():
                schedules.setdefault(text, []).append(docs + offset)
        self.schedules = {text: np.concatenate(parts) for text, parts in schedules.items()}

    def _merge_masks(self, name):
        keys = {k for s in self.segments for k in getattr(s, name)}
        merged = {}
        for key in sorted(keys):  # one order in every process: facets' ties read alike
            merged[key] = np.concatenate([
                getattr(s, name).get(key, np.zeros(len(s.ids), bool)) for s in self.segments
            ])
        return merged

    def average_length(self, field):
        """Return the mean length of `field` over the live documents that have it (>= 1).

        Over those that have it: most records have no Spanish text, and an average over all
        of them would make every Spanish text look long.
        """
        if field not in self._averages:
            total, having = 0.0, 0
            for s, o in zip(self.segments, self.offsets, strict=True):
                lengths = s.lengths[field][self.live[o:o + len(s.ids)]]
                total += float(lengths.sum())
                having += int(np.count_nonzero(lengths))
            self._averages[field] = max(total / max(having, 1), 1.0)
        return self._averages[field]

    def tag_counts(self, group):
        """Return {value: live documents tagged `group:value`} for a facet group (a service
        listed twice counted once: listings.py); counted once per fact table, which
        lives as long as the index version it was read from."""
        counts = self._tag_counts.get(group)
        if counts is None:
            prefix = f"{group}:"
            counts = {tag[len(prefix):]: listings.count_once(self, array)
                      for tag, array in self.tags.items() if tag.startswith(prefix)}
            self._tag_counts[group] = counts
        return counts

    def breadth(self):
        """Return each document's number of the directory's categories: how many kinds of
        need it helps with (once per index version)."""
        if "breadth" not in self.memo:
            found = np.zeros(self.size, np.int32)
            for tag, array in self.tags.items():
                if tag.startswith("category:"):
                    found += array
            self.memo["breadth"] = found
        return self.memo["breadth"]

    def tag(self, name):
        """Return the bool array of documents carrying `name` (all False if none do)."""
        found = self.tags.get(name)
        if found is not None:
            return found
        return self._sparse_mask("sparse", [name])

    def tagged(self, names):
        """Return the bool array of documents carrying any of the sparse tags `names` (a
        route's tag, say: services near the route)."""
        return self._sparse_mask("sparse", names)

    def covering(self, area_keys):
        """Return the bool array of documents whose service area is one of `area_keys`."""
        return self._sparse_mask("areas", area_keys)

    def _sparse_mask(self, kind, keys):
        mask = np.zeros(self.size, bool)
        for seg, offset in zip(self.segments, self.offsets, strict=True):
            for key in keys:
                docs = getattr(seg, kind).get(key)
                if docs is not None:
                    mask[docs + offset] = True
        return mask

    @classmethod
    def build(cls, searcher, previous=None):
        """Return the facts of `searcher`, reusing segments `previous` already read."""
        cache = previous.by_segment if previous is not None else {}
        segments, offsets, live_parts, by_segment = [], [], [], {}
        for leaf, offset in searcher.leaf_searchers():
            reader = leaf.reader()
            if reader.segment() is None:
                continue  # an index with no segment yet (nothing was ever written)
            key = reader.segment().segment_id()
            seg = cache.get(key) or SegmentFacts.read(reader)
            by_segment[key] = seg
            segments.append(seg)
            offsets.append(offset)
            live = np.ones(reader.doc_count_all(), bool)
            if reader.has_deletions():
                live[:] = False
                live[list(reader.all_doc_ids())] = True
            live &= np.array([i is not None for i in seg.ids], bool) if seg.ids else live
            live_parts.append(live)
        total = sum(len(s.ids) for s in segments)
        live = np.concatenate(live_parts) if live_parts else np.zeros(0, bool)
        if (previous is not None and len(previous.segments) == len(segments)
                and all(a is b for a, b in zip(previous.segments, segments, strict=True))
                and previous.offsets == offsets and np.array_equal(previous.live, live)):
            # Nothing changed (a worker reopening what its preloading master read): keep
            # the very arrays, which the processes then share.
            return previous
        table = cls(segments, offsets, live, total)
        table.by_segment = by_segment
        return table
