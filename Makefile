# `make run` and `make test` each do their own idempotent set-up on a fresh machine.
SHELL := /bin/bash
PY := .venv/bin/python
PIP := .venv/bin/pip
PORT ?= 5000

.PHONY: run test lint web chromium wrk bench deps clean

deps: .venv/.stamp

.venv/.stamp: pyproject.toml
	test -x $(PY) || python3 -m venv .venv
	$(PIP) install -q --upgrade pip
	$(PIP) install -q -e '.[dev]'
	touch $@

# The browser bundle: Pyodide core from npm, the engine wheel, phonenumbers' wheel, manifest.
web: deps
	@if [ -f web/build.py ]; then $(PY) web/build.py; else echo "web: nothing to build yet"; fi

# Debian's Chromium for the end-to-end tests; Playwright never downloads a browser here.
chromium:
	@command -v chromium >/dev/null 2>&1 || { \
	  if [ "$$(id -u)" = 0 ]; then apt-get update -qq && apt-get install -y -qq chromium; \
	  else sudo apt-get update -qq && sudo apt-get install -y -qq chromium; fi; }

# Debian's wrk, the light load generator of bench/api.py.
wrk:
	@command -v wrk >/dev/null 2>&1 || { \
	  if [ "$$(id -u)" = 0 ]; then apt-get update -qq && apt-get install -y -qq wrk; \
	  else sudo apt-get update -qq && sudo apt-get install -y -qq wrk; fi; }

lint: deps
	$(PY) -m ruff check .

test: deps web chromium lint
	$(PY) -m pytest

run: deps web
	@if [ -d admin ] && [ -f admin/__init__.py ]; then \
	  PORT=$(PORT) $(PY) -m admin.devserver; \
	else \
	  $(PY) -m engine scan --stats tests/data/sample.jsonl; \
	fi

bench: deps web chromium wrk
	$(PY) bench/engine.py
	$(PY) bench/quality.py
	$(PY) bench/api.py
	$(PY) bench/browser.py

clean:
	rm -rf .venv web/dist web/node_modules build *.egg-info
