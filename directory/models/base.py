"""What every HSDS table shares: a UUID string id, and the clock the records use."""

import uuid
from datetime import UTC, datetime

from sqlalchemy import Integer, String
from sqlalchemy.orm import Mapped, declared_attr, mapped_column

UUID_LENGTH = 36


def new_id():
    """Return a new HSDS identifier (a random UUID as a string)."""
    return str(uuid.uuid4())


def utcnow():
    """Return the current UTC time without tzinfo, the way both databases store it."""
    return datetime.now(UTC).replace(tzinfo=None)


class HSDSRecord:
    """Mixin for HSDS tables: a UUID string primary key named `id`."""

    id: Mapped[str] = mapped_column(String(UUID_LENGTH), primary_key=True, default=new_id)

    def __repr__(self):
        label = getattr(self, "name", None) or self.id
        return f"<{type(self).__name__} {label}>"


def fk(target, **kwargs):
    """Return a nullable, indexed UUID foreign-key column to `target` (table.column)."""
    from sqlalchemy import ForeignKey

    ondelete = kwargs.pop("ondelete", "CASCADE")
    return mapped_column(
        String(UUID_LENGTH), ForeignKey(target, ondelete=ondelete), index=True, **kwargs
    )


class Versioned:
    """Mixin for the records staff edit: a version counter the editors bump on every save.

    SQLAlchemy puts the loaded version in each UPDATE's WHERE clause, so a save whose
    record a colleague committed in the meantime matches no row and is refused
    (directory/staff/conflicts.py) instead of overwriting theirs. Only the editors bump it
    (`version_id_generator` off): imports and the audit's timestamps leave it alone.
    """

    version: Mapped[int] = mapped_column(Integer, nullable=False, default=1,
                                         server_default="1")

    @declared_attr.directive
    def __mapper_args__(cls):
        return {"version_id_col": cls.__table__.c.version, "version_id_generator": False}
