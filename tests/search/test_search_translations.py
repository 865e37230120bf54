"""A service is found by its own text written in Spanish or Vietnamese: words only its
translations hold find it through the public search and the API, a changed translation is
searchable as soon as it is saved (and the old words no longer find it), and check-index
sees an index that missed a translation."""

import pytest

from directory import models as m
from directory.extensions import db
from tests.helpers import builders
from tests.helpers.results import names, run

# "khí công" (qigong) and "cuidadoras" (women caregivers): in no English record.
VIETNAMESE = "Lớp khí công nhẹ nhàng mỗi sáng thứ Bảy cho người lớn tuổi đang hồi phục."
SPANISH = "Un círculo para cuidadoras de familiares en recuperación."


@pytest.fixture
def translated(app):
    """Two services alike in English; only the first has Spanish and Vietnamese text."""
    service = builders.service("Morning Wellness Class", languages=("English", "Vietnamese"),
                               description="A gentle exercise class for older adults.")
    builders.service("Evening Wellness Class",
                     description="A gentle exercise class for older adults.")
    builders.translate(service, "vi", description=VIETNAMESE)
    builders.translate(service, "es", eligibility_description=SPANISH)
    return service


def test_a_word_only_in_the_vietnamese_description_finds_the_service(translated):
    assert names(run(search="khí công")) == ["Morning Wellness Class"]
    assert names(run(search="khi cong")) == ["Morning Wellness Class"]  # typed without marks
    assert names(run(search="cuidadoras")) == ["Morning Wellness Class"]


def test_the_public_search_and_the_api_find_it_by_its_translated_text(translated, client):
    page = client.get("/search?search=kh%C3%AD+c%C3%B4ng&lang=vi")
    assert page.status_code == 200
    html = page.get_data(as_text=True)
    assert f"/services/{translated.id}" in html
    found = client.get("/api/services?search=khí công").get_json()
    assert [s["id"] for s in found["contents"]] == [translated.id]
    spanish = client.get("/api/services?search=cuidadoras").get_json()
    assert [s["id"] for s in spanish["contents"]] == [translated.id]


def test_a_changed_translation_is_searchable_when_the_save_returns(translated):
    translated.set_translation("description", "vi", "Lớp thái cực quyền mỗi sáng.")
    db.session.commit()
    assert names(run(search="thái cực quyền")) == ["Morning Wellness Class"]
    assert names(run(search="khí công")) == []
    translated.set_translation("description", "vi", "")  # removed
    db.session.commit()
    assert names(run(search="thái cực quyền")) == []


def test_check_index_notices_a_translation_the_index_missed(translated, runner):
    assert runner.invoke(args=["check-index"]).exit_code == 0
    db.session.info["search_sync_disabled"] = True  # written behind the index's back
    service = db.session.get(m.Service, translated.id)
    service.set_translation("name", "es", "Clase matutina de bienestar")
    db.session.commit()
    db.session.info.pop("search_sync_disabled")
    drift = runner.invoke(args=["check-index"])
    assert drift.exit_code == 1 and f"stale: {translated.id}" in drift.output
    assert runner.invoke(args=["reindex"]).exit_code == 0
    assert names(run(search="matutina")) == ["Morning Wellness Class"]
