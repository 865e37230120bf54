"""Forms of the referral workspace: a list's details (with the warning next to the client
reference), the intake match, an item's status, note and follow-up date, and the period of
the outcome counts. Forms hold no queries: views pass in the category choices."""

import re
from datetime import date

import phonenumbers
from flask_babel import lazy_gettext as _l
from flask_wtf import FlaskForm
from wtforms import (
    BooleanField,
    DateField,
    IntegerField,
    RadioField,
    SelectField,
    StringField,
    TextAreaField,
)
from wtforms.validators import (
    DataRequired,
    Email,
    Length,
    NumberRange,
    Optional,
    ValidationError,
)

from .. import populations
from ..i18n import LANGUAGES as INTERFACE_LANGUAGES
from ..labels import LANGUAGES
from ..matching import BARRIERS
from ..models.referral import NOTE_LENGTH, REFERENCE_LENGTH, REFERRAL_STATUSES, TITLE_LENGTH
from ..search.params import RADIUS_DEFAULT
from ..staff.forms import CheckboxesField

STATUS_LABELS = dict(zip(REFERRAL_STATUSES, (
    _l("Suggested"), _l("Referred"), _l("Contacted"), _l("Enrolled"), _l("Could not reach"),
    _l("Not eligible"), _l("No capacity"), _l("Client declined")), strict=True))
BARRIER_LABELS = dict(zip(BARRIERS, (
    _l("No car: relies on transit or rides"), _l("Mobility or wheelchair needs"),
    _l("Social anxiety, or prefers remote"), _l("Needs childcare"),
    _l("Needs evening or weekend hours"), _l("Urgent: needs a place now")), strict=True))
PAYMENT_CHOICES = [("", _l("Not asked")), ("medi-cal", _l("Medi-Cal")),
                   ("medicare", _l("Medicare")), ("private-insurance", _l("Private insurance")),
                   ("none", _l("No insurance"))]
RADIUS_CHOICES = [("5", _l("5 miles")), ("10", _l("10 miles")), ("25", _l("25 miles")),
                  ("50", _l("50 miles"))]
REFERENCE_WARNING = _l("Initials or a chart number only. Never the client's name or birth "
                       "date. It is not printed and not shared.")


class PlausibleDate:
    """A date between 2000 and 2100: anything else is a typing slip, not a plan."""

    def __call__(self, form, field):
        if field.data and not date(2000, 1, 1) <= field.data <= date(2100, 12, 31):
            raise ValidationError(_l("Enter a date between 2000 and 2100."))


class ReferralListForm(FlaskForm):
    title = StringField(_l("Title"), [DataRequired(_l("Give the list a title, like “Recovery "
                                                      "options”.")),
                                      Length(max=TITLE_LENGTH)],
                        description=_l("Printed and shared with the client: no name in it."))
    reference = StringField(_l("Client reference"), [Optional(), Length(
        max=REFERENCE_LENGTH, message=_l("Use at most %(max)d characters: initials or a "
                                         "chart number."))], description=REFERENCE_WARNING)
    contact = StringField(_l("Staff contact printed on the list"), [Optional(), Length(max=255)],
                          description=_l("Your name and a phone number the client can call. "
                                         "Left empty, your email address is printed."))
    notes = TextAreaField(_l("Staff notes"), [Optional(), Length(max=NOTE_LENGTH)],
                          description=_l("For staff only: not printed, not shared."))

    def validate_title(self, field):
        # The title is printed and shared: a birth date or a phone number says who it is for.
        text = field.data or ""
        if (re.search(r"\b\d{1,2}[/.-]\d{1,2}[/.-]\d{2,4}\b", text)
                or re.search(r"\b(dob|born|birth)", text, re.IGNORECASE)
                or sum(ch.isdigit() for ch in text) >= 7):
            raise ValidationError(_l("The title is printed and shared: leave out birth dates, "
                                     "phone numbers and names."))

    def validate_reference(self, field):
        text = (field.data or "").strip()
        if sum(ch.isalpha() for ch in text) > 6 and " " in text:
            raise ValidationError(_l("This looks like a name. Use initials or a chart "
                                     "number instead."))
        field.data = text or None


class MatchForm(FlaskForm):
    categories = CheckboxesField(_l("What the client needs"), choices=[])
    text = StringField(_l("Anything else they need"), [Optional(), Length(max=200)],
                       description=_l("In a few words, like “detox” or “grief group”. No "
                                      "names."))
    near = StringField(_l("Where they are"), [DataRequired(_l(
        "Enter the client's ZIP code, city or address.")), Length(max=200)],
        description=_l("ZIP code, city or street address"))
    radius = SelectField(_l("How far they can go"), choices=RADIUS_CHOICES,
                         default=f"{RADIUS_DEFAULT:g}")
    age = IntegerField(_l("Age"), [Optional(), NumberRange(0, 120, _l(
        "Enter an age from 0 to 120."))])
    languages = CheckboxesField(_l("Languages they prefer"), choices=list(LANGUAGES.items()))
    payment = RadioField(_l("How they will pay"), choices=PAYMENT_CHOICES, default="")
    barriers = CheckboxesField(_l("What gets in the way"), choices=list(BARRIER_LABELS.items()))
    groups = CheckboxesField(
        _l("Groups the client belongs to"), choices=list(populations.LABELS.items()),
        description=_l("Only if the client told you. Services limited to a group are shown "
                       "to the people in it."))
    show_limited = BooleanField(_l("Also show services limited to other groups"))

    def validate(self, extra_validators=None):
        valid = super().validate(extra_validators)
        if not self.categories.data and not (self.text.data or "").strip():
            self.text.errors = [*self.text.errors, _l("Choose what the client needs, or "
                                                      "describe it here.")]
            return False
        return valid


class ItemForm(FlaskForm):
    status = SelectField(_l("Referral status"), choices=list(STATUS_LABELS.items()))
    follow_up_on = DateField(_l("Follow up on"), [Optional(), PlausibleDate()])
    note = TextAreaField(_l("Note for the client"), [Optional(), Length(max=NOTE_LENGTH)],
                         description=_l("Printed and shared, like “Ask for Maria, mention "
                                        "Dr. Lee sent you”."))


class PeriodForm(FlaskForm):
    class Meta:
        csrf = False  # a GET form: it only chooses what to count

    start = DateField(_l("From"), [Optional(), PlausibleDate()])
    end = DateField(_l("To"), [Optional(), PlausibleDate()])

    def validate_end(self, field):
        if field.data and self.start.data and field.data < self.start.data:
            raise ValidationError(_l("The end date must be on or after the start date."))


# Typed in for one send and kept nowhere: the browser is asked not to remember it either.
NOT_REMEMBERED = {"autocomplete": "off", "spellcheck": "false"}


class SendEmailForm(FlaskForm):
    address = StringField(_l("Client's email address"), [
        DataRequired(_l("Enter the email address to send the list to.")), Length(max=254),
        Email(_l("Enter an email address, like name@example.org."))],
        description=_l("Used for this email only: not saved."),
        render_kw={**NOT_REMEMBERED, "inputmode": "email"})
    language = SelectField(_l("Language of the message"),
                           choices=list(INTERFACE_LANGUAGES.items()), default="en")


class SendTextForm(FlaskForm):
    number = StringField(_l("Client's mobile number"), [
        DataRequired(_l("Enter the mobile number to text the list to.")), Length(max=30)],
        description=_l("Used for this text only: not saved. A US number, or +country code."),
        render_kw={**NOT_REMEMBERED, "inputmode": "tel"})
    language = SelectField(_l("Language of the message"),
                           choices=list(INTERFACE_LANGUAGES.items()), default="en")

    def validate_number(self, field):
        try:
            number = phonenumbers.parse(field.data or "", "US")
        except phonenumbers.NumberParseException:
            number = None
        if number is None or not phonenumbers.is_valid_number(number):
            raise ValidationError(_l("Enter a mobile number, like (949) 555-0123 or "
                                     "+84 912 345 678."))
        field.data = phonenumbers.format_number(number, phonenumbers.PhoneNumberFormat.E164)


class ConfirmForm(FlaskForm):
    """A button that changes something: only the CSRF token."""
