"""Reading the data packages HSDS 1.x and 2.0 publishers made, as most 2-1-1s did before 3.0.
Such a package is told apart by its table names: files (or the descriptor's resources) only
1.x and 2.0 have, such as `physical_addresses.csv`, `regular_schedules.csv` or
`services_taxonomy.csv` (3.0 has addresses, iCalendar schedules and attributes); which
release it is comes from the tables only one release has (legacy_fields.RELEASES). Its CSV
files may sit at any depth below its `datapackage.json` (a zip with `data/services.csv`),
their headers matched case-insensitively; everything else is read as datapackage.py reads
3.0, within the same bounds, and legacy_rows.py turns the rows into 3.0 records."""

import os
import re
from collections import Counter
from dataclasses import dataclass, field, replace
from pathlib import PurePosixPath

from . import datapackage as package
from .jsonfile import ReadError
from .legacy_fields import FILES, LEGACY_ONLY, RELEASES, accepted, file_for
from .legacy_rows import Mapper
from .rules import table_for_path
from .tables import TABLES

CURRENT = "3.0:"  # the key of a file read as the HSDS 3.0 table it names


@dataclass
class Reading:
    """How a package was read: the HSDS release its tables say, and what mapping them to
    3.0 could not say as written."""

    version: str
    warnings: list = field(default_factory=list)

    def __str__(self):
        return f"read as HSDS {self.version} (plural table names)"


def _key(name):
    """Return what a CSV file stem or resource name is: a 1.x/2.0 file, "3.0:table", or None."""
    table = table_for_path(name)
    return file_for(name) or (CURRENT + table if table else None)


def _named(descriptor):
    """Return {file name: resource name} of a descriptor's resources."""
    resources = descriptor.get("resources") if isinstance(descriptor, dict) else None
    if not isinstance(resources, list):
        return {}
    return {PurePosixPath(r["path"]).name.lower(): str(r.get("name") or "")
            for r in resources if isinstance(r, dict) and isinstance(r.get("path"), str)}


def _hidden(path):
    return any(part.startswith(".") or part == "__MACOSX" for part in PurePosixPath(path).parts)


def _members(source, deep, limits):
    """Return the package's files relative to its folder: at any depth when `deep`."""
    if source.zip is not None:
        prefix = f"{source.base}/" if source.base else ""
        names = [n[len(prefix):] for n in source.zip.namelist()
                 if n.startswith(prefix) and not n.endswith("/")]
        names = names if deep else [n for n in names if "/" not in n]
    elif not deep:
        names = source.names()
    else:
        names = []
        for folder, subfolders, files in os.walk(source.path):
            subfolders[:] = sorted(d for d in subfolders if not _hidden(d))
            names += [os.path.relpath(os.path.join(folder, f), source.path).replace(os.sep, "/")
                      for f in files]
            if len(names) > limits.max_members:
                raise ReadError(f"{source.path.name}: holds more than {limits.max_members:,} "
                                "files below its datapackage.json (HSDS_IMPORT_MAX_MEMBERS)")
    return [n for n in names if not _hidden(n)]


def _classify(names, named):
    """Return [(key or None, path)] of the CSV files, shallowest first; a second file for
    the same table is not read (its key is None)."""
    found, seen = [], set()
    for path in sorted(names, key=lambda n: (n.count("/"), n)):
        if not path.lower().endswith(".csv"):
            continue
        name = PurePosixPath(path)
        key = _key(name.stem) or _key(named.get(name.name.lower(), ""))
        found.append((None if key in seen else key, path))
        seen.add(key)
    return found


def _version(keys, descriptor):
    for release, evidence in RELEASES:
        if keys & evidence:
            return release
    declared = str(descriptor.get("version") or "") if isinstance(descriptor, dict) else ""
    return declared[:3] if re.fullmatch(r"1\.\d.*", declared) else "1.x"


def _table(key):
    """Return the table a problem of file `key` is counted under."""
    if key.startswith(CURRENT):
        return key[len(CURRENT):]
    target = FILES[key][0] if key in FILES else None
    return target if target in TABLES else key


def read(source, limits):
    """Return (rows, problems, ignored, Reading) of the HSDS 1.x or 2.0 package `source`
    (datapackage._Source), or None when it is not one: 3.0 is read as before."""
    own = source.names()
    descriptor = package._descriptor(source, limits) if package.DESCRIPTOR in own else None
    named = _named(descriptor)
    deep = descriptor is not None or source.zip is not None
    said = {_key(PurePosixPath(path).stem) or _key(name) for path, name in named.items()}
    if not (said | {k for k, _ in _classify(_members(source, source.zip is not None, limits),
                                            named)}) & LEGACY_ONLY:
        return None
    listed = _classify(_members(source, deep, limits), named)
    if source.zip is None:
        size = sum((source.path / path).stat().st_size for _, path in listed)
        if size > limits.max_bytes:
            raise ReadError(f"{source.path.name}: holds {size:,} bytes; at most "
                            f"{limits.max_bytes:,} are imported at once (HSDS_IMPORT_MAX_BYTES)")
    package._survey(source, [(key, path, key) for key, path in listed], limits)
    raw, paths, problems, ignored = {}, {}, [], Counter()
    for key, path in listed:
        if key is None:
            count = package._count_rows(source, path, limits) - 1
            if count > 0:
                ignored[f"{path} (not stored)"] += count
            continue
        raw[key], paths[key] = {}, path
        columns = accepted(key) if key in FILES else set(TABLES[key[len(CURRENT):]].fields)
        package._read_csv(source, path, key, raw, problems, ignored, limits, columns)
    mapper = Mapper(paths)
    rows = mapper.map(raw)
    problems = [replace(p, table=_table(p.table)) for p in problems] + mapper.problems
    ignored = Counter({k.removeprefix(CURRENT): n for k, n in (ignored + mapper.ignored).items()})
    keys = {key for key, _ in listed if key}
    return rows, problems, ignored, Reading(_version(keys, descriptor), mapper.warnings)
