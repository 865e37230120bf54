"""Flask commands for operators: seed, stats and create-user (more join as features land)."""

import sys

import click
from sqlalchemy import select

from . import catalogue, sample, search
from .extensions import db
from .hsds.load import summary_lines
from .models import ROLES, User, WeakPassword


@click.command("seed")
@click.argument("path", required=False, type=click.Path(exists=True, dir_okay=False))
@click.option("--if-empty", is_flag=True, help="Only seed when the directory has no services.")
def seed_command(path, if_empty):
    """Load the sample directory (or PATH, an HSDS JSON file); loading twice changes nothing."""
    if if_empty and catalogue.counts_per_table().get("service", 0):
        click.echo("The directory already has services; not seeding.")
        return
    result = sample.load_directory(path or sample.SAMPLE_FILE)
    for line in summary_lines(result):
        click.echo(line)
    for problem in result.problems:
        click.echo(f"skipped: {problem}", err=True)
    click.echo(f"Seeded: {sum(result.created.values())} created, "
               f"{sum(result.updated.values())} updated, "
               f"{sum(result.unchanged.values())} unchanged.")
    if result.problems:
        sys.exit(1)


@click.command("stats")
def stats_command():
    """Print how many rows each table holds and how many services each category has."""
    click.echo("Rows per table")
    for name, count in sorted(catalogue.counts_per_table().items()):
        click.echo(f"  {name:22} {count:8}")
    click.echo("Listed services per category")
    for term, count in catalogue.category_counts():
        click.echo(f"  {term.name:40} {count:5}")


@click.command("create-user")
@click.argument("email")
@click.option("--role", type=click.Choice(ROLES), default="coordinator", show_default=True)
@click.option("--password-stdin", is_flag=True, help="Read the password from standard input.")
def create_user_command(email, role, password_stdin):
    """Create a staff account (or reset its password and role if it exists)."""
    email = email.strip().lower()
    if "@" not in email:
        raise click.BadParameter("give the staff member's email address", param_hint="EMAIL")
    if password_stdin or not sys.stdin.isatty():
        password = sys.stdin.readline().rstrip("\n")
    else:
        password = click.prompt("Password", hide_input=True, confirmation_prompt=True)
    user = db.session.scalar(select(User).where(User.email == email)) or User(email=email)
    try:
        user.set_password(password)
    except WeakPassword as exc:
        raise click.ClickException(str(exc)) from None
    user.role = role
    user.active = True
    db.session.add(user)
    db.session.commit()
    click.echo(f"{email} can now sign in as {role}.")


@click.command("reindex")
def reindex_command():
    """Rebuild the search index into a fresh folder and swap it in atomically."""
    count, seconds = search.rebuild()
    click.echo(f"Indexed {count} services in {seconds:.1f} s.")


@click.command("check-index")
def check_index_command():
    """Report services missing from or stale in the search index; exit 1 if there are any."""
    missing, stale, extra = search.check()
    for label, ids in (("missing", missing), ("stale", stale), ("not listed", extra)):
        for service_id in ids:
            click.echo(f"{label}: {service_id}")
    if missing or stale or extra:
        click.echo(f"The index is out of date: {len(missing)} missing, {len(stale)} stale, "
                   f"{len(extra)} that should not be there. Run `flask --app directory "
                   "reindex`.")
        sys.exit(1)
    click.echo("The search index matches the database.")


def init_app(app):
    """Register the commands on `app`."""
    for command in (seed_command, stats_command, create_user_command, reindex_command,
                    check_index_command):
        app.cli.add_command(command)
