# The CCR network portal. `make help` lists the targets.
#
# Two commands set everything up on a fresh machine with Python 3.11 and make:
#   make run    creates .venv, installs, migrates, loads the demo content,
#               ensures an admin account and serves http://127.0.0.1:$(PORT)
#   make test   installs the test tools and runs the whole suite

PYTHON ?= $(shell command -v python3.11 || command -v python3)
VENV := .venv
BIN := $(VENV)/bin
MANAGE := $(BIN)/python manage.py
PORT ?= 8000
PYTEST_ARGS ?=
# pytest-xdist processes; browser tests share one (--dist loadgroup: one live site).
TEST_WORKERS ?= 2

.DEFAULT_GOAL := help
.PHONY: help run install install-test messages chromium test fuzz test-postgres prod-smoke bench bench-http architecture lint format clean

help: ## List the targets
	@grep -E '^[a-zA-Z_-]+:.*?## ' $(MAKEFILE_LIST) | awk 'BEGIN {FS = ":.*?## "}; {printf "  %-18s %s\n", $$1, $$2}'

$(BIN)/python:
	@$(PYTHON) -c 'import sys; assert sys.version_info[:2] == (3, 11), "Python 3.11 is required, found " + sys.version.split()[0]'
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip

# Re-install only when the declared dependencies change, so re-runs are fast.
$(VENV)/.installed: pyproject.toml | $(BIN)/python
	$(BIN)/pip install --quiet -e .
	@touch $@

$(VENV)/.installed-test: pyproject.toml $(VENV)/.installed
	$(BIN)/pip install --quiet -e ".[test]"
	@touch $@

install: $(VENV)/.installed ## Create .venv and install the project

install-test: $(VENV)/.installed-test ## Install the project and the test tools

messages: $(VENV)/.installed ## Compile the translation catalogs in locale/
	@$(MANAGE) compile_catalogs

run: install messages ## Migrate, load the demo content, ensure an admin, serve on PORT (8000)
	$(MANAGE) migrate --noinput
	$(MANAGE) load_demo_content
	$(MANAGE) generate_renditions
	$(MANAGE) setup_languages
	$(MANAGE) ensure_admin
	$(MANAGE) runserver 127.0.0.1:$(PORT)

test: install-test messages chromium ## Lint, then run the whole test suite (browser tests included)
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(BIN)/pytest -n $(TEST_WORKERS) --dist loadgroup $(PYTEST_ARGS)

fuzz: install-test messages ## Explore new fuzz examples (random, 300 per URL kind) on SQLite
	CCR_FUZZ_EXPLORE=1 CCR_FUZZ_EXAMPLES=$${CCR_FUZZ_EXAMPLES:-300} $(BIN)/pytest -n $(TEST_WORKERS) tests/test_fuzz.py

chromium: ## Install Debian's Chromium for the browser tests (apt-get, when root and missing)
	./scripts/install-chromium.sh

test-postgres: install-test messages ## Run the suite on a throwaway local PostgreSQL (installed with apt-get if missing)
	./scripts/test-postgres.sh -n $(TEST_WORKERS) --dist loadgroup $(PYTEST_ARGS)

prod-smoke: install messages ## Production settings on gunicorn and PostgreSQL: request every page type in every language
	./scripts/prod-smoke.sh

bench: install messages ## Benchmarks: search (1,000 and 10,000 pages, SQLite and PostgreSQL), then HTTP
	./scripts/bench.sh

bench-http: install messages ## HTTP benchmark only: gunicorn, production settings, page cache off/on, vs plain Wagtail
	./scripts/bench-http.sh

architecture: install ## Write docs/architecture.txt: which app imports which, read from the code
	$(BIN)/python manage.py app_imports > docs/architecture.txt

lint: install-test ## Lint and check formatting
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .

format: install-test ## Format and auto-fix the code
	$(BIN)/ruff format .
	$(BIN)/ruff check --fix .

clean: ## Remove the virtualenv, the local database and media
	rm -rf $(VENV) db.sqlite3 media staticfiles
