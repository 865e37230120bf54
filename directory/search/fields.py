"""The fields of a service document in the index (its Whoosh schema) and how each is
analysed. The structured text fields (name, organization, terms, body) use the analysis
of the records' main language, with folding; each other language the search reads
(languages.json) has a field of its own holding the record's text in that language,
analysed as the table says; `tags` holds exact codes for filters and concept targets;
`spell` keeps each document's distinct unstemmed words for spelling suggestions; `facts`
is the stored record the filters read."""

import re

from whoosh.fields import ID, KEYWORD, STORED, TEXT, Schema

from .languages import MAIN, OTHERS, FoldingAnalyzer, fold

TEXT_FIELDS = ("name", "organization", "terms", "body")
# A name counts most, but not so much that one word of it ("Co-Pay" for "help paying rent")
# outweighs a description that speaks of the whole need.
FIELD_BOOSTS = {"name": 2.5, "organization": 1.5, "terms": 2.5, "body": 1.0}
# code -> the field of a language's own text (below the translations: see textquery)
LANGUAGE_FIELDS = {language.code: language.field for language in OTHERS}
SCORED_FIELDS = (*TEXT_FIELDS, *LANGUAGE_FIELDS.values())

def stemming_analyzer():
    """Return the analyzer of the structured fields: the main language's."""
    return FoldingAnalyzer(MAIN.code)


def language_analyzer(code):
    """Return the analyzer of language `code`'s own field."""
    return FoldingAnalyzer(code)


WORD_RE = re.compile(r"[^\W\d_]{3,}")


def distinct_words(text):
    """Return the distinct lower-case, folded words of three letters or more."""
    return sorted(set(WORD_RE.findall(fold(text))))


def build_schema():
    """Return the schema of the service index."""
    analyzer = stemming_analyzer()
    # No positions (phrase=False): nothing searches phrases, and indexing is faster.
    languages = {field: TEXT(analyzer=language_analyzer(code), phrase=False)
                 for code, field in LANGUAGE_FIELDS.items()}
    return Schema(
        id=ID(stored=True, unique=True),
        name=TEXT(analyzer=analyzer, phrase=False),
        organization=TEXT(analyzer=analyzer, phrase=False),
        terms=TEXT(analyzer=analyzer, phrase=False),
        body=TEXT(analyzer=analyzer, phrase=False),
        **languages,
        tags=KEYWORD(lowercase=False, commas=True),
        # Each document's distinct words, already folded: the vocabulary for corrections.
        spell=KEYWORD(lowercase=False, scorable=False),
        fingerprint=STORED(),
        facts=STORED(),
    )
