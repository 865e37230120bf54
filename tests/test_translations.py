"""The Spanish interface: every interface string in the sources has a Spanish translation
with the same placeholders, pages render in Spanish when the browser asks, and the header's
language switch overrides the browser and is remembered. Records stay as entered."""

import html
import re
from pathlib import Path

import pytest
from babel.messages.frontend import CommandLineInterface
from babel.messages.pofile import read_po

from directory import hours

ROOT = Path(__file__).resolve().parent.parent
CATALOG = ROOT / "directory" / "translations" / "es" / "LC_MESSAGES" / "messages.po"
PLACEHOLDER = re.compile(r"%\((\w+)\)[-#0 +]*\d*(?:\.\d+)?[sdifr]")

# Looked up at run time from a variable (`_(DAY_NAMES[day])`, `_(capacity.unit.name)`), so
# no extractor sees them; they must be in the catalog all the same.
DYNAMIC_MESSAGES = [*hours.DAY_NAMES.values(), "beds", "seats", "places"]

# Interface sentences that must not be left in English on a Spanish page (none of them is
# in the sample records, which stay in English as entered).
ENGLISH_LEFTOVERS = [
    "Skip to main content", "In crisis?", 'Call or text <a href="tel:988"', "Sample data:",
    "Browse by category", "What do you need?", "Where?", "ZIP code or city", "Use my location",
    "Or choose what you need", "Find help", "Browse by what you need",
    "Groups and peer support", "Rides to appointments", "Family support",
    "Search results", "Narrow the results", "Change your search", "services near",
    "Clear all filters", "Accepting new clients", "Closed now", "Open now", "Sort by",
    "Offered by", "Print this page", "Suggest a correction", "Opening hours by day",
    "Cost and payment", "How it is delivered", "Last verified", "months ago", "days ago",
    "Information changes", "Staff sign-in", "Forgot your password", "Password",
]


def _plain(value):
    return value if isinstance(value, str) else value[0]


def _forms(message):
    """Return [(English, Spanish)] for each form of a catalog entry (one, or two plurals)."""
    if isinstance(message.id, (list, tuple)):
        strings = message.string if isinstance(message.string, (list, tuple)) else ()
        english = [message.id[0], *[message.id[1]] * max(len(strings) - 1, 1)]
        return list(zip(english, strings or ("",), strict=False))
    return [(message.id, message.string)]


def _placeholders(text):
    return sorted(PLACEHOLDER.findall(text or ""))


@pytest.fixture(scope="module")
def catalog():
    with CATALOG.open("rb") as fh:
        return read_po(fh, locale="es")


@pytest.fixture(scope="module")
def extracted(tmp_path_factory):
    """The interface strings of the current sources, extracted with the project's babel.cfg."""
    out = tmp_path_factory.mktemp("messages") / "messages.pot"
    CommandLineInterface().run([
        "pybabel", "-q", "extract", "-F", str(ROOT / "babel.cfg"),
        "-k", "_l", "-k", "lazy_gettext", "-k", "lazy_ngettext:1,2", "-o", str(out), str(ROOT)])
    with out.open("rb") as fh:
        return read_po(fh)


def test_every_interface_string_has_a_spanish_translation(extracted, catalog):
    assert catalog.num_plurals == 2, "Spanish has two plural forms: nplurals=2; plural=(n != 1)"
    wanted = [m.id for m in extracted if m.id] + DYNAMIC_MESSAGES
    assert len(wanted) > 500, "the extraction found the interface strings"
    untranslated = []
    for msgid in wanted:
        entry = catalog.get(msgid)
        strings = [] if entry is None else [s for _english, s in _forms(entry)]
        if entry is None or "fuzzy" in entry.flags or len(strings) < (
                2 if isinstance(msgid, (list, tuple)) else 1) or not all(strings):
            untranslated.append(_plain(msgid))
    assert not untranslated, (
        f"{len(untranslated)} interface strings have no Spanish translation in {CATALOG.name} "
        "(run `make messages`, then translate them):\n  " + "\n  ".join(untranslated))


def test_translations_keep_every_placeholder(catalog):
    wrong = []
    for message in catalog:
        if not message.id:
            continue
        for english, spanish in _forms(message):
            if spanish and _placeholders(english) != _placeholders(spanish):
                wrong.append(f"{english!r} -> {spanish!r}")
    assert not wrong, "placeholders differ:\n  " + "\n  ".join(wrong)
    assert not [problem for problem in catalog.check()], "Babel's own catalog checks"


@pytest.fixture
def visitor(seeded_app):
    """A browser on the sample directory. Unlike `seeded_client` it holds no app context
    open between requests, so each request picks its language afresh (Flask-Babel keeps the
    chosen locale for the life of an app context), as it does on the real server."""
    return seeded_app.test_client()


def _page(client, url, **headers):
    response = client.get(url, headers=headers)
    assert response.status_code == 200, url
    return html.unescape(response.get_data(as_text=True))


def _assert_spanish(page, *expected):
    assert '<html lang="es">' in page
    assert "Llame o envíe un mensaje de texto al" in page and 'href="tel:988"' in page
    assert "¿Está en crisis? Llame o envíe un mensaje de texto al 988, o llame al 911." in page
    for words in expected:
        assert words in page
    leftovers = [words for words in ENGLISH_LEFTOVERS if words in page]
    assert not leftovers, f"English left on a Spanish page: {leftovers}"


SPANISH = {"Accept-Language": "es-MX,es;q=0.9,en;q=0.5"}


def test_public_pages_render_in_spanish(visitor):
    home = _page(visitor, "/", **SPANISH)
    _assert_spanish(home, "¿Qué necesita?", "¿Dónde?", "Encuentre ayuda para su recuperación",
                    "Grupos y apoyo entre pares", "Tratamiento residencial", "Telesalud",
                    "Transporte a citas", "Datos de muestra")

    results = _page(visitor, "/search?near=92630&category=group-therapy-peer-support",
                    **SPANISH)
    _assert_spanish(results, "servicios cerca de 92630", "Afinar los resultados",
                    "Quitar todos los filtros", "Escala móvil", "Acepta Medi-Cal", "millas")
    assert "Spanish-Language Peer Recovery Group" in results  # records stay as entered

    service_url = re.search(r'href="(/services/[^"?]+)', results).group(1)
    service = _page(visitor, service_url, **SPANISH)
    _assert_spanish(service, "Lo ofrece", "Horario por día", "Costo y pago",
                    "Sugerir una corrección", "Última verificación")


def test_search_problems_are_explained_in_spanish(visitor):
    page = html.unescape(visitor.get(
        "/search?near=92630&radius=900", headers=SPANISH).get_data(as_text=True))
    assert "“radius” debe estar entre 1 y 200." in page
    page = _page(visitor, "/search?near=Atlantis", **SPANISH)
    assert "No encontramos “Atlantis”. Escriba un código postal de 5 dígitos" in page


def test_staff_sign_in_renders_in_spanish(client):
    page = _page(client, "/staff/login", **SPANISH)
    _assert_spanish(page, "Inicio de sesión del personal", "Contraseña", "Iniciar sesión",
                    "Las cuentas las crea un administrador.")


def test_english_stays_the_default(visitor):
    page = _page(visitor, "/", **{"Accept-Language": "en-US,en;q=0.9"})
    assert '<html lang="en">' in page and "What do you need?" in page
    assert "¿Qué necesita?" not in page
    assert "Call or text" in page and 'href="tel:988"' in page


def test_the_language_switch_overrides_the_browser_and_is_remembered(visitor):
    page = _page(visitor, "/?lang=es", **{"Accept-Language": "en-US"})
    assert "¿Qué necesita?" in page
    assert visitor.get_cookie("lang").value == "es"

    page = _page(visitor, "/search?near=92630", **{"Accept-Language": "en-US"})
    assert '<html lang="es">' in page and "servicios cerca de 92630" in page

    page = _page(visitor, "/?lang=en", **SPANISH)
    assert '<html lang="en">' in page and "What do you need?" in page
    assert visitor.get_cookie("lang").value == "en"
    page = _page(visitor, "/categories", **SPANISH)
    assert '<html lang="en">' in page and "Browse by category" in page
