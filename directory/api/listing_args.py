"""Parameters of the API's listings: where they come from (the query string, or for a POST
its form or JSON body, so search terms stay out of URLs; JSON nested past JSON_MAX_DEPTH is
a 400), paging (an out-of-range `per_page` is clamped, as HSDS clients expect), format,
flags and ids, each checked with a message that says what to send instead (collected, then
raised as one 400)."""

import json
from dataclasses import dataclass

from flask import current_app, request
from werkzeug.datastructures import MultiDict

from .. import boundedjson
from ..search.params import PER_PAGE_DEFAULT, PER_PAGE_MAX
from .errors import BadParameters

FORMATS = ("json", "ndjson")
MAX_PAGE = 100000
MAX_ID = 64
TRUE, FALSE = {"1", "true", "yes", "on"}, {"0", "false", "no", "off", ""}


@dataclass
class Paging:
    page: int = 1
    per_page: int = PER_PAGE_DEFAULT
    format: str = "json"

    @property
    def offset(self):
        return (self.page - 1) * self.per_page


def whole_number(args, name, errors, low, high, default):
    raw = (args.get(name) or "").strip()
    if raw == "":
        return default
    try:
        value = int(raw) if len(raw) < 20 else low - 1
    except ValueError:
        errors[name] = f"{name} must be a whole number between {low} and {high}."
        return default
    if not low <= value <= high:
        errors[name] = f"{name} must be between {low} and {high}."
        return default
    return value


def request_args():
    """Return the parameters of this request: the query string, and for a POST the fields
    of its form or JSON object body (a body field wins over the same query parameter).
    """
    args = MultiDict(request.args)
    if request.method == "POST":
        body = _json_body() if request.is_json else None
        if request.is_json and not isinstance(body, dict):
            raise BadParameters({"body": "Send the parameters as a JSON object or a form."})
        fields = MultiDict(request.form) if body is None else MultiDict(
            [(k, _text_of(item)) for k, v in body.items()
             for item in (v if isinstance(v, list) else [v])])
        for key in fields:
            args.setlist(key, fields.getlist(key))
    return args


def _json_body():
    """Return the parsed JSON body (None if it is not JSON), or raise 400 when it nests
    deeper than JSON_MAX_DEPTH or holds a number too long to read."""
    try:
        return boundedjson.loads(request.get_data(cache=True),
                                 current_app.config["API_MAX_BODY_BYTES"],
                                 current_app.config["JSON_MAX_DEPTH"])
    except boundedjson.LimitExceeded as exc:
        raise BadParameters({"body": f"The JSON body {exc}. Send the parameters as one flat "
                                     'JSON object, like {"search": "food", "per_page": 10}.'}
                            ) from None
    except ValueError:  # not JSON, or not UTF-8: said below, as for any other shape
        return None


def _text_of(value):
    """Return a JSON body's value as the query string would carry it."""
    if isinstance(value, bool):
        return "true" if value else "false"
    return "" if value is None else value if isinstance(value, str) else json.dumps(value)


def clamped(args, high=PER_PAGE_MAX):
    """Return `args` with a whole-number `per_page` brought into 1..`high`."""
    raw = (args.get("per_page") or "").strip()
    digits = raw[1:] if raw[:1] in "+-" else raw
    if digits.isdigit() and digits.isascii():
        args = MultiDict(args)
        too_big = len(digits) > 12 or int(digits) > high
        args["per_page"] = "1" if raw.startswith("-") or int(digits[:13]) < 1 else str(
            high if too_big else int(digits))
    return args


def flag(args, name, errors):
    raw = (args.get(name) or "").strip().lower()
    if raw in TRUE or raw in FALSE:
        return raw in TRUE
    errors[name] = f"{name} must be true or false."
    return False


def paging(args, errors, per_page_max=PER_PAGE_MAX):
    """Return the Paging of a request, noting problems in `errors`."""
    args = clamped(args, per_page_max)
    result = Paging(whole_number(args, "page", errors, 1, MAX_PAGE, 1),
                    whole_number(args, "per_page", errors, 1, per_page_max, PER_PAGE_DEFAULT))
    fmt = (args.get("format") or "json").strip().lower()
    if fmt not in FORMATS:
        errors["format"] = "format must be json or ndjson."
    else:
        result.format = fmt
    return result


def record_id(args, name, errors):
    """Return an id parameter (or None), refusing what cannot be an id."""
    raw = (args.get(name) or "").strip()
    if len(raw) > MAX_ID:
        errors[name] = f"{name} is not an id: ids are at most {MAX_ID} characters."
        return None
    return raw or None


def text(args, name, errors, limit=300):
    raw = " ".join((args.get(name) or "").split())
    if len(raw) > limit:
        errors[name] = f"{name} is too long: use at most {limit} characters."
        return ""
    return raw


def raise_if(errors):
    """Raise one 400 naming every bad parameter, if there are any."""
    if errors:
        raise BadParameters(errors)


def usable_id(value):
    """Return whether a path id could name a record (else it is simply not found)."""
    return 0 < len(value) <= MAX_ID and value.isprintable()
