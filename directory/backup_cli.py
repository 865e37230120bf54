"""The `backup` and `restore` commands: what the operator types and reads. The work is in
directory/backup.py (copies and their checks) and directory/restore.py."""

import click
from flask import current_app
from sqlalchemy.exc import SQLAlchemyError

from . import backup, restore


def _size(size):
    """Return a byte count as people read it: 812 bytes, 4.2 MB."""
    for unit in ("bytes", "kB", "MB", "GB"):
        if size < 1000 or unit == "GB":
            return f"{size} {unit}" if unit == "bytes" else f"{size:.1f} {unit}"
        size /= 1000
    return None


def _run(step, path):
    """Run backup.backup or restore.restore on `path`; a problem becomes a message."""
    try:
        return step(path)
    except backup.BackupError as exc:
        raise click.ClickException(str(exc)) from None
    except SQLAlchemyError as exc:
        reason = str(getattr(exc, "orig", None) or exc).strip().splitlines()[0]
        raise click.ClickException(f"The database does not answer: {reason}") from None


@click.command("backup")
@click.argument("path", type=click.Path(dir_okay=False))
def backup_command(path):
    """Copy the whole database (directory, referral lists, accounts, history) to PATH while
    the servers keep running; the file appears only once it is complete and checked."""
    copied = _run(backup.backup, path)
    click.echo(f"Backed up to {copied.path} ({_size(copied.size)}): "
               f"{backup.describe(copied.counts)}.")
    click.echo(f"Checked: {copied.checked}.")


@click.command("restore")
@click.argument("path", type=click.Path(dir_okay=False))
def restore_command(path):
    """Bring backup PATH into the database DATABASE_URL names, which must be new and empty;
    then bring its schema up to date and have every search index rebuild from it."""
    restored = _run(restore.restore, path)
    click.echo(f"Restored {restored.path}: {backup.describe(restored.counts)}; "
               f"{restored.checked}.")
    if restored.indexed is not None:
        click.echo(f"Search index rebuilt here: {restored.indexed} services. Servers following "
                   "this database rebuild their own indexes.")
        return
    click.echo(f"The search index in {current_app.config['SEARCH_INDEX_DIR']} was left alone: "
               "it may be serving the database in use now. Each server pointed at the "
               "restored database rebuilds its own index when it starts (or, once no server "
               "uses that folder for another database, run `reindex` with this DATABASE_URL).")


def init_app(app):
    """Register the commands on `app`."""
    app.cli.add_command(backup_command)
    app.cli.add_command(restore_command)
