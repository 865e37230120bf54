"""The points and limits of intake matching's rules, in one place: `matching/ranking.py`
explains what each one weighs against the others."""

from flask_babel import lazy_gettext as _l

from ..labels import TERMS

CATEGORY_POINTS, TEXT_POINTS = 35, 30  # a chosen category; the free text's best match
DISTANCE_POINTS = 15  # at the client's door; nothing at the edge of the radius
REACH_POINTS = DISTANCE_POINTS / 2  # served where the client is (phone, video, a ride)
WALKING_MILES = 1.0  # further than this is not a walk for a client without a car
CLOSED_POINTS = 40  # temporarily closed (and a tier of its own)
# The client's first language, another of theirs, only through interpreters; none of
# theirs (or sessions held only in another language) and no interpreters.
FIRST_LANGUAGE_POINTS, OTHER_LANGUAGE_POINTS, INTERPRETER_POINTS = 35, 10, 20
NO_LANGUAGE_POINTS = 25
NO_PAYMENT_POINTS = 20  # none of the client's payment options (PAYMENT below: the fits)
AUDIENCE_POINTS = 25  # a service made for a group the client is in (seniors, veterans...)
# Room now or none (beds, seats), the same for an urgent need; a short wait for an urgent
# need; a waitlist of weeks.
ROOM_POINTS, URGENT_ROOM_POINTS = 10, 30
SHORT_WAIT_POINTS, WAITLIST_POINTS = 20, 10
ALWAYS_OPEN_POINTS = 15  # open around the clock, for an urgent need
# A record nobody has confirmed; one confirmed, but longer ago than STALE_AFTER_DAYS: it
# most likely still fits, the misfit says to call first, and it only breaks a tie.
NEVER_VERIFIED_POINTS, STALE_POINTS = 8, 2

# Barriers. Prefers remote: from home, or in person only (never said of a ride).
REMOTE_POINTS, IN_PERSON_POINTS = 20, 5
# The same barrier (social anxiety): a first contact without a phone call (a text, a form,
# email, a contact request, walk-in hours, a first visit by video).
NO_CALL_POINTS = 10
# No car or a wheelchair: no travel at all, or (no car) within walking distance.
NO_TRAVEL_POINTS, WALKING_POINTS = 10, 10
NEAR_TRANSIT_POINTS, NOT_NEAR_TRANSIT_POINTS = 12, 8  # no car: near public transit or not
# No car, where transit feeds cover both places: a route from near the client to near the
# service, or two with one change (a misfit, NOT_NEAR_TRANSIT_POINTS, when neither is).
TRANSIT_DIRECT_POINTS, TRANSIT_CHANGE_POINTS = 12, 8
# A wheelchair: access listed or not; a ride made for wheelchair users, for a client who
# uses none (the van is scarce and booked days ahead).
WHEELCHAIR_ACCESS_POINTS, NO_WHEELCHAIR_ACCESS_POINTS = 15, 20
FOR_WHEELCHAIR_USERS_POINTS = 20
CHILDCARE_POINTS = 8  # families welcome, or from home: no childcare needed
# Evenings or weekends: each one open (points each), daytime only, hours not listed.
OPEN_LATE_POINTS, DAYTIME_ONLY_POINTS, NO_HOURS_POINTS = 12, 12, 4

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
