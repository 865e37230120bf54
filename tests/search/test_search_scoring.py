"""Our numpy BM25 (directory.search.scoring) against Whoosh's own BM25F on one fixed set of
services in a real index: the same documents, in the same order, with scores in the same
proportions. The two differ in one formula only, the idf (Whoosh: log(N / (df + 1)) + 1;
ours, Lucene's: log(1 + (N - df + 0.5) / (df + 0.5))): a constant per term, so a one-term
query ranks alike by Whoosh's BM25F as it is, and a query of several terms ranks alike by
Whoosh's BM25F given our idf."""

import math

import pytest
from sqlalchemy import select
from whoosh.query import Or, Term
from whoosh.scoring import BM25F
from whoosh.searching import Searcher

from directory import models as m
from directory import search
from directory.extensions import db
from directory.search import scoring
from tests.helpers import builders

pytestmark = pytest.mark.index_answers  # once, on SQLite (conftest.py)

DESCRIPTIONS = {
    "Harbor House": "Counseling. Counseling for families, counseling for anyone in recovery.",
    "Open Door": "Counseling and therapy.",
    "Valley Clinic": "Psychiatry appointments, medication management and counseling for adults "
                     "and older adults who live in the valley and its towns.",
    "Calm Line": "Therapy by video from your own home, evenings and weekends.",
    "Hope Pantry": "Weekly groceries for families, and a counseling referral now and then.",
    "Mercy Wheels": "Rides to medical visits, therapy and counseling appointments.",
    "Little Steps": "Childcare while parents attend therapy or group sessions.",
}
ONE_TERM = [("body", "counsel"), ("body", "therapi"), ("body", "famili"),
            ("body", "appoint")]
SEVERAL = [[("body", "counsel"), ("body", "therapi")],
           [("body", "famili"), ("body", "counsel"), ("body", "group")],
           [("body", "adult"), ("body", "therapi"), ("organization", "organ")],
           [("body", "zebra"), ("body", "counsel"), ("body", "psychiatri")]]


class BM25FWithOurIdf(BM25F):
    """Whoosh's BM25F (its k1, b, lengths and sums) with the idf formula ours uses."""

    def idf(self, searcher, fieldname, text):
        parent = searcher.get_parent()
        n, df = parent.doc_count_all(), parent.doc_frequency(fieldname, text)
        return math.log(1 + (n - df + 0.5) / (df + 0.5))


@pytest.fixture
def index(app):
    for name, description in DESCRIPTIONS.items():
        builders.service(name, description=description)
    searcher, facts = search.store().snapshot()
    return searcher, facts


def whoosh_scores(searcher, parts, weighting=None):
    """Return {document number: score} by Whoosh's BM25F for an OR of the terms."""
    own = Searcher(searcher.reader(), weighting=weighting or BM25F(), closereader=False)
    query = Or([Term(field, text) for field, text, in parts])
    return {hit.docnum: hit.score for hit in own.search(query, limit=None)}


def our_scores(searcher, facts, parts):
    everything = scoring.Scope(facts.size)
    scores = scoring.score(searcher, facts, [(f, t, 1.0) for f, t in parts], everything)
    return {int(d): float(scores[d]) for d in scores.nonzero()[0]}


def ranking(scores):
    return sorted(scores, key=lambda d: (-round(scores[d], 9), d))


@pytest.mark.parametrize("part", ONE_TERM, ids=lambda p: p[1])
def test_one_term_ranks_as_whooshs_bm25f(index, part):
    searcher, facts = index
    theirs, ours = whoosh_scores(searcher, [part]), our_scores(searcher, facts, [part])
    assert len(theirs) >= 2
    assert ranking(ours) == ranking(theirs)


@pytest.mark.parametrize("parts", SEVERAL, ids=lambda p: "+".join(t for _, t in p))
def test_several_terms_rank_as_whooshs_bm25f_with_our_idf(index, parts):
    searcher, facts = index
    theirs = whoosh_scores(searcher, parts, BM25FWithOurIdf())
    ours = our_scores(searcher, facts, parts)
    assert len(theirs) >= 3
    assert ranking(ours) == ranking(theirs)
    assert [ours[d] for d in ranking(ours)] == pytest.approx(
        [theirs[d] for d in ranking(theirs)], rel=1e-5)


@pytest.mark.parametrize("field,text", ONE_TERM)
def test_one_terms_scores_are_whooshs_times_one_constant(index, field, text):
    """Term frequency and length normalisation (k1, b, the average length) are Whoosh's."""
    searcher, facts = index
    theirs, ours = whoosh_scores(searcher, [(field, text)]), our_scores(
        searcher, facts, [(field, text)])
    assert set(ours) == set(theirs) and len({round(s, 9) for s in ours.values()}) >= 2
    ratios = [ours[d] / theirs[d] for d in theirs]
    assert max(ratios) == pytest.approx(min(ratios), rel=1e-5)


def test_a_rarer_term_weighs_more(index):
    searcher, facts = index
    common = our_scores(searcher, facts, [("body", "counsel")])  # in five of seven
    rare = our_scores(searcher, facts, [("body", "psychiatri")])  # in one
    (only,) = rare
    assert rare[only] > max(common.values())


def test_tags_add_their_weight_flat(index):
    searcher, facts = index
    scores = our_scores(searcher, facts, [("body", "famili")])
    everything = scoring.Scope(facts.size)
    tagged = scoring.score(searcher, facts, [("tags", "lang:en", 3.0)], everything)
    assert set(tagged[facts.live].tolist()) == {3.0} and len(scores) == 2
    twice = scoring.score(searcher, facts, [("tags", "lang:en", 3.0), ("tags", "lang:en", 2.0)],
                          everything)
    assert set(twice[facts.live].tolist()) == {5.0}


def test_a_term_in_several_fields_counts_in_full_in_its_best_and_partly_in_the_others(index):
    builders.service("Counseling Corner", description="Counseling on weekdays.")
    searcher, facts = search.store().snapshot()
    everything = scoring.Scope(facts.size)
    name, body = (scoring.score(searcher, facts, [(field, "counsel", 1.0)], everything)
                  for field in ("name", "body"))
    both = scoring.score(searcher, facts, [("name", "counsel", 1.0), ("body", "counsel", 1.0)],
                         everything)
    (corner,) = name.nonzero()[0]
    best, other = max(name[corner], body[corner]), min(name[corner], body[corner])
    assert other > 0 and both[corner] == pytest.approx(best + scoring.OTHER_FIELDS * other)
    assert both[corner] < name[corner] + body[corner]
    only_body = (body > 0) & (name == 0)  # one field: its score as it is
    assert only_body.sum() >= 4 and both[only_body] == pytest.approx(body[only_body])


def test_a_terms_live_frequency_is_remembered_until_the_index_changes(index):
    searcher, facts = index

    def holding(facts):  # live documents holding "therapy" in their description
        scores = our_scores(searcher, facts, [("body", "therapi")])
        return {d: s for d, s in scores.items() if facts.live[d]}

    before = holding(facts)
    assert facts.memo["live frequencies"][("body", "therapi")] == len(before) == 4
    gone = db.session.scalars(select(m.Service).where(m.Service.name == "Calm Line")).one()
    db.session.delete(gone)
    db.session.commit()
    searcher, facts = search.store().snapshot()
    after = holding(facts)
    assert facts.memo["live frequencies"][("body", "therapi")] == len(after) == 3
    common = set(after) & set(before)  # a rarer word weighs more in the documents left
    assert common and all(after[d] > before[d] for d in common)


def test_an_organizations_many_places_barely_lower_a_match_in_it(app):
    """The organization field holds who runs a service and each of its places' names, so
    its length normalisation is scoring.FIELD_B's (Whoosh's BM25F with that field's b)."""
    for sites in (1, 2, 6):
        org = m.Organization(name=f"Harbor Alliance {sites}", description="An agency.")
        service = builders.service(f"Program {sites}", org=org, commit=False)
        for n in range(sites):
            service.service_at_locations.append(m.ServiceAtLocation(location=m.Location(
                location_type="physical", name=f"Harbor Annex Number {n} West Wing",
                organization=org, latitude=33.6, longitude=-117.7)))
    db.session.commit()
    searcher, facts = search.store().snapshot()
    part = ("organization", "harbor")
    weighting = BM25FWithOurIdf(organization_B=scoring.FIELD_B["organization"])
    theirs, ours = whoosh_scores(searcher, [part], weighting), our_scores(searcher, facts, [part])
    assert len(ours) == 3 and len({round(s, 6) for s in ours.values()}) == 3
    assert [ours[d] for d in ranking(ours)] == pytest.approx(
        [theirs[d] for d in ranking(theirs)], rel=1e-5)
    plain = whoosh_scores(searcher, [part], BM25FWithOurIdf())
    assert [ours[d] for d in ranking(ours)] != pytest.approx(
        [plain[d] for d in ranking(plain)], rel=1e-5)
