"""Rate-limit counts kept in the database, so every worker of a server (and every server
on the same database) counts sign-in attempts and suggestions together."""

from sqlalchemy import Float, Integer, String
from sqlalchemy.orm import Mapped, mapped_column

from ..extensions import db


class RateLimitCount(db.Model):
    """One limit's count for one key (an account at an address, an address) in its window.

    The key is a hash: the table holds no email or network address in the clear."""

    __tablename__ = "rate_limit_count"

    key: Mapped[str] = mapped_column(String(64), primary_key=True)
    count: Mapped[int] = mapped_column(Integer, nullable=False)
    # Seconds since the epoch when this window ends (the limits library counts that way).
    expires_at: Mapped[float] = mapped_column(Float, nullable=False)
