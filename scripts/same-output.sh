#!/usr/bin/env bash
# same-output.sh: prove that a change does not change what Byline outputs.
#
#   scripts/same-output.sh [REF]      (default REF: HEAD)
#
# Builds `ingest` from REF (in a temporary git worktree) and from the work
# tree, runs both over the same inputs, and diffs the outputs byte for byte:
#   - `ingest extract` on corpus/, on the Wikinews sample (with and without
#     its meta.jsonl sidecar) and on the CoNLL-2003 dev documents, fed as
#     text with one sentence a line;
#   - every `ingest eval` figure: corpus/, each gold file in corpus/dev and
#     corpus/test over the Wikinews sample, and CoNLL-2003 dev (--json, with
#     nothing removed);
#   - `make demo`, with only the timings ("in 0.3s", "(1.2ms)") masked.
# The shared data is read from SHARED (default ../shared/data). Exit 0 when
# every output is the same, 1 with the diffs otherwise.
set -euo pipefail
cd "$(dirname "$0")/.."
ref=${1:-HEAD}
shared=${SHARED:-../shared/data}
work=$(mktemp -d)
trap 'git worktree remove --force "$work/ref" >/dev/null 2>&1 || true; rm -rf "$work"' EXIT

# CoNLL-2003 dev as JSON Lines articles: one document each, one sentence a
# line, tokens joined by spaces (the way a user would paste it).
conll_docs() {
  awk '
    function flush() {
      if (text != "") { gsub(/\\/, "\\\\", text); gsub(/"/, "\\\"", text); gsub(/\t/, "\\t", text)
        printf "{\"id\":\"conll-dev-%03d\",\"text\":\"%s\"}\n", n, text }
      text = ""; line = ""
    }
    /^-DOCSTART-/ { if (line != "") { text = text line "\\n"; line = "" }; flush(); n++; next }
    /^[[:space:]]*$/ { if (line != "") { text = text line "\\n"; line = "" }; next }
    { line = (line == "" ? $1 : line " " $1) }
    END { if (line != "") text = text line "\\n"; flush() }
  ' "$1"
}

# run BIN SRC OUT: every output of one build, run from source tree SRC.
run() {
  local bin=$1 src=$2 out=$3
  mkdir -p "$out"
  (
    cd "$src"
    "$bin" extract corpus/ >"$out/extract-corpus.jsonl" 2>"$out/extract-corpus.err" || echo "exit $?" >>"$out/extract-corpus.err"
    if [ -d "$shared/wikinews" ]; then
      "$bin" extract "$shared/wikinews" >"$out/extract-wikinews.jsonl" 2>"$out/extract-wikinews.err" || echo "exit $?" >>"$out/extract-wikinews.err"
      "$bin" extract --meta "$shared/wikinews/meta.jsonl" "$shared/wikinews" >"$out/extract-wikinews-meta.jsonl" 2>"$out/extract-wikinews-meta.err" || echo "exit $?" >>"$out/extract-wikinews-meta.err"
      for gold in corpus/dev/*.gold.json corpus/test/*.gold.json; do
        name=$(basename "$gold" .gold.json)
        "$bin" eval --json --gold "$gold" "$shared/wikinews" >"$out/eval-$name.jsonl" 2>&1 || echo "exit $?" >>"$out/eval-$name.jsonl"
      done
    fi
    if [ -f "$shared/ner/conll2003_dev.txt" ]; then
      conll_docs "$shared/ner/conll2003_dev.txt" | "$bin" extract - >"$out/extract-conll-dev.jsonl" 2>"$out/extract-conll-dev.err" || echo "exit $?" >>"$out/extract-conll-dev.err"
      "$bin" eval --json --gold "$shared/ner/conll2003_dev.txt" >"$out/eval-conll-dev.jsonl" 2>&1 || echo "exit $?" >>"$out/eval-conll-dev.jsonl"
    fi
    "$bin" eval --json corpus/ >"$out/eval-corpus.jsonl" 2>&1 || echo "exit $?" >>"$out/eval-corpus.jsonl"
    # make demo, with its own binary in place and timings masked.
    mkdir -p bin && cp "$bin" bin/ingest.same-output
    make -s demo BIN=bin/ingest.same-output DEMO_INDEX="$out/demo.bleve" 2>&1 |
      sed -E "s#$out#OUT#g; s/in [0-9.]+s;/in Ts;/; s/\(([0-9.]+(µs|ms|s))+\)/(T)/" >"$out/demo.txt" || true
    rm -rf "$out/demo.bleve" bin/ingest.same-output
  )
}

shared=$(cd "$shared" 2>/dev/null && pwd || echo "$shared")
git worktree add --detach "$work/ref" "$ref" >/dev/null 2>&1
(cd "$work/ref" && go build -o "$work/ingest-ref" ./cmd/ingest)
go build -o "$work/ingest-new" ./cmd/ingest
run "$work/ingest-ref" "$work/ref" "$work/out-ref" &
run "$work/ingest-new" "$PWD" "$work/out-new"
wait

status=0
for f in "$work/out-ref"/*; do
  name=$(basename "$f")
  if cmp -s "$f" "$work/out-new/$name"; then
    printf 'same      %-40s %s\n' "$name" "$(wc -c <"$f") bytes"
  else
    printf 'DIFFERENT %s\n' "$name"
    diff "$f" "$work/out-new/$name" | head -20
    status=1
  fi
done
exit $status
