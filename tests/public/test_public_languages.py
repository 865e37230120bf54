"""The public pages read the visitor's language wherever the record has it: the result
card, the service page, the category and organization pages show a service's Spanish or
Vietnamese name, description, how to apply, cost, eligibility, wait and phone labels, each
tagged with its `lang`; English the record has no translation for is tagged `lang="en"`
and marked "(in English)" in the visitor's words; languages are named in the visitor's
words; English pages show the record as entered, unmarked."""

import pytest

from directory import models as m
from directory.extensions import db
from tests.helpers import builders
from tests.helpers.pages import html_of

TEXT = {
    "es": {"name": "Grupo de Apoyo Casa Esperanza",
           "description": "Un grupo semanal dirigido por compañeros en recuperación.",
           "apply": "Venga sin cita un día entre semana.", "wait": "Unas dos semanas",
           "desk": "Recepción", "marker": "en inglés", "languages": "Inglés, Español",
           "free": "Gratis"},
    "vi": {"name": "Nhóm Hỗ trợ Đồng đẳng Casa Esperanza",
           "description": "Một nhóm hằng tuần do những người đang hồi phục dẫn dắt.",
           "apply": "Đến trực tiếp vào ngày thường.", "wait": "Khoảng hai tuần",
           "desk": "Quầy lễ tân", "marker": "bằng tiếng Anh",
           "languages": "Tiếng Anh, Tiếng Tây Ban Nha", "free": "Miễn phí"},
}
ELIGIBILITY = "Adults in recovery from substance use."


@pytest.fixture
def peer(app, terms):
    """A listed peer group near 92630, translated but for its eligibility and its fees."""
    made = builders.service(
        "Casa Esperanza Peer Group", languages=("English", "Spanish"),
        terms=[terms["group-therapy-peer-support"], terms["free"]],
        description="A weekly group led by peers in recovery.",
        application_process="Walk in on a weekday.", wait_time="About two weeks",
        eligibility_description=ELIGIBILITY, fees_description="Free.")
    made.phones = [m.Phone(number="(949) 555-0101", type="voice", description="Front desk")]
    made.capacities = [m.ServiceCapacity(available=0, unit=m.Unit(name="seats"),
                                         updated=m.utcnow())]
    db.session.commit()
    for language, text in TEXT.items():
        made.set_translation("name", language, text["name"])
        made.set_translation("description", language, text["description"])
        made.set_translation("application_process", language, text["apply"])
        made.set_translation("wait_time", language, text["wait"])
        made.phones[0].set_translation("description", language, text["desk"])
    db.session.commit()
    return made


def _page(app, client, url):
    """Return the page at `url`, fetched in an app context of its own as every request is
    in production (the test's context would keep the first request's language in `g`)."""
    with app.app_context():
        response = client.get(url)
        assert response.status_code == 200
        return html_of(response)


@pytest.mark.parametrize("language", ["es", "vi"])
def test_the_service_page_reads_the_visitors_language(app, client, peer, language):
    text = TEXT[language]
    page = _page(app, client, f"/services/{peer.id}?lang={language}")
    assert f"<title>{text['name']}" in page  # a title holds no markup
    assert f'<h1 id="service-name"><span lang="{language}">{text["name"]}</span></h1>' in page
    assert f'<p class="lede"><span lang="{language}">{text["description"]}</span></p>' in page
    assert f'<p><span lang="{language}">{text["apply"]}</span></p>' in page
    assert f'<span lang="{language}">{text["wait"]}</span>' in page
    assert f'<li><span lang="{language}">{text["desk"]}</span>: <a href="tel:' in page
    assert (f'<p><span lang="en">{ELIGIBILITY}</span> '
            f'<span class="in-english">({text["marker"]})</span></p>') in page
    assert f"<p>{text['languages']}</p>" in page
    # "Free." says what the "Free" label says: the label, in the visitor's words, alone
    assert "Free." not in page and f"{text['free']}</p>" in page
    for english in ("A weekly group", "Walk in", "About two weeks", "Front desk", "Spanish"):
        assert english not in page, english


@pytest.mark.parametrize("language", ["es", "vi"])
def test_the_result_card_reads_the_visitors_language(app, client, peer, language):
    text = TEXT[language]
    page = _page(app, client, f"/search?near=92630&lang={language}")
    card = page.split(f'id="svc-{peer.id}"', 1)[1].split("</article>", 1)[0]
    assert f'<span lang="{language}">{text["name"]}</span></a></h3>' in card
    assert f"<dd>{text['languages']}</dd>" in card
    assert f'(<span lang="{language}">{text["wait"]}</span>)' in card
    assert "Spanish" not in card and "About two weeks" not in card


def test_the_result_card_marks_english_fees_in_the_visitors_words(app, client, terms):
    builders.service("Harbor Counselling", fees_description="Sliding scale by income.",
                     languages=("English", "Vietnamese"),
                     terms=[terms["outpatient-counselling"]])
    page = _page(app, client, "/search?near=92630&lang=vi")
    assert ('<span lang="en">Sliding scale by income.</span> '
            '<span class="in-english">(bằng tiếng Anh)</span>') in page
    assert "<dd>Tiếng Anh, Tiếng Việt</dd>" in page


@pytest.mark.parametrize("language", ["es", "vi"])
def test_category_and_organization_pages_read_the_visitors_language(app, client, peer,
                                                                    language):
    text = TEXT[language]
    category = _page(app, client, f"/categories/group-therapy-peer-support?lang={language}")
    assert f'<span lang="{language}">{text["name"]}</span></a></h2>' in category
    assert f" {text['languages']}</p>" in category and "Spanish" not in category
    peer.organization.phones = [m.Phone(number="(949) 555-0100", description="Main line")]
    db.session.commit()
    organization = _page(app, client, f"/organizations/{peer.organization.id}?lang={language}")
    assert (f'<li><span lang="en">Main line</span> <span class="in-english">'
            f'({text["marker"]})</span>: <a href="tel:') in organization
    assert f'<span lang="{language}">{text["name"]}</span>' in organization


def test_english_pages_show_the_record_as_entered(app, client, peer):
    page = _page(app, client, f"/services/{peer.id}?lang=en")
    assert '<h1 id="service-name">Casa Esperanza Peer Group</h1>' in page
    assert "<li>Front desk: " in page and "<p>English, Spanish</p>" in page
    assert f"<p>{ELIGIBILITY}</p>" in page
    assert "<span lang" not in page and "in-english" not in page
    card = _page(app, client, "/search?near=92630&lang=en")
    assert ">Casa Esperanza Peer Group</a></h3>" in card and "<span lang" not in card
