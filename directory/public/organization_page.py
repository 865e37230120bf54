"""The organization page at the engine's speed: what it says of the organization (name,
description, phones, email, website) is rendered once per data stamp and reader's language
(`_organization_body.html`) and kept beside the result cards, with the ids of the services
it lists; per request only the kept cards of those services are filled in."""

from dataclasses import dataclass

from flask import abort, render_template
from flask_babel import gettext
from markupsafe import Markup

from .. import catalogue
from . import cards


@dataclass(frozen=True)
class Page:
    """One organization's page: its title, its part of the page, the services it lists."""

    name: str
    html: Markup
    listed: tuple  # the ids of its listed services, in the order the page shows them


def kept(organization_id):
    """Return the Page of an organization, or end the request with a 404."""
    key = (organization_id, "organization", *cards.kept_key())
    page = cards.cache().get(key)
    if page is None:
        record = catalogue.get_organization(organization_id)
        if record is None:
            abort(404, description=gettext("This organization is not in the directory."))
        page = cards.cache().put(key, Page(
            record.name, Markup(render_template("public/_organization_body.html",
                                                organization=record)),
            tuple(s.id for s in record.services if s.is_listed)))
    return page
