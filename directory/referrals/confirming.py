"""The second step of a referral action that cannot be undone (delete a list, take a service
off it, revoke a share link): the first press only shows what will happen, with a red
button and a way back; the second press, which carries `confirmed=yes`, acts. A page, not a
script, so it works without JavaScript."""

from flask import render_template, request

from .forms import ConfirmForm


def confirmed():
    """Whether this press is the second one, sent from the confirmation page."""
    return request.form.get("confirmed") == "yes"


def confirmation_page(question, consequence, button, cancel_url):
    """The page that asks once more before the action at this request's address."""
    return render_template("referrals/confirm.html", question=question, consequence=consequence,
                           button=button, action=request.path, cancel_url=cancel_url,
                           confirm=ConfirmForm())
