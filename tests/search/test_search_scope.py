"""A search scores only its candidates (scoring.Scope): the documents near the place and
passing the filters. Every score, coordination and "meets what was asked" over a scope is
the whole index's for those documents, and a search answers the same whether it scores
its candidates alone or the whole index."""

import numpy as np
import pytest
from werkzeug.datastructures import MultiDict

from directory import locate, search
from directory.search import scoring
from directory.search.frequencies import RememberingSearcher
from directory.search.textquery import build as build_text_query
from tests.helpers import builders

pytestmark = pytest.mark.index_answers  # once, on SQLite (conftest.py)

# Several needs (coordination), a phrase with a qualifying word (conditional), a misspelling,
# Spanish, and one word in most records.
QUERIES = ["ride to therapy", "social anxiety", "grop therapy", "ayuda con la renta",
           "counseling", "peer support for veterans in spanish"]
SEARCHES = [{"search": q, "near": near, "radius": radius}
            for q in QUERIES for near, radius in (("92630", 5), ("92701", 10))]
SEARCHES += [{"search": "group therapy", "near": "92630", "radius": 25, "open_now": "1"},
             {"search": "detox", "near": "Irvine, CA", "radius": 15, "sort": "distance"},
             {"search": "counseling", "near": "92701", "radius": 10, "page": 2, "per_page": 5}]


def _text(searcher, facts, words):
    return build_text_query(RememberingSearcher(searcher, facts.memo), words)


@pytest.mark.parametrize("words", QUERIES)
def test_a_scope_scores_its_documents_as_the_whole_index_does(seeded_app, words):
    with seeded_app.app_context():
        searcher, facts = search.store().snapshot()
        text = _text(searcher, facts, words)
        live = np.flatnonzero(facts.live)
        chosen = np.sort(np.random.default_rng(7).choice(live, live.size // 3, replace=False))
        whole, part = scoring.Scope(facts.size), scoring.Scope(facts.size, chosen)
        assert part.size == chosen.size < whole.size
        for measure, terms in ((scoring.coordination, text.needs),
                               (scoring.meets_all, text.asked)):
            assert (measure(searcher, facts, terms, part)
                    == measure(searcher, facts, terms, whole)[chosen]).all()
        _same_holders(searcher, facts, text, (whole, part))
        everywhere = scoring.text_scores(searcher, facts, text, whole)
        scoped = scoring.text_scores(searcher, facts, text, part)
        assert scoped == pytest.approx(everywhere[chosen], rel=1e-12)
        assert np.count_nonzero(scoped) > 0 and np.count_nonzero(everywhere) > np.count_nonzero(
            scoped)  # the scope leaves some scored documents out


def _same_holders(searcher, facts, text, scopes):
    """The holders of each conditional part, kept per index version, are what meets_all
    works out for the scope, read once and again."""
    assert text.conditional
    for _, alternatives, _ in text.conditional:
        for scope in scopes:
            for _ in range(2):
                assert (scoring.holders(searcher, facts, alternatives, scope)
                        == scoring.meets_all(searcher, facts, [alternatives], scope)).all()


def _compare(searcher, facts, words, chosen):
    text = _text(searcher, facts, words)
    whole, part = scoring.Scope(facts.size), scoring.Scope(facts.size, chosen)
    _same_holders(searcher, facts, text, (whole, part))
    for measure, terms in ((scoring.coordination, text.needs),
                           (scoring.meets_all, text.asked)):
        assert (measure(searcher, facts, terms, part)
                == measure(searcher, facts, terms, whole)[chosen]).all()
    scoped = scoring.text_scores(searcher, facts, text, part)
    assert scoped == pytest.approx(scoring.text_scores(searcher, facts, text, whole)[chosen],
                                   rel=1e-12)
    return scoped


def test_a_scope_over_several_segments_and_a_deletion_scores_as_the_whole_index(app):
    """Each commit writes a segment of its own (document numbers offset by the segments
    before it), and a deleted service leaves its postings until a merge."""
    made = [builders.service(f"Harbor {n}", description=f"Counseling and therapy for "
                             f"families{' and harpsichord' if n % 3 else ''}, group {n}.")
            for n in range(8)]
    from directory.extensions import db
    db.session.delete(made[2])
    db.session.commit()
    searcher, facts = search.store().snapshot()
    assert len(set(facts.offsets)) > 1 and not facts.live.all()
    live = np.flatnonzero(facts.live)
    for chosen in (live[1::2], live[::3], live[-2:]):
        scoped = _compare(searcher, facts, "family therapy with a harpsichord", chosen)
        assert np.count_nonzero(scoped) == chosen.size
    # and both are right: the services that mention it are the ones that meet "harpsichord"
    met = scoring.meets_all(searcher, facts, _text(searcher, facts, "harpsichord").asked,
                            scoring.Scope(facts.size, live))
    assert {facts.ids[d] for d in live[met]} == {
        service.id for n, service in enumerate(made) if n % 3 and n != 2}


def _answer(args):
    params, errors = search.parse(MultiDict({k: str(v) for k, v in args.items()}))
    assert not errors, errors
    params.place = locate.resolve(params.near, params.lat, params.lng)
    result = search.search(params)
    return ([(h.service_id, round(h.score, 9), h.distance_miles, h.related)
             for h in result.hits], result.total, result.matched, result.facets)


@pytest.mark.parametrize("args", SEARCHES, ids=lambda a: f"{a['search']}@{a['near']}")
def test_a_search_answers_the_same_scoring_its_candidates_or_everything(
        seeded_app, monkeypatch, args):
    with seeded_app.app_context():
        monkeypatch.setattr(scoring, "SCOPED_SHARE", 0.0)  # the whole index, always
        everything = _answer(args)
        monkeypatch.setattr(scoring, "SCOPED_SHARE", 1.0)  # the candidates, always
        candidates = _answer(args)
    assert everything[1] > 0 and candidates == everything


def test_only_a_search_of_a_few_candidates_is_scoped(seeded_app):
    with seeded_app.app_context():
        facts = search.store().snapshot()[1]
        live = np.flatnonzero(facts.live)
        assert scoring.Scope.of(facts.size, live[:3]).docs is not None
        assert scoring.Scope.of(facts.size, live).docs is None  # no place: all of them
        assert scoring.Scope.of(facts.size, live).on(np.arange(facts.size), live[:3]).tolist() \
            == live[:3].tolist()
