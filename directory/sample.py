"""The project taxonomy and the sample directory shipped under seeds/: loading them
(idempotently) and telling whether the sample data is what the app is showing."""

import json
import uuid
from functools import lru_cache
from pathlib import Path

from sqlalchemy import exists, select

from . import coverage
from .extensions import db
from .hsds.flatten import flatten
from .hsds.load import LoadResult, upsert_rows
from .models import Organization, TaxonomyTerm

SEEDS = Path(__file__).resolve().parent.parent / "seeds"
TAXONOMY_FILE = SEEDS / "taxonomy.json"
SAMPLE_FILE = SEEDS / "directory.json"
OE_NAMESPACE = uuid.UUID("0c5e1f0a-8f7d-4a8e-9d0e-6b1f2a3c4d5e")


def taxonomy_rows(document):
    """Return HSDS rows for the project taxonomy and the Open Eligibility terms it maps to."""
    project, oe = document["taxonomy"], document["open_eligibility"]
    rows = {"taxonomy": {project["id"]: dict(project), oe["id"]: dict(oe)}, "taxonomy_term": {}}
    mapping = {}
    for term in document["terms"]:
        rows["taxonomy_term"][term["id"]] = {
            "id": term["id"], "code": term["code"], "name": term["name"],
            "description": term.get("description"), "parent_id": term.get("parent_id"),
            "taxonomy": project["name"], "taxonomy_id": project["id"], "language": "en",
        }
        path = term.get("open_eligibility")
        if path:
            parent_id = None
            parts = [p.strip() for p in path.split(">")]
            for depth in range(len(parts)):
                key = " > ".join(parts[: depth + 1])
                term_id = str(uuid.uuid5(OE_NAMESPACE, key))
                rows["taxonomy_term"].setdefault(term_id, {
                    "id": term_id, "name": parts[depth], "parent_id": parent_id,
                    "taxonomy": oe["name"], "taxonomy_id": oe["id"], "language": "en",
                })
                parent_id = term_id
            mapping[term["id"]] = parent_id
    return rows, mapping


def load_taxonomy(path=TAXONOMY_FILE, result=None):
    """Load the project taxonomy file; return the LoadResult."""
    document = json.loads(Path(path).read_text(encoding="utf-8"))
    rows, mapping = taxonomy_rows(document)
    result = upsert_rows(rows, result or LoadResult())
    # one read of the terms and one flush (a get per term flushed, and audited, each change)
    terms = db.session.scalars(select(TaxonomyTerm).where(TaxonomyTerm.id.in_(list(mapping))))
    for term in terms:
        if term.open_eligibility_term_id != mapping[term.id]:
            term.open_eligibility_term_id = mapping[term.id]
    db.session.flush()
    return result


def load_directory(path=SAMPLE_FILE, taxonomy_path=TAXONOMY_FILE):
    """Load the taxonomy and a nested HSDS JSON directory file; commit; return the result."""
    result = load_taxonomy(taxonomy_path)
    rows, missing = flatten(json.loads(Path(path).read_text(encoding="utf-8")))
    result = upsert_rows(rows, result)
    if missing:
        from .hsds.convert import Problem

        result.problems.extend(Problem(t, None, "id", "is required") for t, _ in missing)
    db.session.commit()
    return result


@lru_cache(maxsize=4)
def sample_organization_ids(path=SAMPLE_FILE):
    """Return the ids of the organizations in the sample file (empty if there is none)."""
    try:
        document = json.loads(Path(path).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return frozenset()
    return frozenset(org["id"] for org in document if isinstance(org, dict) and "id" in org)


def sample_data_loaded():
    """Return whether any sample organization is in the database (the banner shows then):
    asked by every page, up to three times (each template rendered), and read once per
    data stamp, which every change to the directory's data moves."""
    ids = sample_organization_ids()
    if not ids:
        return False
    return coverage.per_stamp("sample data loaded", lambda: bool(db.session.scalar(
        select(exists().where(Organization.id.in_(ids))))))
