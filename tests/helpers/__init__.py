"""Plain helpers the tests import (fixtures live in the conftest.py files, which no test
imports): `apps` makes apps, databases and servers; `builders` writes directory rows;
`pages` reads and posts pages as a browser does; `results` runs searches and matches as
the app does and reads their answers; `official_hsds` holds the specification's schemas."""
