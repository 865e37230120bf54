"""Service cards at the engine's speed: each service's card is rendered once per version of
the directory's data (its stamp), reader's language and day, and kept in a bounded cache
per process; what depends on the request is filled in per request. A search result
(`_result_card.html`) takes the link that carries the search, the distance or the area
served, "open now", the "related" note and the link to rides; a listing (a category's or
an organization's services, `_service_card.html`) only its link's query. A page whose
cards are known loads no service and renders no card.

The stamp moves with every commit that writes directory data (datastamp.py), on every
server, so a card is never older than the database; the day is in the key because a card
says how long ago its service was verified."""

import secrets
import threading
from collections import OrderedDict
from dataclasses import dataclass
from datetime import UTC, date, datetime

from flask import current_app, render_template, url_for
from flask_babel import get_locale
from markupsafe import Markup, escape

from .. import catalogue, coverage, schedules
from ..extensions import kept_by_app
from ..messaging import email_ready
from ..reader_text import shown_text
from ..template_helpers import local_now, rules_phrase

# The parts of a card that each search fills in, marked in the rendered card by comments
# no record text can contain (text is escaped: "<" never reaches the page from data).
SLOTS = ("query", "where", "hours", "tail")
TEMPLATES = {"result": "public/_result_card.html", "listing": "public/_service_card.html"}
_TOKEN = secrets.token_hex(8)


class Marks:
    """A template's `slot`: `slot.name` (or `slot["name"]`) writes the mark of a slot."""

    def __getattr__(self, name):
        return Markup(f"<!--{_TOKEN}:{name}-->")

    __getitem__ = __getattr__


MARKS = Marks()


def filled(html, parts):
    """Return `html` with the slot of each name in `parts` replaced by its part (text is
    escaped; Markup, such as a macro's answer, is not)."""
    for name, part in parts.items():
        html = html.replace(MARKS[name], escape(part or ""), 1)
    return Markup(html)


@dataclass(frozen=True)
class Card:
    """One service's card: its HTML with the slots marked, and what filling them needs."""

    service_id: str
    html: str
    name: str  # in the reader's language (the map's markers)
    # (lat, lng, ZIP code) of each in-person location with coordinates; the ZIP code is
    # None when the location has no address, "" when the address has none.
    places: tuple
    delivery: frozenset
    signature: str  # the hours' rules (schedules.signature), "" when it lists none

    def filled(self, **parts):
        """Return the card's HTML with each slot replaced by its part (text is escaped;
        Markup, such as a macro's answer, is not)."""
        return filled(self.html, {name: parts.get(name) for name in SLOTS})


class CardCache:
    """The cards of one app in this process, least recently used out first."""

    def __init__(self, size):
        self.size = size
        self._cards = OrderedDict()
        self._phrases = {}  # (signature, zone, minute, language) -> hours_phrase's answer
        self._lock = threading.Lock()

    def cards(self, service_ids, kind="result"):
        """Return {service id: Card} of the ids the directory still holds, of a kind of
        TEMPLATES."""
        key = (kind, *kept_key())
        found = {i: self.get((i, key)) for i in dict.fromkeys(service_ids)}
        missing = [i for i, card in found.items() if card is None]
        if missing:
            for service in catalogue.get_services(missing, catalogue.card_loader_options()):
                found[service.id] = self.put((service.id, key),
                                             _render(service, TEMPLATES[kind]))
        return {i: card for i, card in found.items() if card is not None}

    def get(self, key):
        """Return what is kept under `key` (the newest use), or None."""
        with self._lock:
            kept = self._cards.get(key)
            if kept is not None:
                self._cards.move_to_end(key)
            return kept

    def put(self, key, kept):
        """Keep `kept` under `key`, the least recently used out beyond the size; return it."""
        with self._lock:
            if self.size:
                self._cards[key] = kept
            while len(self._cards) > self.size:
                self._cards.popitem(last=False)
        return kept

    def hours(self, card, moment=None):
        """Return hours_phrase's (state, words) for a card, worked out once per minute (the
        hours are kept to the minute, so the answer cannot change within one)."""
        if not card.signature:
            return None, None
        moment = (moment or datetime.now(UTC)).replace(second=0, microsecond=0)
        key = (card.signature, coverage.timezone(), moment, str(get_locale()))
        phrase = self._phrases.get(key)
        if phrase is None:
            if len(self._phrases) > 4 * self.size:
                self._phrases.clear()  # last minute's answers, mostly
            phrase = self._phrases[key] = rules_phrase(
                schedules.rules.from_signature(card.signature), moment)
        return phrase


def kept_key():
    """Return what a kept card or page is rendered for, beside its service: the data, the
    reader's language, the day (the directory's, which "verified 3 days ago" counts in, and
    the server's, which the stale warning does: template_helpers), and whether this directory sends mail (a program whose
    requests go by email takes them only then: models/first_contact.py)."""
    return (coverage.data_stamp(), str(get_locale()), local_now().date(), date.today(),
            email_ready())


def _render(service, template):
    places = tuple(
        (loc.latitude, loc.longitude,
         None if loc.address is None else (loc.address.postal_code or "")[:5])
        for loc in service.physical_locations if loc.has_coordinates)
    rules = schedules.rules_of(service.hours_schedules)
    return Card(service.id, render_template(template, service=service, slot=MARKS),
                shown_text(service, "name").text, places,
                frozenset(service.term_codes("delivery")),
                schedules.signature(rules) if rules else "")


def cache():
    """Return this app's card cache (made on first use)."""
    return kept_by_app("result_cards",
                       lambda: CardCache(current_app.config["RESULT_CARDS_KEPT"]))


def with_cards(hits):
    """Return [(hit, Card)] of the hits whose service the directory still holds."""
    cards = cache().cards([hit.service_id for hit in hits])
    return [(hit, cards[hit.service_id]) for hit in hits if hit.service_id in cards]


def listing(service_ids):
    """Return the listing cards (Markup) of the services the directory still holds, in
    the order of `service_ids`."""
    cards, query = cache().cards(service_ids, "listing"), search_query({})
    return [cards[i].filled(query=query) for i in service_ids if i in cards]


def search_query(carried):
    """Return the query ("?q=...") a service link carries, as url_for writes it (the search
    to lead back to, and the interface language the link carries), or ""."""
    address = url_for("public.service", service_id="-", **carried)
    return "?" + address.split("?", 1)[1] if "?" in address else ""
