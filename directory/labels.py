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
    # categories for every need a 2-1-1 lists (seeds/taxonomy.json; categories/ files them)
    "food": _l("Food"),
    "clothing-household-goods": _l("Clothing and household goods"),
    "health-care": _l("Health care"),
    "dental-care": _l("Dental care"),
    "benefits-money": _l("Benefits and money"),
    "jobs-training": _l("Jobs and training"),
    "legal-help": _l("Legal help"),
    "school-learning": _l("School and learning"),
    "childcare-youth": _l("Childcare and youth programs"),
    "senior-disability-care": _l("Senior and disability care"),
    "safety-from-abuse": _l("Safety from abuse"),
    "help-finding-services": _l("Help finding services"),
    "community-recreation": _l("Community centers and recreation"),
    "disaster-help": _l("Disaster help"),
    "volunteering": _l("Volunteering and giving"),
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
    # "See every category" lists the categories under their Open Eligibility top group,
    # in this order (Open Eligibility's own)
    "open-eligibility:Emergency": _l("Emergencies and safety"),
    "open-eligibility:Food": _l("Food"),
    "open-eligibility:Housing": _l("Housing"),
    "open-eligibility:Goods": _l("Things you need"),
    "open-eligibility:Transit": _l("Getting around"),
    "open-eligibility:Health": _l("Health and recovery"),
    "open-eligibility:Money": _l("Money"),
    "open-eligibility:Care": _l("Care and support"),
    "open-eligibility:Education": _l("Learning"),
    "open-eligibility:Work": _l("Work"),
    "open-eligibility:Legal": _l("Legal"),
}

# The languages a referral's client can say they prefer; their names are Babel's, in the
# interface's language (directory.languages), never a table of our own.
OFFERED_LANGUAGES = ("en", "es", "vi", "ko", "zh", "tl", "fa", "ar")

FLAGS = {
    "open_now": _l("Open now"),
    "accepting": _l("Accepting new clients"),
    "wheelchair": _l("Wheelchair accessible"),
    "transit": _l("Reachable by public transit"),
    "no_call": _l("Contact without calling"),
}

# The eight tiles on the home page, in the order people need them most.
HOME_TILES = ("residential-treatment", "group-therapy-peer-support", "telehealth",
              "transportation", "financial-assistance", "practical-support",
              "family-education-support", "crisis-support")


# What each category holds, in the interface's language (the taxonomy's own descriptions
# are English); `term_label("description:" + code, ...)` reads them.
DESCRIPTIONS = {
    "residential-treatment": _l("Live-in treatment for substance use or mental health: "
                                "detox, rehab, sober living."),
    "group-therapy-peer-support": _l("Therapist-led groups, peer support and 12-step style "
                                     "meetings."),
    "telehealth": _l("Care by video, phone or online, without travelling."),
    "transportation": _l("Rides and transit help to reach appointments."),
    "financial-assistance": _l("Help paying for treatment, bills and basic needs."),
    "practical-support": _l("Childcare, groceries, errands and other everyday help."),
    "family-education-support": _l("Classes and support for families and loved ones."),
    "crisis-support": _l("Crisis lines, mobile crisis teams and walk-in crisis care."),
    "outpatient-counselling": _l("Individual counselling and therapy, psychiatry and "
                                 "outpatient programs."),
    "housing": _l("Shelter, recovery residences and help finding housing."),
    "food": _l("Food pantries, free meals, groceries, and help getting food stamps (SNAP) "
               "or WIC."),
    "clothing-household-goods": _l("Clothing and shoes, furniture, baby supplies, hygiene "
                                   "items, and phones or computers."),
    "health-care": _l("Clinics and doctors, hospitals, check-ups and screenings, vaccines, "
                      "HIV care, prescriptions, and vision and hearing care."),
    "dental-care": _l("Dentists, low-cost dental clinics and emergency dental care."),
    "benefits-money": _l("Public benefits (food stamps, Medicaid, SSI, unemployment, cash "
                         "aid), free tax help, banking and budgeting."),
    "jobs-training": _l("Job search, job training and apprenticeships, help with a resume, "
                        "and vocational rehabilitation."),
    "legal-help": _l("Legal aid and advice, immigration help, tenants' and workers' rights, "
                     "courts, IDs and records."),
    "school-learning": _l("Schools and colleges, adult education, English classes, GED, "
                          "tutoring, libraries and computer classes."),
    "childcare-youth": _l("Child care, preschool and Head Start, after-school programs, youth "
                          "centers, camps and mentoring."),
    "senior-disability-care": _l("Senior centers, adult day programs, care at home, respite "
                                 "for caregivers, assisted living and nursing homes, and "
                                 "independent living."),
    "safety-from-abuse": _l("Help with domestic violence, sexual assault, child and elder "
                            "abuse, and for crime victims: hotlines, safe shelter and "
                            "advocates."),
    "help-finding-services": _l("Information and referral lines, case management, and help "
                                "applying for programs."),
    "community-recreation": _l("Neighborhood and community centers, recreation and sports, "
                               "arts and social activities."),
    "disaster-help": _l("Help after a fire, flood or earthquake (shelter, supplies, replacing "
                        "what was lost) and getting ready for the next one."),
    "volunteering": _l("Places to volunteer, and to give food, clothing, goods or blood to "
                       "people who need them."),
}


def term_label(code, fallback=None):
    """Return the interface words for a taxonomy code (or the fallback, or the code);
    "description:CODE" returns what a category holds."""
    if code and code.startswith("description:"):
        return DESCRIPTIONS.get(code[len("description:"):]) or fallback or ""
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
