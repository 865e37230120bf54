"""The words the interface shows for taxonomy codes, languages and filters, marked for
translation (the records themselves stay as entered). Payment is phrased the way people
ask: "Takes Medi-Cal", "Free", "Sliding scale"."""

from flask_babel import get_locale
from flask_babel import lazy_gettext as _l
from flask_babel.speaklater import LazyString

from .languages import language_name

TERMS = {
    # categories
    "residential-treatment": _l("Residential treatment"),
    "group-therapy-peer-support": _l("Groups and peer support"),
    "telehealth": _l("Telehealth"),
    "transportation": _l("Rides to appointments"),
    "financial-assistance": _l("Help paying"),
    "practical-support": _l("Practical help"),
    "family-education-support": _l("Family support"),
    "crisis-support": _l("Crisis support"),
    "outpatient-counselling": _l("Outpatient counselling"),
    "housing": _l("Housing"),
    # delivery
    "in-person": _l("In person"),
    "telehealth-video": _l("Telehealth (video)"),
    "phone": _l("By phone"),
    "online-group": _l("Online group"),
    "home-visit": _l("Home visits"),
    # payment
    "medi-cal": _l("Takes Medi-Cal"),
    "medicare": _l("Takes Medicare"),
    "private-insurance": _l("Private insurance"),
    "sliding-scale": _l("Sliding scale"),
    "free": _l("Free"),
    "cash": _l("Self-pay"),
    # populations
    "adults": _l("Adults"),
    "youth": _l("Youth"),
    "older-adults": _l("Older adults"),
    "veterans": _l("Veterans"),
    "lgbtq": _l("LGBTQ+"),
    "families": _l("Families"),
    # accessibility
    "wheelchair-access": _l("Wheelchair accessible"),
    "asl": _l("ASL available"),
    "near-transit": _l("Near public transit"),
}

GROUPS = {
    "category": _l("What kind of help"),
    "delivery": _l("How it is delivered"),
    "payment": _l("Cost and payment"),
    "language": _l("Language spoken"),
    "population": _l("Who it is for"),
    "accessibility": _l("Accessibility"),
}

# The languages a referral's client can say they prefer; their names are Babel's, in the
# interface's language (directory.languages), never a table of our own.
OFFERED_LANGUAGES = ("en", "es", "vi", "ko", "zh", "tl", "fa", "ar")

FLAGS = {
    "open_now": _l("Open now"),
    "accepting": _l("Accepting new clients"),
    "wheelchair": _l("Wheelchair accessible"),
}

# The eight tiles on the home page, in the order people need them most.
HOME_TILES = ("residential-treatment", "group-therapy-peer-support", "telehealth",
              "transportation", "financial-assistance", "practical-support",
              "family-education-support", "crisis-support")


def term_label(code, fallback=None):
    """Return the interface words for a taxonomy code (or the fallback, or the code)."""
    return TERMS.get(code) or fallback or code


def language_label(code):
    """Return the name of a language code in the interface's language (or the code)."""
    locale = get_locale()
    return language_name(code, str(locale) if locale else "en") or code


def lazy_language_label(code):
    """Return the name of a language code, looked up when it is shown."""
    return LazyString(language_label, code)


LANGUAGES = {code: lazy_language_label(code) for code in OFFERED_LANGUAGES}


def filter_label(name, value):
    """Return the words for an active filter chip, e.g. ("language", "es") -> Spanish."""
    if name == "language":
        return language_label(value)
    if name in FLAGS:
        return FLAGS[name]
    if name == "age":
        from flask_babel import gettext

        return gettext("Age %(age)s", age=value)
    if name == "verified_within_months":
        from flask_babel import gettext

        return gettext("Verified in the last %(months)s months", months=value)
    return term_label(value)


def age_range(minimum, maximum):
    """Return the ages a service takes in words: "18 and over", "12 to 17", "Any age"."""
    from flask_babel import gettext

    low = None if minimum is None else int(minimum)
    high = None if maximum is None else int(maximum)
    if low is None and high is None:
        return gettext("Any age")
    if high is None:
        return gettext("%(low)d and over", low=low)
    if low is None:
        return gettext("Up to %(high)d", high=high)
    return gettext("%(low)d to %(high)d", low=low, high=high)
