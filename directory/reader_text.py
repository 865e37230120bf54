"""Record text as its reader sees it: the one home for "show this field of this record to
this reader", used by every page, handout, download and message that shows a service's
name, description, how to apply, cost, eligibility or wait, a phone's label, or the
languages a record lists. The reader's language is the locale the output is made in: the
interface's for a page, the chosen one for a print, PDF, CSV or message (made inside
`force_locale`), the link's for a shared list. The record's text in that language is shown
where it has it (`Translatable.text_in`), otherwise its English, marked "(in English)" in
the reader's words. A `ShownText` is the plain text (PDF, CSV, email, SMS) and, on pages,
markup whose `lang` says how to pronounce it; a name is a name, so it is never marked."""

import re

from flask_babel import force_locale, get_locale, gettext
from flask_babel import lazy_gettext as _l
from markupsafe import Markup, escape

from .labels import term_label
from .languages import code_for, language_name
from .models.translation import SOURCE_LANGUAGE, RecordText

# A name is what a person asks for on the phone, not prose to read: shown as the record
# has it (with its `lang`), never followed by "(in English)".
UNMARKED_FIELDS = frozenset({"name"})
# What a phone line is for when its record says no more (the words of the staff's phone
# editor); a voice line needs no word.
PHONE_TYPES = {"text": _l("Text messages"), "fax": _l("Fax"), "cell": _l("Cell"),
               "video": _l("Video"), "pager": _l("Pager"), "textphone": _l("TTY")}


def reader_language():
    """Return the language of the page or handout being made (its locale)."""
    locale = get_locale()
    return str(locale) if locale else SOURCE_LANGUAGE


class ShownText(str):
    """A field's text as one reader sees it. As a string it is the plain text, with
    "(en inglés)" after English shown to a reader of another language; on a page it is
    markup whose `lang` is the text's own."""

    def __new__(cls, shown, reader=None, marked=True):
        reader = reader or reader_language()
        english = shown.in_english_for(reader)
        marker = gettext("in English") if english and marked else ""
        self = super().__new__(cls, f"{shown.text} ({marker})" if marker else shown.text or "")
        self.text, self.language, self.reader = shown.text or "", shown.language, reader
        self.in_english, self.marker = english, marker
        return self

    def __html__(self):
        if self.language == self.reader == SOURCE_LANGUAGE or not self.text:
            return escape(self.text)
        text = Markup('<span lang="%s">%s</span>') % (self.language, self.text)
        if self.marker:
            text += Markup(' <span class="in-english">(%s)</span>') % self.marker
        return text

    def truncated(self, limit):
        """Return this text cut after at most `limit` characters, at a word."""
        if len(self.text) <= limit:
            return self
        cut = self.text[:limit].rsplit(" ", 1)[0].rstrip(" ,.;:") + "…"
        return ShownText(RecordText(cut, self.language), self.reader, bool(self.marker))

    def in_parentheses(self):
        """Return "(text)", a marker inside: "(Front desk, en inglés)"."""
        bare = ShownText(RecordText(self.text, self.language), self.reader, marked=False)
        return Phrase("(", bare, f", {self.marker}" if self.marker else "", ")")


class Phrase(str):
    """Pieces of text shown together (interface words and ShownTexts): as a string the
    pieces' plain text, on a page their markup."""

    def __new__(cls, *parts):
        parts = [part for part in parts if part]
        self = super().__new__(cls, "".join(str(part) for part in parts))
        self.markup = Markup("").join(escape(part) for part in parts)
        return self

    def __html__(self):
        return self.markup


def shown_text(record, field):
    """Return `field` of a Translatable record as the reader sees it (a ShownText)."""
    reader = reader_language()
    return ShownText(record.text_in(field, reader), reader, field not in UNMARKED_FIELDS)


def phone_label(phone):
    """Return what a phone line is ("Recepción", "Front desk (en inglés)", "Fax"), or ""."""
    label = shown_text(phone, "description")
    if label:
        return label
    kind = PHONE_TYPES.get(phone.type or "")
    return Phrase(str(kind)) if kind else ""


def phone_line(phone):
    """Return a phone as a handout prints it: "(949) 555-0101 ext. 4 (Front desk)"."""
    number = phone.number + (f" {gettext('ext.')} {phone.extension}" if phone.extension
                             else "")
    label = phone_label(phone)
    if isinstance(label, ShownText):
        return Phrase(number, " ", label.in_parentheses())
    return Phrase(number, f" ({label})" if label else "")


def language_names(languages):
    """Return the languages a record lists, named in the reader's words ("Inglés, Español"),
    by their code (or the code of the name the record gives); the record's name else."""
    reader, names = reader_language(), []
    for language in languages:
        code = (language.code or code_for(language.name) or "").replace("-", "_")
        name = language_name(code, reader) or language_name(code.split("_")[0], reader) \
            or language.name or language.code
        if name and name not in names:
            names.append(name)
    return ", ".join(names)


def _words(text):
    return set(re.sub(r"[^\w\s]", " ", str(text).lower()).split())


def payment_labels(service):
    """Return the interface's words for how a service is paid ("Takes Medi-Cal, Free")."""
    return ", ".join(str(term_label(t.code, t.name)) for t in service.terms_in("payment"))


def fees_text(service):
    """Return the record's fees text as the reader sees it, or "" when it says only what
    the payment labels say: its words, compared with the labels in the language the
    text is written in ("Free." beside "Gratis" says nothing more)."""
    fees = shown_text(service, "fees_description")
    if not fees or not service.terms_in("payment"):
        return fees
    if fees.language == fees.reader:
        labels = payment_labels(service)
    else:
        with force_locale(fees.language):
            labels = payment_labels(service)
    return "" if _words(fees.text) <= _words(labels) else fees


def cost_text(service):
    """Return what a service costs in a few words: the payment labels, then the fees text
    where it says more; the fees text alone when it is in the reader's language and holds
    every word of the labels ("No cost with Medi-Cal" beside "Takes Medi-Cal" keeps both)."""
    labels, fees = payment_labels(service), fees_text(service)
    if fees and fees.language == fees.reader and _words(labels) <= _words(fees.text):
        return Phrase(fees)
    return Phrase(labels, ". " if labels and fees else "", fees)

