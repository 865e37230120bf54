"""What people type, as weighted terms to score.

The words as typed count most: their English stems over the text fields (name weighted
most) and their Spanish stems over the record's Spanish text. A concept the words trigger
(concepts.json, English or Spanish) adds its translation at TRANSLATION_WEIGHT and the words
records use for it at EXPANSION_WEIGHT, each below the same word typed and counting little
in names, so an expansion that happens to share a stem with common words in names cannot
outrank what the person typed; its codes (its category) add a flat TAG_WEIGHT to the
services that carry them. Words that ask without naming a need ("help", "ayuda",
"services", "pay") count GENERIC_WEIGHT of the others, so "job help" finds the job
service before every service named "... Help". A language named ("Arabic counseling") adds
its code, so services that offer it count. Each need the words name (a concept, or a word
outside every concept) is also kept apart, so that the score can count how many of them a
service meets (scoring.coordination).

Spelling: a word that matches nothing is corrected only into the directory's vocabulary
(the index's names and terms, the concept table's words, English and Spanish), and only
when the correction is close for its length; a word of the vocabulary, a stop word, a word
of three letters or fewer, a word inside a concept phrase or a field prefix ("name:") is
never replaced. A word
outside the vocabulary that matches nothing and has no close correction (or past the first
eight words, or longer than twenty letters) is reported as unknown, never dropped in silence; a vocabulary word is one people use for a need here, so
it is understood even where no record spells it. The text is never parsed
as query syntax, so no input is a syntax error.
"""

import re
from dataclasses import dataclass, field

from whoosh.spelling import ListCorrector, MultiCorrector

from ..languages import named_in
from . import concepts
from .schema import (
    ENGLISH_STOPS,
    FIELD_BOOSTS,
    SPANISH_BOOST,
    SPANISH_FIELD,
    SPANISH_STOPS,
    TEXT_FIELDS,
    fold,
    looks_spanish,
    spanish_analyzer,
    stemming_analyzer,
)

TRANSLATION_WEIGHT = 0.9
EXPANSION_WEIGHT = 0.9
TAG_WEIGHT = 12.0
# A concept's related codes (depression: counselling) find the services of that kind whose
# records never say the word, below every record that does.
RELATED_WEIGHT = 1.0
WORD = re.compile(r"\w+(?:\.?\w+)*")
# Words that ask for something without naming the need ("help", "ayuda", "services"): in
# "job help" the need is the job, and the names full of "Help" must not outrank it.
GENERIC_STEMS = frozenset({"help", "assist", "servic", "program", "need", "get", "find", "pai",
                           "ayud", "asistent", "servici", "necesit", "pag"})
GENERIC_WEIGHT = 0.3
# A word right before a colon is a field of query syntax ("name:harbor"): never corrected.
FIELD_PREFIX = re.compile(rf"({WORD.pattern}):")
# An expansion in a name counts a quarter of one in a description: see _literal.
EXPANSION_BOOSTS = {"name": 0.25, "organization": 0.25, "terms": 1.0, "body": 1.0}


@dataclass
class TextQuery:
    """The weighted terms to score, and what was changed or not understood on the way.

    `parts` is [(field, term, weight)]; None means no text constraint (only stop words);
    an empty list means words the index does not know: nothing matches.
    """

    parts: list | None
    corrections: dict = field(default_factory=dict)  # typed word -> corrected word
    suggestion: str | None = None  # the query as corrected, when a word was changed
    unknown: list = field(default_factory=list)  # words that match nothing, uncorrected
    concepts: list = field(default_factory=list)  # ids of the concepts reached
    audience: set = field(default_factory=set)  # groups the words speak of ("veterans")
    languages: set = field(default_factory=set)  # languages the words are in or name
    needs: list = field(default_factory=list)  # [parts] of each need the words name


def spelling_corrector(searcher):
    """Return a corrector over the index's names and terms and the concept table's words."""
    return MultiCorrector([searcher.corrector("spell"),
                           ListCorrector(list(concepts.vocabulary()))], max)


def _english(text):
    return [t.text for t in stemming_analyzer()(text)]


def _without_spanish_stops(text):
    """Return Spanish text without its stop words, for the English fields: the "de" of
    "ataques de pánico" is no English word, yet it matches every Spanish name ("Grupo de
    ..."). Text that reads as English keeps them ("my son": "son" is a Spanish stop word)."""
    if not looks_spanish(text):
        return text
    return " ".join(w for w in WORD.findall(fold(text)) if w not in SPANISH_STOPS)


def _spanish(text):
    return [t.text for t in spanish_analyzer()(text)]


def _matches(reader, word):
    """Return whether a word (folded) matches anything in the index, in either language."""
    return (any(reader.doc_frequency(name, stem) for stem in _english(word)
                for name in TEXT_FIELDS)
            or any(reader.doc_frequency(SPANISH_FIELD, stem) for stem in _spanish(word)))


def _in_vocabulary(reader, word):
    return ("spell", word) in reader or concepts.is_word(word)


# Each correction searches the vocabulary: a pasted paragraph must not cost a second.
MOST_CORRECTED, LONGEST_CORRECTED = 8, 20


def max_distance(word):
    """Return how many edits a correction of `word` may make: one for a short word."""
    return 1 if len(word) <= 5 else 2


def _covered(text, found):
    folded = fold(text)
    return {w for f in found for w in WORD.findall(folded[f.start:f.end])}


def _content(word):
    """Return whether a folded word means something: not a stop word of either language."""
    return word not in ENGLISH_STOPS and word not in SPANISH_STOPS


def _checkable(word):
    return len(word) >= 3 and word.isalpha() and _content(word)


def read_words(searcher, text, correct=True):
    """Return (corrections, unknown words) for the words of `text`."""
    reader = searcher.reader()
    covered = _covered(text, concepts.find(text))
    fields = set(FIELD_PREFIX.findall(fold(text)))
    corrections, unknown, corrector = {}, [], None
    for n, word in enumerate(dict.fromkeys(WORD.findall(fold(text)))):
        if word in fields or not _checkable(word) or word in covered or _matches(reader, word):
            continue
        if _in_vocabulary(reader, word):
            continue  # a word people use for a need here ("tratamiento"): kept, understood
        if correct and n < MOST_CORRECTED and 4 <= len(word) <= LONGEST_CORRECTED:
            corrector = corrector or spelling_corrector(searcher)
            found = corrector.suggest(word, limit=1, maxdist=max_distance(word))
            if found and found[0] != word:
                corrections[word] = found[0]
                continue
        unknown.append(word)
    return corrections, unknown


def _add(weights, field_name, term, weight):
    key = (field_name, term)
    weights[key] = max(weights.get(key, 0.0), weight)


def _literal(weights, reader, text, weight, boosted=True):
    """Add the words of `text` over the text fields, weighted by field (a name counts most).

    Unboosted, for expansions: a word the person never typed counts in the terms and the
    description, and little in names, so a name that happens to share its stem cannot
    outrank a service that has the word the person typed.
    """
    boosts = FIELD_BOOSTS if boosted else EXPANSION_BOOSTS
    for stem in _english(_without_spanish_stops(text)):
        factor = GENERIC_WEIGHT if stem in GENERIC_STEMS else 1.0
        for name in TEXT_FIELDS:
            if reader.doc_frequency(name, stem):
                _add(weights, name, stem, boosts[name] * weight * factor)
    for stem in _spanish(text):
        factor = GENERIC_WEIGHT if stem in GENERIC_STEMS else 1.0
        if reader.doc_frequency(SPANISH_FIELD, stem):
            _add(weights, SPANISH_FIELD, stem,
                 (SPANISH_BOOST if boosted else 1.0) * weight * factor)


def build(searcher, text, correct=True):
    """Return the TextQuery for `text` against the index `searcher` reads.

    `correct=False` runs the words as typed: unknown words are reported, none replaced.
    """
    text = " ".join((text or "").split())
    if not text:
        return TextQuery(None)
    reader = searcher.reader()
    corrections, unknown = read_words(searcher, text, correct)
    corrected = text
    for wrong, right in corrections.items():
        corrected = replace_word(corrected, wrong, right)
    weights = {}
    _literal(weights, reader, corrected, 1.0)
    reached, audience, said_in_spanish = [], set(), False
    found_all = concepts.find(corrected)
    needs = _needs(reader, corrected, found_all)
    for found in found_all:
        concept = found.concept
        said_in_spanish |= found.language == "es"
        if concept.id in reached:
            continue
        reached.append(concept.id)
        audience.update(concept.audience)
        _concept_parts(weights, reader, found)
    _languages_named(weights, corrected)
    parts = [(name, term, weight) for (name, term), weight in weights.items()]
    suggestion = corrected if corrections else None
    languages = named_in(text) | ({"es"} if said_in_spanish or looks_spanish(text) else set())
    if not parts:
        has_words = any(len(w) > 1 and _content(w) for w in WORD.findall(fold(text)))
        parts = [] if has_words else None
    return TextQuery(parts, corrections, suggestion, unknown, reached, audience, languages,
                     needs)


def _languages_named(weights, words):
    for code in named_in(words):  # "Arabic counseling": services that offer Arabic
        _add(weights, "tags", f"lang:{code}", TAG_WEIGHT)


def _need(reader, words):
    """Return the weights of words typed, with the code of a language they name."""
    weights = {}
    _literal(weights, reader, words, 1.0)
    _languages_named(weights, words)
    return weights


def _concept_parts(weights, reader, found):
    """Add what a concept found in the words reaches: its codes, its plainest word in the
    other language, and the words records use for it."""
    concept = found.concept
    for tag in concept.tags:
        _add(weights, "tags", tag, TAG_WEIGHT)
    for tag in concept.related:
        _add(weights, "tags", tag, RELATED_WEIGHT)
    if found.language != "both":  # said in one language: the other's plainest word
        other = "en" if found.language == "es" else "es"
        _literal(weights, reader, concept.head(other), TRANSLATION_WEIGHT)
    for word in concept.expand:
        _literal(weights, reader, word, EXPANSION_WEIGHT, boosted=False)


def _needs(reader, text, found):
    """Return [parts] for each need the words name, for scoring.coordination: a concept
    (its phrase as typed, its translation, expansions and codes) or a word outside every
    concept. Words that name no need ("help", stop words) and words the index does not know
    are none."""
    folded = fold(text)
    typed = text if len(folded) == len(text) else folded
    needs, seen = [], set()
    for f in found:
        if f.concept.id not in seen:
            seen.add(f.concept.id)
            needs.append(_need(reader, typed[f.start:f.end]))
            _concept_parts(needs[-1], reader, f)
    for word in WORD.finditer(folded):
        inside = any(f.start <= word.start() < f.end for f in found)
        if not (inside or not _checkable(word.group())
                or set(_english(word.group())) <= GENERIC_STEMS):
            needs.append(_need(reader, word.group()))
    return [[(name, term, weight) for (name, term), weight in need.items()]
            for need in needs if need]


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
