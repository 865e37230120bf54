"""Judged relevance over the sample directory: the public search (English and Spanish)
and intake matching scored against tests/relevance/, judgments written by reading the
records before any tuning; the Vietnamese/English pairs; and, when San Francisco 2-1-1's
export is beside the checkout (../shared/realdata), the real-data groups in English, Spanish
and Vietnamese. The floors are the figures the product reaches (bench/README.md records
them and the mutations that break them); a change that lowers one fails here."""

import json
from pathlib import Path

import pytest

from bench import relevance, sf211
from directory.search import concepts

pytestmark = pytest.mark.index_answers  # once, on SQLite (conftest.py)

FLOORS, PAIR_OVERLAP = relevance.FLOORS, relevance.PAIR_OVERLAP


@pytest.fixture(scope="module")
def scored(seeded_app):
    with seeded_app.test_request_context():
        return relevance.evaluate()


def test_the_judged_set_is_large_enough_and_names_real_services(seeded_app):
    cases = relevance.load("search_cases.json")
    profiles = relevance.load("profiles.json")
    pairs = relevance.load("pairs.json")
    assert len(cases) >= 80 and sum(c["group"] == "search-es" for c in cases) >= 30
    assert len(profiles) >= 30 and len(pairs) >= 25
    directory = json.loads(Path("seeds/directory.json").read_text(encoding="utf-8"))
    ids = {s["id"] for org in directory for s in org["services"]}
    for case in cases + profiles:
        assert any(j["grade"] == 2 for j in case["judgments"]), case["id"]
        for judged in case["judgments"] + case.get("must_not_top5", []):
            assert judged["service"] in ids, (case["id"], judged)


@pytest.mark.parametrize("group", sorted(FLOORS))
def test_each_group_keeps_its_ndcg_floor(scored, group):
    figures = relevance.summary(scored)[group]
    assert figures["ndcg@5"] >= FLOORS[group], figures


@pytest.mark.parametrize("group", sorted(relevance.MOST_MISSES))
def test_no_group_has_more_cases_missing_a_grade_2_service_than_it_had(scored, group):
    missed = [c.case["id"] for c in scored[group] if c.missing or c.forbidden]
    assert len(missed) <= relevance.MOST_MISSES[group], missed


def test_no_profile_sees_a_service_it_must_not_in_its_top_5(scored, seeded_app):
    with seeded_app.app_context():
        seen = {c.case["id"]: [relevance.catalogue.get_service(s).name for s in c.forbidden]
                for c in scored["matching"] if c.forbidden}
    assert not seen


def test_spanish_queries_reach_the_services_of_their_english_pair(seeded_app):
    with seeded_app.test_request_context():
        bilingual = relevance.pair_overlaps()
        one_language = [relevance.pair_overlaps((code,)) for code in ("en", "es")]
    mean = relevance.mean_overlap(bilingual)
    assert mean >= PAIR_OVERLAP - 1e-9, [(p, v) for p, v in bilingual if v < PAIR_OVERLAP]
    for pairs in one_language:
        assert relevance.mean_overlap(pairs) >= relevance.PAIR_OVERLAP_ONE - 1e-9


def test_vietnamese_queries_reach_the_services_of_their_english_pair_for_every_reader(
        seeded_app):
    pairs = relevance.load("pairs_vi.json")
    assert len(pairs) >= 25 and all(p["en"].keys() == p["vi"].keys() for p in pairs)
    with seeded_app.test_request_context():
        for reads in (("en", "vi"), ("en",), ("vi",)):
            overlaps = relevance.pair_overlaps(reads, "vi")
            assert relevance.mean_overlap(overlaps) >= relevance.VI_PAIR_OVERLAP - 1e-9, (
                reads, [(p, v) for p, v in overlaps if v < relevance.VI_PAIR_OVERLAP])


@pytest.fixture(scope="module")
def sf_scored(tmp_path_factory):
    reason = sf211.unavailable_reason()
    if reason:
        pytest.skip(reason)
    folder = tmp_path_factory.mktemp("sf211")
    app, _, _ = sf211.build_directory(f"sqlite:///{folder}/sf211.db", folder / "index",
                                      folder / "sf211.json", progress=lambda line: None)
    with app.test_request_context():
        return relevance.evaluate_sf()


@pytest.mark.parametrize("group", sorted(relevance.SF_FLOORS))
def test_each_real_data_group_keeps_its_ndcg_floor(sf_scored, group):
    figures = relevance.summary(sf_scored)[group]
    assert figures["cases"] >= 35 and figures["ndcg@5"] >= relevance.SF_FLOORS[group], figures


def test_the_measures_score_a_ranking_as_a_judge_would():
    grades = {"a": 2, "b": 1, "c": 2}
    assert relevance.ndcg(["a", "c", "b"], grades) == pytest.approx(1.0)
    assert relevance.ndcg(["x", "y", "a"], grades) < relevance.ndcg(["a", "x", "y"], grades)
    assert relevance.ndcg(["x", "y", "z", "w", "v"], grades) == 0
    assert relevance.precision(["a", "x", "b", "y", "z"], grades) == pytest.approx(0.4)
    assert relevance.reciprocal_rank(["x", "b"], grades) == pytest.approx(0.5)
    assert relevance.overlap(["a", "b", "c"], ["c", "b", "d"]) == pytest.approx(2 / 3)


def test_the_concept_table_covers_the_directory_s_needs_in_both_languages(app):
    table = concepts.concepts()
    assert len(table) >= 150
    groups = {c.group for c in table}
    assert {"Emergency", "Food", "Housing", "Goods", "Transit", "Health", "Money", "Care",
            "Education", "Work", "Legal", "Recovery"} <= groups


@pytest.mark.parametrize("english,spanish", [
    ("detox", "desintoxicación"), ("anxiety", "ansiedad"), ("depression", "depresión"),
    ("counseling", "consejería"), ("group therapy", "terapia de grupo")])
def test_the_issue_s_spanish_searches_near_santa_ana_find_what_english_does(
        seeded_app, english, spanish):
    # Before the Spanish analysis and the concepts: 0, 0, 0, 1 and 9 results against 21,
    # 13, 16, 61 and 70, and a parent support line offered instead.
    from werkzeug.datastructures import MultiDict

    from directory import finder

    def found(words, reads):
        return finder.find(MultiDict({"q": words, "near": "92701"}), reads=reads).result

    with seeded_app.test_request_context():
        en, es = found(english, ["en"]), found(spanish, ["es"])
        # the same reader, so that the words alone differ: a reader of English sees the
        # groups held in Spanish lower for "group therapy", not for "terapia de grupo"
        top_en, top_es = ({h.service_id for h in found(words, ["en", "es"]).hits[:5]}
                          for words in (english, spanish))
    assert es.total >= 0.8 * en.total > 0
    assert len(top_en & top_es) >= 4


def _top(seeded_app, **query):
    from werkzeug.datastructures import MultiDict

    from directory import catalogue, finder

    with seeded_app.test_request_context():
        found = finder.find(MultiDict({k: str(v) for k, v in query.items()}), reads=["en"])
        return [s.name for s in catalogue.get_services(
            [h.service_id for h in found.result.hits[:5]])]


def test_narcan_finds_the_naloxone_clinic_and_no_food_pantry(seeded_app):
    # "kits" was among naloxone's record words, and the pantry's hygiene kits came 2nd
    top = _top(seeded_app, q="narcan")
    assert top[0] == "Medication for Addiction Treatment Bridge Clinic"
    assert not any("Pantry" in name for name in top), top


def test_a_misspelled_group_therapy_finds_the_groups_not_props(seeded_app):
    top = _top(seeded_app, q="grop therapy")
    assert all("Group" in name for name in top[:3]), top


def test_social_anxiety_ranks_no_detox_in_the_top_five(seeded_app):
    # "social" alone qualifies the phrase (search/qualifiers.py): the detox's name is no
    # help with social anxiety
    assert "Social-Model Detox" not in _top(seeded_app, q="social anxiety")


@pytest.mark.xfail(strict=True, reason="open: the homes are for men or women and 13 to 18 "
                   "miles out (bench/README.md, what is still missed)")
def test_sober_living_near_lake_forest_puts_the_sober_living_homes_first(seeded_app):
    top = _top(seeded_app, q="sober living", near="92630")
    assert sum("Sober Living" in name for name in top[:3]) >= 2, top
