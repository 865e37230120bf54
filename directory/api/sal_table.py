"""Every listed service at its location as arrays, made once per index version (every change
to a service changes the index; search.remember), so that `/api/service_at_locations` pages
a whole directory with vector operations instead of reading every row on every request:
the rows in the directory's order (service name, service id, row id), their coordinates,
each service's rows, and the rows whose service area can be checked, grouped by the places
their areas name."""

from dataclasses import dataclass

import numpy as np

from .. import search
from . import queries


@dataclass
class SalTable:
    ids: list  # service_at_location ids, in the directory's order
    service_ids: list
    lat: np.ndarray  # NaN where the location has no coordinates
    lng: np.ndarray
    rows_of: dict  # service id -> its rows (positions), by row id
    areas: dict  # frozenset of area keys -> positions of the rows those areas hold

    @classmethod
    def read(cls):
        rows = queries.listed_service_at_locations()
        ids = [r.id for r in rows]
        service_ids = [r.service_id for r in rows]
        lat = np.array([np.nan if r.latitude is None else r.latitude for r in rows], float)
        lng = np.array([np.nan if r.longitude is None else r.longitude for r in rows], float)
        rows_of = {}
        for position in sorted(range(len(rows)), key=ids.__getitem__):
            rows_of.setdefault(service_ids[position], []).append(position)
        held = queries.service_area_keys(service_ids, ids)
        groups = {}
        for position, (sal_id, service_id) in enumerate(zip(ids, service_ids, strict=True)):
            keys = held.get(sal_id) or held.get(service_id)
            if keys is not None:
                groups.setdefault(frozenset(keys), []).append(position)
        return cls(ids, service_ids, lat, lng,
                   {sid: np.array(found, np.int64) for sid, found in rows_of.items()},
                   {keys: np.array(found, np.int64) for keys, found in groups.items()})

    def of_services(self, service_ids):
        """Return the positions of the rows of these services, in their order (each
        service's rows by row id)."""
        parts = [self.rows_of[s] for s in service_ids if s in self.rows_of]
        return np.concatenate(parts) if parts else np.zeros(0, np.int64)

    def outside(self, covers):
        """Return a mask of the rows whose service area can be checked and does not cover
        any of the place keys `covers`."""
        mask = np.zeros(len(self.ids), bool)
        for keys, positions in self.areas.items():
            if not keys & covers:
                mask[positions] = True
        return mask


def table():
    """Return the SalTable of the index version in service."""
    return search.remember("service at location table", SalTable.read)
