"""The words of what people type, as the query reads them: each word (WORD), the main
language's stems, the stop words of another language left out of the main fields, which
fields a language's words are looked up in, the words that ask without naming a need
(GENERIC_STEMS), and the languages the words name."""

import itertools
import re

from ..languages import code_for, named_in
from .languages import BY_CODE, MAIN, fold, generic_words, language_of
from .languages import words as analyze

WORD = re.compile(r"\w+(?:\.\w+)*")  # never `(?:\.?\w+)*`: it backtracks exponentially
# Words that ask for something without naming the need ("help", "ayuda", "services"): in
# "job help" the need is the job, and the names full of "Help" must not outrank it.
GENERIC_STEMS = generic_words()  # each language's, in languages.json


def typed_form(text):
    """Return `text` as concepts.find's spans index it: as typed, or folded where folding
    changed its length (a span of "niños" is one of "ninos")."""
    folded = fold(text)
    return text if len(folded) == len(text) else folded


def main_stems(text):
    """Return the stems of `text` in the main language's analysis."""
    return analyze(MAIN.code, text)


def without_foreign_stops(text):
    """Return text in another language without its stop words, for the main fields: the
    "de" of "ataques de pánico" is no English word, yet it matches every Spanish name
    ("Grupo de ..."). Text that reads as English keeps them ("my son": "son" is a Spanish
    stop word)."""
    code = language_of(text)
    if code == MAIN.code:
        return text
    stops = BY_CODE[code].stops
    return " ".join(w for w in WORD.findall(fold(text)) if w not in stops)


def scope(code):
    """Return the `language` of textquery._literal for words said in language `code`: None
    (every field) when its words are also looked up in the main fields, else the code."""
    return None if code == MAIN.code or BY_CODE[code].in_main_fields else code


def only_in_own_field(found):
    """Return the language whose field alone a trigger's words are looked up in, or None."""
    scopes = {scope(code) for code in found.languages}
    return scopes.pop() if len(scopes) == 1 else None


def languages_named(text):
    """Return the codes of the languages `text` names: by their English name ("Arabic
    counseling") or by their own name of two words ("tiếng Việt", "Tiếng Việt")."""
    words = WORD.findall(fold(text))
    own = {code_for(f"{a} {b}") for a, b in itertools.pairwise(words)}
    return named_in(text) | (own - {None})
