#!/usr/bin/env bash
# `tidings code -j N` against `-j 1` on a corpus: wall-clock seconds of each run, the speed-up of
# the median, and whether the outputs are byte-identical (they must be).
#
#   bash benches/jobs.sh [CORPUS] [RUNS] [JOBS]
#
# CORPUS defaults to ../shared/corpus/allsides-world/articles.jsonl, RUNS to 3, JOBS to 2. Uses
# the release binary (built first). Speed depends on what else the machine runs: quote the load.
set -euo pipefail
cd "$(dirname "$0")/.."
corpus=${1:-../shared/corpus/allsides-world/articles.jsonl}
runs=${2:-3}
jobs=${3:-2}
cargo build --release --locked -p tidings-cli >&2
bin=${CARGO_TARGET_DIR:-target}/release/tidings
out=$(mktemp -d)
trap 'rm -rf "$out"' EXIT

median() { sort -n | awk '{a[NR]=$1} END {print (NR % 2) ? a[(NR+1)/2] : (a[NR/2] + a[NR/2+1]) / 2}'; }
run() { # run N J: codes the corpus with -j J, prints the seconds
    local start end
    start=$(date +%s.%N)
    "$bin" code -j "$2" "$corpus" >"$out/j$2.$1.jsonl" 2>/dev/null || true
    end=$(date +%s.%N)
    echo "$end - $start" | bc
}

echo "corpus $corpus ($(wc -c <"$corpus") bytes), $(nproc) cores, load before: $(cut -d' ' -f1-3 /proc/loadavg)"
: >"$out/t1"
: >"$out/tj"
for i in $(seq "$runs"); do
    t1=$(run "$i" 1)
    tj=$(run "$i" "$jobs")
    echo "run $i: -j 1 ${t1} s, -j $jobs ${tj} s, load $(cut -d' ' -f1 /proc/loadavg)"
    echo "$t1" >>"$out/t1"
    echo "$tj" >>"$out/tj"
    cmp -s "$out/j1.$i.jsonl" "$out/j$jobs.$i.jsonl" || { echo "OUTPUT DIFFERS in run $i" >&2; exit 1; }
done
m1=$(median <"$out/t1")
mj=$(median <"$out/tj")
echo "median: -j 1 ${m1} s, -j $jobs ${mj} s, speed-up $(echo "scale=2; $m1 / $mj" | bc)x; outputs byte-identical ($(wc -l <"$out/j1.1.jsonl") events)"
