# The two commands a newcomer needs: `make run` and `make test`. Everything else is theirs.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
PORT ?= 5000
WORKERS ?= 2
# PostgreSQL that `make test` also runs the suite against, when it answers.
TEST_POSTGRES_URL ?= postgresql://postgres@127.0.0.1:5432/test
FLASK := $(BIN)/flask --app directory
WSGI_APP ?= wsgi:app
# --preload: the app and its search index's fact arrays are loaded once in the master and
# shared copy-on-write by the workers (less memory each; a new worker answers at once).
# gunicorn.conf.py: the access log of our own (no query strings) and no Server header.
GUNICORN := $(BIN)/gunicorn -c gunicorn.conf.py --workers $(WORKERS) --preload \
	--bind 127.0.0.1:$(PORT)

.PHONY: run serve test install install-test translations messages lint clean fonts chromium wrk bench-pages \
	mutation bench-cluster bench-sync bench-transit bench-million

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip

$(VENV)/.installed: pyproject.toml | $(BIN)/python
	$(BIN)/pip install --quiet -e .
	@touch $@

$(VENV)/.installed-test: pyproject.toml | $(BIN)/python
	$(BIN)/pip install --quiet -e '.[test]'
	@touch $@ $(VENV)/.installed

install: $(VENV)/.installed translations fonts
install-test: $(VENV)/.installed-test translations fonts chromium

# PDFs embed DejaVu Sans so every language prints (Debian's fonts-dejavu-core). Installed
# here when missing and apt-get can; otherwise PDFs fall back to Latin-1 and say so in the log.
DEJAVU := /usr/share/fonts/truetype/dejavu/DejaVuSans.ttf
fonts:
	@test -f $(DEJAVU) || (command -v apt-get >/dev/null && \
		(DEBIAN_FRONTEND=noninteractive apt-get install -y -qq fonts-dejavu-core >/dev/null \
		|| (apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq fonts-dejavu-core >/dev/null))) \
		|| echo "fonts-dejavu-core is not installed: PDFs print Latin-1 only (apt-get install fonts-dejavu-core)"

# The browser tests drive Debian's Chromium (tests/browser): installed here when missing and
# apt-get can; otherwise those tests are skipped and say why.
chromium:
	@command -v chromium >/dev/null || (command -v apt-get >/dev/null && \
		(DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null \
		|| (apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null))) \
		|| echo "chromium is not installed: the browser tests are skipped (apt-get install chromium)"

# The page benchmarks drive the server with wrk (Debian's package): installed here when
# missing and apt-get can.
wrk:
	@command -v wrk >/dev/null || (command -v apt-get >/dev/null && \
		(DEBIAN_FRONTEND=noninteractive apt-get install -y -qq wrk >/dev/null \
		|| (apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq wrk >/dev/null))) \
		|| (echo "wrk is not installed (apt-get install wrk)"; exit 1)

# Compiled catalogs (.mo) are built here, never committed. Fuzzy entries are not used: an
# interface sentence stays English rather than show a guessed translation.
translations: | $(BIN)/python
	@if ls directory/translations/*/LC_MESSAGES/messages.po >/dev/null 2>&1; then \
		$(BIN)/pybabel -q compile -d directory/translations; fi

# After changing interface strings: re-extract them and merge into each catalog, then
# translate the new entries (tests/app/test_translations.py fails until every one is).
messages: install
	$(BIN)/pybabel extract -F babel.cfg -k _l -k lazy_gettext -k lazy_ngettext:1,2 \
		--sort-by-file --project "Recovery Resource Directory" \
		-o directory/translations/messages.pot .
	$(BIN)/pybabel update -i directory/translations/messages.pot -d directory/translations \
		--ignore-obsolete --width 100

run: install
	$(FLASK) db upgrade
	$(FLASK) seed --if-empty
	@if $(FLASK) --help | grep -q reindex; then $(FLASK) reindex; fi
	@echo "Serving on http://127.0.0.1:$(PORT) (Ctrl-C to stop)"
	$(GUNICORN) $(WSGI_APP)

# The server `make run` starts, without migrating, seeding or reindexing first
# (bench/pages.py serves its prepared directories, and its reference page, with it).
serve: install
	$(GUNICORN) $(WSGI_APP)

# Every page kind under load at state scale (100,000 services; builds them once, cached in
# instance/bench-pages/: 2 minutes on SQLite, 5 on PostgreSQL), then about 7 minutes per
# database. Not part of `make test`.
BENCH_SERVICES ?= 100000
bench-pages: install wrk
	@if $(BIN)/python -c "import psycopg,sys; psycopg.connect('$(TEST_POSTGRES_URL)', connect_timeout=3).close()" 2>/dev/null; then \
		$(BIN)/python bench/pages.py --services $(BENCH_SERVICES) --database-url $(TEST_POSTGRES_URL); \
	else \
		echo "== PostgreSQL at $(TEST_POSTGRES_URL) does not answer: SQLite only =="; \
		$(BIN)/python bench/pages.py --services $(BENCH_SERVICES); \
	fi

# A national directory of a million services (issue 27), on SQLite and then on PostgreSQL
# (its own database, bench_pages_1000000_national; `test` is never touched): build once
# (cached in instance/bench-pages/*-national), reindex, index size, searches from places
# all over the country, every page of bench-pages, memory per worker, a change's lag to
# searchable, and a py-spy profile of the pages named. An hour or more. Not in `make test`.
MILLION_SERVICES ?= 1000000
MILLION_OPTIONS ?= --profile "intake match" --profile "service page" --profile "text + place"
bench-million: install-test wrk
	$(BIN)/pip install --quiet -e '.[bench]'
	@if $(BIN)/python -c "import psycopg,sys; psycopg.connect('$(TEST_POSTGRES_URL)', connect_timeout=3).close()" 2>/dev/null; then \
		$(BIN)/python bench/million.py --services $(MILLION_SERVICES) --database-url $(TEST_POSTGRES_URL) $(MILLION_OPTIONS); \
	else \
		echo "== PostgreSQL at $(TEST_POSTGRES_URL) does not answer: SQLite only =="; \
		$(BIN)/python bench/million.py --services $(MILLION_SERVICES) $(MILLION_OPTIONS); \
	fi

# Three servers on one PostgreSQL, 200 edits through all three, one server killed and
# restarted: lag from commit to searchable on the others, and drift (bench/README.md).
bench-cluster: install-test
	$(BIN)/python bench/cluster.py --database-url $(TEST_POSTGRES_URL)

# import-gtfs of a large agency's feed (100 routes, 7,400 stops, 634,000 stop times) over
# BENCH_SERVICES services, and the per-search cost of "Reachable by public transit" (SQLite).
bench-transit: install
	$(BIN)/python bench/transit.py --services $(BENCH_SERVICES)

# sync-hsds from a second instance of this app serving BENCH_SERVICES services on loopback.
bench-sync: install-test
	$(BIN)/python bench/sync.py --services $(BENCH_SERVICES)

lint: install-test
	$(BIN)/ruff check .

# The suite runs in TEST_WORKERS processes (pytest-xdist), a test module per process at a time
# so that module fixtures are built once. The PostgreSQL half runs the tests that open a
# database (the others ran in the SQLite half) and no browser tests (one database is enough
# for what a browser sees).
TEST_WORKERS ?= 2
PYTEST := $(BIN)/python -m pytest -q -p no:cacheprovider -n $(TEST_WORKERS) --dist loadfile --durations=15
test: install-test lint
	@echo "== Test suite on SQLite =="
	$(PYTEST)
	@if $(BIN)/python -c "import psycopg,sys; psycopg.connect('$(TEST_POSTGRES_URL)', connect_timeout=3).close()" 2>/dev/null; then \
		echo "== Test suite on PostgreSQL ($(TEST_POSTGRES_URL)) =="; \
		DATABASE_URL=$(TEST_POSTGRES_URL) $(PYTEST) -m "not browser" --database-tests-only; \
	else \
		echo "== PostgreSQL at $(TEST_POSTGRES_URL) does not answer: suite ran on SQLite only =="; \
	fi

# Mutation testing of search, matching and the schedule engine (TESTING.md): mutmut mutates the modules named in
# pyproject's [tool.mutmut] and runs, for each mutant, those tests of the test modules listed
# there that reach it. One child at a time (the machine is shared). MUTANTS picks some
# mutants and MUTATION_TESTS other test modules, say MUTANTS='directory.search.scoring*'
# MUTATION_TESTS=tests/search/test_search_scoring.py. Results are kept in mutants/: a second run
# tries only what changed. Not part of `make test`.
MUTANTS ?=
MUTATION_TESTS ?=
mutation: install-test
	$(BIN)/pip install --quiet -e '.[mutation]'
	$(BIN)/python tests/mutation.py --tests "$(MUTATION_TESTS)" $(MUTANTS)
	$(BIN)/mutmut results

clean:
	rm -rf $(VENV) instance/search-index *.egg-info mutants
