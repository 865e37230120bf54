"""The coordinator's match and the printed or sent lists name each service's first step
without a phone call (a text number, an online form, walk-in hours) and its public
transit: on the match page the ride from the client's place where a feed covers both
places, else the nearest stop and its routes; on the print page, the PDF, the shared page,
the email, the text message and the CSV the nearest stop and its routes, in the list's
language. A service with neither shows neither, with no empty label. The feed is a real
GTFS zip imported with `flask import-gtfs`; mail and texts go through loopback servers."""

import csv
import io
import re
from email import message_from_bytes, policy
from types import SimpleNamespace

import pytest
from pypdf import PdfReader

from directory import locate
from directory import models as m
from directory.extensions import db
from tests.helpers import builders
from tests.helpers.gateway import sms_gateway_for
from tests.helpers.gtfs import BUS, at, write_feed
from tests.helpers.pages import share_link, text_of

QUIET_STEP = ("Text (714) 555-0100 · Online form: https://quietdoor.example.org/contact · "
              "Walk in: Tuesday: 1:00 PM – 3:00 PM")
OAK_STOP = "Bus 47 and 53 — stop Oak Ave & 5th, 0.2 miles"
OAK_RIDE = "Bus 47 from near the client; walks of 0.1 and 0.2 miles"
PIER_STOP = "Bus 60 — stop Pier Rd, 0.2 miles"
SPANISH = {"step": "Mensaje de texto (714) 555-0100 · Formulario en línea: "
                   "https://quietdoor.example.org/contact",
           "stop": "Autobús 47 y 53 — parada Oak Ave & 5th, 0.2 millas",
           "step_label": "Primer paso", "transit_label": "Transporte público"}


@pytest.fixture
def sms_gateway(app):
    """The loopback stand-in for the text message gateway; the requests it got."""
    with sms_gateway_for(app) as received:
        yield received


@pytest.fixture
def town(app, runner, staff_users, tmp_path):
    """Services around ZIP 92630 and a bus feed: Quiet Door takes texts, an online form
    and walk-ins (no stop near it); Oak Clinic is 0.2 mi from the stop of routes 47 and 53,
    which start beside the client's place; Pier Recovery is by route 60 only, which meets
    neither; Plain House offers only a call and has no stop near it. The list holds
    Quiet Door, Oak Clinic and Plain House."""
    home = locate.resolve("92630")
    origin = (home.latitude, home.longitude)
    terms = builders.load_taxonomy()

    def place(name, north, east, **fields):
        lat, lng = at(north, east, origin)
        made = builders.service(name, terms=[terms["outpatient-counselling"]], lat=lat,
                                lng=lng, commit=False, **fields)
        made.phones = [m.Phone(number=f"(949) 555-01{len(name):02d}", type="voice")]
        return made

    quiet = place("Quiet Door Counseling", -3, 0,
                  contact_form_url="https://quietdoor.example.org/contact")
    quiet.phones.append(m.Phone(number="(714) 555-0100", type="text"))
    quiet.schedules = [m.Schedule(freq="WEEKLY", byday="TU", opens_at="13:00",
                                  closes_at="15:00", attending_type="walk-in")]
    oak = place("Oak Clinic", 5.2, 0)
    place("Pier Recovery", 5, 10.2)
    plain = place("Plain House", -3, 1)
    db.session.commit()
    stops = [("A", "Main St & 1st", at(0.1, 0, origin), ""),
             ("B", "Oak Ave & 5th", at(5, 0, origin), ""),
             ("D", "Pier Rd", at(5, 10, origin), ""), ("E", "Pier End", at(5, 11, origin), "")]
    routes = [("R47", "47", BUS, ["A", "B"], 20, 15), ("R53", "53", BUS, ["A", "B"], 8, 60),
              ("R60", "60", BUS, ["D", "E"], 8, 60)]
    feed = write_feed(tmp_path / "town.zip", "Town Transit", stops, routes)
    assert runner.invoke(args=["import-gtfs", str(feed)]).exit_code == 0
    coordinator = staff_users["coordinator"]
    referral_list = m.ReferralList(title="Getting started", created_by=coordinator)
    db.session.add(referral_list)
    for service in (quiet, oak, plain):
        referral_list.add_service(service, coordinator.email)
    db.session.commit()
    return SimpleNamespace(referral_list=referral_list)


def _items(page):
    """Return {service name: its part of a sheet page} (the text a person reads)."""
    parts = page.split('<li class="sheet-item">')[1:]
    return {name: part for part in parts
            for name in ("Quiet Door Counseling", "Oak Clinic", "Plain House") if name in part}


def _assert_sheet_page(page, words=None):
    items = _items(page)
    step_label = words["step_label"] if words else "First step"
    transit_label = words["transit_label"] if words else "Transit"
    step = words["step"] if words else QUIET_STEP
    stop = words["stop"] if words else OAK_STOP
    assert f"<dt>{step_label}</dt><dd>{step}" in items["Quiet Door Counseling"]
    assert f"<dt>{transit_label}</dt><dd>{stop}</dd>" in items["Oak Clinic"]
    assert f"<dt>{transit_label}</dt>" not in items["Quiet Door Counseling"]
    assert f"<dt>{step_label}</dt>" not in items["Oak Clinic"]
    assert step_label not in items["Plain House"] and transit_label not in items["Plain House"]


def _printed(client, referral_list, language):
    response = client.post(f"/referrals/lists/{referral_list.id}/print",
                           data={"language": language})
    return text_of(client.get(response.headers["Location"]))


def _pdf_text(client, referral_list, language):
    response = client.get(f"/referrals/lists/{referral_list.id}/pdf?language={language}")
    assert response.mimetype == "application/pdf"
    reader = PdfReader(io.BytesIO(response.data))
    return " ".join(" ".join(page.extract_text().split()) for page in reader.pages)


def test_the_print_page_and_the_shared_page_name_the_first_step_and_the_stop(
        app, coordinator_client, client, town):
    _assert_sheet_page(_printed(coordinator_client, town.referral_list, "en"))
    link = share_link(coordinator_client, town.referral_list)
    with app.app_context():
        _assert_sheet_page(text_of(client.get(link)))


def test_a_spanish_list_says_them_in_spanish(app, coordinator_client, client, town):
    _assert_sheet_page(_printed(coordinator_client, town.referral_list, "es"), SPANISH)
    link = share_link(coordinator_client, town.referral_list)
    with app.app_context():
        _assert_sheet_page(text_of(client.get(f"{link}?lang=es")), SPANISH)
    text = _pdf_text(coordinator_client, town.referral_list, "es")
    assert f"Primer paso: {SPANISH['step']}" in text
    assert f"Transporte público: {SPANISH['stop']}" in text


def test_the_pdf_names_the_first_step_and_the_stop(coordinator_client, town):
    text = _pdf_text(coordinator_client, town.referral_list, "en")
    assert f"First step: {QUIET_STEP}" in text
    assert f"Transit: {OAK_STOP}" in text
    assert text.count("First step:") == 1 and text.count("Transit:") == 1


def test_the_csv_has_a_column_for_each(coordinator_client, town):
    response = coordinator_client.get(f"/referrals/lists/{town.referral_list.id}/csv")
    rows = {row["Service"]: row for row in csv.DictReader(
        io.StringIO(response.get_data(as_text=True).lstrip("\ufeff")))}
    assert rows["Quiet Door Counseling"]["First step"] == QUIET_STEP
    assert rows["Oak Clinic"]["Transit"] == OAK_STOP
    assert rows["Plain House"]["First step"] == rows["Plain House"]["Transit"] == ""
    assert rows["Quiet Door Counseling"]["Transit"] == rows["Oak Clinic"]["First step"] == ""
    spanish = coordinator_client.get(f"/referrals/lists/{town.referral_list.id}/csv?language=es")
    [quiet] = [row for row in csv.DictReader(io.StringIO(
        spanish.get_data(as_text=True).lstrip("\ufeff"))) if row["Servicio"].startswith("Quiet")]
    assert quiet["Primer paso"].startswith(SPANISH["step"])


@pytest.mark.parametrize("language", ["en", "es"])
def test_the_email_names_the_first_step_and_the_stop(coordinator_client, town, smtp_server,
                                                     language):
    response = coordinator_client.post(
        f"/referrals/lists/{town.referral_list.id}/send/email",
        data={"email-address": "client@example.net", "email-language": language})
    assert response.status_code == 302
    [(_, content)] = smtp_server.messages
    body = message_from_bytes(content, policy=policy.default).get_content().replace("\r\n", "\n")
    if language == "en":
        assert f"   First step: {QUIET_STEP}\n" in body
        assert f"   Transit: {OAK_STOP}\n" in body
        assert body.count("First step:") == 1 and body.count("Transit:") == 1
    else:
        assert f"   Primer paso: {SPANISH['step']}" in body
        assert f"   Transporte público: {SPANISH['stop']}\n" in body


def test_the_text_message_names_them_and_stays_short(coordinator_client, town,
                                                     sms_gateway):
    response = coordinator_client.post(
        f"/referrals/lists/{town.referral_list.id}/send/text",
        data={"text-number": "(949) 555-0123", "text-language": "en"})
    assert response.status_code == 302
    [request] = sms_gateway
    body = request["form"]["Body"]
    assert f"1. Quiet Door Counseling (949) 555-0121\n{QUIET_STEP}\n" in body
    assert f"2. Oak Clinic (949) 555-0110\n{OAK_STOP}\n" in body
    assert "3. Plain House (949) 555-0111\nIn crisis?" in body
    assert len(body) <= 600


def test_a_long_list_texts_names_before_details_run_out(coordinator_client, town,
                                                        sms_gateway):
    """Past the length of a text, a service keeps its name and phone without the rest."""
    for n in range(8):
        extra = builders.service(f"Walk-in Center {n}", contact_form_url=(
            "https://walkin.example.org/" + "long-form-address" * 3))
        town.referral_list.add_service(extra, "coordinator@clinic.example.org")
    db.session.commit()
    coordinator_client.post(f"/referrals/lists/{town.referral_list.id}/send/text",
                            data={"text-number": "(949) 555-0123", "text-language": "en"})
    body = sms_gateway[0]["form"]["Body"]
    assert len(body) <= 600 and body.endswith("In crisis? Call or text 988.")
    assert QUIET_STEP in body and re.search(r"\n\d+\. Walk-in Center \d+\n(\d+\. |In crisis)", body)


MATCH = {"categories": "outpatient-counselling", "near": "92630", "radius": "25"}


def _cards(page):
    """Return {service name: its card on the match page} (the text a person reads)."""
    cards = page.split('<article class="card"')[1:]
    return {re.search(r'id="match-[^"]+"><a [^>]+>([^<]+)</a>', card).group(1): card
            for card in cards}


def _matched(client, referral_list, **answers):
    response = client.post(f"/referrals/lists/{referral_list.id}/match",
                           data={**MATCH, **answers})
    assert response.status_code == 200
    return _cards(text_of(response))


def test_the_match_names_the_ride_for_a_client_with_no_car_and_the_first_step(
        coordinator_client, town):
    cards = _matched(coordinator_client, town.referral_list, barriers="no-car")
    assert OAK_RIDE in cards["Oak Clinic"]
    assert cards["Oak Clinic"].count("Bus 47") == 1  # the reason names it; not said twice
    assert f"First step:</strong> {QUIET_STEP}" in cards["Quiet Door Counseling"]
    assert f"Transit:</strong> {PIER_STOP}" in cards["Pier Recovery"]  # no ride: the stop
    for name in ("Quiet Door Counseling", "Plain House"):
        assert "Transit:" not in cards[name] and "Bus " not in cards[name]
    for name in ("Oak Clinic", "Pier Recovery", "Plain House"):
        assert "First step:" not in cards[name]


def test_the_match_names_the_ride_from_the_client_s_place_for_every_client(
        coordinator_client, town):
    cards = _matched(coordinator_client, town.referral_list)
    assert f"Transit:</strong> {OAK_RIDE}" in cards["Oak Clinic"]
    assert f"Transit:</strong> {PIER_STOP}" in cards["Pier Recovery"]


def test_where_no_feed_covers_the_client_the_match_names_the_stop(coordinator_client, town):
    cards = _matched(coordinator_client, town.referral_list, near="92653", radius="50")
    assert f"Transit:</strong> {OAK_STOP}" in cards["Oak Clinic"]


def test_where_no_feed_reaches_it_the_list_says_what_the_record_says_of_getting_there(
        coordinator_client, town):
    """Quiet Door has no stop within a walk; its place says how buses reach it."""
    quiet = next(item.service for item in town.referral_list.items
                 if item.service.name == "Quiet Door Counseling")
    quiet.locations[0].transportation = "OCTA route 177 stops at the door."
    db.session.commit()
    items = _items(_printed(coordinator_client, town.referral_list, "en"))
    assert "<dt>Transit</dt><dd>OCTA route 177 stops at the door.</dd>" in \
        items["Quiet Door Counseling"]
    assert "Transit" not in items["Plain House"]
