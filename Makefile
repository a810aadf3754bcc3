# The two commands a newcomer needs: `make demo` and `make test`.
# Both create a virtual environment in .venv on first use and install newsdesk into it.

PY ?= python3
VENV ?= .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed-$(shell cksum pyproject.toml | cut -d' ' -f1)

.PHONY: demo test lint install clean

$(STAMP): pyproject.toml
	$(PY) -m venv $(VENV)
	$(BIN)/python -m pip install -q --upgrade pip
	# torch first, pinned: any other version (or none, left to a dependency) pulls a CUDA build of several GB
	$(BIN)/python -m pip install -q 'torch==2.13.0'
	$(BIN)/python -m pip install -q -e '.[dev]'
	rm -f $(VENV)/.installed-* && touch $(STAMP)

install: $(STAMP)

demo: $(STAMP)
	$(BIN)/newsdesk brief examples/ --db newsdesk.db

lint: $(STAMP)
	$(BIN)/ruff check src tests scripts evaluation bench
	$(BIN)/ruff format --check src tests scripts evaluation bench
	$(BIN)/mypy

test: lint
	$(BIN)/pytest

clean:
	rm -rf $(VENV) newsdesk.db newsdesk.db-wal newsdesk.db-shm
