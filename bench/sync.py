"""Feed benchmark: `sync-hsds` of N synthetic services (default 100,000) from a second
instance of this app serving them over HTTP on a loopback port.

    python bench/sync.py --services 100000

Builds the synthetic directory of bench/synthetic.py in a scratch SQLite database and its
search index (the feed's /services is the search engine), serves it with werkzeug on
127.0.0.1 in a thread, then syncs it into a fresh SQLite database (timed: paging through
/services?full=true, importing, recording sources, and the search index rebuilt at the
end; the paging alone is timed first), then runs the sync again (nothing changed: only the newest services come back).
Figures go to bench/README.md.
"""

import argparse
import functools
import sys
import tempfile
import threading
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from werkzeug.serving import make_server

from bench import synthetic
from directory import search
from directory.extensions import db
from directory.hsds import feed

print = functools.partial(print, flush=True)  # figures show as they come



def build_feed(services, folder):
    """Return the app of the feed: the synthetic directory, indexed."""
    app = synthetic.bench_app(f"sqlite:///{folder / 'feed.db'}", folder, RATELIMIT_ENABLED=False)
    with app.app_context():
        synthetic.empty_directory()
        started = time.perf_counter()
        synthetic.generate(services)
        print(f"feed: generated {services:,} services in {time.perf_counter() - started:.1f} s")
        started = time.perf_counter()
        search.rebuild()
        print(f"feed: search index in {time.perf_counter() - started:.1f} s")
        db.session.remove()
    return app


def run_sync(url, folder):
    app = synthetic.bench_app(f"sqlite:///{folder / 'target.db'}", folder, RATELIMIT_ENABLED=False)
    with app.app_context():
        synthetic.empty_directory()
        started = time.perf_counter()
        fetched = sum(len(page) for page in feed.pages(url, full="true", per_page=feed.PER_PAGE))
        print(f"paging alone: {fetched:,} full services in {time.perf_counter() - started:.1f} s")
        for label in ("first sync", "second sync (nothing changed)"):
            started = time.perf_counter()
            report = feed.sync(url)
            seconds = time.perf_counter() - started
            print(f"{label}: fetched {report.fetched:,}, created {report.created:,}, "
                  f"updated {report.updated:,}, unchanged {report.unchanged:,}, conflicts "
                  f"{len(report.conflicts)}, skipped {len(report.problems)} in {seconds:.1f} s"
                  f" = {report.fetched / seconds:,.0f} services/s")
        db.session.remove()
        db.engine.dispose()


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--services", type=int, default=100_000)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as scratch:
        folder = Path(scratch)
        source = build_feed(args.services, folder)
        server = make_server("127.0.0.1", 0, source, threaded=False)
        thread = threading.Thread(target=server.serve_forever, daemon=True)
        thread.start()
        try:
            run_sync(f"http://127.0.0.1:{server.server_port}/api", folder)
        finally:
            server.shutdown()


if __name__ == "__main__":
    main()
