# Marsad: `make demo` codes the bundled examples; `make test` runs the test suite.
PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
DB     ?= marsad.duckdb

.PHONY: demo test install web-assets bench corpus clean

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install -q --upgrade pip

$(VENV)/.installed: $(BIN)/python pyproject.toml
	$(BIN)/pip install -q -e '.[dev]'
	touch $@

install: $(VENV)/.installed web-assets

# Offline dashboard assets (basemap, JS libraries) installed from npm at build time.
web-assets:
	@if [ -f marsad/web/assets.sh ]; then bash marsad/web/assets.sh; fi

demo: install
	$(BIN)/marsad code examples --db $(DB)
	$(BIN)/marsad events --db $(DB)
	@echo
	@echo "Explore the events in your browser:  $(BIN)/marsad serve --db $(DB)   then open http://127.0.0.1:8000"

# pytest's own status is make's: failures (1) and "no tests collected" (5) both fail.
test: install
	$(BIN)/python -m pytest -q

bench: install
	$(BIN)/python benchmarks/throughput.py

# The whole SaudiNewsNet corpus (31,030 records) into corpus.duckdb; run it twice to see idempotence.
corpus: install
	$(BIN)/marsad code ../shared/data/saudinewsnet --workers 2 --db corpus.duckdb

clean:
	rm -rf $(VENV) *.egg-info .pytest_cache $(DB) $(DB).wal corpus.duckdb corpus.duckdb.wal
