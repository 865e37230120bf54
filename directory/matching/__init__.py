"""Intake matching: a client's needs and barriers in, a short ranked list of services out,
each with the reasons it fits and the ones it does not. `ranking.py` finds the candidates
and orders them (membership, tiers, points, needs in turn: its docstring explains what each
weighs), `rules.py` holds one rule per concern, and `weights.py` every point. No Flask
request handling here; the intake page is `referrals/intake.py`."""

from .ranking import (
    BARRIERS,
    RADIUS_MILES,
    ClientNeeds,
    Match,
    MatchResult,
    asked_codes,
    interleave,
    match,
    rank,
    search_codes,
)
from .rules import Reason

__all__ = ["BARRIERS", "RADIUS_MILES", "ClientNeeds", "Match", "MatchResult", "Reason",
           "asked_codes", "interleave", "match", "rank", "search_codes"]
