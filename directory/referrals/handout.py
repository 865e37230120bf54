"""Hand-outs of a referral list: the print page (with the QR code of its share link), the
PDF and the CSV. Each can be made in any interface language, whatever the one the staff
member works in (`?language=vi`): its words, the records' text where they have it in that
language, and the share link, which opens the list in the same language."""

from datetime import date

from flask import Response, redirect, render_template, request, url_for
from flask_babel import force_locale, get_locale

from ..i18n import LANGUAGES
from . import bp, pdf, qr, spreadsheet
from .forms import STATUS_LABELS, ConfirmForm
from .list_queries import list_or_404, refer_required
from .sharing import ensure_link, share_url, shown_token
from .sheet import build_sheet


def _language():
    chosen = request.args.get("language")
    return chosen if chosen in LANGUAGES else str(get_locale())


@bp.post("/lists/<list_id>/print")
@refer_required
def prepare_print(list_id):
    """Make sure the list has a share link for its QR code, then open the print page."""
    referral_list = list_or_404(list_id)
    if ConfirmForm().validate_on_submit():
        ensure_link(referral_list)
    language = request.form.get("language")
    return redirect(url_for("referrals.print_list", list_id=list_id,
                            language=language if language in LANGUAGES else None))


@bp.get("/lists/<list_id>/print")
@refer_required
def print_list(list_id):
    """Show the list as a clean black-and-white page to print and hand over."""
    referral_list = list_or_404(list_id)
    language = _language()
    url = share_url(shown_token(referral_list), language)
    with force_locale(language):
        sheet = build_sheet(referral_list)
        return render_template("referrals/print.html", sheet=sheet, share_url=url,
                               qr_svg=qr.svg(url), referral_list=referral_list,
                               language=language, languages=LANGUAGES)


@bp.get("/lists/<list_id>/pdf")
@refer_required
def pdf_list(list_id):
    """Download the list as a PDF."""
    referral_list = list_or_404(list_id)
    language = _language()
    with force_locale(language):
        body = pdf.render(build_sheet(referral_list),
                          share_url(shown_token(referral_list), language))
    return Response(body, mimetype="application/pdf", headers={
        "Content-Disposition": f'attachment; filename="{_filename("pdf")}"'})


@bp.get("/lists/<list_id>/csv")
@refer_required
def csv_list(list_id):
    """Download the list as CSV."""
    referral_list = list_or_404(list_id)
    with force_locale(_language()):
        text = spreadsheet.render(referral_list, build_sheet(referral_list), STATUS_LABELS)
    return Response("\ufeff" + text, mimetype="text/csv", headers={
        "Content-Disposition": f'attachment; filename="{_filename("csv")}"'})


def _filename(extension):
    # Never the title: it may say more about the client than a file name should.
    return f"referral-list-{date.today().isoformat()}.{extension}"
