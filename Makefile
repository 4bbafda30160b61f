# Tissage — the two set-up commands are `make run` and `make test`.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
export TISSAGE_VAR_DIR ?= $(CURDIR)/var
PYTEST_WORKERS ?= 2

.PHONY: run test test-suite test-browser lint install install-dev messages clean

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip

$(VENV)/.installed: pyproject.toml | $(BIN)/python
	$(BIN)/pip install --quiet -e .
	touch $@

$(VENV)/.installed-dev: pyproject.toml | $(BIN)/python
	$(BIN)/pip install --quiet -e '.[dev]'
	touch $@ $(VENV)/.installed

install: $(VENV)/.installed
install-dev: $(VENV)/.installed-dev

## Migrate the SQLite default, load the demo network once, and serve it with gunicorn.
run: install
	$(BIN)/tissage migrate --noinput -v0
	$(BIN)/tissage createcachetable
	$(BIN)/tissage collectstatic --noinput -v0
	$(BIN)/tissage demo --if-empty
	$(BIN)/tissage staff-login
	$(BIN)/tissage serve

## Lint, check the layering and migrations, and run the whole suite (browser tests: make test-browser).
test: install-dev lint test-suite

lint: install-dev
	$(BIN)/ruff check src tests bench
	$(BIN)/ruff format --check src tests bench
	$(BIN)/lint-imports
	TISSAGE_VAR_DIR=$$(mktemp -d) $(BIN)/tissage makemigrations --check --dry-run -v0

test-suite: install-dev
	$(BIN)/pytest -n $(PYTEST_WORKERS) -q

test-browser: install-dev
	DJANGO_ALLOW_ASYNC_UNSAFE=true $(BIN)/pytest -m browser -q tests/browser

## Extract and compile the interface translations (French, Russian; English is the source language).
messages: install-dev
	cd src/tissage && ../../$(BIN)/tissage makemessages -l fr -l ru --no-location --no-obsolete -i 'solvers/*'
	cd src/tissage && ../../$(BIN)/tissage compilemessages -v0

clean:
	rm -rf $(VENV) var build *.egg-info src/*.egg-info
