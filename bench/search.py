"""Search benchmark: our engine against two references over the same rows.

    python bench/search.py --services 100000

Generates a synthetic California directory, rebuilds our index (timed), then answers a
fixed, seeded mix of queries of four kinds (text only; text + 25-mile radius; text +
radius + two filters; filters + radius without text) with our engine, with SQLite FTS5 +
R*Tree, and (when PostgreSQL answers) with tsvector/GIN + earthdistance/GiST. Prints p50
and p95 per kind and the ratio ours / reference, then the cost of 1,000 edits that land
out of the index's Z-order. Figures go to bench/README.md.
"""

import argparse
import math
import os
import random
import sqlite3
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from werkzeug.datastructures import MultiDict

from bench import synthetic
from directory import create_app, search
from directory import models as m
from directory.extensions import db
from directory.geo.gazetteer import Place

KINDS = ("text", "text+radius", "text+radius+filters", "filters+radius")
QUERY_WORDS = ("counseling", "support group", "housing", "detox", "spanish", "youth",
               "transportation", "family", "crisis", "food pantry", "trauma therapy",
               "veterans", "childcare", "medication", "relapse prevention", "peer")
FILTERS = (("category", "group-therapy-peer-support"), ("category", "outpatient-counselling"),
           ("category", "residential-treatment"), ("payment", "medi-cal"), ("payment", "free"),
           ("language", "es"), ("wheelchair", "true"), ("payment", "sliding-scale"))
RADIUS_MILES = 25.0


def make_queries(points, count, seed):
    """Return {kind: [query dict]}: `count` seeded queries of each kind."""
    rng = random.Random(seed)
    queries = {kind: [] for kind in KINDS}
    for kind in KINDS:
        for _ in range(count):
            zip_code, _, lat, lng = rng.choice(points)
            query = {"lat": lat, "lng": lng, "zip": zip_code}
            if kind != "filters+radius":
                query["text"] = rng.choice(QUERY_WORDS)
            if kind == "text":
                query.pop("lat"), query.pop("lng")
            if "filters" in kind:
                first, second = rng.sample(FILTERS, 2)
                while first[0] == second[0]:
                    first, second = rng.sample(FILTERS, 2)
                query["filters"] = [first, second]
            queries[kind].append(query)
    return queries


def percentile(values, pct):
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(pct / 100 * (len(ordered) - 1)))]


def timed(function, queries, warm=True):
    """Return per-query milliseconds of `function` over `queries`.

    Warm: after one pass over the same queries, so every engine has read what it needs
    (our posting arrays, SQLite's and PostgreSQL's page caches). Cold: the first pass.
    """
    for query in (queries if warm else queries[:1]):
        function(query)
    times = []
    for query in queries:
        start = time.perf_counter()
        function(query)
        times.append((time.perf_counter() - start) * 1000)
    return times


# -- ours ----------------------------------------------------------------------------------
def ours(query):
    args = MultiDict()
    if "text" in query:
        args["search"] = query["text"]
    for name, value in query.get("filters", ()):
        args[name] = value
    args["radius"] = str(RADIUS_MILES)
    params, errors = search.parse(args)
    assert not errors, errors
    if "lat" in query:
        params.place = Place(query["lat"], query["lng"], "bench", "CA", None, query["zip"])
    return search.search(params)


# -- reference (a): SQLite FTS5 + R*Tree --------------------------------------------------
def build_fts5(path, rows):
    conn = sqlite3.connect(path)
    conn.executescript("""
        CREATE TABLE svc(id INTEGER PRIMARY KEY, tags TEXT, lat REAL, lng REAL);
        CREATE VIRTUAL TABLE fts USING fts5(name, body, tokenize='porter');
        CREATE VIRTUAL TABLE geo USING rtree(id, min_lat, max_lat, min_lng, max_lng);
    """)
    conn.executemany("INSERT INTO svc VALUES (?, ?, ?, ?)",
                     [(i, r["tags"], r["lat"], r["lng"]) for i, r in enumerate(rows)])
    conn.executemany("INSERT INTO fts(rowid, name, body) VALUES (?, ?, ?)",
                     [(i, r["name"], r["body"]) for i, r in enumerate(rows)])
    conn.executemany("INSERT INTO geo VALUES (?, ?, ?, ?, ?)",
                     [(i, r["lat"], r["lat"], r["lng"], r["lng"]) for i, r in enumerate(rows)
                      if r["lat"] is not None])
    conn.commit()
    return conn


DIST = ("3958.7613 * 2 * asin(sqrt(pow(sin(radians(s.lat - :lat) / 2), 2) + cos(radians(:lat))"
        " * cos(radians(s.lat)) * pow(sin(radians(s.lng - :lng) / 2), 2)))")


def fts5_query(conn):
    def run(query):
        params = {"lat": query.get("lat"), "lng": query.get("lng")}
        where, joins = [], ""
        if "text" in query:
            params["q"] = " OR ".join(f'"{w}"' for w in query["text"].split())
            where.append("fts MATCH :q")
        if "lat" in query:
            dlat = RADIUS_MILES / 69.05
            dlng = dlat / math.cos(math.radians(query["lat"]))
            params.update(a=query["lat"] - dlat, b=query["lat"] + dlat,
                          c=query["lng"] - dlng, d=query["lng"] + dlng, r=RADIUS_MILES)
            joins += " JOIN geo ON geo.id = s.id"
            where += ["geo.min_lat >= :a", "geo.max_lat <= :b", "geo.min_lng >= :c",
                      "geo.max_lng <= :d", f"{DIST} <= :r"]
        for i, (name, value) in enumerate(query.get("filters", ())):
            params[f"t{i}"] = f"%,{name}:{value},%"
            where.append(f"s.tags LIKE :t{i}")
        if "text" in query:
            sql = (f"SELECT s.id FROM fts JOIN svc s ON s.id = fts.rowid{joins} "
                   f"WHERE {' AND '.join(where)} ORDER BY bm25(fts, 2.0, 1.0) LIMIT 20")
        else:
            sql = (f"SELECT s.id FROM svc s{joins} WHERE {' AND '.join(where)} "
                   f"ORDER BY {DIST} LIMIT 20")
        return conn.execute(sql, params).fetchall()
    return run


# -- reference (b): PostgreSQL tsvector/GIN + earthdistance/GiST ----------------------------
def build_postgres(url, rows):
    import psycopg

    name = f"bench_search_{random.randrange(1 << 30)}"
    with psycopg.connect(url, autocommit=True) as admin:
        admin.execute(f'CREATE DATABASE "{name}"')
    conn = psycopg.connect(url.rsplit("/", 1)[0] + "/" + name, autocommit=True)
    conn.execute("CREATE EXTENSION IF NOT EXISTS cube")
    conn.execute("CREATE EXTENSION IF NOT EXISTS earthdistance")
    conn.execute("CREATE TABLE svc (id int PRIMARY KEY, tags text[], lat float8, lng float8,"
                 " doc tsvector)")
    with conn.cursor() as cur, cur.copy("COPY svc (id, tags, lat, lng, doc) FROM STDIN") as copy:
        for i, r in enumerate(rows):
            copy.write_row((i, "{" + r["tags"].strip(",") + "}", r["lat"], r["lng"], None))
    conn.execute("CREATE TEMP TABLE txt (id int, name text, body text)")
    with conn.cursor() as cur, cur.copy("COPY txt FROM STDIN") as copy:
        for i, r in enumerate(rows):
            copy.write_row((i, r["name"], r["body"]))
    conn.execute("UPDATE svc SET doc = setweight(to_tsvector('english', t.name), 'A') || "
                 "setweight(to_tsvector('english', t.body), 'B') FROM txt t WHERE t.id = svc.id")
    conn.execute("CREATE INDEX ON svc USING gin (doc)")
    conn.execute("CREATE INDEX ON svc USING gist (ll_to_earth(lat, lng)) WHERE lat IS NOT NULL")
    conn.execute("CREATE INDEX ON svc USING gin (tags)")
    conn.execute("ANALYZE svc")
    return conn, name


def postgres_query(conn):
    meters = RADIUS_MILES * 1609.344

    def run(query):
        where, params, rank = [], {}, "0"
        if "text" in query:
            params["q"] = query["text"]
            where.append("doc @@ plainto_tsquery('english', %(q)s)")
            rank = "ts_rank(doc, plainto_tsquery('english', %(q)s))"
        if "lat" in query:
            params.update(lat=query["lat"], lng=query["lng"], m=meters)
            where += ["earth_box(ll_to_earth(%(lat)s, %(lng)s), %(m)s) @> ll_to_earth(lat, lng)",
                      ("earth_distance(ll_to_earth(%(lat)s, %(lng)s), ll_to_earth(lat, lng))"
                       " <= %(m)s"), "lat IS NOT NULL"]
        if query.get("filters"):
            params["tags"] = [f"{n}:{v}" for n, v in query["filters"]]
            where.append("tags @> %(tags)s")
        order = (f"{rank} DESC" if "text" in query else
                 "earth_distance(ll_to_earth(%(lat)s, %(lng)s), ll_to_earth(lat, lng))")
        return conn.execute(f"SELECT id FROM svc WHERE {' AND '.join(where)} ORDER BY {order}"
                            " LIMIT 20", params).fetchall()
    return run


def reference_rows(app):
    """Return the services as flat rows (name, body, tags, first coordinate) for references."""
    with app.app_context():
        searcher, _ = search.store().snapshot()
        rows = []
        for fields in searcher.all_stored_fields():
            import json

            facts_ = json.loads(fields["facts"])
            service = db.session.get(m.Service, fields["id"])
            point = facts_["points"][0] if facts_["points"] else (None, None)
            tags = list(facts_["tags"])
            if "accessibility:wheelchair-access" in tags:
                tags.append("wheelchair:true")
            tags += [t.replace("lang:", "language:") for t in tags if t.startswith("lang:")]
            rows.append({"name": service.name, "body": " ".join(filter(None, (
                service.description, service.eligibility_description, service.fees_description,
                service.application_process))), "tags": "," + ",".join(tags) + ",",
                "lat": point[0], "lng": point[1]})
            db.session.expunge_all()
        return rows


def report(label, ours_times, ref_times):
    line = f"  {label:22} ours p50 {percentile(ours_times, 50):7.2f} ms  p95 " \
           f"{percentile(ours_times, 95):7.2f} ms"
    for name, times in ref_times.items():
        p95 = percentile(times, 95)
        line += f" | {name} p50 {percentile(times, 50):7.2f} p95 {p95:7.2f} ms" \
                f" ratio {percentile(ours_times, 95) / p95:5.2f}"
    print(line, flush=True)


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--services", type=int, default=100_000)
    parser.add_argument("--queries", type=int, default=200)
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--edits", type=int, default=1000)
    parser.add_argument("--postgres", default="postgresql://postgres@127.0.0.1:5432/test",
                        help="server for the PostgreSQL reference ('' to skip)")
    args = parser.parse_args()
    work = Path(tempfile.mkdtemp(prefix="bench-search-"))
    app = create_app({"SQLALCHEMY_DATABASE_URI": f"sqlite:///{work / 'app.db'}",
                      "SEARCH_INDEX_DIR": str(work / "index"), "SECRET_KEY": "bench"})
    with app.app_context():
        synthetic.empty_directory()
        start = time.perf_counter()
        synthetic.generate(args.services, args.seed)
        print(f"generated {args.services} services in {time.perf_counter() - start:.1f} s")
        load = os.getloadavg()[0]
        count, seconds = search.rebuild()
        print(f"reindex: {count} services in {seconds:.1f} s (load average before: {load:.1f},"
              f" {os.cpu_count()} cores)", flush=True)
        points = synthetic.california_points()
        queries = make_queries(points, args.queries, args.seed)
        search.search(search.parse(MultiDict())[0])  # open the searcher and its arrays
        cold = {kind: timed(ours, queries[kind], warm=False) for kind in KINDS}
        print("ours, first pass (posting lists read from the index as they are met):")
        for kind in KINDS:
            print(f"  {kind:22} p50 {percentile(cold[kind], 50):7.2f} ms  p95 "
                  f"{percentile(cold[kind], 95):7.2f} ms", flush=True)
        ours_times = {kind: timed(ours, queries[kind]) for kind in KINDS}
    rows = reference_rows(app)
    refs = {}
    start = time.perf_counter()
    fts = build_fts5(str(work / "fts5.db"), rows)
    print(f"reference build: SQLite FTS5 + R*Tree over the same rows in "
          f"{time.perf_counter() - start:.1f} s", flush=True)
    refs["fts5"] = {kind: timed(fts5_query(fts), queries[kind]) for kind in KINDS}
    pg_conn = None
    if args.postgres:
        try:
            start = time.perf_counter()
            pg_conn, pg_name = build_postgres(args.postgres, rows)
            print(f"reference build: PostgreSQL tsvector/GIN + GiST in "
                  f"{time.perf_counter() - start:.1f} s", flush=True)
            refs["postgres"] = {kind: timed(postgres_query(pg_conn), queries[kind])
                                for kind in KINDS}
        except Exception as exc:  # noqa: BLE001  (no server: the reference is skipped, said so)
            print(f"PostgreSQL reference skipped: {type(exc).__name__}: {exc}")
    print(f"warm latency over {args.queries} queries per kind, {args.services} services:")
    for kind in KINDS:
        report(kind, ours_times[kind], {name: t[kind] for name, t in refs.items()})
    with app.app_context():
        rng = random.Random(args.seed)
        ids = [row[0] for row in db.session.execute(db.select(m.Service.id))]
        start = time.perf_counter()
        for i, service_id in enumerate(rng.sample(ids, min(args.edits, len(ids)))):
            service = db.session.get(m.Service, service_id)
            service.description = (service.description or "") + " Updated."
            if i % 10 == 9:
                db.session.commit()
        db.session.commit()
        print(f"{args.edits} edits committed (10 per commit) in "
              f"{time.perf_counter() - start:.1f} s")
        after = {kind: timed(ours, queries[kind]) for kind in KINDS}
        print("after the edits (out of Z-order), ours:")
        for kind in KINDS:
            print(f"  {kind:22} p50 {percentile(after[kind], 50):7.2f} ms  p95 "
                  f"{percentile(after[kind], 95):7.2f} ms  ratio to before "
                  f"{percentile(after[kind], 95) / percentile(ours_times[kind], 95):5.2f}")
    if pg_conn is not None:
        import psycopg

        pg_conn.close()
        with psycopg.connect(args.postgres, autocommit=True) as admin:
            admin.execute(f'DROP DATABASE IF EXISTS "{pg_name}" WITH (FORCE)')


if __name__ == "__main__":
    main()
