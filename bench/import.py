# ruff: noqa: N999 (run as a script: python bench/import.py)
"""Import benchmark: N synthetic services (default 100,000) with their locations, as an
HSDS data package (or JSON), imported into a fresh database.

    python bench/import.py --services 100000 [--format csv|json] [--database-url URL]

Builds the synthetic directory of bench/synthetic.py in a scratch SQLite database, exports
it with export-hsds's code (timed), then imports it into a fresh SQLite database and, when
--database-url names a PostgreSQL server, into a new scratch database there (dropped at the
end). Each import validates every record; the search index is built once afterwards
(timed apart), and a second import of the same package (all unchanged) is timed too.
Figures go to bench/README.md.
"""

import argparse
import functools
import sys
import tempfile
import time
import uuid
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bench import synthetic
from directory import search
from directory.config import from_environment
from directory.extensions import db
from directory.hsds import export, importer

print = functools.partial(print, flush=True)  # figures show as they come



def build_source(services, folder, fmt):
    """Generate the synthetic directory and export it; return (package path, seconds)."""
    app = synthetic.bench_app(f"sqlite:///{folder / 'source.db'}", folder)
    with app.app_context():
        synthetic.empty_directory()
        started = time.perf_counter()
        synthetic.generate(services)
        print(f"generated {services:,} services in {time.perf_counter() - started:.1f} s")
        target = folder / ("package" if fmt == "csv" else "json")
        started = time.perf_counter()
        result = export.export(target, fmt)
        seconds = time.perf_counter() - started
        rows = sum(result.counts.values())
        print(f"exported {fmt}: {rows:,} records in {seconds:.1f} s")
        db.engine.dispose()
    return target


def run_import(url, package, folder, label):
    app = synthetic.bench_app(url, folder)
    with app.app_context():
        db.create_all()
        started = time.perf_counter()
        report = importer.import_path(package, rebuild_index=False)
        seconds = time.perf_counter() - started
        records = report.records
        print(f"[{label}] import: {records:,} records "
              f"({report.created['service']:,} services) in {seconds:.1f} s "
              f"= {records / seconds:,.0f} records/s; skipped {len(report.problems)}")
        started = time.perf_counter()
        count, _ = search.rebuild()
        print(f"[{label}] search index: {count:,} services in "
              f"{time.perf_counter() - started:.1f} s")
        started = time.perf_counter()
        again = importer.import_path(package, rebuild_index=False)
        print(f"[{label}] same package again: {sum(again.unchanged.values()):,} unchanged in "
              f"{time.perf_counter() - started:.1f} s")
        db.session.remove()
        db.engine.dispose()


def postgres_scratch(url):
    """Return (scratch database URL, drop function) on the server of `url`."""
    import psycopg

    plain = url.replace("postgresql+psycopg://", "postgresql://")
    name = f"bench_import_{uuid.uuid4().hex[:8]}"
    with psycopg.connect(plain, autocommit=True) as conn:
        conn.execute(f'CREATE DATABASE "{name}"')

    def drop():
        with psycopg.connect(plain, autocommit=True) as conn:
            conn.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')

    base = from_environment({"DATABASE_URL": url})["SQLALCHEMY_DATABASE_URI"]
    return base.rsplit("/", 1)[0] + "/" + name, drop


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--services", type=int, default=100_000)
    parser.add_argument("--format", choices=("csv", "json"), default="csv")
    parser.add_argument("--database-url", help="a PostgreSQL server to import into as well")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as scratch:
        folder = Path(scratch)
        package = build_source(args.services, folder, args.format)
        run_import(f"sqlite:///{folder / 'target.db'}", package, folder, "sqlite")
        if args.database_url:
            url, drop = postgres_scratch(args.database_url)
            try:
                run_import(url, package, folder, "postgresql")
            finally:
                drop()


if __name__ == "__main__":
    main()
