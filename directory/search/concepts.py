"""The concept vocabulary (concepts.json, data in this package): what people type, in
each language the search reads (languages.json; triggers keyed by language code), mapped to
a concept: the directory's codes it means (tags) and the words records use for it
(expansions).

Triggers are found on whole words after lower-casing and accent folding, longest first,
so "terapia de grupo" is one concept and the "therapy" inside "group therapy" is not a
second one. A phrase may trigger one concept only: the loader refuses a
table where two concepts share one.
"""

import json
import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from .languages import BY_CODE, CODES, MAIN, fold, own_letters

TABLE = Path(__file__).with_name("concepts.json")


@dataclass(frozen=True)
class Concept:
    """One need, as the directory codes it and as people say it in each language."""

    id: str
    group: str
    tags: tuple
    said: tuple  # ((language code, (trigger, ...)), ...) in the order of languages.json
    expand: tuple
    audience: tuple = ()  # the groups it speaks of: veterans, women, young people...
    related: tuple = ()  # codes of services that help with it, whose records may not say it

    def triggers(self, language):
        """Return the concept's triggers in `language` (none when the table has none)."""
        return dict(self.said).get(language, ())

    def head(self, language):
        """Return the concept's first trigger in `language`, its plainest name there, or
        None."""
        return next(iter(self.triggers(language)), None)

    def phrases(self):
        """Return every trigger of every language."""
        return tuple(p for _, said in self.said for p in said)


@dataclass(frozen=True)
class Found:
    """A trigger found in a query: the concept, the languages it was said in, where."""

    concept: Concept
    languages: frozenset  # one code, or several for a phrase the same in them ("zoom")
    start: int
    end: int


class VocabularyError(ValueError):
    """The concept table is not usable: a duplicate id or a phrase in two concepts."""


def load(path=None):
    """Return the Concepts of a table file, checked."""
    data = json.loads(Path(path or TABLE).read_text(encoding="utf-8"))
    loaded, ids, owner = [], set(), {}
    for raw in data["concepts"]:
        said = tuple((code, tuple(raw[code])) for code in CODES if raw.get(code))
        concept = Concept(raw["id"], raw.get("group", ""), tuple(raw.get("tags", ())), said,
                          tuple(raw.get("expand", ())), tuple(raw.get("audience", ())),
                          tuple(raw.get("related", ())))
        if concept.id in ids:
            raise VocabularyError(f"concept {concept.id!r} is defined twice")
        if not concept.triggers(MAIN.code):
            raise VocabularyError(
                f"concept {concept.id!r} needs triggers in {MAIN.code!r}, the main language")
        ids.add(concept.id)
        for phrase in {fold(p).strip() for p in concept.phrases()}:
            if owner.get(phrase, concept.id) != concept.id:
                raise VocabularyError(
                    f"{phrase!r} triggers both {owner[phrase]!r} and {concept.id!r}")
            owner[phrase] = concept.id
        loaded.append(concept)
    return tuple(loaded)


@lru_cache(maxsize=1)
def concepts():
    """Return the Concepts of the package's table (read once)."""
    return load()


def _number_variants(phrase, languages=CODES):
    """Return a phrase of several words with each longer word in the other number ("junta
    de recuperacion" for "juntas de recuperacion"), so the table need not list both. A
    single word has no variants: the table lists the forms it means, and leaves out on
    purpose the ones that are other words ("clase")."""
    words = phrase.split()
    variants = set()
    if len(words) < 2 or not any(BY_CODE[code].plural for code in languages):
        return variants
    for i, word in enumerate(words):
        if len(word) < 4 or not word.isalpha():
            continue
        if word.endswith("es") and len(word) > 5:
            others = (word[:-2], word[:-1])
        elif word.endswith("s"):
            others = (word[:-1],)
        else:
            others = (word + "s", word + "es")
        for other in others:
            variants.add(" ".join([*words[:i], other, *words[i + 1:]]))
    return variants


def _determiner_variants(phrase, languages=(MAIN.code,)):
    """Return a phrase said in `languages` with each determiner in turn swapped for the
    others of its kind ("taking care of her mom" for "taking care of my mom", "su hijo" for
    "mi hijo") and, where the kind may be left out (English), without it where at least
    three other words remain ("sleeping in car"; "need a ride" keeps its article, or "I
    need phone" would be a need). The kinds are each language's, in languages.json: words
    that point at whose or which thing."""
    kinds = [k for code in languages for k in BY_CODE[code].determiners]
    words = phrase.split()
    variants = set()
    for i, word in enumerate(words):
        for others, droppable in kinds:
            if word not in others:
                continue
            for other in others:
                variants.add(" ".join([*words[:i], other, *words[i + 1:]]))
            if droppable and len(words) >= 4:
                variants.add(" ".join([*words[:i], *words[i + 1:]]))
    variants.discard(phrase)
    return variants


@lru_cache(maxsize=1)
def _scanner():
    said = {}  # folded phrase -> (concept, frozenset of the languages it is said in)
    spelled = {}  # folded phrase -> its spellings in the table, lower-cased
    for concept in concepts():
        for language, phrases in concept.said:
            for phrase in phrases:
                key = fold(phrase).strip()
                earlier = said.get(key, (concept, frozenset()))[1]
                said[key] = (concept, earlier | {language})
                spelled.setdefault(key, set()).add(phrase.strip().lower())
    for key, (concept, languages) in list(said.items()):  # what the table says wins
        for variant in _determiner_variants(key, sorted(languages)):
            said.setdefault(variant, (concept, languages))
    for key, (concept, languages) in list(said.items()):
        for variant in _number_variants(key, languages):
            said.setdefault(variant, (concept, languages))
    alternatives = sorted(said, key=len, reverse=True)
    pattern = re.compile(
        r"(?<![\w-])(?:" + "|".join(re.escape(p) for p in alternatives) + r")(?![\w-])")
    return pattern, said, spelled


def find(text):
    """Return the Found triggers of `text`, in order, none overlapping another.

    The longest phrase wins wherever it starts: in "necesito raite al doctor" the ride to
    the doctor is one need, not "necesito raite" and a doctor. Words typed with letters
    that only one language has are that language's: a phrase of other languages does not
    match them ("mất", lost, is not MAT, the treatment).
    """
    pattern, said, spelled = _scanner()
    folded = fold(text)
    typed = text.lower() if len(folded) == len(text) else folded
    candidates = []
    for start in (m.start() for m in re.finditer(r"(?<![\w-])[\w-]", folded)):
        match = pattern.match(folded, start)
        words = typed[match.start():match.end()] if match else ""
        if match and _said_in_its_letters(words, said[match.group()][1]) and _marks_agree(
                words, spelled.get(match.group(), ())):
            candidates.append((match.start(), match.end()))
    taken, chosen = [], []
    for start, end in sorted(candidates, key=lambda c: (c[0] - c[1], c[0])):
        if all(end <= s or start >= e for s, e in taken):
            taken.append((start, end))
            chosen.append((start, end))
    found = []
    for start, end in sorted(chosen):
        concept, languages = said[folded[start:end]]
        found.append(Found(concept, languages, start, end))
    return found


def _marks_agree(typed, spellings):
    """Return whether the marks typed agree with a spelling of the phrase: a letter typed
    with a mark must have it there ("cần cuộc", need a call, is not "căn cước", an ID
    card), a letter typed without one may stand for any ("can cuoc" may be either)."""
    if typed == fold(typed):
        return True
    same_length = [s for s in spellings if len(s) == len(typed)]
    return not same_length or any(
        all(t == p or t == fold(t) for t, p in zip(typed, s, strict=True)) for s in same_length)


def _said_in_its_letters(typed, languages):
    """Return whether typed words carry no letter that only a language outside
    `languages` has."""
    return not any(code not in languages and own_letters(code) & set(typed) for code in CODES)


@lru_cache(maxsize=1)
def vocabulary():
    """Return the sorted distinct folded words of every trigger and expansion."""
    words = set()
    for concept in concepts():
        for phrase in concept.phrases() + concept.expand:
            words.update(re.findall(r"[^\W\d_]{3,}", fold(phrase)))
    return tuple(sorted(words))


@lru_cache(maxsize=1)
def _word_set():
    return frozenset(vocabulary())


def is_word(word):
    """Return whether a folded word is one of the concept table's words."""
    return word in _word_set()
