"""Forms for editing the directory: organizations, services (with their terms, languages,
eligibility and ages, and their text in Spanish and Vietnamese: translation_forms.py),
phones, service areas, locations and availability (the weekly hours: hours_forms.py).
Every form posts with a CSRF token (Flask-WTF); every message sits next to its field.
Free text is bounded by TEXT_MAX_CHARS, the bound imports share, and names by their
columns. Forms hold no queries: views pass in the choices."""

from flask_babel import format_decimal
from flask_babel import lazy_gettext as _l
from flask_wtf import FlaskForm
from wtforms import (
    BooleanField,
    FieldList,
    Form,
    FormField,
    HiddenField,
    IntegerField,
    RadioField,
    SelectField,
    SelectMultipleField,
    StringField,
    TextAreaField,
)
from wtforms.validators import (
    DataRequired,
    Email,
    InputRequired,
    Length,
    NumberRange,
    Optional,
    Regexp,
    ValidationError,
)
from wtforms.widgets import CheckboxInput, ListWidget

from .. import coverage
from ..config import limit
from ..models.service_facts import TEMPORARILY_CLOSED
from .translation_forms import with_translations
from .validators import PhoneNumber, RequiredIf, StateCode, WebAddress, ZipCode

SHORT = 255
STATUS_CHOICES = [("active", _l("Active")), (TEMPORARILY_CLOSED, _l("Temporarily closed")),
                  ("inactive", _l("Inactive (not listed)")), ("defunct", _l("Defunct (closed)"))]


class CheckboxesField(SelectMultipleField):
    """Several choices as checkboxes."""

    widget = ListWidget(prefix_label=False)
    option_widget = CheckboxInput()


class EditForm(FlaskForm):
    """A form that edits a record: it carries the stamp of the record as it was opened."""

    stamp = HiddenField()


class LongText:
    """Accept free text of at most TEXT_MAX_CHARS characters, read when the form is used
    (imports refuse longer text by the same setting)."""

    @property
    def field_flags(self):
        return {"maxlength": limit("TEXT_MAX_CHARS")}

    def __call__(self, form, field):
        most, length = limit("TEXT_MAX_CHARS"), len(field.data or "")
        if length > most:
            raise ValidationError(_l("Use at most %(most)s characters here; this has "
                                     "%(length)s.", most=format_decimal(most),
                                     length=format_decimal(length)))


def _optional_text(label, length=SHORT, **kwargs):
    return StringField(label, [Optional(), Length(max=length)], **kwargs)


def _optional_area(label):
    return TextAreaField(label, [Optional(), LongText()], render_kw={"rows": 5})


class OrganizationForm(EditForm):
    name = StringField(_l("Name"), [DataRequired(_l("Enter the organization's name.")),
                                    Length(max=SHORT)])
    alternate_name = _optional_text(_l("Other name"))
    description = _optional_area(_l("Description"))
    email = StringField(_l("Email"), [Optional(), Email(_l("Enter an email address, like "
                                                           "intake@example.org.")),
                                      Length(max=SHORT)])
    website = StringField(_l("Website"), [Optional(), Length(max=500), WebAddress()])


class ServiceForm(EditForm):
    organization_id = SelectField(_l("Organization"), choices=[], validate_choice=True)
    name = StringField(_l("Name"), [DataRequired(_l("Enter the service's name.")),
                                    Length(max=SHORT)])
    alternate_name = _optional_text(_l("Other name"))
    description = _optional_area(_l("Description"))
    status = SelectField(_l("Status"), choices=STATUS_CHOICES, default="active")
    alert = _optional_area(_l("Notice shown at the top of the page"))
    url = StringField(_l("Website"), [Optional(), Length(max=500), WebAddress()])
    email = StringField(_l("Email"), [Optional(), Email(_l("Enter an email address, like "
                                                           "intake@example.org.")),
                                      Length(max=SHORT)])
    application_process = _optional_area(_l("How to apply"))
    # The first step without a phone call (models/first_contact.py)
    first_contact = CheckboxesField(_l("What the program offers"), choices=[])
    contact_form_url = StringField(_l("Online form for a first request"),
                                   [Optional(), Length(max=500), WebAddress()])
    first_visit = _optional_area(_l("What happens at the first visit"))
    categories = CheckboxesField(_l("Categories"), choices=[])
    delivery = CheckboxesField(_l("How it is delivered"), choices=[])
    payment = CheckboxesField(_l("Payment accepted"), choices=[])
    fees_description = _optional_area(_l("Cost and fees"))
    population = CheckboxesField(_l("Who it serves"), choices=[])
    accessibility = CheckboxesField(_l("Accessibility"), choices=[])
    eligibility_description = _optional_area(_l("Eligibility"))
    minimum_age = IntegerField(_l("Youngest age served"), [Optional(), NumberRange(
        0, 120, _l("Enter an age from 0 to 120."))])
    maximum_age = IntegerField(_l("Oldest age served"), [Optional(), NumberRange(
        0, 120, _l("Enter an age from 0 to 120."))])
    languages = StringField(_l("Languages spoken"), [Optional(), Length(max=1000)],
                            description=_l("Separate them with commas, like: English, Spanish"))
    interpretation_services = _optional_area(_l("Interpretation"))
    accreditations = _optional_area(_l("Accreditations"))
    licenses = _optional_area(_l("Licenses"))
    suggestion_id = HiddenField()

    def validate_maximum_age(self, field):
        low = self.minimum_age.data
        if field.data is not None and low is not None and low > field.data:
            raise ValidationError(_l("The oldest age cannot be below the youngest age."))


with_translations(ServiceForm, "service", LongText, wait_time=_l("Wait time"))


class PhoneRow(Form):
    id = HiddenField()
    number = StringField(_l("Number"), [Optional(), Length(max=64), PhoneNumber()])
    # HSDS types an extension as a number: digits only, so exports stay valid.
    extension = StringField(_l("Extension"), [Optional(), Regexp(
        r"^\d{1,8}$", message=_l("Use digits only for the extension, e.g. 204."))])
    type = SelectField(_l("Kind"), choices=[
        ("voice", _l("Voice")), ("text", _l("Text messages")), ("fax", _l("Fax")),
        ("cell", _l("Cell")), ("video", _l("Video")), ("textphone", _l("TTY")),
        ("pager", _l("Pager"))], default="voice")
    description = _optional_text(_l("What it is for"), description=_l("Like “Intake line”"))
    remove = BooleanField(_l("Remove this number"))

    def validate_number(self, field):
        if self.id.data and not field.data and not self.remove.data:
            raise ValidationError(_l("Enter a number, or tick “Remove this number”."))
        if field.data and field.data.isdigit() and 3 < len(field.data) <= 6 \
                and self.type.data != "text":
            raise ValidationError(_l("A number this short is a text short code (like 741741): "
                                     "choose “Text messages” as its kind, or add the area "
                                     "code."))


with_translations(PhoneRow, "phone", LongText)


class PhonesForm(EditForm):
    phones = FieldList(FormField(PhoneRow), min_entries=1, max_entries=30)


class AreaRow(Form):
    id = HiddenField()
    kind = SelectField(_l("Kind of area"), choices=[
        ("state", _l("A whole state")), ("county", _l("A county")),
        ("postal_code", _l("ZIP codes"))], default="county")
    value = StringField(_l("Area"), [Optional(), Length(max=2000)],
                        description=_l("CA · Orange, CA · 92630 92610"))
    name = _optional_text(_l("Name people read"), description=_l("Left empty, one is made up"))
    remove = BooleanField(_l("Remove this area"))


class AreasForm(EditForm):
    areas = FieldList(FormField(AreaRow), min_entries=1, max_entries=30)


class LocationForm(EditForm):
    name = StringField(_l("Name"), [DataRequired(_l("Enter a name, like “Main office”.")),
                                    Length(max=SHORT)])
    location_type = SelectField(_l("Kind of place"), choices=[
        ("physical", _l("A place people visit")), ("virtual", _l("Online or by phone")),
        ("postal", _l("A mailing address only"))], default="physical")
    description = _optional_area(_l("Description"))
    transportation = _optional_area(_l("Getting there"))
    address_1 = StringField(_l("Street address"), [RequiredIf("location_type", (
        "physical", "postal"), _l("Enter the street address.")), Optional(), Length(max=SHORT)])
    address_2 = _optional_text(_l("Suite, floor or unit"))
    city = StringField(_l("City"), [RequiredIf("location_type", ("physical", "postal"), _l(
        "Enter the city.")), Optional(), Length(max=100)])
    state_province = StringField(_l("State"), [RequiredIf("location_type", (
        "physical", "postal"), _l("Enter the state.")), Optional(), StateCode()],
        default=lambda: next(iter(coverage.home_states()), ""))  # the directory's own
    postal_code = StringField(_l("ZIP code"), [RequiredIf("location_type", (
        "physical", "postal"), _l("Enter the ZIP code.")), Optional(), ZipCode()])
    set_coordinates = BooleanField(_l("Place it on the map by hand"))
    latitude = StringField(_l("Latitude"), [RequiredIf("set_coordinates", (True,), _l(
        "Enter the latitude, or untick “Place it on the map by hand”."))])
    longitude = StringField(_l("Longitude"), [RequiredIf("set_coordinates", (True,), _l(
        "Enter the longitude, or untick “Place it on the map by hand”."))])
    services = CheckboxesField(_l("Services delivered here"), choices=[])

    def _coordinate(self, field, low, high):
        if not self.set_coordinates.data or field.data in (None, ""):
            return
        try:
            number = float(str(field.data).strip())
        except ValueError:
            raise ValidationError(_l("Enter a number, like 33.6469.")) from None
        if not low <= number <= high:
            raise ValidationError(_l("Enter a number from %(low)d to %(high)d.",
                                     low=low, high=high))
        field.data = number

    def validate_latitude(self, field):
        self._coordinate(field, -90, 90)

    def validate_longitude(self, field):
        self._coordinate(field, -180, 180)


class AvailabilityForm(EditForm):
    unit = SelectField(_l("Counted in"), choices=[
        ("beds", _l("Beds")), ("seats", _l("Seats")), ("places", _l("Places"))],
        default="beds")
    accepting = RadioField(_l("Accepting new clients?"), [InputRequired(_l(
        "Say whether new clients are being accepted."))],
        choices=[("yes", _l("Yes")), ("no", _l("No"))])
    available = IntegerField(_l("Available now"), [InputRequired(_l(
        "Enter how many are free now (0 if none).")), NumberRange(0, 10000, _l(
        "Enter a number from 0 up."))])
    maximum = IntegerField(_l("Total"), [Optional(), NumberRange(1, 10000, _l(
        "Enter a number from 1 up."))])
    waitlist_weeks = IntegerField(_l("Waitlist, in weeks"), [Optional(), NumberRange(
        0, 104, _l("Enter a number of weeks from 0 to 104."))])
    note = _optional_text(_l("Note"), length=500)

    def validate_maximum(self, field):
        if field.data is not None and self.available.data is not None \
                and self.available.data > field.data:
            raise ValidationError(_l("The total cannot be less than what is available."))

    def validate_available(self, field):
        if self.accepting.data == "no" and field.data:
            raise ValidationError(_l("When no new clients are accepted, 0 are available."))
