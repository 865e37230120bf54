"""The languages the search reads, as data (languages.json beside this module): for each,
its analysis (stemmer or none, stop words, syllable pairs), how a text is recognised as
written in it, its index field and weight, its words that ask without naming a need, the
kinds of concept-phrase words that replace one another, and the dictionary that says what
is a word of it. Adding a language is an entry here, its triggers in concepts.json and a
judged set, not new code. The first language is the records' main one: its analysis is the
structured fields'; every other language has a field of its own."""

import itertools
import json
import re
from dataclasses import dataclass
from functools import cache, lru_cache
from pathlib import Path

from whoosh.analysis import STOP_WORDS, Token, Tokenizer
from whoosh.lang import stemmer_for_language, stopwords_for_language
from whoosh.lang.porter import stem as porter_stem
from whoosh.support.charset import accent_map

TABLE = Path(__file__).with_name("languages.json")
WORD = re.compile(r"\w+(?:\.\w+)*")  # never `(?:\.?\w+)*`: it backtracks exponentially
LETTERS = re.compile(r"[^\W\d_]+")


@dataclass(frozen=True)
class Language:
    """One language of the search (see languages.json for what each setting means)."""

    code: str
    field: str | None
    stemmer: str | None
    stops: frozenset  # folded
    drop_stops: bool
    letters: frozenset
    endings: re.Pattern | None
    boost: float
    in_main_fields: bool
    bigrams: bool
    plural: bool
    determiners: tuple  # ((words, droppable), ...)
    generic: tuple
    dictionary: dict


def _read():
    return json.loads(TABLE.read_text(encoding="utf-8"))["languages"]


@lru_cache(maxsize=1)
def _fold_table():
    table = dict(accent_map)
    for raw in _read():
        table.update({ord(k): v for k, v in raw.get("fold", {}).items()})
    return table


def fold(text):
    """Return `text` lower-cased with its accents and tone marks dropped ("Tiếng Việt" ->
    "tieng viet"), as every analysis here sees it; a letter that decomposition leaves whole
    folds as the table says ("đ" -> "d")."""
    return (text or "").lower().translate(_fold_table())


def _stops(raw):
    words = raw["stop_words"]
    if words == "whoosh":
        words = STOP_WORDS if raw["code"] == "en" else stopwords_for_language(raw["code"])
    return frozenset(fold(w) for w in words)


def _load():
    languages = []
    for n, raw in enumerate(_read()):
        languages.append(Language(
            raw["code"], None if n == 0 else raw["field"], raw["stemmer"], _stops(raw),
            raw["drop_stop_words"], frozenset(raw["letters"]),
            re.compile(raw["endings"], re.IGNORECASE) if raw["endings"] else None,
            float(raw["boost"]), raw["in_main_fields"], raw["bigrams"], raw["plural"],
            tuple((tuple(d["words"]), d["droppable"]) for d in raw["determiners"]),
            tuple(raw["generic"]), raw["dictionary"]))
    return tuple(languages)


LANGUAGES = _load()
MAIN = LANGUAGES[0]
CODES = tuple(language.code for language in LANGUAGES)
BY_CODE = {language.code: language for language in LANGUAGES}
OTHERS = LANGUAGES[1:]
ALL_STOPS = frozenset().union(*(language.stops for language in LANGUAGES))


def _stem_function(language):
    if language.stemmer == "porter":
        return porter_stem
    if language.stemmer == "snowball":
        return stemmer_for_language(language.code)
    return None


_STEMMERS = {language.code: _stem_function(language) for language in LANGUAGES}
_CACHES = {language.code: {} for language in LANGUAGES}
CACHE_SIZE = 200_000


def stem(code, word):
    """Return the stem of a folded lower-case word in language `code` (cached)."""
    function = _STEMMERS[code]
    if function is None:
        return word
    cache = _CACHES[code]
    stemmed = cache.get(word)
    if stemmed is None:
        if len(cache) > CACHE_SIZE:
            cache.clear()
        stemmed = cache[word] = function(word)
    return stemmed


class FoldingAnalyzer(Tokenizer):
    """Words of one language, lower-cased and folded, stop words dropped (where the table
    says), stemmed (where it has a stemmer), with pairs of neighbouring words (where it
    indexes them). Equal by language, as Whoosh compares the schema's analyzers."""

    code = MAIN.code  # an index written before the table has no attribute: English

    def __init__(self, code=None):
        if code:
            self.code = code

    def __eq__(self, other):
        return isinstance(other, FoldingAnalyzer) and other.code == self.code

    def __hash__(self):
        return hash((FoldingAnalyzer.__name__, self.code))

    def __call__(self, value, positions=False, chars=False, keeporiginal=False,
                 removestops=True, start_pos=0, start_char=0, mode="", **kwargs):
        token = Token(positions, chars, removestops=removestops, mode=mode, **kwargs)
        for text in words(self.code, value):
            token.text = text
            token.boost = 1.0
            token.stopped = False
            yield token


def words(code, text):
    """Return the index words of `text` as language `code` analyses them."""
    language = BY_CODE[code]
    stops = language.stops if language.drop_stops else ()
    found = [w for w in WORD.findall(fold(text)) if len(w) >= 2 and w not in stops]
    out = [stem(code, w) for w in found]
    if language.bigrams:
        out += [f"{a}_{b}" for a, b in itertools.pairwise(found)]
    return out


def language_of(text):
    """Return the code of the language `text` reads as (the main language when unsure).

    Records carry no language tag on their text, and a query none at all: what only one
    language has decides, its stop words and its letters counted together ("bác sĩ": two
    Vietnamese letters outweigh the Spanish "si"); when no language leads, the word endings
    that mark one.
    """
    folded = LETTERS.findall(fold(text))
    lowered = (text or "").lower()
    shared = _shared_stops()
    counts = {language.code: sum(w in language.stops and w not in shared for w in folded)
              + sum(c in own_letters(language.code) for c in lowered)
              for language in LANGUAGES}
    best = _single_best(counts)
    if best:
        return best
    for language in LANGUAGES:
        if language.endings is not None and language.endings.search(text or ""):
            return language.code
    return MAIN.code


def _single_best(counts):
    """Return the code with the highest count when it is alone there and above 0."""
    top = max(counts.values(), default=0)
    leaders = [code for code, count in counts.items() if count == top]
    return leaders[0] if top > 0 and len(leaders) == 1 else None


@lru_cache(maxsize=1)
def _shared_stops():
    """Return the folded stop words of more than one language ("de", "la", "a")."""
    seen, shared = set(), set()
    for language in LANGUAGES:
        shared |= seen & language.stops
        seen |= language.stops
    return frozenset(shared)


@cache
def own_letters(code):
    """Return the letters only language `code` has among the languages of the table."""
    others = set().union(*(lang.letters for lang in LANGUAGES if lang.code != code))
    return frozenset(BY_CODE[code].letters - others)


def is_stop_word(word):
    """Return whether a folded word is a stop word of any language the search reads."""
    return word in ALL_STOPS


@lru_cache(maxsize=1)
def generic_words():
    """Return the index words, in every analysis, of the words that ask without naming a
    need ("help", "ayuda", "giúp"): they count less than the need they come with."""
    return frozenset(w for language in LANGUAGES for phrase in language.generic
                     for other in LANGUAGES for w in words(other.code, phrase) if "_" not in w)


@cache
def _dictionary(code):
    """Return the folded words of language `code`'s wordfreq list at its min_zipf or more
    (read from the package, once, when spelling first needs it)."""
    from wordfreq import get_frequency_dict

    setting = BY_CODE[code].dictionary
    least = 10 ** (setting["min_zipf"] - 9)  # zipf is log10 of frequency per billion words
    frequencies = get_frequency_dict(setting["wordfreq"], wordlist="best")
    return frozenset(fold(w) for w, f in frequencies.items() if f >= least)


def load_dictionaries():
    """Read every language's dictionary now (a server does it before forking its workers,
    so they share it and no visitor waits for it)."""
    for code in CODES:
        _dictionary(code)


def is_word(word, codes=CODES):
    """Return whether a folded word is a word of one of the languages `codes` (their
    dictionaries), so that spelling leaves it as typed."""
    return any(word in _dictionary(code) for code in codes)
