"""Putting services in categories, for records being imported (`apply`, called by the
import's normalize step, so `import-hsds` and `sync-hsds` both do it) and for the records
already in the directory (`categorize_directory`, the `flask categorize` command). Both
read the same facts and make one plan: an `attribute` row per category (and population
term) a service's record implies, with an id derived from the service and the term, so
importing again adds nothing twice.

Left as they are: a service whose categories an editor chose (choice.py; any category
link its feed brings is dropped too), and a service whose record already names categories
of this directory itself (another copy of this directory, a file written for it). Nothing
is ever removed: a category an editor or a source gave stays."""

import uuid
from collections import Counter
from dataclasses import dataclass, field

from sqlalchemy import select

from .. import models as m
from ..extensions import db
from . import choice
from .crosswalk import crosswalk
from .decide import Evidence, decide

CHUNK = 2000
# Namespace of the attribute rows this module writes: uuid5(DERIVED, "service:term").
DERIVED = uuid.UUID("3b7f2c9e-5d41-4a8b-9c6e-0f2d8e4a1b7c")
LABELS = {"terms": "its taxonomy terms", "text": "its name and description",
          "organization": "its organization's description",
          "place": "the kind of place it names"}


def derived_id(service_id, term_id):
    """Return the id of the attribute row linking a service to a term it was given here."""
    return str(uuid.uuid5(DERIVED, f"{service_id}:{term_id}"))


@dataclass
class Vocabulary:
    """This directory's category and population terms ({code: term id})."""

    categories: dict = field(default_factory=dict)
    populations: dict = field(default_factory=dict)
    taxonomy_ids: set = field(default_factory=set)

    @classmethod
    def load(cls):
        roots = dict(db.session.execute(select(m.TaxonomyTerm.code, m.TaxonomyTerm.id).where(
            m.TaxonomyTerm.parent_id.is_(None),
            m.TaxonomyTerm.code.in_(("category", "population")))).all())
        found = cls()
        for group, target in (("category", found.categories),
                              ("population", found.populations)):
            if group in roots:
                for code, term_id, taxonomy_id in db.session.execute(select(
                        m.TaxonomyTerm.code, m.TaxonomyTerm.id, m.TaxonomyTerm.taxonomy_id)
                        .where(m.TaxonomyTerm.parent_id == roots[group])):
                    target[code] = term_id
                    found.taxonomy_ids.add(taxonomy_id)
        return found


@dataclass
class Facts:
    """What the plan reads, as plain values: {id: values} per kind of record."""

    services: dict = field(default_factory=dict)  # id -> {name, description, organization_id}
    links: dict = field(default_factory=dict)  # service id -> {attribute id: term id}
    terms: dict = field(default_factory=dict)  # id -> {code, name, taxonomy_id}
    organizations: dict = field(default_factory=dict)  # id -> {name, description}
    sizes: Counter = field(default_factory=Counter)  # organization id -> its services
    chosen: set = field(default_factory=set)


@dataclass
class Plan:
    """The attribute rows to write and what an operator should hear about."""

    rows: dict = field(default_factory=dict)
    services: int = 0
    uncategorised: list = field(default_factory=list)  # service ids
    unmapped: Counter = field(default_factory=Counter)  # term names nobody mapped
    missing: set = field(default_factory=set)  # category codes the directory lacks
    given: Counter = field(default_factory=Counter)  # category code -> services given it


def _in_chunks(ids):
    ids = sorted(i for i in ids if i)
    for start in range(0, len(ids), CHUNK):
        yield ids[start:start + CHUNK]


def read_stored(facts, service_ids):
    """Add to `facts` what the directory holds about these services (links, terms,
    organizations, how many services each organization has, the editors' choices)."""
    for ids in _in_chunks(service_ids):
        for attribute_id, link_id, term_id in db.session.execute(
                select(m.Attribute.id, m.Attribute.link_id, m.Attribute.taxonomy_term_id)
                .where(m.Attribute.link_entity == "service", m.Attribute.link_id.in_(ids))):
            facts.links.setdefault(link_id, {})[attribute_id] = term_id
    wanted = {t for links in facts.links.values() for t in links.values()} - set(facts.terms)
    for ids in _in_chunks(wanted):
        for row in db.session.execute(select(m.TaxonomyTerm.id, m.TaxonomyTerm.code,
                                             m.TaxonomyTerm.name, m.TaxonomyTerm.taxonomy_id)
                                      .where(m.TaxonomyTerm.id.in_(ids))):
            facts.terms[row.id] = {"code": row.code, "name": row.name,
                                   "taxonomy_id": row.taxonomy_id}
    organizations = {s.get("organization_id") for s in facts.services.values()}
    for ids in _in_chunks(organizations - set(facts.organizations)):
        for row in db.session.execute(select(m.Organization.id, m.Organization.name,
                                             m.Organization.description)
                                      .where(m.Organization.id.in_(ids))):
            facts.organizations[row.id] = {"name": row.name, "description": row.description}
    members = {}
    for ids in _in_chunks(organizations):
        for service_id, organization_id in db.session.execute(
                select(m.Service.id, m.Service.organization_id)
                .where(m.Service.organization_id.in_(ids))):
            members.setdefault(organization_id, set()).add(service_id)
    for service_id, values in facts.services.items():
        members.setdefault(values.get("organization_id"), set()).add(service_id)
    facts.sizes.update({o: len(ids) for o, ids in members.items()})
    facts.chosen |= choice.chosen(service_ids)
    return facts


def _evidence(facts, vocabulary, service_id, values):
    organization = facts.organizations.get(values.get("organization_id")) or {}
    described = organization.get("description")
    if described and described.strip() == (organization.get("name") or "").strip():
        described = None  # exports that must give a description repeat the name
    terms = [facts.terms[t] for t in facts.links.get(service_id, {}).values()
             if t in facts.terms]
    return Evidence(values.get("name"), values.get("description"),
                    [(t.get("code"), t.get("name")) for t in terms
                     if t.get("taxonomy_id") not in vocabulary.taxonomy_ids],
                    organization.get("name"), described,
                    facts.sizes.get(values.get("organization_id"), 1))


def plan(facts, vocabulary):
    """Return the Plan for the services of `facts`."""
    result, walk = Plan(services=len(facts.services)), crosswalk()
    own_categories = set(vocabulary.categories.values())
    for service_id, values in facts.services.items():
        links = facts.links.get(service_id, {})
        has = {t for t in links.values() if t in own_categories}
        given_elsewhere = any(a != derived_id(service_id, t) for a, t in links.items()
                              if t in own_categories)
        if service_id in facts.chosen or given_elsewhere:
            if not has:
                result.uncategorised.append(service_id)
            continue
        decision = decide(walk, _evidence(facts, vocabulary, service_id, values))
        result.unmapped.update(decision.unknown_terms)
        wanted = [(code, vocabulary.categories.get(code)) for code in decision.categories]
        wanted += [(None, vocabulary.populations.get(c)) for c in decision.populations]
        result.missing |= {code for code, term_id in wanted if code and term_id is None}
        for code, term_id in wanted:
            if term_id is None or term_id in links.values():
                continue
            row_id = derived_id(service_id, term_id)
            result.rows[row_id] = {
                "id": row_id, "link_id": service_id, "link_type": "service",
                "link_entity": "service", "taxonomy_term_id": term_id, "value": None,
                "label": f"Filed here from {LABELS[decision.source or 'terms']}"}
            if code:
                result.given[code] += 1
                has.add(term_id)
        if not has:
            result.uncategorised.append(service_id)
    return result


def summary(result, names=None):
    """Return the sentence an operator reads about services left in no category."""
    text = (f"{len(result.uncategorised):,} of {result.services:,} services land in no "
            "category")
    if result.unmapped:
        common = ", ".join(f"{name!r} ({count})" for name, count
                           in result.unmapped.most_common(5))
        text += f"; the commonest terms that map to none: {common}"
    if result.missing:
        text += (f"; this directory lacks {len(result.missing)} of the categories they map "
                 "to: `flask --app directory categorize` adds them")
    return text + (". Map term names in seeds/crosswalk_names.json, or set a service's "
                   "categories under Edit service")


def apply(checked):
    """Put the services of an import in categories: add the attribute rows to the checked
    records, and a warning saying how many services land in none and which terms nobody
    mapped yet. Does nothing before the project taxonomy is loaded."""
    from ..hsds.convert import Problem

    services = checked.valid.get("service") or {}
    vocabulary = Vocabulary.load() if services else None
    if not vocabulary or not vocabulary.categories:
        return
    attributes = checked.valid.setdefault("attribute", {})
    facts = Facts(services=dict(services))
    for attribute_id, values in attributes.items():
        if values.get("link_id") in services and values.get("link_entity") in (None, "service"):
            facts.links.setdefault(values["link_id"], {})[attribute_id] = \
                values.get("taxonomy_term_id")
    facts.terms.update({i: {k: v.get(k) for k in ("code", "name", "taxonomy_id")}
                        for i, v in (checked.valid.get("taxonomy_term") or {}).items()})
    facts.organizations.update({i: {"name": v.get("name"), "description": v.get("description")}
                                for i, v in (checked.valid.get("organization") or {}).items()})
    read_stored(facts, services)
    own = set(vocabulary.categories.values())
    for attribute_id, values in list(attributes.items()):
        # an editor's choice stands: the feed's category links for that service are not taken
        if values.get("link_id") in facts.chosen and values.get("taxonomy_term_id") in own:
            del attributes[attribute_id]
    result = plan(facts, vocabulary)
    attributes.update(result.rows)
    if result.uncategorised:
        checked.warnings.append(Problem("service", None, "category", summary(result)))


def categorize_directory(write=True):
    """File every service already in the directory the way an import would; return the
    Plan. Written in one transaction, the search index rebuilt once at the end."""
    from .. import search
    from ..hsds import bulk

    vocabulary, total = Vocabulary.load(), Plan()
    ids = list(db.session.scalars(select(m.Service.id)))
    for chunk in _in_chunks(ids):
        facts = Facts(services={row.id: {"name": row.name, "description": row.description,
                                         "organization_id": row.organization_id}
                                for row in db.session.execute(
                                    select(m.Service.id, m.Service.name, m.Service.description,
                                           m.Service.organization_id)
                                    .where(m.Service.id.in_(chunk)))})
        part = plan(read_stored(facts, chunk), vocabulary)
        total.rows.update(part.rows)
        total.services += part.services
        total.uncategorised += part.uncategorised
        total.missing |= part.missing
        total.unmapped.update(part.unmapped)
        total.given.update(part.given)
    if write and total.rows:
        with bulk.writing_as("categorize"):
            bulk.write({"attribute": total.rows})
        search.rebuild()
    return total
