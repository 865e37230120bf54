"""Where a national directory's services are: the street-delivery ZIP codes of the 50
states and DC, from the offline gazetteer's source (the `zipcodes` package, as
directory/geo/gazetteer.py reads it), weighted roughly by where people live.

The package carries no population, so each state gets its share of the 2020 census
(thousands of residents, below), and within a state a ZIP code weighs 1 + log2 of the
number of ZIP codes its city has: Los Angeles's ZIP codes count about 8 times a
one-ZIP town's, close to the ratio of their residents per ZIP code. Roughly right is
the aim: most services where most people are, every state and many small towns with
some. California ends up with about 12% of the services (120,000 of a million, near the
100,000 of the California-only benches)."""

import math
from collections import Counter
from dataclasses import dataclass
from functools import lru_cache
from itertools import accumulate

import zipcodes

from directory.geo.states import STATES

# Resident population, 2020 census, in thousands (apportionment counts; DC's own count).
POPULATION = {
    "AL": 5024, "AK": 733, "AZ": 7152, "AR": 3012, "CA": 39538, "CO": 5774, "CT": 3606,
    "DE": 990, "DC": 690, "FL": 21538, "GA": 10712, "HI": 1455, "ID": 1839, "IL": 12813,
    "IN": 6786, "IA": 3190, "KS": 2938, "KY": 4506, "LA": 4658, "ME": 1362, "MD": 6177,
    "MA": 7030, "MI": 10077, "MN": 5706, "MS": 2961, "MO": 6155, "MT": 1084, "NE": 1962,
    "NV": 3105, "NH": 1378, "NJ": 9289, "NM": 2118, "NY": 20201, "NC": 10439, "ND": 779,
    "OH": 11799, "OK": 3959, "OR": 4237, "PA": 13003, "RI": 1097, "SC": 5118, "SD": 887,
    "TN": 6911, "TX": 29146, "UT": 3272, "VT": 643, "VA": 8631, "WA": 7705, "WV": 1794,
    "WI": 5894, "WY": 577,
}


@dataclass(frozen=True)
class Spread:
    """ZIP points (zip, city, state, lat, lng), their cumulative weights for
    `random.choices`, and the states with their cumulative weights (for services that
    reach people at home: telehealth serves a state)."""

    points: list
    cumulative: list
    states: list
    state_cumulative: list

    def point(self, rng):
        return rng.choices(self.points, cum_weights=self.cumulative)[0]

    def state(self, rng):
        code = rng.choices(self.states, cum_weights=self.state_cumulative)[0]
        return code, STATES[code]


@lru_cache(maxsize=1)
def national():
    """Return the Spread of the 50 states and DC (built once; no network)."""
    records = [z for z in zipcodes.list_all() if z["state"] in POPULATION]
    per_city = Counter((z["state"], z["city"]) for z in records)
    points, weights = [], []
    for z in records:
        if not z["active"] or z["zip_code_type"] != "STANDARD":
            continue
        try:
            lat, lng = float(z["lat"]), float(z["long"])
        except (TypeError, ValueError):
            continue
        points.append((z["zip_code"], z["city"].title(), z["state"], lat, lng))
        weights.append(1 + math.log2(per_city[(z["state"], z["city"])]))
    state_weight = Counter()
    for (_, _, state, _, _), weight in zip(points, weights, strict=True):
        state_weight[state] += weight
    scaled = [w * POPULATION[p[2]] / state_weight[p[2]] for p, w in zip(points, weights,
                                                                        strict=True)]
    states = sorted(POPULATION)
    return Spread(points, list(accumulate(scaled)), states,
                  list(accumulate(POPULATION[s] for s in states)))
