"""Lists shown a page at a time (a category's services, the staff's services list): the
page number a query string asks for, read forgivingly (anything that is not a page number
is the first page), and the page's place among all of them."""

from dataclasses import dataclass


def page_number(args, name="page"):
    """Return the page `args` asks for: a whole number from 1, else 1."""
    raw = (args.get(name) or "").strip()
    return int(raw) if raw.isdigit() and 0 < int(raw) < 10**6 else 1


@dataclass(frozen=True)
class Pages:
    """Where one page sits: its number, its size and how many items there are in all."""

    page: int
    per_page: int
    total: int

    @property
    def count(self):
        return max(1, -(-self.total // self.per_page))

    @property
    def past_the_end(self):
        return self.total > 0 and self.page > self.count

    @property
    def offset(self):
        return (self.page - 1) * self.per_page
