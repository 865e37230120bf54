"""What a provider may change, and how it is recorded: only the services and locations of
its own organization; availability, hours, phones and "still accurate" publish at once;
the description and eligibility text (in English, Spanish and Vietnamese) publish at once
too, unless PROVIDER_TEXT_REVIEW is on, when they go to the editors' suggestion queue
instead. Every change is written by
the audit history under the provider's name and organization (`actor_label`)."""

from flask import current_app
from sqlalchemy import select
from sqlalchemy.orm import selectinload

from ..extensions import db
from ..languages import language_name
from ..models import Location, Service, Suggestion
from ..staff import editing, translation_forms

TEXT_FIELDS = ("description", "eligibility_description")


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


def save_text(service, data, user):
    """Apply (or, under review, propose) the description and eligibility, and their
    translations; return "published", "proposed" or "unchanged"."""
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
