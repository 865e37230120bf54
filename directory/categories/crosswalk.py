"""The crosswalk from other directories' taxonomies and words to this directory's
categories, read from data under seeds/ (no Flask, no database):

- crosswalk_airs.json: 2-1-1 (AIRS) term codes by their longest listed prefix;
- crosswalk_open_eligibility.json: Open Eligibility ids by prefix, and its term names;
- crosswalk_names.json: term names (San Francisco 2-1-1's keywords, target groups among them),
  shapes of names that say their category, and shapes of names known to name no need;
- crosswalk_text.json: the words in a service's own text, or a term's name, that say which
  category it is in ("strong": a kind of help; "weak": a kind of place).

A term's reading is its categories, the population terms it implies (who, never what) and
whether the crosswalk knew it at all, so an import can name the terms nobody mapped yet."""

import html
import json
import re
from dataclasses import dataclass
from functools import cache
from pathlib import Path

SEEDS = Path(__file__).resolve().parents[2] / "seeds"
# BD, BD-1800, BD-1800.2000, BD-1800.2000-620, YF-3000.1500-330.05: a 2-1-1 code
AIRS_CODE = re.compile(r"[A-Z]{1,2}(-\d{4}(\.\d{4})?(-\d{3}(\.\d{2,3})?)?)?")
# 102, 102-04, 106-06-04-01: an Open Eligibility id
OE_ID = re.compile(r"1\d\d(-\d\d){0,3}")
POPULATION = "population:"
TAG = re.compile(r"<[^>]*>")
MEDI_CAL = re.compile(r"\bMedi[- ]?Cal\b|\bMEDI[- ]CAL\b")


@dataclass(frozen=True)
class Reading:
    """What one term says: categories, population codes, and whether it was known."""

    categories: frozenset = frozenset()
    populations: frozenset = frozenset()
    known: bool = False


def name_key(name):
    """Return a term name as the tables list it: lower case, & as "and", single spaces."""
    return " ".join((name or "").lower().replace("&", " and ").split())


def clean(text):
    """Return text as the rules read it: no markup, lower case, single spaces ("MediCal"
    kept apart from "medical" before the case goes)."""
    text = html.unescape(TAG.sub(" ", text or "")).replace("\u2019", "'")
    text = MEDI_CAL.sub("medi-cal", text)
    return " " + " ".join(text.lower().replace("&", " and ").split()) + " "


def _words(patterns):
    """Return one regex for whole-word alternatives."""
    if not patterns:
        return None
    return re.compile(r"(?<!\w)(?:" + "|".join(patterns) + r")(?!\w)")


def _dropped(match):
    """Blank what a `drop` clause matched, or only its group named "drop" when it has one
    ("connects survivors to legal services": the survivors stay, the services go)."""
    if match.re.groupindex.get("drop") and match.group("drop") is not None:
        return match.group(0)[:match.start("drop") - match.start()] + " "
    return " "


def _split(values):
    """Return (category codes, population codes) of a crosswalk value."""
    cats = frozenset(v for v in values if not v.startswith(POPULATION))
    pops = frozenset(v[len(POPULATION):] for v in values if v.startswith(POPULATION))
    return cats, pops


class Rules:
    """One strength of text rules: {category: (match regex, except regex)}."""

    def __init__(self, table):
        self.rules = {code: (_words(rule["match"]), _words(rule.get("except", ())))
                      for code, rule in table.items()}

    def find(self, text):
        """Return the categories whose words are in `text` (already cleaned)."""
        return set(self.where(text))

    def where(self, text):
        """Return {category: where in `text` its words first appear}."""
        found = {}
        for code, (match, unless) in self.rules.items():
            seen = unless.sub(lambda m: " " * len(m.group(0)), text) if unless else text
            hit = match.search(seen)
            if hit:
                found[code] = hit.start()
        return found


class Crosswalk:
    """The data under seeds/, compiled once."""

    def __init__(self, seeds=SEEDS):
        def load(name):
            return json.loads((Path(seeds) / name).read_text(encoding="utf-8"))

        self.airs = load("crosswalk_airs.json")["codes"]
        oe = load("crosswalk_open_eligibility.json")
        self.oe_ids, self.oe_names = oe["ids"], oe["names"]
        names = load("crosswalk_names.json")
        self.names = names["names"]
        self.shapes = [(re.compile(p), value) for p, value in names["patterns"].items()]
        self.known_shapes = [re.compile(p) for p in names["known_patterns"]]
        text = load("crosswalk_text.json")
        self.drop = [_words([pattern]) for pattern in text["drop"]]
        self.strong, self.weak = Rules(text["strong"]), Rules(text["weak"])
        self.advocacy, self.direct = _words(text["advocacy"]), _words(text["direct"])
        self.organizational = _words(text["organizational"])

    def categories(self):
        """Return every category code the data names (tests check each is a real term)."""
        values = [*self.airs.values(), *self.oe_ids.values(), *self.oe_names.values(),
                  *self.names.values(), *(v for _, v in self.shapes),
                  *([c] for c in self.strong.rules),
                  *([c] for c in self.weak.rules)]
        return {c for value in values for c in value}

    @staticmethod
    def _prefix(table, code, separators):
        """Return the value of the longest prefix of `code` listed in `table`, or None."""
        while code:
            if code in table:
                return table[code]
            cut = max(code.rfind(s) for s in separators)
            code = code[:cut] if cut > 0 else (code[:-1] if len(code) == 2 else "")
        return None

    def code(self, code):
        """Return the crosswalk value of a 2-1-1 code or Open Eligibility id, or None."""
        code = (code or "").strip().upper()
        if AIRS_CODE.fullmatch(code):
            return self._prefix(self.airs, code, ".-")
        if OE_ID.fullmatch(code):
            return self._prefix(self.oe_ids, code, "-")
        return None

    def term(self, code, name):
        """Return the Reading of a taxonomy term from another directory."""
        key = name_key(name)
        named = self.names.get(key, self.oe_names.get(key))
        if named is None:
            named = next((v for shape, v in self.shapes if shape.search(key)), None)
        value = self.code(code)
        if value is not None:  # the code decides what; its name can still say who
            cats, pops = _split(value)
            return Reading(cats, pops | _split(named or ())[1], True)
        if named is not None:
            cats, pops = _split(named)
            return Reading(cats, pops, True)
        if key and any(shape.search(key) for shape in self.known_shapes):
            return Reading(known=True)
        found = frozenset(self.strong.find(clean(name)))
        return Reading(found, frozenset(), bool(found))

    def voice(self, description):
        """Return whether a description is an organization's voice (advocacy, policy,
        research, help for other agencies) rather than a service people come to."""
        text = clean(description)
        return bool(self.organizational.search(text)) or (
            bool(self.advocacy.search(text)) and not self.direct.search(text))

    def lead(self, description, leave=()):
        """Return the kind of help a description names first (not one of `leave`), or None:
        an agency lists its main program first."""
        found = {c: at for c, at in self.strong.where(clean(description)).items()
                 if c not in leave}
        return min(found, key=found.get) if found else None

    def text(self, *parts, weak=False):
        """Return the categories the words of `parts` (a name, a description) name."""
        text = clean(" . ".join(p for p in parts if p))
        for pattern in self.drop:
            text = pattern.sub(_dropped, text)
        return (self.weak if weak else self.strong).find(text)


@cache
def crosswalk():
    """Return the Crosswalk of the project's seeds/ (read once per process)."""
    return Crosswalk()
