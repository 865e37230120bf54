"""Taxonomies and how records are tagged: HSDS taxonomy, taxonomy_term and attribute."""

from sqlalchemy import ForeignKey, String, Text
from sqlalchemy.orm import Mapped, mapped_column, relationship

from ..extensions import db
from .base import HSDSRecord, fk


class Taxonomy(HSDSRecord, db.Model):
    """A named vocabulary of terms (HSDS `taxonomy`)."""

    __tablename__ = "taxonomy"

    name: Mapped[str] = mapped_column(String(255))
    description: Mapped[str | None] = mapped_column(Text)
    uri: Mapped[str | None] = mapped_column(String(500))
    version: Mapped[str | None] = mapped_column(String(64))

    terms = relationship("TaxonomyTerm", back_populates="taxonomy_record",
                         cascade="all, delete-orphan", passive_deletes=True)


class TaxonomyTerm(HSDSRecord, db.Model):
    """A term of a taxonomy, possibly under a parent term (HSDS `taxonomy_term`).

    `open_eligibility_term_id` maps a project category to its Open Eligibility
    equivalent, so exports carry a term other directories know.
    """

    __tablename__ = "taxonomy_term"

    code: Mapped[str | None] = mapped_column(String(100), index=True)
    name: Mapped[str] = mapped_column(String(255))
    description: Mapped[str | None] = mapped_column(Text)
    # No constraint: a term may name a parent of a taxonomy held elsewhere (kept as written).
    parent_id: Mapped[str | None] = mapped_column(String(36), index=True)
    taxonomy: Mapped[str | None] = mapped_column(String(255))
    language: Mapped[str | None] = mapped_column(String(16))
    taxonomy_id: Mapped[str | None] = fk("taxonomy.id")
    term_uri: Mapped[str | None] = mapped_column(String(500))
    open_eligibility_term_id: Mapped[str | None] = mapped_column(
        String(36), ForeignKey("taxonomy_term.id", ondelete="SET NULL")
    )

    parent = relationship("TaxonomyTerm", back_populates="children",
                          primaryjoin="foreign(TaxonomyTerm.parent_id) == remote(TaxonomyTerm.id)")
    children = relationship("TaxonomyTerm", back_populates="parent", order_by="TaxonomyTerm.name",
                            primaryjoin="TaxonomyTerm.id == foreign(TaxonomyTerm.parent_id)")
    open_eligibility_term = relationship("TaxonomyTerm", remote_side="TaxonomyTerm.id",
                                         foreign_keys=[open_eligibility_term_id])
    taxonomy_record = relationship("Taxonomy", back_populates="terms")

    @property
    def group(self):
        """Return the code of the top-level term this term sits under (e.g. "payment")."""
        return self.parent.code if self.parent is not None else None


class Attribute(HSDSRecord, db.Model):
    """A taxonomy term attached to any record (HSDS `attribute`).

    `link_id` names the record and `link_entity` its table (e.g. "service").
    """

    __tablename__ = "attribute"

    link_id: Mapped[str] = mapped_column(String(36), index=True)
    taxonomy_term_id: Mapped[str] = fk("taxonomy_term.id")
    link_type: Mapped[str | None] = mapped_column(String(100))
    link_entity: Mapped[str] = mapped_column(String(50))
    value: Mapped[str | None] = mapped_column(Text)
    label: Mapped[str | None] = mapped_column(String(255))

    taxonomy_term = relationship("TaxonomyTerm")
