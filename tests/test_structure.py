"""The shape of the code, checked on every run: each rule of the domain defined once, no
import cycles among the app's modules, and no module longer than a newcomer can read."""

import ast
from collections import defaultdict
from pathlib import Path

import pytest

PACKAGE = Path(__file__).resolve().parent.parent / "directory"
MAX_LINES = 300
# name -> the one module that defines it
SINGLE_HOMES = {
    "LISTED": "models/service.py",
    "REMOTE_DELIVERY": "models/service.py",
    "allowed_terms": "catalogue.py",
    "language_name": "languages.py",
}
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
