"""`flask categorize`: put the services already in the directory in its categories, the way
an import puts the services it brings (directory/categories/assign.py), after loading the
project taxonomy so that categories added since the directory was seeded exist."""

import click

from .. import sample
from ..extensions import db
from . import assign


@click.command("categorize")
@click.option("--dry-run", is_flag=True, help="Say what would change; change nothing.")
@click.option("--list", "listing", is_flag=True,
              help="Also list the services that land in no category (id and name).")
def categorize_command(dry_run, listing):
    """File every service in this directory's categories from its own taxonomy terms and
    words; a service an editor categorized keeps the editor's choice."""
    if not dry_run:
        sample.load_taxonomy()  # the categories this version of the directory knows
        db.session.commit()
    result = assign.categorize_directory(write=not dry_run)
    services = {row["link_id"] for row in result.rows.values()}
    verb = "would get" if dry_run else "got"
    click.echo(f"{len(services):,} of {result.services:,} services {verb} "
               f"{len(result.rows):,} categories and population terms.")
    for code, count in result.given.most_common():
        click.echo(f"  {code:32} {count:6}")
    if result.uncategorised:
        click.echo(assign.summary(result) + ".")
    if listing:
        from ..models import Service

        for service_id in result.uncategorised:
            service = db.session.get(Service, service_id)
            click.echo(f"no category: {service_id} {service.name if service else ''}")
