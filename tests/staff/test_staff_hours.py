"""The weekly hours editor: what staff enter becomes HSDS weekly schedule rows, reads
back the same, shows on the public page, and refuses hours that close before they open."""

from sqlalchemy import func, select

from directory import models as m
from directory.extensions import db
from tests.helpers import builders
from tests.helpers.pages import form_values

WEEK = {
    "MO": ("open", "09:00", "17:00"), "TU": ("open", "09:00", "17:00"),
    "WE": ("open", "09:00", "17:00", "18:00", "20:00"), "TH": ("24h",),
    "FR": ("open", "09:00", "17:00"), "SA": ("open", "10:00", "14:00"), "SU": ("closed",),
}


def _week_form(week, notes=""):
    data = {"notes": notes}
    for day, (mode, *times) in week.items():
        data[f"{day}-mode"] = mode
        for name, value in zip(("opens_1", "closes_1", "opens_2", "closes_2"), times,
                               strict=False):
            data[f"{day}-{name}"] = value
    return data


def _rows(service):
    db.session.expire_all()
    return sorted((s.byday, s.opens_at, s.closes_at, s.freq) for s in
                  db.session.get(m.Service, service.id).schedules)


def test_the_week_is_written_as_hsds_weekly_rows_and_reads_back(editor_client):
    service = builders.service("Hours Check Clinic")
    url = f"/staff/services/{service.id}/hours"
    response = editor_client.post(url, data=_week_form(WEEK, "Closed on public holidays."))
    assert response.status_code == 302
    assert _rows(service) == [
        ("MO,TU,WE,FR", "09:00", "17:00", "WEEKLY"), ("SA", "10:00", "14:00", "WEEKLY"),
        ("TH", "00:00", "23:59", "WEEKLY"), ("WE", "18:00", "20:00", "WEEKLY")]
    read_back = form_values(editor_client.get(url).get_data(as_text=True))
    for day, (mode, *times) in WEEK.items():
        assert read_back[f"{day}-mode"] == mode
        for name, value in zip(("opens_1", "closes_1", "opens_2", "closes_2"), times,
                               strict=False):
            assert read_back[f"{day}-{name}"] == value, (day, name)
    assert read_back["notes"] == "Closed on public holidays."
    public = editor_client.get(f"/services/{service.id}").get_data(as_text=True)
    assert "9:00 AM – 5:00 PM, 6:00 PM – 8:00 PM" in public  # Wednesday's two openings
    assert "Closed on public holidays." in public


def test_saving_the_same_week_changes_nothing(editor_client):
    service = builders.service("Hours Same Clinic")
    url = f"/staff/services/{service.id}/hours"
    editor_client.post(url, data=_week_form(WEEK))
    before = db.session.scalar(select(func.count(m.ChangeRecord.id)))
    response = editor_client.post(url, data=form_values(
        editor_client.get(url).get_data(as_text=True)))
    assert response.status_code == 302
    assert "nothing changed" in editor_client.get(response.headers["Location"]).get_data(
        as_text=True)
    assert db.session.scalar(select(func.count(m.ChangeRecord.id))) == before


def test_changing_one_day_changes_only_its_rows(editor_client):
    service = builders.service("Hours Change Clinic")
    url = f"/staff/services/{service.id}/hours"
    editor_client.post(url, data=_week_form(WEEK))
    shorter = dict(WEEK, SA=("closed",), FR=("open", "09:00", "13:00"))
    editor_client.post(url, data=_week_form(shorter))
    assert _rows(service) == [
        ("FR", "09:00", "13:00", "WEEKLY"), ("MO,TU,WE", "09:00", "17:00", "WEEKLY"),
        ("TH", "00:00", "23:59", "WEEKLY"), ("WE", "18:00", "20:00", "WEEKLY")]
    history = editor_client.get(f"/staff/services/{service.id}").get_data(as_text=True)
    assert '<span class="old">MO,TU,WE,FR</span> → MO,TU,WE' in history


def test_opening_must_come_before_closing(editor_client):
    service = builders.service("Hours Wrong Clinic")
    url = f"/staff/services/{service.id}/hours"
    cases = [
        (dict(WEEK, MO=("open", "17:00", "09:00")), "MO-closes_1",
         "The closing time must be after the opening time"),
        (dict(WEEK, MO=("open", "", "")), "MO-opens_1", "Enter the opening time"),
        (dict(WEEK, TU=("open", "09:00", "12:00", "11:00", "15:00")), "TU-opens_2",
         "The second opening must start after the first closes"),
        (dict(WEEK, WE=("open", "09:00", "12:00", "13:00", "")), "WE-closes_2",
         "Give both times of the second opening, or neither"),
        (dict(WEEK, FR=("open", "09:00", "12:00", "15:00", "14:00")), "FR-closes_2",
         "The closing time must be after the opening time"),
        (dict(WEEK, SA=("open", "9 o'clock", "12:00")), "SA-opens_1", "Not a valid time"),
    ]
    for week, field, message in cases:
        html = editor_client.post(url, data=_week_form(week)).get_data(as_text=True)
        assert message in html.split(f'id="{field}-error"')[1].split("</p>")[0], field
    assert _rows(service) == []


def test_schedules_the_editor_cannot_show_are_kept(editor_client):
    service = builders.service("Hours Seasonal Clinic")
    service.schedules.append(m.Schedule(freq="MONTHLY", bymonthday="1", opens_at="10:00",
                                        closes_at="12:00", description="First of the month"))
    db.session.commit()
    url = f"/staff/services/{service.id}/hours"
    assert "1 other schedule (seasonal or not weekly) is kept" in editor_client.get(
        url).get_data(as_text=True)
    editor_client.post(url, data=_week_form(WEEK))
    assert ("1" , "MONTHLY") in {(s.bymonthday, s.freq) for s in
                                 db.session.get(m.Service, service.id).schedules}


def test_changing_one_day_keeps_the_notes_of_every_other_row(editor_client):
    service = builders.service("Hours Notes Clinic")
    service.schedules = [
        m.Schedule(freq="WEEKLY", byday="MO,TU,WE,TH,FR", opens_at="09:00", closes_at="17:00",
                   description="Walk-ins welcome until 4 PM."),
        m.Schedule(freq="WEEKLY", byday="SA", opens_at="10:00", closes_at="11:30",
                   description="Saturday group: Saturdays, 10 AM to 11:30 AM"),
        m.Schedule(freq="WEEKLY", byday="SU", opens_at="12:00", closes_at="13:00",
                   description="Sunday family hour"),
    ]
    db.session.commit()
    url = f"/staff/services/{service.id}/hours"
    form = form_values(editor_client.get(url).get_data(as_text=True))
    form.update({"TU-opens_1": "10:00", "TU-closes_1": "14:00"})
    assert editor_client.post(url, data=form).status_code == 302
    db.session.expire_all()
    notes = {row.byday: row.description for row in db.session.get(
        m.Service, service.id).schedules}
    assert notes["SA"] == "Saturday group: Saturdays, 10 AM to 11:30 AM"
    assert notes["SU"] == "Sunday family hour"
    assert notes["MO,WE,TH,FR"] == "Walk-ins welcome until 4 PM."
    public = editor_client.get(f"/services/{service.id}").get_data(as_text=True)
    assert "Saturday group" in public and "Sunday family hour" in public
