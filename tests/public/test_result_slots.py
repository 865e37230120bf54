"""What each search fills into a kept result card (public/card_slots.py): the area served
and how, the hours now, the distance, in the reader's language, with record text escaped."""

import re

from directory import models as m
from directory.extensions import db
from tests.helpers import builders


def _card(html, name):
    """Return the HTML of the result card titled `name`."""
    for card in re.findall(r'<article class="card".*?</article>', html, re.DOTALL):
        if re.search(rf">{re.escape(name)}(</span>)?</a></h3>", card):  # (lang="en" elsewhere)
            return card
    raise AssertionError(f"no card for {name}")


def _page(client, url):
    response = client.get(url)
    assert response.status_code == 200
    return response.get_data(as_text=True)


def _reaching():
    terms = builders.load_taxonomy()
    for name, code in (("Phone Warmline", "phone"), ("Video Groups", "telehealth-video"),
                       ("Mobile Van", "home-visit")):
        builders.service(name, virtual=True, terms=[terms[code]], description="Support.",
                         areas=[("<b>Orange</b> & County", "state:CA")])


def _open_and_not():
    terms = builders.load_taxonomy()
    open_all_day = builders.service("Round The Clock Clinic", description="Support.",
                                    terms=[terms["in-person"]], commit=False)
    open_all_day.schedules = [m.Schedule(freq="WEEKLY", byday="MO,TU,WE,TH,FR,SA,SU",
                                         opens_at="00:00", closes_at="23:59")]
    builders.service("No Hours Clinic", description="Support.", commit=False)
    db.session.commit()


# (The `app` fixture holds one app context, and Flask-Babel keeps a request's language on
# it: each test asks in one language.)


def test_a_service_found_by_its_area_says_how_it_reaches_and_where(app, client):
    _reaching()
    html = _page(client, "/search?q=support&near=92630")
    where = "<dt>Where</dt><dd>{} – serves &lt;b&gt;Orange&lt;/b&gt; &amp; County</dd>"
    assert where.format("By phone") in _card(html, "Phone Warmline")
    assert where.format("Telehealth") in _card(html, "Video Groups")
    assert where.format("Comes to you") in _card(html, "Mobile Van")
    assert "transport options" not in _card(html, "Phone Warmline")  # no visit, no ride


def test_the_area_served_in_spanish(app, client):
    _reaching()
    spanish = _page(client, "/search?q=support&near=92630&lang=es")
    assert "<dt>Dónde</dt><dd>Por teléfono – da servicio en &lt;b&gt;Orange" in \
        _card(spanish, "Phone Warmline")


def test_an_open_service_shows_open_now_its_distance_and_rides(app, client):
    _open_and_not()
    html = _page(client, "/search?q=support&near=92618")
    card = _card(html, "Round The Clock Clinic")
    assert re.search(r'<dt>Hours</dt><dd><span class="badge badge-ok">[^<]+</span></dd>', card)
    assert re.search(r"<dt>Distance</dt><dd>\d\.\d miles</dd>", card)
    assert "<dt>Hours</dt>" not in _card(html, "No Hours Clinic")
    assert "No car? Show transport options" in card


def test_the_distance_in_vietnamese(app, client):
    _open_and_not()
    vietnamese = _card(_page(client, "/search?q=support&near=92618&lang=vi"),
                       "Round The Clock Clinic")
    assert re.search(r"<dt>Khoảng cách</dt><dd>\d\.\d", vietnamese)
