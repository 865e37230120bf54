"""Languages of services: a name as people write it ("vietnamese", "Español", "Tiếng Việt",
"Farsi") to its ISO 639 code, from Babel's locale data in English and in each language's
own name; and the languages a record says its sessions are held in ("a group held entirely
in Spanish"), which say more than the staff languages it lists. No Flask imports here."""

import re
import unicodedata
from functools import lru_cache

from babel import Locale, UnknownLocaleError
from babel.localedata import locale_identifiers

# Names people use that Babel spells otherwise, or not at all.
EXTRA_NAMES = {"farsi": "fa", "mandarin": "zh", "cantonese": "yue", "filipino": "tl",
               "sign language": "ase", "american sign language": "ase", "asl": "ase",
               "castellano": "es", "espanol": "es", "chinese": "zh", "hmong": "hmn"}
HELD_IN = re.compile(r"\b(?:(?:held|conducted|taught|run|led|given|offered|spoken)?\s*"
                     r"(?:entirely |only |all )?in|aimed at|for) ((?:[A-Z][a-z]+)(?:(?:, | and "
                     r"| or )[A-Z][a-z]+)*)(?: speakers)?\b")


def _key(name):
    """Return a name lower-cased, without accents, spaces folded: "Tiếng Việt" -> "tieng viet"."""
    plain = "".join(c for c in unicodedata.normalize("NFKD", (name or "").lower())
                    if not unicodedata.combining(c))
    return " ".join(plain.split())


@lru_cache(maxsize=1)
def _english_names():
    """Return {folded English name: code}, with the names Babel spells otherwise."""
    table = {}
    for code, name in Locale("en").languages.items():
        if "_" not in code:
            table.setdefault(_key(name), code)
    table.update(EXTRA_NAMES)
    return table


@lru_cache(maxsize=1)
def _names():
    """Return {folded name: code}: English names, then each language's own name.

    Reading every language's own locale takes a second or so: done once, when a name that
    is not English is first met.
    """
    english = Locale("en").languages
    table = dict(_english_names())
    available = set(locale_identifiers())
    for identifier in sorted(c for c in english if len(c) == 2 and c in available):
        try:
            own = Locale.parse(identifier).languages.get(identifier)
        except (UnknownLocaleError, ValueError):
            continue
        if own:
            table.setdefault(_key(own), identifier)
    table.update(EXTRA_NAMES)
    return table


def code_for(value):
    """Return the ISO 639 code a language name or code stands for, or None.

    "Vietnamese", "vietnamese", "Tiếng Việt" and "vi" are all "vi"; "ES" is "es".
    """
    key = _key(value)
    if not key:
        return None
    if re.fullmatch(r"[a-z]{2,3}(-[a-z0-9]{2,8})*", key) and key.split("-")[0] in _codes():
        return key
    return _english_names().get(key) or _names().get(key)


@lru_cache(maxsize=1)
def _codes():
    return frozenset(_english_names().values())


NAMED_LANGUAGE = re.compile(r"\b([A-Z][a-z]+)-Language\b")


def named_in(text):
    """Return the codes of the languages a query names by their English name ("Korean
    counseling" -> {"ko"}); short words are never taken for codes ("is", "to")."""
    names = _english_names()
    return {names[w] for w in re.findall(r"[a-z]{4,}", _key(text)) if w in names}


def held_in(*texts):
    """Return the codes of the languages a record's text says its sessions are held in.

    "A weekly group held entirely in Spanish" and "classes are taught in Spanish" give
    {"es"}; a sentence naming no language gives an empty set.
    """
    found = set()
    for text in texts:
        for match in NAMED_LANGUAGE.finditer(text or ""):  # "Korean-Language Counselling"
            code = _english_names().get(_key(match.group(1)))
            if code:
                found.add(code)
        for match in HELD_IN.finditer(text or ""):
            for name in re.split(r", | and | or ", match.group(1)):
                code = _english_names().get(_key(name))
                if code:
                    found.add(code)
    return found


def english_name(code):
    """Return the English name of a language code ("vi" -> "Vietnamese"), or the code."""
    return Locale("en").languages.get(code, code)
