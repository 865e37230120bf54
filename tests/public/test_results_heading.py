"""The results heading says what was searched for and where, not only how many: the words
typed (or the one category chosen) and the place, in the visitor's language with its
plural, and the page's title leads with the same words."""

import re
from html import unescape

import pytest

from tests.helpers import builders


def _heading(client, url):
    page = client.get(url).get_data(as_text=True)
    found = re.search(r'<h1 id="results-heading"[^>]*>(.*?)</h1>', page, re.DOTALL)
    title = re.search(r"<title>(.*?)</title>", page, re.DOTALL)
    words = re.sub(r"<[^>]+>", "", found.group(1))
    return " ".join(unescape(words).split()), unescape(title.group(1))


# After the count of matches, how many more are related, when some are (test_results_counts).
RELATED = r"(?: · \d+ (?:related|relacionados?|dịch vụ liên quan))?"


@pytest.mark.parametrize(("url", "pattern"), [
    ("/search?q=group+therapy&near=Irvine", r"\d+ services for “group therapy” near Irvine, CA"),
    ("/search?q=group+therapy", r"\d+ services for “group therapy”"),
    ("/search?near=92618", r"\d+ services near 92618 \(Irvine, CA\)"),
    ("/search?category=residential-treatment", r"\d+ services for “Residential treatment”"),
    ("/search?q=counseling&near=San+Diego", r"\d+ services for “counseling” near San Diego, CA"),
    ("/search?payment=free", r"\d+ services found"),
])
def test_the_heading_names_the_words_and_the_place(seeded_client, url, pattern):
    heading, title = _heading(seeded_client, url)
    assert re.fullmatch(pattern + RELATED, heading), heading
    assert title.startswith(heading + " · "), title


@pytest.mark.parametrize(("language", "pattern"), [
    ("es", r"\d+ servicios para “group therapy” cerca de Irvine, CA"),
    ("vi", r"\d+ dịch vụ cho “group therapy” gần Irvine, CA"),
])
def test_the_heading_is_in_the_visitors_language(seeded_client, language, pattern):
    heading, _title = _heading(seeded_client,
                               f"/search?q=group+therapy&near=Irvine&lang={language}")
    assert re.fullmatch(pattern + RELATED, heading), heading


@pytest.mark.parametrize(("language", "expected"), [
    ("en", "1 service for “snorkel” near 92630 (Lake Forest, CA)"),
    ("es", "1 servicio para “snorkel” cerca de 92630 (Lake Forest, CA)"),
    ("vi", "1 dịch vụ cho “snorkel” gần 92630 (Lake Forest, CA)"),
])
def test_one_service_is_counted_in_the_singular(client, language, expected):
    builders.service("Snorkel Recovery Club", description="Snorkel outings in recovery.")
    heading, _title = _heading(client, f"/search?q=snorkel&near=92630&lang={language}")
    assert heading == expected
