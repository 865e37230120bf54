"""Editors at once: a save made from a form opened before a colleague's save is refused
with both versions shown (never applied over theirs), on every staff editor; saves to
different parts of a record both land; and under many editors in threads, through real
HTTP requests, no save undoes another."""

import threading

import pytest

from directory import models as m
from directory.extensions import db
from tests.helpers import builders
from tests.helpers.pages import form_values, text_of


def _opened(client, url):
    return form_values(client.get(url).get_data(as_text=True))


def _service_with_everything():
    service = builders.service("Two Editors House", description="Group therapy weekly.",
                               areas=[("Orange County", "county:CA:Orange")])
    service.phones = [m.Phone(number="(714) 555-0100", type="voice")]
    service.organization.phones = [m.Phone(number="(714) 555-0101", type="voice")]
    service.locations[0].phones = [m.Phone(number="(714) 555-0102", type="voice")]
    service.capacities = [m.ServiceCapacity(available=3, maximum=10, unit=m.Unit(
        name="beds", scheme="directory", identifier="beds"))]
    db.session.commit()
    return service


# Each editor: (URL under the service's records, change by A, change by B), both changing
# what that form edits, so A's save would undo B's.
EDITORS = {
    "service": ("/staff/services/{service}/edit",
                {"name": "Two Editors House (renamed)"}, {"description": "Now also Fridays."}),
    "organization": ("/staff/organizations/{organization}/edit",
                     {"name": "Renamed Organization"}, {"description": "Founded 1998."}),
    "location": ("/staff/locations/{location}/edit",
                 {"name": "Front office"}, {"description": "Ring the side bell."}),
    "service phones": ("/staff/services/{service}/phones",
                       {"phones-0-description": "Intake"}, {"phones-0-extension": "12"}),
    "organization phones": ("/staff/organizations/{organization}/phones",
                            {"phones-0-description": "Main"}, {"phones-0-extension": "7"}),
    "location phones": ("/staff/locations/{location}/phones",
                        {"phones-0-description": "Desk"}, {"phones-0-extension": "9"}),
    "hours": ("/staff/services/{service}/hours",
              {"MO-mode": "open", "MO-opens_1": "09:00", "MO-closes_1": "17:00"},
              {"TU-mode": "open", "TU-opens_1": "10:00", "TU-closes_1": "14:00"}),
    "areas": ("/staff/services/{service}/areas",
              {"areas-0-name": "All of Orange County"},
              {"areas-1-kind": "postal_code", "areas-1-value": "92630"}),
    "availability": ("/staff/services/{service}/availability",
                     {"available": "2"}, {"note": "Call before noon."}),
}


@pytest.mark.parametrize("editor", EDITORS)
def test_a_save_from_a_form_opened_before_a_colleagues_save_is_refused(
        staff_client, editor):
    service = _service_with_everything()
    ids = {"service": service.id, "organization": service.organization_id,
           "location": service.locations[0].id}
    template, a_change, b_change = EDITORS[editor]
    url = template.format(**ids)
    alice, bob = staff_client("editor"), staff_client("admin")
    alice_form = _opened(alice, url)

    bob_form = _opened(bob, url)
    bob_form.update(b_change)
    assert bob.post(url, data=bob_form).status_code == 302
    after_bob = _opened(bob, url)

    alice_form.update(a_change)
    refused = alice.post(url, data=alice_form)
    assert refused.status_code == 409
    page = text_of(refused)
    assert "Someone else saved this record after you opened it" in page
    # Both versions are on the page: the colleague's saved value and this editor's own.
    for name, value in b_change.items():
        assert value in page, name
    for name, value in a_change.items():
        assert value in page, name
    # Nothing of the stale save landed: the form reads exactly as after Bob's save.
    assert _opened(bob, url) == after_bob

    # Alice merges: the refused page's form holds her answers and the new stamp; she puts
    # Bob's change back in and saves.
    merged = form_values(refused.get_data(as_text=True))
    merged.update(b_change)
    assert alice.post(url, data=merged).status_code == 302
    final = _opened(bob, url)
    for name, value in {**a_change, **b_change}.items():
        assert final[name] == value, name


def test_the_refused_page_shows_the_saved_and_the_sent_description(staff_client):
    service = builders.service("Side by Side House", description="Open Mondays.")
    url = f"/staff/services/{service.id}/edit"
    alice, bob = staff_client("editor"), staff_client("admin")
    alice_form = _opened(alice, url)
    bob_form = _opened(bob, url)
    bob_form["description"] = "Open Mondays and Thursdays."
    bob.post(url, data=bob_form)
    alice_form["name"] = "Side by Side Clinic"
    page = text_of(alice.post(url, data=alice_form))
    table = page.split('class="conflict-table"', 1)[1].split("</table>", 1)[0]
    assert "Open Mondays and Thursdays." in table and "Open Mondays." in table
    assert "Side by Side Clinic" in table and "Side by Side House" in table
    db.session.expire_all()
    saved = db.session.get(m.Service, service.id)
    assert (saved.name, saved.description) == ("Side by Side House",
                                                "Open Mondays and Thursdays.")
    history = db.session.query(m.ChangeRecord).filter_by(
        resource_id=service.id, field_name="description").all()
    assert [row.updated_by for row in history if row.last_action_type == "update"] == [
        "admin@clinic.example.org"]


def test_editing_another_part_of_the_record_is_not_a_conflict(staff_client):
    service = _service_with_everything()
    alice, bob = staff_client("editor"), staff_client("admin")
    phones_url = f"/staff/services/{service.id}/phones"
    phones = _opened(alice, phones_url)
    edit_url = f"/staff/services/{service.id}/edit"
    details = _opened(bob, edit_url)
    details["description"] = "Bob's description."
    assert bob.post(edit_url, data=details).status_code == 302
    phones["phones-0-description"] = "Alice's intake line"
    assert alice.post(phones_url, data=phones).status_code == 302
    db.session.expire_all()
    saved = db.session.get(m.Service, service.id)
    assert saved.description == "Bob's description."
    assert saved.phones[0].description == "Alice's intake line"


FIELDS = ("name", "alternate_name", "description", "alert", "application_process",
          "fees_description", "eligibility_description", "accreditations")
SERVICES, ROUNDS = 6, 8  # 64 saves by 8 editors at once: conflicts on every service


def test_many_editors_at_once_never_undo_each_other(app, staff_client):
    services = [builders.service(f"Busy House {n}").id for n in range(SERVICES)]
    clients = [staff_client("editor") for _field in FIELDS]
    saved = {}  # (service, field) -> the last value its editor saved
    problems, lock = [], threading.Lock()

    def editor(number, field):
        client = clients[number]
        for round_ in range(ROUNDS):
            service_id = services[(number + round_) % SERVICES]
            url = f"/staff/services/{service_id}/edit"
            value = f"{field} by editor {number}, round {round_}"
            for _attempt in range(10):
                with app.app_context():
                    form = _opened(client, url)
                    form[field] = value
                    status = client.post(url, data=form).status_code
                if status == 302:
                    with lock:
                        saved[(service_id, field)] = value
                    break
                if status != 409:
                    with lock:
                        problems.append((field, status))
                    return

    threads = [threading.Thread(target=editor, args=(n, f)) for n, f in enumerate(FIELDS)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert not problems
    db.session.expire_all()
    lost = []
    for (service_id, field), value in saved.items():
        found = getattr(db.session.get(m.Service, service_id), field)
        if found != value:
            lost.append((field, value, found))
    assert saved and not lost, f"{len(lost)} saves undone: {lost[:3]}"
