"""Page benchmark: what a person waits for, on every kind of page, at state scale.

    python bench/pages.py --services 100000 [--database-url postgresql://...]

Builds the synthetic directory of N services once per database (cached under
instance/bench-pages/), serves it exactly as `make run` does (`make serve`: gunicorn,
2 sync workers, --preload) and drives each page with wrk (-t2 -c16 -d15s), beside a bare
Flask page of 20 cards (bench/reference.py) served the same way in the same run and
measured again just before each page. Prints, per page: req/s, p50, p99, the reference's
req/s and the ratio, one request alone (median of 5), the page's size and the load; then RSS and PSS per worker and how long a freshly
started server takes to answer its first searches. Figures go to bench/README.md.
"""

import argparse
import http.cookiejar
import os
import re
import statistics
import sys
import threading
import time
import urllib.error
import urllib.parse
import urllib.request
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bench import served, wrk

SEARCH = "/search?q=counseling&near=92630"
USER_AGENT = "bench-pages"
MATCH = {"categories": "group-therapy-peer-support", "text": "", "near": "92630",
         "radius": "25", "age": "34", "languages": "es", "payment": "medi-cal",
         "barriers": "evenings"}


def out(*parts):
    print(*parts, flush=True)


def load():
    return os.getloadavg()[0]


def pages(facts):
    """Return [(label, paths, method, body, needs staff, public)] of every page kind."""
    services = [f"/services/{i}" for i in facts["service_ids"]]
    organizations = [f"/organizations/{i}" for i in facts["organization_ids"]]
    match = f"/referrals/lists/{facts['list_id']}/match"
    return [
        ("home", ["/"], "GET", True),
        ("results: text + place", [SEARCH], "GET", True),
        ("results: place + two filters",
         ["/search?near=92630&category=group-therapy-peer-support&payment=medi-cal"], "GET", True),
        ("category page", ["/categories/group-therapy-peer-support"], "GET", True),
        ("service page (200 services in turn)", services, "GET", True),
        ("organization page (200 in turn)", organizations, "GET", True),
        ("/api/services search", ["/api/services?search=counseling&near=92630&per_page=20"],
         "GET", True),
        ("/api/service_at_locations?postcode=", ["/api/service_at_locations?postcode=92630"],
         "GET", True),
        ("staff dashboard", ["/staff/"], "GET", False),
        ("staff services list", ["/staff/services"], "GET", False),
        ("intake match results (POST)", [match], "POST", False),
    ]


class Visitor:
    """A browser of sorts: keeps the session cookie, signs in, reads CSRF tokens."""

    def __init__(self, base):
        self.base = base
        self.jar = http.cookiejar.CookieJar()
        self.opener = urllib.request.build_opener(urllib.request.HTTPCookieProcessor(self.jar))
        # Flask-Login ties a session to its user agent: wrk sends the same one.
        self.opener.addheaders = [("User-Agent", USER_AGENT)]

    def get(self, path, data=None):
        body = urllib.parse.urlencode(data).encode() if data is not None else None
        started = time.perf_counter()
        with self.opener.open(self.base + path, body, timeout=120) as response:
            content = response.read()
            return response.status, content, (time.perf_counter() - started) * 1000

    def token(self, path):
        html = self.get(path)[1].decode()
        return re.search(r'name="csrf_token"[^>]*value="([^"]+)"', html).group(1)

    def sign_in(self):
        token = self.token("/staff/login")
        self.get("/staff/login", {"csrf_token": token, "email": served.STAFF_EMAIL,
                                  "password": served.STAFF_PASSWORD})
        return "; ".join(f"{c.name}={c.value}" for c in self.jar)


def alone(visitor, paths, method, body_fields):
    """Return (median ms of 5 requests one at a time after one to warm, bytes, status)."""
    times, size, status = [], 0, None
    for i in range(6):
        path = paths[i % len(paths)]
        status, content, ms = visitor.get(path, body_fields if method == "POST" else None)
        size = len(content)
        if i:
            times.append(ms)
    return statistics.median(times), size, status


class _NoRedirects(urllib.request.HTTPRedirectHandler):
    def redirect_request(self, *_args, **_kwargs):
        return None


def answer_status(url, headers, body):
    """Return the status of the very request wrk will repeat (redirects not followed)."""
    request = urllib.request.Request(url, body.encode() if body else None, headers)
    try:
        with urllib.request.build_opener(_NoRedirects).open(request, timeout=120) as response:
            return response.status
    except urllib.error.HTTPError as error:
        return error.code


def first_searches(server):
    """Time two searches sent at once as soon as the server listens (one per worker)."""
    times = [None, None]

    def one(slot):
        started = time.perf_counter()
        with urllib.request.urlopen(server.base + SEARCH, timeout=120) as response:
            response.read()
        times[slot] = (time.perf_counter() - started) * 1000

    threads = [threading.Thread(target=one, args=(slot,)) for slot in (0, 1)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    return times


def drive(base, paths, method="GET", body=None, headers=None, args=None):
    return wrk.run(base, paths, method, body, headers, args.duration, args.connections,
                   args.threads)


def row(label, result, ref):
    ratio = result["rps"] / ref["rps"] if ref else 1.0
    p50 = f"{result['p50']:.0f}" if result["p50"] is not None else "-"
    p99 = f"{result['p99']:.0f}" if result["p99"] is not None else "-"
    bad = result["errors"] + result["bad"]
    reference = f"{ref['rps']:.0f}" if ref else "-"
    out(f"| {label} | {result['rps']:.1f} | {p50} ms | {p99} ms | {reference} | {ratio:.3f} | "
        f"{result['alone']:.0f} ms | {result['size'] / 1000:.1f} kB | {result['load']:.1f} |"
        + (f" {bad} errors or non-2xx |" if bad else ""))


def run_database(kind, args, also=None):
    """Measure every page on one database; then `also(server, visitor, facts)`, if given,
    while the server still runs (bench/million.py measures searches and lag there)."""
    facts = served.prepare(kind, args.services, args.database_url, spread=args.spread)
    _, env = served.environment(kind, args.services, args.database_url, args.spread)
    out(f"\n## {kind}: {args.services:,} services; {os.cpu_count()} cores; "
        f"uptime: {os.popen('uptime').read().strip()}")
    reference = served.Server(env, "bench.reference:app")
    server = served.Server(env)
    try:
        reference.wait_listening()
        ready = server.wait_listening()
        first = first_searches(server)
        out(f"server listening {ready:.1f} s after start (the master reads the index before "
            f"forking); first two searches, sent at once: {first[0]:.0f} ms and "
            f"{first[1]:.0f} ms")
        visitor = Visitor(server.base)
        cookie = visitor.sign_in()
        out("| page | req/s | p50 | p99 | reference req/s | ratio | alone | size | load |")
        out("|---|---|---|---|---|---|---|---|---|")
        chosen = [p for p in pages(facts) if not args.pages or args.pages in p[0]]
        for label, paths, method, public in [("bare reference page", ["/"], "GET", True),
                                              *chosen]:
            base = reference.base if label == "bare reference page" else server.base
            headers, body, fields = {"User-Agent": USER_AGENT}, None, None
            if not public:
                headers["Cookie"] = cookie
            if method == "POST":
                fields = {**MATCH, "csrf_token": visitor.token(paths[0])}
                body = urllib.parse.urlencode(fields)
                headers["Content-Type"] = "application/x-www-form-urlencoded"
            ms, size, _ = alone(Visitor(base) if public else visitor, paths, method, fields)
            checked = answer_status(base + paths[0], headers, body)
            if checked != 200:
                out(f"warning: {label} answers {checked} to the request wrk sends")
            # The reference again just before each page: the machine's load changes by
            # the minute (other test suites share its cores), the ratio is to this one.
            ref = None if base == reference.base else drive(reference.base, ["/"], args=args)
            started_load = load()
            result = drive(base, paths, method, body, headers, args)
            result.update(alone=ms, size=size, load=started_load)
            row(label, result, ref)
        for pid in server.workers():
            rss, pss = served.memory_mb(pid)
            out(f"worker {pid}: RSS {rss:.0f} MB, PSS {pss:.0f} MB")
        out(f"load after: {os.popen('uptime').read().strip()}")
        if also:
            also(server, visitor, facts)
    finally:
        server.stop()
        reference.stop()


def add_spread(parser):
    parser.add_argument("--spread", choices=("california", "national"), default="california",
                        help="where the services are (bench/synthetic.py): California, as "
                             "the state benches, or the whole country (a directory of its own)")


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--services", type=int, default=100_000)
    parser.add_argument("--database-url", help="a PostgreSQL server: measured beside SQLite")
    parser.add_argument("--duration", type=int, default=15, help="seconds of wrk per page")
    parser.add_argument("--connections", type=int, default=16)
    parser.add_argument("--threads", type=int, default=2)
    parser.add_argument("--only", choices=("sqlite", "postgresql"))
    parser.add_argument("--pages", help="measure only the pages whose label contains this "
                                        "(the bare reference page is always measured)")
    add_spread(parser)
    args = parser.parse_args()
    kinds = ["sqlite"] + (["postgresql"] if args.database_url else [])
    for kind in ([args.only] if args.only else kinds):
        run_database(kind, args)


if __name__ == "__main__":
    main()
