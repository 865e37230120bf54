"""The first step without a phone call: the one home of what a service offers a person for
whom calling a stranger is the hardest part (social anxiety, or the wish to ask quietly).

Each way lives where HSDS keeps it when HSDS has a place for it, and in this directory's
`first-contact` taxonomy group (seeds/taxonomy.json) when it has none:
- a text message: a phone of the service with `type` "text";
- an online form: the service's `contact_form_url` (exported as the value of an attribute
  of the `online-form` term);
- email: the service's `email`;
- walk-in hours: the service's schedules whose `attending_type` says walk-in;
- a first visit by video: the `video-first-visit` term;
- "Ask them to contact me" requests from the public page: the `contact-requests` term (the
  program opted in; contact_requests.py says where a request goes);
and beside them whether someone may come along (`someone-may-come`) and what happens at the
first visit (`first_visit`, translated like the rest of the record's text).

Search (its "Contact without calling" filter), the service page, matching (the social
anxiety barrier) and the printed lists read these facts and nothing else.
"""

import re
from typing import NamedTuple

FIRST_CONTACT_GROUP = "first-contact"
VIDEO_FIRST_VISIT = "video-first-visit"
SOMEONE_MAY_COME = "someone-may-come"
CONTACT_REQUESTS = "contact-requests"
# Terms whose attribute value carries a column's text in exports (hsds/), never attached.
VALUE_TERMS = {"online-form": "contact_form_url", "first-visit": "first_visit"}
# The ways without a call, in the order a page offers them: the quietest first.
WAYS = ("text", "online-form", "email", "contact-request", "walk-in", "video")
WALK_IN = "walk-in"
WALKING_IN = re.compile(r"\b(?:walk|drop)[\s-]*ins?\b")
# "No walk-ins", "walk-ins not accepted", "not a drop-in", "appointment only"
REFUSED = re.compile(r"\bno\s+(?:walk|drop)|\b(?:walk|drop)[\s-]*ins?\s+(?:are\s+)?not\b"
                     r"|\bnot\s+(?:a\s+)?(?:walk|drop)|\bappointments?\s+only\b"
                     r"|\bonly\s+by\s+appointment")


def request_destination(has_inbox, email):
    """Return where an "Ask them to contact me" request goes: "inbox" (a provider account
    looks after the program), "email" (the service's address, when this directory can send
    mail), or None: nowhere, so the program takes none, whatever it ticked."""
    from flask import has_app_context

    from ..messaging import email_ready

    if has_inbox:
        return "inbox"
    return "email" if email and has_app_context() and email_ready() else None


class Way(NamedTuple):
    """One way to make first contact without calling: its kind (WAYS) and what it needs
    (the phone, the form's address, the email address, the walk-in schedules, or None)."""

    kind: str
    value: object = None


def is_walk_in(schedule):
    """Return whether `schedule` is a time to walk in without an appointment (HSDS 3.0
    `attending_type`, free text: "walk-in", "Walk in", "Drop-in hours", "Walk-ins welcome,
    no appointment needed"; never "No walk-ins" or "Walk-ins not accepted")."""
    kind = (getattr(schedule, "attending_type", None) or "").lower()
    return bool(WALKING_IN.search(kind)) and not REFUSED.search(kind)


class FirstContactFacts:
    """The ways a service can be first contacted without a phone call. A class using it has
    `phones` (each with `type`), `email`, `contact_form_url`, `first_visit`, `schedules`
    (each with `attending_type`), `has_provider_inbox` and ServiceFacts' `term_codes`."""

    @property
    def walk_in_schedules(self):
        """Return the schedules that are walk-in hours."""
        return [s for s in self.schedules if is_walk_in(s)]

    @property
    def text_phones(self):
        """Return the phones that take text messages."""
        return [p for p in self.phones if (p.type or "").lower() == "text"]

    @property
    def takes_contact_requests(self):
        """Return whether the program takes "Ask them to contact me" requests: it opted in,
        and a request can reach it (request_destination)."""
        return CONTACT_REQUESTS in self.term_codes(FIRST_CONTACT_GROUP) and \
            request_destination(self.has_provider_inbox, self.email) is not None

    @property
    def someone_may_come(self):
        """Return whether a friend or family member may come to the first visit."""
        return SOMEONE_MAY_COME in self.term_codes(FIRST_CONTACT_GROUP)

    @property
    def first_contact_ways(self):
        """Return the ways to make first contact without calling, in WAYS order."""
        ways = []
        texts = self.text_phones
        if texts:
            ways.append(Way("text", texts[0]))
        if self.contact_form_url:
            ways.append(Way("online-form", self.contact_form_url))
        if self.email:
            ways.append(Way("email", self.email))
        if self.takes_contact_requests:
            ways.append(Way("contact-request"))
        walk_in = self.walk_in_schedules
        if walk_in:
            ways.append(Way("walk-in", walk_in))
        if VIDEO_FIRST_VISIT in self.term_codes(FIRST_CONTACT_GROUP):
            ways.append(Way("video"))
        return tuple(ways)

    @property
    def contactable_without_calling(self):
        """Return whether any first step needs no phone call."""
        return bool(self.first_contact_ways)
