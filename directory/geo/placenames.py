"""What a typed place may mean, as text alone: a ZIP code, a city with its state, or a
bare city name, in the ways people write them ("Springfield, Illinois", "springfield il",
"Springfield IL 62701", "St. Louis, MO, USA"). The gazetteer tries the readings in order.
"""

import re
from dataclasses import dataclass

from .states import LONGEST_NAME_WORDS, fold, state_code

ZIP_RE = re.compile(r"^\s*(\d{5})(?:-\d{4})?\s*$")
TRAILING_ZIP = re.compile(r"[\s,]+(\d{5})(?:-\d{4})?\s*$")
COUNTRY = re.compile(r"[\s,]+(u\.?s\.?a?\.?|united states(?: of america)?)\s*$",
                     re.IGNORECASE)
# Short forms in names, spelt out as the ZIP code lists spell them ("St Louis" and
# "Saint Louis" are one city; "Ft Myers" is "Fort Myers").
SHORT_WORDS = {"ST": "SAINT", "STE": "SAINTE", "FT": "FORT", "MT": "MOUNT"}


@dataclass(frozen=True)
class Reading:
    """One way to read a typed place: a ZIP code, or a city with its state (None: any)."""

    zip_code: str | None = None
    city: str | None = None
    state: str | None = None


def city_key(name):
    """Return the key a city name is compared by ("St. Louis" -> "SAINT LOUIS")."""
    return " ".join(SHORT_WORDS.get(word, word) for word in fold(name).split())


def readings(text):
    """Return the readings of a typed place, the likeliest first ([] for none)."""
    text = (text or "").strip()
    while True:  # "Springfield, IL, USA", "Springfield IL 62701 USA"
        shorter = COUNTRY.sub("", text).strip()
        if shorter == text or not shorter:
            break
        text = shorter
    if not text:
        return []
    whole = ZIP_RE.match(text)
    if whole:
        return [Reading(zip_code=whole.group(1))]
    found = []
    trailing = TRAILING_ZIP.search(text)
    if trailing:  # the ZIP code says most; the words before it are read if it is unknown
        found.append(Reading(zip_code=trailing.group(1)))
        text = text[:trailing.start()]
    return found + _city_readings(text)


def _city_readings(text):
    parts = [part.strip() for part in text.split(",")]
    while parts and not parts[-1]:  # "Springfield," is Springfield
        parts.pop()
    if not parts or not parts[0] or len(parts) > 2:
        return []  # ",IL" names no city; three parts is a street address
    city = city_key(parts[0])
    if not city or city.isdigit():
        return []
    if len(parts) == 2:
        state = state_code(parts[1])
        return [Reading(city=city, state=state)] if state and city else []
    words = city.split()
    found = []
    # "springfield il", "saint paul minnesota": the last words may name the state.
    for size in range(min(LONGEST_NAME_WORDS, len(words) - 1), 0, -1):
        state = state_code(" ".join(words[-size:]))
        if state:
            found.append(Reading(city=" ".join(words[:-size]), state=state))
    return found + [Reading(city=city)]
