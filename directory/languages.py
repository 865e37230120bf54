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
# "held entirely in Spanish", "taught in Korean", "aimed at Vietnamese speakers"; a bare
# "in Spanish" (brochures, one track of several) says nothing about every session.
_NAMES = r"(?:[A-Z][a-z]+)(?:(?:, | and | or )[A-Z][a-z]+)*"
HELD_IN = re.compile(rf"\b(?i:held|conducted|taught|run|led|given|offered)\s+"
                     rf"(?P<only>(?i:entirely|only|all)\s+)?in (?P<held>{_NAMES})\b"
                     rf"|\b(?i:entirely|only) in (?P<entirely>{_NAMES})\b"
                     rf"|\b(?i:aimed at) (?P<aimed>{_NAMES}) speakers\b")


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


@lru_cache(maxsize=16)
def _locale(identifier):
    try:
        return Locale.parse(identifier)
    except (UnknownLocaleError, ValueError):
        return Locale("en")


def language_name(code, locale="en"):
    """Return the name of language `code` in the words of `locale` (Babel's: "vi" in "es"
    is "Vietnamita"), capitalised as a label; None when Babel does not know the code."""
    name = _locale(locale or "en").languages.get(code or "")
    return name[:1].upper() + name[1:] if name else None


def named_in(text):
    """Return the codes of the languages a query names by their English name ("Korean
    counseling" -> {"ko"}); short words are never taken for codes ("is", "to")."""
    names = _english_names()
    return {names[w] for w in re.findall(r"[a-z]{4,}", _key(text)) if w in names}


def _codes_of(names):
    found = set()
    for name in re.split(r", | and | or ", names or ""):
        code = _english_names().get(_key(name))
        if code:
            found.add(code)
    return found


def held_in(name, *texts, listed=()):
    """Return the codes of the languages every session of a service is held in, or an
    empty set when the record does not say so.

    A name says it ("Korean-Language Counselling"), and so does "held entirely in
    Spanish"; "taught in Spanish" or "aimed at Vietnamese speakers" say it only when the
    service lists no other language (`listed`, its language codes): "one track is run in
    Spanish" of a service that lists English and Spanish is not a Spanish-only service.
    """
    found = set()
    for match in NAMED_LANGUAGE.finditer(name or ""):
        found |= _codes_of(match.group(1))
    if found:
        return found
    listed = {code.lower() for code in listed if code}
    for text in texts:
        for match in HELD_IN.finditer(text or ""):
            codes = _codes_of(match.group("held") or match.group("entirely")
                              or match.group("aimed"))
            if match.group("only") or match.group("entirely") or (listed and listed <= codes):
                found |= codes
    return found
