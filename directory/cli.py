"""Flask commands for operators: seed, stats, create-user, reindex, check-index, import-hsds,
export-hsds, sync-hsds (follow another directory's HSDS API) and purge."""

import sys

import click
from sqlalchemy import select

from . import backup_cli, catalogue, contact_requests, sample, search
from .categories.commands import categorize_command
from .extensions import db
from .hsds.load import summary_lines
from .models import STAFF_ROLES, User, WeakPassword


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
    for term, count in catalogue.category_counts_in_database():
        click.echo(f"  {term.name:40} {count:5}")


@click.command("create-user")
@click.argument("email")
@click.option("--role", type=click.Choice(STAFF_ROLES), default="coordinator", show_default=True)
@click.option("--password-stdin", is_flag=True,
              help="Read the password from the first line of standard input (for scripts).")
@click.option("--reset", is_flag=True,
              help="The account exists: set a new password and this role, sign it out elsewhere.")
def create_user_command(email, role, password_stdin, reset):
    """Create a staff account; an existing one is changed only with --reset."""
    email = email.strip().lower()
    if "@" not in email:
        raise click.BadParameter("give the staff member's email address", param_hint="EMAIL")
    existing = db.session.scalar(select(User).where(User.email == email))
    if existing is not None and not reset:
        # Asked before the password: a typo must not silently take over a colleague's account.
        raise click.ClickException(
            f"{email} already has an account ({existing.role}); nothing changed. To set a new "
            "password and role for it, run the command again with --reset.")
    if password_stdin or not sys.stdin.isatty():
        password = sys.stdin.readline().rstrip("\n")
    else:
        password = click.prompt("Password", hide_input=True, confirmation_prompt=True)
    user = existing or User(email=email)
    try:
        user.set_password(password)
    except WeakPassword as exc:
        raise click.ClickException(str(exc)) from None
    user.role = role
    user.active = True
    db.session.add(user)
    db.session.info["actor"] = "cli"  # the audit history says who made the change
    try:
        db.session.commit()
    finally:
        db.session.info.pop("actor", None)
    if existing is not None:
        click.echo(f"{email} existed: its password and role are reset, and its other "
                   "sessions are signed out.")
    elif reset:
        click.echo(f"{email} had no account; a new one is created.")
    click.echo(f"{email} can now sign in as {role} at /staff/login.")


@click.command("reindex")
def reindex_command():
    """Rebuild the search index into a fresh folder and swap it in atomically, here and
    (through the change log) on every other server."""
    count, seconds = search.rebuild()
    click.echo(f"Indexed {count} services in {seconds:.1f} s.")
    click.echo("Every other server rebuilds its own index from the database now.")


def _echo_servers(wait):
    """Print each live server's lag and drift; return how many have drift or no answer."""
    rows = search.servers(wait)
    if not rows:
        return 0
    click.echo("Servers following the change log (lag in entries, drift in services):")
    troubled = 0
    for row, lag in rows:
        answered = row.checked_at is not None and row.drift >= 0
        drift = row.drift if answered else "no answer"
        troubled += (not answered) or row.drift > 0
        click.echo(f"  {row.name}: lag {lag}, drift {drift}, applied {row.applied}")
    return troubled


@click.command("check-index")
@click.option("--repair", is_flag=True,
              help="Rewrite the drifted services' entries (no full rebuild), then check again.")
@click.option("--wait", type=click.FloatRange(min=0), default=10.0, show_default=True,
              help="Seconds to wait for every live server's own drift check (0: skip).")
def check_index_command(repair, wait):
    """Report services missing from or stale in this server's search index, then each live
    server's lag and drift; exit 1 if anything drifted (with --repair: if any are left
    after mending them)."""
    missing, stale, extra = search.repair() if repair else search.check()
    for label, ids in (("missing", missing), ("stale", stale), ("not listed", extra)):
        for service_id in ids:
            click.echo(f"{label}: {service_id}")
    if repair:
        drifted = len(set(missing) | set(stale) | set(extra))
        missing, stale, extra = search.check()
        click.echo(f"Repaired {drifted} service(s) in the index without a rebuild.")
    troubled = _echo_servers(wait) if wait else 0
    if missing or stale or extra:
        click.echo(f"The index is out of date: {len(missing)} missing, {len(stale)} stale, "
                   f"{len(extra)} that should not be there. Run `flask --app directory "
                   "check-index --repair` or `reindex`.")
        sys.exit(1)
    if troubled:
        click.echo(f"{troubled} server(s) report drift or did not answer.")
        sys.exit(1)
    click.echo("The search index matches the database.")


PROGRESS_ABOVE = 300  # records; smaller imports finish before a bar would help


def _progress_bar():
    """Return (callback, stop): a rich progress bar on standard error with counts and rate,
    shown once an import turns out to hold more than a few hundred records."""
    from rich.console import Console
    from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn

    bar = Progress(TextColumn("{task.description:9}"), BarColumn(), MofNCompleteColumn(),
                   TextColumn("{task.fields[rate]:>9} records/s"), TimeElapsedColumn(),
                   console=Console(stderr=True))
    tasks = {}

    def advance(phase, count, total):
        if total <= PROGRESS_ABOVE:
            return
        if not tasks:
            bar.start()
        if phase not in tasks:
            tasks[phase] = bar.add_task(phase, total=total, rate="")
        bar.advance(tasks[phase], count)
        speed = bar.tasks[tasks[phase]].speed
        bar.update(tasks[phase], rate=f"{speed:,.0f}" if speed else "")

    return advance, bar.stop


@click.command("import-hsds")
@click.argument("path", type=click.Path(exists=True))
@click.option("--strict", is_flag=True, help="Import nothing if any record is invalid.")
def import_hsds_command(path, strict):
    """Import HSDS JSON (an object, a list, an API page, NDJSON, a folder of them) or a
    data package (folder or zip); upserts by id."""
    from .hsds import importer

    advance, stop = _progress_bar()
    try:
        report = importer.import_path(path, strict=strict, progress=advance)
    except importer.ReadError as exc:
        raise click.ClickException(str(exc)) from None
    finally:
        stop()
    for line in report.summary_lines():
        click.echo(line)
    for key, count in sorted(report.ignored.items()):
        click.echo(f"not stored: {key} ({count})")
    if report.coordinates_filled:
        click.echo(f"coordinates filled from the address: {report.coordinates_filled}")
    for warning in report.warnings:
        click.echo(f"warning: {warning}", err=True)
    for problem in report.problems:
        click.echo(f"skipped: {problem}", err=True)
    if not report.written:
        click.echo(f"--strict: {len(report.problems)} invalid record(s); nothing was imported.",
                   err=True)
        sys.exit(1)
    click.echo(f"Imported {report.source}: {sum(report.created.values())} created, "
               f"{sum(report.updated.values())} updated, {sum(report.unchanged.values())} "
               f"unchanged, {len(report.problems)} skipped.")
    if report.problems:
        sys.exit(1)


@click.command("export-hsds")
@click.argument("path", type=click.Path())
@click.option("--format", "fmt", type=click.Choice(["json", "csv"]), default="json",
              show_default=True,
              help="json: a folder of object lists; csv: a data package folder (or .zip).")
@click.option("--profile", type=click.Choice(["3.0", "3.1"]), default="3.0", show_default=True,
              help="The HSDS version the export follows.")
@click.option("--category", help="Only services in this category (a project term code).")
@click.option("--modified-after", type=click.DateTime(),
              help="Only services changed on or after this.")
@click.option("--include-staff", is_flag=True,
              help="Also write staff addresses (who verified, who changed what): backups only.")
def export_hsds_command(path, fmt, profile, category, modified_after, include_staff):
    """Export the directory (or a filtered part) as HSDS JSON or a CSV data package."""
    from .hsds import export

    if fmt == "json" and path.lower().endswith((".json", ".zip")):
        raise click.BadParameter("the JSON export is a folder (services.json, "
                                 "organizations.json ...); give a folder name",
                                 param_hint="PATH")

    if category and catalogue.get_term(category) is None:
        raise click.BadParameter(f"no category with the code {category!r}",
                                 param_hint="--category")
    result = export.export(path, fmt, category, modified_after, profile, include_staff)
    counts = ", ".join(f"{n} {t}" for t, n in result.counts.items() if n)
    click.echo(f"Exported to {path}: {counts or 'nothing'}.")


@click.command("purge")
@click.option("--days", type=click.IntRange(min=0), default=None,
              help="Retention in days (default: REFERRAL_RETENTION_DAYS, 90).")
def purge_command(days):
    """Delete referral lists and requests to be contacted kept past their days (for cron)."""
    from flask import current_app

    from .models.referral import purge_lists

    days = current_app.config["REFERRAL_RETENTION_DAYS"] if days is None else days
    click.echo(f"Purged {purge_lists(days)} referral list(s) not changed in {days} days.")
    click.echo("Purged {} contact requests older than {} days.".format(*contact_requests.expire()))


@click.command("sync-hsds")
@click.argument("url")
@click.option("--prune", is_flag=True,
              help="Remove services this feed gave before and no longer lists.")
@click.option("--everything", is_flag=True,
              help="Fetch every service, not only those changed since the last run.")
@click.option("--take-feed", "take", metavar="SERVICE_ID",
              help="Settle a conflict with the feed's copy (instead of syncing).")
@click.option("--keep-ours", "keep", metavar="SERVICE_ID",
              help="Settle a conflict keeping the edit made here (instead of syncing).")
def sync_hsds_command(url, prune, everything, take, keep):
    """Update the directory from another HSDS API (its base URL, e.g. https://x.org/api)."""
    from .hsds import feed

    if take or keep:
        if not feed.resolve(url, take or keep, take_feed=bool(take)):
            raise click.ClickException(f"No conflict for {take or keep} from {url}.")
        click.echo(f"Settled {take or keep}: " + ("the feed's copy is in." if take
                                                  else "the edit made here stays."))
        return
    try:
        report = feed.sync(url, prune=prune, everything=everything)
    except feed.FeedBusy as exc:
        raise click.ClickException(str(exc)) from None
    except feed.FeedError as exc:
        raise click.ClickException(f"The feed could not be read: {exc}") from None
    since = f" changed since {report.since.isoformat()}Z" if report.since else ""
    click.echo(f"Fetched {report.fetched} service(s){since} from {url}: {report.created} "
               f"created, {report.updated} updated, {report.unchanged} unchanged.")
    for service_id, name in report.conflicts:
        click.echo(f"conflict: {name} ({service_id}) was changed here since the last sync; "
                   "the feed's copy is kept for an editor, this one is unchanged.")
    for service_id, name in report.pruned:
        click.echo(f"pruned: {name} ({service_id}) is no longer in the feed.")
    for problem in report.problems:
        click.echo(f"skipped: {problem}", err=True)
    waiting = feed.waiting(url)
    if waiting:
        click.echo(f"{len(waiting)} conflict(s) wait for an editor (settle each with "
                   "--take-feed ID or --keep-ours ID):")
        for service_id, here, there in waiting:
            click.echo(f"  {service_id}: here “{here}”, at the feed “{there}”")


def init_app(app):
    """Register the commands on `app`."""
    for command in (seed_command, stats_command, create_user_command, reindex_command,
                    check_index_command, import_hsds_command, export_hsds_command,
                    purge_command, sync_hsds_command, categorize_command):
        app.cli.add_command(command)
    backup_cli.init_app(app)  # backup, restore
