# PainMap. `make run` serves the site; `make test` runs every check. Both set themselves up.
.DEFAULT_GOAL := help
SHELL := /bin/bash
PY := .venv/bin/python
STAMP := .venv/.installed-$(shell sha1sum pyproject.toml | cut -c1-12)
SHARED_MAP := ../shared/map

# Local development runs with debug on unless the caller says otherwise.
DEV := DJANGO_DEBUG=$${DJANGO_DEBUG:-True}

.PHONY: help venv install run test test-fast migrations-check lint format check-vignettes serve bench loadtest lforms

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

# Production-like serving: debug off, hashed and compressed static files, a cache shared by
# the workers (rate limits), gunicorn. A generated secret is kept in .venv when none is set.
SECRET_FILE := .venv/.painmap-secret-key
PROD = DJANGO_DEBUG=False DJANGO_MANIFEST_STATIC=True DJANGO_CACHE=$${DJANGO_CACHE:-db} \
	DJANGO_ALLOWED_HOSTS=$${DJANGO_ALLOWED_HOSTS:-127.0.0.1,localhost} \
	DJANGO_SECRET_KEY=$${DJANGO_SECRET_KEY:-$$(cat $(SECRET_FILE))}

$(SECRET_FILE): | venv
	@umask 077 && $(PY) -c 'import secrets; print(secrets.token_urlsafe(64))' > $@

serve: venv $(SECRET_FILE) ## Production-like: gunicorn on 127.0.0.1:PORT (8000) with DATABASE_URL (or SQLite)
	@[ -n "$$DJANGO_SECRET_KEY" ] || echo "WARNING: DJANGO_SECRET_KEY is not set: using the generated key in $(SECRET_FILE). Set your own in production." >&2
	$(PROD) $(PY) manage.py collectstatic --noinput -v 0
	$(PROD) $(PY) manage.py migrate --noinput -v 0
	$(PROD) $(PY) manage.py createcachetable
	$(PROD) $(PY) manage.py seed_content
	$(PROD) $(PY) manage.py seed_map
	$(PROD) exec $(PY) -m gunicorn -c painmap/gunicorn.conf.py painmap.wsgi

bench: venv ## Measure pages against a bare-Django floor on PostgreSQL (wrk; see bench/README.md)
	$(PY) bench/run.py

loadtest: venv ## Take simulated people through the MAP on gunicorn + PostgreSQL, killing a worker
	$(PY) loadtest/run.py

lint: venv ## ruff check and ruff format --check
	$(PY) -m ruff check .
	$(PY) -m ruff format --check .

format: venv ## Apply ruff's fixes and formatting
	$(PY) -m ruff check --fix .
	$(PY) -m ruff format .

check-vignettes: install ## Score the shared MAP stories (when ../shared is there)
	@if [ -x $(SHARED_MAP)/check-vignettes ]; then $(DEV) $(SHARED_MAP)/check-vignettes; \
	else echo "../shared/map not found: vignettes not checked"; fi

# LHC-Forms (npm `lforms`, pinned in tests/lforms/package-lock.json) for the FHIR round-trip
# browser test; installed into the gitignored tests/lforms/node_modules, served by the test.
LFORMS := tests/lforms
LFORMS_STAMP := $(LFORMS)/node_modules/.installed-$(shell sha1sum $(LFORMS)/package-lock.json | cut -c1-12)

$(LFORMS_STAMP): $(LFORMS)/package.json $(LFORMS)/package-lock.json
	cd $(LFORMS) && npm ci --ignore-scripts
	touch $@

lforms: $(LFORMS_STAMP) ## Install LHC-Forms from the npm registry for the FHIR browser test

migrations-check: venv ## Fail if a model change has no migration
	$(DEV) $(PY) manage.py makemigrations --check --dry-run

test: venv lint migrations-check lforms check-vignettes ## Install, lint and run every test, browser tests included
	$(PY) -m pytest

test-fast: venv ## The edit-test loop: every test but the browser ones and those marked slow
	$(PY) -m pytest -q -m "not browser and not slow"
