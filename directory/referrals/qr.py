"""QR codes for share links, made here with segno (no outside service sees the link): SVG
to put inline in the print page, PNG for the PDF. The SVG carries no style attribute and
no script, so the page's Content-Security-Policy holds."""

import io

import segno
from markupsafe import Markup

SCALE = 4


def svg(url, title="QR code"):
    """Return the QR code of `url` as inline SVG markup, or "" when there is no url."""
    if not url:
        return Markup("")
    code = segno.make(url, error="m")
    return Markup(code.svg_inline(scale=SCALE, dark="#000", light="#fff", title=title,
                                  svgclass="qr-code", lineclass=None, border=4,
                                  omitsize=True))


def png(url, scale=8):
    """Return the QR code of `url` as PNG bytes."""
    buffer = io.BytesIO()
    segno.make(url, error="m").save(buffer, kind="png", scale=scale, border=4)
    return buffer.getvalue()
