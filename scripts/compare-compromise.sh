#!/usr/bin/env bash
# compare-compromise.sh [DIR]: Byline against npm compromise on the same
# .txt articles, in one run, so the machine's load weighs on both alike.
#
# DIR defaults to shared/data/wikinews found by walking up from here, else
# corpus/. compromise is installed into a temporary directory (removed at
# the end); nothing is installed globally. Prints articles/s for
#   compromise   people, organisations and places (one Node process)
#   byline extract   the same plus quotes and dates, JSON to /dev/null
#   byline add       all of that and writing a new on-disk index
# and the ratios Byline/compromise. Byline uses every core (GOMAXPROCS
# workers); Node runs compromise on one.
set -euo pipefail

repo=$(cd "$(dirname "$0")/.." && pwd)
dir=${1:-}
if [[ -z $dir ]]; then
	d=$PWD
	while [[ $d != / ]]; do
		if compgen -G "$d/shared/data/wikinews/*.txt" >/dev/null; then dir=$d/shared/data/wikinews; break; fi
		d=$(dirname "$d")
	done
	dir=${dir:-$repo/corpus}
fi
mapfile -t files < <(find "$dir" -maxdepth 1 -name '*.txt' | sort)
((${#files[@]})) || { echo "no .txt articles in $dir" >&2; exit 1; }

tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
echo "installing compromise into $tmp ..." >&2
(cd "$tmp" && npm init -y >/dev/null && npm install --no-audit --no-fund --silent compromise@14 >/dev/null)
cp "$repo/scripts/compromise-extract.mjs" "$tmp/"
(cd "$repo" && go build -o "$tmp/ingest" ./cmd/ingest)

now() { date +%s.%N; }

# compromise: its own timer (reading and tagging, not Node start-up).
c_json=$(node "$tmp/compromise-extract.mjs" "${files[@]}")
c_sec=$(node -e 'console.log(JSON.parse(process.argv[1]).seconds)' "$c_json")

# Byline: wall time of the binary, model loading included.
t0=$(now); "$tmp/ingest" extract "${files[@]}" >/dev/null; t1=$(now)
"$tmp/ingest" add --quiet --index "$tmp/idx.bleve" "${files[@]}" 2>/dev/null; t2=$(now)

n=${#files[@]}
awk -v n="$n" -v c="$c_sec" -v e="$(echo "$t1 - $t0" | bc)" -v a="$(echo "$t2 - $t1" | bc)" -v cpus="$(nproc)" -v dir="$dir" 'BEGIN {
	printf "%d articles from %s, %d CPUs\n", n, dir, cpus
	printf "%-16s %8.2f s %8.1f articles/s\n", "compromise", c, n / c
	printf "%-16s %8.2f s %8.1f articles/s\n", "byline extract", e, n / e
	printf "%-16s %8.2f s %8.1f articles/s\n", "byline add", a, n / a
	printf "ratio byline/compromise: extract %.2f, add %.2f\n", c / e, c / a
}'
echo "compromise found: $c_json"
