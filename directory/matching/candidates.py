"""The services intake matching judges: its candidates read as ServiceRecords (a dozen
bulk queries, no ORM objects: search/service_rows.py, whose ServiceFacts answer as the
model's do) and kept by each worker while the directory's data stamp holds, so a
coordinator's next search in the same area reads none of them again; and the few it
shows loaded whole as models, with everything the page shows of them.

The records are the rows as they were at the stamp: every commit that writes directory
data moves it (datastamp.py), so a kept record is never older than the database.
"""

from collections import OrderedDict

from flask import current_app

from .. import catalogue, coverage
from ..extensions import db, kept_by_app
from ..search.service_rows import load_records


class KeptRecords:
    """ServiceRecords by id for one data stamp, the least recently used dropped first."""

    def __init__(self, size):
        self.size = size
        self.stamp = None
        self.records = OrderedDict()

    def get(self, ids, stamp):
        """Return the records of `ids` that the directory holds, in the order of `ids`."""
        if stamp != self.stamp:
            self.records.clear()
            self.stamp = stamp
        missing = [i for i in dict.fromkeys(ids) if i not in self.records]
        fresh = {r.id: r for r in load_records(db.session, missing, listed_only=False)} \
            if missing else {}
        found = []
        for service_id in ids:
            record = fresh.get(service_id) or self.records.get(service_id)
            if record is None:
                continue
            found.append(record)
            if self.size:
                self.records[service_id] = record
                self.records.move_to_end(service_id)
        while len(self.records) > self.size:
            self.records.popitem(last=False)
        return found


def _kept():
    return kept_by_app("match_candidates",
                       lambda: KeptRecords(current_app.config["MATCH_CANDIDATES_KEPT"]))


def records(ids):
    """Return the ServiceRecords of `ids` (listed or not), in the order of `ids`."""
    return _kept().get(list(ids), coverage.data_stamp())


def models(services):
    """Return {id: Service model} of `services` (records or models) with what the match
    page shows of each (a card's parts: catalogue.card_loader_options), in one load."""
    ids = list(dict.fromkeys(s.id for s in services))
    return {s.id: s for s in catalogue.get_services(ids, catalogue.card_loader_options())}
