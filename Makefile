# PainMap. `make run` serves the site; `make test` runs every check. Both set themselves up.
.DEFAULT_GOAL := help
SHELL := /bin/bash
PY := .venv/bin/python
STAMP := .venv/.installed-$(shell sha1sum pyproject.toml | cut -c1-12)
SHARED_MAP := ../shared/map

# Local development runs with debug on unless the caller says otherwise.
DEV := DJANGO_DEBUG=$${DJANGO_DEBUG:-True}

.PHONY: help venv install run test lint format check-vignettes serve bench loadtest

help: ## List the targets
	@grep -E '^[a-z-]+:.*## ' $(MAKEFILE_LIST) | awk -F':.*## ' '{printf "  make %-16s %s\n", $$1, $$2}'

$(STAMP): pyproject.toml
	test -x $(PY) || python3 -m venv .venv
	$(PY) -m pip install -q --upgrade pip
	$(PY) -m pip install -q -e '.[dev]'
	rm -f .venv/.installed-*
	touch $@

venv: $(STAMP)

install: venv ## Create .venv, install, migrate and load the seeded guide and MAP
	$(DEV) $(PY) manage.py migrate --noinput
	$(DEV) $(PY) manage.py seed_content
	$(DEV) $(PY) manage.py seed_map

run: install ## Set up, then serve on http://127.0.0.1:8000 (SQLite unless DATABASE_URL is set)
	$(DEV) $(PY) manage.py runserver 127.0.0.1:8000

lint: venv ## ruff check and ruff format --check
	$(PY) -m ruff check .
	$(PY) -m ruff format --check .

format: venv ## Apply ruff's fixes and formatting
	$(PY) -m ruff check --fix .
	$(PY) -m ruff format .

check-vignettes: install ## Score the shared MAP stories (when ../shared is there)
	@if [ -x $(SHARED_MAP)/check-vignettes ]; then $(DEV) $(SHARED_MAP)/check-vignettes; \
	else echo "../shared/map not found: vignettes not checked"; fi

test: venv lint check-vignettes ## Install, lint and run every test, browser tests included
	$(PY) -m pytest
