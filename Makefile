# The two commands of the README's quick start: `make run` and `make test`.
# Both create .venv when missing and install the project (with its extras) into it.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed

.PHONY: run test lint typecheck pytest bench system-deps translations clean

$(STAMP): pyproject.toml
	@test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[postgres,test]'
	@touch $(STAMP)

# Libraries Qt needs at run time and the PostgreSQL server the tests start on loopback.
# Installed only when missing, only where apt-get is usable; failures are not fatal
# (GUI tests need the libraries; PostgreSQL tests are skipped, loudly, without a server).
system-deps:
	@bash tools/system-deps.sh

run: $(STAMP) system-deps
	$(BIN)/coop-desk gui

lint: $(STAMP)
	$(BIN)/ruff check coop_desk tests benchmarks
	$(BIN)/ruff format --check coop_desk tests benchmarks
	$(BIN)/lint-imports --no-logo

typecheck: $(STAMP)
	$(BIN)/mypy

pytest: $(STAMP) system-deps
	$(BIN)/python -m pytest -q

test: lint typecheck pytest

bench: $(STAMP)
	$(BIN)/python -m benchmarks

# Refresh the Spanish catalogues from the source strings, then compile them for the program:
# the GUI's (Qt Linguist .ts/.qm) and the core's (gettext .po/.mo, extracted with Babel over
# what babel.cfg names; coop_desk/i18n.py says how to write a message).
CORE_PO := coop_desk/i18n/locale/es/LC_MESSAGES/coop_desk.po
BABEL_KEYWORDS := -k _ -k gettext -k ngettext:1,2 -k N_

translations: $(STAMP)
	$(BIN)/pyside6-lupdate -no-obsolete $$(find coop_desk/ui coop_desk/app.py -name '*.py' | sort) \
		-ts resources/i18n/coop_desk_es.ts
	$(BIN)/pyside6-lrelease resources/i18n/coop_desk_es.ts -qm resources/i18n/coop_desk_es.qm
	@pot=$$(mktemp --suffix=.pot) && \
	$(BIN)/pybabel -q extract -F babel.cfg --no-default-keywords $(BABEL_KEYWORDS) \
		--no-location --sort-output --no-wrap --project=coop-desk -o $$pot . && \
	$(BIN)/pybabel -q update -i $$pot -o $(CORE_PO) -l es --no-fuzzy-matching \
		--ignore-obsolete --no-wrap && rm -f $$pot
	@# The extraction's time stamp would make every run a change (and a merge conflict).
	@sed -i '/^"POT-Creation-Date:/d' $(CORE_PO)
	$(BIN)/python tools/compile_catalogue.py $(CORE_PO)

clean:
	rm -rf $(VENV) .pytest_cache .mypy_cache .ruff_cache .import_linter_cache
