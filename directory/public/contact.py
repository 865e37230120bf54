"""The public "Ask them to contact me" form of a service page, for someone who cannot face
a phone call: sent without an account or a cookie (a signed form token instead), limited
per number or address and per network address, passed on by contact_delivery, and answered
with a page of its own whose address carries no personal data (the form is POSTed)."""

from functools import wraps
from typing import NamedTuple

from flask import current_app, make_response, redirect, render_template, request, url_for
from flask_babel import get_locale
from flask_babel import gettext as _
from markupsafe import Markup
from wtforms.validators import ValidationError

from .. import anonymous_forms, catalogue, contact_delivery, contact_requests
from ..extensions import csrf, limiter
from ..first_step import first_step
from . import bp
from .contact_forms import ContactRequestForm, us_mobile_number


class Ask(NamedTuple):
    """The form as the page shows it, with its signed token, for one program."""

    form: ContactRequestForm
    token: str
    service_id: str
    name: str  # the program's, in the reader's language


def _purpose(service_id):
    return f"contact:{service_id}"  # what a form's token is issued for


@bp.app_template_global("contact_request_form")
def contact_request_form(service, formdata=None):
    """Return the form offered on `service`'s page (an Ask), or None when the program
    takes no requests through the directory."""
    facts = ask_facts(service)
    return ask_form(service.id, *facts, formdata) if facts else None


def ask_facts(service):
    """Return (name for the reader, destination) of a program that takes requests, or
    None: what a kept service page needs to offer the form (service_page.py)."""
    if not contact_requests.accepts_requests(service):
        return None
    return shown_name(service), contact_requests.destination(service)


def ask_section(service_id, facts):
    """Return the form's section of a service page (Markup), "" without `facts`."""
    if facts is None:
        return ""
    return Markup(render_template("public/_contact_request.html",
                                  ask=ask_form(service_id, *facts)))


def ask_form(service_id, name, destination, formdata=None):
    """Return the Ask of a program that takes requests, named `name` for the reader, whose
    requests go to `destination` (contact_requests.destination)."""
    form = ContactRequestForm(name, destination, contact_requests.retention_days(),
                              formdata=formdata)
    return Ask(form, anonymous_forms.issue(_purpose(service_id)), service_id, name)


def shown_name(service):
    """Return the service's name in the reader's language."""
    return service.text_in("name", str(get_locale())).text


def _setting(name):
    return lambda: current_app.config[name]


def _sent(response):
    return response.status_code == 303


def _address_key():
    # The same number however it is typed: (949) 555-0123 and 949.555.0123 count as one.
    address = request.form.get("address") or ""
    try:
        address = us_mobile_number(address)
    except ValidationError:
        pass
    return contact_requests.limit_key(address)


def _too_many_to_address():
    return _("Several requests were sent for this number or address today. The programs "
             "have them: please wait for them to contact you, or call them.")


def _too_many_from_here():
    return _("Many requests were sent from this network today. Please try again tomorrow, "
             "or call the program.")


def _not_kept(view):
    """Mark the view's answers `no-store`: a form sent back with its mistakes holds the
    number, address and note, and a shared phone's back button must not show them."""
    @wraps(view)
    def answer(*args, **kwargs):
        response = make_response(view(*args, **kwargs))
        response.headers["Cache-Control"] = "no-store"
        return response
    return answer


@bp.route("/services/<service_id>/contact", methods=["GET", "POST"])
@_not_kept
@limiter.limit(_setting("CONTACT_REQUEST_LIMIT_PER_NETWORK"), methods=["POST"],
               deduct_when=_sent, error_message=_too_many_from_here)
@limiter.limit(_setting("CONTACT_REQUEST_LIMIT_PER_ADDRESS"), methods=["POST"],
               deduct_when=_sent, error_message=_too_many_to_address, key_func=_address_key)
@csrf.exempt  # checked below with the page's signed token: the public has no session
def ask_to_contact(service_id):
    """Show the form on a page of its own, or send a request to be contacted."""
    service = catalogue.listed_service_or_404(service_id)
    if not contact_requests.accepts_requests(service):
        return _problem(service, _("This program does not take requests through the "
                                   "directory. Call or email them instead."), 404)
    if request.method == "POST" and not anonymous_forms.valid(
            request.form.get("form_token"), _purpose(service.id)):
        return _problem(service, _("This form has expired or did not come from this site. "
                                   "Go back, reload the page and send it again."), 400)
    ask = contact_request_form(service, formdata=request.form if request.form else None)
    if request.method == "GET" or not ask.form.validate():
        status = 400 if request.method == "POST" else 200
        return render_template("public/contact_request.html", service=service, ask=ask), status
    channel = ask.form.channel.data
    delivery = contact_delivery.deliver(service, contact_delivery.Asked(
        *ask.form.asked(), language=str(get_locale())))
    if not delivery.passed_on:
        return _problem(service, _("Your request could not be passed on to the program just "
                                   "now, and nothing was kept. Please try again later, or "
                                   "call them."), 502)
    return redirect(url_for("public.contact_request_sent", service_id=service.id, by=channel,
                            confirmed="yes" if delivery.confirmed else "no"), 303)


@bp.get("/services/<service_id>/contact/sent")
@_not_kept
def contact_request_sent(service_id):
    """Say that the request was passed on, and whether a confirmation was sent."""
    service = catalogue.listed_service_or_404(service_id)
    by = request.args.get("by")
    return render_template("public/contact_request_sent.html", service=service,
                           way=contact_requests.CHANNEL_LABELS.get(by),
                           confirmed=request.args.get("confirmed") == "yes")


def _problem(service, message, status):
    """The page of a request not sent: the reason, and the program's other ways in (its
    first step without this form, then its numbers to call)."""
    step = first_step(service)
    step = step._replace(lines=[line for line in step.lines if line.kind != "contact-request"])
    voice = [phone for phone in service.phones if phone not in service.text_phones]
    return render_template("public/contact_request_problem.html", service=service,
                           message=message, status=status, step=step, voice=voice), status


@bp.errorhandler(429)
def too_many_requests(error):
    """Explain a contact request's rate limit in words (the public pages' only limit)."""
    service = catalogue.listed_service_or_404((request.view_args or {}).get("service_id"))
    response = make_response(_problem(service, error.description, 429))
    response.headers["Cache-Control"] = "no-store"
    return response
