"""The words of a need's phrase that only qualify it: "social" in "social anxiety", "birth"
in "birth certificate". They are not words of the need itself (its one-word triggers, its
one-word expansions) nor of any other need (a concept's one-word trigger: the "ride" and
the "detox" of "ride home from detox"), so alone they say something else: a detox named
"Social-Model" does not help with social anxiety, nor a foundation for birth defects with a
birth certificate. Such a word counts in full for a service only where the service holds
another content word of the phrase or meets the need outright (asked.concept_met), and at
scoring.QUALIFIER_ALONE elsewhere: textquery.py scores them apart, scoring.py under that
condition.

Only phrases of languages written in whole words: in Vietnamese every syllable is a word
and most of a phrase's syllables are nothing alone ("lo âu": anxiety)."""

from functools import lru_cache

from . import concepts
from .languages import BY_CODE, fold
from .wording import GENERIC_STEMS, WORD, main_stems, only_in_own_field


def _one_word_stems(phrases):
    """Return the main-language stems of the phrases of one word."""
    return {stem for phrase in phrases if len(WORD.findall(fold(phrase))) == 1
            for stem in main_stems(phrase)}


@lru_cache(maxsize=1)
def _needs_alone():
    """Return the stems of every concept's one-word triggers: words that name a need on
    their own ("ride", "detox", "food"), never a mere qualifier of another's phrase."""
    return frozenset(stem for concept in concepts.concepts()
                     for stem in _one_word_stems(concept.phrases()))


def spans(text, found):
    """Return [(Found, [(start, end) of each qualifying word of its phrase])] for the
    concepts found in `text` whose typed phrase has such words (positions in fold(text),
    as Found's)."""
    folded = fold(text)
    qualified = []
    for f in found:
        if only_in_own_field(f) or any(BY_CODE[code].bigrams for code in f.languages):
            continue
        words = list(WORD.finditer(folded, f.start, f.end))
        if len(words) < 2:
            continue
        own = _one_word_stems((*f.concept.phrases(), *f.concept.expand)) | _needs_alone() \
            | GENERIC_STEMS  # "help": counted little anyway (textquery.GENERIC_WEIGHT)
        loose = [(w.start(), w.end()) for w in words
                 if (stems := set(main_stems(w.group()))) and not stems & own]
        if loose:
            qualified.append((f, loose))
    return qualified
