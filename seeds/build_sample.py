"""Build the curated sample directory written to seeds/directory.json.

Every organization, service, person and address below is fictional. Phone numbers use the
555-01xx range set aside for fiction, and web sites and emails use .example.org domains.

The output is HSDS 3.0 (Open Referral) JSON: a list of organizations, each with its services
nested inside, plus HSDS 3.1 service capacities. Every id is a uuid5 over a fixed namespace
and a readable key, and every "random" value (coordinate jitter, verification dates, capacity
update times) comes from a generator seeded from a fixed string, so rerunning the script
writes a byte-identical file.

Usage:  .venv/bin/python seeds/build_sample.py [output.json]

The data tables (organizations, their locations and services) come first and are written by
hand; the helpers that turn them into HSDS objects follow.
"""

from __future__ import annotations

import datetime as dt
import json
import random
import sys
import uuid
from pathlib import Path

import zipcodes

SEED = "oc-recovery-directory-sample-2026"
NAMESPACE = uuid.uuid5(uuid.NAMESPACE_URL, "https://ocrecoverydirectory.example.org/seeds")
HERE = Path(__file__).resolve().parent
TAXONOMY_FILE = HERE / "taxonomy.json"
OUTPUT_FILE = HERE / "directory.json"


def txt(text):
    """Collapse the whitespace of a triple-quoted paragraph into one line."""
    return " ".join(text.split())


# ---------------------------------------------------------------------------------------------
# Service areas (extent_type "text": "state:CA", "county:CA:Orange" or "postal_code:...")
# ---------------------------------------------------------------------------------------------

CALIFORNIA = ("state:CA", "California")
ORANGE_COUNTY = ("county:CA:Orange", "Orange County, CA")
SOUTH_COUNTY = (
    txt("""
        postal_code:92630 92610 92618 92691 92692 92653 92656 92677 92688 92694 92675 92672
        92673 92629 92637 92651
    """),
    "South Orange County ZIP codes",
)
SADDLEBACK_VALLEY = (
    "postal_code:92630 92610 92691 92692 92653 92637 92656 92677",
    "Saddleback Valley ZIP codes",
)
LAKE_FOREST_AREA = (
    "postal_code:92630 92610 92618 92620 92688",
    "Lake Forest, Foothill Ranch and nearby ZIP codes",
)
SANTA_ANA_ZIPS = (
    "postal_code:92701 92703 92704 92705 92706 92707",
    "Santa Ana ZIP codes",
)
ANAHEIM_ZIPS = (
    "postal_code:92801 92802 92804 92805 92806 92807 92808",
    "Anaheim ZIP codes",
)
WEST_COUNTY = (
    "postal_code:92840 92841 92843 92844 92683 92655 92708",
    "Garden Grove, Westminster and nearby ZIP codes",
)
SAN_CLEMENTE_AREA = (
    "postal_code:92672 92673 92674 92675 92629 92624",
    "San Clemente, San Juan Capistrano and Dana Point ZIP codes",
)

CRISIS_NOTE = txt("""
    If you or someone else is in immediate danger, call 911. For a suicidal or mental-health
    crisis you can call or text 988 at any time, day or night.
""")


# ---------------------------------------------------------------------------------------------
# Organizations, their locations and services (curated by hand)
#
# Location keys: name, street, unit, zip, transit, wheelchair, near_transit, asl, desc,
#   access_note; or virtual=True with name and desc.
# Service keys: key (globally unique slug), name, alt, desc, cats, delivery, pay, pop, langs,
#   locs, areas, hours, app, fees, wait, elig, min_age, max_age, costs, contacts, capacity,
#   assured, status, alert, phones, interp, access, email, path.
#   hours: "MO-FR 09:00-17:00; SA 10:00-14:00 | note" or "24/7".
#   capacity: (unit, available, maximum, description).
#   phones: [(type, number, description)]; without it the organization's main line is used.
# ---------------------------------------------------------------------------------------------

ORGANIZATIONS = [
    # ----------------------------------------------------------------------------- Lake Forest
    {
        "key": "saddleback",
        "name": "Saddleback Valley Recovery Collective",
        "alt": "SVRC",
        "domain": "saddlebackrecovery.example.org",
        "phone": "(949) 555-0123",
        "desc": txt("""
            A nonprofit recovery community center in Lake Forest offering outpatient
            counselling, peer-led groups in English and Spanish, family nights and free rides
            for people in recovery from substance use and mental-health conditions.
        """),
        "locations": {
            "lake_forest": {
                "name": "SVRC Lake Forest Recovery Center",
                "street": "24012 Rockfield Blvd",
                "unit": "Suite 110",
                "zip": "92630",
                "transit": txt("""
                    OCTA bus route 177 stops at Rockfield Blvd and Lake Forest Dr, one block
                    away; free parking lot behind the building.
                """),
                "wheelchair": True,
                "near_transit": True,
                "desc": "Ground-floor center with two group rooms, counselling offices and a cafe.",
            },
        },
        "services": [
            {
                "key": "svrc-peer-group-es",
                "name": "Spanish-Language Peer Recovery Group",
                "alt": "Grupo de Apoyo Entre Pares",
                "desc": txt("""
                    A weekly peer support group held entirely in Spanish and led by certified
                    peer support specialists who are in recovery themselves. Members share
                    what is working, set small goals for the week and connect with sponsors
                    and mentors. Newcomers and family members who want to listen are welcome.
                """),
                "cats": ["group-therapy-peer-support"],
                "delivery": ["in-person"],
                "pay": ["medi-cal", "sliding-scale"],
                "langs": ["es", "en"],
                "locs": ["lake_forest"],
                "hours": "TU,TH 18:30-20:00 | Evening group; SA 10:00-11:30 | Saturday group",
                "app": txt("""
                    Walk in 15 minutes before any group, or call the main line to be met at
                    the door by a peer specialist. No referral needed.
                """),
                "fees": txt("""
                    No cost for Medi-Cal members. Others pay what they can on a sliding scale
                    from $0 to $15 per group; nobody is turned away.
                """),
                "wait": "No wait; join the next group.",
                "elig": "Adults 18 and over in recovery or thinking about it.",
                "min_age": 18,
                "capacity": ("seats", 7, 20, "Chairs in the Tuesday and Thursday evening group"),
                "contacts": [("Marisol Ortega", "Peer Support Coordinator")],
            },
            {
                "key": "svrc-outpatient",
                "name": "Outpatient Recovery Counselling",
                "desc": txt("""
                    Individual counselling for substance use and co-occurring depression or
                    anxiety, with licensed therapists and certified alcohol and drug
                    counselors. Plans combine weekly sessions, relapse-prevention skills and
                    optional medication support through a partner clinic. Evening
                    appointments make it possible to keep working during treatment.
                """),
                "cats": ["outpatient-counselling"],
                "delivery": ["in-person", "telehealth-video"],
                "pay": ["medi-cal", "private-insurance", "sliding-scale"],
                "langs": ["en", "es"],
                "locs": ["lake_forest"],
                "areas": [ORANGE_COUNTY],
                "hours": "MO-TH 08:30-20:00; FR 08:30-17:00",
                "app": txt("""
                    Call the intake line; a counselor does a 20-minute phone screening and
                    books a first assessment within the week.
                """),
                "fees": txt("""
                    Billed to Medi-Cal or private insurance. Uninsured clients pay $25 to $90
                    per session based on household income.
                """),
                "wait": "First assessment usually within 5 business days.",
                "elig": "Adults 18 and over who live or work in Orange County.",
                "min_age": 18,
                "costs": [("Per session (sliding scale, uninsured)", 25,
                           "From $25 to $90 depending on household income")],
                "contacts": [("Daniel Brooks", "Clinical Director")],
            },
            {
                "key": "svrc-family-night",
                "name": "Family Recovery Night",
                "alt": "Noche Familiar de Recuperación",
                "desc": txt("""
                    A free evening for parents, partners and grown children of people in
                    recovery. The first hour is a short talk on topics such as setting
                    boundaries, understanding relapse and caring for yourself; the second hour
                    is a facilitated support circle. Spanish interpretation is provided at
                    every session.
                """),
                "cats": ["family-education-support"],
                "delivery": ["in-person"],
                "pay": ["free"],
                "pop": ["families", "adults"],
                "langs": ["en", "es"],
                "locs": ["lake_forest"],
                "hours": "WE 18:30-20:30",
                "app": "Just come; no sign-up needed. Light dinner and childcare are provided.",
                "fees": "Free.",
                "wait": "No wait.",
                "elig": "Anyone affected by a loved one's substance use or mental illness.",
            },
            {
                "key": "svrc-recovery-rides",
                "name": "Recovery Rides",
                "desc": txt("""
                    Free round-trip rides in SVRC's two vans to counselling, groups, medical
                    appointments and court dates related to recovery. Drivers are trained
                    peer volunteers. Rides cover most of south Orange County.
                """),
                "cats": ["transportation"],
                "delivery": ["in-person"],
                "pay": ["free"],
                "langs": ["en", "es"],
                "areas": [SOUTH_COUNTY],
                "hours": "MO-FR 07:00-19:00; SA 08:00-13:00",
                "app": txt("""
                    Call or text the rides line at least two business days ahead with the
                    pickup address and appointment time.
                """),
                "fees": "Free.",
                "wait": "Book at least 48 hours ahead; same-day rides only when a van is free.",
                "elig": txt("""
                    People enrolled in any recovery program who live in the listed south
                    county ZIP codes and have no other way to get there.
                """),
                "phones": [("voice", "(949) 555-0124", "Rides line"),
                           ("text", "(949) 555-0124", "Text to book or change a ride")],
                "access": ["wheelchair-access"],
            },
        ],
    },
    # ----------------------------------------------------------- Mission Viejo / Laguna Hills
    {
        "key": "canyonlight",
        "name": "Canyon Light Treatment Center",
        "alt": None,
        "domain": "canyonlight.example.org",
        "phone": "(949) 555-0147",
        "desc": txt("""
            A licensed treatment provider with a residential campus in Mission Viejo and an
            outpatient office in Laguna Hills. Canyon Light treats alcohol and drug use
            disorders alongside depression, anxiety and trauma.
        """),
        "locations": {
            "mv_campus": {
                "name": "Canyon Light Mission Viejo Campus",
                "street": "27471 Via Corona Ridge",
                "zip": "92691",
                "transit": txt("""
                    OCTA route 87 stops on Marguerite Pkwy, a 6-minute walk; visitor parking
                    on site. Staff can pick up new residents from the Mission Viejo/Laguna
                    Niguel Metrolink station.
                """),
                "wheelchair": True,
                "near_transit": True,
                "desc": "Residential campus with 48 beds in four houses around a shared garden.",
            },
            "lh_office": {
                "name": "Canyon Light Laguna Hills Outpatient Office",
                "street": "24310 Moulton Pkwy",
                "unit": "Suite 200",
                "zip": "92653",
                "transit": txt("""
                    OCTA route 85 stops in front of the building; free parking garage with
                    accessible spaces on level one.
                """),
                "wheelchair": True,
                "near_transit": True,
                "desc": "Second-floor outpatient office reached by elevator.",
            },
        },
        "services": [
            {
                "key": "canyonlight-residential",
                "name": "Adult Residential Treatment",
                "desc": txt("""
                    A 30- to 90-day live-in program for adults with substance use disorders,
                    including people who also live with depression, anxiety or trauma. Each
                    day combines individual therapy, process groups, recovery education,
                    exercise and family sessions. Discharge planning starts in the first week
                    and connects residents with outpatient care and housing.
                """),
                "cats": ["residential-treatment"],
                "delivery": ["in-person"],
                "pay": ["medi-cal", "private-insurance", "cash"],
                "langs": ["en", "es"],
                "locs": ["mv_campus"],
                "hours": "MO-SU 08:00-20:00 | Admissions and assessments",
                "app": txt("""
                    Call admissions for a phone screening. A nurse and counselor complete an
                    in-person assessment, usually the same or next day, and verify coverage.
                """),
                "fees": txt("""
                    Covered by Drug Medi-Cal and most private plans. Self-pay is $385 per day;
                    ask about payment plans.
                """),
                "wait": "Typically 2 to 10 days for a Medi-Cal bed; shorter for private insurance.",
                "elig": "Adults 18 and over who are medically stable and need structured care.",
                "min_age": 18,
                "costs": [("Per day (self-pay)", 385, "Room, board, therapy and groups")],
                "capacity": ("beds", 4, 36, "Adult residential beds across three houses"),
                "phones": [("voice", "(949) 555-0148", "Admissions, 8 AM to 8 PM daily"),
                           ("fax", "(949) 555-0149", "Referrals and records")],
                "contacts": [("Renee Castillo", "Admissions Manager")],
            },
            {
                "key": "canyonlight-withdrawal",
                "name": "Medically Supervised Withdrawal Management",
                "desc": txt("""
                    Short-term, medically monitored detox for alcohol, opioids and sedatives,
                    with nurses on site around the clock and a physician who visits daily.
                    Most stays last 3 to 7 days, and residents can step straight down into
                    residential or outpatient treatment.
                """),
                "cats": ["residential-treatment"],
                "delivery": ["in-person"],
                "pay": ["medi-cal", "private-insurance", "cash"],
                "langs": ["en", "es"],
                "locs": ["mv_campus"],
                "hours": "24/7",
                "app": txt("""
                    Call admissions any time. A nurse screens for medical safety by phone;
                    people with serious medical needs are referred to a hospital first.
                """),
                "fees": "Covered by Medi-Cal and most private plans; self-pay is $650 per day.",
                "wait": "Beds are often full; call in the morning for same-day openings.",
                "elig": "Adults 18 and over; not for people who need hospital-level care.",
                "min_age": 18,
                "costs": [("Per day (self-pay)", 650, "Includes nursing care and medication")],
                "capacity": ("beds", 0, 12, "Withdrawal management beds"),
                "phones": [("voice", "(949) 555-0148", "Admissions, answered 24 hours")],
            },
            {
                "key": "canyonlight-iop",
                "name": "Intensive Outpatient Program (IOP)",
                "desc": txt("""
                    Nine hours a week of group and individual therapy for adults stepping
                    down from residential care or needing more than weekly counselling. A
                    morning track and an evening track let people keep jobs or school. One
                    evening track group each week is run in Spanish.
                """),
                "cats": ["outpatient-counselling", "group-therapy-peer-support"],
                "delivery": ["in-person"],
                "pay": ["medi-cal", "private-insurance", "sliding-scale"],
                "langs": ["en", "es"],
                "locs": ["lh_office"],
                "hours": txt("""
                    MO,WE,TH 09:00-12:00 | Morning track;
                    MO,TU,TH 17:30-20:30 | Evening track
                """),
                "app": txt("""
                    Call the main line for an assessment appointment, or ask your current
                    treatment team to send a referral.
                """),
                "fees": txt("""
                    Billed to Medi-Cal or insurance. Uninsured clients pay a sliding-scale fee
                    of $15 to $60 per day of programming.
                """),
                "wait": "Usually 1 to 2 weeks.",
                "elig": "Adults 18 and over with a substance use or co-occurring disorder.",
                "min_age": 18,
                "costs": [("Per program day (sliding scale)", 15, "From $15 to $60 by income")],
                "capacity": ("seats", 3, 16, "Open seats across both tracks"),
            },
            {
                "key": "canyonlight-bilingual-group",
                "name": "Bilingual Relapse Prevention Group",
                "alt": "Grupo Bilingüe de Prevención de Recaídas",
                "desc": txt("""
                    A therapist-led group in Spanish and English that teaches practical
                    relapse-prevention skills: spotting triggers, handling cravings and making
                    a plan for hard days. Members can join at any week of the 8-week cycle.
                """),
                "cats": ["group-therapy-peer-support"],
                "delivery": ["in-person"],
                "pay": ["medi-cal", "private-insurance"],
                "langs": ["es", "en"],
                "locs": ["lh_office"],
                "hours": "WE 18:00-19:30",
                "app": "Call the main line to book a short intake before your first group.",
                "fees": "Covered by Medi-Cal and most private insurance plans.",
                "wait": "Usually within 1 week.",
                "elig": "Adults 18 and over in early recovery.",
                "min_age": 18,
                "capacity": ("seats", 5, 14, "Seats per weekly group"),
            },
            {
                "key": "canyonlight-family-weekend",
                "name": "Family Program Saturdays",
                "desc": txt("""
                    A Saturday workshop for the families of current and former residents.
                    Clinicians explain how addiction affects the whole family, and families
                    practice communication skills together with their loved one in the
                    afternoon session.
                """),
                "cats": ["family-education-support"],
                "delivery": ["in-person"],
                "pay": ["free"],
                "pop": ["families"],
                "langs": ["en", "es"],
                "locs": ["mv_campus"],
                "hours": "SA 09:00-15:00 | Second and fourth Saturday",
                "app": "Families are invited by the resident's counselor; others may call to ask.",
                "fees": "Free for families of Canyon Light clients.",
                "wait": "Next scheduled Saturday.",
                "elig": "Family members and close supports of current or former clients.",
            },
        ],
    },
    # ------------------------------------------------------------------------------ Costa Mesa
    {
        "key": "harborview",
        "name": "Harborview Counseling Cooperative",
        "alt": None,
        "domain": "harborviewcounseling.example.org",
        "phone": "(949) 555-0162",
        "desc": txt("""
            A therapist-owned counselling practice in Costa Mesa that keeps a share of its hours
            at low cost. Harborview offers individual and couples therapy in person and by
            video anywhere in California.
        """),
        "locations": {
            "costa_mesa": {
                "name": "Harborview Counseling - Westside Office",
                "street": "1845 Placentia Ave",
                "unit": "Suite B-2",
                "zip": "92627",
                "transit": txt("""
                    OCTA route 55 stops on Placentia Ave at 18th St; street parking and a
                    small lot behind the building.
                """),
                "wheelchair": False,
                "near_transit": True,
                "desc": "Upstairs office in a converted two-story building.",
                "access_note": txt("""
                    The office is up one flight of stairs with no elevator. Clients who cannot
                    use stairs can meet in a ground-floor room at the same address on request.
                """),
            },
        },
        "services": [
            {
                "key": "harborview-counseling",
                "name": "Individual and Couples Counselling",
                "desc": txt("""
                    Weekly therapy for anxiety, depression, trauma, grief and recovery from
                    substance use, with licensed marriage and family therapists and clinical
                    social workers. Couples sessions help partners rebuild trust during
                    recovery.
                """),
                "cats": ["outpatient-counselling"],
                "delivery": ["in-person", "telehealth-video"],
                "pay": ["private-insurance", "medicare", "sliding-scale", "cash"],
                "locs": ["costa_mesa"],
                "areas": [ORANGE_COUNTY],
                "hours": "MO-TH 09:00-21:00; FR 09:00-15:00; SA 09:00-13:00",
                "app": txt("""
                    Fill in the contact form on the website or call; the intake coordinator
                    matches you with a therapist within two business days.
                """),
                "fees": txt("""
                    In network with several private plans and Medicare. Self-pay is $140 per
                    session, or $40 to $120 on the sliding scale.
                """),
                "wait": "About 1 to 3 weeks for a first appointment; evenings fill fastest.",
                "elig": "Adults and couples; teens 14 and over with a parent's consent.",
                "min_age": 14,
                "costs": [("Per session (self-pay)", 140, "50-minute session"),
                          ("Per session (sliding scale)", 40, "From $40 to $120 by income")],
                "contacts": [("Priya Natarajan", "Intake Coordinator")],
            },
            {
                "key": "harborview-lgbtq-circle",
                "name": "LGBTQ+ Recovery Circle",
                "desc": txt("""
                    A therapist-facilitated support group for lesbian, gay, bisexual,
                    transgender and queer adults in recovery. The group talks openly about
                    minority stress, family rejection, dating and nightlife in sobriety.
                """),
                "cats": ["group-therapy-peer-support"],
                "delivery": ["in-person"],
                "pay": ["free"],
                "pop": ["lgbtq", "adults"],
                "locs": ["costa_mesa"],
                "hours": "WE 19:00-20:30",
                "app": "Email or call to meet the facilitator for 15 minutes before joining.",
                "fees": "Free; donations welcome.",
                "wait": "Usually within 2 weeks.",
                "elig": "LGBTQ+ adults 18 and over.",
                "min_age": 18,
                "capacity": ("seats", 2, 12, "Group members"),
                "assured": "2025-02-17",
            },
            {
                "key": "harborview-statewide-video",
                "name": "Statewide Video Therapy",
                "desc": txt("""
                    Secure video sessions with Harborview therapists for people anywhere in
                    California. Useful for those who live far from a clinic, work unusual
                    hours or are not comfortable coming into an office.
                """),
                "cats": ["telehealth", "outpatient-counselling"],
                "delivery": ["telehealth-video"],
                "pay": ["private-insurance", "sliding-scale", "cash"],
                "areas": [CALIFORNIA],
                "hours": "MO-TH 08:00-21:00; FR 08:00-17:00; SU 12:00-18:00",
                "app": "Book a free 15-minute video consultation through the website.",
                "fees": "$140 per session self-pay; sliding scale $40 to $120; most PPO plans.",
                "wait": "About 1 week.",
                "elig": "Adults physically located in California at the time of each session.",
                "min_age": 18,
                "costs": [("Per session (self-pay)", 140, "50-minute video session")],
            },
        ],
    },
    # ------------------------------------------------------------------------------- Santa Ana
    {
        "key": "puentes",
        "name": "Puentes Family Wellness Center",
        "alt": "Centro Puentes",
        "domain": "puentesfamilia.example.org",
        "phone": "(714) 555-0108",
        "desc": txt("""
            A bilingual community health organization in Santa Ana serving Latino families
            affected by substance use and mental illness, with counselling, family classes,
            childcare, emergency funds and a residential program for mothers.
        """),
        "locations": {
            "first_street": {
                "name": "Puentes Main Center",
                "street": "1320 W 1st St",
                "zip": "92703",
                "transit": txt("""
                    OCTA route 64 stops at 1st St and Flower St, half a block away; free
                    parking behind the center.
                """),
                "wheelchair": True,
                "near_transit": True,
                "desc": "Main clinic with counselling rooms, a classroom and a children's room.",
            },
            "downtown": {
                "name": "Puentes Downtown Family Office",
                "street": "418 E 4th St",
                "unit": "2nd floor",
                "zip": "92701",
                "transit": txt("""
                    The OC Streetcar and OCTA routes 53 and 55 stop within two blocks; the
                    Santa Ana Regional Transportation Center is a 15-minute walk. Metered
                    street parking only.
                """),
                "wheelchair": True,
                "near_transit": True,
                "desc": "Second-floor office with an elevator from the 4th Street lobby.",
            },
            "casa": {
                "name": "Casa Puentes",
                "street": "2215 N Grand Ave",
                "zip": "92705",
                "transit": txt("""
                    OCTA route 59 stops at Grand Ave and 17th St; the program helps residents
                    get bus passes. Parking for visitors on weekends only.
                """),
                "wheelchair": True,
                "near_transit": True,
                "desc": "A home-like residential program for mothers and their young children.",
            },
        },
        "services": [
            {
                "key": "puentes-family-classes",
                "name": "Spanish-Language Family Recovery Classes",
                "alt": "Clases para Familias en Recuperación",
                "desc": txt("""
                    An eight-week class series in Spanish for parents and relatives of
                    someone using alcohol or drugs. Topics include how addiction works, how
                    to talk without blaming, and where to find treatment in Orange County.
                    Classes close with a celebration and a certificate.
                """),
                "cats": ["family-education-support"],
                "delivery": ["in-person"],
                "pay": ["free"],
                "pop": ["families", "adults"],
                "langs": ["es", "en"],
                "locs": ["downtown"],
                "hours": "MO 18:00-20:00 | Monday series; SA 10:00-12:00 | Saturday series",
                "app": "Call or come to the downtown office to sign up; new series start monthly.",
                "fees": "Free, including snacks and childcare.",
                "wait": "The next series usually starts within 4 weeks.",
                "elig": "Any family member; classes are taught in Spanish.",
                "capacity": ("seats", 9, 25, "Seats in the next Monday series"),
            },
            {
                "key": "puentes-childcare",
                "name": "Childcare During Appointments",
                "alt": "Cuidado de Niños Durante Citas",
                "desc": txt("""
                    Licensed staff look after children from 6 months to 12 years old while
                    parents attend counselling, groups, court or medical appointments. The
                    children's room has books, games and healthy snacks.
                """),
                "cats": ["practical-support"],
                "delivery": ["in-person"],
                "pay": ["free"],
                "pop": ["families"],
                "langs": ["es", "en"],
                "locs": ["first_street"],
                "hours": "MO-FR 08:30-19:00; SA 09:00-13:00",
                "app": "Book a slot by phone at least one day ahead; drop-ins when space allows.",
                "fees": "Free.",
                "wait": "Usually next day.",
                "elig": txt("""
                    Parents and caregivers attending any recovery or mental-health appointment
                    in Santa Ana. Children 6 months to 12 years old.
                """),
                "capacity": ("seats", 4, 10, "Childcare places per time slot"),
            },
            {
                "key": "puentes-emergency-fund",
                "name": "Family Emergency Fund",
                "alt": "Fondo de Emergencia Familiar",
                "desc": txt("""
                    One-time grants of up to $500 to keep a family stable while a member is
                    in treatment: overdue utility bills, a month's bus passes, prescription
                    costs or a car repair needed to get to work. Payment goes directly to the
                    landlord, utility or vendor.
                """),
                "cats": ["financial-assistance"],
                "delivery": ["in-person", "phone"],
                "pay": ["free"],
                "pop": ["families", "adults"],
                "langs": ["es", "en"],
                "locs": ["first_street"],
                "areas": [SANTA_ANA_ZIPS],
                "hours": "MO-TH 10:00-16:00",
                "app": txt("""
                    Call to request an appointment with a family advocate. Bring ID, the bill
                    or estimate, and proof of treatment enrollment.
                """),
                "fees": "Free.",
                "wait": "Decisions within 3 business days; funds run out late in the month.",
                "elig": "Santa Ana households with a member in recovery or mental-health care.",
                "contacts": [("Lucia Ramirez", "Family Advocate")],
            },
            {
                "key": "puentes-counseling",
                "name": "Bilingual Outpatient Counselling",
                "alt": "Consejería en Español",
                "desc": txt("""
                    Individual and family therapy in Spanish or English for depression,
                    anxiety, trauma and substance use. Therapists understand immigration
                    stress and work with the whole family when that helps.
                """),
                "cats": ["outpatient-counselling"],
                "delivery": ["in-person", "telehealth-video"],
                "pay": ["medi-cal", "sliding-scale"],
                "langs": ["es", "en"],
                "locs": ["first_street"],
                "areas": [ORANGE_COUNTY],
                "hours": "MO-TH 09:00-20:00; FR 09:00-17:00; SA 09:00-13:00",
                "app": "Call for a phone screening; a first appointment is booked during the call.",
                "fees": "No cost with Medi-Cal; otherwise $10 to $50 per session by income.",
                "wait": "Around 2 weeks.",
                "elig": "Children, teens and adults living in Orange County.",
                "pop": ["adults", "youth", "families"],
                "costs": [("Per session (sliding scale)", 10, "From $10 to $50 by income")],
            },
            {
                "key": "puentes-casa-residential",
                "name": "Casa Puentes Residential Program for Mothers",
                "desc": txt("""
                    A residential treatment program where pregnant women and mothers can
                    recover from substance use while their children up to age 5 live with
                    them. Services include therapy, parenting coaching, prenatal care
                    coordination and help with housing at discharge.
                """),
                "cats": ["residential-treatment"],
                "delivery": ["in-person"],
                "pay": ["medi-cal"],
                "pop": ["adults", "families"],
                "langs": ["es", "en"],
                "locs": ["casa"],
                "hours": "MO-FR 08:00-17:00 | Intake office",
                "app": txt("""
                    Call the main line and ask for Casa Puentes intake. An assessment is done
                    by phone, then an in-person visit with your children.
                """),
                "fees": "Covered by Medi-Cal; no cost to residents.",
                "wait": "About 2 to 4 weeks; pregnant women are admitted first.",
                "elig": "Pregnant women and mothers 18 and over, with children up to age 5.",
                "min_age": 18,
                "capacity": ("beds", 2, 14, "Family rooms for a mother and her children"),
                "contacts": [("Gabriela Soto", "Residential Program Manager")],
            },
        ],
    },
    # ------------------------------------------------------------- Westminster / Garden Grove
    {
        "key": "littlesaigon",
        "name": "Little Saigon Wellness Circle",
        "alt": "LSWC",
        "domain": "littlesaigonwellness.example.org",
        "phone": "(714) 555-0139",
        "desc": txt("""
            A Vietnamese American community mental-health organization in Westminster and
            Garden Grove offering counselling, family support, a support line and home visits
            for elders, with staff who speak Vietnamese.
        """),
        "locations": {
            "bolsa": {
                "name": "LSWC Bolsa Avenue Clinic",
                "street": "9550 Bolsa Ave",
                "unit": "Suite 118",
                "zip": "92683",
                "transit": txt("""
                    OCTA route 64 stops on Bolsa Ave in front of the plaza; large free
                    parking lot.
                """),
                "wheelchair": True,
                "near_transit": True,
                "desc": "Clinic in a shopping plaza, next to the pharmacy.",
            },
            "garden_grove": {
                "name": "LSWC Garden Grove Community Room",
                "street": "10080 Westminster Ave",
                "zip": "92843",
                "transit": "OCTA route 66 stops at Westminster Ave and Brookhurst St; free lot.",
                "wheelchair": True,
                "near_transit": True,
                "desc": "A community room used for groups and family meetings.",
            },
        },
        "services": [
            {
                "key": "lswc-counseling",
                "name": "Vietnamese-Language Counselling",
                "desc": txt("""
                    Individual counselling in Vietnamese for depression, anxiety, trauma,
                    gambling and alcohol problems. Counselors understand the experiences of
                    refugee and immigrant families and can include relatives in sessions.
                """),
                "cats": ["outpatient-counselling"],
                "delivery": ["in-person", "telehealth-video"],
                "pay": ["medi-cal", "medicare", "sliding-scale"],
                "pop": ["adults", "older-adults"],
                "langs": ["vi", "en"],
                "locs": ["bolsa"],
                "areas": [ORANGE_COUNTY],
                "hours": "MO-FR 09:00-18:00; SA 09:00-13:00",
                "app": "Call and speak with the Vietnamese-speaking intake worker.",
                "fees": "No cost with Medi-Cal or Medicare; $10 to $40 per session otherwise.",
                "wait": "1 to 2 weeks.",
                "elig": "Adults and older adults in Orange County.",
                "min_age": 18,
                "costs": [("Per session (sliding scale)", 10, "From $10 to $40 by income")],
                "contacts": [("Thanh Pham", "Program Director")],
            },
            {
                "key": "lswc-family-group",
                "name": "Vietnamese Family Support Group",
                "desc": txt("""
                    A monthly-themed support group in Vietnamese for parents, spouses and
                    adult children of someone living with mental illness or addiction.
                    Families share experiences and learn about treatment options and
                    benefits.
                """),
                "cats": ["family-education-support", "group-therapy-peer-support"],
                "delivery": ["in-person"],
                "pay": ["free"],
                "pop": ["families"],
                "langs": ["vi"],
                "locs": ["garden_grove"],
                "hours": "SU 14:00-16:00",
                "app": "Walk in or call to let the facilitator know you are coming.",
                "fees": "Free.",
                "wait": "No wait.",
                "elig": "Family members of anyone living with mental illness or addiction.",
            },
            {
                "key": "lswc-support-line",
                "name": "Vietnamese-Language Support Line",
                "desc": txt("""
                    Trained Vietnamese-speaking counselors answer calls from people who are
                    struggling, worried about a family member or unsure where to get help.
                    Callers in crisis are connected to emergency services. """ + CRISIS_NOTE),
                "cats": ["crisis-support"],
                "delivery": ["phone"],
                "pay": ["free"],
                "langs": ["vi", "en"],
                "areas": [ORANGE_COUNTY],
                "hours": "MO-SA 09:00-21:00",
                "app": "Call the support line; no appointment needed.",
                "fees": "Free.",
                "wait": "Calls are usually answered within a few minutes.",
                "elig": "Anyone in Orange County; aimed at Vietnamese speakers.",
                "phones": [("voice", "(714) 555-0138", "Support line")],
            },
            {
                "key": "lswc-elder-visits",
                "name": "Senior Wellness Home Visits",
                "desc": txt("""
                    Bilingual outreach workers visit isolated Vietnamese-speaking elders at
                    home to check on their wellbeing, help with medications and appointments,
                    and connect them to counselling and senior centers.
                    Visits last about an hour and a family member is welcome to join. Workers also
                    help elders sign up for benefits and senior transportation.
                """),
                "cats": ["practical-support"],
                "delivery": ["home-visit"],
                "pay": ["free", "medi-cal"],
                "pop": ["older-adults"],
                "langs": ["vi", "en"],
                "areas": [WEST_COUNTY],
                "hours": "MO-FR 09:00-17:00",
                "app": "A family member, doctor or the elder can call to request a first visit.",
                "fees": "Free.",
                "wait": "First visit within 2 weeks.",
                "elig": "Adults 60 and over living in the listed ZIP codes.",
                "min_age": 60,
            },
        ],
    },
    # ---------------------------------------------------------------------------------- Orange
    {
        "key": "opendoor",
        "name": "Open Door Crisis Network",
        "alt": None,
        "domain": "opendoorcrisis.example.org",
        "phone": "(657) 555-0111",
        "desc": txt("""
            A crisis services nonprofit based in the City of Orange running a 24-hour call
            and text line, mobile crisis teams and a walk-in crisis stabilization unit for
            Orange County.
        """),
        "locations": {
            "la_veta": {
                "name": "Open Door Crisis Stabilization Center",
                "street": "1201 W La Veta Ave",
                "zip": "92868",
                "transit": txt("""
                    OCTA routes 53 and 54 stop within a block; the Orange Metrolink station
                    is 1.5 miles away. Free parking and a drop-off bay for police and
                    ambulances.
                """),
                "wheelchair": True,
                "near_transit": True,
                "asl": True,
                "desc": "Walk-in crisis center open 24 hours, with a separate youth area.",
            },
        },
        "services": [
            {
                "key": "opendoor-crisis-line",
                "name": "24/7 Crisis Line (Call or Text)",
                "desc": txt("""
                    Trained crisis counselors answer calls and texts around the clock for
                    anyone in emotional distress, thinking about suicide, or worried about
                    someone else. Counselors can send a mobile crisis team when needed.
                """ + CRISIS_NOTE),
                "cats": ["crisis-support", "telehealth"],
                "delivery": ["phone"],
                "pay": ["free"],
                "pop": ["adults", "youth", "families"],
                "langs": ["en", "es", "vi"],
                "areas": [ORANGE_COUNTY],
                "hours": "24/7",
                "app": "Call or text any time. No appointment or insurance needed.",
                "fees": "Free.",
                "wait": "Calls answered in under a minute on average.",
                "elig": "Anyone in Orange County.",
                "phones": [("voice", "(657) 555-0100", "Crisis line, 24 hours"),
                           ("text", "(657) 555-0101", "Crisis text line, 24 hours")],
                "interp": txt("""
                    Counselors speak English, Spanish and Vietnamese; interpreters for over
                    200 languages join calls within minutes.
                """),
                "access": ["asl"],
            },
            {
                "key": "opendoor-mobile-team",
                "name": "Mobile Crisis Response Team",
                "desc": txt("""
                    A clinician and peer specialist come to a home, school or public place to
                    help someone in a mental-health crisis, without police unless safety
                    requires it. The team can calm the situation, make a safety plan or
                    arrange a crisis bed.
                """ + CRISIS_NOTE),
                "cats": ["crisis-support"],
                "delivery": ["home-visit"],
                "pay": ["free"],
                "pop": ["adults", "youth", "families"],
                "langs": ["en", "es"],
                "areas": [ORANGE_COUNTY],
                "hours": "24/7",
                "app": "Call the crisis line and ask for the mobile team.",
                "fees": "Free.",
                "wait": "Teams usually arrive within 60 minutes.",
                "elig": "Anyone of any age in Orange County.",
                "phones": [("voice", "(714) 555-0112", "Mobile team dispatch")],
            },
            {
                "key": "opendoor-stabilization",
                "name": "Walk-In Crisis Stabilization Unit",
                "desc": txt("""
                    A calm, home-like alternative to the emergency room where adults and
                    teens in crisis can stay up to 23 hours. A psychiatrist, nurses and peer
                    staff assess, start treatment and plan next steps.
                """ + CRISIS_NOTE),
                "cats": ["crisis-support"],
                "delivery": ["in-person"],
                "pay": ["medi-cal", "medicare", "private-insurance", "free"],
                "pop": ["adults", "youth"],
                "langs": ["en", "es"],
                "locs": ["la_veta"],
                "hours": "24/7",
                "app": txt("""
                    Walk in any time, or call ahead so staff can prepare. Family members,
                    crisis teams and police can also bring someone in.
                """),
                "fees": "Insurance is billed when available; no one is turned away for cost.",
                "wait": "Usually seen within 30 minutes of arrival.",
                "elig": "Adults and teens 13 and over in a mental-health or substance use crisis.",
                "min_age": 13,
                "capacity": ("seats", 5, 16, "Recliner chairs for stays of up to 23 hours"),
            },
            {
                "key": "opendoor-followup",
                "name": "After-Crisis Follow-Up Calls",
                "desc": txt("""
                    For 30 days after a crisis, a counselor calls on an agreed schedule to
                    check in, review the safety plan and help with first appointments.
                    People can opt in after calling the crisis line or leaving the
                    stabilization unit.
                """ + CRISIS_NOTE),
                "cats": ["crisis-support"],
                "delivery": ["phone"],
                "pay": ["free"],
                "langs": ["en", "es"],
                "areas": [ORANGE_COUNTY],
                "hours": "MO-FR 09:00-21:00; SA,SU 10:00-18:00",
                "app": "Ask any Open Door counselor to sign you up.",
                "fees": "Free.",
                "wait": "First call within 24 hours.",
                "elig": "Anyone who has used an Open Door crisis service in the last 30 days.",
            },
            {
                "key": "opendoor-family-group",
                "name": "Family Support After a Crisis",
                "alt": "Apoyo Familiar Después de una Crisis",
                "desc": txt("""
                    A weekly group for relatives who have just been through a loved one's
                    psychiatric crisis, hospital stay or suicide attempt. A family clinician
                    explains what happens next, how to use a safety plan at home and how to
                    look after yourself. Sessions alternate between English and Spanish.
                """),
                "cats": ["family-education-support", "crisis-support"],
                "delivery": ["in-person"],
                "pay": ["free"],
                "pop": ["families"],
                "langs": ["en", "es"],
                "locs": ["la_veta"],
                "hours": "WE 18:00-19:30; SA 10:00-11:30 | Spanish-language session",
                "app": "Just come, or ask any Open Door counselor to save you a seat.",
                "fees": "Free.",
                "wait": "No wait.",
                "elig": "Family members and close friends of someone who has had a crisis.",
                "capacity": ("seats", 10, 20, "Seats per session"),
            },
        ],
    },
    # --------------------------------------------------------------------------------- Anaheim
    {
        "key": "anaheimhope",
        "name": "Anaheim Hope Housing Alliance",
        "alt": "AHHA",
        "domain": "anaheimhope.example.org",
        "phone": "(714) 555-0175",
        "desc": txt("""
            A housing nonprofit in Anaheim that runs a recovery residence, helps people in
            recovery find and keep housing, and pays move-in costs and transit fares.
        """),
        "locations": {
            "lincoln": {
                "name": "Anaheim Hope Housing Office",
                "street": "835 E Lincoln Ave",
                "unit": "Suite 4",
                "zip": "92805",
                "transit": txt("""
                    OCTA route 42 stops at Lincoln Ave and East St; ARTIC transit center is
                    about 2 miles away. Free parking in the rear lot.
                """),
                "wheelchair": True,
                "near_transit": True,
                "desc": "Storefront office with walk-in hours.",
            },
            "crescent": {
                "name": "Crescent House",
                "street": "1130 W Crescent Ave",
                "zip": "92801",
                "transit": "OCTA route 43 stops on Harbor Blvd, a 7-minute walk.",
                "wheelchair": False,
                "near_transit": True,
                "desc": "A two-story recovery residence with 18 beds in shared rooms.",
                "access_note": txt("""
                    Three steps at the front entrance and bedrooms upstairs; one ground-floor
                    room is available for residents with limited mobility.
                """),
            },
        },
        "services": [
            {
                "key": "anaheimhope-crescent-house",
                "name": "Crescent House Recovery Residence",
                "desc": txt("""
                    A certified recovery residence for adults who are working on staying
                    sober. Residents share chores, attend weekly house meetings and at least
                    three recovery meetings a week, and agree to random testing. A house
                    manager lives on site.
                """),
                "cats": ["housing"],
                "delivery": ["in-person"],
                "pay": ["cash", "sliding-scale"],
                "locs": ["crescent"],
                "hours": "MO-FR 10:00-18:00 | Tours and intake interviews",
                "app": "Call the office to schedule a tour and intake interview.",
                "fees": "$750 per month including utilities; reduced rates for the first month.",
                "wait": "Usually 1 to 3 weeks for a bed.",
                "elig": "Adults 18 and over with at least 7 days of sobriety.",
                "min_age": 18,
                "costs": [("Per month", 750, "Shared room, utilities and house meetings")],
                "capacity": ("beds", 3, 18, "Beds in shared rooms"),
            },
            {
                "key": "anaheimhope-rental-assistance",
                "name": "Move-In and Rental Assistance",
                "desc": txt("""
                    Help paying a security deposit, first month's rent or up to two months of
                    back rent for people in recovery who are leaving treatment or at risk of
                    eviction. A housing specialist also negotiates with landlords.
                """),
                "cats": ["financial-assistance", "housing"],
                "delivery": ["in-person", "phone"],
                "pay": ["free"],
                "langs": ["en", "es"],
                "locs": ["lincoln"],
                "areas": [ANAHEIM_ZIPS],
                "hours": "MO-TH 09:00-17:00",
                "app": "Call for a pre-screening, then bring ID, lease and income proof.",
                "fees": "Free.",
                "wait": "2 to 3 weeks for a decision.",
                "elig": "Anaheim residents in a recovery program with income under 50% of AMI.",
                "min_age": 18,
                "contacts": [("Omar Haddad", "Housing Specialist")],
            },
            {
                "key": "anaheimhope-navigation",
                "name": "Housing Navigation",
                "desc": txt("""
                    One-on-one help finding a place to live: sober living homes, shared
                    housing, affordable apartments and waiting lists. Navigators help with
                    applications, documents and landlord references.
                """),
                "cats": ["housing"],
                "delivery": ["in-person", "phone"],
                "pay": ["free"],
                "langs": ["en", "es"],
                "locs": ["lincoln"],
                "areas": [ORANGE_COUNTY],
                "hours": "MO-FR 09:00-17:00; TU 17:00-19:00 | Evening walk-in hours",
                "app": "Walk in during open hours or call to book.",
                "fees": "Free.",
                "wait": "Walk-ins are usually seen the same day.",
                "elig": "Adults in recovery who are homeless or at risk of homelessness.",
                "min_age": 18,
            },
            {
                "key": "anaheimhope-bus-passes",
                "name": "Bus Passes for Treatment",
                "desc": txt("""
                    Free 30-day OCTA bus passes for people attending treatment or recovery
                    programs, plus help planning routes to appointments.
                    Passes are renewed each month while you stay in treatment, and staff can print
                    trip plans in English or Spanish.
                """),
                "cats": ["transportation", "financial-assistance"],
                "delivery": ["in-person"],
                "pay": ["free"],
                "langs": ["en", "es"],
                "locs": ["lincoln"],
                "areas": [ANAHEIM_ZIPS],
                "hours": "MO,WE,FR 09:00-12:00",
                "app": "Bring a letter or appointment card from your treatment program.",
                "fees": "Free.",
                "wait": "Passes given the same day while supplies last.",
                "elig": "Anaheim residents enrolled in a treatment or recovery program.",
            },
        ],
    },
    # ---------------------------------------------------------------------------- San Clemente
    {
        "key": "trestles",
        "name": "Trestles Youth Recovery House",
        "alt": None,
        "domain": "trestlesyouth.example.org",
        "phone": "(949) 555-0186",
        "desc": txt("""
            A youth treatment program in San Clemente for teenagers and young adults, with a
            small residential house, after-school groups and support for parents.
        """),
        "locations": {
            "house": {
                "name": "Trestles Residential House",
                "street": "1718 Calle Mirador Alto",
                "zip": "92672",
                "transit": txt("""
                    OCTA route 191 stops on El Camino Real, 10 minutes on foot; families
                    park in the driveway.
                """),
                "wheelchair": True,
                "near_transit": False,
                "desc": "A single-story home with ten beds, a classroom and a back yard.",
            },
            "office": {
                "name": "Trestles Youth Center",
                "street": "640 Camino de los Mares",
                "unit": "Suite 210",
                "zip": "92673",
                "transit": txt("""
                    OCTA route 191 stops at Camino de los Mares and Camino Vera Cruz; free
                    parking.
                """),
                "wheelchair": True,
                "near_transit": True,
                "desc": "Outpatient center with a lounge where young people can drop in.",
            },
        },
        "services": [
            {
                "key": "trestles-youth-residential",
                "name": "Youth Residential Treatment (Ages 12-17)",
                "desc": txt("""
                    A 60- to 90-day residential program for teens with substance use and
                    co-occurring mental-health conditions. Teens attend an on-site school,
                    daily therapy and weekly family therapy, with outdoor activities on
                    weekends.
                """),
                "cats": ["residential-treatment"],
                "delivery": ["in-person"],
                "pay": ["medi-cal", "private-insurance"],
                "pop": ["youth", "families"],
                "langs": ["en", "es"],
                "locs": ["house"],
                "hours": "MO-FR 08:00-18:00 | Admissions",
                "app": txt("""
                    A parent or guardian calls admissions for a phone screening, followed by
                    an in-person assessment with the teen.
                """),
                "fees": "Covered by Medi-Cal and most private plans.",
                "wait": "About 2 to 6 weeks.",
                "elig": "Teens 12 to 17 with parent or guardian consent.",
                "min_age": 12,
                "max_age": 17,
                "capacity": ("beds", 1, 10, "Youth beds"),
                "phones": [("voice", "(949) 555-0187", "Admissions")],
                "contacts": [("Kendra Mills", "Admissions Director")],
            },
            {
                "key": "trestles-teen-group",
                "name": "After-School Teen Recovery Group",
                "desc": txt("""
                    A group for teens who want to cut back or stop using alcohol, vaping or
                    other drugs. Led by a youth counselor, with games, skill practice and
                    honest talk. Parents are not in the room.
                """),
                "cats": ["group-therapy-peer-support"],
                "delivery": ["in-person"],
                "pay": ["medi-cal", "private-insurance", "sliding-scale"],
                "pop": ["youth"],
                "locs": ["office"],
                "hours": "TU,TH 16:00-17:30",
                "app": "Teens or parents call to book a short intake meeting.",
                "fees": "No cost with Medi-Cal; $0 to $20 per group on the sliding scale.",
                "wait": "Within 1 week.",
                "elig": "Teens 13 to 17.",
                "min_age": 13,
                "max_age": 17,
                "capacity": ("seats", 6, 12, "Teen group places"),
            },
            {
                "key": "trestles-parents",
                "name": "Parents of Teens in Recovery",
                "desc": txt("""
                    A weekly education and support group for parents and guardians of teens
                    who use substances. Meets in person, with a video link for parents who
                    cannot attend.
                """),
                "cats": ["family-education-support"],
                "delivery": ["in-person", "online-group"],
                "pay": ["free"],
                "pop": ["families"],
                "langs": ["en", "es"],
                "locs": ["office"],
                "areas": [ORANGE_COUNTY],
                "hours": "WE 18:30-20:00",
                "app": "Call to get the room details or the video link.",
                "fees": "Free.",
                "wait": "No wait.",
                "elig": "Parents and guardians of teenagers.",
            },
            {
                "key": "trestles-dropin",
                "name": "Youth Drop-In Recovery Hours",
                "desc": txt("""
                    A relaxed space where teens and young adults in recovery can hang out,
                    do homework, eat a snack and talk to a peer mentor. Mentors also help
                    with job applications and school enrollment.
                """),
                "cats": ["practical-support", "group-therapy-peer-support"],
                "delivery": ["in-person"],
                "pay": ["free"],
                "pop": ["youth"],
                "locs": ["office"],
                "hours": "MO-FR 15:00-19:00; SA 12:00-16:00",
                "app": "Just drop in; first-timers fill out a one-page form.",
                "fees": "Free.",
                "wait": "No wait.",
                "elig": "Young people 13 to 24.",
                "min_age": 13,
                "max_age": 24,
            },
        ],
    },
    # ------------------------------------------------------------------- statewide telehealth
    {
        "key": "goldenstate",
        "name": "Golden State Telecounsel",
        "alt": "GST",
        "domain": "goldenstatetelecounsel.example.org",
        "phone": "(949) 555-0154",
        "desc": txt("""
            A telehealth mental-health group based in Irvine that sees clients only by video
            and phone, anywhere in California. Therapists, psychiatric nurse practitioners and
            psychiatrists work together on one care team.
        """),
        "locations": {
            "online": {
                "virtual": True,
                "name": "Golden State Telecounsel Online Clinic",
                "desc": "All visits are by secure video or phone; there is no walk-in office.",
            },
        },
        "services": [
            {
                "key": "gst-video-therapy",
                "name": "Video Therapy for Depression and Anxiety",
                "desc": txt("""
                    Weekly or every-other-week video sessions using proven approaches such as
                    cognitive behavioral therapy. Therapists can also help with sleep,
                    stress and cutting down on drinking. Sessions work on a phone, tablet or
                    computer.
                """),
                "cats": ["telehealth", "outpatient-counselling"],
                "delivery": ["telehealth-video", "phone"],
                "pay": ["medi-cal", "private-insurance", "cash"],
                "langs": ["en", "es"],
                "locs": ["online"],
                "areas": [CALIFORNIA],
                "hours": "MO-FR 07:00-21:00; SA 08:00-14:00",
                "app": "Book online or call the intake line; a care coordinator checks coverage.",
                "fees": "Most Medi-Cal plans and private insurance; self-pay $110 per session.",
                "wait": "First visit usually within 7 days.",
                "elig": "Adults 18 and over located in California during the visit.",
                "min_age": 18,
                "costs": [("Per session (self-pay)", 110, "45-minute video session")],
                "phones": [("voice", "(949) 555-0155", "Intake line")],
            },
            {
                "key": "gst-telepsychiatry",
                "name": "Telepsychiatry and Medication Management",
                "desc": txt("""
                    Psychiatric evaluation and follow-up by video for depression, anxiety,
                    bipolar disorder and alcohol or opioid use disorder. Prescriptions are
                    sent to a local pharmacy, and the team coordinates with your therapist.
                """),
                "cats": ["telehealth", "outpatient-counselling"],
                "delivery": ["telehealth-video"],
                "pay": ["medicare", "private-insurance", "cash"],
                "locs": ["online"],
                "areas": [CALIFORNIA],
                "hours": "MO-FR 08:00-18:00",
                "app": "A referral from a therapist or doctor is preferred but not required.",
                "fees": "Medicare and most private plans; self-pay $260 first visit, $140 after.",
                "wait": "2 to 4 weeks for a first evaluation.",
                "elig": "Adults 18 and over in California.",
                "min_age": 18,
                "costs": [("First evaluation (self-pay)", 260, "60-minute psychiatric evaluation"),
                          ("Follow-up visit (self-pay)", 140, "20- to 30-minute visit")],
            },
            {
                "key": "gst-online-iop",
                "name": "Online Intensive Outpatient Group",
                "desc": txt("""
                    A live video intensive outpatient program three evenings a week, with
                    small groups and a weekly individual session. Designed for adults who
                    need more support than weekly therapy but cannot travel to a clinic.
                """),
                "cats": ["telehealth", "group-therapy-peer-support"],
                "delivery": ["online-group"],
                "pay": ["private-insurance", "cash"],
                "locs": ["online"],
                "areas": [CALIFORNIA],
                "hours": "MO,WE,TH 18:00-21:00",
                "app": "Call the intake line for an assessment by video.",
                "fees": "Most private plans; self-pay $1,200 for a 4-week block.",
                "wait": "New groups start every other Monday; currently full until the next cycle.",
                "elig": "Adults 18 and over in California with a private internet connection.",
                "min_age": 18,
                "costs": [("4-week block (self-pay)", 1200, "12 group sessions and 4 individual")],
                "capacity": ("seats", 0, 12, "Seats in the current online cycle"),
                "phones": [("voice", "(949) 555-0155", "Intake line")],
            },
            {
                "key": "gst-older-adults",
                "name": "Older Adult Video Counselling",
                "desc": txt("""
                    Short-term counselling by video or phone for adults 60 and over facing
                    loneliness, grief, chronic illness or drinking problems. A volunteer
                    helps set up the video call before the first session if needed.
                """),
                "cats": ["telehealth", "outpatient-counselling"],
                "delivery": ["telehealth-video", "phone"],
                "pay": ["medicare", "medi-cal"],
                "pop": ["older-adults"],
                "langs": ["en", "es"],
                "areas": [CALIFORNIA],
                "hours": "MO-FR 09:00-16:00",
                "app": "Call the intake line; a family member can call on your behalf.",
                "fees": "Covered by Medicare and Medi-Cal; no co-pay for most members.",
                "wait": "About 1 week.",
                "elig": "Adults 60 and over in California.",
                "min_age": 60,
                "phones": [("voice", "(949) 555-0155", "Intake line")],
            },
        ],
    },
    # ------------------------------------------------------------------------------- Fullerton
    {
        "key": "hillcrest",
        "name": "Fullerton Hillcrest Wellness Center",
        "alt": None,
        "domain": "hillcrestwellness.example.org",
        "phone": "(714) 555-0131",
        "desc": txt("""
            A community mental-health clinic serving north Orange County from two Fullerton
            sites, with adult outpatient care, same-day walk-in counselling and groups.
        """),
        "locations": {
            "downtown": {
                "name": "Hillcrest Downtown Clinic",
                "street": "315 N Harbor Blvd",
                "zip": "92832",
                "transit": txt("""
                    Fullerton Transportation Center (Metrolink and OCTA routes 26, 43 and 47)
                    is a 5-minute walk. Paid parking structure across the street.
                """),
                "wheelchair": True,
                "near_transit": True,
                "asl": True,
                "desc": "Main clinic on the ground floor of a downtown office building.",
            },
            "chapman": {
                "name": "Hillcrest East Fullerton Office",
                "street": "1600 E Chapman Ave",
                "unit": "Suite 3",
                "zip": "92831",
                "transit": "OCTA route 47 stops on Chapman Ave; free parking.",
                "wheelchair": True,
                "near_transit": True,
                "desc": "Smaller office used for groups and evening appointments.",
            },
        },
        "services": [
            {
                "key": "hillcrest-outpatient",
                "name": "Adult Outpatient Mental Health Clinic",
                "desc": txt("""
                    Assessment, therapy, case management and psychiatric care for adults
                    living with serious depression, bipolar disorder, schizophrenia or
                    co-occurring substance use. Each client works with a care team and can
                    get help with benefits and housing.
                """),
                "cats": ["outpatient-counselling"],
                "delivery": ["in-person", "telehealth-video"],
                "pay": ["medi-cal", "medicare"],
                "langs": ["en", "es", "ko"],
                "locs": ["downtown"],
                "areas": [ORANGE_COUNTY],
                "hours": "MO-FR 08:00-17:00; TU,TH 17:00-19:00 | Evening appointments",
                "app": "Call for a phone screening, or walk in weekday mornings for an assessment.",
                "fees": "No cost with Medi-Cal; Medicare co-pays may apply.",
                "wait": "Assessment within 10 business days.",
                "elig": "Adults 18 and over in north Orange County with Medi-Cal or Medicare.",
                "min_age": 18,
            },
            {
                "key": "hillcrest-cooccurring-group",
                "name": "Co-Occurring Disorders Group",
                "desc": txt("""
                    A weekly group for adults living with both a mental illness and a
                    substance use problem. Members learn skills for managing symptoms and
                    cravings together and support each other between sessions.
                """),
                "cats": ["group-therapy-peer-support"],
                "delivery": ["in-person"],
                "pay": ["medi-cal", "medicare"],
                "locs": ["chapman"],
                "hours": "TH 17:30-19:00",
                "app": "Ask your Hillcrest clinician for a referral, or call the main line.",
                "fees": "No cost with Medi-Cal.",
                "wait": "Paused; see alert.",
                "elig": "Adults 18 and over.",
                "min_age": 18,
                "status": "temporarily closed",
                "alert": txt("""
                    This group is paused until a new facilitator starts in January 2027.
                    Members can join the Tuesday outpatient group at the downtown clinic in
                    the meantime.
                """),
            },
            {
                "key": "hillcrest-walkin",
                "name": "Same-Day Walk-In Counselling",
                "desc": txt("""
                    Walk in without an appointment to speak with a counselor about whatever
                    is weighing on you. Sessions last about 45 minutes and end with a plan
                    and referrals. """ + CRISIS_NOTE),
                "cats": ["crisis-support", "outpatient-counselling"],
                "delivery": ["in-person"],
                "pay": ["free"],
                "langs": ["en", "es", "ko"],
                "locs": ["downtown"],
                "hours": "MO-FR 10:00-18:00; SA 10:00-14:00",
                "app": "Walk in and sign in at the desk; last sign-in is an hour before closing.",
                "fees": "Free.",
                "wait": "Usually 15 to 60 minutes.",
                "elig": "Anyone 13 and over; under 18s may be seen without a parent for one visit.",
                "min_age": 13,
            },
            {
                "key": "hillcrest-young-adults",
                "name": "Young Adult Recovery Group",
                "desc": txt("""
                    A peer-friendly group for people 18 to 25 in or near college age who are
                    dealing with anxiety, depression or substance use. The group meets in the
                    evening and covers stress, relationships, work and staying sober.
                """),
                "cats": ["group-therapy-peer-support"],
                "delivery": ["in-person"],
                "pay": ["medi-cal", "sliding-scale"],
                "pop": ["youth", "adults"],
                "langs": ["en", "ko"],
                "locs": ["chapman"],
                "hours": "MO 18:00-19:30",
                "app": "Call to schedule a 20-minute intake.",
                "fees": "No cost with Medi-Cal; $0 to $15 per session otherwise.",
                "wait": "About 1 week.",
                "elig": "Young adults 18 to 25.",
                "min_age": 18,
                "max_age": 25,
                "capacity": ("seats", 4, 12, "Group places"),
            },
        ],
    },
    # ------------------------------------------------------------------------ Huntington Beach
    {
        "key": "huntingtonshores",
        "name": "Huntington Shores Sober Living",
        "alt": None,
        "domain": "huntingtonshores.example.org",
        "phone": "(714) 555-0193",
        "desc": txt("""
            A family-run operator of sober living homes in Huntington Beach with on-site house
            managers, an alumni meeting and help getting back to work.
        """),
        "locations": {
            "office": {
                "name": "Huntington Shores Office",
                "street": "16052 Beach Blvd",
                "unit": "Suite 204",
                "zip": "92647",
                "transit": "OCTA route 29 runs along Beach Blvd with a stop at the building.",
                "wheelchair": True,
                "near_transit": True,
                "desc": "Administrative office and meeting room.",
            },
            "mens": {
                "name": "Talbert House (men)",
                "street": "7821 Talbert Ave",
                "zip": "92648",
                "transit": "OCTA route 33 stops at Talbert Ave and Beach Blvd, a 9-minute walk.",
                "wheelchair": False,
                "near_transit": False,
                "desc": "A six-bedroom house for men near Central Park.",
                "access_note": "Split-level house with stairs inside; not suited to wheelchairs.",
            },
            "womens": {
                "name": "Goldenwest House (women)",
                "street": "17342 Goldenwest St",
                "zip": "92647",
                "transit": "OCTA route 25 stops on Goldenwest St in front of the house.",
                "wheelchair": True,
                "near_transit": True,
                "desc": "A single-story house for women with a ramp at the side entrance.",
            },
        },
        "services": [
            {
                "key": "hss-mens-house",
                "name": "Men's Sober Living Home",
                "desc": txt("""
                    A structured, alcohol- and drug-free home for men who have finished or
                    are attending treatment. House rules include a curfew, weekly house
                    meetings, chores and regular testing; residents are expected to work,
                    study or volunteer.
                """),
                "cats": ["housing"],
                "delivery": ["in-person"],
                "pay": ["cash"],
                "locs": ["mens"],
                "hours": "MO-SA 09:00-18:00 | Phone interviews and tours",
                "app": "Call for a phone interview and tour; move-in can be the same week.",
                "fees": "$950 per month for a shared room, $1,300 for a private room.",
                "wait": "Usually less than 1 week.",
                "elig": "Men 18 and over with at least 14 days sober.",
                "min_age": 18,
                "costs": [("Per month, shared room", 950, "Utilities and Wi-Fi included"),
                          ("Per month, private room", 1300, "Utilities and Wi-Fi included")],
                "capacity": ("beds", 2, 12, "Beds at Talbert House"),
            },
            {
                "key": "hss-womens-house",
                "name": "Women's Sober Living Home",
                "desc": txt("""
                    A supportive, drug- and alcohol-free home for women in recovery, with a
                    live-in house manager and weekly life-skills nights on budgeting,
                    cooking and job hunting.
                    Residents share chores, attend house meetings and go to at least three recovery
                    meetings a week.
                """),
                "cats": ["housing"],
                "delivery": ["in-person"],
                "pay": ["cash", "sliding-scale"],
                "locs": ["womens"],
                "hours": "MO-SA 09:00-18:00 | Phone interviews and tours",
                "app": "Call to join the interest list for when the house reopens.",
                "fees": "$900 per month; two sliding-scale beds at $600.",
                "wait": "Closed; see alert.",
                "elig": "Women 18 and over with at least 14 days sober.",
                "min_age": 18,
                "costs": [("Per month", 900, "Shared room with utilities")],
                "capacity": ("beds", 0, 8, "Beds at Goldenwest House"),
                "status": "temporarily closed",
                "alert": txt("""
                    Goldenwest House is closed for plumbing and accessibility renovations and
                    expects to reopen in February 2027. Call to be added to the interest list.
                """),
            },
            {
                "key": "hss-alumni-meeting",
                "name": "Thursday Night Alumni Meeting",
                "desc": txt("""
                    An open recovery meeting hosted by former residents, with a speaker and
                    open sharing. Anyone in recovery is welcome, including people who never
                    lived in a Huntington Shores home.
                """),
                "cats": ["group-therapy-peer-support"],
                "delivery": ["in-person"],
                "pay": ["free"],
                "locs": ["office"],
                "hours": "TH 19:30-21:00",
                "app": "Just come.",
                "fees": "Free; coffee and a donation basket.",
                "wait": "No wait.",
                "elig": "Anyone in recovery or curious about it.",
            },
            {
                "key": "hss-work-support",
                "name": "Back-to-Work Support",
                "desc": txt("""
                    Volunteers help residents and alumni with resumes, job applications,
                    replacing ID documents, opening a bank account and getting a driver's
                    license back. Includes a clothing closet for interviews.
                """),
                "cats": ["practical-support"],
                "delivery": ["in-person"],
                "pay": ["free"],
                "locs": ["office"],
                "hours": "TU,SA 10:00-13:00",
                "app": "Sign up by phone or at the alumni meeting.",
                "fees": "Free.",
                "wait": "Within 1 week.",
                "elig": "Adults in recovery living in Huntington Beach or nearby.",
                "min_age": 18,
            },
        ],
    },
    # ---------------------------------------------------------------------------- Laguna Hills
    {
        "key": "lhseniors",
        "name": "Laguna Hills Senior Peer Counseling Network",
        "alt": None,
        "domain": "lhseniorpeer.example.org",
        "phone": "(949) 555-0168",
        "desc": txt("""
            Trained volunteers aged 55 and over who offer free peer counselling, groups,
            friendly calls and rides to older adults in the Saddleback Valley, supervised by
            licensed clinicians.
        """),
        "locations": {
            "center": {
                "name": "Senior Peer Counseling Center",
                "street": "24035 El Toro Rd",
                "unit": "Suite 100",
                "zip": "92653",
                "transit": txt("""
                    OCTA route 89 stops on El Toro Rd; Laguna Woods shuttle stops at the
                    corner. Free parking with accessible spaces at the entrance.
                """),
                "wheelchair": True,
                "near_transit": True,
                "desc": "Ground-floor counselling rooms and a lounge.",
            },
        },
        "services": [
            {
                "key": "lhsp-peer-counseling",
                "name": "Senior Peer Counselling",
                "desc": txt("""
                    Weekly one-on-one visits with a trained senior volunteer for older adults
                    facing loss, loneliness, illness, caregiving stress or worries about
                    drinking or medications. Visits take place at the center, at home or by
                    phone.
                """),
                "cats": ["outpatient-counselling"],
                "delivery": ["in-person", "home-visit", "phone"],
                "pay": ["free"],
                "pop": ["older-adults"],
                "langs": ["en", "es", "ko"],
                "locs": ["center"],
                "areas": [SADDLEBACK_VALLEY],
                "hours": "MO-FR 09:00-16:00",
                "app": "Call to talk with the coordinator, who matches you with a volunteer.",
                "fees": "Free.",
                "wait": "About 2 to 3 weeks to be matched.",
                "elig": "Adults 60 and over in the Saddleback Valley.",
                "min_age": 60,
                "contacts": [("Evelyn Marsh", "Volunteer Program Coordinator")],
            },
            {
                "key": "lhsp-grief-group",
                "name": "Grief and Loss Group for Older Adults",
                "desc": txt("""
                    An eight-week group for older adults who have lost a spouse, partner,
                    child or close friend, co-led by a licensed clinician and a peer
                    counselor.
                    Members learn about grieving, share memories and find ways to care for
                    themselves. The group is kept small so everyone has time to speak.
                """),
                "cats": ["group-therapy-peer-support"],
                "delivery": ["in-person"],
                "pay": ["free"],
                "pop": ["older-adults"],
                "locs": ["center"],
                "hours": "TU 10:00-11:30",
                "app": "Call to register; groups start each season.",
                "fees": "Free.",
                "wait": "Next group starts within about 6 weeks.",
                "elig": "Adults 60 and over.",
                "min_age": 60,
                "capacity": ("seats", 3, 10, "Seats in the next group"),
            },
            {
                "key": "lhsp-friendly-calls",
                "name": "Friendly Phone Calls",
                "desc": txt("""
                    A volunteer calls at the same time each week for a chat and a check-in.
                    Good for older adults who live alone or are recovering at home.
                """),
                "cats": ["practical-support"],
                "delivery": ["phone"],
                "pay": ["free"],
                "pop": ["older-adults"],
                "langs": ["en", "es"],
                "areas": [SOUTH_COUNTY],
                "hours": "MO-SA 09:00-17:00",
                "app": "Call to sign up yourself or a relative.",
                "fees": "Free.",
                "wait": "Calls start within 1 week.",
                "elig": "Adults 60 and over in south Orange County.",
                "min_age": 60,
            },
            {
                "key": "lhsp-rides",
                "name": "Senior Rides to Appointments",
                "desc": txt("""
                    Volunteer drivers take older adults to counselling, medical and
                    pharmacy appointments in their own cars and wait with them if needed.
                    Rides are arranged around the rider's schedule, and drivers can stop at a
                    pharmacy on the way home.
                """),
                "cats": ["transportation"],
                "delivery": ["in-person"],
                "pay": ["free"],
                "pop": ["older-adults"],
                "areas": [SADDLEBACK_VALLEY],
                "hours": "MO-FR 08:00-16:00",
                "app": "Call at least 3 business days ahead.",
                "fees": "Free; donations accepted.",
                "wait": "Book 3 days ahead.",
                "elig": "Adults 60 and over who can get in and out of a car with little help.",
                "min_age": 60,
                "assured": "2024-09-18",
            },
        ],
    },
    # ---------------------------------------------------------------------------------- Tustin
    {
        "key": "tustinvets",
        "name": "Tustin Veterans Recovery Partnership",
        "alt": "TVRP",
        "domain": "tustinvets.example.org",
        "phone": "(714) 555-0140",
        "desc": txt("""
            A veteran-led nonprofit in Tustin providing residential treatment, transitional
            housing, peer groups, rides and emergency grants for veterans and their families.
        """),
        "locations": {
            "center": {
                "name": "TVRP Veterans Center",
                "street": "14902 Red Hill Ave",
                "zip": "92780",
                "transit": txt("""
                    OCTA route 71 stops on Red Hill Ave; the Tustin Metrolink station is
                    about 2 miles away and the center's shuttle meets trains on request.
                """),
                "wheelchair": True,
                "near_transit": True,
                "desc": "Community center with meeting rooms, offices and a canteen.",
            },
            "residence": {
                "name": "TVRP Residential Campus",
                "street": "1331 El Camino Real",
                "zip": "92780",
                "transit": "OCTA route 79 stops on Newport Ave, a 10-minute walk.",
                "wheelchair": True,
                "near_transit": False,
                "desc": "Residential treatment and transitional housing on one campus.",
            },
        },
        "services": [
            {
                "key": "tvrp-residential",
                "name": "Veterans Residential Recovery Program",
                "desc": txt("""
                    A 45- to 120-day residential program for veterans with substance use,
                    PTSD and other mental-health conditions, staffed partly by veterans.
                    Includes trauma therapy, peer mentoring, physical fitness and help with
                    VA benefits claims.
                """),
                "cats": ["residential-treatment"],
                "delivery": ["in-person"],
                "pay": ["medi-cal", "private-insurance", "free"],
                "pop": ["veterans", "adults"],
                "locs": ["residence"],
                "hours": "MO-FR 08:00-17:00 | Admissions",
                "app": "Call admissions; bring your DD-214 or we will help request it.",
                "fees": "Free to eligible veterans through community care contracts.",
                "wait": "About 1 to 3 weeks.",
                "elig": "Veterans 18 and over with any discharge status.",
                "min_age": 18,
                "capacity": ("beds", 5, 24, "Residential treatment beds"),
                "contacts": [("Marcus Reyes", "Admissions Coordinator")],
            },
            {
                "key": "tvrp-peer-group",
                "name": "Veterans Peer Support Group",
                "desc": txt("""
                    A veteran-to-veteran support group for those dealing with combat stress,
                    military sexual trauma, addiction or the transition to civilian life.
                    Family members may attend the Saturday session.
                """),
                "cats": ["group-therapy-peer-support"],
                "delivery": ["in-person"],
                "pay": ["free"],
                "pop": ["veterans"],
                "locs": ["center"],
                "hours": "TU 18:00-19:30 | Veterans only; SA 09:00-10:30 | Veterans and family",
                "app": "Walk in; bring proof of service if you have it.",
                "fees": "Free.",
                "wait": "No wait.",
                "elig": "Veterans and, on Saturdays, their families.",
            },
            {
                "key": "tvrp-shuttle",
                "name": "Veterans Appointment Shuttle",
                "desc": txt("""
                    A wheelchair-accessible shuttle to VA clinics in Orange County and Long
                    Beach, plus local treatment and court appointments.
                    Drivers are veterans themselves and will wait during appointments of up to two
                    hours.
                """),
                "cats": ["transportation"],
                "delivery": ["in-person"],
                "pay": ["free"],
                "pop": ["veterans"],
                "areas": [ORANGE_COUNTY],
                "hours": "MO-FR 06:30-18:00",
                "app": "Call the shuttle line at least 24 hours ahead.",
                "fees": "Free.",
                "wait": "Book a day ahead.",
                "elig": "Veterans living in Orange County.",
                "phones": [("voice", "(714) 555-0141", "Shuttle reservations")],
                "access": ["wheelchair-access"],
            },
            {
                "key": "tvrp-transitional-housing",
                "name": "Transitional Housing for Veterans",
                "desc": txt("""
                    Furnished rooms for up to 24 months for veterans leaving treatment or
                    homelessness, with a case manager who helps with income, benefits and
                    finding permanent housing.
                    Residents attend a weekly house meeting and agree to keep the property free of
                    alcohol and drugs.
                """),
                "cats": ["housing"],
                "delivery": ["in-person"],
                "pay": ["free", "sliding-scale"],
                "pop": ["veterans"],
                "locs": ["residence"],
                "hours": "MO-FR 09:00-17:00 | Office hours",
                "app": "Referral by the VA, a treatment program or TVRP staff.",
                "fees": "Residents with income pay 30% of it as program fees; otherwise free.",
                "wait": "1 to 2 months.",
                "elig": "Homeless or at-risk veterans 18 and over.",
                "min_age": 18,
                "capacity": ("beds", 1, 16, "Transitional housing rooms"),
            },
            {
                "key": "tvrp-emergency-grants",
                "name": "Veterans Emergency Grants",
                "desc": txt("""
                    Small grants to cover a gap such as a utility shutoff notice, car
                    registration or first month's rent while VA benefits are processed.
                    Grants average about $400 and are paid directly to the landlord, utility or
                    vendor.
                """),
                "cats": ["financial-assistance"],
                "delivery": ["in-person", "phone"],
                "pay": ["free"],
                "pop": ["veterans", "families"],
                "locs": ["center"],
                "areas": [ORANGE_COUNTY],
                "hours": "MO-TH 09:00-15:00",
                "app": "Call to request an application; a case manager reviews it with you.",
                "fees": "Free.",
                "wait": "Decision within 5 business days.",
                "elig": "Veterans and surviving spouses in Orange County.",
            },
        ],
    },
    # ----------------------------------------------------------------------------- Aliso Viejo
    {
        "key": "alisocreek",
        "name": "Aliso Creek Family Resource Center",
        "alt": None,
        "domain": "alisocreekfamily.example.org",
        "phone": "(949) 555-0115",
        "desc": txt("""
            A family resource center in Aliso Viejo supporting parents in recovery with a
            Spanish-language recovery circle, drop-in childcare, a pantry and parenting
            classes.
        """),
        "locations": {
            "center": {
                "name": "Aliso Creek Family Resource Center",
                "street": "26701 Aliso Creek Rd",
                "unit": "Suite 150",
                "zip": "92656",
                "transit": txt("""
                    OCTA route 85 stops at Aliso Creek Rd and Enterprise; free parking in the
                    shared lot.
                """),
                "wheelchair": True,
                "near_transit": True,
                "desc": "Family center with a playroom, classroom and pantry.",
            },
        },
        "services": [
            {
                "key": "acfrc-circulo",
                "name": "Spanish-Language Recovery Circle",
                "alt": "Círculo de Recuperación",
                "desc": txt("""
                    A peer support circle in Spanish for parents and other adults in recovery
                    from alcohol or drugs, led by a bilingual peer specialist with a
                    counselor available afterwards. Childcare is provided in the next room
                    during the circle.
                """),
                "cats": ["group-therapy-peer-support"],
                "delivery": ["in-person"],
                "pay": ["medi-cal", "free"],
                "pop": ["adults", "families"],
                "langs": ["es"],
                "locs": ["center"],
                "hours": "WE 18:00-19:30 | Evening circle; SA 11:00-12:30 | Saturday circle",
                "app": "Come 10 minutes early to meet the facilitator; no paperwork at first.",
                "fees": "Free; Medi-Cal members can also get one-on-one peer support at no cost.",
                "wait": "No wait.",
                "elig": "Adults 18 and over; conducted in Spanish.",
                "min_age": 18,
                "capacity": ("seats", 8, 18, "Seats per circle"),
                "contacts": [("Rosa Delgado", "Bilingual Peer Specialist")],
            },
            {
                "key": "acfrc-childcare",
                "name": "Drop-In Childcare for Parents in Treatment",
                "desc": txt("""
                    Free, licensed drop-in childcare for children 1 to 10 years old while a
                    parent attends treatment, a group, or a job interview nearby. Up to four
                    hours per visit.
                """),
                "cats": ["practical-support"],
                "delivery": ["in-person"],
                "pay": ["free"],
                "pop": ["families"],
                "langs": ["en", "es"],
                "locs": ["center"],
                "hours": "MO-FR 08:00-18:00; SA 09:00-13:00",
                "app": "Register once with the front desk, then book by phone or drop in.",
                "fees": "Free.",
                "wait": "Same day when space allows.",
                "elig": "Parents in a recovery or mental-health program; children aged 1 to 10.",
                "capacity": ("seats", 3, 12, "Childcare places"),
            },
            {
                "key": "acfrc-pantry",
                "name": "Family Pantry and Diaper Bank",
                "desc": txt("""
                    Groceries, fresh produce, diapers, wipes and formula for families twice a
                    week. Volunteers can pack a bag in advance for parents who can only come
                    at the end of the day.
                """),
                "cats": ["practical-support"],
                "delivery": ["in-person"],
                "pay": ["free"],
                "pop": ["families"],
                "langs": ["en", "es"],
                "locs": ["center"],
                "hours": "TU,TH 15:00-19:00",
                "app": "Bring proof of address the first time.",
                "fees": "Free.",
                "wait": "No wait.",
                "elig": "South Orange County families with children.",
            },
            {
                "key": "acfrc-parenting",
                "name": "Parenting in Recovery Class",
                "desc": txt("""
                    A ten-week class for parents in recovery on rebuilding trust with
                    children, age-appropriate honesty about addiction, routines and
                    discipline without shouting. Court-accepted certificates are available.
                """),
                "cats": ["family-education-support"],
                "delivery": ["in-person"],
                "pay": ["free"],
                "pop": ["families", "adults"],
                "langs": ["en", "es"],
                "locs": ["center"],
                "hours": "TH 18:00-20:00",
                "app": "Call to reserve a place.",
                "fees": "Free.",
                "wait": "A new class starts every 10 weeks.",
                "elig": "Parents and caregivers 18 and over.",
                "min_age": 18,
                "capacity": ("seats", 6, 20, "Seats in the current class"),
            },
        ],
    },
    # --------------------------------------------------------------------- Irvine (Korean)
    {
        "key": "hanbit",
        "name": "Hanbit Korean Community Counseling",
        "alt": None,
        "domain": "hanbitcounseling.example.org",
        "phone": "(949) 555-0188",
        "desc": txt("""
            A Korean-language counselling center with offices in Irvine and Garden Grove,
            serving Korean American individuals and families across California.
        """),
        "locations": {
            "irvine": {
                "name": "Hanbit Irvine Office",
                "street": "17950 Sky Park Cir",
                "unit": "Suite 220",
                "zip": "92614",
                "transit": txt("""
                    OCTA route 59 stops on Red Hill Ave, a 5-minute walk; the iShuttle from
                    Tustin Metrolink stops nearby. Free parking.
                """),
                "wheelchair": True,
                "near_transit": True,
                "desc": "Second-floor office with elevator.",
            },
            "garden_grove": {
                "name": "Hanbit Garden Grove Office",
                "street": "12900 Garden Grove Blvd",
                "unit": "Suite 3",
                "zip": "92840",
                "transit": "OCTA route 56 stops on Garden Grove Blvd in front of the plaza.",
                "wheelchair": True,
                "near_transit": True,
                "desc": "Storefront office used for groups and family meetings.",
            },
        },
        "services": [
            {
                "key": "hanbit-counseling",
                "name": "Korean-Language Counselling",
                "desc": txt("""
                    Individual, couples and family counselling in Korean for depression,
                    anxiety, family conflict, gambling and alcohol problems. Counselors bring
                    a bicultural understanding of the pressures Korean American families
                    face.
                """),
                "cats": ["outpatient-counselling"],
                "delivery": ["in-person", "telehealth-video"],
                "pay": ["medi-cal", "private-insurance", "sliding-scale"],
                "pop": ["adults", "families", "older-adults"],
                "langs": ["ko", "en"],
                "locs": ["irvine"],
                "areas": [ORANGE_COUNTY],
                "hours": "MO-FR 09:00-19:00; SA 10:00-14:00",
                "app": "Call for a phone intake in Korean or English.",
                "fees": "Medi-Cal and several private plans; self-pay $30 to $100 per session.",
                "wait": "About 2 weeks.",
                "elig": "Anyone 12 and over; under 18 with parent consent.",
                "min_age": 12,
                "costs": [("Per session (sliding scale)", 30, "From $30 to $100 by income")],
                "contacts": [("Grace Yoon", "Clinical Supervisor")],
            },
            {
                "key": "hanbit-family-group",
                "name": "Korean Family Support Group",
                "desc": txt("""
                    A Friday evening group in Korean for parents and spouses of someone with
                    a mental illness or addiction, mixing short education talks with time to
                    share and support each other.
                    Newcomers can ask questions privately after the group, and a counselor is
                    available for follow-up.
                """),
                "cats": ["family-education-support"],
                "delivery": ["in-person"],
                "pay": ["free"],
                "pop": ["families"],
                "langs": ["ko"],
                "locs": ["garden_grove"],
                "hours": "FR 19:00-21:00",
                "app": "Call or just come.",
                "fees": "Free.",
                "wait": "No wait.",
                "elig": "Family members; conducted in Korean.",
            },
            {
                "key": "hanbit-statewide-video",
                "name": "Korean-Language Video Counselling (Statewide)",
                "desc": txt("""
                    Video counselling in Korean for people anywhere in California, including
                    areas with no Korean-speaking therapists nearby. Evening slots are
                    available for working adults.
                """),
                "cats": ["telehealth", "outpatient-counselling"],
                "delivery": ["telehealth-video"],
                "pay": ["private-insurance", "sliding-scale"],
                "langs": ["ko", "en"],
                "areas": [CALIFORNIA],
                "hours": "MO-TH 10:00-20:00",
                "app": "Call the main line; sessions use a secure link sent by text.",
                "fees": "Several private plans; self-pay $30 to $100 per session.",
                "wait": "1 to 2 weeks.",
                "elig": "Adults in California.",
                "min_age": 18,
                "costs": [("Per session (sliding scale)", 30, "From $30 to $100 by income")],
            },
        ],
    },
    # ----------------------------------------------------------------------- Irvine (Farsi)
    {
        "key": "mehr",
        "name": "Mehr Persian Wellness Circle",
        "alt": None,
        "domain": "mehrwellness.example.org",
        "phone": "(949) 555-0172",
        "desc": txt("""
            A counselling and community education organization in Irvine for Iranian American
            and Farsi-speaking families, offering therapy, an online support group and family
            evenings.
        """),
        "locations": {
            "irvine": {
                "name": "Mehr Wellness Office",
                "street": "15420 Laguna Canyon Rd",
                "unit": "Suite 160",
                "zip": "92618",
                "transit": txt("""
                    Irvine Station (Metrolink and OCTA routes 480 and 86) is about 2 miles
                    away; free parking on site.
                """),
                "wheelchair": True,
                "near_transit": False,
                "desc": "Ground-floor office with a family meeting room.",
            },
        },
        "services": [
            {
                "key": "mehr-counseling",
                "name": "Farsi-Language Counselling",
                "desc": txt("""
                    Therapy in Farsi or English for depression, anxiety, trauma, family
                    conflict and substance use, with counselors who understand immigration
                    and generational differences.
                    Sessions can be held in person in Irvine or by video, and family members can
                    join when the client wishes.
                """),
                "cats": ["outpatient-counselling"],
                "delivery": ["in-person", "telehealth-video"],
                "pay": ["private-insurance", "sliding-scale", "cash"],
                "langs": ["fa", "en"],
                "locs": ["irvine"],
                "areas": [ORANGE_COUNTY],
                "hours": "MO-TH 10:00-20:00; SU 11:00-16:00",
                "app": "Call or email to request a first appointment.",
                "fees": "Private insurance or $60 to $150 per session on a sliding scale.",
                "wait": "About 1 to 2 weeks.",
                "elig": "Adults and teens 15 and over.",
                "min_age": 15,
                "costs": [("Per session (sliding scale)", 60, "From $60 to $150 by income")],
            },
            {
                "key": "mehr-online-group",
                "name": "Farsi-Language Online Support Group",
                "desc": txt("""
                    A weekly video support group in Farsi for adults living with anxiety,
                    depression or addiction, and for those supporting them. Cameras are
                    optional and first names only.
                """),
                "cats": ["telehealth", "group-therapy-peer-support"],
                "delivery": ["online-group"],
                "pay": ["free"],
                "langs": ["fa"],
                "areas": [CALIFORNIA],
                "hours": "SU 19:00-20:30",
                "app": "Email to receive the link; a facilitator calls new members first.",
                "fees": "Free.",
                "wait": "No wait.",
                "elig": "Adults 18 and over in California.",
                "min_age": 18,
            },
            {
                "key": "mehr-family-evenings",
                "name": "Family Education Evenings",
                "desc": txt("""
                    Monthly talks in Farsi and English for families about mental illness,
                    addiction, stigma and how to get help, followed by tea and questions with
                    a clinician.
                    Each evening has a guest speaker, such as a psychiatrist or someone in long-term
                    recovery.
                """),
                "cats": ["family-education-support"],
                "delivery": ["in-person"],
                "pay": ["free"],
                "pop": ["families"],
                "langs": ["fa", "en"],
                "locs": ["irvine"],
                "hours": "TH 19:00-21:00 | Last Thursday of the month",
                "app": "RSVP by phone or email.",
                "fees": "Free.",
                "wait": "Next monthly evening.",
                "elig": "Everyone welcome.",
            },
        ],
    },
    # ------------------------------------------------------------------------ countywide rides
    {
        "key": "ocrides",
        "name": "OC Care Rides Cooperative",
        "alt": None,
        "domain": "ocrides.example.org",
        "phone": "(714) 555-0105",
        "desc": txt("""
            A driver-owned cooperative in Santa Ana providing non-emergency medical rides
            across Orange County, including wheelchair vans and rides home after a crisis
            stay.
        """),
        "locations": {},
        "services": [
            {
                "key": "ocrides-medi-cal",
                "name": "Medi-Cal Rides to Treatment",
                "desc": txt("""
                    Door-to-door rides to counselling, methadone and other medication
                    clinics, groups and medical appointments for Medi-Cal members. Standing
                    orders can be set up for daily or weekly appointments.
                """),
                "cats": ["transportation"],
                "delivery": ["in-person"],
                "pay": ["medi-cal"],
                "langs": ["en", "es", "vi"],
                "areas": [ORANGE_COUNTY],
                "hours": "MO-SA 05:30-21:00",
                "app": "Call the booking line with your Medi-Cal number at least 2 days ahead.",
                "fees": "Covered by Medi-Cal; no cost to members.",
                "wait": "48 hours' notice; standing rides for daily dosing appointments.",
                "elig": "Medi-Cal members in Orange County.",
                "phones": [("voice", "(714) 555-0106", "Ride booking")],
            },
            {
                "key": "ocrides-wheelchair-van",
                "name": "Wheelchair Van Service",
                "desc": txt("""
                    Ramp-equipped vans with trained drivers for people who use wheelchairs or
                    scooters. Drivers help from the door of the home to the door of the
                    clinic.
                """),
                "cats": ["transportation"],
                "delivery": ["in-person"],
                "pay": ["medi-cal", "medicare", "cash"],
                "langs": ["en", "es"],
                "areas": [ORANGE_COUNTY],
                "hours": "MO-FR 06:00-20:00; SA 08:00-16:00",
                "app": "Call the booking line 2 business days ahead.",
                "fees": "Medi-Cal and some Medicare plans cover rides; self-pay from $45 per trip.",
                "wait": "2 business days.",
                "elig": "Anyone in Orange County who needs a wheelchair-accessible vehicle.",
                "costs": [("Per one-way trip (self-pay)", 45, "Up to 10 miles; $3 per extra mile")],
                "phones": [("voice", "(714) 555-0106", "Ride booking")],
                "access": ["wheelchair-access"],
            },
            {
                "key": "ocrides-discharge",
                "name": "Discharge Rides Home",
                "desc": txt("""
                    Same-day rides home or to a shelter or sober living home for people
                    leaving a crisis stabilization unit, detox or emergency room in Orange
                    County.
                    Drivers wait until the passenger is safely inside and can stop at a pharmacy to
                    fill discharge prescriptions.
                """),
                "cats": ["transportation"],
                "delivery": ["in-person"],
                "pay": ["free"],
                "areas": [ORANGE_COUNTY],
                "hours": "MO-SU 07:00-23:00",
                "app": "Discharge staff book the ride; patients can also ask their nurse.",
                "fees": "Free, funded by a county contract.",
                "wait": "Usually within 90 minutes.",
                "elig": "People discharged from an Orange County crisis or detox program.",
                "phones": [("voice", "(714) 555-0106", "Ride booking")],
            },
        ],
    },
    # ------------------------------------------------------------------------- Laguna Niguel
    {
        "key": "scneighbors",
        "name": "South County Neighbors Ride Network",
        "alt": None,
        "domain": "scneighborsride.example.org",
        "phone": "(949) 555-0127",
        "desc": txt("""
            A volunteer network in Laguna Niguel giving rides, bus travel training and
            grocery runs to neighbors in recovery and older adults across south Orange
            County.
        """),
        "locations": {
            "office": {
                "name": "South County Neighbors Office",
                "street": "27932 La Paz Rd",
                "unit": "Suite C",
                "zip": "92677",
                "transit": "OCTA route 87 stops at La Paz Rd and Crown Valley Pkwy.",
                "wheelchair": True,
                "near_transit": True,
                "desc": "Dispatch office; clients rarely need to visit.",
            },
        },
        "services": [
            {
                "key": "scnr-volunteer-rides",
                "name": "Volunteer Rides to Recovery Appointments",
                "desc": txt("""
                    Background-checked volunteer drivers take people to treatment, support
                    groups, probation and medical appointments in south Orange County and to
                    Irvine. Return trips are included.
                """),
                "cats": ["transportation"],
                "delivery": ["in-person"],
                "pay": ["free"],
                "langs": ["en", "es"],
                "areas": [SOUTH_COUNTY],
                "hours": "MO-FR 07:00-19:00; SA 08:00-14:00",
                "app": "Call the office to register, then book each ride 2 days ahead.",
                "fees": "Free.",
                "wait": "2 days' notice; standing weekly rides possible.",
                "elig": "Adults in south Orange County without a car or license.",
                "min_age": 18,
            },
            {
                "key": "scnr-travel-training",
                "name": "Bus Travel Training",
                "desc": txt("""
                    A volunteer rides the bus with you until you are confident: reading
                    schedules, paying fares, using the OCTA app and transferring. Usually two
                    or three outings.
                """),
                "cats": ["transportation", "practical-support"],
                "delivery": ["in-person"],
                "pay": ["free"],
                "langs": ["en", "es"],
                "locs": ["office"],
                "areas": [SOUTH_COUNTY],
                "hours": "MO-FR 09:00-15:00",
                "app": "Call to be matched with a travel trainer.",
                "fees": "Free, including the first day pass.",
                "wait": "1 to 2 weeks.",
                "elig": "Anyone in south Orange County.",
            },
            {
                "key": "scnr-grocery-runs",
                "name": "Grocery and Pharmacy Runs",
                "desc": txt("""
                    Volunteers pick up groceries and prescriptions for people who are unwell,
                    recovering from surgery or in early recovery and unable to get out.
                    Volunteers shop from your list and bring the receipt; you pay the store cost
                    when the groceries arrive.
                """),
                "cats": ["practical-support"],
                "delivery": ["home-visit"],
                "pay": ["free"],
                "areas": [SOUTH_COUNTY],
                "hours": "MO-SA 10:00-16:00",
                "app": "Call by noon the day before.",
                "fees": "Free delivery; you pay for your groceries.",
                "wait": "Next day.",
                "elig": "South Orange County residents who cannot shop for themselves.",
            },
        ],
    },
    # --------------------------------------------------------------------- Irvine (funding)
    {
        "key": "pathwaysfund",
        "name": "Pathways Recovery Fund",
        "alt": None,
        "domain": "pathwaysfund.example.org",
        "phone": "(657) 555-0144",
        "desc": txt("""
            A charitable fund in Irvine that helps Orange County residents pay for
            treatment, medication and essential bills while they recover.
        """),
        "locations": {
            "office": {
                "name": "Pathways Recovery Fund Office",
                "street": "2101 Business Center Dr",
                "unit": "Suite 230",
                "zip": "92612",
                "transit": "OCTA route 57 stops on Michelson Dr, a 6-minute walk.",
                "wheelchair": True,
                "near_transit": True,
                "desc": "Office appointments by arrangement; most help is by phone.",
            },
        },
        "services": [
            {
                "key": "prf-scholarships",
                "name": "Treatment Scholarships",
                "desc": txt("""
                    Partial scholarships of up to $3,000 toward residential or intensive
                    outpatient treatment at licensed Orange County programs, paid directly to
                    the provider.
                    They are meant for people whose insurance does not cover the level of care they
                    need, or who have no coverage. A review committee meets monthly.
                """),
                "cats": ["financial-assistance"],
                "delivery": ["phone", "in-person"],
                "pay": ["free"],
                "locs": ["office"],
                "areas": [ORANGE_COUNTY],
                "hours": "MO-FR 09:00-16:00",
                "app": "Your treatment provider submits the application with you.",
                "fees": "Free.",
                "wait": "Reviewed monthly; apply by the 15th.",
                "elig": "Orange County adults without insurance coverage for the treatment.",
                "min_age": 18,
                "assured": "2025-01-22",
            },
            {
                "key": "prf-utility-help",
                "name": "Utility and Phone Bill Help",
                "desc": txt("""
                    Help with an overdue electric, gas, water or phone bill so people in
                    treatment can keep the lights on and stay reachable for appointments.
                    Payments of up to $300 per household go directly to the utility or phone
                    company.
                """),
                "cats": ["financial-assistance", "practical-support"],
                "delivery": ["phone"],
                "pay": ["free"],
                "langs": ["en", "es"],
                "areas": [ORANGE_COUNTY],
                "hours": "MO-TH 09:00-16:00",
                "app": "Call with the bill and a letter from your treatment program.",
                "fees": "Free.",
                "wait": "About 1 week.",
                "elig": "Orange County residents in a recovery program, once per year.",
            },
            {
                "key": "prf-copay",
                "name": "Prescription and Co-Pay Assistance",
                "desc": txt("""
                    Covers co-pays for psychiatric medication, medications for addiction
                    treatment and therapy visits for people whose insurance leaves them with
                    costs they cannot afford.
                    Help can continue for up to six months while staff look for longer-term coverage
                    or manufacturer programs.
                """),
                "cats": ["financial-assistance"],
                "delivery": ["phone"],
                "pay": ["free"],
                "areas": [ORANGE_COUNTY],
                "hours": "MO-FR 09:00-16:00",
                "app": "Call or ask your pharmacist or clinic to contact us.",
                "fees": "Free.",
                "wait": "3 to 5 business days.",
                "elig": "Orange County residents with household income under 300% of poverty.",
                "contacts": [("Helen Park", "Grants Manager")],
            },
        ],
    },
    # --------------------------------------------------------------- Costa Mesa (warmline)
    {
        "key": "coastalwarmline",
        "name": "Coastal Peer Warmline",
        "alt": None,
        "domain": "coastalwarmline.example.org",
        "phone": "(714) 555-0159",
        "desc": txt("""
            A peer-run support line based in Costa Mesa. Everyone who answers has lived
            experience of mental-health challenges or addiction. Calls, texts and online
            meetings are open to anyone in California.
        """),
        "locations": {},
        "services": [
            {
                "key": "cpw-warmline",
                "name": "Peer Warmline",
                "desc": txt("""
                    A non-crisis line to talk with a trained peer when you feel lonely,
                    anxious or are struggling with cravings. Peers listen, share what helped
                    them and suggest local resources. """ + CRISIS_NOTE),
                "cats": ["telehealth", "group-therapy-peer-support"],
                "delivery": ["phone"],
                "pay": ["free"],
                "langs": ["en", "es"],
                "areas": [CALIFORNIA],
                "hours": "MO-SU 07:00-23:00",
                "app": "Call any time the line is open.",
                "fees": "Free.",
                "wait": "Usually answered within 5 minutes.",
                "elig": "Anyone 18 and over in California.",
                "min_age": 18,
                "phones": [("voice", "(714) 555-0160", "Warmline")],
            },
            {
                "key": "cpw-text",
                "name": "Peer Text Support",
                "desc": txt("""
                    Text with a peer supporter if a phone call feels like too much.
                    Conversations are private and you can stop at any time. """ + CRISIS_NOTE),
                "cats": ["telehealth"],
                "delivery": ["phone"],
                "pay": ["free"],
                "areas": [CALIFORNIA],
                "hours": "MO-SU 12:00-23:00",
                "app": "Text HELLO to the text line.",
                "fees": "Free; standard message rates may apply.",
                "wait": "Replies within about 10 minutes.",
                "elig": "Anyone 16 and over in California.",
                "min_age": 16,
                "phones": [("text", "(714) 555-0161", "Peer text line")],
            },
            {
                "key": "cpw-online-meetings",
                "name": "Online Peer Recovery Meetings",
                "desc": txt("""
                    Drop-in video meetings for anyone in recovery from mental-health
                    challenges or substance use, facilitated by certified peer specialists.
                    Includes a Spanish-language meeting on Tuesdays.
                """),
                "cats": ["telehealth", "group-therapy-peer-support"],
                "delivery": ["online-group"],
                "pay": ["free"],
                "langs": ["en", "es"],
                "areas": [CALIFORNIA],
                "hours": txt("""
                    MO-FR 12:00-13:00 | Lunchtime meeting; MO,WE 19:00-20:00 | Evening meeting;
                    TU 19:00-20:00 | Spanish-language meeting; SU 10:00-11:00 | Sunday meeting
                """),
                "app": "Register once on the website to get the meeting links.",
                "fees": "Free.",
                "wait": "No wait.",
                "elig": "Adults 18 and over in California.",
                "min_age": 18,
            },
        ],
    },
    # --------------------------------------------------------------------------- Mission Viejo
    {
        "key": "firststep",
        "name": "Mission Viejo First Step Fellowship",
        "alt": None,
        "domain": "firststepmv.example.org",
        "phone": "(949) 555-0196",
        "desc": txt("""
            A volunteer fellowship that hosts free recovery meetings in two Mission Viejo
            halls, including early-morning, Spanish-language and women's meetings.
        """),
        "locations": {
            "jeronimo": {
                "name": "First Step Hall - Jeronimo",
                "street": "25800 Jeronimo Rd",
                "unit": "Building B",
                "zip": "92691",
                "transit": "OCTA route 82 stops on Jeronimo Rd; free parking.",
                "wheelchair": True,
                "near_transit": True,
                "desc": "A meeting hall with kitchen, shared with other community groups.",
            },
            "marguerite": {
                "name": "First Step Hall - Marguerite",
                "street": "28181 Marguerite Pkwy",
                "unit": "Room 5",
                "zip": "92692",
                "transit": "OCTA route 87 stops at Marguerite Pkwy and Oso Pkwy.",
                "wheelchair": False,
                "near_transit": True,
                "desc": "An upstairs meeting room in a community building.",
                "access_note": "Room 5 is upstairs, no elevator; call and we will meet downstairs.",
            },
        },
        "services": [
            {
                "key": "fsf-morning-meetings",
                "name": "Early Morning Recovery Meetings",
                "desc": txt("""
                    Daily meetings before work with readings, a topic and open sharing. A
                    good place to meet others in recovery and find a sponsor.
                """),
                "cats": ["group-therapy-peer-support"],
                "delivery": ["in-person"],
                "pay": ["free"],
                "locs": ["jeronimo"],
                "hours": "MO-FR 06:30-07:30; SA,SU 08:00-09:30",
                "app": "Just come.",
                "fees": "Free; voluntary contributions.",
                "wait": "No wait.",
                "elig": "Anyone with a desire to stop drinking or using.",
            },
            {
                "key": "fsf-spanish-meeting",
                "name": "Spanish-Language Recovery Meeting",
                "alt": "Junta de Recuperación en Español",
                "desc": txt("""
                    A twice-weekly meeting held in Spanish with readings, sharing and a
                    monthly speaker. Newcomers receive a welcome packet in Spanish.
                """),
                "cats": ["group-therapy-peer-support"],
                "delivery": ["in-person"],
                "pay": ["free"],
                "langs": ["es"],
                "locs": ["jeronimo"],
                "hours": "TU,FR 20:00-21:00",
                "app": "Just come.",
                "fees": "Free; voluntary contributions.",
                "wait": "No wait.",
                "elig": "Anyone who wants help with alcohol or drugs.",
            },
            {
                "key": "fsf-womens-meeting",
                "name": "Women's Recovery Meeting",
                "desc": txt("""
                    A women-only meeting focused on the challenges women face in recovery,
                    including parenting, relationships and trauma.
                    Childcare is available in the next room during the Sunday meeting.
                """),
                "cats": ["group-therapy-peer-support"],
                "delivery": ["in-person"],
                "pay": ["free"],
                "locs": ["marguerite"],
                "hours": "WE 10:00-11:00; SU 17:00-18:00",
                "app": "Just come.",
                "fees": "Free; voluntary contributions.",
                "wait": "No wait.",
                "elig": "Women and non-binary people.",
            },
        ],
    },
    # ---------------------------------------------------------------------------- Garden Grove
    {
        "key": "ggneighbors",
        "name": "Garden Grove Neighbors Pantry & Errand Network",
        "alt": None,
        "domain": "ggneighbors.example.org",
        "phone": "(714) 555-0181",
        "desc": txt("""
            A neighborhood mutual-aid group in Garden Grove that runs a walk-in pantry and
            delivers groceries to people in treatment or recovering at home.
        """),
        "locations": {
            "pantry": {
                "name": "Neighbors Pantry",
                "street": "11277 Garden Grove Blvd",
                "zip": "92843",
                "transit": "OCTA route 56 stops on Garden Grove Blvd at Euclid St.",
                "wheelchair": True,
                "near_transit": True,
                "desc": "Pantry in the fellowship hall of a community church.",
            },
        },
        "services": [
            {
                "key": "ggn-grocery-delivery",
                "name": "Home Grocery Delivery During Treatment",
                "desc": txt("""
                    A weekly box of groceries delivered to the door for households where a
                    member is in intensive treatment or recovering from a crisis, for up to
                    eight weeks.
                    Boxes include fresh produce, and drivers can leave them at the door for people
                    who prefer not to have visitors.
                """),
                "cats": ["practical-support"],
                "delivery": ["home-visit"],
                "pay": ["free"],
                "langs": ["en", "es", "vi"],
                "areas": [WEST_COUNTY],
                "hours": "TH 10:00-18:00 | Delivery day",
                "app": "A counselor, case manager or the household can call to request it.",
                "fees": "Free.",
                "wait": "Deliveries start the next Thursday.",
                "elig": "Households in the listed ZIP codes.",
            },
            {
                "key": "ggn-pantry",
                "name": "Walk-In Food Pantry",
                "desc": txt("""
                    Shelf-stable food, fresh produce and bread twice a week, choose-your-own
                    style. Hygiene kits are also available.
                """),
                "cats": ["practical-support"],
                "delivery": ["in-person"],
                "pay": ["free"],
                "langs": ["en", "es", "vi"],
                "locs": ["pantry"],
                "hours": "TU 16:00-19:00; SA 09:00-12:00",
                "app": "Walk in; no documents required.",
                "fees": "Free.",
                "wait": "Usually a short line.",
                "elig": "Anyone in need.",
            },
            {
                "key": "ggn-errands",
                "name": "Volunteer Errand Help",
                "desc": txt("""
                    Volunteers helped with errands such as picking up mail, taking out bins
                    and walking dogs for neighbors in treatment.
                    The program was paused when its volunteer coordinator left.
                """),
                "cats": ["practical-support"],
                "delivery": ["home-visit"],
                "pay": ["free"],
                "areas": [WEST_COUNTY],
                "hours": "MO-FR 10:00-16:00",
                "app": "Not currently taking requests.",
                "fees": "Free.",
                "wait": "Not taking requests.",
                "elig": "Residents of the listed ZIP codes.",
                "status": "inactive",
                "assured": "2024-07-09",
            },
        ],
    },
    # ------------------------------------------------------------------------ Anaheim (Arabic)
    {
        "key": "alnoor",
        "name": "Al-Noor Family Support Center",
        "alt": None,
        "domain": "alnoorfamily.example.org",
        "phone": "(714) 555-0117",
        "desc": txt("""
            A family support center in west Anaheim offering counselling, family education
            and women's groups in Arabic and English, with staff from Arab American
            communities.
        """),
        "locations": {
            "lincoln": {
                "name": "Al-Noor Family Support Center",
                "street": "1550 W Lincoln Ave",
                "unit": "Suite 12",
                "zip": "92801",
                "transit": "OCTA route 42 stops at Lincoln Ave and Euclid St; free parking.",
                "wheelchair": True,
                "near_transit": True,
                "desc": "Ground-floor center with a separate entrance for the women's room.",
            },
        },
        "services": [
            {
                "key": "alnoor-family-series",
                "name": "Arabic-Language Family Education Series",
                "desc": txt("""
                    A six-week series in Arabic for families about depression, anxiety,
                    trauma and addiction, how to talk about them at home and how treatment
                    works in the United States.
                    Sessions are led by a counselor together with a community member who has
                    supported a relative through treatment.
                """),
                "cats": ["family-education-support"],
                "delivery": ["in-person"],
                "pay": ["free"],
                "pop": ["families"],
                "langs": ["ar", "en"],
                "locs": ["lincoln"],
                "hours": "SU 16:00-18:00",
                "app": "Call to register; walk-ins welcome in the first two weeks.",
                "fees": "Free.",
                "wait": "Series start every two months.",
                "elig": "Family members of all ages; children's activities provided.",
                "capacity": ("seats", 11, 30, "Seats in the current series"),
            },
            {
                "key": "alnoor-counseling",
                "name": "Culturally Responsive Counselling",
                "desc": txt("""
                    Individual and family counselling in Arabic or English, respecting faith
                    and family values. Counselors work with trauma, grief, depression and
                    substance use.
                """),
                "cats": ["outpatient-counselling"],
                "delivery": ["in-person", "telehealth-video"],
                "pay": ["medi-cal", "sliding-scale"],
                "pop": ["adults", "families"],
                "langs": ["ar", "en"],
                "locs": ["lincoln"],
                "areas": [ORANGE_COUNTY],
                "hours": "MO-TH 10:00-19:00; SA 10:00-14:00",
                "app": "Call the intake worker; both male and female counselors are available.",
                "fees": "No cost with Medi-Cal; $15 to $60 per session otherwise.",
                "wait": "About 2 weeks.",
                "elig": "Adults and families in Orange County.",
                "costs": [("Per session (sliding scale)", 15, "From $15 to $60 by income")],
                "contacts": [("Samira Khoury", "Intake Coordinator")],
            },
            {
                "key": "alnoor-womens-circle",
                "name": "Women's Wellness Circle",
                "desc": txt("""
                    A weekly morning circle for women to talk about stress, family life and
                    wellbeing in a private, women-only space, with a counselor present.
                    Childcare is available, and some sessions include gentle exercise or cooking
                    together.
                """),
                "cats": ["group-therapy-peer-support"],
                "delivery": ["in-person"],
                "pay": ["free"],
                "langs": ["ar", "en"],
                "locs": ["lincoln"],
                "hours": "WE 11:00-12:30",
                "app": "Just come, or call to ask a question first.",
                "fees": "Free.",
                "wait": "No wait.",
                "elig": "Women 18 and over.",
                "min_age": 18,
            },
        ],
    },
    # ----------------------------------------------------------------------- Anaheim (Tagalog)
    {
        "key": "kapwa",
        "name": "Kapwa Filipino Wellness Network",
        "alt": None,
        "domain": "kapwawellness.example.org",
        "phone": "(657) 555-0163",
        "desc": txt("""
            A Filipino American wellness organization in east Anaheim providing counselling,
            caregiver support and online groups in Tagalog and English.
        """),
        "locations": {
            "katella": {
                "name": "Kapwa Wellness Office",
                "street": "2220 E Katella Ave",
                "unit": "Suite 140",
                "zip": "92806",
                "transit": "OCTA route 50 stops on Katella Ave near State College Blvd.",
                "wheelchair": True,
                "near_transit": True,
                "desc": "Office suite with two counselling rooms and a meeting room.",
            },
        },
        "services": [
            {
                "key": "kapwa-counseling",
                "name": "Tagalog-Language Counselling",
                "desc": txt("""
                    Counselling in Tagalog or English for individuals and families dealing
                    with stress, depression, burnout or alcohol use, in person or by video.
                    Counselors understand pressures many Filipino families face, such as caregiving
                    across generations and long shifts in healthcare jobs.
                """),
                "cats": ["outpatient-counselling", "telehealth"],
                "delivery": ["in-person", "telehealth-video"],
                "pay": ["medi-cal", "private-insurance", "sliding-scale"],
                "langs": ["tl", "en"],
                "locs": ["katella"],
                "areas": [ORANGE_COUNTY],
                "hours": "MO-FR 10:00-20:00; SA 09:00-13:00",
                "app": "Call or send a message through the website.",
                "fees": "Medi-Cal, private plans, or $20 to $80 per session.",
                "wait": "About 10 days.",
                "elig": "Adults and families in Orange County.",
                "costs": [("Per session (sliding scale)", 20, "From $20 to $80 by income")],
            },
            {
                "key": "kapwa-caregiver-group",
                "name": "Caregivers' Kwentuhan Support Group",
                "desc": txt("""
                    A relaxed, story-sharing support group for family caregivers of loved
                    ones with mental illness, dementia or addiction, in Tagalog and English.
                    Members swap practical tips, learn about respite care and benefits, and take
                    time to look after themselves.
                """),
                "cats": ["family-education-support", "group-therapy-peer-support"],
                "delivery": ["in-person"],
                "pay": ["free"],
                "pop": ["families", "older-adults"],
                "langs": ["tl", "en"],
                "locs": ["katella"],
                "hours": "SA 15:00-17:00",
                "app": "Just come; merienda is served.",
                "fees": "Free.",
                "wait": "No wait.",
                "elig": "Family caregivers.",
            },
            {
                "key": "kapwa-health-workers",
                "name": "Online Support Group for Healthcare Workers",
                "desc": txt("""
                    A confidential video group for nurses, caregivers and other healthcare
                    workers dealing with burnout, grief or substance use, facilitated by a
                    Filipino American therapist.
                    Members do not need to name their workplace or turn on their cameras.
                """),
                "cats": ["telehealth", "group-therapy-peer-support"],
                "delivery": ["online-group"],
                "pay": ["free"],
                "langs": ["en", "tl"],
                "areas": [CALIFORNIA],
                "hours": "TH 20:00-21:00",
                "app": "Email to request the link; first names only.",
                "fees": "Free.",
                "wait": "No wait.",
                "elig": "Healthcare workers 18 and over in California.",
                "min_age": 18,
            },
        ],
    },
    # ------------------------------------------------------------------------ Tustin (Mandarin)
    {
        "key": "jadebridge",
        "name": "Jade Bridge Counseling",
        "alt": None,
        "domain": "jadebridgecounseling.example.org",
        "phone": "(714) 555-0134",
        "desc": txt("""
            A Mandarin- and English-speaking counselling practice in Tustin serving Chinese
            American individuals and families in person and across California by video.
        """),
        "locations": {
            "newport": {
                "name": "Jade Bridge Counseling Office",
                "street": "13891 Newport Ave",
                "unit": "Suite 110",
                "zip": "92780",
                "transit": "OCTA route 79 stops on Newport Ave at Main St.",
                "wheelchair": False,
                "near_transit": True,
                "desc": "A small office on the second floor of a medical building.",
                "access_note": txt("""
                    The building's elevator has been out of service; clients who cannot use
                    stairs are offered video sessions or a ground-floor room by arrangement.
                """),
            },
        },
        "services": [
            {
                "key": "jade-counseling",
                "name": "Mandarin-Language Counselling",
                "desc": txt("""
                    Individual and family counselling in Mandarin or English for anxiety,
                    depression, academic stress, family conflict and gambling or alcohol
                    problems.
                    Therapists can also meet with parents and grandparents to bridge differences
                    between generations.
                """),
                "cats": ["outpatient-counselling"],
                "delivery": ["in-person"],
                "pay": ["private-insurance", "sliding-scale", "cash"],
                "langs": ["zh", "en"],
                "locs": ["newport"],
                "hours": "MO-FR 10:00-19:00; SA 10:00-15:00",
                "app": "Call or email in Mandarin or English to book.",
                "fees": "Several private plans; self-pay $50 to $140 per session.",
                "wait": "About 1 to 2 weeks.",
                "elig": "Children 8 and over, teens, adults and families.",
                "pop": ["adults", "youth", "families"],
                "min_age": 8,
                "costs": [("Per session (sliding scale)", 50, "From $50 to $140 by income")],
            },
            {
                "key": "jade-statewide-video",
                "name": "Mandarin-Language Video Counselling (Statewide)",
                "desc": txt("""
                    Video counselling in Mandarin for adults anywhere in California, with
                    early-morning and evening times for people working across time zones.
                    Sessions use a secure platform that works on a phone, and you keep the same
                    therapist throughout.
                """),
                "cats": ["telehealth"],
                "delivery": ["telehealth-video"],
                "pay": ["private-insurance", "cash"],
                "langs": ["zh", "en"],
                "areas": [CALIFORNIA],
                "hours": "MO-FR 07:00-09:00 | Early sessions; MO-TH 18:00-21:00 | Evening sessions",
                "app": "Book by phone or email; a secure link is sent before each session.",
                "fees": "Several private plans; self-pay $120 per session.",
                "wait": "About 1 week.",
                "elig": "Adults 18 and over in California.",
                "min_age": 18,
                "costs": [("Per session (self-pay)", 120, "50-minute video session")],
            },
            {
                "key": "jade-parent-workshops",
                "name": "Parent Workshops for Immigrant Families",
                "desc": txt("""
                    A workshop series in Mandarin on supporting teens' mental health,
                    recognizing signs of substance use and talking across generations.
                    The series was paused in 2024 and has not restarted.
                """),
                "cats": ["family-education-support"],
                "delivery": ["in-person"],
                "pay": ["free"],
                "pop": ["families"],
                "langs": ["zh"],
                "locs": ["newport"],
                "hours": "SA 10:00-12:00",
                "app": "Workshops are not running at present.",
                "fees": "Free.",
                "wait": "Not currently offered.",
                "elig": "Parents and grandparents.",
                "status": "inactive",
                "assured": "2024-11-14",
            },
        ],
    },
    # -------------------------------------------------------------------- Santa Ana (LGBTQ+)
    {
        "key": "rainbowharbor",
        "name": "Rainbow Harbor Recovery Center",
        "alt": None,
        "domain": "rainbowharbor.example.org",
        "phone": "(714) 555-0150",
        "desc": txt("""
            An LGBTQ+ affirming recovery center in Santa Ana offering outpatient treatment,
            peer groups for trans and nonbinary adults and LGBTQ+ youth, and housing help.
        """),
        "locations": {
            "bristol": {
                "name": "Rainbow Harbor Recovery Center",
                "street": "3620 S Bristol St",
                "unit": "Suite 300",
                "zip": "92704",
                "transit": txt("""
                    OCTA route 57 runs along Bristol St with a stop at the building; free
                    parking with accessible spaces.
                """),
                "wheelchair": True,
                "near_transit": True,
                "asl": True,
                "desc": "Third-floor center with elevator, all-gender restrooms and a lounge.",
            },
        },
        "services": [
            {
                "key": "rhr-outpatient",
                "name": "LGBTQ+ Affirming Outpatient Program",
                "desc": txt("""
                    Outpatient substance use and mental-health treatment where staff are
                    trained in LGBTQ+ affirming care. Includes individual therapy, groups,
                    medication support and help with name and gender marker changes.
                """),
                "cats": ["outpatient-counselling"],
                "delivery": ["in-person", "telehealth-video"],
                "pay": ["medi-cal", "private-insurance", "sliding-scale"],
                "pop": ["lgbtq", "adults"],
                "langs": ["en", "es"],
                "locs": ["bristol"],
                "areas": [ORANGE_COUNTY],
                "hours": "MO-TH 09:00-20:00; FR 09:00-17:00",
                "app": "Call or use the website form; intake takes about an hour.",
                "fees": "Medi-Cal, private plans, or $20 to $75 per session.",
                "wait": "About 1 week.",
                "elig": "LGBTQ+ adults 18 and over.",
                "min_age": 18,
                "costs": [("Per session (sliding scale)", 20, "From $20 to $75 by income")],
                "contacts": [("Jordan Ellis", "Program Director")],
            },
            {
                "key": "rhr-trans-group",
                "name": "Trans and Nonbinary Peer Support Group",
                "desc": txt("""
                    A peer-led group for transgender, nonbinary and gender-questioning adults
                    to share experiences and support each other's recovery and wellbeing.
                    Members can attend in person or by video, and the group keeps a list of
                    affirming doctors and therapists.
                """),
                "cats": ["group-therapy-peer-support"],
                "delivery": ["in-person", "online-group"],
                "pay": ["free"],
                "pop": ["lgbtq"],
                "locs": ["bristol"],
                "areas": [ORANGE_COUNTY],
                "hours": "MO 19:00-20:30",
                "app": "Just come, or email for the video link.",
                "fees": "Free.",
                "wait": "No wait.",
                "elig": "Trans, nonbinary and questioning adults 18 and over.",
                "min_age": 18,
            },
            {
                "key": "rhr-youth-group",
                "name": "LGBTQ+ Youth Group",
                "desc": txt("""
                    A safe, fun after-school group for LGBTQ+ teens and young adults, with a
                    counselor present. Topics range from coming out and family to substance
                    use and school.
                """),
                "cats": ["group-therapy-peer-support"],
                "delivery": ["in-person"],
                "pay": ["free"],
                "pop": ["lgbtq", "youth"],
                "langs": ["en", "es"],
                "locs": ["bristol"],
                "hours": "TH 16:30-18:00",
                "app": "Just come; parental consent is not required to attend.",
                "fees": "Free.",
                "wait": "No wait.",
                "elig": "LGBTQ+ young people 13 to 24.",
                "min_age": 13,
                "max_age": 24,
            },
            {
                "key": "rhr-host-homes",
                "name": "LGBTQ+ Young Adult Host Homes",
                "desc": txt("""
                    Matches LGBTQ+ young adults without safe housing with screened volunteer
                    hosts for up to six months, with a case manager who helps plan the next
                    step.
                    Hosts are trained and supported by staff, and each young person has their own
                    room.
                """),
                "cats": ["housing"],
                "delivery": ["in-person"],
                "pay": ["free"],
                "pop": ["lgbtq", "youth"],
                "locs": ["bristol"],
                "areas": [ORANGE_COUNTY],
                "hours": "MO-FR 10:00-18:00",
                "app": "Call or walk in to meet a case manager.",
                "fees": "Free.",
                "wait": "Matching takes 2 to 6 weeks; emergency shelter referrals meanwhile.",
                "elig": "LGBTQ+ young adults 18 to 24 without stable housing.",
                "min_age": 18,
                "max_age": 24,
                "capacity": ("beds", 2, 9, "Host-home placements"),
            },
        ],
    },
    # --------------------------------------------------------------------------- Laguna Niguel
    {
        "key": "niguelparents",
        "name": "Niguel Parents Together",
        "alt": None,
        "domain": "niguelparents.example.org",
        "phone": "(949) 555-0109",
        "desc": txt("""
            A parent-led nonprofit in Laguna Niguel supporting families whose children or
            partners struggle with substance use, through groups, workshops and an online
            course.
        """),
        "locations": {
            "town_center": {
                "name": "Niguel Parents Together Meeting Room",
                "street": "30131 Town Center Dr",
                "unit": "Suite 180",
                "zip": "92677",
                "transit": "OCTA route 87 stops at Crown Valley Pkwy and Alicia Pkwy.",
                "wheelchair": True,
                "near_transit": True,
                "desc": "Meeting room in an office building next to the library.",
            },
        },
        "services": [
            {
                "key": "npt-parent-group",
                "name": "Parents Supporting Parents",
                "desc": txt("""
                    A weekly parent-to-parent support group for mothers, fathers and
                    grandparents of teens or adults using substances. Experienced parents
                    share what helped and help newcomers find treatment options.
                """),
                "cats": ["family-education-support", "group-therapy-peer-support"],
                "delivery": ["in-person"],
                "pay": ["free"],
                "pop": ["families"],
                "locs": ["town_center"],
                "hours": "TU 19:00-20:30",
                "app": "Just come.",
                "fees": "Free.",
                "wait": "No wait.",
                "elig": "Parents and caregivers.",
            },
            {
                "key": "npt-saturday-workshop",
                "name": "Saturday Skills Workshop for Families",
                "desc": txt("""
                    A half-day workshop teaching families communication approaches that
                    encourage a loved one to accept treatment.
                    Families practiced conversations in small groups with experienced volunteer
                    parents.
                """),
                "cats": ["family-education-support"],
                "delivery": ["in-person"],
                "pay": ["free"],
                "pop": ["families"],
                "locs": ["town_center"],
                "hours": "SA 09:00-13:00",
                "app": "Workshops are on hold.",
                "fees": "Free.",
                "wait": "Not currently offered.",
                "elig": "Family members.",
                "status": "inactive",
                "assured": "2024-05-28",
            },
            {
                "key": "npt-online-course",
                "name": "Online Family Recovery Course",
                "desc": txt("""
                    A six-week online course for families with weekly live video sessions
                    and short videos to watch at home. Covers addiction as a health
                    condition, self-care and how to support treatment without enabling.
                """),
                "cats": ["family-education-support", "telehealth"],
                "delivery": ["online-group"],
                "pay": ["sliding-scale", "cash"],
                "pop": ["families"],
                "areas": [CALIFORNIA],
                "hours": "MO 19:00-20:30 | Live video session",
                "app": "Register on the website; scholarships by email.",
                "fees": "$60 for the course, or pay what you can.",
                "wait": "A new course starts each month.",
                "elig": "Family members anywhere in California.",
                "costs": [("Course fee", 60, "Six weekly sessions; pay-what-you-can available")],
                "capacity": ("seats", 14, 40, "Places in the next course"),
            },
        ],
    },
    # ----------------------------------------------------------------------------- Westminster
    {
        "key": "safehaven",
        "name": "Westminster Safe Haven Shelter",
        "alt": None,
        "domain": "safehavenwestminster.example.org",
        "phone": "(714) 555-0178",
        "desc": txt("""
            A low-barrier emergency shelter in Westminster for adults, including people with
            mental illness or in early recovery, with case management and hygiene services.
        """),
        "locations": {
            "goldenwest": {
                "name": "Safe Haven Shelter",
                "street": "14200 Goldenwest St",
                "zip": "92683",
                "transit": "OCTA route 25 stops at Goldenwest St and Hazard Ave.",
                "wheelchair": True,
                "near_transit": True,
                "desc": "Shelter with dorms, showers, laundry and case management offices.",
            },
        },
        "services": [
            {
                "key": "wsh-shelter-beds",
                "name": "Emergency Shelter Beds",
                "desc": txt("""
                    Overnight and short-term shelter beds for adults, with meals, storage
                    lockers and space for partners and pets. Sobriety is not required, but
                    use on site is not allowed.
                """),
                "cats": ["housing"],
                "delivery": ["in-person"],
                "pay": ["free"],
                "langs": ["en", "es", "vi"],
                "locs": ["goldenwest"],
                "hours": "24/7",
                "app": "Referral through the county coordinated entry line or an outreach team.",
                "fees": "Free.",
                "wait": "Closed; see alert.",
                "elig": "Adults 18 and over experiencing homelessness.",
                "min_age": 18,
                "capacity": ("beds", 0, 40, "Shelter beds"),
                "phones": [("voice", "(714) 555-0179", "Shelter front desk")],
                "status": "temporarily closed",
                "alert": txt("""
                    The dormitory is closed after water damage and current guests have been
                    moved to partner shelters. Reopening is expected in mid-December 2026;
                    case management continues at the same address.
                """),
            },
            {
                "key": "wsh-case-management",
                "name": "Shelter Case Management",
                "desc": txt("""
                    Case managers help guests and former guests get ID, benefits, medical and
                    mental-health care, and work toward housing.
                    They also connect people to mental-health and recovery services and help them
                    keep appointments.
                """),
                "cats": ["housing", "practical-support"],
                "delivery": ["in-person"],
                "pay": ["free"],
                "langs": ["en", "es", "vi"],
                "locs": ["goldenwest"],
                "hours": "MO-FR 08:00-17:00",
                "app": "Walk in or call the front desk.",
                "fees": "Free.",
                "wait": "Same week.",
                "elig": "Current and former shelter guests.",
                "min_age": 18,
            },
            {
                "key": "wsh-showers-laundry",
                "name": "Showers, Laundry and Mail",
                "desc": txt("""
                    Hot showers, laundry machines, a clothing closet and a mailing address
                    for people without housing.
                    Towels, soap and laundry detergent are provided.
                """),
                "cats": ["practical-support"],
                "delivery": ["in-person"],
                "pay": ["free"],
                "langs": ["en", "es"],
                "locs": ["goldenwest"],
                "hours": "MO,WE,FR 08:00-12:00",
                "app": "Sign in at the side door.",
                "fees": "Free.",
                "wait": "First come, first served.",
                "elig": "Anyone without stable housing.",
            },
        ],
    },
    # ------------------------------------------------------------------------ Anaheim (detox)
    {
        "key": "sunrise",
        "name": "Sunrise Stabilization and Detox",
        "alt": None,
        "domain": "sunrisestabilization.example.org",
        "phone": "(714) 555-0121",
        "desc": txt("""
            A 24-hour program in Anaheim offering short-term crisis residential care,
            social-model detox and a walk-in bridge clinic for medications for addiction
            treatment.
        """),
        "locations": {
            "state_college": {
                "name": "Sunrise Campus",
                "street": "1040 S State College Blvd",
                "zip": "92806",
                "transit": txt("""
                    OCTA route 57 stops on State College Blvd at the entrance; Anaheim
                    Canyon Metrolink station is 3 miles away. Free parking.
                """),
                "wheelchair": True,
                "near_transit": True,
                "desc": "Single-story campus with separate crisis and detox wings.",
            },
        },
        "services": [
            {
                "key": "sunrise-crisis-residential",
                "name": "Short-Term Crisis Residential",
                "desc": txt("""
                    A home-like alternative to psychiatric hospitalization for adults in a
                    mental-health crisis, with stays of up to 30 days. Residents get daily
                    therapy, medication support and help planning a safe return home.
                """ + CRISIS_NOTE),
                "cats": ["crisis-support", "residential-treatment"],
                "delivery": ["in-person"],
                "pay": ["medi-cal", "free"],
                "langs": ["en", "es"],
                "locs": ["state_college"],
                "hours": "24/7",
                "app": "Referral from a crisis team, hospital or clinician; call to check beds.",
                "fees": "Covered by Medi-Cal; no cost to uninsured Orange County residents.",
                "wait": "Same day when a bed is open.",
                "elig": "Adults 18 and over in a mental-health crisis who are medically stable.",
                "min_age": 18,
                "capacity": ("beds", 2, 15, "Crisis residential beds"),
                "phones": [("voice", "(714) 555-0122", "24-hour admissions")],
            },
            {
                "key": "sunrise-detox",
                "name": "Social-Model Detox",
                "desc": txt("""
                    A supportive, non-hospital detox for adults withdrawing from alcohol or
                    drugs who do not need medical detox. Staff monitor residents around the
                    clock and link them to treatment before they leave.
                """),
                "cats": ["residential-treatment"],
                "delivery": ["in-person"],
                "pay": ["medi-cal", "sliding-scale"],
                "langs": ["en", "es"],
                "locs": ["state_college"],
                "hours": "24/7",
                "app": "Walk in or call 24-hour admissions for bed availability.",
                "fees": "Covered by Medi-Cal; $0 to $75 per day on the sliding scale otherwise.",
                "wait": "Same day or next day.",
                "elig": "Adults 18 and over who are medically stable.",
                "min_age": 18,
                "costs": [("Per day (sliding scale)", 0, "From $0 to $75 per day by income")],
                "capacity": ("beds", 6, 20, "Detox beds"),
                "phones": [("voice", "(714) 555-0122", "24-hour admissions")],
            },
            {
                "key": "sunrise-bridge-clinic",
                "name": "Medication for Addiction Treatment Bridge Clinic",
                "desc": txt("""
                    A walk-in clinic that starts buprenorphine or naltrexone the same day and
                    bridges people to a long-term prescriber. Naloxone kits and fentanyl test
                    strips are given free to anyone.
                """),
                "cats": ["outpatient-counselling"],
                "delivery": ["in-person", "telehealth-video"],
                "pay": ["medi-cal", "medicare", "private-insurance", "sliding-scale"],
                "langs": ["en", "es"],
                "locs": ["state_college"],
                "areas": [ORANGE_COUNTY],
                "hours": "MO-FR 08:00-18:00; SA 09:00-13:00",
                "app": "Walk in; bring a photo ID and insurance card if you have them.",
                "fees": "Insurance billed; uninsured visits $0 to $40.",
                "wait": "Usually seen within 2 hours.",
                "elig": "Adults 18 and over with opioid or alcohol use disorder.",
                "min_age": 18,
                "costs": [("Per visit (sliding scale)", 0, "From $0 to $40 by income")],
            },
        ],
    },
    # ----------------------------------------------------------------------- Santa Ana (benefits)
    {
        "key": "benefitsclinic",
        "name": "Orange County Recovery Benefits Clinic",
        "alt": "Recovery Benefits Clinic",
        "domain": "recoverybenefits.example.org",
        "phone": "(657) 555-0192",
        "desc": txt("""
            A legal aid and benefits advocacy project in Santa Ana that helps people in
            recovery get and keep health coverage, disability income and food assistance.
        """),
        "locations": {
            "fifth_street": {
                "name": "Recovery Benefits Clinic",
                "street": "2500 W 5th St",
                "unit": "Suite 7",
                "zip": "92703",
                "transit": "OCTA route 64 stops at 5th St and Fairview St.",
                "wheelchair": True,
                "near_transit": True,
                "desc": "Walk-in clinic inside a community service center.",
            },
        },
        "services": [
            {
                "key": "rbc-medi-cal-enrollment",
                "name": "Medi-Cal Enrollment Help",
                "desc": txt("""
                    Benefits counselors help people apply for Medi-Cal, renew coverage, fix
                    coverage gaps and choose a health plan so treatment can be paid for.
                    Counselors also help people leaving jail, hospital or residential treatment get
                    coverage started quickly.
                """),
                "cats": ["financial-assistance"],
                "delivery": ["in-person", "phone"],
                "pay": ["free"],
                "langs": ["en", "es", "vi"],
                "locs": ["fifth_street"],
                "areas": [ORANGE_COUNTY],
                "hours": "MO-FR 09:00-17:00; WE 17:00-19:00 | Evening appointments",
                "app": "Walk in or call; bring ID, proof of income and address if you have them.",
                "fees": "Free.",
                "wait": "Same-day walk-ins most mornings.",
                "elig": "Anyone in Orange County.",
            },
            {
                "key": "rbc-ssi-ssdi",
                "name": "SSI/SSDI Application Assistance",
                "desc": txt("""
                    Advocates help people whose mental illness or addiction recovery keeps
                    them from working apply for SSI or SSDI disability benefits and appeal
                    denials.
                    Advocates gather medical records, fill in forms and help people prepare for
                    hearings.
                """),
                "cats": ["financial-assistance"],
                "delivery": ["in-person", "phone"],
                "pay": ["free"],
                "langs": ["en", "es"],
                "locs": ["fifth_street"],
                "areas": [ORANGE_COUNTY],
                "hours": "TU-TH 09:00-16:00",
                "app": "Call for a screening appointment; bring medical records if you have them.",
                "fees": "Free.",
                "wait": "About 3 weeks for a first appointment.",
                "elig": "Adults 18 and over in Orange County with a disabling condition.",
                "min_age": 18,
                "contacts": [("Ana Beltran", "Benefits Attorney")],
            },
            {
                "key": "rbc-calfresh",
                "name": "CalFresh and Cash Aid Sign-Up",
                "desc": txt("""
                    Same-day help applying for CalFresh food benefits and General Relief cash
                    aid, including phone interviews with the county.
                    Staff help gather documents and follow up with the county if an application
                    stalls.
                """),
                "cats": ["financial-assistance", "practical-support"],
                "delivery": ["in-person", "phone"],
                "pay": ["free"],
                "langs": ["en", "es", "vi"],
                "locs": ["fifth_street"],
                "areas": [ORANGE_COUNTY],
                "hours": "MO-FR 09:00-16:00",
                "app": "Walk in or call.",
                "fees": "Free.",
                "wait": "Same day.",
                "elig": "Orange County residents with low income.",
            },
        ],
    },
    # --------------------------------------------------------------------- statewide online
    {
        "key": "mindfulwave",
        "name": "Mindful Wave Online Recovery",
        "alt": None,
        "domain": "mindfulwave.example.org",
        "phone": "(949) 555-0142",
        "desc": txt("""
            An online-only nonprofit offering mindfulness-based recovery meetings and family
            support groups by video for people across California.
        """),
        "locations": {
            "online": {
                "virtual": True,
                "name": "Mindful Wave Online Meeting Rooms",
                "desc": "All meetings take place by video; links are sent after sign-up.",
            },
        },
        "services": [
            {
                "key": "mwave-online-meetings",
                "name": "Online Mindfulness-Based Recovery Meetings",
                "desc": txt("""
                    Daily video meetings that combine a short guided meditation with recovery
                    sharing. Meetings welcome people recovering from any substance or
                    behavior, and people supporting their mental health.
                """),
                "cats": ["telehealth", "group-therapy-peer-support"],
                "delivery": ["online-group"],
                "pay": ["free"],
                "locs": ["online"],
                "areas": [CALIFORNIA],
                "hours": "MO-FR 07:00-08:00; MO-SU 19:30-20:30",
                "app": "Sign up on the website to receive links.",
                "fees": "Free.",
                "wait": "No wait.",
                "elig": "Adults 18 and over.",
                "min_age": 18,
                "access": ["asl"],
                "interp": "Live captions in every meeting; ASL interpreter at the Sunday meeting.",
            },
            {
                "key": "mwave-family-online",
                "name": "Online Support for Families",
                "desc": txt("""
                    A weekly facilitated video group for relatives and friends of people
                    with addiction or mental illness, using mindfulness to cope with worry
                    and stress.
                    Members learn short practices they can use at home and share what is working for
                    them.
                """),
                "cats": ["family-education-support", "telehealth"],
                "delivery": ["online-group"],
                "pay": ["free"],
                "pop": ["families"],
                "langs": ["en", "es"],
                "locs": ["online"],
                "areas": [CALIFORNIA],
                "hours": "TH 18:30-19:45",
                "app": "Sign up on the website.",
                "fees": "Free.",
                "wait": "No wait.",
                "elig": "Family and friends anywhere in California.",
            },
            {
                "key": "mwave-coaching-app",
                "name": "Recovery Coaching App Pilot",
                "desc": txt("""
                    A pilot that paired app users with a recovery coach for daily check-ins by
                    chat.
                    Coaches checked in with participants each weekday to set goals and talk through
                    cravings.
                """),
                "cats": ["telehealth"],
                "delivery": ["phone"],
                "pay": ["free"],
                "areas": [CALIFORNIA],
                "hours": "MO-FR 09:00-17:00",
                "app": "No longer accepting participants.",
                "fees": "Free.",
                "wait": "Program ended.",
                "elig": "Adults 18 and over.",
                "min_age": 18,
                "status": "defunct",
                "alert": txt("""
                    This pilot ended in March 2025 and will not restart. Try the Online
                    Mindfulness-Based Recovery Meetings instead.
                """),
                "assured": "2025-03-03",
            },
        ],
    },
    # ------------------------------------------------------------------ San Clemente (women)
    {
        "key": "capistranoshores",
        "name": "Capistrano Shores Women's Recovery Home",
        "alt": None,
        "domain": "capistranoshores.example.org",
        "phone": "(949) 555-0176",
        "desc": txt("""
            A women's residential treatment program and step-down sober living home in San
            Clemente, with an aftercare group open to alumnae.
        """),
        "locations": {
            "home": {
                "name": "Capistrano Shores Residence",
                "street": "2210 Calle Linares",
                "zip": "92673",
                "transit": txt("""
                    OCTA route 191 stops on Avenida Pico, 12 minutes on foot; the San
                    Clemente Metrolink station is about 3 miles away.
                """),
                "wheelchair": True,
                "near_transit": False,
                "desc": "A residential home with 16 treatment beds and a separate cottage.",
            },
        },
        "services": [
            {
                "key": "csw-residential",
                "name": "Women's Residential Recovery Program",
                "desc": txt("""
                    A 30- to 60-day residential program for women, with trauma-informed
                    therapy, gender-specific groups, yoga and family sessions. A nurse
                    practitioner visits twice a week.
                """),
                "cats": ["residential-treatment"],
                "delivery": ["in-person"],
                "pay": ["medi-cal", "private-insurance"],
                "locs": ["home"],
                "hours": "MO-FR 08:00-18:00; SA 09:00-13:00 | Admissions",
                "app": "Call admissions for a phone assessment and to join the wait list.",
                "fees": "Covered by Medi-Cal and most private plans.",
                "wait": "About 2 to 4 weeks; currently full.",
                "elig": "Women 18 and over.",
                "min_age": 18,
                "capacity": ("beds", 0, 16, "Residential treatment beds"),
                "contacts": [("Theresa Quinn", "Program Director")],
            },
            {
                "key": "csw-aftercare",
                "name": "Women's Aftercare Group",
                "desc": txt("""
                    A weekly evening group for women who have completed residential
                    treatment anywhere, focused on staying connected in the first year.
                    Topics are chosen by the group and include work, relationships and staying
                    connected to support.
                """),
                "cats": ["group-therapy-peer-support"],
                "delivery": ["in-person"],
                "pay": ["free"],
                "locs": ["home"],
                "hours": "MO 18:00-19:30",
                "app": "Call to let the facilitator know you are coming.",
                "fees": "Free.",
                "wait": "No wait.",
                "elig": "Women 18 and over who have completed treatment.",
                "min_age": 18,
            },
            {
                "key": "csw-sober-living",
                "name": "Step-Down Sober Living for Women",
                "desc": txt("""
                    A six-bed sober living cottage for women moving on from residential care,
                    with house meetings, curfew and help finding work.
                    Residents can keep seeing their counselor from the residential program.
                """),
                "cats": ["housing"],
                "delivery": ["in-person"],
                "pay": ["cash"],
                "locs": ["home"],
                "hours": "MO-FR 10:00-17:00 | Interviews",
                "app": "Call for an interview; graduates of any program may apply.",
                "fees": "$1,050 per month.",
                "wait": "Usually 2 to 4 weeks.",
                "elig": "Women 18 and over with 30 days of sobriety.",
                "min_age": 18,
                "costs": [("Per month", 1050, "Shared room, utilities and house meetings")],
                "capacity": ("beds", 1, 6, "Sober living beds"),
            },
        ],
    },
    # ------------------------------------------------------------------- Lake Forest (interfaith)
    {
        "key": "lfinterfaith",
        "name": "Lake Forest Interfaith Care Network",
        "alt": None,
        "domain": "lfinterfaith.example.org",
        "phone": "(949) 555-0151",
        "desc": txt("""
            A network of congregations in Lake Forest that provides meals, volunteer drivers
            and a weekly recovery support group for neighbors of any faith or none.
        """),
        "locations": {
            "hall": {
                "name": "Interfaith Care Network Hall",
                "street": "21972 Lake Forest Dr",
                "zip": "92630",
                "transit": "OCTA route 89 stops at Lake Forest Dr and Trabuco Rd; free parking.",
                "wheelchair": True,
                "near_transit": True,
                "desc": "Community hall with a kitchen used for meal preparation.",
            },
        },
        "services": [
            {
                "key": "lfic-meals",
                "name": "Meal Delivery for Families in Crisis",
                "desc": txt("""
                    Volunteers deliver home-cooked dinners three times a week for up to a
                    month to families going through a mental-health crisis, a relapse or a
                    hospital stay.
                    Volunteers ask about allergies and dietary needs, and meals can be left at the
                    door.
                """),
                "cats": ["practical-support"],
                "delivery": ["home-visit"],
                "pay": ["free"],
                "pop": ["families"],
                "areas": [LAKE_FOREST_AREA],
                "hours": "MO,WE,FR 16:00-18:30 | Delivery times",
                "app": "Call or ask a counselor, pastor or social worker to request meals.",
                "fees": "Free.",
                "wait": "Meals start within 2 days.",
                "elig": "Households in the listed ZIP codes.",
            },
            {
                "key": "lfic-drivers",
                "name": "Volunteer Drivers",
                "desc": txt("""
                    Volunteer drivers give rides to counselling, support groups and medical
                    appointments for neighbors without a car.
                    Drivers are screened and insured, and can wait during appointments of up to an
                    hour.
                """),
                "cats": ["transportation"],
                "delivery": ["in-person"],
                "pay": ["free"],
                "areas": [LAKE_FOREST_AREA],
                "hours": "MO-FR 08:00-17:00",
                "app": "Call at least 2 days ahead.",
                "fees": "Free.",
                "wait": "2 days' notice.",
                "elig": "Residents of the listed ZIP codes.",
            },
            {
                "key": "lfic-bridges-group",
                "name": "Bridges Recovery Support Group",
                "desc": txt("""
                    A weekly support group for people in recovery and their families, run by
                    trained volunteers with a licensed counselor on call. Non-religious and
                    open to all.
                """),
                "cats": ["group-therapy-peer-support"],
                "delivery": ["in-person"],
                "pay": ["free"],
                "langs": ["en", "es"],
                "locs": ["hall"],
                "hours": "MO 19:00-20:30",
                "app": "Just come.",
                "fees": "Free.",
                "wait": "No wait.",
                "elig": "Anyone in recovery or supporting someone who is.",
            },
        ],
    },
    # ------------------------------------------------------------------ statewide youth line
    {
        "key": "coastlineteen",
        "name": "Coastline Teen Text Line",
        "alt": None,
        "domain": "coastlineteen.example.org",
        "phone": "(949) 555-0110",
        "desc": txt("""
            A youth-run support line where trained teen and young-adult volunteers,
            supervised by counselors, answer texts and calls from young people and their
            parents across California.
        """),
        "locations": {},
        "services": [
            {
                "key": "ctl-teen-text-line",
                "name": "Teen Peer Text Line",
                "desc": txt("""
                    Young people can text or call a trained peer about stress, bullying,
                    family problems, self-harm or substance use. Adult counselors supervise
                    every shift and step in when someone is in danger. """ + CRISIS_NOTE),
                "cats": ["crisis-support", "telehealth"],
                "delivery": ["phone"],
                "pay": ["free"],
                "pop": ["youth"],
                "langs": ["en", "es"],
                "areas": [CALIFORNIA],
                "hours": "MO-SU 16:00-22:00",
                "app": "Text or call during open hours; no sign-up.",
                "fees": "Free.",
                "wait": "Replies within a few minutes.",
                "elig": "Young people 13 to 24 in California.",
                "min_age": 13,
                "max_age": 24,
                "phones": [("text", "(949) 555-0113", "Teen text line"),
                           ("voice", "(949) 555-0113", "Teen call line")],
            },
            {
                "key": "ctl-parent-line",
                "name": "Parent Support Line",
                "desc": txt("""
                    Parents and caregivers can call a counselor for advice on how to talk with
                    a teenager about mental health, vaping or drugs, and where to find help.
                    Counselors can also explain how to find a therapist, what school counselors can
                    do and what to do in a crisis.
                """),
                "cats": ["family-education-support", "telehealth"],
                "delivery": ["phone"],
                "pay": ["free"],
                "pop": ["families"],
                "langs": ["en", "es"],
                "areas": [CALIFORNIA],
                "hours": "MO-TH 18:00-21:00",
                "app": "Call during open hours.",
                "fees": "Free.",
                "wait": "Usually answered right away.",
                "elig": "Parents and caregivers in California.",
            },
        ],
    },
    # ----------------------------------------------------------------- Costa Mesa (clubhouse)
    {
        "key": "harborclubhouse",
        "name": "Harbor Clubhouse",
        "alt": None,
        "domain": "harborclubhouse.example.org",
        "phone": "(714) 555-0166",
        "desc": txt("""
            A member-run clubhouse in Costa Mesa where adults living with mental illness
            build community, skills and work experience.
        """),
        "locations": {
            "fairview": {
                "name": "Harbor Clubhouse",
                "street": "2972 Fairview Rd",
                "zip": "92626",
                "transit": "OCTA route 172 stops on Fairview Rd; bike racks and free parking.",
                "wheelchair": True,
                "near_transit": True,
                "desc": "A clubhouse with a kitchen, computer room and garden.",
            },
        },
        "services": [
            {
                "key": "hc-day-program",
                "name": "Clubhouse Day Program",
                "desc": txt("""
                    Members run the clubhouse together: cooking lunch, keeping the books,
                    writing the newsletter and planning outings. The work-ordered day builds
                    routine and friendships, and staff help with benefits and housing.
                """),
                "cats": ["group-therapy-peer-support", "practical-support"],
                "delivery": ["in-person"],
                "pay": ["free"],
                "langs": ["en", "es"],
                "locs": ["fairview"],
                "hours": "MO-FR 08:30-16:00; SA 10:00-14:00 | Saturday social",
                "app": "Call to book a tour; membership is voluntary and lifelong.",
                "fees": "Free; lunch is $2.",
                "wait": "Tours most days.",
                "elig": "Adults 18 and over living with a mental illness.",
                "min_age": 18,
                "capacity": ("seats", 14, 60, "Daily member places"),
            },
            {
                "key": "hc-transitional-employment",
                "name": "Transitional Employment Program",
                "desc": txt("""
                    Part-time, paid job placements with local employers for six to nine
                    months, with clubhouse staff trained to cover shifts when a member is
                    unwell.
                    Members earn at least minimum wage and build a work history for future jobs.
                """),
                "cats": ["practical-support", "financial-assistance"],
                "delivery": ["in-person"],
                "pay": ["free"],
                "locs": ["fairview"],
                "hours": "MO-FR 09:00-16:00",
                "app": "Open to clubhouse members after 30 days of participation.",
                "fees": "Free.",
                "wait": "2 to 3 months for a placement.",
                "elig": "Clubhouse members.",
                "min_age": 18,
            },
        ],
    },
    # -------------------------------------------------------------------- Irvine (outpatient)
    {
        "key": "spectrum",
        "name": "Spectrum Recovery Partners",
        "alt": None,
        "domain": "spectrumrecovery.example.org",
        "phone": "(949) 555-0137",
        "desc": txt("""
            An outpatient treatment program in Irvine with evening programs for working
            adults and bilingual groups.
        """),
        "locations": {
            "technology": {
                "name": "Spectrum Recovery Partners Irvine",
                "street": "16 Technology Dr",
                "unit": "Suite 120",
                "zip": "92618",
                "transit": txt("""
                    Irvine Station (Metrolink and OCTA routes) is a 10-minute ride on the
                    iShuttle; free parking in front.
                """),
                "wheelchair": True,
                "near_transit": True,
                "desc": "Ground-floor suite with group rooms and private offices.",
            },
        },
        "services": [
            {
                "key": "spectrum-evening-outpatient",
                "name": "Evening Outpatient Program for Working Adults",
                "desc": txt("""
                    Treatment for alcohol and drug use scheduled after work: two evening
                    groups and one individual session a week, plus optional family sessions.
                    The program runs for about 12 weeks and can be extended when needed.
                """),
                "cats": ["outpatient-counselling"],
                "delivery": ["in-person", "telehealth-video"],
                "pay": ["private-insurance", "cash"],
                "locs": ["technology"],
                "areas": [ORANGE_COUNTY],
                "hours": "MO,WE 18:00-21:00; TU,TH 17:00-20:00 | Individual sessions",
                "app": "Call for a free 20-minute phone consultation.",
                "fees": "Most private plans; self-pay $175 per week.",
                "wait": "About 1 week.",
                "elig": "Adults 18 and over.",
                "min_age": 18,
                "costs": [("Per week (self-pay)", 175, "Two groups and one individual session")],
            },
            {
                "key": "spectrum-spanish-group",
                "name": "Spanish-Language Recovery Skills Group",
                "alt": "Grupo de Habilidades para la Recuperación",
                "desc": txt("""
                    A counselor-led group in Spanish teaching coping skills, stress
                    management and relapse prevention, with a check-in on each member's
                    week.
                    Family members may join one session each month.
                """),
                "cats": ["group-therapy-peer-support"],
                "delivery": ["in-person"],
                "pay": ["medi-cal", "private-insurance"],
                "langs": ["es"],
                "locs": ["technology"],
                "hours": "TH 18:30-20:00; SA 09:30-11:00",
                "app": "Call to book a short intake in Spanish.",
                "fees": "Covered by Medi-Cal and private plans.",
                "wait": "Within 1 week.",
                "elig": "Adults 18 and over.",
                "min_age": 18,
                "capacity": ("seats", 6, 14, "Group places"),
            },
        ],
    },
]


# ---------------------------------------------------------------------------------------------
# Helpers: turn the tables above into HSDS 3.0 JSON
# ---------------------------------------------------------------------------------------------

LANGUAGE_NAMES = {
    "en": "English", "es": "Spanish", "vi": "Vietnamese", "ko": "Korean",
    "zh": "Mandarin", "tl": "Tagalog", "fa": "Farsi", "ar": "Arabic",
}
DAYS = ["MO", "TU", "WE", "TH", "FR", "SA", "SU"]
DAY_NAMES = dict(zip(DAYS, ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday",
                            "Saturday", "Sunday"], strict=True))
CITIES = {
    "92630": "Lake Forest", "92618": "Irvine", "92614": "Irvine", "92612": "Irvine",
    "92691": "Mission Viejo", "92692": "Mission Viejo", "92653": "Laguna Hills",
    "92701": "Santa Ana", "92703": "Santa Ana", "92704": "Santa Ana", "92705": "Santa Ana",
    "92801": "Anaheim", "92805": "Anaheim", "92806": "Anaheim", "92626": "Costa Mesa",
    "92627": "Costa Mesa", "92831": "Fullerton", "92832": "Fullerton",
    "92647": "Huntington Beach", "92648": "Huntington Beach", "92672": "San Clemente",
    "92673": "San Clemente", "92840": "Garden Grove", "92843": "Garden Grove",
    "92868": "Orange", "92780": "Tustin", "92677": "Laguna Niguel", "92683": "Westminster",
    "92656": "Aliso Viejo",
}
ASSURERS = [
    "verify@ocrecoverydirectory.example.org",
    "l.tran@ocrecoverydirectory.example.org",
    "s.whitfield@ocrecoverydirectory.example.org",
]
TERM_GROUPS = {
    "cats": "category", "delivery": "delivery", "pay": "payment",
    "pop": "population", "access": "accessibility",
}
SERVICE_FIELDS = {
    "key", "name", "alt", "desc", "cats", "delivery", "pay", "pop", "langs", "locs", "areas",
    "hours", "app", "fees", "wait", "elig", "min_age", "max_age", "costs", "contacts",
    "capacity", "assured", "status", "alert", "phones", "interp", "access", "email", "path",
}
LOCATION_FIELDS = {
    "name", "street", "unit", "zip", "transit", "wheelchair", "near_transit", "asl", "desc",
    "access_note", "virtual",
}
STATUSES = {"active", "inactive", "defunct", "temporarily closed"}
ASSURED_RANGE = (dt.date(2026, 5, 1), dt.date(2026, 11, 20))
CAPACITY_RANGE = (dt.date(2026, 10, 1), dt.date(2026, 11, 25))
LAST_DAY = dt.date(2026, 11, 25)
JITTER = 0.008  # degrees; keeps every location within about 1.3 km of its ZIP centroid


def make_id(*parts):
    """A deterministic UUID for a readable key such as ("service", "svrc-outpatient")."""
    return str(uuid.uuid5(NAMESPACE, ":".join(parts)))


def rng_for(*parts):
    """A random generator seeded from a fixed string, independent of build order."""
    return random.Random(":".join((SEED, *parts)))


def load_terms(path=TAXONOMY_FILE):
    """Return {group code: {term code: term id}} from the taxonomy file."""
    terms = json.loads(Path(path).read_text(encoding="utf-8"))["terms"]
    roots = {t["id"]: t["code"] for t in terms if t["parent_id"] is None}
    groups = {code: {} for code in roots.values()}
    for term in terms:
        if term["parent_id"] is not None:
            groups[roots[term["parent_id"]]][term["code"]] = term["id"]
    return groups


def random_date(rng, start, end):
    return start + dt.timedelta(days=rng.randint(0, (end - start).days))


def timestamp(rng, day):
    """An ISO timestamp during Pacific office hours (15:00-23:59 UTC) on `day`."""
    moment = dt.datetime(day.year, day.month, day.day, rng.randint(15, 23), rng.choice(
        [0, 5, 10, 15, 20, 30, 40, 45, 50]))
    return moment.strftime("%Y-%m-%dT%H:%M:%SZ")


def zip_centroid(postal_code):
    match = zipcodes.matching(postal_code)
    if not match:
        raise ValueError(f"unknown ZIP code {postal_code}")
    return float(match[0]["lat"]), float(match[0]["long"])


# ----------------------------------------------------------------------------------- schedules

def expand_days(spec):
    """'MO-FR' -> ['MO', ..., 'FR']; 'TU,TH' -> ['TU', 'TH']; ranges and lists may mix."""
    days = []
    for part in spec.split(","):
        if "-" in part:
            first, last = part.split("-")
            days.extend(DAYS[DAYS.index(first): DAYS.index(last) + 1])
        else:
            days.append(DAYS[DAYS.index(part)])
    return days


def clock(hhmm):
    hour, minute = (int(x) for x in hhmm.split(":"))
    suffix = "AM" if hour < 12 else "PM"
    hour12 = hour % 12 or 12
    return f"{hour12} {suffix}" if minute == 0 else f"{hour12}:{minute:02d} {suffix}"


def describe_days(days):
    if len(days) == 7:
        return "Every day"
    indexes = [DAYS.index(d) for d in days]
    if len(days) >= 3 and indexes == list(range(indexes[0], indexes[-1] + 1)):
        return f"{DAY_NAMES[days[0]]} to {DAY_NAMES[days[-1]]}"
    names = [DAY_NAMES[d] + "s" for d in days]
    return names[0] if len(names) == 1 else ", ".join(names[:-1]) + " and " + names[-1]


def build_schedules(service_id, service_key, hours):
    rows = []

    def row(byday, opens, closes, description):
        rows.append({
            "id": make_id("schedule", service_key, str(len(rows))),
            "service_id": service_id,
            "freq": "WEEKLY",
            "byday": byday,
            "opens_at": opens,
            "closes_at": closes,
            "description": description,
            "valid_from": None,
            "valid_to": None,
            "timezone": None,
        })

    if hours == "24/7":
        row(",".join(DAYS), "00:00", "23:59", "Open 24 hours a day, 7 days a week")
        return rows
    for segment in hours.split(";"):
        when, _, note = (s.strip() for s in segment.partition("|"))
        day_spec, times = when.split()
        opens, closes = times.split("-")
        days = expand_days(day_spec)
        text = f"{describe_days(days)}, {clock(opens)} to {clock(closes)}"
        row(",".join(days), opens, closes, f"{note}: {text}" if note else text)
    return rows


# ----------------------------------------------------------------------------------- locations

def build_location(org, org_id, loc_key, spec):
    unknown = set(spec) - LOCATION_FIELDS
    assert not unknown, f"{org['key']}/{loc_key}: unknown fields {unknown}"
    location_id = make_id("location", org["key"], loc_key)
    if spec.get("virtual"):
        return {
            "id": location_id,
            "location_type": "virtual",
            "organization_id": org_id,
            "name": spec["name"],
            "description": spec["desc"],
            "transportation": None,
            "latitude": None,
            "longitude": None,
            "addresses": [],
            "accessibility": [],
        }
    assert spec["zip"] in CITIES, f"{org['key']}/{loc_key}: ZIP {spec['zip']} not in the list"
    lat, lon = zip_centroid(spec["zip"])
    rng = rng_for("location", org["key"], loc_key)
    lat = round(lat + rng.uniform(-JITTER, JITTER), 6)
    lon = round(lon + rng.uniform(-JITTER, JITTER), 6)
    accessibility = []
    if spec["wheelchair"]:
        details = spec.get("access_note") or txt("""
            Step-free entrance, accessible restroom and accessible parking spaces near the
            door.
        """)
        accessibility.append(("Wheelchair accessible", details))
    else:
        accessibility.append(("Limited wheelchair access", spec["access_note"]))
    if spec.get("asl"):
        accessibility.append(("ASL interpretation", txt("""
            American Sign Language interpreters can be booked for any appointment; give 2
            business days' notice when you can. Walk-in visitors can use a video interpreter.
        """)))
    if spec.get("near_transit"):
        accessibility.append(("Near public transit", spec["transit"]))
    return {
        "id": location_id,
        "location_type": "physical",
        "organization_id": org_id,
        "name": spec["name"],
        "description": spec["desc"],
        "transportation": spec["transit"],
        "latitude": lat,
        "longitude": lon,
        "addresses": [{
            "id": make_id("address", org["key"], loc_key),
            "location_id": location_id,
            "attention": None,
            "address_1": spec["street"],
            "address_2": spec.get("unit"),
            "city": CITIES[spec["zip"]],
            "region": "Orange County",
            "state_province": "CA",
            "postal_code": spec["zip"],
            "country": "US",
            "address_type": "physical",
        }],
        "accessibility": [
            {
                "id": make_id("accessibility", org["key"], loc_key, str(i)),
                "location_id": location_id,
                "description": description,
                "details": details,
                "url": None,
            }
            for i, (description, details) in enumerate(accessibility)
        ],
    }


# ------------------------------------------------------------------------------------ services

def area_description(extent):
    kind, _, value = extent.partition(":")
    if kind == "state":
        return "Available to anyone located in California."
    if kind == "county":
        return "Available to people who live or work in Orange County, California."
    return "Available to residents of these ZIP codes: " + ", ".join(value.split()) + "."


def interpretation(langs):
    names = [LANGUAGE_NAMES[code] for code in langs]
    if names == ["English"]:
        return "Free telephone interpreters are available in other languages on request."
    listed = names[0] if len(names) == 1 else ", ".join(names[:-1]) + " and " + names[-1]
    if "en" not in langs:
        return f"Provided in {listed}. Staff can arrange an interpreter for other languages."
    return f"Staff speak {listed}. Telephone interpreters for other languages are free."


def contact_email(name, domain):
    first, *_, last = name.lower().split()
    return f"{first}.{last}@{domain}"


def accessibility_codes(svc, locations):
    physical = [locations[k] for k in svc.get("locs", []) if not locations[k].get("virtual")]
    codes = list(svc.get("access", []))
    if physical and all(loc["wheelchair"] for loc in physical):
        codes.append("wheelchair-access")
    if any(loc.get("asl") for loc in physical):
        codes.append("asl")
    if any(loc.get("near_transit") for loc in physical):
        codes.append("near-transit")
    return list(dict.fromkeys(codes))


def build_service(org, org_id, svc, locations, built_locations, terms):
    key = svc["key"]
    unknown = set(svc) - SERVICE_FIELDS
    assert not unknown, f"{key}: unknown fields {unknown}"
    service_id = make_id("service", key)
    domain = org["domain"]
    status = svc.get("status", "active")
    assert status in STATUSES, f"{key}: bad status {status}"
    assert 1 <= len(svc["cats"]) <= 2, f"{key}: needs 1-2 categories"
    physical = [k for k in svc.get("locs", []) if not locations[k].get("virtual")]
    assert bool(physical) == ("in-person" in svc["delivery"]) or not physical, key
    if not physical:
        assert svc.get("areas"), f"{key}: services without a physical location need areas"

    rng = rng_for("service", key)
    if svc.get("assured"):
        assured = dt.date.fromisoformat(svc["assured"])
    else:
        assured = random_date(rng, *ASSURED_RANGE)
    if status != "active":
        modified = random_date(rng, dt.date(2026, 10, 1), LAST_DAY)
    else:
        modified = min(assured + dt.timedelta(days=rng.randint(0, 6)), LAST_DAY)
    assurer = rng.choice(ASSURERS)

    langs = svc.get("langs", ["en"])
    phones = svc.get("phones") or [("voice", org["phone"], "Main line")]
    attribute_codes = {
        "cats": svc["cats"],
        "delivery": svc["delivery"],
        "pay": svc["pay"],
        "pop": svc.get("pop", ["adults"]),
        "access": accessibility_codes(svc, locations),
    }
    attributes = []
    for field, codes in attribute_codes.items():
        group = terms[TERM_GROUPS[field]]
        for code in codes:
            assert code in group, f"{key}: {code} is not a {TERM_GROUPS[field]} term"
            attributes.append({
                "id": make_id("attribute", key, code),
                "link_id": service_id,
                "link_type": "service",
                "link_entity": "service",
                "taxonomy_term_id": group[code],
                "value": None,
                "label": None,
            })

    capacities = []
    if svc.get("capacity"):
        unit, available, maximum, description = svc["capacity"]
        assert unit in ("beds", "seats") and 0 <= available <= maximum, key
        capacities.append({
            "id": make_id("capacity", key),
            "service_id": service_id,
            "unit": {"id": make_id("unit", unit), "name": unit, "scheme": None,
                     "identifier": None, "uri": None},
            "available": available,
            "maximum": maximum,
            "description": description,
            "updated": timestamp(rng, random_date(rng, *CAPACITY_RANGE)),
        })

    return {
        "id": service_id,
        "organization_id": org_id,
        "name": svc["name"],
        "alternate_name": svc.get("alt"),
        "description": svc["desc"],
        "url": f"https://{domain}/programs/{svc.get('path') or key.split('-', 1)[1]}",
        "email": svc.get("email") or f"intake@{domain}",
        "status": status,
        "interpretation_services": svc.get("interp") or interpretation(langs),
        "application_process": svc["app"],
        "fees_description": svc["fees"],
        "wait_time": svc["wait"],
        "eligibility_description": svc["elig"],
        "minimum_age": svc.get("min_age"),
        "maximum_age": svc.get("max_age"),
        "assured_date": assured.isoformat(),
        "assurer_email": assurer,
        "alert": svc.get("alert"),
        "last_modified": timestamp(rng, modified),
        "phones": [
            {
                "id": make_id("phone", "service", key, str(i)),
                "service_id": service_id,
                "number": number,
                "extension": None,
                "type": kind,
                "description": description,
                "languages": [],
            }
            for i, (kind, number, description) in enumerate(phones)
        ],
        "schedules": build_schedules(service_id, key, svc["hours"]),
        "service_areas": [
            {
                "id": make_id("service_area", key, str(i)),
                "service_id": service_id,
                "name": name,
                "description": area_description(extent),
                "extent_type": "text",
                "extent": extent,
                "uri": None,
            }
            for i, (extent, name) in enumerate(svc.get("areas", []))
        ],
        "service_at_locations": [
            {
                "id": make_id("service_at_location", key, loc_key),
                "service_id": service_id,
                "location_id": built_locations[loc_key]["id"],
                "description": None,
                "location": built_locations[loc_key],
            }
            for loc_key in svc.get("locs", [])
        ],
        "languages": [
            {
                "id": make_id("language", key, code),
                "service_id": service_id,
                "name": LANGUAGE_NAMES[code],
                "code": code,
                "note": None,
            }
            for code in langs
        ],
        "cost_options": [
            {
                "id": make_id("cost_option", key, str(i)),
                "service_id": service_id,
                "valid_from": None,
                "valid_to": None,
                "option": option,
                "currency": "USD",
                "amount": amount,
                "amount_description": description,
            }
            for i, (option, amount, description) in enumerate(svc.get("costs", []))
        ],
        "contacts": [
            {
                "id": make_id("contact", key, str(i)),
                "service_id": service_id,
                "name": name,
                "title": title,
                "department": None,
                "email": contact_email(name, domain),
            }
            for i, (name, title) in enumerate(svc.get("contacts", []))
        ],
        "capacities": capacities,
        "attributes": attributes,
    }


def build_organization(org, terms):
    org_id = make_id("organization", org["key"])
    locations = org["locations"]
    built = {k: build_location(org, org_id, k, spec) for k, spec in locations.items()}
    return {
        "id": org_id,
        "name": org["name"],
        "alternate_name": org["alt"],
        "description": org["desc"],
        "email": f"info@{org['domain']}",
        "website": f"https://{org['domain']}",
        "phones": [{
            "id": make_id("phone", "organization", org["key"]),
            "organization_id": org_id,
            "number": org["phone"],
            "extension": None,
            "type": "voice",
            "description": "Main office line",
            "languages": [],
        }],
        "services": [build_service(org, org_id, svc, locations, built, terms)
                     for svc in org["services"]],
    }


def build(organizations=ORGANIZATIONS):
    terms = load_terms()
    keys = [svc["key"] for org in organizations for svc in org["services"]]
    duplicates = {k for k in keys if keys.count(k) > 1}
    assert not duplicates, f"duplicate service keys: {duplicates}"
    return [build_organization(org, terms) for org in organizations]


def main(argv):
    output = Path(argv[1]) if len(argv) > 1 else OUTPUT_FILE
    document = build()
    text = json.dumps(document, indent=2, ensure_ascii=False) + "\n"
    output.write_text(text, encoding="utf-8")
    services = sum(len(org["services"]) for org in document)
    print(f"wrote {len(document)} organizations and {services} services to {output}")


if __name__ == "__main__":
    main(sys.argv)
