"""A blind second reading of San Francisco 2-1-1's judged set (tests/relevance/sf211_cases.json).

The set grades 2 to 10 services a case and counts every other service 0. To tell a miss
from a gap in the judgments, a fresh reader grades blind every case's pool: the engine's
top five and every judged service, shuffled, as the records read, without ranks or the
original grades (same scale as the set: tests/relevance/README.md).

    python bench/blind_pool.py pool OUT_DIR      # OUT_DIR/pool.json (for the reader) and
                                                 # OUT_DIR/key.json (not for the reader)
    python bench/blind_pool.py score             # the set's nDCG@5 and, with the blind
                                                 # grades for the unjudged only, beside it

The grades of 2026-12-08 (four readers, then one for the services new to the top fives
after that day's changes) are bench/blind/sf211_blind_grades.json, keyed by case and
service. They are a measure of the set, never a judgment: the floors stay on the set.
"""

import argparse
import json
import random
import sys
import tempfile
from collections import defaultdict
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bench import relevance, sf211

GRADES = Path(__file__).resolve().parent / "blind" / "sf211_blind_grades.json"


def _record(service, place):
    """Return a service as the reader sees it (no rank, no grade)."""
    from geopy.distance import distance

    org = service.organization
    places = [{"address": loc.address and f"{loc.address.address_1 or ''}, "
                          f"{loc.address.city or ''} {loc.address.postal_code or ''}",
               "miles_from_place": round(distance((place.latitude, place.longitude),
                                                  (loc.latitude, loc.longitude)).miles, 1)
               if loc.latitude is not None else None,
               "languages": [lang.name for lang in loc.languages]}
              for loc in service.locations]
    return {"name": service.name, "organization": org.name if org else None,
            "organization_description": (org.description or "")[:1500] if org else None,
            "description": (service.description or "")[:2000],
            "keywords_2_1_1": [t.name for t in service.terms if t.name][:40],
            "eligibility": service.eligibility_description, "fees": service.fees_description,
            "how_to_apply": service.application_process, "places": places}


def ranked_cases():
    """Yield (case, the engine's ranked ids) for every SF case, in its directory's app."""
    with tempfile.TemporaryDirectory() as folder:
        app, _, _ = sf211.build_directory(f"sqlite:///{folder}/sf.db", Path(folder) / "index",
                                          Path(folder) / "sf.json", progress=lambda _: None)
        with app.test_request_context():
            for case in relevance.load(relevance.SF_CASES):
                reads = relevance.READS.get(case["group"], ("en",))
                yield case, relevance.search_ids(case["query"], reads)


def write_pool(out):
    from directory import locate
    from directory import models as m
    from directory.extensions import db

    out.mkdir(parents=True, exist_ok=True)
    rng, blind, key = random.Random(211), [], []
    for case, ranked in ranked_cases():
        grades = relevance._grades(case)
        pool = list(dict.fromkeys(ranked[:relevance.K] + list(grades)))
        rng.shuffle(pool)
        place = locate.resolve(case["query"]["near"])
        items = []
        for n, sid in enumerate(pool, 1):
            items.append({"item": n, **_record(db.session.get(m.Service, sid), place)})
            key.append({"case": case["id"], "item": n, "service": sid,
                        "grade": grades.get(sid),
                        "rank": ranked.index(sid) + 1 if sid in ranked else None})
        blind.append({"case": case["id"], "search": case["query"].get("search"),
                      "near": case["query"]["near"], "need_group": case.get("need"),
                      "services": items})
    (out / "pool.json").write_text(json.dumps(blind, ensure_ascii=False, indent=1))
    (out / "key.json").write_text(json.dumps(key, indent=1))
    print(f"{len(blind)} cases, {len(key)} services to grade: {out / 'pool.json'}")


def score():
    """Print each SF group's nDCG@5 on the set, and with the blind grades standing in for
    the unjudged services of the top five (the set's grades untouched)."""
    blind = {(r["case"], r["service"]): r["grade"]
             for r in json.loads(GRADES.read_text(encoding="utf-8"))}
    figures, ungraded = defaultdict(lambda: [0, 0.0, 0.0, [0, 0, 0]]), []
    for case, ranked in ranked_cases():
        grades = relevance._grades(case)
        filled = dict(grades)
        for sid in ranked[:relevance.K]:
            if sid not in grades:
                if (case["id"], sid) not in blind:
                    ungraded.append((case["id"], sid))
                    continue
                filled[sid] = blind[(case["id"], sid)]
                figures[case["group"]][3][filled[sid]] += 1
        row = figures[case["group"]]
        row[0] += 1
        row[1] += relevance.ndcg(ranked, grades)
        row[2] += relevance.ndcg(ranked, filled)
    for group, (cases, judged, with_blind, unjudged) in sorted(figures.items()):
        print(f"{group}: nDCG@5 {judged / cases:.3f} on the set, {with_blind / cases:.3f} with "
              f"the blind grades for the unjudged; the top fives' unjudged graded 0/1/2 blind: "
              f"{unjudged[0]}/{unjudged[1]}/{unjudged[2]}")
    if ungraded:
        print(f"{len(ungraded)} unjudged services in the top fives have no blind grade "
              f"(grade them from a `pool` before quoting the second figure): {ungraded}")


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    sub = parser.add_subparsers(dest="command", required=True)
    sub.add_parser("pool").add_argument("out", type=Path)
    sub.add_parser("score")
    args = parser.parse_args()
    reason = sf211.unavailable_reason()
    if reason:
        sys.exit(reason)
    if args.command == "pool":
        write_pool(args.out)
    else:
        score()


if __name__ == "__main__":
    main()
