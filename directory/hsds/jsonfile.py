"""Reading and writing HSDS JSON files: one service or organization object, a list of them,
an HSDS API page, or newline-delimited objects (.ndjson). A file that cannot be parsed
(truncated, not UTF-8) raises ReadError naming the line and column."""

import json
from pathlib import Path


class ReadError(ValueError):
    """A file that cannot be read at all; the message says where and why."""


def _decode_error(name, exc, offset_line=0):
    hint = " (the file looks truncated)" if exc.pos >= len(exc.doc.rstrip()) else ""
    return ReadError(f"{name}: line {exc.lineno + offset_line}, column {exc.colno}: "
                     f"{exc.msg}{hint}")


def read_json(path):
    """Return the parsed document of an HSDS JSON (or .ndjson) file, or raise ReadError."""
    path = Path(path)
    try:
        text = path.read_bytes().decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise ReadError(f"{path.name}: byte {exc.start} is not UTF-8 text; save the file as "
                        "UTF-8") from None
    except OSError as exc:
        raise ReadError(f"{path.name}: {exc.strerror}") from None
    if path.suffix.lower() in (".ndjson", ".jsonl"):
        items = []
        for number, line in enumerate(text.splitlines(), start=1):
            if line.strip():
                try:
                    items.append(json.loads(line))
                except json.JSONDecodeError as exc:
                    raise _decode_error(path.name, exc, number - 1) from None
        return items
    if not text.strip():
        raise ReadError(f"{path.name}: the file is empty")
    try:
        return json.loads(text)
    except json.JSONDecodeError as exc:
        raise _decode_error(path.name, exc) from None


def json_text(items):
    """Return HSDS objects as the text of a JSON list, one key per line, in a stable form."""
    parts = ["["]
    for index, item in enumerate(items):
        parts.append(("," if index else "") + "\n" + json.dumps(item, ensure_ascii=False,
                                                                indent=2))
    parts.append("\n]\n")
    return "".join(parts)


def write_json(path, items):
    """Write HSDS objects as a JSON list (see json_text)."""
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(json_text(items), encoding="utf-8", newline="\n")
