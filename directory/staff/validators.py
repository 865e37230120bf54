"""Checks and clean-ups for what staff type into forms: phone numbers parsed and written
the one way (the `phonenumbers` package; crisis short codes such as 988 allowed), web
addresses that a browser can open (the rule every link obeys, directory/weblinks.py, then
a real host name), ZIP codes, ages and coordinates in range. Each validator puts its
message next to the field it is about."""

import re
from urllib.parse import urlsplit

import phonenumbers
from flask_babel import lazy_gettext as _l
from phonenumbers import shortnumberinfo
from wtforms.validators import StopValidation, ValidationError

from .. import weblinks

ZIP_RE = re.compile(r"^\d{5}(-\d{4})?$")


def normalise_phone(text, region="US"):
    """Return a phone number written the directory's way, or raise ValueError."""
    text = (text or "").strip()
    try:
        number = phonenumbers.parse(text, region)
    except phonenumbers.NumberParseException:
        raise ValueError(text) from None
    if phonenumbers.is_valid_number(number):
        if phonenumbers.region_code_for_number(number) == region:
            return phonenumbers.format_number(number, phonenumbers.PhoneNumberFormat.NATIONAL)
        return phonenumbers.format_number(number, phonenumbers.PhoneNumberFormat.INTERNATIONAL)
    if shortnumberinfo.is_valid_short_number(number):
        return phonenumbers.national_significant_number(number)
    raise ValueError(text)


class PhoneNumber:
    """Accept a dialable number (or a short code like 988) and store it normalised."""

    def __call__(self, form, field):
        if not field.data:
            return
        try:
            field.data = normalise_phone(field.data)
        except ValueError:
            raise ValidationError(_l(
                "This is not a phone number we can dial. Enter it with the area code, "
                "like (714) 555-0100, or a short number like 988.")) from None


def normalise_url(text):
    """Return a web address with its scheme (https:// when none was typed), or raise."""
    text = (text or "").strip()
    if not text:
        return text
    # The shared rule first (what may ever be a link), then the form's own, stricter one:
    # a website is an http(s) page on a real, dotted host name.
    href = weblinks.web_link(text)
    if href is None:
        raise ValueError(text)
    parts = urlsplit(href)
    host = parts.hostname or ""
    if parts.scheme.lower() not in weblinks.WEB_SCHEMES or "." not in host \
            or host.startswith(".") or host.endswith("."):
        raise ValueError(text)
    return href


class WebAddress:
    """Accept a web address a browser can open: http(s), with a real host name."""

    def __call__(self, form, field):
        if not field.data:
            return
        try:
            field.data = normalise_url(field.data)
        except ValueError:
            raise ValidationError(_l(
                "Enter a full web address, like https://example.org/services.")) from None


class ZipCode:
    """Accept a US ZIP code: five digits, or ZIP+4."""

    def __call__(self, form, field):
        field.data = (field.data or "").strip()
        if field.data and not ZIP_RE.match(field.data):
            raise ValidationError(_l("Enter a 5-digit ZIP code, like 92630."))


class StateCode:
    """Accept a two-letter US state code, stored in capitals."""

    def __call__(self, form, field):
        field.data = (field.data or "").strip().upper()
        if field.data and not re.fullmatch(r"[A-Z]{2}", field.data):
            raise ValidationError(_l("Enter the two-letter state code, like CA."))


class RequiredIf:
    """Make a field required when another field of the form has a given value."""

    def __init__(self, other, values, message):
        self.other, self.values, self.message = other, values, message

    def __call__(self, form, field):
        typed = bool(field.raw_data and str(field.raw_data[0]).strip())
        if form[self.other].data in self.values and field.data in (None, "") and not typed:
            field.errors[:] = []
            raise StopValidation(self.message)
