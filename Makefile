# Pravo — thin wrappers over scripts/. Run `make help` for the list.
# Everything installs into .venv on first use, from the pinned requirements files.

PYTHON ?= python3
VENV   ?= .venv
BIN    := $(VENV)/bin
HOST   ?= 127.0.0.1
PORT   ?= 8000

# Material prints a banner about MkDocs 2 on every build; we pin MkDocs 1.x.
export NO_MKDOCS_2_WARNING := 1

.PHONY: help serve build check test clean laws translations page bench

help:
	@echo "make serve   build the site and serve it with live reload on http://$(HOST):$(PORT)/"
	@echo "make build   check the content, then build the production site into site/"
	@echo "make check   the content checks (front matter, twins, ...), in plain words"
	@echo "make test    install what the tests need and run them (what CI runs)"
	@echo "make page SLUG=raid/x TITLE=… TITLE_EN=…  start a page in both languages, added to the menu"
	@echo "make translations  missing and outdated translations, one line per page"
	@echo "make laws    the provenance of every legal provision: status, sources, edition, age"
	@echo "make bench   compare page weight, paint and build time with a plain Material build (ARGS=--quick)"
	@echo "make clean   remove site/ and the virtualenv"

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)

$(VENV)/.site-installed: requirements.txt | $(BIN)/python
	$(BIN)/python -m pip install --quiet --disable-pip-version-check -r requirements.txt
	@touch $@

$(VENV)/.test-installed: requirements-test.txt $(VENV)/.site-installed
	$(BIN)/python -m pip install --quiet --disable-pip-version-check -r requirements-test.txt
	@touch $@

serve: $(VENV)/.site-installed
	$(BIN)/python scripts/check.py
	$(BIN)/mkdocs serve --dev-addr $(HOST):$(PORT)

build: $(VENV)/.site-installed
	$(BIN)/python scripts/build.py

check: $(VENV)/.site-installed
	$(BIN)/python scripts/check.py

test: $(VENV)/.test-installed
	$(BIN)/python -m pytest

clean:
	rm -rf site $(VENV)

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
