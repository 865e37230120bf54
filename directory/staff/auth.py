"""Signing in and out, and changing one's own password.

Sign-in attempts are rate-limited per account at one network address, and per network
address (only failed attempts count): someone guessing from elsewhere cannot lock a
colleague out. Every failed sign-in costs the same password check, so the time of the
answer tells nobody whether an email has, or had, an account. A changed password or a
sign-out ends the account's sessions, and a session ends after SESSION_HOURS without a
request.
"""

from functools import lru_cache

from flask import current_app, flash, redirect, render_template, request, session, url_for
from flask_babel import gettext as _
from flask_babel import lazy_gettext as _l
from flask_babel import ngettext
from flask_limiter.util import get_remote_address
from flask_login import current_user, login_user, logout_user
from werkzeug.security import check_password_hash, generate_password_hash

from ..extensions import db, limiter
from . import bp, people
from .access import home_for, safe_next, signed_in_required
from .account_forms import ConfirmForm, LoginForm, PasswordForm


@lru_cache(maxsize=1)
def _no_account():
    """Return a hash checked when no account matches, so a wrong email takes as long as a
    wrong password (nobody learns which emails have accounts)."""
    return generate_password_hash("no account has this password", method="scrypt")


def _account_key():
    return "account:" + people.normalise_email(request.form.get("email")) + "|from:" + \
        get_remote_address()


def _failed(response):
    return response.status_code != 302


def _limit(name):
    return lambda: current_app.config[name]


def sign_in(user):
    """Start a fresh session for `user` that expires after SESSION_HOURS idle."""
    session.clear()
    login_user(user)
    session.permanent = True


@bp.route("/login", methods=["GET", "POST"])
@limiter.limit(_limit("LOGIN_LIMIT_PER_ADDRESS"), methods=["POST"], deduct_when=_failed)
@limiter.limit(_limit("LOGIN_LIMIT_PER_ACCOUNT"), methods=["POST"], deduct_when=_failed,
               key_func=_account_key)
def login():
    """Show the sign-in form; sign the staff member in."""
    target = safe_next(request.args.get("next"), None)
    if current_user.is_authenticated and request.method == "GET":
        return redirect(target or home_for(current_user))
    form = LoginForm()
    problem = None
    if form.validate_on_submit():
        user = people.by_email(form.email.data)
        # One password check whatever the account (none, deactivated, without a password).
        known = user is not None and bool(user.password_hash)
        matches = check_password_hash(user.password_hash if known else _no_account(),
                                      form.password.data) and known
        if matches and user.is_active:
            sign_in(user)
            flash(_("Signed in as %(email)s.", email=user.email), "success")
            return redirect(target or home_for(user))
        problem = _l("The email or password is not right. Check them and try again.")
    return render_template("staff/login.html", form=form, problem=problem)


@bp.post("/logout")
def logout():
    """Sign out: the account's sessions end on the server too, so a copy of the session
    cookie (a shared computer, a stolen one) opens nothing afterwards."""
    if ConfirmForm().validate_on_submit() or not current_user.is_authenticated:
        if current_user.is_authenticated:
            current_user.end_sessions()
            db.session.commit()
        logout_user()
        session.clear()
        flash(_("You are signed out."), "success")
    return redirect(url_for("staff.login"))


@bp.route("/password", methods=["GET", "POST"])
@signed_in_required
def password():
    """Change one's own password; every other session of the account is signed out."""
    form = PasswordForm()
    if form.validate_on_submit():
        if not current_user.check_password(form.current_password.data):
            form.current_password.errors.append(_("This is not your current password."))
        else:
            user = current_user._get_current_object()
            user.set_password(form.new_password.data)
            db.session.commit()
            sign_in(user)
            flash(_("Password changed. Any other session using your account is now "
                    "signed out."), "success")
            return redirect(home_for(user))
    return render_template("staff/password.html", form=form)


@bp.errorhandler(429)
def too_many_sign_ins(error):
    """Explain the sign-in rate limit in words."""
    minutes = wait_minutes(error)
    message = ngettext(
        "Too many sign-in attempts for this account or from this network. For safety, "
        "sign-in is paused: wait %(num)d minute, then try again. If you forgot your "
        "password, ask an admin to set a new one.",
        "Too many sign-in attempts for this account or from this network. For safety, "
        "sign-in is paused: wait %(num)d minutes, then try again. If you forgot your "
        "password, ask an admin to set a new one.", minutes)
    return render_template("staff/refused.html", message=message, code=429), 429


def wait_minutes(error):
    """Return how many minutes the limit that was hit lasts (at least 1)."""
    limit = getattr(getattr(error, "limit", None), "limit", None)
    seconds = limit.get_expiry() if limit is not None else 900
    return max(1, -(-seconds // 60))
