"""What a service must hold to meet each need typed words name outright, for the count of
services that match what was asked (engine.SearchResult.matched; scoring.meets_all reads
it). The rest of what a search finds is related: it shares some of the words."""

from .fields import LANGUAGE_FIELDS, TEXT_FIELDS
from .languages import CODES, fold
from .languages import words as analyze
from .spelling import checkable
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

# What a conditional part of a query (TextQuery.conditional) is: a word that only qualifies
# a phrase (qualifiers.py), or a concept's code (codes_said). scoring.ALONE says how much
# each counts where its condition does not hold.
QUALIFYING_WORD, CONCEPT_CODE = "qualifying word", "concept code"


def every_word(text, language=None):
    """Return the alternatives of holding every word of `text`: all its main-language
    stems (each in any structured field), or all its stems in one language's own field
    (only `language`'s, when given)."""
    alternatives = []
    if language is None:
        stems = [s for s in main_stems(without_foreign_stops(text)) if s not in GENERIC_STEMS]
        if stems:
            alternatives.append([[(name, stem) for name in TEXT_FIELDS] for stem in stems])
    for code, field_name in LANGUAGE_FIELDS.items():
        if language in (None, code):
            stems = [s for s in analyze(code, text) if s not in GENERIC_STEMS]
            if stems:
                alternatives.append([[(field_name, stem)] for stem in stems])
    return alternatives


def concept_words(found, phrase):
    """Return the alternatives of a service's words saying a concept found in the words
    (`phrase`: its trigger as typed): every word of the phrase, of its plainest name in
    another language, or of a word records use for it."""
    concept = found.concept
    alternatives = every_word(phrase, only_in_own_field(found))
    for code in CODES:
        head = concept.head(code)
        if head and code not in found.languages:
            alternatives += every_word(head, scope(code))
    for word in concept.expand:
        alternatives += every_word(word)
    return alternatives


def concept_met(found, phrase):
    """Return the alternatives of meeting a concept found in the words outright (see
    asked_needs), `phrase` being its trigger as typed."""
    concept = found.concept
    if concept.tags:
        return [[[("tags", tag)]] for tag in concept.tags]
    return [[[("tags", tag)]] for tag in concept.related] + concept_words(found, phrase)


def codes_said(parts, found_all, text):
    """Return (`parts` without the codes of the concepts found in `text`, [(those codes'
    parts, the alternatives of saying one of their concepts, CONCEPT_CODE)] for
    TextQuery.conditional): a code counts in full for a service whose words also say the
    need, and scoring.CODES_ALONE of it for one only filed under it. A code is broader
    than a need: "replace lost ID" is filed in legal help, as the court, the elections
    office and the sheriff are; "bus pass" in transportation, as a car share is."""
    typed = typed_form(text)
    carriers, seen = {}, set()
    for found in found_all:
        if found.concept.id not in seen:
            seen.add(found.concept.id)
            for tag in found.concept.tags:
                carriers.setdefault(tag, []).append(found)
    groups, kept = {}, []
    for part in parts:
        found = carriers.get(part[1]) if part[0] == "tags" else None
        if found:
            groups.setdefault(tuple(f.concept.id for f in found), (found, []))[1].append(part)
        else:
            kept.append(part)
    return kept, [(codes, [alternative for f in found
                           for alternative in concept_words(f, typed[f.start:f.end])],
                   CONCEPT_CODE)
                  for found, codes in groups.values()]


def asked_needs(reader, text, found):
    """Return what a service must hold to meet each need the words name outright (see
    textquery.TextQuery.asked).

    A concept with codes is met by its codes only: they say what it is, in every language
    alike, while its words are scattered through records that only speak of it ("referrals
    to residential treatment" in an outpatient clinic's description; "live-in" read as
    "live"). A concept without codes is met by the codes of the services that help with it
    (related), by every word of it as typed, of its plainest name in another language, or
    of a word records use for it. A word outside every concept is met by the word, unless
    no service mentions it (the page says so; as in textquery._needs, it is no need)."""
    folded, typed = fold(text), typed_form(text)
    asked, seen = [], set()
    for f in found:
        if f.concept.id not in seen:
            seen.add(f.concept.id)
            asked.append(concept_met(f, typed[f.start:f.end]))
    for word in WORD.finditer(folded):
        inside = any(f.start <= word.start() < f.end for f in found)
        if not (inside or not checkable(word.group())
                or set(main_stems(word.group())) <= GENERIC_STEMS):
            alternatives = every_word(word.group())
            alternatives += [[[("tags", f"lang:{code}")]] for code in languages_named(
                word.group())]
            if any(reader.doc_frequency(name, term) for groups in alternatives
                   for group in groups for name, term in group):
                asked.append(alternatives)
    return asked
