"""Keeping up to date from another directory's HSDS API (`flask sync-hsds URL`): page
through its /services (fully nested; from the second run on, only those modified on or
after the newest change already seen), import them the way `import-hsds` does, and note
for each service where and when it came from. A service staff changed here since the last
sync is never overwritten: the feed's copy is kept beside it as a conflict for an editor.
With `prune`, services this feed gave and no longer lists are removed. A lease in the
feed's row lets one run at a time, so cron can start it as often as it likes."""

import json
import tempfile
import uuid
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from pathlib import Path
from urllib.error import URLError
from urllib.parse import urlencode
from urllib.request import Request, urlopen

from sqlalchemy import delete, or_, select, update
from sqlalchemy.exc import IntegrityError

from .. import boundedjson
from .. import models as m
from ..config import limit
from ..extensions import db
from . import importer

PER_PAGE = 100
MINIMAL_PER_PAGE = 1000
BATCH_SERVICES = 2000  # services imported per transaction
MAX_PAGES = 100000
LEASE = timedelta(hours=2)
TIMEOUT = 60


class FeedError(Exception):
    """The feed cannot be read (unreachable, not JSON, not an HSDS Page)."""


class FeedBusy(Exception):
    """Another run of this feed holds the lease."""


@dataclass
class SyncReport:
    """What one run fetched and did."""

    url: str
    fetched: int = 0
    created: int = 0
    updated: int = 0
    unchanged: int = 0
    conflicts: list = field(default_factory=list)  # (service id, name)
    pruned: list = field(default_factory=list)
    problems: list = field(default_factory=list)
    since: datetime | None = None


def _utcnow():
    return datetime.now(UTC).replace(tzinfo=None)


def _moment(text):
    try:
        moment = datetime.fromisoformat(text or "")
    except ValueError:
        return None
    return moment.astimezone(UTC).replace(tzinfo=None) if moment.tzinfo else moment


def get_json(url):
    """Return the JSON document at `url`, or raise FeedError saying why not: read no
    further than HSDS_FEED_MAX_BYTES and nested no deeper than JSON_MAX_DEPTH."""
    request = Request(url, headers={"Accept": "application/json",
                                    "User-Agent": "referral-directory sync-hsds"})
    most = limit("HSDS_FEED_MAX_BYTES")
    try:
        with urlopen(request, timeout=TIMEOUT) as response:  # pages() allows http(s) only
            declared = response.headers.get("Content-Length", "")
            if declared.isdigit() and int(declared) > most:
                raise boundedjson.TooLarge(f"is {int(declared):,} bytes long; at most "
                                           f"{most:,} are accepted")
            data = boundedjson.read_limited(response, most)
        return boundedjson.loads(data, max_depth=limit("JSON_MAX_DEPTH"))
    except boundedjson.LimitExceeded as exc:
        setting = {boundedjson.TooLarge: " (HSDS_FEED_MAX_BYTES)",
                   boundedjson.TooDeep: " (JSON_MAX_DEPTH)"}.get(type(exc), "")
        raise FeedError(f"{url}: the answer {exc}{setting}") from None
    except (URLError, OSError, ValueError) as exc:
        raise FeedError(f"{url}: {exc}") from None


def pages(base, **params):
    """Yield the contents of each Page of `base` + /services, first to last."""
    if not base.startswith(("http://", "https://")):
        raise FeedError(f"{base}: the feed must be an http:// or https:// address")
    for number in range(1, MAX_PAGES + 1):
        query = urlencode({**params, "page": number})
        page = get_json(f"{base.rstrip('/')}/services?{query}")
        if not isinstance(page, dict) or not isinstance(page.get("contents"), list):
            raise FeedError(f"{base}/services: the answer is not an HSDS Page")
        yield page["contents"]
        if not page["contents"] or page.get("last_page", True) \
                or number >= (page.get("total_pages") or number):
            return


def _acquire(url, holder):
    now = _utcnow()
    source = db.session.scalar(select(m.FeedSource).where(m.FeedSource.url == url))
    if source is None:
        try:
            db.session.add(m.FeedSource(url=url))
            db.session.commit()
        except IntegrityError:  # another run made it first; the lease decides below
            db.session.rollback()
    taken = db.session.execute(
        update(m.FeedSource).where(m.FeedSource.url == url, or_(
            m.FeedSource.locked_until.is_(None), m.FeedSource.locked_until < now))
        .values(locked_by=holder, locked_until=now + LEASE)).rowcount
    db.session.commit()
    if taken != 1:
        raise FeedBusy(f"{url} is being synced by another run; try again later.")
    return db.session.scalar(select(m.FeedSource).where(m.FeedSource.url == url))


def _release(source_id, holder):
    db.session.rollback()
    db.session.execute(update(m.FeedSource).where(
        m.FeedSource.id == source_id, m.FeedSource.locked_by == holder)
        .values(locked_by=None, locked_until=None))
    db.session.commit()


def _split(batch, source, report):
    """Return the services of `batch` that may be written; note the conflicts."""
    ids = [s["id"] for s in batch if isinstance(s, dict) and s.get("id")]
    versions = dict(db.session.execute(select(m.Service.id, m.Service.version)
                                       .where(m.Service.id.in_(ids))).all())
    records = {r.service_id: r for r in db.session.scalars(
        select(m.FeedRecord).where(m.FeedRecord.service_id.in_(ids)))}
    writable = []
    for obj in batch:
        record, version = records.get(obj.get("id")), versions.get(obj.get("id"))
        edited_here = version is not None and (
            record is None or record.source_id != source.id or record.synced_version != version)
        if not edited_here:
            writable.append(obj)
            continue
        if record is None:
            record = m.FeedRecord(service_id=obj["id"], source_id=source.id,
                                  fetched_at=_utcnow())
            db.session.add(record)
        record.conflict, record.incoming = True, json.dumps(obj, ensure_ascii=False)
        record.source_modified = _moment(obj.get("last_modified"))
        report.conflicts.append((obj["id"], obj.get("name")))
    db.session.commit()
    return writable


def _import(services, source, report):
    """Import `services` as import-hsds would, then record where each came from."""
    if not services:
        return
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "sync-hsds.json"
        path.write_text(json.dumps(services, ensure_ascii=False), encoding="utf-8")
        result = importer.import_path(path, rebuild_index=False)
    report.created += result.created["service"]
    report.updated += result.updated["service"]
    report.unchanged += result.unchanged["service"]
    report.problems += [str(p) for p in result.problems]
    ids = [s["id"] for s in services]
    versions = dict(db.session.execute(select(m.Service.id, m.Service.version)
                                       .where(m.Service.id.in_(ids))).all())
    now = _utcnow()
    for obj in services:
        if obj["id"] in versions:
            db.session.merge(m.FeedRecord(
                service_id=obj["id"], source_id=source.id, fetched_at=now,
                source_modified=_moment(obj.get("last_modified")),
                synced_version=versions[obj["id"]], conflict=False, incoming=None))
    db.session.commit()


def _prune(base, source, report):
    """Remove the services this feed gave that it no longer lists (conflicts stay)."""
    listed = {s.get("id") for page in pages(base, minimal="true", per_page=MINIMAL_PER_PAGE)
              for s in page if isinstance(s, dict)}
    gone = list(db.session.scalars(select(m.FeedRecord.service_id).where(
        m.FeedRecord.source_id == source.id, m.FeedRecord.conflict.is_(False))))
    gone = [service_id for service_id in gone if service_id not in listed]
    for service_id in gone:
        service = db.session.get(m.Service, service_id)
        if service is not None:
            report.pruned.append((service_id, service.name))
            db.session.delete(service)
    if gone:
        db.session.execute(delete(m.FeedRecord).where(m.FeedRecord.service_id.in_(gone)))
    db.session.commit()


def sync(url, prune=False, everything=False):
    """Bring this directory up to date from the HSDS API at `url`; return a SyncReport.

    `everything` asks for every service again instead of those changed since last time.
    """
    holder = uuid.uuid4().hex
    source = _acquire(url, holder)
    report = SyncReport(url=url, since=None if everything else source.high_water)
    high_water, started, source_id = source.high_water, _utcnow(), source.id
    session = db.session
    session.info["search_sync_disabled"] = True
    try:
        params = {"full": "true", "per_page": PER_PAGE}
        if report.since is not None:
            params["modified_after"] = report.since.isoformat() + "Z"
        batch = []
        for contents in pages(url, **params):
            batch.extend(s for s in contents if isinstance(s, dict) and s.get("id"))
            if len(batch) >= BATCH_SERVICES or not contents:
                high_water = _flush(batch, source, report, high_water)
                batch = []
        high_water = _flush(batch, source, report, high_water)
        if prune:
            _prune(url, source, report)
        session.execute(update(m.FeedSource).where(m.FeedSource.id == source_id)
                        .values(high_water=high_water, last_run_at=started))
        session.commit()
    finally:
        session.info.pop("search_sync_disabled", None)
        _release(source_id, holder)
        if report.created or report.updated or report.pruned:  # even when a page failed
            from .. import search

            search.rebuild()
    return report


def _flush(batch, source, report, high_water):
    report.fetched += len(batch)
    _import(_split(batch, source, report), source, report)
    seen = [t for t in (_moment(s.get("last_modified")) for s in batch) if t is not None]
    return max([high_water, *seen], key=lambda t: t or datetime.min)


def waiting(url):
    """Return [(service id, name here, name at the feed)] of this feed's conflicts."""
    rows = db.session.execute(
        select(m.FeedRecord.service_id, m.Service.name, m.FeedRecord.incoming)
        .join(m.FeedSource, m.FeedSource.id == m.FeedRecord.source_id)
        .outerjoin(m.Service, m.Service.id == m.FeedRecord.service_id)
        .where(m.FeedSource.url == url, m.FeedRecord.conflict.is_(True))
        .order_by(m.FeedRecord.service_id)).all()
    return [(i, name, json.loads(incoming or "{}").get("name")) for i, name, incoming in rows]


def resolve(url, service_id, take_feed):
    """Settle a conflict: take the feed's copy over the edit made here, or keep this one
    (later changes at the feed apply again). Return False when there is no such conflict."""
    record = db.session.scalar(select(m.FeedRecord).join(
        m.FeedSource, m.FeedSource.id == m.FeedRecord.source_id).where(
        m.FeedSource.url == url, m.FeedRecord.service_id == service_id,
        m.FeedRecord.conflict.is_(True)))
    if record is None:
        return False
    source, incoming = db.session.get(m.FeedSource, record.source_id), record.incoming
    record.conflict, record.incoming = False, None
    record.synced_version = db.session.scalar(
        select(m.Service.version).where(m.Service.id == service_id))
    db.session.commit()
    if take_feed and incoming:
        report = SyncReport(url=url)
        _import([json.loads(incoming)], source, report)
        from .. import search

        search.rebuild()
    return True
