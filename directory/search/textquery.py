"""What people type, as a Whoosh query: their words over the text fields (name weighted
most), the synonym table's expansions, and corrections for words the index does not know.
The text is never parsed as query syntax, so no input is a syntax error."""

from dataclasses import dataclass, field

from whoosh import query as q

from . import synonyms
from .schema import FIELD_BOOSTS, TEXT_FIELDS, spelling_analyzer, stemming_analyzer

EXPANSION_WEIGHT = 0.6
TAG_WEIGHT = 3.0


@dataclass
class TextQuery:
    """The query, and the words that were corrected on the way."""

    query: object | None
    corrections: dict = field(default_factory=dict)  # typed word -> corrected word
    suggestion: str | None = None


def _stems(text):
    return [t.text for t in stemming_analyzer()(text)]


def _words(text):
    return [t.text for t in spelling_analyzer()(text)]


def _known(reader, stem):
    return any(reader.doc_frequency(name, stem) for name in TEXT_FIELDS)


def _word_query(stem, weight=1.0):
    return q.DisjunctionMax([q.Term(name, stem, boost=FIELD_BOOSTS[name] * weight)
                             for name in TEXT_FIELDS])


def build(searcher, text):
    """Return the TextQuery for `text` against the index `searcher` reads."""
    text = " ".join((text or "").split())
    if not text:
        return TextQuery(None)
    reader = searcher.reader()
    expansions = synonyms.expansions(text)
    triggered = {w for _, _, phrases in expansions for p in phrases for w in _words(p)}
    parts, corrections = [], {}
    corrector = None
    seen = set()
    for word in _words(text) or []:
        stems = _stems(word)
        if not stems:
            continue  # a stop word
        known = [s for s in stems if _known(reader, s)]
        if not known and word not in triggered:
            corrector = corrector or searcher.corrector("spell")
            suggestions = corrector.suggest(word, limit=1, maxdist=2)
            if suggestions:
                corrections[word] = suggestions[0]
                known = [s for s in _stems(suggestions[0]) if _known(reader, s)]
        for stem in known or stems:
            if stem not in seen:
                seen.add(stem)
                parts.append(_word_query(stem))
    # numbers and short words the spelling tokenizer skips ("12-step", "aa") still count
    for stem in _stems(text):
        if stem not in seen and _known(reader, stem):
            seen.add(stem)
            parts.append(_word_query(stem))
    for tag, expand, _ in expansions:
        parts.append(q.Term("tags", tag, boost=TAG_WEIGHT))
        for stem in {s for word in expand for s in _stems(word)} - seen:
            parts.append(_word_query(stem, EXPANSION_WEIGHT))
    if not parts:
        return TextQuery(None)
    suggestion = None
    if corrections:
        fixed = text
        for wrong, right in corrections.items():
            fixed = _replace_word(fixed, wrong, right)
        suggestion = fixed if fixed.lower() != text.lower() else None
    combined = parts[0] if len(parts) == 1 else q.Or(parts, scale=0.9)
    return TextQuery(combined, corrections, suggestion)


def _replace_word(text, wrong, right):
    import re

    return re.sub(rf"(?i)(?<!\w){re.escape(wrong)}(?!\w)", right, text)


def suggest_for_nothing(searcher, text):
    """Return a spelling suggestion for a query that found nothing, or None."""
    corrector = searcher.corrector("spell")
    changed, fixed = False, text
    for word in _words(text):
        found = corrector.suggest(word, limit=1, maxdist=2)
        if found and found[0] != word:
            fixed = _replace_word(fixed, word, found[0])
            changed = True
    return fixed if changed else None
