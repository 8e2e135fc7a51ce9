# Marsad: `make demo` codes the bundled examples; `make test` runs the test suite.
PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
DB     ?= marsad.duckdb

.PHONY: demo test install web-assets bench clean

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

test: install
	$(BIN)/python -m pytest -q

bench: install
	$(BIN)/python benchmarks/throughput.py

clean:
	rm -rf $(VENV) *.egg-info .pytest_cache $(DB) $(DB).wal
