"""The weekly hours editor's form: each day closed, open (one or two time ranges) or open
24 hours, and beside it the hours people may walk in without an appointment (a first step
without a call: models/first_contact.py); the notes about the hours. Every message sits
next to its field."""

from flask_babel import lazy_gettext as _l
from wtforms import Form, FormField, RadioField, TimeField
from wtforms.validators import Optional, ValidationError

from ..hours_text import DAY_LABELS
from ..models.location import WEEKDAYS
from .forms import EditForm, _optional_area
from .validators import RequiredIf


class DayHours(Form):
    mode = RadioField(_l("This day"), choices=[
        ("closed", _l("Closed")), ("open", _l("Open")), ("24h", _l("Open 24 hours"))],
        default="closed")
    opens_1 = TimeField(_l("Opens"), [RequiredIf("mode", ("open",), _l(
        "Enter the opening time.")), Optional()], format=["%H:%M", "%H:%M:%S"])
    closes_1 = TimeField(_l("Closes"), [RequiredIf("mode", ("open",), _l(
        "Enter the closing time.")), Optional()], format=["%H:%M", "%H:%M:%S"])
    opens_2 = TimeField(_l("Opens again"), [Optional()], format=["%H:%M", "%H:%M:%S"])
    closes_2 = TimeField(_l("Closes again"), [Optional()], format=["%H:%M", "%H:%M:%S"])
    # Walk-in hours (no appointment): a first step without a call (models/first_contact.py)
    walk_in_opens = TimeField(_l("Walk in from"), [Optional()], format=["%H:%M", "%H:%M:%S"])
    walk_in_closes = TimeField(_l("Walk in until"), [Optional()],
                               format=["%H:%M", "%H:%M:%S"])

    def validate_closes_1(self, field):
        if self.mode.data == "open" and self.opens_1.data and field.data \
                and field.data <= self.opens_1.data:
            raise ValidationError(_l("The closing time must be after the opening time."))

    def _walk_in_valid(self):
        opens, closes = self.walk_in_opens.data, self.walk_in_closes.data
        if self.walk_in_opens.errors or self.walk_in_closes.errors:
            return False
        if bool(opens) != bool(closes):
            (self.walk_in_closes if opens else self.walk_in_opens).errors.append(_l(
                "Give both walk-in times, or neither."))
        elif opens and closes <= opens:
            self.walk_in_closes.errors.append(_l("Walk-in hours must end after they start."))
        else:
            return True
        return False

    def validate(self, extra_validators=None):
        valid = super().validate(extra_validators)
        valid = self._walk_in_valid() and valid
        if self.mode.data != "open" or self.opens_2.errors or self.closes_2.errors:
            return valid
        opens, closes = self.opens_2.data, self.closes_2.data
        if bool(opens) != bool(closes):
            (self.closes_2 if opens else self.opens_2).errors.append(_l(
                "Give both times of the second opening, or neither."))
        elif opens and closes <= opens:
            self.closes_2.errors.append(_l("The closing time must be after the opening time."))
        elif opens and self.closes_1.data and opens < self.closes_1.data:
            self.opens_2.errors.append(_l("The second opening must start after the first "
                                          "closes."))
        else:
            return valid
        return False


class HoursForm(EditForm):
    notes = _optional_area(_l("Notes about the hours"))

    def validate(self, extra_validators=None):
        """Walk-in hours lie inside the day's opening hours when the service lists any:
        a day shown as closed with people walking in would say two things at once. A
        service listing walk-in hours only is open exactly then."""
        valid = super().validate(extra_validators)
        days = [getattr(self, code) for code in WEEKDAYS]
        if not any(day.mode.data in ("open", "24h") for day in days):
            return valid
        for day in days:
            opens, closes = day.walk_in_opens.data, day.walk_in_closes.data
            if not (opens and closes) or day.walk_in_closes.errors or day.mode.data == "24h":
                continue
            spans = [(day.opens_1.data, day.closes_1.data), (day.opens_2.data,
                                                             day.closes_2.data)]
            if day.mode.data != "open" or not any(
                    start and end and start <= opens and closes <= end for start, end in spans):
                day.walk_in_closes.errors.append(_l(
                    "Walk-in hours must be inside the day's opening hours: open the day "
                    "for them, or change the times."))
                valid = False
        return valid


for _code in WEEKDAYS:
    setattr(HoursForm, _code, FormField(DayHours, label=DAY_LABELS[_code]))
