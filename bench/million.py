"""A directory of a million services over the whole country (issue 27).

    python bench/million.py --services 1000000 [--database-url postgresql://...] [--only sqlite]

Per database: builds the national directory once (bench/served.py, spread="national",
cached in instance/bench-pages/<kind>-N-national/; PostgreSQL in its own database,
bench_pages_N_national), then times `flask reindex` (with the peak memory of the process
that rebuilds) and measures the index on disk; then serves it as `make run` does and runs
every page of bench/pages.py against the bare reference page, and while that server still
runs: searches from places all over the country, one at a time (text + place, place
only, place + two filters: p50 and p99 of the results page), and a change's lag to
searchable (a staff edit, then how long until a search finds the word it added). With
--profile LABEL, py-spy samples one worker while wrk drives that page. Figures go to
bench/README.md.
"""

import argparse
import json
import os
import random
import re
import statistics
import subprocess
import sys
import threading
import time
import urllib.parse
import uuid
from collections import Counter
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bench import million_places, pages, served, wrk

ROOT = served.ROOT
LOGS = ROOT / "instance" / "million-logs"
WORDS = ("counseling", "support group", "housing", "detox", "spanish", "youth", "family",
         "crisis", "food pantry", "veterans")
FILTERS = ("category=group-therapy-peer-support&payment=medi-cal",
           "category=outpatient-counselling&language=es",
           "category=residential-treatment&payment=sliding-scale",
           "category=housing&payment=free")


def out(*parts):
    print(*parts, flush=True)


def uptime():
    return os.popen("uptime").read().strip()


def size_on_disk(path):
    """Return the bytes of a file, or of every file under a folder."""
    path = Path(path)
    if path.is_file():
        return path.stat().st_size
    return sum(p.stat().st_size for p in path.rglob("*") if p.is_file())


def tree_rss_mb(pid):
    """Return the RSS of a process and all its descendants, in MB."""
    tree, pending, total = served._children(), [pid], 0
    while pending:
        pid = pending.pop()
        pending.extend(tree.get(pid, []))
        try:
            total += served.memory_mb(pid)[0]
        except OSError:
            pass
    return total


def reindex(env):
    """Run `flask reindex` as an operator would; return (seconds, peak RSS in MB of it and
    its rebuild workers together, sampled every half second)."""
    started = time.perf_counter()
    process = subprocess.Popen([str(ROOT / ".venv" / "bin" / "flask"), "--app", "directory",
                                "reindex"], env=env, cwd=ROOT, stdout=subprocess.DEVNULL)
    peak = 0.0
    while process.poll() is None:
        peak = max(peak, tree_rss_mb(process.pid))
        time.sleep(0.5)
    if process.returncode:
        raise RuntimeError(f"reindex failed (exit {process.returncode})")
    return time.perf_counter() - started, peak


def percentile(values, share):
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(share * len(ordered)))]


def searches(visitor, count, seed=27):
    """Time `count` searches of each kind from ZIP codes drawn as the services are (where
    people live), one at a time; print p50 and p99 in ms and how many services answered."""
    rng = random.Random(seed)
    spread = million_places.national()
    out(f"\nSearches one at a time, results page, {count} places of each kind drawn by "
        f"population; load {uptime()}")
    out("| search | p50 | p99 | mean | results found (median) |")
    out("|---|---|---|---|---|")
    for label in ("text + place", "place only", "place + two filters"):
        times, found = [], []
        for _ in range(count):
            zip_code = spread.point(rng)[0]
            query = {"text + place": f"q={urllib.parse.quote(rng.choice(WORDS))}&",
                     "place only": "",
                     "place + two filters": rng.choice(FILTERS) + "&"}[label]
            _, content, ms = visitor.get(f"/search?{query}near={zip_code}")
            times.append(ms)
            counted = re.search(rb"(\d[\d,]*) services? (?:for|near|found)", content)
            found.append(int(counted.group(1).replace(b",", b"")) if counted else 0)
        out(f"| {label} | {percentile(times, 0.5):.0f} ms | {percentile(times, 0.99):.0f} ms | "
            f"{statistics.mean(times):.0f} ms | {statistics.median(found):,.0f} |")


def post_form(visitor, path, fields):
    body = urllib.parse.urlencode(fields, doseq=True).encode()
    with visitor.opener.open(visitor.base + path, body, timeout=120) as response:
        return response.status


def lag(visitor, service_ids, edits, timeout=60.0, poll=0.02):
    """Edit `edits` services through the staff editor (a new word in each description);
    print how long from the saved answer until a search for the word finds the service."""
    from tests.helpers.pages import form_values

    lags, missed = [], 0
    for service_id in service_ids[:edits]:
        word = "zq" + uuid.uuid4().hex[:10]
        path = f"/staff/services/{service_id}/edit"
        fields = form_values(visitor.get(path)[1].decode())
        fields["description"] = f"{fields.get('description', '')} {word}".strip()
        post_form(visitor, path, fields)
        saved = time.perf_counter()
        while time.perf_counter() - saved < timeout:
            answer = json.loads(visitor.get(f"/api/services?search={word}")[1])
            if service_id in [s["id"] for s in answer["contents"]]:
                lags.append((time.perf_counter() - saved) * 1000)
                break
            time.sleep(poll)
        else:
            missed += 1
    if lags:
        out(f"\nLag from a staff edit's saved answer to searchable ({len(lags)} edits one "
            f"after another, polled every {poll * 1000:.0f} ms): p50 "
            f"{percentile(lags, 0.5):.0f} ms, max {max(lags):.0f} ms, mean "
            f"{statistics.mean(lags):.0f} ms; not found within {timeout:.0f} s: {missed}")
    else:
        out(f"\nLag: none of {edits} edits was found within {timeout:.0f} s")


def profile(server, visitor, facts, label, args, kind):
    """Drive the page `label` with wrk while py-spy samples one worker; print where its
    time goes (the functions of directory/ with the most samples, inclusive)."""
    chosen = [p for p in pages.pages(facts) if label in p[0]]
    if not chosen:
        out(f"no page is labelled {label!r}")
        return
    page_label, paths, method, public = chosen[0]
    headers, body = {"User-Agent": pages.USER_AGENT}, None
    if not public:
        headers["Cookie"] = "; ".join(f"{c.name}={c.value}" for c in visitor.jar)
    if method == "POST":
        body = urllib.parse.urlencode({**pages.MATCH, "csrf_token": visitor.token(paths[0])})
        headers["Content-Type"] = "application/x-www-form-urlencoded"
    raw = LOGS / f"profile-{kind}-{re.sub(r'[^a-z]+', '-', page_label.lower())}.txt"
    driver = threading.Thread(target=wrk.run, args=(server.base, paths, method, body, headers,
                                                    args.duration + 4, 4, 1))
    driver.start()
    time.sleep(2)
    subprocess.run([str(ROOT / ".venv" / "bin" / "py-spy"), "record", "-p",
                    str(server.workers()[0]), "-d", str(args.duration), "-r", "50", "-f", "raw",
                    "-o", str(raw)], check=True, capture_output=True)
    driver.join()
    summarize(raw, page_label)


def summarize(raw, label, top=18):
    inclusive, total = Counter(), 0
    for line in Path(raw).read_text().splitlines():
        stack, _, count = line.rpartition(" ")
        total += int(count)
        ours = {re.sub(r" \(/.*?/((?:directory|bench)/[^:]+):\d+\)", r" (\1)", frame)
                for frame in stack.split(";") if "directory/" in frame}
        for frame in ours:
            inclusive[frame] += int(count)
    out(f"\nProfile of {label} (py-spy, {total} samples of one worker; share of samples "
        f"in which each function of ours was on the stack; raw stacks in {raw}):")
    for frame, count in inclusive.most_common(top):
        out(f"  {100 * count / total:5.1f}%  {frame}")


def run(kind, args):
    out(f"\n# {kind}: {args.services:,} services, national; {os.cpu_count()} cores; "
        f"{uptime()}")
    started = time.perf_counter()
    facts = served.prepare(kind, args.services, args.database_url, spread="national")
    seconds = facts["seconds"]
    cached = time.perf_counter() - started < seconds["build"] / 2
    out(f"build{' (cached from an earlier run)' if cached else ''}: {seconds['build']:.0f} s "
        f"(rows {seconds['rows']:.0f} s, first index {seconds['index']:.0f} s, ANALYZE "
        f"{seconds['analyze']:.0f} s); {uptime()}")
    folder, env = served.environment(kind, args.services, args.database_url, "national")
    if kind == "sqlite":
        out(f"database file: {size_on_disk(folder / 'directory.db') / 1e9:.2f} GB")
    if not args.skip_reindex:
        out(f"reindex: before {uptime()}")
        took, peak = reindex(env)
        out(f"reindex: {took:.0f} s, peak RSS of it and its rebuild workers together {peak:.0f} MB; after "
            f"{uptime()}")
    out(f"index on disk: {size_on_disk(folder / 'index') / 1e9:.2f} GB")

    def also(server, visitor, facts):
        searches(visitor, args.searches)
        lag(visitor, facts["service_ids"], args.edits)
        for label in args.profile or ():
            profile(server, visitor, facts, label, args, kind)
        workers, total = server.workers(), 0.0
        for pid in [served._parent(workers[0]), *workers]:
            rss, pss = served.memory_mb(pid)
            total += pss
            role = "master" if pid not in workers else "worker"
            out(f"{role} {pid} at the end: RSS {rss:.0f} MB, PSS {pss:.0f} MB")
        out(f"the server's master and workers together: PSS {total:.0f} MB")
        out(f"load at the end: {uptime()}")

    pages.run_database(kind, args, also=also)


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--services", type=int, default=1_000_000)
    parser.add_argument("--database-url", help="a PostgreSQL server: measured after SQLite")
    parser.add_argument("--only", choices=("sqlite", "postgresql"))
    parser.add_argument("--duration", type=int, default=15, help="seconds of wrk per page")
    parser.add_argument("--connections", type=int, default=16)
    parser.add_argument("--threads", type=int, default=2)
    parser.add_argument("--pages", help="measure only the pages whose label contains this")
    parser.add_argument("--searches", type=int, default=200, help="searches of each kind")
    parser.add_argument("--edits", type=int, default=10, help="edits timed to searchable")
    parser.add_argument("--skip-reindex", action="store_true")
    parser.add_argument("--profile", action="append",
                        help="a page label (part of one) to profile with py-spy; repeatable")
    args = parser.parse_args()
    args.spread = "national"
    LOGS.mkdir(parents=True, exist_ok=True)
    kinds = ["sqlite"] + (["postgresql"] if args.database_url else [])
    for kind in [args.only] if args.only else kinds:
        run(kind, args)


if __name__ == "__main__":
    main()
