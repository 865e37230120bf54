"""The one rule for what a stored web address may become: the `href` of a link on a page,
or the value of a URL field in an export or the API, or neither. Only `http`, `https`,
`mailto` and `tel` addresses are links; a bare host (`www.example.org`,
`example.org/path`) is a web address missing its `https://`. Everything else (javascript:,
data:, vbscript:, file:, any other scheme, text with spaces or control characters in it)
stays text: shown as written, never clickable, never exported as a URL. The value is
judged as a browser would read it (WHATWG URL parsing): leading and trailing spaces and
control characters are dropped and tabs and newlines removed anywhere, so
`" \\x01JaVa\\tScript:"` is judged as the `javascript:` it becomes. Staff forms, page
templates, the HSDS importer and the HSDS serializer all ask here."""

import re
import unicodedata
from dataclasses import dataclass
from urllib.parse import urlsplit

LINK_SCHEMES = ("http", "https", "mailto", "tel")
WEB_SCHEMES = ("http", "https")
# What a browser strips from both ends of a URL (C0 controls and space), and removes anywhere.
C0_OR_SPACE = "".join(chr(code) for code in range(0x21))
TAB_OR_NEWLINE = re.compile("[\t\n\r]")
SCHEME = re.compile(r"([A-Za-z][A-Za-z0-9+.\-]*):")
# A host name without a scheme: dotted labels ending in a top-level domain (letters, or
# an IDN's xn--), then an optional port, path, query or fragment.
BARE_HOST = re.compile(r"(?:[^\W_](?:[\w-]*[^\W_])?\.)+(?:[^\W\d_]{2,63}|xn--[a-z0-9-]+)\.?"
                       r"(?::\d{1,5})?(?:[/?#].*)?", re.IGNORECASE)
TEL = re.compile(r"\+?[0-9().\-]*[0-9][0-9().\-]*(?:;[\w.\-]+=[\w.\-]+)*")


@dataclass(frozen=True)
class Judgement:
    """What one stored value may become: `href` (None: text only) and why not."""

    href: str | None
    reason: str | None = None


def as_browser_reads(text):
    """Return `text` as a browser's URL parser sees it (ends trimmed, tabs and newlines gone)."""
    return TAB_OR_NEWLINE.sub("", text.strip(C0_OR_SPACE))


def _hidden_characters(text):
    """Return whether `text` holds spaces, control or invisible formatting characters."""
    return any(ch.isspace() or unicodedata.category(ch) in ("Cc", "Cf") for ch in text)


def _web(href):
    try:
        parts = urlsplit(href)
        parts.port  # noqa: B018 (raises ValueError on a port out of range or not a number)
    except ValueError:
        return Judgement(None, "is not a web address a browser can open")
    if not parts.hostname:
        return Judgement(None, "names no host (expected https://host/...)")
    return Judgement(href)


def judge(text):
    """Return the Judgement of a stored value: the href to link it with, or why not."""
    if not isinstance(text, str):
        return Judgement(None, "is not text")
    seen = as_browser_reads(text)
    if not seen:
        return Judgement(None, "is empty")
    if _hidden_characters(seen):
        return Judgement(None, "holds spaces or control characters, so it is not one address")
    scheme = SCHEME.match(seen)
    # "example.org:8080/x" also reads as a scheme; no scheme of a link has a dot in it
    if BARE_HOST.fullmatch(seen) and (scheme is None or "." in scheme.group(1)):
        return _web("https://" + seen)
    if scheme is None:
        return Judgement(None, "is not a web address (expected https://host/...)")
    name, rest = scheme.group(1).lower(), seen[scheme.end():]
    if name not in LINK_SCHEMES:
        return Judgement(None, f"uses the {name}: scheme; only http, https, mailto and tel "
                               "addresses become links")
    if name in WEB_SCHEMES:
        return _web(seen)
    if name == "tel" and not TEL.fullmatch(rest):
        return Judgement(None, "is not a phone number a tel: link can dial")
    if not rest.strip("/"):
        return Judgement(None, f"names nothing after {name}:")
    return Judgement(seen)


def web_link(text):
    """Return the href a stored value may be linked with, or None to show it as text."""
    return judge(text).href
