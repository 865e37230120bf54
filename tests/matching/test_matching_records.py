"""Matching judges its candidates on their records (matching/candidates.py: rows read in
bulk, kept per worker while the data stamp holds) and loads only the services it shows:
the answer is the one the models give, for every judged client profile of the sample, as
asked and with every barrier; and a change to a service shows in the next match."""

import json
from pathlib import Path

import pytest

from bench.relevance import client_needs
from directory import catalogue, matching
from directory import models as m
from directory.extensions import db
from directory.kept import KeptByStamp
from directory.matching import candidates
from tests.helpers.builders import tagged_service
from tests.helpers.results import NOW, match_at_now, names

PROFILES = json.loads(Path("tests/relevance/profiles.json").read_text(encoding="utf-8"))


def _answer(result):
    """Return everything a match page shows, as plain values."""
    return {
        "matches": [(item.service.id, round(item.score, 6), item.distance_miles,
                     [(r.kind, str(r)) for r in item.fits],
                     [(r.kind, str(r)) for r in item.misfits], sorted(item.tiers),
                     [ride.id for ride in item.transport]) for item in result.matches],
        "excluded": result.excluded,
        "transport": [s.id for s in result.transport],
        "childcare": [s.id for s in result.childcare],
    }


def _variants(profile):
    needs = client_needs(profile["needs"])
    yield needs
    everything = client_needs(profile["needs"])
    everything.barriers = set(matching.BARRIERS)
    everything.show_limited = True
    yield everything


@pytest.mark.parametrize("profile", PROFILES, ids=[p["id"] for p in PROFILES])
def test_records_rank_as_the_models_do_for_every_judged_profile(seeded_app, profile):
    with seeded_app.test_request_context():
        for needs in _variants(profile):
            from_models = _answer(matching.match(needs, now=NOW, load=catalogue.get_services))
            result = matching.match(needs, now=NOW)
            from_records = _answer(result)
            assert from_records == from_models
            assert from_records["matches"] or from_records["excluded"]
            # what the page shows is the model, with everything it holds
            assert all(isinstance(item.service, m.Service) for item in result.matches)


def test_a_kept_record_gives_way_to_the_changed_service(app, terms):
    tagged_service(terms, "Lake Forest Group", ["group-therapy-peer-support", "in-person"],
                   zip_code="92630", city="Lake Forest", lat=33.6469, lng=-117.6861)
    spanish = match_at_now(categories=["group-therapy-peer-support"], languages=["es"])
    assert names(spanish) == ["Lake Forest Group"]
    assert "language" in spanish.matches[0].tiers
    service = db.session.scalar(db.select(m.Service))
    service.languages.append(m.Language(name="Spanish", code="es"))
    db.session.commit()
    again = match_at_now(categories=["group-therapy-peer-support"], languages=["es"])
    assert not again.matches[0].tiers
    assert [r.kind for r in again.matches[0].fits if r.kind.startswith("language")] == [
        "language-es"]
    service.status = "inactive"
    db.session.commit()
    gone = match_at_now(categories=["group-therapy-peer-support"])
    assert gone.matches == []


def test_records_are_kept_up_to_their_bound_and_read_again_when_the_stamp_moves(seeded_app):
    with seeded_app.test_request_context():
        ids = [s.id for s in catalogue.get_services(
            [sid for sid in db.session.scalars(db.select(m.Service.id).limit(6))])]
        kept = KeptByStamp(4)
        first = kept.get(ids, (1, None), candidates._read)
        assert [r.id for r in first] == ids
        assert list(kept.values) == ids[2:]  # the least recently asked dropped
        again = kept.get(ids[3:5], (1, None), candidates._read)
        assert [r.id for r in again] == ids[3:5] and again[0] is first[3]  # kept, not read
        moved = kept.get(ids[3:4], (2, None), candidates._read)
        assert moved[0] is not first[3] and list(kept.values) == ids[3:4]
        nothing_kept = KeptByStamp(0)
        assert [r.id for r in nothing_kept.get(ids, (1, None), candidates._read)] == ids
        assert not nothing_kept.values
        assert kept.get(["no-such-service", ids[0]], (2, None), candidates._read)[0].id == ids[0]


def test_the_app_keeps_records_between_matches_and_the_setting_bounds_them(seeded_app):
    profile = next(p for p in PROFILES if p["needs"].get("categories"))
    with seeded_app.test_request_context():
        matching.match(client_needs(profile["needs"]), now=NOW)
        kept = seeded_app.extensions["match_candidates"]
        assert 0 < len(kept.values) <= seeded_app.config["MATCH_CANDIDATES_KEPT"]
        assert kept.stamp == candidates.coverage.data_stamp()
