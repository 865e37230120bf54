"""One service's categories from what its record says, in this order of trust:

1. its own taxonomy terms (codes, names, Open Eligibility), read through the crosswalk;
2. the words of its own description that name a kind of help (the "strong" rules), or of
   its name when the description names none. A description in an organization's voice
   (advocacy, policy, research, help for other agencies) names no service to people;
3. for a service with no description of its own, its organization's: all of it for the
   organization's only service or the one named as the organization. One of several (a
   2-1-1 export lists each site of a program as a service named after the place: a
   school, a church, a bank branch) is that program when the organization's name names
   one or two kinds of help ("Summer Food Service Program"), and when the organization
   does nothing else its site's own name only names the host; when only the
   organization's description names the program, it counts for a site that says nothing
   itself. A description naming more is a multi-service agency's;
4. when nothing above names a category, the words that name a kind of place or whom it
   serves (a school, a bank, a park, seniors: the "weak" rules) in its own name and
   description, or else in the name of its organization;
5. the least sure: for a site of a multi-service agency that says nothing itself, the kind
   of help the agency's description names first (agencies list their main program first).

Target groups and topics say who a service is for, never what it gives: they become
population terms or nothing. A service that says too little stays in no category, and the
import names it, instead of being forced into one.
"""

from dataclasses import dataclass, field

# An organization whose description names more kinds of help than this is a multi-service
# agency: its description says nothing about which of them one of its sites gives.
ORGANIZATION_MOST = 2
# What an agency does as a whole (its case workers, its disaster relief) and not at each
# of its sites: never passed from an organization to a service that says nothing itself.
AGENCY_WIDE = {"help-finding-services", "disaster-help"}
# Kinds of health care a site of a health program can name for itself ("School of
# Dentistry" of a medical center): they refine the program instead of naming the host.
REFINES = {"health-care": {"dental-care", "outpatient-counselling", "residential-treatment",
                           "crisis-support", "telehealth"}}


@dataclass
class Evidence:
    """What a service's record says, as plain values."""

    name: str | None = None
    description: str | None = None
    terms: list = field(default_factory=list)  # [(code, name)] of other directories' terms
    organization_name: str | None = None
    organization_description: str | None = None
    organization_services: int = 1  # how many services the organization lists


@dataclass
class Decision:
    """A service's categories and population codes, how they were found, and the names of
    its terms the crosswalk does not know."""

    categories: set = field(default_factory=set)
    populations: set = field(default_factory=set)
    source: str | None = None
    unknown_terms: list = field(default_factory=list)


def decide(crosswalk, evidence):
    """Return the Decision for one service's Evidence."""
    decision = Decision()
    for code, name in evidence.terms:
        reading = crosswalk.term(code, name)
        decision.categories |= reading.categories
        decision.populations |= reading.populations
        if not reading.known:
            decision.unknown_terms.append(name or code)
    if decision.categories:
        decision.source = "terms"
    described = bool((evidence.description or "").strip())
    voice = described and crosswalk.voice(evidence.description)
    # A description says what the service gives; a name often names only the place or the
    # agency ("SF General Hospital": emergency food boxes), so it counts when that is all.
    said = crosswalk.text(evidence.description) if described else set()
    said = said or crosswalk.text(evidence.name)
    if voice:  # an advocate's words name the needs it speaks for, not services it gives
        said &= {"legal-help"}
    program, named, sole = _program(crosswalk, evidence)
    if sole:  # a site of a one-purpose program: its name names the host, not the service
        said &= {kind for code in program for kind in REFINES.get(code, ())}
    if said - decision.categories:
        decision.source = decision.source or "text"
        decision.categories |= said
    if program - decision.categories and (named or not decision.categories):
        decision.source = decision.source or "organization"
        decision.categories |= program
    if not decision.categories and not voice:
        place = crosswalk.text(evidence.name, evidence.description, weak=True)
        if not place and not described:
            place = crosswalk.text(evidence.organization_name, weak=True) - AGENCY_WIDE
        if place:
            decision.source, decision.categories = "place", set(place)
    if not decision.categories and not described and evidence.organization_description \
            and not crosswalk.voice(evidence.organization_description):
        lead = crosswalk.lead(evidence.organization_description, AGENCY_WIDE)
        if lead:  # the least sure step: a multi-service agency's first-named program
            decision.source, decision.categories = "organization", {lead}
    return decision


def _program(crosswalk, evidence):
    """Return (what the organization's text says of a service with no description, whether
    the organization's name says it, whether the organization does that one thing only)."""
    if (evidence.description or "").strip() or not (
            evidence.organization_name or evidence.organization_description):
        return set(), False, False
    described = evidence.organization_description
    if described and crosswalk.voice(described):
        described = None
    name, organization = (" ".join((text or "").lower().split())
                          for text in (evidence.name, evidence.organization_name))
    # "Catholic Charities CYO" of "Catholic Charities CYO San Francisco": the organization's own
    own = bool(name) and (organization.startswith(name) or name.startswith(organization))
    if own or evidence.organization_services <= 1:
        return crosswalk.text(evidence.organization_name, described), True, False
    named = crosswalk.text(evidence.organization_name)
    if named:
        named = named - AGENCY_WIDE if len(named) <= ORGANIZATION_MOST else set()
        sole = bool(named) and crosswalk.text(described) <= named
        return named, True, sole
    found = crosswalk.text(evidence.organization_name, described)
    return (found - AGENCY_WIDE if len(found) <= ORGANIZATION_MOST else set()), False, False
