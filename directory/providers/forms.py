"""Forms for programs and for sending them referrals: the invitation (admin) and taking
it, a service's description, eligibility and first step, the program's answer to a referral, and
the coordinator's send with one consent box per client detail. Forms hold no queries."""

from flask_babel import lazy_gettext as _l
from flask_wtf import FlaskForm
from wtforms import BooleanField, EmailField, SelectField, StringField, TextAreaField
from wtforms.validators import DataRequired, Email, Length, Optional, ValidationError

from ..staff.account_forms import _new_password
from ..staff.first_contact import FLAG_LABELS
from ..staff.forms import CheckboxesField, EditForm, LongText, _optional_area
from ..staff.translation_forms import with_translations
from ..staff.validators import WebAddress
from . import edits
from .program_referrals import ANSWERS


class InviteForm(FlaskForm):
    email = EmailField(_l("Email of the person at the program"), [
        DataRequired(_l("Enter the email address to send the invitation to.")),
        Email(_l("Enter an email address, like intake@example.org.")), Length(max=255)])
    name = StringField(_l("Their name"), [Optional(), Length(max=120)])
    organization_id = SelectField(_l("Organization"), choices=[], validate_choice=True)


class AcceptForm(FlaskForm):
    name = StringField(_l("Your name"), [DataRequired(_l("Enter your name.")),
                                         Length(max=120)],
                       description=_l("The history of your listings shows it."))
    password = _new_password(_l("Choose a password"))


class ListingTextForm(EditForm):
    description = _optional_area(_l("Description"))
    eligibility_description = _optional_area(_l("Eligibility"))
    # The first step without a phone call; the flags by term code (edits.py finds them).
    first_contact = CheckboxesField(_l("What the program offers"),
                                    choices=list(FLAG_LABELS.items()))
    contact_form_url = StringField(_l("Online form for a first request"),
                                   [Optional(), Length(max=500), WebAddress()])
    first_visit = _optional_area(_l("What happens at the first visit"))


with_translations(ListingTextForm, "service", LongText, edits.TEXT_FIELDS)


class AnswerForm(FlaskForm):
    answer = SelectField(_l("Your answer"), choices=[(key, label) for key, (_s, _r, _i, label)
                                                     in ANSWERS.items()])
    reason_text = TextAreaField(_l("Reason or note for the coordinator"),
                                [Length(max=1000)], render_kw={"rows": 3})

    def validate_reason_text(self, field):
        if self.answer.data == "declined" and not (field.data or "").strip():
            raise ValidationError(_l("Say why you decline, so the coordinator can find "
                                     "another program."))


def _consented(label):
    return StringField(label, [Optional(), Length(max=80)],
                       render_kw={"autocomplete": "off"})


class SendToProgramForm(FlaskForm):
    contact = StringField(_l("Your contact for the program"), [
        DataRequired(_l("Enter how the program reaches you.")), Length(max=255)])
    share_first_name = BooleanField(_l("The client agreed to share their first name"))
    first_name = _consented(_l("First name"))
    share_phone = BooleanField(_l("The client agreed to share their phone number"))
    phone = _consented(_l("Phone"))
    share_contact_time = BooleanField(_l("The client agreed to share when to call"))
    contact_time = _consented(_l("Preferred contact time"))

    def shared(self):
        """Return {field: value} of the details ticked as agreed to (nothing else goes)."""
        return {name: self[name].data for name in ("first_name", "phone", "contact_time")
                if self[f"share_{name}"].data and (self[name].data or "").strip()}

    def validate(self, extra_validators=None):
        ok = super().validate(extra_validators)
        for name in ("first_name", "phone", "contact_time"):
            if self[f"share_{name}"].data and not (self[name].data or "").strip():
                self[name].errors.append(_l("Fill this in, or untick the box above it."))
                ok = False
        return ok
