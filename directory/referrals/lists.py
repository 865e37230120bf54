"""Referral list views: the lists, making and editing one, and its items: note, status and
follow-up date, order, removal, and "handed to the client" for every suggested item."""

from flask import flash, redirect, render_template, request, url_for
from flask_babel import gettext as _
from flask_login import current_user

from .. import messaging
from ..extensions import db
from ..models import ReferralList
from ..models.referral import purge_list
from ..reader_text import shown_text
from . import bp
from .confirming import confirmation_page, confirmed
from .forms import (
    STATUS_LABELS,
    ConfirmForm,
    ItemForm,
    ReferralListForm,
    SendEmailForm,
    SendTextForm,
)
from .list_queries import (
    CHANGE_LABELS,
    item_or_404,
    list_or_404,
    lists_of,
    manager_required,
    may_manage,
    record,
    refer_required,
    who,
)
from .sharing import shown_token


@bp.get("/lists")
@refer_required
def lists():
    """Show my lists, or everyone's."""
    everyone = request.args.get("all") == "1"
    return render_template("referrals/lists.html", everyone=everyone,
                           lists=lists_of(None if everyone else current_user),
                           may_manage=may_manage)


@bp.route("/lists/new", methods=["GET", "POST"])
@refer_required
def new_list():
    """Start a list for a client, then go straight to matching."""
    form = ReferralListForm()
    if form.validate_on_submit():
        referral_list = ReferralList(created_by=current_user._get_current_object())
        _fill(referral_list, form)
        db.session.add(referral_list)
        db.session.commit()
        return redirect(url_for("referrals.match", list_id=referral_list.id))
    return render_template("referrals/list_form.html", form=form, referral_list=None)


@bp.route("/lists/<list_id>/edit", methods=["GET", "POST"])
@refer_required
def edit_list(list_id):
    """Change a list's title, client reference, contact and staff notes."""
    referral_list = list_or_404(list_id)
    form = ReferralListForm(obj=referral_list)
    if not may_manage(referral_list):
        del form.reference  # a colleague neither sees it nor clears it by saving
    if form.validate_on_submit():
        _fill(referral_list, form)
        referral_list.touch()
        record(referral_list, "edited")
        db.session.commit()
        flash(_("List saved."), "success")
        return redirect(url_for("referrals.show_list", list_id=list_id))
    return render_template("referrals/list_form.html", form=form, referral_list=referral_list)


def _fill(referral_list, form):
    referral_list.title = form.title.data.strip()
    if "reference" in form:
        referral_list.reference = form.reference.data
    referral_list.contact = (form.contact.data or "").strip() or None
    referral_list.notes = (form.notes.data or "").strip() or None


@bp.get("/lists/<list_id>")
@refer_required
def show_list(list_id):
    """Show a list: its items with their status forms, the share links, the hand-outs."""
    return render_list(list_or_404(list_id))


def render_list(referral_list, email_form=None, text_form=None, send_error=None, status=200):
    """Render a list's page; the send forms (with what was typed) when a send came back."""
    forms = {item.id: ItemForm(obj=item, prefix=f"item-{item.id}")
             for item in referral_list.items}
    return render_template(
        "referrals/list.html", referral_list=referral_list, forms=forms,
        confirm=ConfirmForm(), statuses=STATUS_LABELS, token=shown_token(referral_list),
        manages=may_manage(referral_list), change_labels=CHANGE_LABELS,
        email_form=email_form or SendEmailForm(prefix="email", formdata=None),
        text_form=text_form or SendTextForm(prefix="text", formdata=None),
        email_ready=messaging.email_ready(), sms_ready=messaging.sms_ready(),
        send_error=send_error), status


@bp.post("/lists/<list_id>/delete")
@refer_required
def delete_list(list_id):
    """Delete a list now (its outcome counts stay)."""
    referral_list = list_or_404(list_id)
    manager_required(referral_list)
    if not ConfirmForm().validate_on_submit():
        return redirect(url_for("referrals.show_list", list_id=list_id))
    if not confirmed():
        return confirmation_page(
            _("Delete the list “%(title)s”?", title=referral_list.title),
            _("Its services, notes, share links and history are deleted now, and cannot be "
              "brought back. The outcome counts stay."),
            _("Delete the list"), url_for("referrals.show_list", list_id=list_id))
    purge_list(referral_list)
    flash(_("List deleted."), "success")
    return redirect(url_for("referrals.lists"))


@bp.post("/lists/<list_id>/items/<item_id>")
@refer_required
def save_item(list_id, item_id):
    """Save an item's status, follow-up date and note for the client."""
    referral_list = list_or_404(list_id)
    item = item_or_404(referral_list, item_id)
    form = ItemForm(prefix=f"item-{item.id}")
    if not form.validate_on_submit():
        flash(_("Not saved: %(problems)s", problems=" ".join(
            str(e) for errors in form.errors.values() for e in errors)), "error")
        return redirect(url_for("referrals.show_list", list_id=list_id))
    item.set_status(form.status.data, who())
    item.follow_up_on = form.follow_up_on.data
    item.note = (form.note.data or "").strip() or None
    referral_list.touch()
    record(referral_list, "item", item.service.name)
    db.session.commit()
    flash(_("Saved: %(name)s.", name=shown_text(item.service, "name")), "success")
    return redirect(_at_item(list_id, item))


def _at_item(list_id, item):
    """Return the address of the list's page at `item`."""
    return url_for("referrals.show_list", list_id=list_id, _anchor=f"item-{item.id}")


@bp.post("/lists/<list_id>/items/<item_id>/move")
@refer_required
def move_item(list_id, item_id):
    """Move an item one place up or down."""
    referral_list = list_or_404(list_id)
    item = item_or_404(referral_list, item_id)
    if ConfirmForm().validate_on_submit():
        referral_list.move(item, -1 if request.form.get("direction") == "up" else 1)
        record(referral_list, "moved", item.service.name)
        db.session.commit()
    return redirect(_at_item(list_id, item))


@bp.post("/lists/<list_id>/items/<item_id>/remove")
@refer_required
def remove_item(list_id, item_id):
    """Take a service off the list."""
    referral_list = list_or_404(list_id)
    item = item_or_404(referral_list, item_id)
    back = _at_item(list_id, item)
    pressed = ConfirmForm().validate_on_submit()
    if pressed and not confirmed():
        return confirmation_page(
            _("Take “%(name)s” off the list?", name=shown_text(item.service, "name")),
            _("Its status, follow-up date and note go with it."), _("Remove it"), back)
    if pressed:
        name, shown = item.service.name, str(shown_text(item.service, "name"))
        referral_list.remove(item)
        record(referral_list, "removed", name)  # the list's history keeps the record's name
        db.session.commit()
        flash(_("Removed: %(name)s.", name=shown), "success")
    return redirect(url_for("referrals.show_list", list_id=list_id))


@bp.post("/lists/<list_id>/referred")
@refer_required
def mark_referred(list_id):
    """Record that the client was given the list: every suggested item becomes referred."""
    referral_list = list_or_404(list_id)
    if ConfirmForm().validate_on_submit():
        changed = sum(item.set_status("referred", who()) for item in referral_list.items
                      if item.status == "suggested")
        referral_list.touch()
        record(referral_list, "referred")
        db.session.commit()
        flash(_("%(count)d marked as referred.", count=changed), "success")
    return redirect(url_for("referrals.show_list", list_id=list_id))
