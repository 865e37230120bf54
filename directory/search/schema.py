"""The Whoosh schema of a service document. Text fields use English stemming with accent
folding; `tags` holds exact codes for filters and synonym targets; `spell` keeps unstemmed
words for spelling suggestions; `facts` is the stored record the filters read."""

from whoosh.analysis import CharsetFilter, LowercaseFilter, RegexTokenizer, StemmingAnalyzer
from whoosh.fields import ID, KEYWORD, STORED, TEXT, Schema
from whoosh.support.charset import accent_map

TEXT_FIELDS = ("name", "organization", "terms", "body")
FIELD_BOOSTS = {"name": 4.0, "organization": 1.5, "terms": 2.5, "body": 1.0}


def stemming_analyzer():
    """Return the analyzer of searchable text: words, lower case, stop words, stems, accents."""
    return StemmingAnalyzer() | CharsetFilter(accent_map)


def spelling_analyzer():
    """Return the analyzer of the spelling field: whole lower-case words, accents folded."""
    return RegexTokenizer(r"[^\W\d_]{3,}") | LowercaseFilter() | CharsetFilter(accent_map)


def build_schema():
    """Return the schema of the service index."""
    analyzer = stemming_analyzer()
    return Schema(
        id=ID(stored=True, unique=True),
        name=TEXT(analyzer=analyzer),
        organization=TEXT(analyzer=analyzer),
        terms=TEXT(analyzer=analyzer),
        body=TEXT(analyzer=analyzer),
        tags=KEYWORD(lowercase=False, commas=True),
        spell=TEXT(analyzer=spelling_analyzer()),
        fingerprint=STORED(),
        facts=STORED(),
    )
