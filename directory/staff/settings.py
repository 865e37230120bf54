"""The clinic settings page (admins only): the clinic's name, address and phone that
every handout prints at its top. Until an admin saves them, handouts name the directory."""

from flask import current_app, flash, redirect, render_template, url_for
from flask_babel import gettext as _
from flask_babel import lazy_gettext as _l
from flask_login import current_user
from flask_wtf import FlaskForm
from wtforms import StringField
from wtforms.validators import Length, Optional

from ..extensions import db
from ..models.base import utcnow
from ..models.clinic import (
    ADDRESS_LENGTH,
    NAME_LENGTH,
    PHONE_LENGTH,
    ClinicProfile,
    clinic_profile,
)
from . import bp
from .access import admin_required


class ClinicForm(FlaskForm):
    name = StringField(_l("Clinic name"), [Optional(), Length(max=NAME_LENGTH)],
                       description=_l("Printed at the top of every referral list. Left empty, "
                                      "lists name the directory."))
    address = StringField(_l("Address"), [Optional(), Length(max=ADDRESS_LENGTH)],
                          description=_l("Where clients can find you, in one line."))
    phone = StringField(_l("Phone"), [Optional(), Length(max=PHONE_LENGTH)],
                        description=_l("A number clients can call with questions about "
                                       "their list."))


@bp.route("/settings", methods=["GET", "POST"])
@admin_required
def settings():
    """Show and save what handouts say about the clinic."""
    profile = clinic_profile()
    form = ClinicForm(obj=profile)
    if form.validate_on_submit():
        if profile is None:
            profile = ClinicProfile()
            db.session.add(profile)
        profile.name = (form.name.data or "").strip() or None
        profile.address = (form.address.data or "").strip() or None
        profile.phone = (form.phone.data or "").strip() or None
        profile.updated_at, profile.updated_by = utcnow(), current_user.email
        db.session.commit()
        flash(_("Clinic details saved: handouts print them from now on."), "success")
        return redirect(url_for("staff.settings"))
    return render_template("staff/settings.html", form=form, profile=profile,
                           fallback=current_app.config.get("CLINIC_NAME")
                           or current_app.config["DIRECTORY_NAME"])
