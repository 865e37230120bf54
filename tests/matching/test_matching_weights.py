"""The preferences of intake matching that the judged profiles rest on, each on
purpose-built services: what the coordinator chose before what the notes mention, a
service made for the client's group, self-pay for a client without insurance, a fund made
for the uninsured, a ride for wheelchair users, a service area that leaves the client out,
the client's own language before an interpreter."""



from tests.helpers import builders
from tests.helpers.builders import tagged_service
from tests.helpers.results import GROUP, match_at_now, names, words


def _item(result, name):
    return next(m for m in result.matches if m.service.name == name)


def test_a_service_the_notes_alone_found_comes_after_the_chosen_category(app):
    terms = builders.load_taxonomy()
    tagged_service(terms, "Tuesday Group", GROUP, description="A weekly peer group.",
             lat=33.50, lng=-117.66, zip_code="92675")  # ten miles: fewer points than
    # the clinic next door with the notes' word in it, yet what the coordinator chose
    tagged_service(terms, "Anxiety Clinic", ["outpatient-counselling", "in-person"],
             description="Counselling for anxiety, panic and worry, next door.")
    result = match_at_now(categories=["group-therapy-peer-support"], text="anxiety")
    assert names(result) == ["Tuesday Group", "Anxiety Clinic"]


def test_a_service_made_for_the_client_s_group_comes_first_and_says_so(app):
    terms = builders.load_taxonomy()
    tagged_service(terms, "Open Group", GROUP)
    tagged_service(terms, "Seniors' Group", GROUP, minimum_age=60,
             eligibility_description="Adults 60 and over.", lat=33.62, lng=-117.69)
    result = match_at_now(categories=["group-therapy-peer-support"], age=72)
    assert names(result) == ["Seniors' Group", "Open Group"]
    assert "For the client's group: Older adults" in words(
        _item(result, "Seniors' Group").fits)
    assert names(match_at_now(categories=["group-therapy-peer-support"], age=40)) == ["Open Group"]


def test_a_client_without_insurance_can_pay_a_sober_living_fee_themselves(app):
    terms = builders.load_taxonomy()
    tagged_service(terms, "Oak House", ["housing", "in-person", "cash"])
    tagged_service(terms, "Insured Residence", ["housing", "in-person", "private-insurance"])
    result = match_at_now(categories=["housing"], payment="none")
    assert names(result) == ["Oak House", "Insured Residence"]
    oak = _item(result, "Oak House")
    assert "Self-pay" in words(oak.fits) and "payment" not in oak.tiers
    assert "payment" in _item(result, "Insured Residence").tiers


def test_a_fund_made_for_the_uninsured_leads_for_a_client_without_insurance(app):
    terms = builders.load_taxonomy()
    tagged_service(terms, "Benefits Sign-Up", ["financial-assistance", "in-person", "free"],
             wait_time="Same day.")  # nearer, and a short wait
    tagged_service(terms, "Rehab Fund", ["financial-assistance", "in-person", "free"],
             lat=33.62, lng=-117.69,
             eligibility_description="Adults without insurance coverage for the treatment.")
    uninsured = match_at_now(categories=["financial-assistance"], payment="none")
    assert names(uninsured) == ["Rehab Fund", "Benefits Sign-Up"]
    assert "Made for people without insurance" in words(_item(uninsured, "Rehab Fund").fits)
    insured = match_at_now(categories=["financial-assistance"], payment="medi-cal")
    assert names(insured) == ["Benefits Sign-Up", "Rehab Fund"]  # may still apply: not out
    assert "Made for people without insurance" not in words(_item(insured, "Rehab Fund").fits)


def test_a_ride_for_wheelchair_users_is_a_misfit_for_a_client_who_uses_none(app):
    terms = builders.load_taxonomy()
    lake_forest = [("Lake Forest", "postal_code:92630")]
    builders.service("Wheelchair Van", virtual=True, terms=[terms["transportation"]],
                     areas=lake_forest, eligibility_description=(
                         "Anyone in Orange County who needs a wheelchair-accessible vehicle."))
    builders.service("Volunteer Rides", virtual=True, terms=[terms["transportation"]],
                     areas=lake_forest)
    walking = match_at_now(categories=["transportation"])
    assert names(walking) == ["Volunteer Rides", "Wheelchair Van"]
    assert "For wheelchair users" in words(_item(walking, "Wheelchair Van").misfits)
    rolling = match_at_now(categories=["transportation"], barriers={"wheelchair"})
    assert "For wheelchair users" not in words(_item(rolling, "Wheelchair Van").misfits)


def test_a_service_whose_area_leaves_out_the_client_is_left_out_and_counted(app):
    terms = builders.load_taxonomy()
    tagged_service(terms, "Mission Viejo Residents' Group", GROUP,
             areas=[("Mission Viejo", "postal_code:92691 92692")])
    tagged_service(terms, "Lake Forest Group", GROUP, areas=[("Lake Forest", "postal_code:92630")])
    result = match_at_now(categories=["group-therapy-peer-support"])
    assert names(result) == ["Lake Forest Group"]
    assert result.excluded == {"area": 1}


def test_the_client_s_own_language_comes_before_a_better_fit_through_interpreters(app):
    terms = builders.load_taxonomy()
    tagged_service(terms, "Medi-Cal Clinic", ["outpatient-counselling", "in-person", "medi-cal"],
             interpretation_services="Telephone interpreters for any language.")
    tagged_service(terms, "Consejería Latina", ["outpatient-counselling", "in-person", "free"],
             languages=("Spanish",), lat=33.55, lng=-117.67, zip_code="92675")
    result = match_at_now(categories=["outpatient-counselling"], languages=["es"],
                    payment="medi-cal")
    # Both in the first tier: interpreters keep the clinic in, free fits Medi-Cal.
    assert all(not m.tiers for m in result.matches)
    assert names(result) == ["Consejería Latina", "Medi-Cal Clinic"]
    clinic = _item(result, "Medi-Cal Clinic")
    assert "Spanish not listed; interpreters available" in words(clinic.misfits)
