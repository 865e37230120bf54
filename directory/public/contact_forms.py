"""The public "Ask them to contact me" form: the way (text message or email), the number
or address (a US mobile number, kept as E.164, or an email address), when suits the person,
an optional note, and their consent in plain words, which name the program and say what
the directory does with the request. It carries no session CSRF token: the page gives a
signed one instead (anonymous_forms), so the public gets no cookie."""

import phonenumbers
from flask_babel import gettext as _
from flask_babel import lazy_gettext as _l
from flask_wtf import FlaskForm
from wtforms import BooleanField, RadioField, StringField, TextAreaField
from wtforms.validators import DataRequired, Email, Length, Optional, ValidationError

from ..contact_requests import CHANNEL_LABELS, INBOX, TIME_LABELS
from ..models.contact_request import CONTACT_NOTE_LENGTH

NOT_REMEMBERED = {"autocomplete": "off", "spellcheck": "false"}


class ContactRequestForm(FlaskForm):
    channel = RadioField(_l("How should they contact you?"), choices=list(
        CHANNEL_LABELS.items()), validate_choice=False)
    address = StringField(_l("Your mobile number or email address"), [
        DataRequired(_l("Enter the mobile number or the email address they should use.")),
        Length(max=254, message=_l("This is too long for a number or an email address."))],
        description=_l("A US mobile number for a text message, like (714) 555-0123, or an "
                       "email address."), render_kw=NOT_REMEMBERED)
    best_time = RadioField(_l("When suits you?"), choices=list(TIME_LABELS.items()),
                           default="any", validate_choice=False)
    note = TextAreaField(_l("Anything they should know (optional)"), [
        Optional(), Length(max=CONTACT_NOTE_LENGTH, message=_l(
            "Please keep the note to %(max)d characters or fewer."))],
        description=_l("For example a language you prefer, or a day that does not suit you. "
                       "Please do not write health details you do not want the program to "
                       "have."), render_kw={"rows": 3, "maxlength": CONTACT_NOTE_LENGTH})
    consent = BooleanField(validators=[DataRequired(_l(
        "Please tick the box to agree, or call the program instead."))])

    def __init__(self, program, destination, days, **kwargs):
        super().__init__(meta={"csrf": False}, **kwargs)
        if destination == INBOX:
            words = _("I agree that %(program)s may contact me by the way I chose above. The "
                      "directory passes my request on to them and shares it with no one else. "
                      "It keeps it only until they answer it, and at most %(days)d days. "
                      "Nothing of it is written to the directory's logs.",
                      program=program, days=days)
        else:
            words = _("I agree that %(program)s may contact me by the way I chose above. The "
                      "directory sends my request to them by email, shares it with no one "
                      "else and keeps no copy. Nothing of it is written to the directory's "
                      "logs.", program=program)
        self.consent.label.text = words

    def validate_channel(self, field):
        if field.data not in CHANNEL_LABELS:
            raise ValidationError(_l("Choose a text message or an email."))

    def validate_best_time(self, field):
        if field.data not in TIME_LABELS:
            field.data = "any"

    def validate_address(self, field):
        text = (field.data or "").strip()
        if self.channel.data == "text":
            field.data = us_mobile_number(text)
        elif self.channel.data == "email":
            Email(_l("Enter an email address, like name@example.org."))(self, field)
            field.data = text

    def asked(self):
        """Return what the person asked, as (channel, address, best_time, note)."""
        return (self.channel.data, self.address.data, self.best_time.data,
                (self.note.data or "").strip())


TEXTABLE = (phonenumbers.PhoneNumberType.MOBILE,
            phonenumbers.PhoneNumberType.FIXED_LINE_OR_MOBILE)


def us_mobile_number(text):
    """Return `text` as an E.164 US number; raise ValidationError when it is not one."""
    try:
        number = phonenumbers.parse(text, "US")
    except phonenumbers.NumberParseException:
        number = None
    # A US number that can take a text: not premium-rate (900), toll-free or another
    # country sharing +1 (the directory pays for each text, and texts go nowhere else).
    if number is None or phonenumbers.region_code_for_number(number) != "US" \
            or not phonenumbers.is_valid_number(number):
        raise ValidationError(_l("Enter a US mobile number, like (714) 555-0123."))
    kind = phonenumbers.number_type(number)
    if kind not in TEXTABLE:
        raise ValidationError(
            _l("Toll-free numbers cannot get text messages: enter a mobile number, like "
               "(714) 555-0123.") if kind == phonenumbers.PhoneNumberType.TOLL_FREE else
            _l("This number cannot get text messages (900 numbers are paid lines): enter a "
               "mobile number, like (714) 555-0123."))
    return phonenumbers.format_number(number, phonenumbers.PhoneNumberFormat.E164)
