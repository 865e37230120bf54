"""A client's place: a street address typed into the intake "near" field is looked up
(by a real geopy geocoder, here a Nominatim-shaped server on loopback) for that answer
only and never kept in the geocoder cache."""

import json
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import ClassVar

import pytest
from sqlalchemy import select

from directory import models as m
from directory.extensions import db
from tests.helpers.pages import sign_in


class _Nominatim(BaseHTTPRequestHandler):
    asked: ClassVar[list] = []

    def do_GET(self):
        self.asked.append(self.path)
        body = json.dumps([{"lat": "33.6469", "lon": "-117.6861", "place_id": 1,
                            "display_name": "Lake Forest, Orange County, California"}])
        self.send_response(200)
        self.send_header("Content-Type", "application/json")
        self.end_headers()
        self.wfile.write(body.encode())

    def log_message(self, *args):
        pass


@pytest.fixture
def geocoding_app(app_with):
    server = ThreadingHTTPServer(("127.0.0.1", 0), _Nominatim)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    try:
        yield app_with(GEOCODER="nominatim", GEOCODER_SCHEME="http",
                       GEOCODER_DOMAIN=f"127.0.0.1:{server.server_address[1]}")
    finally:
        server.shutdown()


def test_an_address_typed_for_a_client_is_never_cached(
        geocoding_app, staff_users, referral_list):
    coordinator = geocoding_app.test_client()
    sign_in(coordinator, staff_users["coordinator"].email)
    _Nominatim.asked.clear()
    page = coordinator.post(f"/referrals/lists/{referral_list.id}/match", data={
        "categories": "group-therapy-peer-support", "near": "24 Quiet Lane, Lake Forest",
        "radius": "25"}).get_data(as_text=True)
    assert _Nominatim.asked, "the geocoder was asked"
    assert "Casa Esperanza Peer Group" in page
    db.session.expire_all()
    assert db.session.scalars(select(m.GeocodeResult)).all() == []
