# The two commands a newcomer needs: `make run` and `make test`. Everything else is theirs.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
PORT ?= 5000
WORKERS ?= 2
# PostgreSQL that `make test` also runs the suite against, when it answers.
TEST_POSTGRES_URL ?= postgresql://postgres@127.0.0.1:5432/test
FLASK := $(BIN)/flask --app directory

.PHONY: run test install install-test translations lint clean

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip

$(VENV)/.installed: pyproject.toml | $(BIN)/python
	$(BIN)/pip install --quiet -e .
	@touch $@

$(VENV)/.installed-test: pyproject.toml | $(BIN)/python
	$(BIN)/pip install --quiet -e '.[test]'
	@touch $@ $(VENV)/.installed

install: $(VENV)/.installed translations
install-test: $(VENV)/.installed-test translations

translations: | $(BIN)/python
	@if ls directory/translations/*/LC_MESSAGES/messages.po >/dev/null 2>&1; then \
		$(BIN)/pybabel compile --use-fuzzy -q -d directory/translations; fi

run: install
	$(FLASK) db upgrade
	$(FLASK) seed --if-empty
	@if $(FLASK) --help | grep -q reindex; then $(FLASK) reindex; fi
	@echo "Serving on http://127.0.0.1:$(PORT) (Ctrl-C to stop)"
	$(BIN)/gunicorn --workers $(WORKERS) --bind 127.0.0.1:$(PORT) --access-logfile - wsgi:app

lint: install-test
	$(BIN)/ruff check .

test: install-test lint
	@echo "== Test suite on SQLite =="
	$(BIN)/python -m pytest -q -p no:cacheprovider
	@if $(BIN)/python -c "import psycopg,sys; psycopg.connect('$(TEST_POSTGRES_URL)', connect_timeout=3).close()" 2>/dev/null; then \
		echo "== Test suite on PostgreSQL ($(TEST_POSTGRES_URL)) =="; \
		DATABASE_URL=$(TEST_POSTGRES_URL) $(BIN)/python -m pytest -q -p no:cacheprovider -m "not browser"; \
	else \
		echo "== PostgreSQL at $(TEST_POSTGRES_URL) does not answer: suite ran on SQLite only =="; \
	fi

clean:
	rm -rf $(VENV) instance/search-index *.egg-info
