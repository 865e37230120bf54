"""Runs mutmut (`make mutation`) over the modules pyproject's [tool.mutmut] names, against
the test modules named there or, with --tests, against others: a module's mutants are then
tried by its own tests only, which is what makes a run finish on a shared machine. A run
with another set of tests than the last one tries every mutant again (mutmut's rule)."""

import argparse
import sys
from pathlib import Path

# Run as a script, this file's folder comes first on the path, and mutmut runs pytest in this
# process: tests/public would then shadow the PyPI package `public` that aiosmtpd imports.
if sys.path and Path(sys.path[0]).resolve() == Path(__file__).resolve().parent:
    del sys.path[0]


def main(argv):
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--tests", default="", help="test modules, separated by spaces")
    parser.add_argument("--max-children", default="1")
    parser.add_argument("mutants", nargs="*", help='say "directory.search.scoring*"')
    args = parser.parse_args(argv)
    from mutmut import configuration
    from mutmut.__main__ import cli

    if args.tests:
        configuration.config().pytest_add_cli_args_test_selection = args.tests.split()
    cli(["run", "--max-children", args.max_children, *args.mutants])


if __name__ == "__main__":
    main(sys.argv[1:])
