"""Matching that fits the client, on the sample directory and on purpose-built services:
hard requirements decide who is shown (groups a service is limited to), requirements that
can bend decide tiers (language, payment, room now), and a client without a car never
sees a far service as a reason."""


import pytest

from directory import locate, matching, populations
from directory import models as m
from directory.extensions import db
from tests.helpers import builders
from tests.helpers.results import NOW, words

SPANISH_GROUP = "Spanish-Language Peer Recovery Group"
ISSUE_EXAMPLES = ("Trans and Nonbinary Peer Support Group",
                  "Farsi-Language Online Support Group", "Online Intensive Outpatient Group")


def _issue_client(**changes):
    needs = {"categories": ["group-therapy-peer-support", "transportation"],
             "place": locate.resolve("92630"), "age": 34, "languages": ["es"],
             "payment": "medi-cal", "barriers": {"no-car", "remote"}}
    needs.update(changes)
    return matching.match(matching.ClientNeeds(**needs), now=NOW)


def test_the_spanish_speaker_with_medi_cal_and_no_car_gets_the_spanish_group_first(
        seeded_app):
    with seeded_app.app_context():
        result = _issue_client()
        order = [m.service.name for m in result.matches]
        assert SPANISH_GROUP in order[:3], order[:8]
        for name in ISSUE_EXAMPLES:
            assert name not in order or order.index(name) > order.index(SPANISH_GROUP)
        assert "Trans and Nonbinary Peer Support Group" not in order
        assert result.excluded.get("groups", 0) >= 1
        group = next(m for m in result.matches if m.service.name == SPANISH_GROUP)
        fits = words(group.fits)
        assert {"Spanish spoken", "Takes Medi-Cal", "Within walking distance"} <= set(fits)


def test_services_for_specific_groups_are_left_out_counted_and_can_be_shown(seeded_app):
    with seeded_app.app_context():
        hidden = _issue_client()
        shown = _issue_client(show_limited=True)
        names = [m.service.name for m in shown.matches]
        assert "Trans and Nonbinary Peer Support Group" in names
        trans = next(m for m in shown.matches
                     if m.service.name == "Trans and Nonbinary Peer Support Group")
        assert "Trans and nonbinary people only" in words(trans.misfits)
        assert names.index("Trans and Nonbinary Peer Support Group") > names.index(
            SPANISH_GROUP)
        assert "groups" not in shown.excluded and hidden.excluded["groups"] >= 1
        as_member = _issue_client(groups={"transgender-nonbinary"})
        assert "Trans and Nonbinary Peer Support Group" in [
            m.service.name for m in as_member.matches]


@pytest.mark.parametrize("eligibility,limited", [
    ("Veterans and, on Saturdays, their families.", {"veterans"}),
    ("Trans, nonbinary and questioning adults 18 and over.", {"transgender-nonbinary"}),
    ("LGBTQ+ adults 18 and over.", {"lgbtq"}),
    ("Women and non-binary people.", {"women", "transgender-nonbinary"}),
    ("Pregnant women and mothers 18 and over.", {"pregnant-or-parenting"}),
    ("Men 18 and over with at least 14 days sober.", {"men"}),
    ("Healthcare workers 18 and over in California.", {"healthcare-workers"}),
    ("People discharged from an Orange County crisis or detox program.",
     {"hospital-discharge"}),
    ("Adults 18 and over.", set()),
    ("Anyone in recovery, including veterans and their families.", set()),
    ("Men and women 18 and over.", set()),
    ("Members of the public; no referral needed.", set()),
    ("Healthcare workers, first responders and the general public.", set()),
    ("Current and former shelter guests.", {"program-members"}),
])
def test_the_group_a_service_is_limited_to_is_read_from_its_eligibility(
        app, eligibility, limited):
    service = builders.service("Some Program", eligibility_description=eligibility)
    assert populations.limited_to(service) == limited


def _service(terms, name, codes, **fields):
    return builders.service(name, terms=[terms[c] for c in codes], **fields)


def test_language_payment_and_room_are_tiers_not_points(app):
    terms = builders.load_taxonomy()
    group = ["group-therapy-peer-support", "in-person"]
    _service(terms, "English Group, Medi-Cal, Next Door", [*group, "medi-cal"])
    _service(terms, "Spanish Group, Cash Only", [*group, "cash"], languages=("Spanish",),
             lat=33.60, lng=-117.70, zip_code="92653")
    _service(terms, "Spanish Group, Medi-Cal, Far", [*group, "medi-cal"],
             languages=("Spanish",), lat=33.45, lng=-117.62, zip_code="92672")
    _service(terms, "Grupo en español, Medi-Cal", [*group, "medi-cal"],
             languages=("English",),
             description="A weekly group held entirely in Spanish.")
    result = matching.match(matching.ClientNeeds(
        categories=["group-therapy-peer-support"], place=locate.resolve("92630"),
        languages=["es"], payment="medi-cal"), now=NOW)
    order = [m.service.name for m in result.matches]
    # Spanish and Medi-Cal however far; then Spanish without Medi-Cal; then no Spanish.
    assert order[:2] == ["Spanish Group, Medi-Cal, Far", "Spanish Group, Cash Only"]
    assert set(order[2:]) == {"English Group, Medi-Cal, Next Door", "Grupo en español, Medi-Cal"}
    held = next(m for m in result.matches if m.service.name == "Grupo en español, Medi-Cal")
    assert "Held in Spanish" not in words(held.misfits)  # held in the client's language
    english = matching.match(matching.ClientNeeds(
        categories=["group-therapy-peer-support"], place=locate.resolve("92630"),
        languages=["en"]), now=NOW)
    held = next(m for m in english.matches if m.service.name == "Grupo en español, Medi-Cal")
    assert "Held in Spanish" in words(held.misfits)
    assert [m.service.name for m in english.matches][-1] in {
        "Grupo en español, Medi-Cal", "Spanish Group, Cash Only",
        "Spanish Group, Medi-Cal, Far"}


def test_a_far_service_is_a_misfit_for_a_client_without_a_car_and_no_ride(app):
    terms = builders.load_taxonomy()
    _service(terms, "Far Group", ["group-therapy-peer-support", "in-person"],
             lat=33.45, lng=-117.62, zip_code="92672")
    result = matching.match(matching.ClientNeeds(
        categories=["group-therapy-peer-support"], place=locate.resolve("92630"),
        barriers={"no-car"}), now=NOW)
    far = result.matches[0]
    assert not any(r.kind == "distance" for r in far.fits)
    assert any("too far to walk" in w for w in words(far.misfits))
    # A ride that serves the client's ZIP code but not the service's takes them nowhere.
    builders.service("Rides for 92630", virtual=True, terms=[terms["transportation"]],
                     areas=[("Lake Forest", "postal_code:92630 92610")])
    local_ride = matching.match(matching.ClientNeeds(
        categories=["group-therapy-peer-support"], place=locate.resolve("92630"),
        barriers={"no-car"}), now=NOW)
    far = next(m for m in local_ride.matches if m.service.name == "Far Group")
    assert any("too far to walk" in w for w in words(far.misfits)) and far.transport == []
    builders.service("County Rides", virtual=True, terms=[terms["transportation"]],
                     areas=[("Orange County", "county:CA:Orange")])
    with_ride = matching.match(matching.ClientNeeds(
        categories=["group-therapy-peer-support"], place=locate.resolve("92630"),
        barriers={"no-car"}), now=NOW)
    far = next(m for m in with_ride.matches if m.service.name == "Far Group")
    assert any(r.kind == "distance" for r in far.fits)
    assert [s.name for s in far.transport] == ["County Rides"]


def test_the_match_page_offers_to_show_services_for_other_groups(coordinator_client, app):
    terms = builders.load_taxonomy()
    _service(terms, "Veterans Circle", ["group-therapy-peer-support"],
             eligibility_description="Veterans only.")
    _service(terms, "Open Circle", ["group-therapy-peer-support"])
    made = m.ReferralList(title="Options")
    db.session.add(made)
    db.session.commit()
    match_url = f"/referrals/lists/{made.id}/match"
    form = {"categories": "group-therapy-peer-support", "near": "92630", "radius": "25"}
    page = coordinator_client.post(match_url, data=form).get_data(as_text=True)
    assert "1 service for specific groups left out." in page and "Veterans Circle" not in page
    page = coordinator_client.post(match_url, data={**form, "show_limited": "y"}).get_data(
        as_text=True)
    assert "Veterans Circle" in page and "Veterans only" in page
    page = coordinator_client.post(match_url, data={**form, "groups": "veterans"}).get_data(
        as_text=True)
    assert "Veterans Circle" in page and "left out" not in page


@pytest.mark.parametrize("name,text,listed,held", [
    ("Intensive Outpatient Program", "One evening track group each week is run in Spanish.",
     ["en", "es"], set()),
    ("Peer Group", "A weekly group held entirely in Spanish.", ["en", "es"], {"es"}),
    ("Korean-Language Counselling", "Counselling for adults.", ["ko", "en"], {"ko"}),
    ("Family Classes", "Classes are taught in Spanish.", ["es"], {"es"}),
    ("Family Classes", "Classes are taught in Spanish.", ["es", "en"], set()),
    ("Support Line", "Aimed at Vietnamese speakers.", ["vi"], {"vi"}),
    ("Veterans Group", "Open for Korean War veterans; brochures in Spanish.", ["en"], set()),
])
def test_only_a_record_that_says_every_session_is_in_a_language_is_held_in_it(
        name, text, listed, held):
    from directory.languages import held_in

    assert held_in(name, text, listed=listed) == held
