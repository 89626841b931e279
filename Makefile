# The two commands a fresh machine needs: `make run` and `make test`.
PYTHON ?= python3
VENV := .venv
PY := $(VENV)/bin/python
HOST ?= 127.0.0.1
PORT ?= 8000

.PHONY: run test venv dev-venv demo bench clean

$(VENV)/.runtime: requirements.txt
	test -x $(PY) || $(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --disable-pip-version-check -r requirements.txt
	touch $@

$(VENV)/.dev: requirements.txt requirements-dev.txt $(VENV)/.runtime
	$(PY) -m pip install --quiet --disable-pip-version-check -r requirements-dev.txt
	touch $@

# Translations: the committed .po files compiled with Babel (no system gettext needed).
TRANSLATIONS := $(patsubst %.po,%.mo,$(wildcard locale/*/LC_MESSAGES/django.po))
locale/%/LC_MESSAGES/django.mo: locale/%/LC_MESSAGES/django.po $(VENV)/.runtime
	DEBUG=1 $(PY) manage.py compile_translations

venv: $(VENV)/.runtime $(TRANSLATIONS)
dev-venv: $(VENV)/.dev $(TRANSLATIONS)

demo: venv
	DEBUG=1 $(PY) manage.py migrate --noinput
	DEBUG=1 $(PY) manage.py load_demo

## make run: set up, migrate, load the demo comparison and users, serve on 127.0.0.1:8000 with a task worker
run: demo
	@echo
	@echo "newsdiff is starting at http://$(HOST):$(PORT)/  (Ctrl-C stops it)"
	@echo "Log in with one of the demo accounts (development only):"
	@echo "  reviewer / reviewer-demo     reviewer2 / reviewer2-demo"
	@echo "  editor   / editor-demo       admin     / admin-demo   (Django admin: http://$(HOST):$(PORT)/admin/)"
	@echo
	@# The task worker (aligning, fetching pages) runs beside the server and stops with it.
	DEBUG=1 $(PY) manage.py db_worker --no-startup-delay & worker=$$!; \
	trap 'kill $$worker 2>/dev/null' EXIT INT TERM; \
	DEBUG=1 $(PY) manage.py runserver $(HOST):$(PORT)

## make test: set up or update the test environment, run the whole suite (one worker per core: pytest-xdist)
TEST_WORKERS ?= auto
test: dev-venv
	$(PY) -m pytest -n $(TEST_WORKERS) $(PYTEST_ARGS)

bench: dev-venv
	$(PY) bench/align_bench.py

clean:
	rm -rf $(VENV) db.sqlite3 db.sqlite3-* staticfiles test-output
