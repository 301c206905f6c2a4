# Byline. `make demo` ingests the sample corpus and searches it;
# `make test` is the test suite CI runs.

GO           ?= go
BIN          := bin/ingest
DEMO_INDEX   := $(or $(TMPDIR),/tmp)/byline-demo.bleve
FUZZTIME     ?= 30s
STATICCHECK  := honnef.co/go/tools/cmd/staticcheck@v0.8.2
PKGS         := ./...

.PHONY: all build demo serve test test-short bench loadtest compare fuzz lint vet fmt golden eval tidy clean model

all: fmt lint test

build:
	$(GO) build -o $(BIN) ./cmd/ingest

# Ingest the sample corpus into a fresh index, run two searches and list
# Neil Basu's quotes about the leak.
demo: build
	rm -rf $(DEMO_INDEX)
	$(BIN) add --index $(DEMO_INDEX) corpus/
	@echo; echo '$$ ingest search person:"Neil Basu"'
	$(BIN) search --index $(DEMO_INDEX) 'person:"Neil Basu"'
	@echo; echo '$$ ingest search "duty of confidentiality"'
	$(BIN) search --index $(DEMO_INDEX) '"duty of confidentiality"'
	@echo; echo '$$ ingest quotes --speaker "Neil Basu" leak'
	$(BIN) quotes --index $(DEMO_INDEX) --limit 2 --speaker "Neil Basu" leak

# Search the demo index in a browser (after make demo); Ctrl-C stops it.
serve: build
	$(BIN) serve --index $(DEMO_INDEX)

test:
	$(GO) test -race $(PKGS)

test-short:
	$(GO) test -race -short $(PKGS)

# Benchmarks report articles/s and ms/article per stage and end to end on
# ../shared/data/wikinews (else corpus/). Bigger runs:
# make bench BENCH=Ingest BENCH_ARTICLES=3000 BENCHTIME=3x
BENCH          ?= .
BENCHTIME      ?= 1s
BENCH_ARTICLES ?=
bench:
	BYLINE_BENCH_ARTICLES=$(BENCH_ARTICLES) $(GO) test -run='^$$' -bench='$(BENCH)' -benchtime=$(BENCHTIME) -benchmem $(PKGS)

# Throughput, peak RSS, index size and search latency at scale:
# make loadtest LOADTEST_N=1000,10000,100000
# The Go memory limit is ingest add's default (--memory-limit); off for none.
LOADTEST_N        ?= 1000,10000
LOADTEST_MEMLIMIT ?= 320MiB
loadtest:
	GOMEMLIMIT=$(LOADTEST_MEMLIMIT) $(GO) run ./pipeline/internal/loadtest -n $(LOADTEST_N)

# Byline against npm compromise on the same articles (needs node and npm).
compare:
	scripts/compare-compromise.sh

# One fuzz target per call: make fuzz FUZZ=FuzzCleanHTML PKG=./extract/clean
# Go minimises every new interesting input before fuzzing on, for up to a
# minute each; on the HTML cleaner that took most of a short run (29,000
# execs a minute with 3 s of minimising, 150,000 without). FUZZMINIMIZE=0s
# skips it; a crasher is then kept as found (inputs are bounded to a few
# KiB), and FUZZMINIMIZE=60s minimises it on a rerun.
FUZZ         ?= FuzzCleanHTML
PKG          ?= ./extract/clean
FUZZMINIMIZE ?= 0s
fuzz:
	$(GO) test -run='^$$' -fuzz='^$(FUZZ)$$' -fuzztime=$(FUZZTIME) -fuzzminimizetime=$(FUZZMINIMIZE) $(PKG)

vet:
	$(GO) vet $(PKGS)

lint: vet
	$(GO) run $(STATICCHECK) $(PKGS)

fmt:
	@out=$$(gofmt -l $$(git ls-files '*.go')); if [ -n "$$out" ]; then echo "gofmt needed:"; echo "$$out"; exit 1; fi

golden:
	$(GO) test $(PKGS) -run Golden -update

eval:
	$(GO) run ./cmd/ingest eval corpus/

# Quality gates on the dev sets the project's shared folder provides
# (SHARED, ../shared/data from the repository root; not in the repository,
# see corpus/README.md). Each set is skipped, with a message, when its data
# is absent. Floors sit two or three points under the figures measured on
# 2026-12-07, so that a regression of a few items fails; raise them when
# the figures rise. Measured: Wikinews dates: dates.f1 0.942,
# date_values 0.938; quotes: quotes.f1 1.000, speakers 0.943, kinds 0.991;
# quotes-2: quotes.f1 0.904, direct 0.994, speakers 0.978, kinds 0.985;
# quotes-3: quotes.f1 0.841, direct 0.971, speakers 0.917, kinds 0.955;
# PolNeAR dev: quotes P 0.896 R 0.997 F1 0.944, speakers 0.598. The
# held-out test golds are measured, never gated.
SHARED ?= ../shared/data
.PHONY: dev-gate
dev-gate: build
	@if [ -d "$(SHARED)/wikinews" ]; then \
	  echo "dev-gate: Wikinews dates"; \
	  $(BIN) eval --gold corpus/dev/wikinews-dates.gold.json --min dates.f1=0.92 --min date_values.accuracy=0.91 $(SHARED)/wikinews > /dev/null && \
	  echo "dev-gate: Wikinews quotes" && \
	  $(BIN) eval --gold corpus/dev/wikinews-quotes.gold.json --min quotes.f1=0.97 --min speakers.accuracy=0.92 --min quote_kinds.accuracy=0.97 $(SHARED)/wikinews > /dev/null && \
	  echo "dev-gate: Wikinews quotes 2 (with indirect speech)" && \
	  $(BIN) eval --gold corpus/dev/wikinews-quotes-2.gold.json --min quotes.f1=0.88 --min quotes_direct.f1=0.97 --min speakers.accuracy=0.95 --min quote_kinds.accuracy=0.96 $(SHARED)/wikinews > /dev/null && \
	  echo "dev-gate: Wikinews quotes 3 (with indirect speech)" && \
	  $(BIN) eval --gold corpus/dev/wikinews-quotes-3.gold.json --min quotes.f1=0.82 --min quotes_direct.f1=0.95 --min speakers.accuracy=0.89 --min quote_kinds.accuracy=0.93 $(SHARED)/wikinews > /dev/null \
	  || exit $$?; \
	else echo "dev-gate: no $(SHARED)/wikinews: Wikinews dev gates skipped"; fi
	@if [ -f "$(SHARED)/polnear/dev.gold.jsonl" ]; then \
	  echo "dev-gate: PolNeAR dev"; \
	  $(BIN) eval --gold $(SHARED)/polnear/dev.gold.jsonl --min quotes.f1=0.92 --min quotes.precision=0.87 --min speakers.accuracy=0.57 $(SHARED)/polnear/dev.input.jsonl > /dev/null || exit $$?; \
	else echo "dev-gate: no $(SHARED)/polnear/dev.gold.jsonl: PolNeAR dev gate skipped"; fi
	@if [ -f "$(SHARED)/ner/conll2003_dev.txt" ]; then \
	  echo "dev-gate: CoNLL-2003 dev names, through ingest extract's path"; \
	  $(BIN) eval --gold $(SHARED)/ner/conll2003_dev.txt --min entities_mentions.f1=0.92 --min organizations_mentions.f1=0.88 --min people_mentions.f1=0.93 --min places_mentions.f1=0.94 > /dev/null || exit $$?; \
	else echo "dev-gate: no $(SHARED)/ner/conll2003_dev.txt: CoNLL-2003 dev gate skipped"; fi

# Dates against TimeML gold (TempEval-3 style; corpus/README.md says where
# to get it): make timeml-eval TIMEML_DIR=/tmp/te3/data/TBAQ-cleaned/TimeBank
TIMEML_DIR ?=
.PHONY: timeml-eval
timeml-eval:
	@if [ -z "$(TIMEML_DIR)" ]; then echo "timeml-eval: set TIMEML_DIR to a directory of TimeML .tml files (TimeBank, AQUAINT); corpus/README.md, section TimeML, says how to get them" >&2; exit 2; fi
	$(GO) run ./cmd/ingest eval --gold $(TIMEML_DIR) $(TIMEML_FLAGS)

# Issue 7's gate on TimeML news, for a machine that has the data (CI does
# not: it may not be redistributed). TIMEML_ROOT is TempEval-3's
# TBAQ-cleaned directory: TimeBank must reach 0.85 value F1 (the target);
# AQUAINT has a floor just under its figure, so that a rule that helps one
# corpus and hurts the other shows. TE3-Platinum, the held-out test set,
# has no gate: it is measured, never tuned on (corpus/README.md).
TIMEML_ROOT ?=
.PHONY: timeml-gate
timeml-gate: build
	@if [ -z "$(TIMEML_ROOT)" ]; then echo "timeml-gate: set TIMEML_ROOT to TempEval-3's TBAQ-cleaned directory; corpus/README.md, section TimeML, says how to get it" >&2; exit 2; fi
	$(BIN) eval --gold $(TIMEML_ROOT)/TimeBank --min timex_value.f1=0.85 > /dev/null
	$(BIN) eval --gold $(TIMEML_ROOT)/AQUAINT --min timex_value.f1=0.80 > /dev/null
	@echo "timeml-gate: TimeBank and AQUAINT hold"

# Retrain the embedded entity model from CoNLL-2003 (extract/names/model/README.md).
NER_DATA ?= ../shared/data/ner
model:
	$(GO) run ./extract/internal/train -data $(NER_DATA) -out extract/names/model/ner.bin.gz

tidy:
	$(GO) mod tidy -diff

clean:
	rm -rf bin $(DEMO_INDEX)
