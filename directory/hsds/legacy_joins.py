"""The steps of reading an HSDS 1.x or 2.0 package that need every row read first
(legacy_rows.py calls them in turn): eligibility, fees, payments and interpretation rows
joined to the text of their service, and payments to this directory's payment terms; 1.0's
taxonomy_ids and location_id made attributes and service_at_location records; parents named
by parent_name only found; each 1.x change filed under the table of the record it names."""

from collections import defaultdict

from sqlalchemy import select

from ..extensions import db
from ..languages import code_for, language_name
from .convert import Problem
from .legacy_fields import LIST, PAYMENTS, derive

# file -> (the service's field, the words before the values, how values are joined)
TEXT = {"eligibility": ("eligibility_description", "", ", "),
        "interpretation_services": ("interpretation_services", "", ", "),
        "fees": ("fees_description", "", "; "),
        "payments_accepted": ("fees_description", "Payments accepted: ", ", ")}


def _texts(mapper):
    """Join eligibility, fees, payments and interpretation rows to their service's text."""
    pieces, payments = defaultdict(list), defaultdict(set)
    for file, record_id, values in mapper.later["text"]:
        field, label, joiner = TEXT[file]
        service_id = str(values.get("service_id") or "").strip()
        text = str(values.get(field) or "").strip()
        written = [p for p in ([text] if file == "fees" else LIST.split(text)) if p]
        if not written:
            mapper.ignored[f"{file} (rows that name no value)"] += 1
        elif service_id not in mapper.rows["service"]:
            mapper.problem(file, record_id, "service_id", (
                f"refers to service {service_id or '(none)'}, which is not in this package; "
                f"HSDS 3.0 keeps its {field} on the service itself"))
        else:
            if file == "interpretation_services":
                written = [language_name(code_for(w)) or w for w in written]
            pieces[(service_id, field, label, joiner)] += written
            if file == "payments_accepted":
                payments[service_id] |= {PAYMENTS[w.lower()] for w in written
                                         if w.lower() in PAYMENTS}
    for (service_id, field, label, joiner), written in pieces.items():
        service = mapper.rows["service"][service_id]
        unique = list(dict.fromkeys(written))
        text = label + joiner.join(unique) + ("." if label else "")
        own = str(service.get(field) or "").strip()
        service[field] = f"{own}; {text}" if own else text
    _payment_terms(mapper, payments)


def _payment_terms(mapper, payments):
    """Give services the payment terms of this directory their payments name."""
    if not payments:
        return
    from ..models import TaxonomyTerm

    group = select(TaxonomyTerm.id).where(TaxonomyTerm.code == "payment",
                                          TaxonomyTerm.parent_id.is_(None))
    terms = dict(db.session.execute(select(TaxonomyTerm.code, TaxonomyTerm.id).where(
        TaxonomyTerm.parent_id.in_(group.scalar_subquery()))).all())
    for service_id, codes in payments.items():
        for code in sorted(codes & set(terms)):
            mapper.put("attribute", derive(f"service {service_id} term {terms[code]}"), {
                "link_id": service_id, "link_entity": "service", "link_type": "service",
                "taxonomy_term_id": terms[code]}, "payments_accepted")


def _links(mapper):
    """Attach 1.0's taxonomy_ids and locate 1.0's services at their location_id."""
    linked = {(a.get("link_id"), a.get("taxonomy_term_id"))
              for a in mapper.rows["attribute"].values()}
    for service_id, term in mapper.later["terms"]:
        if (service_id, term) not in linked:
            linked.add((service_id, term))
            mapper.put("attribute", derive(f"service {service_id} term {term}"), {
                "link_id": service_id, "link_entity": "service", "link_type": "service",
                "taxonomy_term_id": term}, "services")
    located = {(s.get("service_id"), s.get("location_id"))
               for s in mapper.rows["service_at_location"].values()}
    for pair in mapper.later["locations"]:
        if pair not in located:
            located.add(pair)
            mapper.put("service_at_location", derive("service {} at {}".format(*pair)),
                       {"service_id": pair[0], "location_id": pair[1]}, "services")


def _parents(mapper):
    """Find the parents 1.x names by parent_name only."""
    named = defaultdict(set)
    for term_id, term in mapper.rows["taxonomy_term"].items():
        named[str(term.get("name") or "").strip().lower()].add(term_id)
    for term_id, parent_name in mapper.later["parents"]:
        found = named.get(parent_name.lower(), set()) - {term_id}
        if len(found) == 1:
            mapper.rows["taxonomy_term"][term_id]["parent_id"] = found.pop()
        else:
            mapper.warnings.append(Problem("taxonomy_term", term_id, "parent_name", (
                f"{parent_name!r} names {'several terms' if found else 'no term'} of this "
                "package; imported without a parent")))


def _metadata(mapper):
    """File each 1.x change under the table of the record it names."""
    tables = {record_id: table for table, records in mapper.rows.items()
              for record_id in records}
    for file, record_id, values in mapper.later["changes"]:
        table = tables.get(str(values.get("resource_id") or "").strip())
        if table is None:
            mapper.problem(file, record_id, "resource_id", (
                f"names {values.get('resource_id') or 'no record'}, which is in no table of "
                "this package (HSDS 1.x changes do not say which table)"))
        else:
            mapper.put("metadata", record_id, {**values, "resource_type": table}, file)


STEPS = (_texts, _links, _parents, _metadata)
