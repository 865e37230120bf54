"""The shape of the code, checked on every run: each rule of the domain defined once, no
import cycles among the app's modules, and no module longer than a newcomer can read; and
the tests' own shape: a folder per package of directory/, fixtures only in conftest.py files
(which no module imports), plain helpers only in tests/helpers/."""

import ast
import re
from collections import defaultdict
from pathlib import Path

import pytest

PACKAGE = Path(__file__).resolve().parents[2] / "directory"
TESTS = Path(__file__).resolve().parents[1]
MAX_LINES = 300
# tests/ itself holds only the shared fixtures and the mutation runner (`make mutation`).
TESTS_ROOT_FILES = {"__init__.py", "conftest.py", "mutation.py"}
# Test folders beside those named for a package of directory/: its top-level modules
# (app, operations, security) and the browser's; and folders of no tests.
TEST_FOLDERS_OF_TOP_LEVEL_MODULES = {"app", "operations", "security", "browser"}
FOLDERS_OF_NO_TESTS = {"helpers", "fixtures", "relevance", "artifacts"}
# name -> the one module that defines it
SINGLE_HOMES = {
    # What search, the pages, matching, the handouts and the staff ask of a service.
    **dict.fromkeys((
        "LISTED", "REMOTE_DELIVERY", "TEMPORARILY_CLOSED", "AVAILABILITY_CATEGORIES",
        "ServiceFacts", "term_codes", "is_listed", "is_temporarily_closed", "hours_schedules",
        "remote_ways", "is_ride", "reaches_without_visit", "served_area_keys",
        "matched_by_area", "current_capacity", "needs_fresh_availability",
        "availability_outdated", "needs_fresh_availability_clause", "listing_key",
        "is_agency_listing"),
        "models/service_facts.py"),
    "listed_service": "catalogue.py",
    "listed_service_or_404": "catalogue.py",
    "allowed_terms": "catalogue.py",
    "opening_at": "schedules/hours.py",  # open now, until when, around the clock
    "hours_phrase": "template_helpers.py",  # the words every page says them in
    "build_sheet": "referrals/sheet.py",  # what every handout says
    "age_groups": "populations.py",
    "miles_between": "geo/distance.py",
    "haversine_miles": "geo/distance.py",
    "RADIUS_DEFAULT": "search/params.py",
    "listen_once": "extensions.py",
    "language_name": "languages.py",
    # What a reader sees of a record's text: their language, or English marked as such.
    **dict.fromkeys(("ShownText", "shown_text", "phone_label", "phone_line", "language_names",
                     "fees_text", "cost_text"), "reader_text.py"),
}
STATUS_WORDS = {"active", "temporarily closed"}
TEMPLATES = PACKAGE.parent / "templates"
LISTED_VALUES = {"active", "temporarily closed"}
REMOTE_VALUES = {"telehealth-video", "online-group", "phone", "home-visit"}
LANGUAGE_CODES = {"en", "es", "vi", "ko", "zh", "tl", "fa", "ar"}


def modules():
    return sorted(p for p in PACKAGE.rglob("*.py") if "migrations" not in p.parts)


def parsed():
    return [(path, ast.parse(path.read_text(encoding="utf-8"))) for path in modules()]


def relative(path):
    return path.relative_to(PACKAGE).as_posix()


def definitions(tree):
    """Yield (name, node) of every name a module binds: assignments, functions, classes."""
    for node in ast.walk(tree):
        if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef)):
            yield node.name, node
        elif isinstance(node, (ast.Assign, ast.AnnAssign)):
            targets = node.targets if isinstance(node, ast.Assign) else [node.target]
            for target in targets:
                for leaf in ast.walk(target):
                    if isinstance(leaf, ast.Name):
                        yield leaf.id, node


def literal_strings(node):
    """Return the set of string constants of a tuple, list, set or dict-keys literal."""
    items = node.keys if isinstance(node, ast.Dict) else getattr(node, "elts", [])
    return {i.value for i in items if isinstance(i, ast.Constant) and isinstance(i.value, str)}


def test_each_rule_has_one_definition():
    homes = defaultdict(list)
    for path, tree in parsed():
        for name, _ in definitions(tree):
            if name in SINGLE_HOMES:
                homes[name].append(relative(path))
    assert {name: places for name, places in homes.items()} == {
        name: [home] for name, home in SINGLE_HOMES.items()}


def test_no_copy_of_the_listed_statuses_remote_deliveries_or_language_names():
    copies = []
    for path, tree in parsed():
        for node in ast.walk(tree):
            if not isinstance(node, (ast.Tuple, ast.List, ast.Set, ast.Dict)):
                continue
            values = literal_strings(node)
            place = f"{relative(path)}:{node.lineno}"
            if values == LISTED_VALUES and relative(path) != SINGLE_HOMES["LISTED"]:
                copies.append(("listed statuses", place))
            if (len(values & REMOTE_VALUES) >= 3 and not isinstance(node, ast.Dict)
                    and relative(path) != SINGLE_HOMES["REMOTE_DELIVERY"]):
                copies.append(("remote deliveries", place))
            if isinstance(node, ast.Dict) and len(values & LANGUAGE_CODES) >= 3:
                copies.append(("language names", place))
    assert copies == []


def test_no_status_is_read_but_through_the_service_facts():
    """Listed and temporarily closed are asked of `ServiceFacts`, not of a status string."""
    home = SINGLE_HOMES["ServiceFacts"]
    found = []
    for path, tree in parsed():
        for node in ast.walk(tree):
            sides = [node.left, *node.comparators] if isinstance(node, ast.Compare) else []
            if (any(isinstance(s, ast.Constant) and s.value in STATUS_WORDS for s in sides)
                    or isinstance(node, ast.Constant) and node.value == "temporarily closed"):
                found.append(f"{relative(path)}:{node.lineno}")
    found = [place for place in found if not place.startswith(home + ":")]
    for path in sorted(TEMPLATES.rglob("*.html")):
        if re.search(r"status\s*[!=]=\s*[\"'](active|temporarily closed)", path.read_text()):
            found.append(path.relative_to(TEMPLATES).as_posix())
    assert found == []


def _numbers(node):
    return [n for n in ast.walk(node) if isinstance(n, ast.Constant)
            and isinstance(n.value, (int, float)) and not isinstance(n.value, bool)]


def test_every_matching_point_is_in_weights():
    inline = []
    for path in sorted((PACKAGE / "matching").glob("*.py")):
        if path.name == "weights.py":
            continue
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Call) and getattr(node.func, "attr", None) in (
                    "fit", "misfit"):
                inline += [(path.name, n.lineno) for n in _numbers(node.args[-1])
                           if n.value != 0]
            elif isinstance(node, ast.AugAssign) and getattr(node.target, "attr",
                                                             None) == "score":
                # a number handed to a function (min(share, 1.0)) bounds a share of named
                # points; a number added outright is a point
                inline += [(path.name, n.lineno) for n in _numbers_outside_calls(node.value)]
    assert inline == []


def _numbers_outside_calls(node):
    if isinstance(node, ast.Call):
        return []
    if isinstance(node, ast.Constant):
        return _numbers(node)
    return [n for child in ast.iter_child_nodes(node) for n in _numbers_outside_calls(child)]


def test_one_default_radius_and_one_distance_formula():
    found = []
    for path, tree in parsed():
        for name, node in definitions(tree):
            if ("RADIUS" in name and not name.startswith("EARTH") and _numbers(node)
                    and relative(path) != SINGLE_HOMES["RADIUS_DEFAULT"]):
                found.append((name, relative(path)))
        found += [("geopy.distance", relative(path)) for node in ast.walk(tree)
                  if isinstance(node, ast.ImportFrom) and node.module == "geopy.distance"]
    assert found == []


def module_name(path):
    parts = list(path.relative_to(PACKAGE.parent).with_suffix("").parts)
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def imports_at_load(path, tree, known):
    """Return the app modules a module imports when it is loaded (its top level only:
    an import inside a function is taken when the function runs)."""
    name = module_name(path)
    package = name if path.name == "__init__.py" else name.rsplit(".", 1)[0]
    found = set()
    for node in tree.body:
        if isinstance(node, ast.Import):
            found |= {a.name for a in node.names}
        elif isinstance(node, ast.ImportFrom):
            base = package
            for _ in range(node.level - 1):
                base = base.rsplit(".", 1)[0]
            target = (f"{base}.{node.module}" if node.module else base) if node.level \
                else node.module
            found.add(target)
            found |= {f"{target}.{a.name}" for a in node.names}
    return {m for m in found if m in known and m != name}


def import_graph():
    trees = parsed()
    known = {module_name(path) for path, _ in trees}
    return {module_name(path): imports_at_load(path, tree, known) for path, tree in trees}


def cycles(graph):
    """Return the strongly connected groups of more than one module (Tarjan)."""
    index, low, stack, on_stack, found = {}, {}, [], set(), []

    def visit(node):
        index[node] = low[node] = len(index)
        stack.append(node)
        on_stack.add(node)
        for nxt in graph.get(node, ()):
            if nxt not in index:
                visit(nxt)
                low[node] = min(low[node], low[nxt])
            elif nxt in on_stack:
                low[node] = min(low[node], index[nxt])
        if low[node] == index[node]:
            group = set()
            while True:
                top = stack.pop()
                on_stack.discard(top)
                group.add(top)
                if top == node:
                    break
            if len(group) > 1:
                found.append(sorted(group))

    for node in sorted(graph):
        if node not in index:
            visit(node)
    return found


def test_the_cycle_finder_finds_a_cycle():
    assert cycles({"a": {"b"}, "b": {"c"}, "c": {"a"}, "d": {"a"}}) == [["a", "b", "c"]]
    assert cycles({"a": {"b"}, "b": set()}) == []


def package_of(module):
    return module.rsplit(".", 1)[0]


def test_no_import_cycles_between_modules():
    """A package's __init__ importing its own modules (which import their siblings through
    it) is how a package offers its API; any other loop is a cycle."""
    graph = import_graph()
    untangled = {m: {t for t in targets
                     if not (t == package_of(m) and m.startswith(t + "."))}
                 for m, targets in graph.items()}
    assert cycles(untangled) == []


@pytest.mark.parametrize("path", modules(), ids=relative)
def test_no_module_is_over_300_lines(path):
    assert len(path.read_text(encoding="utf-8").splitlines()) <= MAX_LINES


def test_no_module_sits_at_the_root_of_tests():
    assert sorted(p.name for p in TESTS.glob("*.py") if p.name not in TESTS_ROOT_FILES) == []


def test_the_test_folders_are_the_packages_of_directory():
    packages = {p.parent.name for p in PACKAGE.glob("*/__init__.py")}
    folders = {p.name for p in TESTS.iterdir() if p.is_dir() and not p.name.startswith((".", "_"))}
    assert folders - FOLDERS_OF_NO_TESTS - TEST_FOLDERS_OF_TOP_LEVEL_MODULES == packages
    assert list((TESTS / "helpers").glob("test_*.py")) == []


def _imported_modules(tree):
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            yield from (alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module:
            yield node.module
            yield from (f"{node.module}.{alias.name}" for alias in node.names)


def test_no_test_module_imports_a_conftest_or_another_test_module():
    """Fixtures reach tests through pytest; what tests share by import is in tests/helpers/."""
    found = []
    for path in sorted(TESTS.rglob("*.py")):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for name in _imported_modules(tree):
            last = name.rsplit(".", 1)[-1]
            if last == "conftest" or (name.startswith("tests.") and last.startswith("test_")):
                found.append((path.relative_to(TESTS).as_posix(), name))
    assert found == []


@pytest.mark.parametrize("path", sorted((TESTS / "helpers").glob("*.py"))
                         + sorted(TESTS.rglob("conftest.py")),
                         ids=lambda path: path.relative_to(TESTS).as_posix())
def test_no_helper_or_conftest_is_over_300_lines(path):
    assert len(path.read_text(encoding="utf-8").splitlines()) <= MAX_LINES
