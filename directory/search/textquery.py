"""What people type, as weighted terms to score.

The words as typed count most: the main language's stems over the structured fields (name
weighted most) and each other language's analysis over that language's own field
(languages.json); a trigger said in a language whose words the main fields do not read
(Vietnamese: "tư vấn" is not the English "van") is looked up in its own field only; when the
page says which languages the searcher reads, another language's field is read only for
words in it or naming it (it holds the services' translated text too). A concept the words
trigger (concepts.json, in any language of the table) adds its plainest word in each
language it was not said in at TRANSLATION_WEIGHT and the words records use for it at
EXPANSION_WEIGHT, each below the same word typed and counting in a name no more than in a
description (a name's boost is for the words the person typed); its codes (its category)
add TAG_WEIGHT to the services that carry them whose words say the need, CODES_ALONE of it
to those only filed under them (asked.codes_said). Words that ask without naming a need
("help", "ayuda", "giúp": each language's, in the table) count GENERIC_WEIGHT of the
others, so "job help" finds the job service before every service named "... Help". A
language named ("Arabic counseling", or in its own name, "tiếng Việt") adds its code, so
services that offer it count. Each need the words name (a concept, or a word outside every
concept) is also kept apart, so that the score can count how many of them a service meets
(scoring.coordination). A word that only qualifies a need's phrase ("social" in "social
anxiety") counts in full only beside the rest of it (qualifiers.py).

Spelling is spelling.py's: a real word is never replaced. The text is never parsed as
query syntax, so no input is a syntax error.
"""

from dataclasses import dataclass, field

from . import concepts, qualifiers
from .asked import QUALIFYING_WORD, asked_needs, codes_said, concept_met, every_word
from .fields import FIELD_BOOSTS, LANGUAGE_FIELDS, TEXT_FIELDS
from .languages import BY_CODE, CODES, MAIN, fold, is_stop_word, language_of
from .languages import words as analyze
from .spelling import checkable, read_words, replace_word
from .wording import (
    GENERIC_STEMS,
    WORD,
    languages_named,
    main_stems,
    only_in_own_field,
    scope,
    typed_form,
    without_foreign_stops,
)

TRANSLATION_WEIGHT = 0.9
EXPANSION_WEIGHT = 0.9
TAG_WEIGHT = 12.0
# A concept's related codes (depression: counselling) find the services of that kind whose
# records never say the word, below every record that does.
RELATED_WEIGHT = 1.0
GENERIC_WEIGHT = 0.3
# An expansion in a service's name counts as in its description, no more: the name's boost
# is for words the person typed. Many real records are a name alone ("ST. ANTHONY DINING
# ROOM", "OFFICE OF VITAL RECORDS"), and at a quarter their only words barely counted
# (bench/README: a quarter, 0.6 and 1.0 measured). The places' and organization's names
# stay at a quarter: they name the agency, often of many other services.
EXPANSION_BOOSTS = {"name": 1.0, "organization": 0.25, "terms": 1.0, "body": 1.0}


@dataclass
class TextQuery:
    """The weighted terms to score, and what was changed or not understood on the way.

    `parts` is [(field, term, weight)]; None means no text constraint (only stop words);
    an empty list with no `conditional` means words the index does not know: nothing
    matches (a concept's codes alone are conditional).
    """

    parts: list | None
    corrections: dict = field(default_factory=dict)  # typed word -> corrected word
    suggestion: str | None = None  # the query as corrected, when a word was changed
    unknown: list = field(default_factory=list)  # words that match nothing, uncorrected
    concepts: list = field(default_factory=list)  # ids of the concepts reached
    audience: set = field(default_factory=set)  # groups the words speak of ("veterans")
    languages: set = field(default_factory=set)  # languages the words are in or name
    needs: list = field(default_factory=list)  # [parts] of each need the words name
    # Each need as what a service must hold to meet it outright, for the count of services
    # that match what was asked: [alternatives], an alternative being [groups] a service
    # must all hold, a group [(field, term)] of which it holds any (asked.py).
    asked: list = field(default_factory=list)
    # Parts in full where a service meets a condition, scoring.ALONE of them elsewhere:
    # [(parts, alternatives as in `asked`, kind)]. Words only qualifying a need's phrase
    # ("social" in "social anxiety"), held with another word of it or the need met
    # (qualifiers.py); a concept's codes, held with a word saying it (asked.codes_said).
    conditional: list = field(default_factory=list)


def _content(word):
    """Return whether a folded word means something: not a stop word of any language."""
    return not is_stop_word(word)


def _add(weights, field_name, term, weight):
    key = (field_name, term)
    weights[key] = max(weights.get(key, 0.0), weight)


def _literal(weights, reader, text, weight, boosted=True, language=None, said_in=None):
    """Add the words of `text` over the text fields, weighted by field (a name counts most):
    the main fields and every language's own field, or only language `language`'s field.

    Unboosted, for expansions: a word the person never typed counts in a name as in the
    terms and the description (little in the organization's), never with a name's boost,
    so a name that happens to share its stem cannot outrank a service that has the word
    the person typed.

    `said_in`: the language the words are known to be in (a concept's word, never typed):
    looked up in no other language's field, and in a language whose words are of several
    syllables as whole words only ("cờ bạc", not the "có" of every Vietnamese sentence).
    """
    boosts = FIELD_BOOSTS if boosted else EXPANSION_BOOSTS
    if language is None:
        for stem in main_stems(without_foreign_stops(text)):
            factor = GENERIC_WEIGHT if stem in GENERIC_STEMS else 1.0
            for name in TEXT_FIELDS:
                if reader.doc_frequency(name, stem):
                    _add(weights, name, stem, boosts[name] * weight * factor)
    for code, field_name in LANGUAGE_FIELDS.items():
        if language not in (None, code) or said_in not in (None, code):
            continue
        stems = analyze(code, text)
        if said_in == code and BY_CODE[code].bigrams and any("_" in s for s in stems):
            stems = [s for s in stems if "_" in s]
        for stem in stems:
            factor = GENERIC_WEIGHT if stem in GENERIC_STEMS else 1.0
            if reader.doc_frequency(field_name, stem):
                _add(weights, field_name, stem,
                     (BY_CODE[code].boost if boosted else 1.0) * weight * factor)


def _blank(text, spans):
    """Return `text` with the (start, end) spans blanked out: the triggers said in a
    language that only its own field reads ("tư vấn" is not the English "van")."""
    typed = typed_form(text)
    for start, end in spans:
        typed = typed[:start] + " " * (end - start) + typed[end:]
    return typed


def _unread(codes):
    """Return the language fields of the languages other than `codes`."""
    return {name for code, name in LANGUAGE_FIELDS.items() if code not in codes}


def _readable(parts, unread):
    """Return `parts` without the terms of the `unread` fields."""
    return [(name, term, weight) for name, term, weight in parts if name not in unread]


def _readable_asked(asked, unread):
    """Return `asked` (TextQuery.asked) met in the fields read: a need whose every way to
    be met is in `unread` fields stays as it is."""
    kept = []
    for alternatives in asked:
        read = [[[(name, term) for name, term in group if name not in unread]
                 for group in alternative] for alternative in alternatives]
        kept.append([alternative for alternative in read if all(alternative)] or alternatives)
    return kept


def build(searcher, text, correct=True, reads=()):
    """Return the TextQuery for `text` against the index `searcher` reads.

    `correct=False` runs the words as typed: unknown words are reported, none replaced.
    `reads`: the languages the searcher reads (the page's), when known. Another language's
    own field (its records' words, and the services' text translated into it) is then read
    only when the words are in it or name it: a reader of English gains nothing from the
    Spanish beside a service's English, and a service written in two languages would count
    the need twice.
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
    found_all = concepts.find(corrected)
    own_field = [(f.start, f.end) for f in found_all if only_in_own_field(f)]
    qualified = qualifiers.spans(corrected, found_all)
    loose = [span for _, spans in qualified for span in spans]
    _literal(weights, reader, _blank(corrected, own_field + loose), 1.0)
    reached, audience, said_in = [], set(), {language_of(text)}
    needs = _needs(reader, corrected, found_all)
    asked = asked_needs(reader, corrected, found_all)
    for found in found_all:
        concept = found.concept
        if len(found.languages) == 1:
            said_in |= found.languages
        if only_in_own_field(found):
            _literal(weights, reader, _phrase(corrected, found), 1.0,
                     language=only_in_own_field(found))
        if concept.id in reached:
            continue
        reached.append(concept.id)
        audience.update(concept.audience)
        _concept_parts(weights, reader, found)
    _languages_named(weights, corrected)
    conditional = _conditional(reader, corrected, qualified, weights, own_field)
    parts, coded = codes_said([(name, term, weight) for (name, term), weight in
                               weights.items()], found_all, corrected)
    conditional += coded
    suggestion = corrected if corrections else None
    languages = languages_named(text) | (said_in - {MAIN.code})
    if reads:
        unread = _unread(set(reads) | said_in | languages)
        parts, asked = _readable(parts, unread), _readable_asked(asked, unread)
        needs = [_readable(need, unread) for need in needs]
        conditional = [(_readable(held, unread), _readable_asked([met], unread)[0], kind)
                       for held, met, kind in conditional]
        conditional = [entry for entry in conditional if entry[0]]
    if not parts and not conditional:
        has_words = any(len(w) > 1 and _content(w) for w in WORD.findall(fold(text)))
        parts = [] if has_words else None
    return TextQuery(parts, corrections, suggestion, unknown, reached, audience, languages,
                     needs, asked, conditional)


def _conditional(reader, text, qualified, weights, blanked):
    """Return TextQuery.conditional: each qualifying word of a phrase as typed (its terms as
    the whole text reads them, beyond what the rest of the words count of them anyway) and
    what holding another content word of the phrase, or meeting its need, takes."""
    folded, typed = fold(text), typed_form(text)
    every = {}
    _literal(every, reader, _blank(text, blanked), 1.0)  # (a word's language is the text's)
    conditional = []
    for found, spans in qualified:
        words = [w for w in WORD.finditer(folded, found.start, found.end) if _content(w[0])]
        for start, end in spans:
            without = {}
            _literal(without, reader, _blank(text, [*blanked, (start, end)]), 1.0)
            parts = [(name, term, weight - weights.get((name, term), 0.0))
                     for (name, term), weight in every.items()
                     if (name, term) not in without and weight > weights.get((name, term), 0)]
            others = [way for w in words if w.start() != start for way in every_word(w[0])]
            if parts:
                conditional.append((parts, concept_met(found, typed[found.start:found.end])
                                    + others, QUALIFYING_WORD))
    return conditional


def _languages_named(weights, words):
    for code in languages_named(words):  # "Arabic counseling": services that offer Arabic
        _add(weights, "tags", f"lang:{code}", TAG_WEIGHT)


def _need(reader, words, language=None):
    """Return the weights of words typed, with the code of a language they name."""
    weights = {}
    _literal(weights, reader, words, 1.0, language=language)
    _languages_named(weights, words)
    return weights


def _phrase(text, found):
    return typed_form(text)[found.start:found.end]


def _concept_parts(weights, reader, found):
    """Add what a concept found in the words reaches: its codes, its plainest word in each
    language it was not said in, and the words records use for it."""
    concept = found.concept
    for tag in concept.tags:
        _add(weights, "tags", tag, TAG_WEIGHT)
    for tag in concept.related:
        _add(weights, "tags", tag, RELATED_WEIGHT)
    for code in CODES:
        head = concept.head(code)
        if head and code not in found.languages:
            _literal(weights, reader, head, TRANSLATION_WEIGHT, language=scope(code),
                     said_in=code)
    for word in concept.expand:
        _literal(weights, reader, word, EXPANSION_WEIGHT, boosted=False)


def _needs(reader, text, found):
    """Return [parts] for each need the words name, for scoring.coordination: a concept
    (its phrase as typed, its translation, expansions and codes) or a word outside every
    concept. Words that name no need ("help", stop words) and words the index does not know
    are none."""
    folded, typed = fold(text), typed_form(text)
    needs, seen = [], set()
    for f in found:
        if f.concept.id not in seen:
            seen.add(f.concept.id)
            needs.append(_need(reader, typed[f.start:f.end], only_in_own_field(f)))
            _concept_parts(needs[-1], reader, f)
    for word in WORD.finditer(folded):
        inside = any(f.start <= word.start() < f.end for f in found)
        if not (inside or not checkable(word.group())
                or set(main_stems(word.group())) <= GENERIC_STEMS):
            needs.append(_need(reader, word.group()))
    return [[(name, term, weight) for (name, term), weight in need.items()]
            for need in needs if need]
