#!/usr/bin/env bash
# `tidings code -j N` against `-j 1` on a corpus: wall-clock and CPU seconds of each run, the
# speed-up of the medians, and whether the outputs are byte-identical (they must be).
#
#   bash benches/jobs.sh [CORPUS] [RUNS] [JOBS]
#
# CORPUS defaults to ../shared/corpus/allsides-world/articles.jsonl, RUNS to 3, JOBS to 2. Uses
# the release binary (built first; CARGO_BUILD_JOBS and CARGO_TARGET_DIR are honoured). Runs
# alternate -j 1 and -j N so that a change of load hits both. Speed depends on what else the
# machine runs: the load average is printed with each run; quote it.
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
run() { # run I J: codes the corpus with -j J; prints "wall user+sys" seconds
    local t
    TIMEFORMAT='%R %U %S'
    t=$({ time "$bin" code -j "$2" "$corpus" >"$out/j$2.$1.jsonl" 2>/dev/null || true; } 2>&1)
    echo "$t" | awk '{printf "%.2f %.2f\n", $1, $2 + $3}'
}

echo "corpus $corpus ($(wc -c <"$corpus") bytes), $(nproc) cores, load before: $(cut -d' ' -f1-3 /proc/loadavg)"
: >"$out/t1"
: >"$out/tj"
for i in $(seq "$runs"); do
    read -r w1 c1 < <(run "$i" 1)
    read -r wj cj < <(run "$i" "$jobs")
    echo "run $i: -j 1 ${w1} s (cpu ${c1} s), -j $jobs ${wj} s (cpu ${cj} s), load $(cut -d' ' -f1 /proc/loadavg)"
    echo "$w1" >>"$out/t1"
    echo "$wj" >>"$out/tj"
    cmp -s "$out/j1.$i.jsonl" "$out/j$jobs.$i.jsonl" || { echo "OUTPUT DIFFERS in run $i" >&2; exit 1; }
done
m1=$(median <"$out/t1")
mj=$(median <"$out/tj")
echo "median: -j 1 ${m1} s, -j $jobs ${mj} s, speed-up $(awk -v a="$m1" -v b="$mj" 'BEGIN {printf "%.2f", a / b}')x; outputs byte-identical ($(wc -l <"$out/j1.1.jsonl") events)"
