# vh — developer and CI entry points.
#   make run     migrate, load demo data, serve on 127.0.0.1:$PORT (default 5000), deliver mails
#   make test    run pytest (PYTEST_ARGS="-k foo -x" to pass options)
#   make lint    ruff: undefined names, unused imports, syntax (also run by make test)
#   make bench   run every bench/bench_*.py

VENV := .venv
PY   := $(VENV)/bin/python
PYTEST_ARGS ?=
export PIP_DISABLE_PIP_VERSION_CHECK := 1

.PHONY: run test lint bench

$(PY):
	python3 -m venv $(VENV)

# Stamp: reinstall dev requirements only when a requirements file changed.
$(VENV)/.installed-dev: requirements.txt requirements-dev.txt | $(PY)
	$(VENV)/bin/pip install -q -r requirements-dev.txt
	touch $@

run: | $(PY)
	$(VENV)/bin/pip install -q -r requirements.txt
	$(VENV)/bin/flask --app wsgi migrate
	$(VENV)/bin/flask --app wsgi demo
	# the outbox is delivered every minute beside gunicorn (and stops with it)
	$(VENV)/bin/flask --app wsgi meldingen --herhaal 60 & trap 'kill $$! 2>/dev/null' EXIT INT TERM; \
	  $(VENV)/bin/gunicorn -c gunicorn.conf.py wsgi:app

test: lint
	$(PY) -m pytest -q $(PYTEST_ARGS)

lint: $(VENV)/.installed-dev
	$(VENV)/bin/ruff check --quiet vh tests bench

bench: $(VENV)/.installed-dev
	@set -e; for f in bench/bench_*.py; do \
	  [ -e "$$f" ] || { echo "no bench/bench_*.py scripts"; break; }; \
	  echo "== $$f"; $(PY) $$f; \
	done
