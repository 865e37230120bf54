"""What people type, as weighted terms: their words over the text fields (name weighted
most), the synonym table's expansions, and corrections for words the index does not know.
The text is never parsed as query syntax, so no input is a syntax error."""

from dataclasses import dataclass, field

from whoosh.spelling import ListCorrector, MultiCorrector

from . import synonyms
from .schema import FIELD_BOOSTS, TEXT_FIELDS, spelling_analyzer, stemming_analyzer

EXPANSION_WEIGHT = 0.6
TAG_WEIGHT = 3.0


@dataclass
class TextQuery:
    """The weighted terms to score, and the words that were corrected on the way.

    `parts` is [(field, term, weight)]; None means no text constraint (only stop words);
    an empty list means words the index does not know: nothing matches.
    """

    parts: list | None
    corrections: dict = field(default_factory=dict)  # typed word -> corrected word
    suggestion: str | None = None


def spelling_corrector(searcher):
    """Return a corrector over the index's names and terms and the synonym table's words."""
    return MultiCorrector([searcher.corrector("spell"),
                           ListCorrector(synonyms.vocabulary())], max)


def _stems(text):
    return [t.text for t in stemming_analyzer()(text)]


def _words(text):
    return [t.text for t in spelling_analyzer()(text)]


def _known(reader, stem):
    return any(reader.doc_frequency(name, stem) for name in TEXT_FIELDS)


def _word_parts(stem, weight=1.0):
    # Field scores add up: a word in the name and the category outranks one in passing.
    return [(name, stem, FIELD_BOOSTS[name] * weight) for name in TEXT_FIELDS]


def build(searcher, text):
    """Return the TextQuery for `text` against the index `searcher` reads."""
    text = " ".join((text or "").split())
    if not text:
        return TextQuery(None)
    reader = searcher.reader()
    triggered = {w for _, _, phrases in synonyms.expansions(text)
                 for p in phrases for w in _words(p)}
    corrections, corrector = {}, None
    for word in _words(text):
        stems = _stems(word)
        if stems and word not in triggered and not any(_known(reader, s) for s in stems):
            corrector = corrector or spelling_corrector(searcher)
            found = corrector.suggest(word, limit=1, maxdist=2)
            if found:
                corrections[word] = found[0]
    corrected = text
    for wrong, right in corrections.items():
        corrected = _replace_word(corrected, wrong, right)
    parts, seen = [], set()
    # every known word of the text as typed and as corrected; unknown ones drop out
    for stem in _stems(text) + _stems(corrected):
        if stem not in seen and _known(reader, stem):
            seen.add(stem)
            parts.extend(_word_parts(stem))
    tags = set()
    for tag, expand, _ in synonyms.expansions(text) + synonyms.expansions(corrected):
        if tag not in tags:
            tags.add(tag)
            parts.append(("tags", tag, TAG_WEIGHT))
        for stem in {s for word in expand for s in _stems(word)} - seen:
            seen.add(stem)
            parts.extend(_word_parts(stem, EXPANSION_WEIGHT))
    if not parts:
        return TextQuery([] if _stems(text) else None, corrections, None)
    suggestion = corrected if corrected.lower() != text.lower() else None
    return TextQuery(parts, corrections, suggestion)


def _replace_word(text, wrong, right):
    import re

    return re.sub(rf"(?i)(?<!\w){re.escape(wrong)}(?!\w)", right, text)


def suggest_for_nothing(searcher, text):
    """Return a spelling suggestion for a query that found nothing, or None."""
    corrector = spelling_corrector(searcher)
    changed, fixed = False, text
    for word in _words(text):
        found = corrector.suggest(word, limit=1, maxdist=2)
        if found and found[0] != word:
            fixed = _replace_word(fixed, word, found[0])
            changed = True
    return fixed if changed else None
