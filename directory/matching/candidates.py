"""The services intake matching judges: its candidates read as ServiceRecords (a dozen
bulk queries, no ORM objects: search/service_rows.py, whose ServiceFacts answer as the
model's do) and kept by each worker while the directory's data stamp holds, so a
coordinator's next search in the same area reads none of them again; and the few it
shows loaded whole as models, with everything the page shows of them.

The records are the rows as they were at the stamp: every commit that writes directory
data moves it (datastamp.py), so a kept record is never older than the database.
"""

from flask import current_app

from .. import catalogue, coverage
from ..extensions import db, kept_by_app
from ..kept import KeptByStamp
from ..search.service_rows import load_records


def _kept():
    return kept_by_app("match_candidates",
                       lambda: KeptByStamp(current_app.config["MATCH_CANDIDATES_KEPT"]))


def records(ids):
    """Return the ServiceRecords of `ids` (listed or not), in the order of `ids`."""
    return _kept().get(list(ids), coverage.data_stamp(), _read)


def _read(ids):
    return {r.id: r for r in load_records(db.session, ids, listed_only=False)}


def models(services):
    """Return {id: Service model} of `services` (records or models) with what the match
    page shows of each (a card's parts: catalogue.card_loader_options), in one load."""
    ids = list(dict.fromkeys(s.id for s in services))
    return {s.id: s for s in catalogue.get_services(ids, catalogue.card_loader_options())}
