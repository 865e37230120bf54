"""The order a search ranks its candidates in (engine.best_first) is np.lexsort's: best
first, the closed after the open, equal scores in index order (the names' order after a
rebuild), whatever ties, closings and sizes come."""

import numpy as np
from hypothesis import given, settings
from hypothesis import strategies as st

from directory.search.engine import best_first

SCORES = st.lists(st.tuples(st.sampled_from([0.0, 0.25, 0.5, 1 / 3, 0.7, 1.0, 2 / 3]),
                            st.booleans(), st.floats(0, 1)), max_size=60)


@settings(max_examples=300, deadline=None)
@given(SCORES, st.booleans(), st.booleans())
def test_best_first_is_lexsorts_order(rows, distinct, with_nan):
    blended = np.array([fine if distinct else coarse for coarse, _shut, fine in rows], float)
    closed = np.array([shut for _coarse, shut, _fine in rows], bool)
    if with_nan and blended.size:
        blended[0] = np.nan
    expected = np.lexsort((np.arange(blended.size), -blended, closed))
    assert best_first(blended, closed).tolist() == expected.tolist()


def test_many_ties_over_thousands_of_candidates():
    rng = np.random.default_rng(7)
    blended = rng.integers(0, 40, 12_000) / 40  # most values shared by hundreds
    closed = rng.random(12_000) < 0.03
    assert (best_first(blended, closed) == np.lexsort((-blended, closed))).all()
