"""The synonym and expansion table (synonyms.json, data in this package): the words
people type mapped to the categories and terms the directory uses."""

import json
import re
from functools import lru_cache
from pathlib import Path

TABLE = Path(__file__).with_name("synonyms.json")


@lru_cache(maxsize=1)
def groups():
    """Return the groups: [{"tag", "triggers", "expand"}] with compiled trigger patterns."""
    data = json.loads(TABLE.read_text(encoding="utf-8"))
    compiled = []
    for group in data["groups"]:
        alternatives = sorted(group["triggers"], key=len, reverse=True)
        pattern = re.compile(
            r"(?<![\w-])(?:" + "|".join(re.escape(t) for t in alternatives) + r")(?![\w-])",
            re.IGNORECASE,
        )
        compiled.append({**group, "pattern": pattern})
    return compiled


def expansions(text):
    """Return [(tag, expand words, matched phrases)] for every group `text` triggers."""
    found = []
    for group in groups():
        matched = [m.group(0).lower() for m in group["pattern"].finditer(text)]
        if matched:
            found.append((group["tag"], group["expand"], matched))
    return found


@lru_cache(maxsize=1)
def vocabulary():
    """Return the sorted distinct words of the table, a vocabulary for spelling corrections."""
    import re

    words = set()
    for group in groups():
        for phrase in group["triggers"] + group["expand"]:
            words.update(w for w in re.findall(r"[^\W\d_]{3,}", phrase.lower()))
    return sorted(words)
