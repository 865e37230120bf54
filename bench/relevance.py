"""Judged relevance: the public search and intake matching scored against the judgments in
tests/relevance/ (written by reading the records, before any tuning; never edited to fit
the output).

    .venv/bin/python bench/relevance.py              # figures per group
    .venv/bin/python bench/relevance.py --misses     # and every miss, case by case
    .venv/bin/python bench/relevance.py --mutations  # break the ranking on purpose

Prints nDCG@5, precision@5 and MRR for each group (English search, Spanish search,
matching), the share of top-5 services the Spanish and English query of each pair have in
common, and lists every miss: a grade-2 service outside the top 5, or a service a profile
must not see in its top 5. tests/search/test_relevance.py holds FLOORS over the same code;
`--mutations` breaks the ranking in the ways the judged set must notice (BM25 replaced by a
constant, the distance blend removed, the client's language ignored, the concepts off) and
shows which floors each one breaks.

When `../shared/realdata/sf211/` is beside the checkout, the same figures follow for San
Francisco 2-1-1's real export (groups sf-en, sf-es, sf-vi of tests/relevance/sf211_cases.json),
over a directory bench/sf211.py builds in a temporary folder (a few seconds); their floors
are SF_FLOORS. `--sample-only` leaves them out.
"""

import argparse
import json
import math
import sys
import tempfile
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from werkzeug.datastructures import MultiDict

from directory import catalogue, finder, locate, matching

JUDGMENTS = Path(__file__).resolve().parent.parent / "tests" / "relevance"
K = 5
# The judgments were written on this day; matching reads "stale" and "updated" against it.
NOW = datetime(2026, 12, 1, 18, 0)  # naive UTC, as the models store times
GROUPS = ("search-en", "search-es", "matching")
# San Francisco 2-1-1's judged set (bench/sf211.py builds its directory) and the nDCG@5
# floors tests/search/test_relevance.py holds on it: what the product reaches, below the issue's
# 0.8 (bench/README.md says what is still missed and why).
SF_CASES = "sf211_cases.json"
SF_GROUPS = ("sf-en", "sf-es", "sf-vi")
SF_FLOORS = {"sf-en": 0.62, "sf-es": 0.61, "sf-vi": 0.62}
# The interface language each group's searcher reads; English when a group is not named.
READS = {"search-es": ("es",), "sf-es": ("es",), "sf-vi": ("vi",)}
# nDCG@5 floors the tests hold, and the English/Spanish pairs' mean top-5 overlap.
FLOORS = {"search-en": 0.86, "search-es": 0.87, "matching": 0.85}
# Cases with a miss (a grade-2 service outside the top 5, a forbidden one inside) per group:
# the issue asks for none; these are the most the tests allow while the rest are open.
MOST_MISSES = {"search-en": 6, "search-es": 1, "matching": 3}
PAIR_OVERLAP = 0.87  # a bilingual reader; one interface language alone: PAIR_OVERLAP_ONE
PAIR_OVERLAP_ONE = 0.82
# Each language's pairs with English (its queries under the language's code); the
# Vietnamese pairs' floor holds for every reader: bilingual, English only, Vietnamese only.
PAIR_FILES = {"es": "pairs.json", "vi": "pairs_vi.json"}
VI_PAIR_OVERLAP = 0.8


def load(name):
    """Return the cases of one judgment file."""
    return json.loads((JUDGMENTS / name).read_text(encoding="utf-8"))


def dcg(gains):
    return sum((2 ** g - 1) / math.log2(i + 2) for i, g in enumerate(gains))


def ndcg(ranked, grades, k=K):
    """Return nDCG@k of a ranked list of ids against {id: grade}."""
    ideal = dcg(sorted(grades.values(), reverse=True)[:k])
    return dcg([grades.get(i, 0) for i in ranked[:k]]) / ideal if ideal else 1.0


def precision(ranked, grades, k=K):
    return sum(1 for i in ranked[:k] if grades.get(i, 0) > 0) / k


def reciprocal_rank(ranked, grades):
    return next((1 / (n + 1) for n, i in enumerate(ranked) if grades.get(i, 0) > 0), 0.0)


@dataclass
class Scored:
    """One judged case as the product answered it."""

    case: dict
    ranked: list
    grades: dict
    missing: list = field(default_factory=list)  # grade-2 services outside the top K
    forbidden: list = field(default_factory=list)  # must-not services inside the top K

    @property
    def ndcg(self):
        return ndcg(self.ranked, self.grades)


def _grades(case):
    return {j["service"]: j["grade"] for j in case["judgments"]}


def _missing(ranked, grades):
    """Return the grade-2 services that should be in the top K and are not."""
    best = [sid for sid, g in grades.items() if g == 2]
    top = ranked[:K]
    if len(best) >= K:  # more grade-2 services than places: the top must be all of them
        return [] if all(grades.get(sid) == 2 for sid in top) else best
    return [sid for sid in best if sid not in top]


def search_ids(query, reads=("en",)):
    """Return the ids the public search ranks for query parameters, best first, for a
    person reading the interface in `reads` (as the results page passes it)."""
    args = MultiDict({k: str(v) for k, v in query.items()})
    args.setdefault("per_page", "20")
    found = finder.find(args, reads=reads)
    if found.result is None:
        raise ValueError(f"search {query} failed: {found.errors or found.location_error}")
    return [hit.service_id for hit in found.result.hits]


def client_needs(needs):
    """Return matching.ClientNeeds for a profile's needs."""
    return matching.ClientNeeds(
        categories=list(needs.get("categories", [])), text=needs.get("text", ""),
        place=locate.resolve(needs.get("near", "")),
        radius_miles=float(needs.get("radius", matching.RADIUS_MILES)),
        age=needs.get("age"), languages=list(needs.get("languages", [])),
        payment=needs.get("payment"), barriers=set(needs.get("barriers", [])),
        groups=set(needs.get("groups", [])))


def match_ids(needs):
    """Return the ids matching ranks for a profile's needs, best first."""
    return [m.service.id for m in matching.match(client_needs(needs), now=NOW).matches]


def score_search(case):
    reads = READS.get(case["group"], ("en",))
    ranked, grades = search_ids(case["query"], reads), _grades(case)
    return Scored(case, ranked, grades, _missing(ranked, grades))


def score_profile(case):
    ranked, grades = match_ids(case["needs"]), _grades(case)
    banned = {j["service"] for j in case.get("must_not_top5", [])}
    # A banned service may end a short list; it must not hold a place another could fill.
    forbidden = [sid for n, sid in enumerate(ranked[:K]) if sid in banned
                 and any(other not in banned for other in ranked[n + 1:])]
    return Scored(case, ranked, grades, _missing(ranked, grades), forbidden)


def evaluate():
    """Return {group: [Scored]} over every judged case (inside an app context)."""
    scored = {group: [] for group in GROUPS}
    for case in load("search_cases.json"):
        scored[case["group"]].append(score_search(case))
    scored["matching"] = [score_profile(case) for case in load("profiles.json")]
    return scored


def evaluate_sf():
    """Return {group: [Scored]} over the SF 2-1-1 cases (inside the SF directory's app)."""
    scored = {group: [] for group in SF_GROUPS}
    for case in load(SF_CASES):
        scored[case["group"]].append(score_search(case))
    return scored


def overlap(a, b, k=K):
    """Return the share of the top k the two rankings have in common."""
    top_a, top_b = a[:k], b[:k]
    size = min(k, max(len(top_a), len(top_b)))
    return len(set(top_a) & set(top_b)) / size if size else 1.0


def pair_overlaps(reads=("en", "es"), language="es"):
    """Return [(pair id, overlap of the English and the other language's top 5)] for one
    reader: by default bilingual, so the queries' words alone differ; ("en",) is a reader
    of the English interface, whose results rank services held only in Spanish lower for
    the English query (not for the Spanish one, whose writer reads Spanish)."""
    return [(p["id"], overlap(search_ids(p["en"], reads), search_ids(p[language], reads)))
            for p in load(PAIR_FILES[language])]


def mean_overlap(pairs):
    return sum(o for _, o in pairs) / max(len(pairs), 1)


def summary(scored):
    """Return {group: {"cases", "ndcg@5", "p@5", "mrr", "misses"}}."""
    figures = {}
    for group, cases in scored.items():
        n = max(len(cases), 1)
        figures[group] = {
            "cases": len(cases),
            "ndcg@5": sum(c.ndcg for c in cases) / n,
            "p@5": sum(precision(c.ranked, c.grades) for c in cases) / n,
            "mrr": sum(reciprocal_rank(c.ranked, c.grades) for c in cases) / n,
            "misses": sum(bool(c.missing or c.forbidden) for c in cases),
        }
    return figures


def _name(service_id):
    service = catalogue.get_service(service_id)
    return service.name if service else service_id


def print_table(scored):
    print(f"{'group':<10} {'cases':>5} {'nDCG@5':>7} {'P@5':>6} {'MRR':>6} {'misses':>6}")
    for group, f in summary(scored).items():
        print(f"{group:<10} {f['cases']:>5} {f['ndcg@5']:>7.3f} {f['p@5']:>6.3f} "
              f"{f['mrr']:>6.3f} {f['misses']:>6}")


def print_report(scored, pairs, misses=False):
    print_table(scored)
    mean = sum(o for _, o in pairs) / max(len(pairs), 1)
    print(f"pairs: {len(pairs)}, mean top-5 overlap {mean:.3f} "
          f"({mean * K:.2f} of {K} services in common) for a bilingual reader; "
          + ", ".join(f"{mean_overlap(pair_overlaps((code,))):.3f} reading only {code}"
                      for code in ("en", "es")))
    vietnamese = {reads: pair_overlaps(reads, "vi") for reads in (("en", "vi"), ("en",), ("vi",))}
    print(f"Vietnamese pairs: {len(vietnamese['en', 'vi'])}, mean top-5 overlap "
          + ", ".join(f"{mean_overlap(v):.3f} reading {'+'.join(r)}"
                      for r, v in vietnamese.items()))
    if not misses:
        return
    print_misses(scored)
    for pair_id, value in pairs + vietnamese["en", "vi"]:
        if value < 0.8:
            print(f"pair {pair_id}: overlap {value:.2f}")


def print_misses(scored):
    """Print every case with a miss or an nDCG@5 under 0.85, and its top 5."""
    for group, cases in scored.items():
        for c in cases:
            if not (c.missing or c.forbidden or c.ndcg < 0.85):
                continue
            print(f"\n[{group}] {c.case['id']} nDCG@5 {c.ndcg:.2f}: "
                  f"{c.case.get('query') or c.case.get('needs')}")
            for sid in c.missing:
                rank = c.ranked.index(sid) + 1 if sid in c.ranked else "-"
                print(f"  missing grade 2 (rank {rank}): {_name(sid)}")
            for sid in c.forbidden:
                print(f"  must not be in top {K} (rank {c.ranked.index(sid) + 1}): {_name(sid)}")
            for n, sid in enumerate(c.ranked[:K], 1):
                print(f"    {n}. [{c.grades.get(sid, 0)}] {_name(sid)}")


def broken(figures, overlap_mean):
    """Return the floors a set of figures falls below."""
    below = [f"{group} nDCG@5 {f['ndcg@5']:.3f} < {FLOORS[group]}"
             for group, f in figures.items() if f["ndcg@5"] < FLOORS[group]]
    if overlap_mean < PAIR_OVERLAP:
        below.append(f"pairs overlap {overlap_mean:.3f} < {PAIR_OVERLAP}")
    return below


def mutations():
    """Yield (name, undo) for each deliberate break of the ranking, applied in turn."""
    import numpy as np

    from directory.matching import ranking, rules
    from directory.search import concepts, engine, scoring

    real_score = scoring.score

    def flat_score(*args):  # every matching document scores the same
        return np.where(real_score(*args) > 0, 1.0, 0.0)

    def patch(module, name, value):
        old = getattr(module, name)
        setattr(module, name, value)
        return lambda: setattr(module, name, old)

    yield "BM25 replaced by a constant", patch(scoring, "score", flat_score)
    yield "distance blend removed", patch(engine, "NEARNESS_WEIGHT", 0.0)
    yield "language preference ignored", patch(  # ranking reads the rules it imported
        ranking, "RULES", tuple(r for r in rules.RULES if r is not rules._languages))
    yield "concepts (synonyms) off", patch(concepts, "find", lambda text: [])


def _forget_text_queries():
    """Drop the text queries the index version keeps (search/frequencies.text_query): a
    mutation of how they are built must build them again, and so must its undoing."""
    from directory import search

    search.store().snapshot()[1].memo.pop("text queries", None)


def run_mutations():
    """Print the figures under each mutation and the floors it breaks."""
    for name, undo in mutations():
        _forget_text_queries()
        try:
            figures = summary(evaluate())
            pairs = pair_overlaps()
        finally:
            undo()
            _forget_text_queries()
        mean = sum(o for _, o in pairs) / max(len(pairs), 1)
        below = broken(figures, mean)
        print(f"{name}: " + ", ".join(f"{g} {f['ndcg@5']:.3f}" for g, f in figures.items())
              + f", pairs {mean:.3f} -> " + ("; ".join(below) if below else "NO FLOOR BROKEN"))


def sample_app(folder):
    """Return an app holding the sample directory in `folder` (SQLite and a fresh index)."""
    from directory import create_app, sample, search
    from directory.extensions import db

    app = create_app({"TESTING": True, "SECRET_KEY": "bench", "GEOCODER": "",
                      "SQLALCHEMY_DATABASE_URI": f"sqlite:///{folder}/directory.db",
                      "SEARCH_INDEX_DIR": f"{folder}/index", "RATELIMIT_ENABLED": False})
    with app.app_context():
        db.create_all()
        sample.load_directory()
        search.rebuild()
        db.session.remove()
    return app


def report_sf(misses=False):
    """Build the SF 2-1-1 directory in a temporary folder and print its groups' figures."""
    from bench import sf211

    reason = sf211.unavailable_reason()
    if reason:
        print(f"\nSan Francisco 2-1-1 groups skipped: {reason}")
        return
    print("\nSan Francisco 2-1-1 (real data): building its directory, about a minute...",
          flush=True)
    with tempfile.TemporaryDirectory() as folder:
        app, _, report = sf211.build_directory(
            f"sqlite:///{folder}/sf211.db", Path(folder) / "index",
            Path(folder) / "sf211.json", progress=lambda line: print(line, flush=True))
        if report.problems:
            print(f"sf211: {len(report.problems)} record(s) skipped by the import")
        with app.test_request_context():
            scored = evaluate_sf()
            print_table(scored)
            if misses:
                print_misses(scored)


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--misses", action="store_true", help="list every miss")
    parser.add_argument("--mutations", action="store_true",
                        help="break the ranking on purpose and show which floors fail")
    parser.add_argument("--sample-only", action="store_true",
                        help="leave out the San Francisco 2-1-1 groups")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as folder:
        app = sample_app(folder)
        with app.test_request_context():
            print_report(evaluate(), pair_overlaps(), args.misses)
            if args.mutations:
                run_mutations()
    if not args.sample_only:
        report_sf(args.misses)


if __name__ == "__main__":
    main()
