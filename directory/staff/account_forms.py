"""Forms for accounts and for the small yes-or-no actions: signing in, changing a
password, managing users (admins), suggesting a correction (the public, with a
honeypot), dismissing a suggestion, retiring a record and confirming an action."""

from flask_babel import lazy_gettext as _l
from flask_wtf import FlaskForm
from wtforms import (
    BooleanField,
    EmailField,
    PasswordField,
    SelectField,
    StringField,
    TextAreaField,
)
from wtforms.validators import DataRequired, Email, EqualTo, Length, Optional

from ..models import STAFF_ROLES
from ..models.account import MIN_PASSWORD_LENGTH

PASSWORD_RULE = _l("Use at least %(count)d characters; a few unrelated words work well.",
                   count=MIN_PASSWORD_LENGTH)
ROLE_CHOICES = list(zip(STAFF_ROLES, (_l("Admin: manages users and everything else"),
                                _l("Editor: edits the directory and reviews suggestions"),
                                _l("Coordinator: matching and referrals; reads the directory")),
                        strict=True))
# An invited provider stays a provider (its organization comes with the invitation).
PROVIDER_CHOICE = ("provider", _l("Provider: keeps one program's listings current"))


def _new_password(label, required=True):
    return PasswordField(label, [
        DataRequired(_l("Enter a password.")) if required else Optional(),
        Length(min=MIN_PASSWORD_LENGTH, max=1000, message=_l(
            "The password must be at least %(count)d characters long.",
            count=MIN_PASSWORD_LENGTH)),
    ], description=PASSWORD_RULE)


class LoginForm(FlaskForm):
    email = EmailField(_l("Email"), [DataRequired(_l("Enter your email address.")),
                                     Length(max=255)])
    password = PasswordField(_l("Password"), [DataRequired(_l("Enter your password.")),
                                              Length(max=1000)])


class PasswordForm(FlaskForm):
    current_password = PasswordField(_l("Current password"), [DataRequired(_l(
        "Enter your current password."))])
    new_password = _new_password(_l("New password"))
    confirm = PasswordField(_l("New password again"), [EqualTo("new_password", _l(
        "The two new passwords are not the same."))])


class NewUserForm(FlaskForm):
    email = EmailField(_l("Email"), [DataRequired(_l("Enter the staff member's email.")),
                                     Email(_l("Enter an email address, like "
                                              "name@clinic.example.org.")), Length(max=255)])
    role = SelectField(_l("Role"), choices=ROLE_CHOICES, default="coordinator")
    password = _new_password(_l("First password"))


class EditUserForm(FlaskForm):
    role = SelectField(_l("Role"), choices=[*ROLE_CHOICES, PROVIDER_CHOICE])
    active = BooleanField(_l("Can sign in"))
    password = _new_password(_l("Set a new password (optional)"), required=False)


class SuggestionForm(FlaskForm):
    body = TextAreaField(_l("What is wrong or out of date?"), [
        DataRequired(_l("Tell us what is wrong, like a changed phone number or hours.")),
        Length(min=5, max=2000, message=_l("Write between 5 and 2000 characters."))])
    contact = StringField(_l("Your email or phone (optional)"), [Optional(), Length(max=200)],
                          description=_l("Only if you are happy for us to ask you about it."))
    # Left empty by people (it is hidden from them); robots fill it in.
    homepage = StringField(_l("Leave this field empty"), [Optional()])


class DismissForm(FlaskForm):
    reason = TextAreaField(_l("Why dismiss it?"), [
        DataRequired(_l("Give a reason, like “Checked with the service: already correct”.")),
        Length(max=500)])


class RetireForm(FlaskForm):
    status = SelectField(_l("Retire as"), choices=[
        ("inactive", _l("Inactive: not offered now, may come back")),
        ("defunct", _l("Defunct: closed for good"))], default="defunct")


class ConfirmForm(FlaskForm):
    """A form with nothing but its CSRF token, for one-button actions."""
