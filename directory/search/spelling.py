"""Spelling that never changes a real word: a word that matches nothing in the index is
corrected only when it is a word of no language the search reads (their dictionaries, from
the `wordfreq` package, languages.json) and only into the directory's vocabulary (the
index's names and terms, the concept table's words), at most one edit away for a word of
five letters or fewer and two for a longer one; among the closest, a word of the concept
table, then the commonest, wins ("grop" is "group", not "prop"; "fod" is "food"). A real
word that no record uses ("sleep", "horse") stays as typed and is named as unknown, so the
page can say that no service mentions it while the rest of the words still find services.
A word of the vocabulary, a stop word, a word of two letters, a word with a digit, a word
inside a concept phrase or a field prefix ("name:") is never replaced; past the first eight
words, or longer than twenty letters, a word is named, not corrected."""

import re
from functools import lru_cache

from whoosh.spelling import ListCorrector, MultiCorrector

from . import concepts
from .fields import LANGUAGE_FIELDS, TEXT_FIELDS
from .languages import CODES, MAIN, WORD, fold, is_stop_word
from .languages import is_word as in_a_dictionary
from .languages import words as analyze

# A word right before a colon is a field of query syntax ("name:harbor"): never corrected.
FIELD_PREFIX = re.compile(rf"({WORD.pattern}):")
# Each correction searches the vocabulary: a pasted paragraph must not cost a second.
MOST_CORRECTED, LONGEST_CORRECTED = 8, 20
CANDIDATES = 12  # closest words compared per correction


def spelling_corrector(searcher):
    """Return a corrector over the index's names and terms and the concept table's words."""
    return MultiCorrector([searcher.corrector("spell"),
                           ListCorrector(list(concepts.vocabulary()))], max)


def max_distance(word):
    """Return how many edits a correction of `word` may make: one for a short word."""
    return 1 if len(word) <= 5 else 2


def edits(a, b):
    """Return the edits (insertions, deletions, substitutions, swaps of two neighbours)
    that turn word `a` into word `b`."""
    previous, row = None, list(range(len(b) + 1))
    for i, ca in enumerate(a, 1):
        before, previous, row = previous, row, [i] + [0] * len(b)
        for j, cb in enumerate(b, 1):
            row[j] = min(previous[j] + 1, row[j - 1] + 1, previous[j - 1] + (ca != cb))
            if i > 1 and j > 1 and ca == b[j - 2] and a[i - 2] == cb:
                row[j] = min(row[j], before[j - 2] + 1)
    return row[-1]


@lru_cache(maxsize=4096)
def commonness(word):
    """Return how common a word is in the commonest language the search reads it in
    (wordfreq's Zipf scale: 0 for no word, about 5 for "group")."""
    from wordfreq import zipf_frequency

    return max(zipf_frequency(word, code) for code in CODES)


def best_correction(corrector, word):
    """Return the closest word of the vocabulary to `word`, or None: among equally close
    ones, a word people use for a need here (the concept table's) before the others, then
    the commonest; never a stop word ("fod" is "food", not "for")."""
    found = {w for w in corrector.suggest(word, limit=CANDIDATES, maxdist=max_distance(word))
             if w != word and checkable(w)}
    scored = [(edits(word, w), not concepts.is_word(w), -commonness(w), w) for w in found]
    scored = [s for s in scored if s[0] <= max_distance(word)]
    return min(scored)[-1] if scored else None


def _matches(reader, word):
    """Return whether a word (folded) matches anything in the index, in any language."""
    return (any(reader.doc_frequency(name, stem) for stem in analyze(MAIN.code, word)
                for name in TEXT_FIELDS)
            or any(reader.doc_frequency(field, stem)
                   for code, field in LANGUAGE_FIELDS.items()
                   for stem in analyze(code, word)))


def _in_vocabulary(reader, word):
    return ("spell", word) in reader or concepts.is_word(word)


def _covered(text, found):
    folded = fold(text)
    return {w for f in found for w in WORD.findall(folded[f.start:f.end])}


def checkable(word):
    """Return whether a folded word is checked at all: three letters or more, no digit,
    not a stop word of any language."""
    return len(word) >= 3 and word.isalpha() and not is_stop_word(word)


def read_words(searcher, text, correct=True):
    """Return (corrections, unknown words) for the words of `text`."""
    reader = searcher.reader()
    covered = _covered(text, concepts.find(text))
    fields = set(FIELD_PREFIX.findall(fold(text)))
    corrections, unknown, corrector = {}, [], None
    for n, word in enumerate(dict.fromkeys(WORD.findall(fold(text)))):
        if word in fields or not checkable(word) or word in covered or _matches(reader, word):
            continue
        if _in_vocabulary(reader, word):
            continue  # a word people use for a need here ("tratamiento"): kept, understood
        if (correct and n < MOST_CORRECTED and 3 <= len(word) <= LONGEST_CORRECTED
                and not in_a_dictionary(word)):
            corrector = corrector or spelling_corrector(searcher)
            found = best_correction(corrector, word)
            if found:
                corrections[word] = found
                continue
        unknown.append(word)
    return corrections, unknown


def replace_word(text, wrong, right):
    """Return `text` with the whole word `wrong` (folded, any case) replaced by `right`."""
    folded = fold(text)
    if len(folded) != len(text):  # a letter that folds into two: positions would shift
        text = folded
    out, last = [], 0
    for match in re.finditer(rf"(?<!\w){re.escape(wrong)}(?!\w)", folded):
        out.append(text[last:match.start()])
        out.append(right)
        last = match.end()
    out.append(text[last:])
    return "".join(out)
