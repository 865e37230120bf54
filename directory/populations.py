"""Who a service is limited to: the specific groups (veterans, LGBTQ+ people, trans and
nonbinary people, women, men, healthcare workers, people leaving a hospital or a crisis or
detox program, a program's own members) that a record says it serves only, and the
residents of one city. Young people and older adults are limited by age, which the
service's age range already decides (and the public search's ranking counts them too).

A population term alone ("veterans", "lgbtq") says whom a service welcomes, not whom it
refuses; the restriction is read from the eligibility description, whose first words name
who may come ("Veterans and, on Saturdays, their families", "Women 18 and over", "LGBTQ+
adults"). It is read in English, as the records here are written. Matching uses this to
leave out services a client cannot use and to say why; the public search ranks them below
services open to all unless the search asks for the group.
"""

import re
from functools import lru_cache

from flask_babel import lazy_gettext as _l

from . import coverage
from .geo import resolve_place

# group -> (pattern over the eligibility description, words for "only" on screen)
GROUPS = {
    "veterans": (r"^(homeless or at-risk )?veterans?\b", _l("Veterans only")),
    "transgender-nonbinary": (r"^(trans|transgender)\b.*\b(non-?binary)\b|^non-?binary\b",
                              _l("Trans and nonbinary people only")),
    "lgbtq": (r"^(lgbtq\+?|lgbt|gay|lesbian|queer)\b", _l("LGBTQ+ people only")),
    "women": (r"^women\b", _l("Women only")),
    "pregnant-or-parenting": (r"^(pregnant women|pregnant people|mothers)\b",
                              _l("Pregnant women and mothers only")),
    "men": (r"^men\b", _l("Men only")),
    "healthcare-workers": (r"^(healthcare|health care|health-care) workers\b",
                           _l("Healthcare workers only")),
    "hospital-discharge": (r"^people (discharged|leaving)\b|^anyone who has used .*\bcrisis\b",
                           _l("Only for people leaving a hospital, crisis or detox care")),
    "program-members": ((r"^(current (and|or) former|clubhouse members|members of)\b"
                         r"|^(family members|families) .*\b(current|former) clients\b"),
                        _l("Only for the program's own members or clients")),
}
# A client in the first group also belongs to these (a trans client is in the LGBTQ+ group).
IMPLIES = {"transgender-nonbinary": {"lgbtq"}, "pregnant-or-parenting": {"women"}}
# Whom a women's service also welcomes, when its record says so.
ALSO = {"women": (r"\bnon-?binary\b", "transgender-nonbinary")}
LABELS = {
    "veterans": _l("Veteran"), "transgender-nonbinary": _l("Trans or nonbinary"),
    "lgbtq": _l("LGBTQ+"), "women": _l("Woman"), "pregnant-or-parenting": _l(
        "Pregnant, or a mother of young children"), "men": _l("Man"),
    "healthcare-workers": _l("Healthcare worker"),
    "hospital-discharge": _l("Leaving a hospital, crisis or detox care"),
    "program-members": _l("Already a member or client of the program"),
}
_COMPILED = {group: re.compile(pattern, re.IGNORECASE) for group, (pattern, _) in GROUPS.items()}
# "Men and women", "members of the public", "healthcare workers and the general public":
# the first words name a group, the rest open the door to everyone.
BROADER = re.compile(r"\b(and|or) (women|men|teens|adults|youth|anyone|everyone|others)\b"
                     r"|\b(the )?(general )?public\b|\b(anyone|everyone)\b(?! who)",
                     re.IGNORECASE)


def limited_to(service):
    """Return the set of groups a service is limited to (empty: open to everyone).

    A service open to several groups ("Women and non-binary people") returns them all: a
    client in any one of them may come.
    """
    return set(_read(service.eligibility_description or "")[0])


# A directory repeats a few hundred eligibility texts over its services, and search and
# matching read each many times a request: each text is read once per process.
ELIGIBILITY_TEXTS_KEPT = 20_000


@lru_cache(maxsize=ELIGIBILITY_TEXTS_KEPT)
def _read(eligibility):
    """Return (groups the text limits a service to, groups it is for besides) of an
    eligibility description: the second is "families" for the relatives of someone affected
    and "in-crisis" for people in a crisis (see audience_limits)."""
    text = " ".join(eligibility.split())
    for_groups = frozenset(group for group, pattern in
                           (("families", FOR_RELATIVES), ("in-crisis", IN_CRISIS))
                           if pattern.search(text))
    if BROADER.search(text):
        return frozenset(), for_groups
    groups = {group for group, pattern in _COMPILED.items() if pattern.search(text)}
    if "transgender-nonbinary" in groups:
        groups.discard("lgbtq")
    for group, (pattern, other) in ALSO.items():
        if group in groups and re.search(pattern, text, re.IGNORECASE):
            groups.add(other)
    return frozenset(groups), for_groups


def client_groups(groups):
    """Return the groups a client belongs to, with those their answers imply."""
    belongs = set(groups or ())
    for group in list(belongs):
        belongs |= IMPLIES.get(group, set())
    return belongs


def excludes(service, groups):
    """Return whether a service is limited to groups none of which the client is in."""
    limits = limited_to(service)
    return bool(limits) and not (limits & client_groups(groups))


def only_words(service):
    """Return the on-screen words for whom a service is limited to, or None."""
    limits = limited_to(service)
    if not limits:
        return None
    ordered = [g for g in GROUPS if g in limits]
    return GROUPS[ordered[0]][1]


# Age ranges that make a service one for a group, for ranking public searches.
YOUTH_MAX_AGE, OLDER_MIN_AGE = 25, 60


def age_groups(age):
    """Return the age groups a person of `age` is in ("youth", "older-adults"; none for
    None): the groups of the services made for their age, in search and matching alike."""
    if age is None:
        return set()
    return ({"youth"} if age <= YOUTH_MAX_AGE else set()) | (
        {"older-adults"} if age >= OLDER_MIN_AGE else set())


# Population filters of the search and the groups they ask for.
FILTER_AUDIENCE = {"veterans": {"veterans"}, "lgbtq": {"lgbtq", "transgender-nonbinary"},
                   "youth": {"youth"}, "older-adults": {"older-adults"},
                   "families": {"families"}, "family-education-support": {"families"},
                   "crisis-support": {"in-crisis"}}
# "Family members and close friends of someone who has had a crisis": a service for the
# relatives of the person affected, not for the person (who is most of those searching).
FOR_RELATIVES = re.compile(r"^(any |all )?(family members?|family and friends|relatives|loved "
                           r"ones)\b|^anyone affected by a loved one|^parents and guardians of",
                           re.IGNORECASE)

# "Adults 18 and over in a mental-health crisis": a service for people in a crisis, not for
# someone looking for treatment or support at another time.
IN_CRISIS = re.compile(r"\bin an? (mental[- ]health |substance use |mental-health or substance "
                       r"use )?crisis\b", re.IGNORECASE)


def audience_limits(service):
    """Return the groups a service is for, counting young people and older adults by age,
    "families" for a service for the relatives of someone affected, and "in-crisis" for
    one for people in a crisis ("Adults 18 and over in a mental-health crisis").

    The public search ranks these below services open to all, unless the query speaks of
    one of the groups: someone typing "rehab" is rarely a veteran, a teen or a mother, and
    someone typing "suicidal" is the person, not their family. Matching gives points to a
    service for a group the client is in (not "families": every family service is).
    """
    limits, for_groups = _read(service.eligibility_description or "")
    groups = set(limits - {"program-members"}) | for_groups  # who is a member, searching cannot tell
    if service.maximum_age is not None and service.maximum_age <= YOUTH_MAX_AGE:
        groups.add("youth")
    if service.minimum_age is not None and service.minimum_age >= OLDER_MIN_AGE:
        groups.add("older-adults")
    return groups


# "Assists nonprofit agencies and pro bono attorneys with information on immigration",
# "Provides nonprofit agencies with new clothing", "distributes donated items to job
# counselors", "requests from discharge planners, social workers and nurses": help given to
# agencies and professionals, who pass it on. A person cannot walk in for it, so the public
# search ranks it as a service for a group not asked for; staff (matching) may still use it.
_NOT_ALSO_PEOPLE = r"(?! (and|or) (individuals|people|the public|families|residents|clients|self))"
FOR_AGENCIES = re.compile(
    r"(^(assists|provides|serves|supports|trains) (nonprofit |non-profit |community |social "
    r"service |human service )?(agencies|organizations|service providers)\b"
    r"|\b(distributes|provides|gives) (donated |new |used )?(items|goods|clothing|supplies|"
    r"food|furniture)\b[\w ,]{0,30}? to (job counselors|case managers|caseworkers|social "
    r"workers|agencies)\b"
    r"|\brequests from (discharge planners|social workers|case managers|caseworkers|"
    r"professionals)\b"
    r"|^provides technical assistance (and \w+ )?to (agencies|organizations|nonprofits)\b)"
    + _NOT_ALSO_PEOPLE, re.IGNORECASE)
AGENCIES = "agencies"


def for_agencies(service):
    """Return whether a service's record says it serves agencies or professionals, not the
    public (FOR_AGENCIES; a service with no description of its own is its agency's)."""
    text = service.described
    return bool(text and FOR_AGENCIES.search(" ".join(text.split())))


RESIDENTS = re.compile(r"^(?P<city>(?:[A-Z][a-z]+ ){0,2}[A-Z][a-z]+) (residents|households)\b")


def residents_of(service):
    """Return the city a service is limited to the residents of ("Anaheim"), or None.

    "Anaheim residents in a recovery program" names a city; "Orange County residents" and
    "South Orange County households" name areas the service areas already say.
    """
    match = RESIDENTS.match(" ".join((service.eligibility_description or "").split()))
    if not match or "County" in match.group("city"):
        return None
    for state in _states_of(service):  # the city of the service's own state
        place = resolve_place(f"{match.group('city')}, {state}")
        if place is not None:
            return place.city
    return None


def _states_of(service):
    """Return the states of a service's addresses, or the directory's for a service with
    none (a phone line): where a city its eligibility names is looked for."""
    return service.address_states or coverage.home_states()
