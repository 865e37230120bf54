"""The names of the US states, the District of Columbia and the territories with ZIP
codes, and their two-letter postal codes: "Illinois", "illinois", "IL" and "Ill." all
name IL. The `zipcodes` package carries only the codes; 56 names that do not change are
kept here rather than taking a dependency (`us` brings a compiled fuzzy matcher for them).
"""

import re
import unicodedata

STATES = {
    "AL": "Alabama", "AK": "Alaska", "AZ": "Arizona", "AR": "Arkansas", "CA": "California",
    "CO": "Colorado", "CT": "Connecticut", "DE": "Delaware", "DC": "District of Columbia",
    "FL": "Florida", "GA": "Georgia", "HI": "Hawaii", "ID": "Idaho", "IL": "Illinois",
    "IN": "Indiana", "IA": "Iowa", "KS": "Kansas", "KY": "Kentucky", "LA": "Louisiana",
    "ME": "Maine", "MD": "Maryland", "MA": "Massachusetts", "MI": "Michigan",
    "MN": "Minnesota", "MS": "Mississippi", "MO": "Missouri", "MT": "Montana",
    "NE": "Nebraska", "NV": "Nevada", "NH": "New Hampshire", "NJ": "New Jersey",
    "NM": "New Mexico", "NY": "New York", "NC": "North Carolina", "ND": "North Dakota",
    "OH": "Ohio", "OK": "Oklahoma", "OR": "Oregon", "PA": "Pennsylvania",
    "RI": "Rhode Island", "SC": "South Carolina", "SD": "South Dakota", "TN": "Tennessee",
    "TX": "Texas", "UT": "Utah", "VT": "Vermont", "VA": "Virginia", "WA": "Washington",
    "WV": "West Virginia", "WI": "Wisconsin", "WY": "Wyoming",
    "PR": "Puerto Rico", "VI": "U.S. Virgin Islands", "GU": "Guam",
    "AS": "American Samoa", "MP": "Northern Mariana Islands",
}
# Other ways people write a few of them (the AP's abbreviations, the usual short forms).
OTHER_NAMES = {
    "ALA": "AL", "ARIZ": "AZ", "ARK": "AR", "CALIF": "CA", "CAL": "CA", "COLO": "CO",
    "CONN": "CT", "DEL": "DE", "WASHINGTON DC": "DC", "D C": "DC", "FLA": "FL", "ILL": "IL",
    "IND": "IN", "KAN": "KS", "KANS": "KS", "MASS": "MA", "MICH": "MI", "MINN": "MN",
    "MISS": "MS", "MONT": "MT", "NEB": "NE", "NEV": "NV", "N MEX": "NM", "N C": "NC",
    "N D": "ND", "OKLA": "OK", "ORE": "OR", "PENN": "PA", "PENNA": "PA", "S C": "SC",
    "S D": "SD", "TENN": "TN", "TEX": "TX", "VIRGIN ISLANDS": "VI", "US VIRGIN ISLANDS": "VI",
    "WASH": "WA", "W VA": "WV", "WIS": "WI", "WISC": "WI", "WYO": "WY",
}


def fold(text):
    """Return text as names are compared: upper case, no accents or punctuation, single
    spaces ("San José" and "san jose" are "SAN JOSE"; "Coeur d'Alene" "COEUR D ALENE")."""
    text = unicodedata.normalize("NFKD", text or "")
    text = "".join(ch for ch in text if not unicodedata.combining(ch))
    return " ".join(re.sub(r"[^\w]+|_", " ", text.upper()).split())


_BY_NAME = {fold(name): code for code, name in STATES.items()}
_BY_NAME.update({fold(other): code for other, code in OTHER_NAMES.items()})
LONGEST_NAME_WORDS = max(len(name.split()) for name in _BY_NAME)


def state_code(text):
    """Return the postal code a state's name or code stands for ("Illinois" -> "IL"),
    or None. Codes of places with ZIP codes but no name here (military "AE") pass too."""
    folded = fold(text)
    if folded in _BY_NAME:
        return _BY_NAME[folded]
    if len(folded) == 2 and folded.isalpha():
        return folded if folded in STATES or folded in _OTHER_CODES else None
    return None


def state_name(code):
    """Return the name of a state ("IL" -> "Illinois"), or the code when it has none."""
    return STATES.get(code, code)


# Codes of the zipcodes package without a name people type: the armed forces' mail
# (AA, AE, AP) and the freely associated states (FM, MH, PW).
_OTHER_CODES = {"AA", "AE", "AP", "FM", "MH", "PW"}
