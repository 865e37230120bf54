"""The Spanish and Vietnamese interfaces: every interface string in the sources has a
translation in each catalog with the same placeholders, pages render in Spanish or
Vietnamese when the browser asks, and the header's language switch overrides the browser
and is carried in every link (no cookie). Records stay as entered."""

import html
import re
from pathlib import Path

import pytest
from babel.messages.frontend import CommandLineInterface
from babel.messages.pofile import read_po

from directory import schedules

ROOT = Path(__file__).resolve().parents[2]
TRANSLATIONS = ROOT / "directory" / "translations"
# Each interface language but English: its plural forms, as Babel counts them.
CATALOGS = {"es": 2, "vi": 1}
PLACEHOLDER = re.compile(r"%\((\w+)\)[-#0 +]*\d*(?:\.\d+)?[sdifr]")

# Looked up at run time from a variable (`_(DAY_NAMES[day])`, `_(capacity.unit.name)`), so
# no extractor sees them; they must be in the catalog all the same.
DYNAMIC_MESSAGES = [*schedules.DAY_NAMES.values(), "beds", "seats", "places"]

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


def _catalog_path(language):
    return TRANSLATIONS / language / "LC_MESSAGES" / "messages.po"


@pytest.fixture(scope="module", params=list(CATALOGS))
def catalog(request):
    path = _catalog_path(request.param)
    with path.open("rb") as fh:
        return read_po(fh, locale=request.param)


@pytest.fixture(scope="module")
def extracted(tmp_path_factory):
    """The interface strings of the current sources, extracted with the project's babel.cfg."""
    out = tmp_path_factory.mktemp("messages") / "messages.pot"
    CommandLineInterface().run([
        "pybabel", "-q", "extract", "-F", str(ROOT / "babel.cfg"),
        "-k", "_l", "-k", "lazy_gettext", "-k", "lazy_ngettext:1,2", "-o", str(out), str(ROOT)])
    with out.open("rb") as fh:
        return read_po(fh)


def test_every_interface_string_is_translated(extracted, catalog):
    language = str(catalog.locale)
    assert catalog.num_plurals == CATALOGS[language], f"plural forms of {language}"
    wanted = [m.id for m in extracted if m.id] + DYNAMIC_MESSAGES
    assert len(wanted) > 500, "the extraction found the interface strings"
    untranslated = []
    for msgid in wanted:
        entry = catalog.get(msgid)
        strings = [] if entry is None else [s for _english, s in _forms(entry)]
        if entry is None or "fuzzy" in entry.flags or len(strings) < (
                catalog.num_plurals if isinstance(msgid, (list, tuple)) else 1) \
                or not all(strings):
            untranslated.append(_plain(msgid))
    assert not untranslated, (
        f"{len(untranslated)} interface strings have no translation in "
        f"{_catalog_path(language)} (run `make messages`, then translate them):\n  "
        + "\n  ".join(untranslated))


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
    _assert_spanish(results, "servicios para “Grupos y apoyo entre pares” cerca de 92630",
                    "Afinar los resultados",
                    "Quitar todos los filtros", "Escala móvil", "Acepta Medi-Cal", "millas")
    # a record's own Spanish where it has some (seeds/sample_records.json `es`)
    assert "Grupo de Apoyo Entre Pares" in results

    service_url = re.search(r'href="(/services/[^"?]+)', results).group(1)
    service = _page(visitor, service_url, **SPANISH)
    _assert_spanish(service, "Lo ofrece", "Horario por día", "Costo y pago",
                    "Sugerir una corrección", "Última verificación")


def test_search_problems_are_explained_in_spanish(visitor):
    page = html.unescape(visitor.get(
        "/search?near=92630&radius=900", headers=SPANISH).get_data(as_text=True))
    assert "“radius” debe estar entre 1 y 200." in page
    page = _page(visitor, "/search?near=Narnia", **SPANISH)
    assert "No encontramos “Narnia”. Escriba un código postal de 5 dígitos" in page


def test_staff_sign_in_renders_in_spanish(client):
    page = _page(client, "/staff/login", **SPANISH)
    _assert_spanish(page, "Inicio de sesión del personal", "Contraseña", "Iniciar sesión",
                    "Las cuentas las crea un administrador.")


def test_english_stays_the_default(visitor):
    page = _page(visitor, "/", **{"Accept-Language": "en-US,en;q=0.9"})
    assert '<html lang="en">' in page and "What do you need?" in page
    assert "¿Qué necesita?" not in page
    assert "Call or text" in page and 'href="tel:988"' in page


def test_the_language_switch_overrides_the_browser_and_travels_in_the_links(visitor):
    response = visitor.get("/?lang=es", headers={"Accept-Language": "en-US"})
    page = html.unescape(response.get_data(as_text=True))
    assert "¿Qué necesita?" in page
    assert "Set-Cookie" not in response.headers and visitor.get_cookie("lang") is None
    # Every link and the search form keep the choice; the switch offers the others.
    assert 'href="/categories?lang=es"' in page
    assert '<input type="hidden" name="lang" value="es">' in page
    assert 'href="/?lang=vi"' in page and 'href="/?lang=en"' in page

    page = _page(visitor, "/search?near=92630&lang=es", **{"Accept-Language": "en-US"})
    assert '<html lang="es">' in page and "servicios cerca de 92630" in page
    service_url = re.search(r'href="(/services/[^"]+)"', page).group(1)
    assert "lang=es" in service_url
    assert '<html lang="es">' in _page(visitor, service_url.replace("&amp;", "&"))

    page = _page(visitor, "/?lang=en", **SPANISH)
    assert '<html lang="en">' in page and "What do you need?" in page
    assert 'href="/categories?lang=en"' in page
    # A link without the choice goes back to what the browser asks for.
    page = _page(visitor, "/categories", **SPANISH)
    assert '<html lang="es">' in page


def test_public_pages_render_in_vietnamese(visitor):
    page = _page(visitor, "/", **{"Accept-Language": "vi-VN,vi;q=0.9,en;q=0.5"})
    assert '<html lang="vi">' in page and 'href="tel:988"' in page
    assert "What do you need?" not in page and "Browse by category" not in page
    page = _page(visitor, "/search?near=92630&lang=vi")
    assert '<html lang="vi">' in page and "Narrow the results" not in page


@pytest.mark.parametrize("language, heading", [
    ("en", "services for “"), ("es", "servicios para “"), ("vi", None)])
def test_a_translated_sentence_escapes_what_was_typed_into_it(visitor, language, heading):
    """The page's own `_` and `ngettext` (i18n.page_gettext, bound once a page) trust the
    translation and escape the values put into it, as Jinja's gettext does."""
    typed = '<b onmouseover="x">therapy</b>'
    response = visitor.get("/search", query_string={"q": typed, "lang": language})
    page = response.get_data(as_text=True)
    assert response.status_code == 200 and f'<html lang="{language}">' in page
    escaped = "&lt;b onmouseover=&#34;x&#34;&gt;therapy&lt;/b&gt;"
    assert typed not in page and f"“{escaped}”" in page  # inside the heading's sentence
    if heading:  # the sentence the typed words go into, in the page's language
        assert heading in page
    assert "&lt;span" not in page  # and no translated sentence's markup was escaped
