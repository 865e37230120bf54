"""The program's side of the directory: people at a program (the `provider` role) keep
their own organization's listings current (availability, hours, phones, description,
eligibility, "still accurate"), answer the referrals clinics send them, and confirm their
listings from a reminder's one-time link; admins invite them.

One blueprint, `providers`: /provider/... for providers (each view checks the role and
the organization on the server), /provider/invitation/<token> and /provider/confirm/<token>
for one-time links (no sign-in), /staff/providers/invite for admins, and the
coordinator's send and FHIR download under /referrals/lists/<id>/items/<id>/. The work
is in the small modules here: invitations, edits, reminders, program_referrals, fhir.
"""

from flask import Blueprint, g

from ..extensions import db

bp = Blueprint("providers", __name__)

from . import contact_inbox, referral_views, views  # noqa: F401 (routes register on import)


@bp.before_request
def _name_the_provider():
    # The history names a provider with its organization; staff keep their own email.
    from flask_login import current_user

    from ..audit import ACTOR
    from .edits import actor_label

    if current_user.is_authenticated and current_user.can("provide"):
        db.session.info[ACTOR] = actor_label(current_user)
        g.provider_actor = True


@bp.teardown_request
def _forget_the_provider(_error=None):
    from ..audit import ACTOR

    if g.pop("provider_actor", None):
        db.session.info.pop(ACTOR, None)


def init_app(app):
    """Register the providers blueprint and the referral pages' helpers on `app`."""
    from . import commands, program_referrals

    app.cli.add_command(commands.invite_provider_command)
    app.cli.add_command(commands.remind_providers_command)

    app.jinja_env.globals.update(program_answer=program_referrals.answer_words,
                                 takes_program_referrals=program_referrals.receives_referrals)
    app.register_blueprint(bp)
