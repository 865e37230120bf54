"""The first step without a phone call as the editors set it (staff's service editor and a
provider's own listing): which terms of the `first-contact` group are ticked as flags (the
group's value terms are never attached: hsds/first_contact.py carries them), their
editor-facing words, and the one check an editor can fail: a program may take "Ask them
to contact me" requests only where a request has somewhere to go
(contact_requests.destination)."""

from types import SimpleNamespace

from flask_babel import lazy_gettext as _l

from .. import catalogue, contact_requests
from ..models.first_contact import (
    CONTACT_REQUESTS,
    FIRST_CONTACT_GROUP,
    SOMEONE_MAY_COME,
    VIDEO_FIRST_VISIT,
)

FIELD = "first_contact"
# The flags an editor ticks, in the order the editor shows them.
FLAG_LABELS = {
    VIDEO_FIRST_VISIT: _l("First visit can be by video"),
    SOMEONE_MAY_COME: _l("Someone may come along to the first visit"),
    CONTACT_REQUESTS: _l("Takes “Ask them to contact me” requests from this directory"),
}


def flag_terms():
    """Return the flag terms of the `first-contact` group, in FLAG_LABELS order."""
    terms = {t.code: t for t in catalogue.term_group(FIRST_CONTACT_GROUP)}
    return [terms[code] for code in FLAG_LABELS if code in terms]


def choices(terms):
    """Return the checkbox choices (term id, editor's words) of the flag `terms`."""
    return [(term.id, FLAG_LABELS[term.code]) for term in terms]


def requests_reachable(field, terms, organization_id, email):
    """Return whether the ticked flags in `field` can stand: ticking contact requests
    needs a provider inbox of `organization_id`, or the service's `email` where this
    directory sends mail; otherwise the error is put next to the checkboxes and False
    returned."""
    wanted = {term.id for term in terms if term.code == CONTACT_REQUESTS}
    if not wanted & set(field.data or ()):
        return True
    service = SimpleNamespace(organization_id=organization_id, email=(email or "").strip())
    if contact_requests.destination(service) is not None:
        return True
    if service.email:  # this directory sends no email (MAIL_* unset)
        field.errors.append(_l(
            "A request would have nowhere to go: this directory does not send email, so "
            "invite someone at the program to keep its listing (their requests then wait "
            "in its inbox) before ticking “Ask them to contact me” requests."))
    else:
        field.errors.append(_l(
            "A request would have nowhere to go: add the service's email above, or invite "
            "someone at the program to keep its listing, before ticking “Ask them to "
            "contact me” requests."))
    return False
