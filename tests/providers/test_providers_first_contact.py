"""A program sets its own first step without a phone call, in the editor of its text: the
flags and the online form publish at once, like its other structured edits; what happens
at the first visit (in English, Spanish and Vietnamese) is text, published at once or,
under PROVIDER_TEXT_REVIEW, proposed to the directory's editors like the description."""

from sqlalchemy import select

from directory import models as m
from directory.extensions import db
from tests.helpers.pages import form_values, html_of, text_of

FIRST_VISIT = "Come ten minutes early; a peer greets you and you can just listen."
FIRST_VISIT_ES = "Llegue diez minutos antes; un compañero lo recibe y puede solo escuchar."
FIRST_VISIT_VI = "Quý vị đến sớm mười phút; một người đồng cảnh sẽ đón và quý vị chỉ cần nghe."


def _url(service):
    return f"/provider/services/{service.id}/text"


def test_a_program_sets_its_first_step_and_it_publishes(peer_provider, referral_directory):
    service = referral_directory["peer"]
    page = text_of(peer_provider.get(_url(service)))
    assert "First contact without calling" in page
    assert "Takes “Ask them to contact me” requests from this directory" in page
    data = form_values(html_of(peer_provider.get(_url(service))))
    data.update(first_contact=["someone-may-come", "contact-requests"],
                contact_form_url="https://casa.example.org/first-visit",
                first_visit=FIRST_VISIT, first_visit_es=FIRST_VISIT_ES,
                first_visit_vi=FIRST_VISIT_VI)
    assert peer_provider.post(_url(service), data=data).status_code == 302
    db.session.expire_all()
    saved = db.session.get(m.Service, service.id)
    assert saved.term_codes("first-contact") == {"someone-may-come", "contact-requests"}
    assert saved.contact_form_url == "https://casa.example.org/first-visit"
    assert saved.first_visit == FIRST_VISIT
    assert saved.translation("first_visit", "es") == FIRST_VISIT_ES
    assert saved.translation("first_visit", "vi") == FIRST_VISIT_VI
    who = db.session.scalar(select(m.ChangeRecord.updated_by).where(
        m.ChangeRecord.field_name == "contact_form_url"))
    assert who.startswith("Maria, provider at")

    # The editor reads it back ticked; unticking takes the term off.
    again = form_values(html_of(peer_provider.get(_url(service))))
    assert sorted(again["first_contact"]) == ["contact-requests", "someone-may-come"]
    again["first_contact"] = "contact-requests"
    assert peer_provider.post(_url(service), data=again).status_code == 302
    db.session.expire_all()
    assert db.session.get(m.Service, service.id).term_codes("first-contact") == {
        "contact-requests"}


def test_under_review_the_first_visit_waits_but_the_flags_publish(app, peer_provider,
                                                                  referral_directory):
    app.config["PROVIDER_TEXT_REVIEW"] = True
    service = referral_directory["peer"]
    data = form_values(html_of(peer_provider.get(_url(service))))
    data.update(first_contact="video-first-visit", first_visit=FIRST_VISIT,
                first_visit_vi=FIRST_VISIT_VI)
    assert peer_provider.post(_url(service), data=data).status_code == 302
    db.session.expire_all()
    saved = db.session.get(m.Service, service.id)
    assert saved.term_codes("first-contact") == {"video-first-visit"}
    assert saved.first_visit is None and saved.translations == []
    suggestion = db.session.scalar(select(m.Suggestion))
    assert suggestion.body == (f"From the program: First visit: {FIRST_VISIT}\n\n"
                               f"First visit in Vietnamese: {FIRST_VISIT_VI}")


def test_a_bad_online_form_address_is_refused_next_to_its_field(peer_provider,
                                                                referral_directory):
    service = referral_directory["peer"]
    data = form_values(html_of(peer_provider.get(_url(service))))
    data.update(contact_form_url="javascript:alert(1)", first_contact="video-first-visit")
    response = peer_provider.post(_url(service), data=data)
    assert response.status_code == 200
    assert 'id="contact_form_url-error"' in html_of(response)
    db.session.expire_all()
    saved = db.session.get(m.Service, service.id)
    assert saved.contact_form_url is None and saved.term_codes("first-contact") == set()


def test_a_program_cannot_tick_what_is_not_a_flag(peer_provider, referral_directory):
    service = referral_directory["peer"]
    data = form_values(html_of(peer_provider.get(_url(service))))
    data.update(first_contact="online-form")
    response = peer_provider.post(_url(service), data=data)
    assert response.status_code == 200
    assert 'id="first_contact-error"' in html_of(response)
    db.session.expire_all()
    assert db.session.get(m.Service, service.id).term_codes("first-contact") == set()
