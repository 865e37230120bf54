"""The benchmarks' national directory (bench/synthetic.py with spread="national"): every
service's point lies at the ZIP code its address names, in that ZIP code's city and
state; services spread over the country roughly as people do; telehealth serves a state;
and the California spread of the state benches stays in California."""

import random
from collections import Counter

import zipcodes
from sqlalchemy import select

from bench import million_places, synthetic
from directory import models as m
from directory import sample
from directory.extensions import db
from directory.geo.states import STATES


def _built(services, **options):
    sample.load_taxonomy()
    db.session.commit()
    synthetic.generate(services, seed=11, **options)
    return db.session.execute(
        select(m.Address.city, m.Address.state_province, m.Address.postal_code,
               m.Location.latitude, m.Location.longitude)
        .join(m.Location, m.Location.id == m.Address.location_id)).all()


def test_each_national_service_stands_at_the_zip_code_its_address_names(app):
    addresses = _built(600, spread="national", chunk=150)

    assert db.session.scalar(select(db.func.count(m.Service.id))) == 600  # every chunk written
    assert len(addresses) > 480  # about 10% are telehealth, without a location
    for city, state, postal_code, latitude, longitude in addresses:
        record = zipcodes.matching(postal_code)[0]
        assert (record["city"].title(), record["state"]) == (city, state)
        assert abs(float(record["lat"]) - latitude) <= 0.021
        assert abs(float(record["long"]) - longitude) <= 0.021
    assert len({state for _, state, *_ in addresses}) >= 30


def test_national_telehealth_serves_a_state_by_its_name(app):
    _built(300, spread="national", chunk=100)

    areas = db.session.execute(select(m.ServiceArea.name, m.ServiceArea.extent)).all()
    assert areas
    for name, extent in areas:
        code = extent.removeprefix("state:")
        assert STATES[code] == name
    assert len({extent for _, extent in areas}) > 5


def test_services_spread_over_the_country_roughly_as_people_live():
    spread = million_places.national()
    rng = random.Random(3)
    states = Counter(spread.point(rng)[2] for _ in range(20_000))

    assert set(states) == set(million_places.POPULATION)  # all 50 states and DC
    assert 0.09 < states["CA"] / 20_000 < 0.15  # 12% of Americans live in California
    assert states["TX"] > 20 * states["WY"]
    assert states["NY"] > states["NV"] > states["VT"]


def test_the_state_benches_stay_in_california(app):
    addresses = _built(200)

    assert {state for _, state, *_ in addresses} == {"CA"}
    extents = db.session.scalars(select(m.ServiceArea.extent)).all()
    assert extents and set(extents) == {"state:CA"}
