"""The service page's first step without a phone call: the ways (a text link, the online
form, email, "Ask them to contact you" down the page, walk-in hours in words, a first visit
by video) under the name and before the Call button, whether someone may come along, and
what happens at the first visit in the reader's language; nothing for a service whose only
way is a call."""

import re

import pytest

from directory import models as m
from directory.extensions import db
from tests.helpers import builders
from tests.helpers.pages import html_of

FIRST_VISIT = "You meet a counsellor for half an hour; bring nothing but yourself."


@pytest.fixture
def quiet(app, terms):
    """A clinic offering every way without a call, someone along, and its first visit."""
    made = builders.service(
        "Quiet Door Clinic", terms=[terms["outpatient-counselling"], terms["contact-requests"],
                                    terms["video-first-visit"], terms["someone-may-come"]],
        description="Counselling for anxiety and depression.", email="intake@quietdoor.org",
        contact_form_url="https://quietdoor.org/first-request", first_visit=FIRST_VISIT)
    made.phones = [m.Phone(number="(949) 555-0100", type="voice"),
                   m.Phone(number="(714) 555-0100", type="text")]
    made.schedules = [
        m.Schedule(freq="WEEKLY", byday="MO,TU,WE,TH,FR", opens_at="09:00", closes_at="17:00"),
        m.Schedule(freq="WEEKLY", byday="TU", opens_at="13:00", closes_at="15:00",
                   attending_type="walk-in")]
    db.session.commit()
    return made


def _page(app, client, url):
    with app.app_context():  # a context per request, as in production (its language)
        response = client.get(url)
        assert response.status_code == 200
        return html_of(response)


def _section(page):
    found = re.search(r'<section class="first-step".*?</section>', page, re.DOTALL)
    assert found, "a first step section"
    return found.group(0)


def test_the_ways_without_a_call_come_first_each_doing_what_it_says(app, client, quiet,
                                                                    smtp_server):
    page = _page(app, client, f"/services/{quiet.id}")
    section = _section(page)
    assert '<h2 id="first-step-heading">First step</h2>' in section
    ways = re.findall(r"<li>(.*?)</li>", section, re.DOTALL)
    assert [re.sub(r"<[^>]+>", "", w).strip() for w in ways] == [
        "Text (714) 555-0100", "Online form", "Email intake@quietdoor.org",
        "Ask them to contact you", "Walk in: Tuesday: 1:00 PM – 3:00 PM",
        "First visit by video"]
    assert 'href="sms:+17145550100"' in ways[0]
    assert 'href="https://quietdoor.org/first-request"' in ways[1]
    assert 'href="mailto:intake@quietdoor.org"' in ways[2]
    assert 'href="#ask-to-contact"' in ways[3]
    assert "Someone may come with you" in section
    # Under the name, before the Call button, the helpline and the description.
    name, first, call = (page.index('id="service-name"'), page.index("first-step-heading"),
                         page.index('class="call button-primary"'))
    assert name < first < call < page.index('class="lede"')
    visit = page.index("What happens at your first visit")
    assert call < visit < page.index('class="lede"') and FIRST_VISIT in page
    # Walk-in hours are a way in, not the opening hours: the week still reads 9 to 5.
    assert "Tuesday" in page and "9:00 AM – 5:00 PM" in page


def test_a_service_reached_only_by_calling_shows_no_first_step(app, client, terms):
    voice = builders.service("Call Only Clinic", terms=[terms["outpatient-counselling"]],
                             description="Counselling.")
    voice.phones = [m.Phone(number="(949) 555-0111", type="voice")]
    db.session.commit()
    page = _page(app, client, f"/services/{voice.id}")
    assert "first-step" not in page and "First step" not in page
    assert "What happens at your first visit" not in page
    assert 'class="call button-primary" href="tel:' in page


def test_contact_requests_with_nowhere_to_go_are_not_offered(app, client, terms):
    nowhere = builders.service("Form Only Clinic", terms=[terms["contact-requests"]],
                               contact_form_url="quietdoor.org/ask")
    page = _page(app, client, f"/services/{nowhere.id}")
    section = _section(page)
    assert "#ask-to-contact" not in section and "Ask them to contact you" not in section
    assert 'href="https://quietdoor.org/ask"' in section  # the form, as typed, made a link


@pytest.mark.parametrize("language,heading,marker", [
    ("es", "Primer paso", "en inglés"), ("vi", "Bước đầu tiên", "bằng tiếng Anh")])
def test_the_first_visit_reads_the_visitors_language(app, client, quiet, language, heading,
                                                     marker):
    english = _page(app, client, f"/services/{quiet.id}?lang={language}")
    assert f'<h2 id="first-step-heading">{heading}</h2>' in english
    assert (f'<p><span lang="en">{FIRST_VISIT}</span> '
            f'<span class="in-english">({marker})</span></p>') in english
    builders.translate(quiet, language, first_visit="Texto de la primera visita.")
    translated = _page(app, client, f"/services/{quiet.id}?lang={language}")
    assert f'<p><span lang="{language}">Texto de la primera visita.</span></p>' in translated
    assert FIRST_VISIT not in translated

