"""Which words the index holds, remembered per index version: building a text query asks
the index for the document frequency of every form of every word in every text field
(about 190 lookups in Whoosh's on-disk term tables for "counseling", 3 ms at 100,000
services); the answers cannot change until the index does."""

MAX_REMEMBERED = 200_000  # (field, term) pairs: a flood of made-up words cannot grow it


def kept(known, key, compute, most):
    """Return known[key], worked out by compute() and kept the first time: the one home of
    what the search keeps per index version or segment in a dict of at most `most`
    entries, emptied when full, so that a flood of new keys cannot grow it."""
    found = known.get(key)
    if found is None:
        if len(known) >= most:
            known.clear()
        found = known[key] = compute()
    return found


class RememberingSearcher:
    """A Whoosh searcher (and its reader) whose doc_frequency answers are kept in `memo`,
    the index version's memo (FactTable.memo); everything else is the searcher's own."""

    def __init__(self, searcher, memo):
        self._searcher = searcher
        self._known = memo.setdefault("doc frequencies", {})

    def reader(self):
        return self

    def doc_frequency(self, field_name, term):
        return kept(self._known, (field_name, term), lambda: self._searcher.reader()
                    .doc_frequency(field_name, term), MAX_REMEMBERED)

    def __contains__(self, field_and_term):  # ("spell", word) in reader: the reader's own
        return field_and_term in self._searcher.reader()

    def __getattr__(self, name):
        reader = self._searcher.reader()
        return getattr(reader if hasattr(reader, name) else self._searcher, name)


MAX_QUERIES = 2_000  # text queries built: the words people search most are built once


def text_query(build, searcher, memo, text, correct, reads):
    """Return build(searcher, text, correct=, reads=) (textquery.build), kept in the index
    version's `memo`: the same words read the same way get the same query until the index
    changes (its spelling, concepts and word forms depend on nothing else), and a query is
    never changed once built."""
    return kept(memo.setdefault("text queries", {}), (text, correct, tuple(reads)),
                lambda: build(RememberingSearcher(searcher, memo), text, correct=correct,
                              reads=reads), MAX_QUERIES)
