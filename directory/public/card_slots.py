"""What each search fills into a kept result card (cards.py, `_result_card.html`): the
distance or the area served, the hours (open now), the "related" note and the link to rides.

Written here rather than as template macros: twenty cards' slots through Jinja's macro calls
cost as much as the search behind the page (bench/README.md). The words every card may say
are translated once a page (`words`), as Jinja's gettext gives them (the translation is
trusted, what is put into it escaped), so the page reads as the templates wrote it."""

from types import SimpleNamespace

from flask_babel import gettext
from markupsafe import Markup, escape

from ..template_helpers import miles
from . import bp, cards

REMOTE_CODES = ("telehealth-video", "online-group")


def _trusted(translated, **values):
    """Return a translated phrase as a template's _() gives it: the translation trusted
    (Markup), the values put into it escaped."""
    return Markup(translated) % values if values else Markup(translated)


def words():
    """Return the words any card's slots may say, translated (words().distance)."""
    return SimpleNamespace(
        distance=_trusted(gettext("Distance")), hours=_trusted(gettext("Hours")),
        where=_trusted(gettext("Where")),
        rides=_trusted(gettext("No car? Show transport options")),
        telehealth=_trusted(gettext("Telehealth")), phone=_trusted(gettext("By phone")),
        comes=_trusted(gettext("Comes to you")),
        in_zip=gettext("In ZIP code %(code)s"), about=gettext("About %(distance)s"),
        serves=gettext("serves %(areas)s"),
        related=_trusted(
            gettext("Related: it has some of the words you searched for, not all.")))


def _distance(hit, card, findings, words):
    how, value = findings.distance_of(hit, card)
    if how == "zip":
        return _trusted(words.in_zip, code=value)
    if how == "about":
        return _trusted(words.about, distance=miles(value))
    return escape(miles(value))


def where(hit, card, findings, words):
    """Return the slot saying how far the service is, or where it serves and how."""
    if hit.distance_miles is not None:
        return Markup(f"<div><dt>{words.distance}</dt>"
                      f"<dd>{_distance(hit, card, findings, words)}</dd></div>")
    if not hit.area_names:
        return Markup("")
    delivery = card.delivery
    how = (words.telehealth if any(code in delivery for code in REMOTE_CODES)
           else words.phone if "phone" in delivery else words.comes)
    serves = _trusted(words.serves, areas=", ".join(hit.area_names))
    return Markup(f"<div><dt>{words.where}</dt><dd>{how} – {serves}</dd></div>")


def hours(card, words):
    """Return the slot of the service's hours now ("Open now until 5 pm"), or nothing."""
    status, said = cards.cache().hours(card)
    if not status:
        return Markup("")
    said = escape(said)
    if status == "open":
        said = Markup(f'<span class="badge badge-ok">{said}</span>')
    return Markup(f"<div><dt>{words.hours}</dt><dd>{said}</dd></div>")


def tail(hit, card, findings, rides, words):
    """Return the notes after the card's actions: "related", and the link to rides."""
    parts = []
    if hit.related:
        parts.append(f'<p class="related-note">{words.related}</p>')
    if hit.distance_miles is not None and "in-person" in card.delivery and findings.place:
        parts.append(f'<p class="barrier"><a href="{escape(rides)}">{words.rides}</a></p>')
    return Markup("\n".join(parts))


@bp.app_template_global("result_cards")
def result_cards(found, findings, rides, query):
    """Return the HTML (Markup) of each (hit, Card) of `found`, its slots filled for this
    search: `rides` is the link to transport options near the searched place, `query`
    what a service's link carries."""
    said = words()
    return [card.filled(query=query, where=where(hit, card, findings, said),
                        hours=hours(card, said), tail=tail(hit, card, findings, rides, said))
            for hit, card in found]
