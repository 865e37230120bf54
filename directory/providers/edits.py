"""What a provider may change, and how it is recorded: only the services and locations of
its own organization; availability, hours, phones, "still accurate" and the first step's
flags and online form (staff/first_contact.py) publish at once; the description,
eligibility and "what happens at the first visit" text (in English, Spanish and
Vietnamese) publish at once too, unless PROVIDER_TEXT_REVIEW is on, when they go to the
editors' suggestion queue instead. Every change is written by
the audit history under the provider's name and organization (`actor_label`)."""

from flask import current_app
from sqlalchemy import select
from sqlalchemy.orm import selectinload

from ..extensions import db
from ..languages import language_name
from ..models import Location, Service, Suggestion
from ..models.first_contact import FIRST_CONTACT_GROUP
from ..staff import editing, first_contact, translation_forms

TEXT_FIELDS = ("description", "eligibility_description", "first_visit")


def actor_label(user):
    """Return how the history names a provider: name, organization and address."""
    organization = user.organization.name if user.organization else "?"
    return f"{user.name or user.email}, provider at {organization} ({user.email})"[:255]


def services_of(organization_id):
    """Return the organization's services, listed first, by name."""
    return db.session.scalars(
        select(Service).where(Service.organization_id == organization_id)
        .options(selectinload(Service.capacities), selectinload(Service.schedules))
        .order_by(Service.name)).all()


def own_service(user, service_id):
    """Return the service if it belongs to the provider's organization, else None."""
    service = db.session.get(Service, service_id) if service_id else None
    if service is None or not user.organization_id or \
            service.organization_id != user.organization_id:
        return None
    return service


def own_location(user, location_id):
    """Return the location if it belongs to the provider's organization, else None."""
    location = db.session.get(Location, location_id) if location_id else None
    if location is None or not user.organization_id or \
            location.organization_id != user.organization_id:
        return None
    return location


def text_reviewed():
    """Return whether providers' text edits wait for an editor (PROVIDER_TEXT_REVIEW)."""
    return bool(current_app.config.get("PROVIDER_TEXT_REVIEW"))


def fill_first_contact(form, service):
    """Tick the first-step flags `service` holds in a provider's form (by term code)."""
    form.first_contact.data = sorted(service.term_codes(FIRST_CONTACT_GROUP)
                                     & set(first_contact.FLAG_LABELS))


def save_first_contact(service, data):
    """Apply the first step's flags and online form (published at once, as a provider's
    other structured edits are); return whether anything changed."""
    terms = first_contact.flag_terms()
    ticked = set(data.get("first_contact") or ())
    before = (service.term_codes(FIRST_CONTACT_GROUP), service.contact_form_url)
    editing.set_terms(service, terms, {term.id for term in terms if term.code in ticked})
    editing.assign(service, data, ("contact_form_url",))
    return (service.term_codes(FIRST_CONTACT_GROUP), service.contact_form_url) != before


def save_text(service, data, user):
    """Apply the first step's flags and online form, and apply (or, under review,
    propose) the description, eligibility and first visit, and their translations; return
    "published", "proposed" or "unchanged"."""
    structured = save_first_contact(service, data)
    shown = _save_text(service, data, user)
    return "published" if structured and shown == "unchanged" else shown


def _save_text(service, data, user):
    wanted = {name: (data.get(name) or "").strip() or None for name in TEXT_FIELDS}
    changed = {name: value for name, value in wanted.items()
               if getattr(service, name) != value}
    translated = translation_forms.changed_translations(service, data, TEXT_FIELDS)
    if not changed and not translated:
        return "unchanged"
    if not text_reviewed():
        editing.assign(service, changed, changed)
        translation_forms.save(service, data, TEXT_FIELDS)
        return "published"
    said = [(name.replace("_", " ").capitalize(), value) for name, value in changed.items()]
    said += [(f"{name.replace('_', ' ').capitalize()} in {language_name(language)}", text)
             for (name, language), text in translated.items()]
    body = "\n\n".join(f"{label}: {value or '(empty)'}" for label, value in said)
    # Uncut: each part is bounded by its form field, and a cut would drop the last ones.
    db.session.add(Suggestion(service=service, body=f"From the program: {body}",
                              contact=user.email))
    return "proposed"
