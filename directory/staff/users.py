"""Account management for admins: the list of staff, adding a staff member with a first
password, and changing someone's role, access or password (which signs them out)."""

from flask import abort, flash, redirect, render_template, request, url_for
from flask_babel import gettext as _
from flask_login import current_user

from ..extensions import db
from . import bp, people
from .access import admin_required
from .account_forms import EditUserForm, NewUserForm
from .auth import sign_in


@bp.get("/users")
@admin_required
def users():
    """List the staff accounts."""
    return render_template("staff/users.html", users=people.everyone())


@bp.route("/users/new", methods=["GET", "POST"])
@admin_required
def new_user():
    """Add a staff member with a role and a first password to hand to them."""
    form = NewUserForm()
    if form.validate_on_submit():
        if people.by_email(form.email.data) is not None:
            form.email.errors.append(_("There is already an account with this email."))
        else:
            user = people.create(form.email.data, form.role.data, form.password.data)
            db.session.commit()
            flash(_("%(email)s can now sign in. Give them the first password in person; "
                    "they can change it under “Password”.", email=user.email), "success")
            return redirect(url_for("staff.users"))
    return render_template("staff/user_form.html", form=form, user=None)


@bp.route("/users/<user_id>/edit", methods=["GET", "POST"])
@admin_required
def edit_user(user_id):
    """Change a staff member's role, whether they can sign in, or their password."""
    user = people.get(user_id)
    if user is None:
        abort(404)
    form = EditUserForm(obj=user) if request.method == "GET" else EditUserForm()
    if form.validate_on_submit():
        try:
            people.update(user, form.role.data, form.active.data, form.password.data or None)
        except people.LastAdmin:
            form.role.errors.append(_("The directory needs at least one active admin: make "
                                      "someone else an admin first."))
        else:
            db.session.commit()
            if user.id == current_user.id and user.is_active:
                sign_in(user)  # their own new password: keep this session, end the others
            flash(_("Saved %(email)s.", email=user.email), "success")
            return redirect(url_for("staff.users"))
    return render_template("staff/user_form.html", form=form, user=user)
