"""The points and limits of intake matching's rules, in one place: `directory.matching`
explains what each one weighs against the others."""

from flask_babel import lazy_gettext as _l

from ..labels import TERMS

CATEGORY_POINTS, TEXT_POINTS = 35, 30  # a chosen category; the free text's best match
DISTANCE_POINTS = 15  # at the client's door; nothing at the edge of the radius
WALKING_MILES = 1.0  # further than this is not a walk for a client without a car
REMOTE_POINTS = 20  # from home, for a client who prefers it
# The client's first language, another of theirs, only through interpreters.
FIRST_LANGUAGE_POINTS, OTHER_LANGUAGE_POINTS, INTERPRETER_POINTS = 35, 10, 20
AUDIENCE_POINTS = 25  # a service made for a group the client is in (seniors, veterans...)
ALWAYS_OPEN_POINTS = 15  # open around the clock, for an urgent need
# A record nobody has confirmed; one confirmed, but longer ago than STALE_AFTER_DAYS: it
# most likely still fits, the misfit says to call first, and it only breaks a tie.
NEVER_VERIFIED_POINTS, STALE_POINTS = 8, 2

# How each payment answer is met, and the points of each way.
FREE = ("free", TERMS["free"], 20)
PAYMENT = {  # answer -> ([(code that fits, words, weight), ...], words when none does)
    "medi-cal": ([("medi-cal", _l("Takes Medi-Cal"), 25), FREE], _l("Medi-Cal not listed")),
    "medicare": ([("medicare", _l("Takes Medicare"), 25), FREE], _l("Medicare not listed")),
    "private-insurance": ([("private-insurance", _l("Takes private insurance"), 25), FREE],
                          _l("Private insurance not listed")),
    # No insurance: free first, then a sliding scale, then paying the fee oneself (sober
    # living is almost always self-pay, and it is what an uninsured client can still use).
    "none": ([("free", TERMS["free"], 25), ("sliding-scale", TERMS["sliding-scale"], 18),
              ("cash", TERMS["cash"], 10)],
             _l("No free, sliding-scale or self-pay option listed")),
}
