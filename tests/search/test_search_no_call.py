""""Contact without calling": the filter keeps exactly the services a person can first
contact without a phone call (a text number, an online form, email, contact requests,
walk-in hours, a first visit by video), on the page, in the API and in the facet counts;
and the index reads those ways from its bulk rows as the model does."""

import re
from html import unescape

import pytest
from sqlalchemy import select

from directory import models as m
from directory import schedules
from directory.extensions import db
from directory.search.documents import service_facts
from directory.search.service_rows import load_records
from tests.helpers import builders
from tests.helpers.results import names, run

WITHOUT_CALLING = {"Text Line", "Form Intake", "Email Intake", "Request Program",
                   "Walk-in Clinic", "Video Start"}
WEEKDAYS = {"freq": "WEEKLY", "byday": "MO,TU,WE,TH,FR", "opens_at": "09:00",
            "closes_at": "17:00"}


def _voice(number="(949) 555-0100"):
    return m.Phone(number=number, type="voice")


@pytest.fixture
def ways(app):
    t = builders.load_taxonomy()
    group = t["group-therapy-peer-support"]
    builders.service("Text Line", terms=[group],
                     phones=[_voice(), m.Phone(number="(714) 555-0100", type="text")])
    builders.service("Form Intake", terms=[group], phones=[_voice()],
                     contact_form_url="https://forms.example.org/intake")
    builders.service("Email Intake", terms=[group], email="intake@example.org")
    requests = builders.service("Request Program", terms=[group, t["contact-requests"]],
                                phones=[_voice()])  # no email: its requests wait in an inbox
    db.session.add(m.User(email="desk@request.example.org", role="provider",
                          password_hash="x", organization_id=requests.organization_id))
    walk_in = builders.service("Walk-in Clinic", terms=[group], phones=[_voice()])
    walk_in.schedules = [m.Schedule(**WEEKDAYS), m.Schedule(
        freq="WEEKLY", byday="TU", opens_at="13:00", closes_at="15:00",
        attending_type="Walk-in")]
    builders.service("Video Start", terms=[group, t["video-first-visit"]], phones=[_voice()])
    voice = builders.service("Voice Only", terms=[group, t["someone-may-come"]],
                             phones=[_voice()])
    voice.schedules = [m.Schedule(**WEEKDAYS, attending_type="By appointment")]
    db.session.commit()
    return t


def test_the_filter_keeps_exactly_the_services_reached_without_a_call(ways):
    everything = run(near="92630", per_page=50)
    assert everything.total == 7
    assert everything.facets["no_call"] == 6
    assert set(names(run(near="92630", per_page=50, no_call="true"))) == WITHOUT_CALLING
    assert set(names(run(per_page=50, no_call="false"))) == WITHOUT_CALLING | {"Voice Only"}
    # The count follows the other filters: of the walk-in and the voice line, one.
    assert run(near="92630", per_page=50, search="Clinic").facets["no_call"] == 1


def test_a_change_of_way_reaches_the_index(ways):
    voice = db.session.scalar(select(m.Service).where(m.Service.name == "Voice Only"))
    voice.phones.append(m.Phone(number="(949) 555-0199", type="text"))
    db.session.commit()
    assert "Voice Only" in names(run(per_page=50, no_call="true"))
    voice.phones = [_voice()]
    db.session.commit()
    assert "Voice Only" not in names(run(per_page=50, no_call="true"))


def test_a_program_whose_inbox_closes_takes_no_more_requests(ways):
    """With no email and its provider account switched off, a request would have nowhere
    to go: the filter drops the program as its page and matching do."""
    provider = db.session.scalar(select(m.User).where(m.User.role == "provider"))
    provider.active = False
    db.session.commit()
    assert "Request Program" not in names(run(per_page=50, no_call="true"))
    provider.active = True
    db.session.commit()
    assert "Request Program" in names(run(per_page=50, no_call="true"))


def test_the_results_page_offers_the_filter_with_its_count(ways, client):
    page = unescape(client.get("/search?near=92630").get_data(as_text=True))
    link = re.search(r'href="([^"]*no_call=true[^"]*)">Contact without calling '
                     r'<span class="count">\((\d+)\)', page)
    assert link and link.group(2) == "6"
    quick = page[page.index('class="quick-filters"'):]  # on a phone's first screen too
    assert "Contact without calling <span class=\"count\">(6)" in quick[:quick.index("</nav>")]
    filtered = client.get(link.group(1))
    assert filtered.status_code == 200
    shown = set(re.findall(r'<h3 class="card-title"[^>]*><a [^>]*>([^<]+)</a>',
                           filtered.get_data(as_text=True)))
    assert shown == WITHOUT_CALLING
    assert "Contact without calling" in filtered.get_data(as_text=True)  # the chip to undo it


def test_the_api_filters_counts_and_documents_no_call(ways, client):
    body = client.get("/api/services?no_call=true&per_page=50").get_json()
    assert {s["name"] for s in body["contents"]} == WITHOUT_CALLING
    assert client.get("/api/services?per_page=50").get_json()["facets"]["no_call"] == 6
    bad = client.get("/api/services?no_call=maybe")
    assert bad.status_code == 400
    assert bad.get_json()["errors"]["no_call"] == "no_call must be true or false."
    described = client.get("/api/openapi.json").get_json()
    parameters = described["paths"]["/services"]["get"]["parameters"]
    assert any("no_call" in str(p) for p in parameters)


def test_a_bad_value_on_the_page_is_a_message_not_an_error(ways, client):
    response = client.get("/search?near=92630&no_call=maybe")
    assert response.status_code == 400
    assert "no_call must be true or false." in response.get_data(as_text=True)


def test_the_index_rows_see_the_ways_the_model_sees(ways):
    services = db.session.scalars(select(m.Service)).all()
    records = {r.id: r for r in load_records(db.session, [s.id for s in services])}
    for service in services:
        record = records[service.id]
        assert [w.kind for w in record.first_contact_ways] == \
            [w.kind for w in service.first_contact_ways], service.name
        assert record.contactable_without_calling == (service.name in WITHOUT_CALLING)
        # Walk-in hours are a first step, not the opening hours "open now" asks about; a
        # service without them keeps the schedule signature it had.
        assert service_facts(record)["schedule"] == service_facts(service)["schedule"]
        assert service_facts(record)["schedule"] == schedules.signature(schedules.rules_of(
            [s for s in service.schedules if s.attending_type != "Walk-in"])
        ) or not service.schedules, service.name
