"""The run shares werkzeug's URL builders between its apps (tests/helpers/routing.py): every
rule of an app must still build exactly the URL werkzeug's own compilation builds."""

from werkzeug.routing.rules import Rule

from tests.helpers.apps import make_app


def test_every_rule_builds_what_its_own_compilation_builds(tmp_path):
    assert getattr(Rule._compile_builder, "shared", False), "conftest shares the builders"
    app = make_app(f"sqlite:///{tmp_path / 'd.db'}", tmp_path / "index")
    rules = list(app.url_map.iter_rules())
    assert len(rules) > 50
    for rule in rules:
        values = {name: "services" if name == "kind" else "x y/1" for name in rule.arguments}
        extra = {**values, "q": "détox & sober", "page": "2"}
        for append_unknown, given in ((False, values), (True, extra)):
            own = Rule._compile_builder.__wrapped__(rule, append_unknown).__get__(rule)
            shared = Rule._compile_builder(rule, append_unknown).__get__(rule)
            assert _built(shared, given) == _built(own, given), rule.rule


def _built(builder, values):
    """The URL built, or the kind of error (a value its converter refuses)."""
    try:
        return builder(**values)
    except Exception as error:  # noqa: BLE001 - the same refusal either way
        return type(error).__name__, str(error)
