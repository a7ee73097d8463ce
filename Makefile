# Pravo — thin wrappers over scripts/ and the pravo package. Run `make help` for the list.
# Everything installs into .venv on first use, from the hash-pinned requirements files.

PYTHON ?= python3
VENV   ?= .venv
BIN    := $(VENV)/bin
HOST   ?= 127.0.0.1
PORT   ?= 8000
PIP    := $(BIN)/python -m pip install --quiet --disable-pip-version-check

# Material prints a banner about MkDocs 2 on every build; we pin MkDocs 1.x.
export NO_MKDOCS_2_WARNING := 1

.PHONY: help serve build preview check test test-fast lint clean laws translations page bench lock

help:
	@echo "make serve      build the site and serve it with live reload on http://$(HOST):$(PORT)/"
	@echo "make build      check the content, then build the production site into site/ (needs PRAVO_SITE_URL, PRAVO_CONTACT)"
	@echo "make preview    the same build without the deployment's address and contact, not for publishing"
	@echo "make check      the content checks (front matter, twins, data, links …), in plain words"
	@echo "make test       everything CI runs: lint, unit and build tests, browser tests"
	@echo "make test-fast  lint, checks and unit tests, no browser and no full-site build (about a minute)"
	@echo "make page SLUG=raid/x TITLE=… TITLE_EN=…  start a page in both languages, added to the menu"
	@echo "make translations  missing and outdated translations, one line per page"
	@echo "make laws       the provenance of every legal provision: status, sources, edition, age"
	@echo "make bench      compare weight, paint and build time with a plain Material build (ARGS=--quick)"
	@echo "make lock       re-pin requirements*.txt with hashes from requirements*.in (maintainers)"
	@echo "make clean      remove site/, the cache and the virtualenv"

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)

# Hash-checked packages first, then the project's own `pravo` package (pyproject.toml), editable
# and without a download (setuptools comes from requirements.txt).
$(VENV)/.site-installed: requirements.txt pyproject.toml | $(BIN)/python
	$(PIP) --require-hashes -r requirements.txt
	$(PIP) --no-deps --no-build-isolation -e .
	@touch $@

$(VENV)/.test-installed: requirements-test.txt $(VENV)/.site-installed
	$(PIP) --require-hashes -r requirements-test.txt
	@touch $@

serve: $(VENV)/.site-installed
	$(BIN)/python scripts/check.py
	$(BIN)/mkdocs serve --dev-addr $(HOST):$(PORT)

build: $(VENV)/.site-installed
	$(BIN)/python scripts/build.py

# The same build without the deployment's address and contact: to look at, not to publish.
preview: $(VENV)/.site-installed
	$(BIN)/python scripts/build.py --preview

check: $(VENV)/.site-installed
	$(BIN)/python scripts/check.py

lint: $(VENV)/.test-installed
	$(BIN)/ruff check pravo scripts tests overrides/hooks
	$(BIN)/zizmor --offline --min-severity low .github/workflows

test: lint
	$(BIN)/python -m pytest

test-fast: lint
	$(BIN)/python scripts/check.py
	$(BIN)/python -m pytest -m "not browser and not slow"

clean:
	rm -rf site .cache $(VENV)

laws: $(VENV)/.site-installed
	$(BIN)/python scripts/law_report.py

translations: $(VENV)/.site-installed
	$(BIN)/python scripts/translations.py

# make page SLUG=raid/checkpoint TITLE="Проверка документов" TITLE_EN="Document checks"
page: $(VENV)/.site-installed
	$(BIN)/python scripts/new_page.py "$(SLUG)" --title "$(TITLE)" --title-en "$(TITLE_EN)"

# Pravo against a plain Material + i18n build of the same Markdown (a few minutes).
bench: $(VENV)/.test-installed
	$(BIN)/python scripts/bench.py $(ARGS)

# Maintainers: new pins (and their hashes) after editing requirements*.in. Needs the package index.
lock: $(VENV)/.test-installed
	$(PIP) pip-tools==7.6.2
	$(BIN)/pip-compile --quiet --generate-hashes --allow-unsafe --no-emit-index-url --no-emit-find-links --strip-extras --custom-compile-command "make lock" \
	  --output-file requirements.txt requirements.in
	$(BIN)/pip-compile --quiet --generate-hashes --allow-unsafe --no-emit-index-url --no-emit-find-links --strip-extras --custom-compile-command "make lock" \
	  --output-file requirements-test.txt requirements-test.in
