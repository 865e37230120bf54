"""The concept vocabulary (concepts.json, data in this package): what people type, in
English or Spanish, mapped to a concept: the directory's codes it means (tags) and the
words records use for it (expansions).

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

from .schema import fold

TABLE = Path(__file__).with_name("concepts.json")
LANGUAGES = ("en", "es")


@dataclass(frozen=True)
class Concept:
    """One need, as the directory codes it and as people say it in each language."""

    id: str
    group: str
    tags: tuple
    en: tuple
    es: tuple
    expand: tuple
    audience: tuple = ()  # the groups it speaks of: veterans, women, young people...
    related: tuple = ()  # codes of services that help with it, whose records may not say it

    def head(self, language):
        """Return the concept's first trigger in `language`: its plainest name there."""
        return getattr(self, language)[0]


@dataclass(frozen=True)
class Found:
    """A trigger found in a query: the concept, the language it was said in, where."""

    concept: Concept
    language: str  # "en", "es", or "both" for a phrase the same in the two languages
    start: int
    end: int


class VocabularyError(ValueError):
    """The concept table is not usable: a duplicate id or a phrase in two concepts."""


def load(path=None):
    """Return the Concepts of a table file, checked."""
    data = json.loads(Path(path or TABLE).read_text(encoding="utf-8"))
    loaded, ids, owner = [], set(), {}
    for raw in data["concepts"]:
        concept = Concept(raw["id"], raw.get("group", ""), tuple(raw.get("tags", ())),
                          tuple(raw["en"]), tuple(raw["es"]), tuple(raw.get("expand", ())),
                          tuple(raw.get("audience", ())), tuple(raw.get("related", ())))
        if concept.id in ids:
            raise VocabularyError(f"concept {concept.id!r} is defined twice")
        if not concept.en or not concept.es:
            raise VocabularyError(f"concept {concept.id!r} needs English and Spanish triggers")
        ids.add(concept.id)
        for phrase in {fold(p).strip() for p in concept.en + concept.es}:
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


def _number_variants(phrase):
    """Return a phrase of several words with each longer word in the other number ("junta
    de recuperacion" for "juntas de recuperacion"), so the table need not list both. A
    single word has no variants: the table lists the forms it means, and leaves out on
    purpose the ones that are other words ("clase")."""
    words = phrase.split()
    variants = set()
    if len(words) < 2:
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


# Words that point at whose or which thing: "sleeping in my car" is said "sleeping in her
# car", "sleeping in a car" and, in a coordinator's note, "sleeping in car". Each kind: the
# words that replace one another, and whether one may be left out.
DETERMINERS = {"en": [(("my", "her", "his", "their", "our", "your", "a", "the"), True)],
               "es": [(("mi", "su", "tu"), False), (("mis", "sus", "tus"), False)]}


def _determiner_variants(phrase, language="en"):
    """Return a phrase of `language` with each determiner in turn swapped for the others
    of its kind ("taking care of her mom" for "taking care of my mom", "su hijo" for "mi
    hijo") and, in English, left out where at least three other words remain ("sleeping in
    car"; "need a ride" keeps its article, or "I need phone" would be a need). A phrase
    the same in both languages ("both") takes the kinds of the two."""
    kinds = [k for lang in LANGUAGES if language in (lang, "both") for k in DETERMINERS[lang]]
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
    said = {}  # folded phrase -> (concept, language)
    for concept in concepts():
        for language in LANGUAGES:
            for phrase in getattr(concept, language):
                key = fold(phrase).strip()
                earlier = said.get(key)
                said[key] = (concept, "both" if earlier and earlier[1] != language
                             else language)
    for key, (concept, language) in list(said.items()):  # what the table says wins
        for variant in _determiner_variants(key, language):
            said.setdefault(variant, (concept, language))
    for key, (concept, language) in list(said.items()):
        for variant in _number_variants(key):
            said.setdefault(variant, (concept, language))
    alternatives = sorted(said, key=len, reverse=True)
    pattern = re.compile(
        r"(?<![\w-])(?:" + "|".join(re.escape(p) for p in alternatives) + r")(?![\w-])")
    return pattern, said


def find(text):
    """Return the Found triggers of `text`, in order, none overlapping another.

    The longest phrase wins wherever it starts: in "necesito raite al doctor" the ride to
    the doctor is one need, not "necesito raite" and a doctor.
    """
    pattern, said = _scanner()
    folded = fold(text)
    candidates = []
    for start in (m.start() for m in re.finditer(r"(?<![\w-])[\w-]", folded)):
        match = pattern.match(folded, start)
        if match:
            candidates.append((match.start(), match.end()))
    taken, chosen = [], []
    for start, end in sorted(candidates, key=lambda c: (c[0] - c[1], c[0])):
        if all(end <= s or start >= e for s, e in taken):
            taken.append((start, end))
            chosen.append((start, end))
    found = []
    for start, end in sorted(chosen):
        concept, language = said[folded[start:end]]
        found.append(Found(concept, language, start, end))
    return found


@lru_cache(maxsize=1)
def vocabulary():
    """Return the sorted distinct folded words of every trigger and expansion."""
    words = set()
    for concept in concepts():
        for phrase in concept.en + concept.es + concept.expand:
            words.update(re.findall(r"[^\W\d_]{3,}", fold(phrase)))
    return tuple(sorted(words))


@lru_cache(maxsize=1)
def _word_set():
    return frozenset(vocabulary())


def is_word(word):
    """Return whether a folded word is one of the concept table's words."""
    return word in _word_set()
