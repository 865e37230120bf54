"""A run makes an app for nearly every test (about 1,700 on SQLite and PostgreSQL), and
werkzeug compiles two URL-building functions for each of an app's 93 rules: about 100 ms of
the 150 an app costs. Those functions are pure: they depend on the rule's parts, defaults and
converters, never on the app (the rule is passed in as `self` when they run). So the run
compiles each once and hands the same function to every app's copy of the rule. Nothing that
is tested changes; a werkzeug without this method is left alone."""

from werkzeug.routing.rules import Rule


def share_url_builders():
    """Compile each distinct URL builder once per process."""
    compile_builder = getattr(Rule, "_compile_builder", None)
    if compile_builder is None or getattr(compile_builder, "shared", False):
        return
    kept = {}

    def shared(rule, append_unknown=True):
        key = (rule.rule, tuple(rule._trace), repr(sorted((rule.defaults or {}).items())),
               tuple(sorted((name, type(converter).__qualname__)
                            for name, converter in rule._converters.items())),
               append_unknown)
        if key not in kept:
            kept[key] = compile_builder(rule, append_unknown)
        return kept[key]

    shared.shared = True
    shared.__wrapped__ = compile_builder
    Rule._compile_builder = shared
